"""The quote list: filtered, sorted, totalled per currency, and acted on.

The totals under the list are the service's (``QuoteService.totals``), read on the worker's
reader whenever the list is, so they always add up what the filter shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from desktop_crm.domain.vocab import QuoteStatus
from desktop_crm.services.quotes.dto import CurrencyTotals, QuoteFilter, QuoteRow
from ui.amounts import money_text
from ui.empty_state import NoMatchPanel
from ui.list_table import list_header, list_table
from ui.quotes.filter_bar import QuoteFilterBar
from ui.quotes.list_model import COLUMNS, QuoteTableModel
from ui.quotes.quote_history import QuoteHistory
from ui.quotes.quote_values import status_labels
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.contact_lists.dto import Facets
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

_WIDTHS = {
    "number": 104,
    "revision": 36,
    "customer": 220,
    "owner": 72,
    "issued_on": 86,
    "valid_until": 86,
    "status": 72,
    "currency": 70,
    "subtotal": 104,
    "tax": 86,
    "total": 104,
}
_MONEY = ("subtotal", "tax", "total")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class QuotesView(QWidget):
    """The quote list with its filter bar, actions, totals and the selected quote's history.

    Args:
        worker: Where database work runs.

    Signals:
        newRequested: Make a new quote.
        editRequested(object): Edit this :class:`QuoteRow` (a sent one becomes a revision).
        duplicateRequested(object): Start a new quote from this one.
        statusRequested(object, str): Send, accept, reject or reopen this quote.
        deleteRequested(object): Delete this quote (after asking).
        printRequested(object): Print or save this quote as PDF.
        contractRequested(object): Make a contract from this (accepted) quote.
    """

    newRequested = Signal()
    editRequested = Signal(object)
    duplicateRequested = Signal(object)
    statusRequested = Signal(object, str)
    deleteRequested = Signal(object)
    printRequested = Signal(object)
    contractRequested = Signal(object)

    def __init__(self, worker: DbWorker) -> None:
        super().__init__()
        self._worker = worker
        self._workspace: Workspace | None = None
        self._totals_generation = 0
        self._select_id: str | None = None  # a saved quote, selected once its row loads
        self.totals_lines: list[str] = []
        self.statuses = status_labels()
        self.headers = {
            "number": self.tr("Number"),
            "revision": self.tr("Rev."),
            "customer": self.tr("Customer"),
            "owner": self.tr("Owner"),
            "issued_on": self.tr("Date"),
            "valid_until": self.tr("Valid until"),
            "status": self.tr("Status"),
            "currency": self.tr("Currency"),
            "subtotal": self.tr("Subtotal"),
            "tax": self.tr("Tax"),
            "total": self.tr("Total"),
        }
        self.model = QuoteTableModel(worker, self.headers, self.display)
        self.model.loaded.connect(self._on_loaded)
        self.model.dataChanged.connect(self._select_pending)

        layout, top = list_header(self, self.tr("Quotes"))
        self.count_label = QLabel()
        top.addWidget(self.count_label)
        top.addStretch(1)
        self.new_button = QPushButton(self.tr("New Quote…"))
        self.new_button.clicked.connect(self.newRequested)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        self.filters = QuoteFilterBar()
        self.filters.changed.connect(self.apply_filters)
        layout.addWidget(self.filters)
        layout.addLayout(self._action_bar())

        self.history = QuoteHistory(worker)  # before the table: setting its sort loads
        self.table = list_table(self.model)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COLUMNS.index("customer"), QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(COLUMNS.index("issued_on"), Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._on_sort_clicked)
        for i, key in enumerate(COLUMNS):
            self.table.setColumnWidth(i, _WIDTHS[key])
        self.table.doubleClicked.connect(lambda _i: self._emit_for(self.editRequested))
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.no_match = NoMatchPanel()
        self.no_match.label.setText(self.tr("No quotes match —"))
        self.no_match.clearRequested.connect(self.filters.clear)
        self.empty = QLabel(self.tr("No quotes yet. Make the first one with “New Quote…”."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QStackedWidget()
        for widget in (self.table, self.no_match, self.empty):
            self.body.addWidget(widget)
        # Under the list, not beside it: the list keeps the width its money columns need.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.body)
        self.splitter.addWidget(self.history)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([480, 200])
        layout.addWidget(self.splitter, 1)
        self.totals_grid = QGridLayout()
        self.totals_grid.setHorizontalSpacing(18)
        layout.addLayout(self.totals_grid)
        self._on_selection()

    def _action_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.edit_button = self._button(self.tr("Edit…"), self.editRequested)
        self.duplicate_button = self._button(self.tr("Duplicate"), self.duplicateRequested)
        self.send_button = self._status_button(self.tr("Mark Sent"), "send")
        self.accept_button = self._status_button(self.tr("Accept"), "accept")
        self.reject_button = self._status_button(self.tr("Reject"), "reject")
        self.reopen_button = self._status_button(self.tr("Reopen"), "reopen")
        self.delete_button = self._button(self.tr("Delete"), self.deleteRequested)
        self.print_button = self._button(self.tr("Print / PDF…"), self.printRequested)
        self.contract_button = self._button(self.tr("Create Contract…"), self.contractRequested)
        self.action_buttons = (
            self.edit_button,
            self.duplicate_button,
            self.send_button,
            self.accept_button,
            self.reject_button,
            self.reopen_button,
            self.delete_button,
            self.print_button,
            self.contract_button,
        )
        for button in self.action_buttons:
            bar.addWidget(button)
        bar.addStretch(1)
        return bar

    def _button(self, text: str, signal: Any) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda: self._emit_for(signal))
        return button

    def _status_button(self, text: str, action: str) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda: self._emit_status(action))
        return button

    # --- loading ------------------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Show the quotes of ``workspace``."""
        self._workspace = workspace
        self.body.setCurrentWidget(self.table)
        self.history.set_workspace(workspace)
        self.model.set_workspace(workspace)
        self._load_totals()
        if workspace is not None:
            self._worker.read(
                lambda: workspace.reads.contact_list.facets("person"),
                self._show_owners,
                background=True,
            )

    def refresh(self) -> None:
        """Reload the list, its totals and the selected quote's history after a change."""
        selected = self.selected()
        if selected is not None and self._select_id is None:
            self._select_id = selected.id  # keep it selected once its row is back
        self.model.reload()
        self._load_totals()
        self.history.reload()

    def apply_filters(self) -> None:
        """Show what the filter bar describes."""
        self.model.set_filter(self.filters.current_filter())
        self._load_totals()

    def _show_owners(self, facets: Facets) -> None:
        self.filters.set_owners(list(facets.owners))

    def _load_totals(self) -> None:
        self._totals_generation += 1
        generation, ws, flt = self._totals_generation, self._workspace, self.model.filter
        if ws is None:
            self._show_totals(generation, [])
            return
        self._worker.read(
            lambda: ws.reads.quotes.totals(flt), lambda found: self._show_totals(generation, found)
        )

    def _show_totals(self, generation: int, totals: list[CurrencyTotals]) -> None:
        if generation != self._totals_generation:
            return
        while self.totals_grid.count():
            item = self.totals_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.totals_lines = []
        if not totals:
            return
        heads = [self.tr("Totals"), self.tr("Subtotal"), self.tr("Tax"), self.tr("Total")]
        for column, text in enumerate(heads):
            label = QLabel(text)
            label.setObjectName("mutedLabel")
            label.setAlignment(_RIGHT if column else Qt.AlignmentFlag.AlignLeft)
            self.totals_grid.addWidget(label, 0, column + 1)
        self.totals_grid.setColumnStretch(0, 1)
        for row, found in enumerate(totals, start=1):
            cells = [
                fill(self.tr("%1 · %n quotes", "", found.count), found.currency),
                money_text(found.subtotal, found.currency),
                money_text(found.tax, found.currency),
                money_text(found.total, found.currency),
            ]
            self.totals_lines.append("  ".join(cells))
            for column, text in enumerate(cells):
                label = QLabel(text)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                label.setAlignment(_RIGHT if column else Qt.AlignmentFlag.AlignLeft)
                if column == 3:
                    label.setStyleSheet("font-weight: bold;")
                self.totals_grid.addWidget(label, row, column + 1)

    def _on_loaded(self, count: int) -> None:
        self.count_label.setText(self.tr("%n quotes", "", count))
        if self._select_id is not None and count:
            # A saved quote waits to be selected: load the first page, where it usually is,
            # even before the view paints.
            self.model.data(self.model.index(0, 0))
        if self._workspace is not None:
            if count:
                self.body.setCurrentWidget(self.table)
            elif self.filters.is_clear():
                self.body.setCurrentWidget(self.empty)
            else:
                self.body.setCurrentWidget(self.no_match)
        self._on_selection()

    def _on_sort_clicked(self, column: int, _order: Qt.SortOrder) -> None:
        if not self.model.sortable(column):
            # Amounts are priced per page, not stored: they cannot sort. Keep the indicator.
            current = COLUMNS.index(self.model.sort_key)
            order = (
                Qt.SortOrder.DescendingOrder
                if self.model.descending
                else Qt.SortOrder.AscendingOrder
            )
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(current, order)
            header.blockSignals(False)

    # --- formatting ---------------------------------------------------------------------------

    def display(self, row: QuoteRow, key: str) -> str:
        """A row's value for column ``key`` as shown."""
        if key == "status":
            return self.statuses.get(row.status.value, row.status.value)
        if key in _MONEY:
            return money_text(getattr(row, key), row.currency)
        if key in ("issued_on", "valid_until"):
            day = getattr(row, key)
            return day.isoformat() if day else ""
        value = getattr(row, key)
        return "" if value is None else str(value)

    # --- selection ----------------------------------------------------------------------------

    def selected(self) -> QuoteRow | None:
        """The selected quote (``None`` when none is, or its row is still loading)."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.quote(rows[0].row()) if rows else None

    def select_quote(self, quote_id: str) -> bool:
        """Select the loaded row of ``quote_id``; whether it was found."""
        row = self.model.row_of(quote_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def select_when_loaded(self, quote_id: str) -> None:
        """Select ``quote_id`` (a quote just saved) as soon as its row is loaded."""
        self._select_id = quote_id
        if not self.model.counting:  # else the rows are stale: select once they are back
            self._select_pending()

    def _select_pending(self, *_args: Any) -> None:
        if self.model.counting:
            return
        if self._select_id is not None and self.select_quote(self._select_id):
            self._select_id = None

    def _on_selection(self, *_args: Any) -> None:
        row = self.selected()
        status = row.status if row is not None else None
        self.history.show_quote(row.id if row is not None else None)
        for button in self.action_buttons:
            button.setEnabled(row is not None)
        if row is None:
            return
        self.edit_button.setEnabled(status is not QuoteStatus.ACCEPTED)
        self.send_button.setEnabled(status in (QuoteStatus.DRAFT, QuoteStatus.SENT))
        movable = (QuoteStatus.SENT, QuoteStatus.EXPIRED)
        self.accept_button.setEnabled(status in movable)
        self.reject_button.setEnabled(status in movable)
        self.reopen_button.setEnabled(status in (QuoteStatus.ACCEPTED, QuoteStatus.REJECTED))
        self.contract_button.setEnabled(status is not QuoteStatus.REJECTED)

    def _emit_for(self, signal: Any) -> None:
        row = self.selected()
        if row is not None:
            signal.emit(row)

    def _emit_status(self, action: str) -> None:
        row = self.selected()
        if row is not None:
            self.statusRequested.emit(row, action)

    def current_filter(self) -> QuoteFilter:
        """What the list shows."""
        return self.model.filter
