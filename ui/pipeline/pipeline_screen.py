"""The Pipeline screen: the board of a pipeline's deals, filtered; moves run on the worker."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.report_periods import period_days
from desktop_crm.services.deals.dto import Board, BoardCard, BoardColumn, BoardFilter
from desktop_crm.services.pipelines.dto import PipelineInfo
from ui.alive import while_open
from ui.amounts import money_text
from ui.deals.deals_list_view import DealsListView
from ui.list_table import filter_edit, list_header
from ui.pipeline.board_view import BoardView
from ui.screen import Screen
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.common.dto import ChangeResult
    from desktop_crm.services.contact_lists.dto import Facets
    from desktop_crm.services.workspace.handle import Workspace
    from ui.shell import Shell

FILTER_DELAY_MS = 250
PERIODS = ("any", "this_month", "next_3_months", "this_quarter", "overdue")


class PipelineScreen(Screen):
    """Deals on a kanban board: drag a card to another stage, or onto Won or Lost."""

    key = "pipeline"
    icon_name = "pipeline"
    watches: ClassVar[frozenset[str]] = frozenset(
        {
            "deals",
            "deal_stage_changes",
            "stages",
            "pipelines",
            "people",
            "companies",
            "users",
            "taggings",
        }
    )

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.workspace: Workspace | None = None
        self.pipelines: list[PipelineInfo] = []
        self.board_data: Board | None = None
        self._stale = True
        self._select_after = ""
        self.board_page = QWidget()
        layout, top = list_header(self.board_page, self.tr("Pipeline"))
        self.pipeline_box = QComboBox()
        self.pipeline_box.setToolTip(self.tr("Pipeline"))
        top.addWidget(self.pipeline_box)
        self.search = filter_edit(self.tr("Filter by title, number or customer…"))
        top.addWidget(self.search, 1)
        self.owner_box = QComboBox()
        self.owner_box.addItem(self.tr("Anyone"), None)
        top.addWidget(self.owner_box)
        self.tag_box = QComboBox()
        self.tag_box.addItem(self.tr("Any tag"), None)
        self.tag_box.setToolTip(self.tr("Customers with this tag"))
        top.addWidget(self.tag_box)
        self.period_box = QComboBox()
        for code, text in zip(PERIODS, self._period_names(), strict=True):
            self.period_box.addItem(text, code)
        self.period_box.setToolTip(self.tr("Expected to close"))
        top.addWidget(self.period_box)
        self.new_button = QPushButton(self.tr("New Deal…"))
        top.addWidget(self.new_button)
        layout.addLayout(top)
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        layout.addWidget(self.summary)
        self.board = BoardView(self._card_lines, self._column_texts, self._zone_texts())
        layout.addWidget(self.board, 1)

        self.deals_list = DealsListView(shell)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.board_page, self.tr("Board"))
        self.tabs.addTab(self.deals_list, self.tr("List"))
        self.tabs.currentChanged.connect(lambda _i: self.shown())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._filter_timer.start())
        for box in (self.pipeline_box, self.owner_box, self.tag_box, self.period_box):
            box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button.clicked.connect(self.new_deal)
        self.board.moveRequested.connect(self.move_deal)
        self.board.wonRequested.connect(self.win_deal)
        self.board.lostRequested.connect(self.lose_deal)
        self.board.openRequested.connect(self.open_deal)

    def title(self) -> str:
        """The screen's name."""
        return self.tr("Pipeline")

    # --- loading --------------------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Read the opened workspace's pipelines and owners; its board when shown."""
        self.workspace = workspace
        self.pipelines = []
        self.board_data = None
        self._stale = self._list_stale = True
        self.deals_list.set_workspace(workspace)
        self._list_stale = False
        if workspace is None:
            return
        reads = workspace.reads
        self.shell.worker.read(reads.pipelines.pipelines, self._show_pipelines)
        self.shell.worker.read(
            lambda: reads.contact_list.facets("person"), self._show_owners, background=True
        )
        self.shell.worker.read(reads.deals.tags, self._show_tags, background=True)
        if self.isVisible():
            self.refresh()

    def shown(self) -> None:
        """Read the board (or the list) if something changed while it was not shown."""
        if self.tabs.currentWidget() is self.deals_list:
            if self._list_stale:
                self._list_stale = False
                self.deals_list.refresh()
        elif self._stale:
            self.refresh()

    def changed(self, changes: ChangeResult) -> None:
        """Read the board and the list again (now the one shown, the other when shown)."""
        self._stale = self._list_stale = True
        if "taggings" in changes.entities and self.workspace is not None:
            self.shell.worker.read(self.workspace.reads.deals.tags, self._show_tags)
        if self.isVisible() and self.tabs.currentWidget() is self.deals_list:
            self._list_stale = False
            self.deals_list.refresh()
        if {"stages", "pipelines"} & set(changes.entities) or not changes.entities:
            ws = self.workspace
            if ws is not None:
                self.shell.worker.read(ws.reads.pipelines.pipelines, self._show_pipelines)
                return
        if self.isVisible() and self.tabs.currentWidget() is self.board_page:
            self.refresh()

    def refresh(self) -> None:
        """Read the chosen pipeline's board with the filters set."""
        ws, pipeline_id = self.workspace, self.pipeline_box.currentData()
        if ws is None or not pipeline_id:
            return
        self._stale = False
        flt = self.board_filter()
        reads = ws.reads
        self.shell.worker.read(
            lambda: reads.deals.board(str(pipeline_id), flt),
            self._show_board,
            self.shell.show_error,
        )

    def board_filter(self) -> BoardFilter:
        """The filters set in the header."""
        start, end = _period(str(self.period_box.currentData()), date.today())
        return BoardFilter(
            owner_id=self.owner_box.currentData(),
            tag_id=self.tag_box.currentData(),
            close_from=start,
            close_to=end,
            text=self.search.text().strip(),
        )

    def _show_pipelines(self, pipelines: list[PipelineInfo]) -> None:
        chosen = self.pipeline_box.currentData()
        self.pipelines = pipelines
        self.pipeline_box.blockSignals(True)
        self.pipeline_box.clear()
        for info in pipelines:
            self.pipeline_box.addItem(info.name, info.id)
        default = next((p.id for p in pipelines if p.id == chosen), None) or next(
            (p.id for p in pipelines if p.is_default), pipelines[0].id if pipelines else None
        )
        self.pipeline_box.setCurrentIndex(max(0, self.pipeline_box.findData(default)))
        self.pipeline_box.setVisible(len(pipelines) > 1)
        self.pipeline_box.blockSignals(False)
        self._stale = True
        if self.isVisible():
            self.refresh()

    def _show_owners(self, facets: Facets) -> None:
        chosen = self.owner_box.currentData()
        self.owner_box.blockSignals(True)
        while self.owner_box.count() > 1:
            self.owner_box.removeItem(1)
        for user_id, name in facets.owners:
            self.owner_box.addItem(name, user_id)
        self.owner_box.setCurrentIndex(max(0, self.owner_box.findData(chosen)))
        self.owner_box.blockSignals(False)

    def _show_tags(self, tags: list[tuple[str, str]]) -> None:
        chosen = self.tag_box.currentData()
        self.tag_box.blockSignals(True)
        while self.tag_box.count() > 1:
            self.tag_box.removeItem(1)
        for tag_id, name in tags:
            self.tag_box.addItem(name, tag_id)
        self.tag_box.setCurrentIndex(max(0, self.tag_box.findData(chosen)))
        self.tag_box.setVisible(bool(tags))
        self.tag_box.blockSignals(False)

    def _show_board(self, board: Board) -> None:
        if board.pipeline_id != self.pipeline_box.currentData():
            return  # another pipeline was chosen meanwhile
        self.board_data = board
        self.board.show_board(board, self._zone_texts())
        if self._select_after:
            self.board.select(self._select_after)
            self._select_after = ""
        open_columns = [c for c in board.columns if c.kind == "open"]
        count = sum(c.count for c in open_columns)
        total = sum((c.total for c in open_columns), start=Decimal(0))
        weighted = sum((c.weighted for c in open_columns), start=Decimal(0))
        others: dict[str, Decimal] = {}
        for column in open_columns:
            for code, amount in column.other_currencies.items():
                others[code] = others.get(code, Decimal(0)) + amount
        text = fill(
            self.tr("%n open deals · %1 · weighted %2", "", count),
            money_text(total, board.currency, whole=True),
            money_text(weighted, board.currency, whole=True),
        )
        # Deals in other currencies are counted, never converted: their sums are said apart.
        extra = " · ".join(money_text(a, code, whole=True) for code, a in sorted(others.items()))
        self.summary.setText(f"{text} · + {extra}" if extra else text)

    # --- words ---------------------------------------------------------------------------------

    def _card_lines(self, card: BoardCard) -> tuple[str, str, str]:
        figures = [money_text(card.amount, card.currency, whole=True)]
        if card.expected_close is not None:
            # This year's days short, so the owner still fits on a 240-pixel card.
            same_year = card.expected_close.year == date.today().year
            figures.append(card.expected_close.strftime("%m-%d" if same_year else "%Y-%m-%d"))
        if card.owner:
            figures.append(card.owner)
        waiting = self.tr("%n d", "days in the stage", card.days_in_stage)
        return card.customer or self.tr("No customer"), " · ".join(figures), waiting

    def _column_texts(self, column: BoardColumn) -> tuple[str, str]:
        currency = self.board_data.currency if self.board_data else "CNY"
        heading = fill(self.tr("%1 · %2 · %3 %"), column.name, column.count, column.probability)
        figures = fill(
            self.tr("%1 · weighted %2"),
            money_text(column.total, currency, whole=True),
            money_text(column.weighted, currency, whole=True),
        )
        others = " · ".join(
            money_text(amount, code, whole=True) for code, amount in column.other_currencies.items()
        )
        return heading, f"{figures}\n+ {others}" if others else figures

    def _zone_texts(self) -> tuple[str, str]:
        board = self.board_data
        won = lost = 0
        if board is not None:
            won = sum(c.count for c in board.columns if c.kind == "won")
            lost = sum(c.count for c in board.columns if c.kind == "lost")
        return (
            self.tr("Won (drop here) · %n", "", won),
            self.tr("Lost (drop here) · %n", "", lost),
        )

    def _period_names(self) -> list[str]:
        return [
            self.tr("Any close date"),
            self.tr("Closing this month"),
            self.tr("Closing in 3 months"),
            self.tr("Closing this quarter"),
            self.tr("Close date passed"),
        ]

    # --- moving ------------------------------------------------------------------------------

    def move_deal(self, deal_id: str, stage_id: str, before_id: str) -> None:
        """Move a deal to a stage (before a card, else last): one undoable operation."""
        self._submit(
            lambda ws: ws.deals.move(deal_id, stage_id, before_id=before_id or None), deal_id
        )

    def win_deal(self, deal_id: str) -> None:
        """Mark a deal won."""
        self._submit(lambda ws: ws.deals.win(deal_id), "")

    def lose_deal(self, deal_id: str) -> None:
        """Ask why the deal was lost, then mark it lost."""
        ws = self.workspace
        if ws is None:
            return
        self.shell.worker.read(
            ws.reads.pipelines.lost_reasons,
            while_open(self, lambda r: self._ask_reason(deal_id, r)),
        )

    def _ask_reason(self, deal_id: str, reasons: list[str]) -> None:
        reason, ok = QInputDialog.getItem(
            self, self.tr("Lost"), self.tr("Why was it lost?"), reasons, 0, True
        )
        if ok and reason.strip():
            text = reason.strip()
            self._submit(lambda ws: ws.deals.lose(deal_id, text), "")

    def _submit(self, change: Callable[[Workspace], ChangeResult], select: str) -> None:
        ws = self.workspace
        if ws is None:
            return

        def done(result: ChangeResult) -> None:
            self._select_after = select  # the moved card stays current once the board is back
            self.shell.apply_changes(result)

        self.shell.worker.submit(lambda: change(ws), done, self.shell.show_error)

    # --- opening ------------------------------------------------------------------------------

    def open_deal(self, deal_id: str) -> None:
        """Open the deal (its view, from which it is edited)."""
        from ui.deals.deal_dialog import open_deal

        open_deal(self.shell, deal_id)

    def new_deal(self) -> None:
        """Start a new deal in the first stage of the pipeline shown."""
        from ui.deals.deal_editor import open_deal_editor  # not on the start path (ORM types)

        chosen = self.pipeline_box.currentData()
        stages = next((p.stages for p in self.pipelines if p.id == chosen), ())
        first = next((stage.id for stage in stages if stage.kind == "open"), None)
        open_deal_editor(self.shell, stage_id=first)


def _period(code: str, today: date) -> tuple[date | None, date | None]:
    """The close days a period choice covers (both ends included)."""
    if code in ("this_month", "this_quarter"):
        return period_days(code, today)  # type: ignore[arg-type]
    if code == "next_3_months":
        return today, today + timedelta(days=92)
    if code == "overdue":
        return None, today - timedelta(days=1)
    return None, None
