"""A card's lead-pool (公海) button: "Claim" a record nobody holds, "Release to the pool" one held.

Claims and releases are one undoable operation each and show on the card's timeline. With one
laptop the user decides for every owner (as the editor's owner field does), so a held record
can be released whoever holds it; someone else's only after a question naming the holder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from desktop_crm.domain.choices import RecordKind
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.shell import Shell


class PoolButton(QPushButton):
    """Claim the card's record from the pool, or release it back.

    Hidden until the card is read, and for good when the workspace has no pool.

    Args:
        shell: The main window (its ``mutate``).
        workspace: The open workspace.
        kind: ``person`` or ``company``.
        record_id: Whose card.
        parent: The card.
    """

    def __init__(
        self,
        shell: Shell,
        workspace: Workspace,
        kind: RecordKind,
        record_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._shell = shell
        self.kind, self.record_id = kind, record_id
        self._workspace = workspace
        self.available = getattr(workspace, "pool", None) is not None
        self.held = False
        self.name = ""
        self.holder = ""  # someone else's name when they hold it; empty when it is ours
        self.clicked.connect(self.act)
        self.hide()

    def show_owner(self, owner_id: str | None, name: str, owner: str | None = None) -> None:
        """The record ``name`` is held by ``owner_id`` called ``owner`` (``None``: in the pool)."""
        self.held, self.name = owner_id is not None, name
        mine = not self.available or self._workspace.pool.holds(owner_id)
        self.holder = "" if mine or not self.held else (owner or "?")
        if self.held:
            self.setText(self.tr("Release to the pool"))
            tip = self.tr("Nobody holds it afterwards; anyone may claim it")
            if self.holder:
                tip = fill(self.tr("Held by %1. %2"), self.holder, tip)
            self.setToolTip(tip)
        else:
            self.setText(self.tr("Claim"))
            self.setToolTip(self.tr("In the pool: nobody holds it. Claim it to make it yours"))
        self.setVisible(self.available)

    def act(self) -> None:
        """Claim or release, as the button says."""
        kind, rid, name = self.kind, self.record_id, self.name
        if self.held:
            if self.holder and not self._confirm_release():
                return
            self._shell.mutate(
                lambda ws: ws.pool.release(kind, rid),
                fill(self.tr("%1 released to the pool."), name),
            )
        else:
            self._shell.mutate(
                lambda ws: ws.pool.claim(kind, rid), fill(self.tr("%1 claimed."), name)
            )

    def _confirm_release(self) -> bool:
        """Ask before taking a record from someone else."""
        answer = QMessageBox.question(
            self,
            self.tr("Release to the pool"),
            fill(
                self.tr("%1 is held by %2. Release it to the pool anyway?"), self.name, self.holder
            ),
        )
        return answer == QMessageBox.StandardButton.Yes
