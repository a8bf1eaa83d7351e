"""A card's lead-pool (公海) button: "Claim" a record nobody holds, "Release to the pool" one held.

Claims and releases are one undoable operation each and show on the card's timeline. With one
laptop the user decides for every owner (as the editor's owner field does), so a held record
can be released whoever holds it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton, QWidget

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
        self.available = getattr(workspace, "pool", None) is not None
        self.held = False
        self.name = ""
        self.clicked.connect(self.act)
        self.hide()

    def show_owner(self, owner_id: str | None, name: str) -> None:
        """The record is held by ``owner_id`` (``None``: it is in the pool)."""
        self.held, self.name = owner_id is not None, name
        if self.held:
            self.setText(self.tr("Release to the pool"))
            self.setToolTip(self.tr("Nobody holds it afterwards; anyone may claim it"))
        else:
            self.setText(self.tr("Claim"))
            self.setToolTip(self.tr("In the pool: nobody holds it. Claim it to make it yours"))
        self.setVisible(self.available)

    def act(self) -> None:
        """Claim or release, as the button says."""
        kind, rid, name = self.kind, self.record_id, self.name
        if self.held:
            self._shell.mutate(
                lambda ws: ws.pool.release(kind, rid),
                fill(self.tr("%1 released to the pool."), name),
            )
        else:
            self._shell.mutate(
                lambda ws: ws.pool.claim(kind, rid), fill(self.tr("%1 claimed."), name)
            )
