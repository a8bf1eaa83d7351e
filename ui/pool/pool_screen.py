"""The Lead pool screen as the main window sees it: claims run on the worker, undoable."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtWidgets import QMessageBox, QVBoxLayout

from desktop_crm.domain.errors import ValidationError
from ui.choices import record_kind
from ui.messages import error_text
from ui.pool.pool_view import PoolView
from ui.screen import Screen
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.common.dto import ChangeResult
    from desktop_crm.services.workspace.handle import Workspace
    from ui.pool.list_model import Claimable
    from ui.shell import Shell


class PoolScreen(Screen):
    """Records nobody holds (公海): claim them, open their cards.

    With one user the pool is a "later" shelf: records released from their cards wait here.
    """

    key = "pool"
    icon_name = "pool"
    # Who holds a record is the people's and companies' own; their last contact and when
    # they came back to the pool are read from activities; the cap is a setting.
    watches: ClassVar[frozenset[str]] = frozenset({"people", "companies", "activities", "users"})

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = PoolView(shell.worker)
        layout.addWidget(self.view)
        self.view.claimRequested.connect(self.claim)
        self.view.openRequested.connect(
            lambda kind, record_id: self.shell.open_card(record_kind(kind), record_id)
        )

    def title(self) -> str:
        """The screen's name."""
        return self.tr("Lead pool")

    def set_workspace(self, workspace: Workspace | None) -> None:
        """List the opened workspace's pool."""
        self.view.set_workspace(workspace)

    def changed(self, changes: ChangeResult) -> None:
        """Reload the list."""
        self.view.refresh()

    def claim(
        self, resolve: Callable[[Workspace], list[Claimable]], count: int, first_name: str = ""
    ) -> None:
        """Claim the records ``resolve`` finds on the worker, as one undoable operation.

        A refused claim (the cap reached, someone else holding a record) claims none of them
        and says why.
        """
        ws = self.shell.workspace
        if ws is None or count <= 0:
            return

        def job() -> ChangeResult:
            return ws.pool.claim_many(resolve(ws))

        if count == 1 and first_name:
            message = fill(self.tr("“%1” is yours now."), first_name)
        else:
            message = self.tr("Claimed %n records.", "", count)

        def done(result: ChangeResult) -> None:
            self.shell.show_status(message, 4000)
            self.shell.apply_changes(result)

        self.shell.worker.submit(job, done, self.refused)

    def refused(self, exc: BaseException) -> None:
        """Say why a claim was refused, then show the pool as it is now."""
        QMessageBox.warning(self.shell, self.tr("Claim"), self.refusal_text(exc))
        self.view.refresh()  # someone may have taken a record meanwhile

    def refusal_text(self, exc: BaseException) -> str:
        """Why a claim was refused, in the user's language (the service's words otherwise)."""
        if isinstance(exc, ValidationError):
            field, params = exc.params.get("field"), exc.params
            if field == "pool.cap" and isinstance(params.get("cap"), int):
                return self.tr(
                    "You hold %n records already, as many as the pool allows. Release one to "
                    "claim another.",
                    "",
                    int(params["cap"]),
                )
            if field == "owner_id" and params.get("holder") and params.get("name"):
                return fill(
                    self.tr("%1 is held by %2: only records in the pool can be claimed."),
                    str(params["name"]),
                    str(params["holder"]),
                )
        return error_text(exc)
