"""The deals list: every deal, filtered by text, status, pipeline or stage and owner; exportable.

A lazy table (``ui.paged_model``) over the deal service's list, sorted in SQL. The Pipeline
screen embeds it as its List tab (``DealsListView(shell)``, then ``set_workspace`` and, after a
change, ``refresh``). Double-click (or Enter) opens a deal in the editor; "Export…" writes the
list as shown (filter and sort) to .xlsx or .csv.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_crm.domain.choices import ExportFormat
from desktop_crm.domain.vocab import DealStatus
from desktop_crm.services.deals.dto import BoardFilter, DealFilter, DealSummary
from desktop_crm.services.pipelines.dto import PipelineInfo
from ui.alive import while_open
from ui.amounts import money_text
from ui.deals.deals_list_model import COLUMNS, DealTableModel
from ui.deals.texts import status_label
from ui.list_table import filter_edit, list_header, list_table
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.deals.deal_editor import DealEditor
    from ui.progress_dialog import ProgressRun
    from ui.shell import Shell

_WIDTHS = {
    "number": 110,
    "title": 220,
    "customer": 180,
    "stage": 120,
    "status": 70,
    "amount": 110,
    "probability": 70,
    "expected_close": 100,
    "owner": 90,
}


@dataclass(frozen=True)
class ListChoices:
    """What the filters offer, read on the reader.

    Attributes:
        pipelines: The pipelines with their stages.
        owners: The users, ``(id, name)``.
    """

    pipelines: list[PipelineInfo]
    owners: list[tuple[str, str]]


def read_choices(ws: Workspace) -> ListChoices:
    """The pipelines and owners the filters offer (on the reader)."""
    reads = ws.reads
    return ListChoices(
        reads.pipelines.pipelines(), list(reads.contact_list.facets("person").owners)
    )


class DealsListView(QWidget):
    """Deals in a lazy, sortable table with a filter bar, "New deal…" and "Export…".

    Args:
        shell: The main window (worker, the editor, exporting with progress).
        parent: The widget it sits in.

    Attributes:
        model: The table's model.
        table: The table.
        headers: Column titles by key, in the user's language.
    """

    def __init__(self, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shell = shell
        self._workspace: Workspace | None = None
        self.headers = {
            "number": self.tr("No."),
            "title": self.tr("Deal"),
            "customer": self.tr("Customer"),
            "stage": self.tr("Stage"),
            "status": self.tr("Status"),
            "amount": self.tr("Amount"),
            "probability": self.tr("Probability"),
            "expected_close": self.tr("Expected close"),
            "owner": self.tr("Owner"),
        }
        self.model = DealTableModel(shell.worker, self.headers, self.display)

        layout, top = list_header(self, self.tr("Deals"))
        self.search = filter_edit(self.tr("Filter by title, number or customer…"))
        top.addWidget(self.search, 1)
        self.count_label = QLabel()
        top.addWidget(self.count_label)
        layout.addLayout(top)

        bar = QHBoxLayout()
        self.status_box = QComboBox()
        self.status_box.addItem(self.tr("Any status"), None)
        for status in DealStatus:
            self.status_box.addItem(status_label(status), status.value)
        self.stage_box = QComboBox()
        self.stage_box.addItem(self.tr("All pipelines"), None)
        self.owner_box = QComboBox()
        self.owner_box.addItem(self.tr("Everyone's"), None)
        for box in (self.status_box, self.stage_box, self.owner_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            bar.addWidget(box)
        bar.addStretch(1)
        self.new_button = QPushButton(self.tr("New deal…"))
        self.new_button.clicked.connect(lambda _c=False: self.new_deal())
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Write the list as shown to .xlsx or .csv"))
        self.export_button.clicked.connect(lambda _c=False: self.choose_export())
        bar.addWidget(self.new_button)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        self.table = list_table(self.model)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)  # newest first: no column
        header.setStretchLastSection(True)
        for i, key in enumerate(COLUMNS):
            self.table.setColumnWidth(i, _WIDTHS.get(key, 90))
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        layout.addWidget(self.table, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        for box in (self.status_box, self.stage_box, self.owner_box):
            box.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.model.loaded.connect(self._on_loaded)

    # --- the workspace ------------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Show the deals of ``workspace`` (``None``: none), with its pipelines and owners."""
        self._workspace = workspace
        self.new_button.setEnabled(workspace is not None)
        self.export_button.setEnabled(workspace is not None)
        self.model.set_workspace(workspace)
        self._read_choices()

    def refresh(self) -> None:
        """Reload after a change (the filters' pipelines and owners too)."""
        self.model.reload()
        self._read_choices()

    def _read_choices(self) -> None:
        ws = self._workspace
        if ws is None:
            self._show_choices(ListChoices([], []))
            return
        self._shell.worker.read(
            lambda: read_choices(ws), while_open(self, self._show_choices), lambda _e: None
        )

    def _show_choices(self, choices: ListChoices) -> None:
        stage, owner = self.stage_box.currentData(), self.owner_box.currentData()
        for box in (self.stage_box, self.owner_box):
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
        several = len(choices.pipelines) > 1
        for info in choices.pipelines:
            if several:
                self.stage_box.addItem(info.name, f"pipeline:{info.id}")
            for each in info.stages:
                # Under their pipeline's name when there are several.
                text = f"    {each.name}" if several else each.name
                self.stage_box.addItem(text, f"stage:{each.id}")
        for user_id, name in choices.owners:
            self.owner_box.addItem(name, user_id)
        # What was chosen stays chosen while it still exists; else everything shows.
        self.stage_box.setCurrentIndex(max(0, self.stage_box.findData(stage)))
        self.owner_box.setCurrentIndex(max(0, self.owner_box.findData(owner)))
        for box in (self.stage_box, self.owner_box):
            box.blockSignals(False)
        if (stage, owner) != (self.stage_box.currentData(), self.owner_box.currentData()):
            self.apply_filters()

    # --- filters ------------------------------------------------------------------------------

    def current_filter(self) -> DealFilter:
        """The filter the bar describes."""
        status = self.status_box.currentData()
        # "pipeline:<id>" or "stage:<id>" (None: every pipeline).
        kind, _sep, chosen = str(self.stage_box.currentData() or "").partition(":")
        owner = self.owner_box.currentData()
        return DealFilter(
            board=BoardFilter(owner_id=owner or None, text=self.search.text().strip()),
            pipeline_id=chosen if kind == "pipeline" else None,
            stage_id=chosen if kind == "stage" else None,
            status=DealStatus(status) if status else None,
        )

    def apply_filters(self) -> None:
        """Show what the filter bar describes."""
        self.model.set_filter(self.current_filter())

    def _on_loaded(self, count: int) -> None:
        self.count_label.setText(self.tr("%n deals", "", count))

    # --- formatting ---------------------------------------------------------------------------

    def display(self, row: DealSummary, key: str) -> str:
        """A row's value for column ``key`` as shown."""
        if key == "customer":
            return row.customer
        if key == "status":
            return status_label(row.status)
        if key == "amount":
            return money_text(row.amount, row.currency)
        if key == "probability":
            return fill(self.tr("%1%"), row.probability)
        if key == "expected_close":
            return row.expected_close.isoformat() if row.expected_close else ""
        value: Any = getattr(row, key)
        return str(value or "")

    # --- actions ------------------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.open_deal(row.id)

    def open_deal(self, deal_id: str) -> DealEditor | None:
        """Open a deal in the editor."""
        from ui.deals.deal_editor import open_deal_editor

        return open_deal_editor(self._shell, deal_id)

    def new_deal(self) -> DealEditor | None:
        """Start a new deal (in the stage the filter shows, if one)."""
        from ui.deals.deal_editor import open_deal_editor

        stage = self.current_filter().stage_id
        return open_deal_editor(self._shell, stage_id=stage)

    def choose_export(self) -> ProgressRun | None:
        """Ask for a file, then export the list as shown."""
        from ui.deals.deal_export import ask_export_target

        chosen = ask_export_target(self._shell)
        return self.export_to(*chosen) if chosen is not None else None

    def export_to(self, target: Path, fmt: ExportFormat) -> ProgressRun | None:
        """Export the list as shown (filter, sort, column titles) to ``target``."""
        from ui.deals.deal_export import run_deal_export

        model = self.model
        return run_deal_export(
            self._shell,
            target,
            fmt,
            self.current_filter(),
            model.sort_key,
            model.descending,
            dict(self.headers),
        )
