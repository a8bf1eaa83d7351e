"""The Today screen as the main window sees it: loaded on the worker, refreshed on change.

It reloads when something it shows changes, and by itself when time moves a row: a minute
timer reads the workspace's clock and reloads once a row due today has come due or the local
day has turned (tests move a ``FixedClock`` and fire the timer).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QVBoxLayout

from desktop_crm.domain.clock import local_today
from ui.empty_state import StartPanel, wire_start_panel
from ui.screen import Screen
from ui.today.row_actions import TodayActions
from ui.today.today_rows import TodayRow, next_change
from ui.today.today_view import TodayView

if TYPE_CHECKING:
    from desktop_crm.services.common.dto import ChangeResult
    from desktop_crm.services.today.dto import TodayLists, TodaySummary, WorkspaceInfo
    from desktop_crm.services.workspace.handle import Workspace
    from ui.shell import Shell

MINUTE_MS = 60_000
PIPELINE_TABLES = frozenset({"deals", "settings", "stages"})
"""Changes that move the open pipeline's sum (amounts, stages, the workspace's currency)."""
START_TABLES = frozenset({"people", "companies"})
"""Changes that may empty the workspace or fill an empty one (the start panel)."""
FOLDED_KEY = "today/folded"


class TodayScreen(Screen):
    """Follow-ups overdue, due today and this week, who waited too long, what is owed.

    Attributes:
        view: The heading and the sections.
        row_actions: Does what the rows' buttons, menus and keys ask.
        minute_timer: Checks the clock every minute (rows come due without a change).
    """

    key = "today"
    icon_name = "today"
    watches: ClassVar[frozenset[str]] = frozenset(
        {
            "activities",
            "people",
            "companies",
            "deals",
            "settings",
            "follow_ups",
            "stages",  # rotting days
            "deal_stage_changes",
            "phones",
            "users",
            # overdue contract instalments
            "contracts",
            "payment_plans",
            "payments",
        }
    )

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.view = TodayView()
        self._layout.addWidget(self.view, 1)
        self.row_actions = TodayActions(shell, self._open_contract, self.view.list)
        self.view.list.actionRequested.connect(self._act)
        self.view.list.menuRequested.connect(self._menu)
        self.view.list.foldChanged.connect(lambda _key, _folded: self._save_folded())
        folded = shell.settings.value(FOLDED_KEY, [])
        # QSettings hands a one-entry list back as a plain string.
        keys = [folded] if isinstance(folded, str) else folded if isinstance(folded, list) else []
        self.view.set_folded({str(k) for k in keys if k})
        # While the workspace holds no contacts, how to start takes the list's place.
        self.start_panel = StartPanel()
        self.start_panel.hide()
        self._layout.addWidget(self.start_panel)
        wire_start_panel(shell, self.start_panel, self._add_contact)
        self.minute_timer = QTimer(self)
        self.minute_timer.setInterval(MINUTE_MS)
        self.minute_timer.timeout.connect(self.tick)
        self._next_change: datetime | None = None
        self._figures_due: set[str] = set()  # "pipeline", "start": read after the next lists
        self._loading = False
        self._again = False

    def title(self) -> str:
        """The screen's name."""
        return self.tr("Today")

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Load today's lists (and start the minute timer); ``None``: stop it."""
        if workspace is None:
            self.minute_timer.stop()
            self._next_change = None
            return
        self._figures_due = {"pipeline", "start"}
        self._load(workspace)
        self.minute_timer.start()

    def changed(self, changes: ChangeResult) -> None:
        """Reload the lists (and the figures beside them, if the change touched theirs)."""
        if self.shell.workspace is None:
            return
        unknown = not changes.entities
        if unknown or changes.entities & PIPELINE_TABLES:
            self._figures_due.add("pipeline")
        if unknown or changes.entities & START_TABLES:
            self._figures_due.add("start")
        self._load(self.shell.workspace)

    def tick(self) -> None:
        """The minute timer: reload once time has moved a row (due now, a new day, a new zone)."""
        ws = self.shell.workspace
        lists = self.view.lists
        if ws is None or self._next_change is None or lists is None:
            return
        # Carried to another zone, local days begin at other moments: read them again.
        if ws.clock.now() >= self._next_change or ws.clock.zone().key != lists.zone:
            self._load(ws)

    # --- acting on rows -------------------------------------------------------------------------

    def _act(self, code: str, row: TodayRow, at: QPoint) -> None:
        self.row_actions.run(code, row, at)

    def _menu(self, row: TodayRow, at: QPoint) -> None:
        self.row_actions.context_menu(row, self.view.list).popup(at)

    def _open_contract(self, contract_id: str) -> None:
        """Show the contract an overdue payment row belongs to, on the Contracts screen."""
        self.shell.show_view("contracts")
        # Through the window's screens, so Today does not depend on the Contracts package.
        screen = getattr(self.shell, "screens", {}).get("contracts")
        select = getattr(screen, "select_contract", None)
        if callable(select):
            select(contract_id)

    def _save_folded(self) -> None:
        self.shell.settings.setValue(FOLDED_KEY, sorted(self.view.folded))

    # --- loading --------------------------------------------------------------------------------

    def _load(self, ws: Workspace) -> None:
        # One read at a time: changes arriving while one runs are shown by a single next read.
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.shell.worker.read(
            ws.reads.today.lists,
            lambda lists: self._loaded(ws, lists),
            lambda exc: self._failed(ws, exc),
        )

    def _loaded(self, ws: Workspace, lists: TodayLists) -> None:
        self._loading = False
        current = self.shell.workspace
        if self._again or current is not ws:  # changed, closed or replaced meanwhile
            self._again = False
            if current is not None:
                self._load(current)
            return
        self.view.show_lists(lists)
        self._next_change = next_change(lists)
        # The figures beside the lists, after them and only when what they count changed: the
        # pipeline's sum reads every open deal, which a follow-up done or a minute gone never
        # changes.
        due, self._figures_due = self._figures_due, set()
        if "pipeline" in due:
            today = local_today(ws.clock)
            self.shell.worker.read(
                lambda: ws.reads.today.summary(today), self._show_summary, background=True
            )
        if "start" in due:
            self.shell.worker.read(ws.reads.today.info, self._show_start, background=True)

    def _failed(self, ws: Workspace, exc: BaseException) -> None:
        from desktop_crm.domain.errors import CancelledError

        self._loading = False
        current = self.shell.workspace
        if current is not ws:  # the read raced a close: show the workspace open now
            self._again = False
            if current is not None:
                self._load(current)
            return
        self._again = False
        if not isinstance(exc, CancelledError):
            self.shell.show_error(exc)

    def _show_summary(self, summary: TodaySummary) -> None:
        self.view.show_pipeline(summary.open_pipeline, summary.currency)

    def _show_start(self, info: WorkspaceInfo) -> None:
        """Offer how to start while there are no contacts (after the lists are shown)."""
        empty = info.people == 0 and info.companies == 0
        self.start_panel.setVisible(empty)
        self.view.list.setVisible(not empty)
        self._layout.setStretchFactor(self.view, 0 if empty else 1)
        self._layout.setStretchFactor(self.start_panel, 1 if empty else 0)

    def _add_contact(self) -> None:
        """Open the editor for a new person."""
        self.shell.edit_contact("person", None)
