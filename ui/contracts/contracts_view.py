"""The contract list with its filter bar, the selected contract's detail, and the balances tab."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QPoint, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from desktop_crm.domain.errors import NotFoundError
from desktop_crm.services.contracts.dto import ContractDetail, ContractFilter, ContractRow
from ui.contracts.balances_view import BalancesView
from ui.contracts.detail_pane import ContractDetailPane
from ui.contracts.filter_bar import ContractFilterBar
from ui.contracts.list_model import COLUMNS, MONEY, ContractTableModel
from ui.contracts.texts import day_text, money, read_contracts, status_label
from ui.empty_state import NoMatchPanel
from ui.list_table import list_header, list_table

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

_WIDTHS = {"number": 104, "quote": 96, "customer": 180, "owner": 80, "currency": 64}
HIDDEN_KEY = "contracts/hidden_columns"
DEFAULT_HIDDEN = "currency,owner,signed_on"  # the detail shows the signing day
"""Hidden at first: the money columns show the currency's sign; one user owns everything."""


class ContractsView(QWidget):
    """Contracts: a filtered list, the selected one's plan and payments, balances per customer.

    Args:
        worker: Where database work runs.

    Signals:
        actionRequested(str): ``payment``, ``plan``, ``edit``, ``print`` or ``delete`` on the
            selected contract.
    """

    actionRequested = Signal(str)

    def __init__(self, worker: DbWorker, settings: QSettings) -> None:
        super().__init__()
        self._worker = worker
        self._settings = settings
        self._workspace: Workspace | None = None
        self.current_id: str | None = None
        self._want: str | None = None  # a contract to select once its row is loaded
        self.headers = {
            "number": self.tr("Number"),
            "quote": self.tr("Quote"),
            "customer": self.tr("Customer"),
            "owner": self.tr("Owner"),
            "signed_on": self.tr("Signed"),
            "starts_on": self.tr("Starts"),
            "currency": self.tr("Currency"),
            "total": self.tr("Total"),
            "paid": self.tr("Paid"),
            "outstanding": self.tr("Outstanding"),
            "overdue": self.tr("Overdue"),
            "next_due": self.tr("Next due"),
            "status": self.tr("Status"),
        }
        self.model = ContractTableModel(worker, self.headers, self.display)

        layout, top = list_header(self, self.tr("Contracts"))
        top.addStretch(1)
        self.count_label = QLabel()
        top.addWidget(self.count_label)
        layout.addLayout(top)

        self.filters = ContractFilterBar()
        layout.addWidget(self.filters)

        self.action_bar = QWidget()
        actions = QHBoxLayout(self.action_bar)
        actions.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (
            ("payment", self.tr("Record payment…")),
            ("plan", self.tr("Edit payment plan…")),
            ("edit", self.tr("Edit contract…")),
            ("print", self.tr("Print / PDF…")),
            ("delete", self.tr("Delete")),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, k=key: self.actionRequested.emit(k))
            self.buttons[key] = button
            actions.addWidget(button)
            if key == "print":
                actions.addStretch(1)
        layout.addWidget(self.action_bar)

        self.table = list_table(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMNS.index("number"), Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COLUMNS.index("customer"), QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for i, key in enumerate(COLUMNS):
            self.table.setColumnWidth(i, _WIDTHS.get(key, 92 if key in MONEY else 84))
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._choose_columns)
        self._load_columns()
        self.table.doubleClicked.connect(lambda _i: self.actionRequested.emit("payment"))
        self.empty = QLabel(
            self.tr(
                "No contracts yet. Make one from a quote: on the Quotes screen, choose "
                "“Create Contract…”."
            )
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.no_match = NoMatchPanel()
        self.no_match.label.setText(self.tr("No contracts match —"))
        self.no_match.clearRequested.connect(self.clear_filters)
        self.body = QStackedWidget()
        for widget in (self.table, self.empty, self.no_match):
            self.body.addWidget(widget)
        self.detail = ContractDetailPane()
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.body)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.balances = BalancesView()
        self.balances.customerChosen.connect(self.show_customer)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.splitter, self.tr("Contracts"))
        self.tabs.addTab(self.balances, self.tr("Balances by customer"))
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        layout.addWidget(self.tabs, 1)

        self.filters.changed.connect(self.apply_filters)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.loaded.connect(self._on_loaded)
        self.model.dataChanged.connect(lambda *_a: self._rows_arrived())
        self._enable()

    # --- the workspace ------------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Show the contracts of ``workspace``."""
        self._workspace = workspace
        self.current_id = None
        self.detail.show_detail(None)
        self.body.setCurrentWidget(self.table)
        self.model.set_workspace(workspace)
        self._load_owners()
        self._enable()

    def refresh(self) -> None:
        """Reload the list, the selected contract and the balances after a change."""
        self._want = self.current_id
        self.model.reload()
        self.load_detail()
        if self.tabs.currentWidget() is self.balances:
            self.load_balances()

    def _load_owners(self) -> None:
        ws = self._workspace
        if ws is None:
            return
        reads = ws.reads.contact_list
        self._worker.read(lambda: reads.facets().owners, self.filters.show_owners, background=True)

    # --- filters ------------------------------------------------------------------------------

    def current_filter(self) -> ContractFilter:
        """The filter the bar describes."""
        return self.filters.current_filter()

    def apply_filters(self) -> None:
        """Show what the filter bar describes."""
        self._want = self.current_id
        self.model.set_filter(self.current_filter())

    def clear_filters(self) -> None:
        """Show every contract again."""
        self.filters.clear()
        self.apply_filters()

    def show_customer(self, name: str) -> None:
        """List the contracts of customer ``name`` (from the balances tab)."""
        self.filters.clear()
        self.filters.search.setText(name)
        self.apply_filters()
        self.tabs.setCurrentIndex(0)

    def _on_loaded(self, count: int) -> None:
        self.count_label.setText(self.tr("%n contract(s)", "", count))
        if self._workspace is None or count:
            self.body.setCurrentWidget(self.table)
        elif self.current_filter() == ContractFilter():
            self.body.setCurrentWidget(self.empty)
        else:
            self.body.setCurrentWidget(self.no_match)
        if count and not self.model.paged:
            self._rows_arrived()
        elif count:
            self.model.data(self.model.index(0, 0))  # fetch the first page to select from

    # --- formatting ---------------------------------------------------------------------------

    def display(self, row: ContractRow, key: str) -> str:
        """A row's value for column ``key`` as shown."""
        if key in MONEY:
            return str(money(getattr(row, key), row.currency))
        if key == "status":
            return status_label(row.status)
        if key in {"signed_on", "starts_on", "next_due"}:
            return day_text(getattr(row, key))
        return str(getattr(row, key) or "")

    # --- selection and the detail -------------------------------------------------------------

    def select_contract(self, contract_id: str) -> None:
        """Select ``contract_id`` (as soon as its row is loaded) and show its detail."""
        self.tabs.setCurrentIndex(0)
        self.current_id = self._want = contract_id
        self.load_detail()
        self._select_wanted()

    def _rows_arrived(self) -> None:
        """Select the wanted contract, else the first one, and fit the money to its figures."""
        self._fit_money()
        self._select_wanted()
        if self._want is None and not self.table.selectionModel().hasSelection():
            first = self.model.contract(0)
            if first is not None and self.current_id is None:
                self._want = first.id
                self._select_wanted()

    def _fit_money(self) -> None:
        """Widen a money column to its widest loaded figure (never narrower than set)."""
        metrics = self.table.fontMetrics()
        for column, key in enumerate(COLUMNS):
            if key not in MONEY:
                continue
            widest = max(
                (
                    metrics.horizontalAdvance(self.display(row, key))
                    for n in range(min(self.model.rowCount(), 200))
                    if (row := self.model.contract(n)) is not None
                ),
                default=0,
            )
            if widest + 16 > self.table.columnWidth(column):
                self.table.setColumnWidth(column, widest + 16)

    def _select_wanted(self) -> None:
        wanted = self._want
        row = self.model.row_of(wanted) if wanted else None
        if row is None:
            return
        self._want = None
        index = self.model.index(row, 0)
        self.table.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def selected(self) -> ContractRow | None:
        """The selected contract's row, if it is loaded."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.contract(rows[0].row()) if rows else None

    def _on_selection(self, *_args: Any) -> None:
        row = self.selected()
        if row is not None and row.id != self.current_id:
            self.current_id = row.id
            self.load_detail()
        self._enable()

    def load_detail(self) -> None:
        """Read the current contract's detail again (figures as of today)."""
        ws, contract_id = self._workspace, self.current_id
        if ws is None or contract_id is None:
            self.detail.show_detail(None)
            self._enable()
            return
        today = date.today()
        read_contracts(
            self._worker,
            ws,
            lambda s: s.get(contract_id, today),
            lambda d: self._detail_arrived(contract_id, d),
            lambda exc: self._detail_failed(contract_id, exc),
        )

    def _detail_arrived(self, contract_id: str, detail: ContractDetail) -> None:
        if contract_id == self.current_id:
            self.detail.show_detail(detail)
            self._enable()

    def _detail_failed(self, contract_id: str, exc: BaseException) -> None:
        if contract_id != self.current_id:
            return
        if isinstance(exc, NotFoundError):  # deleted meanwhile (or undone): show another
            self.current_id = None
            if self._want == contract_id:
                self._want = None
            self.detail.show_detail(None)
            self._enable()
            self._rows_arrived()
            return
        self._worker.failed.emit(exc)

    def _enable(self) -> None:
        shown = self.detail.detail is not None
        for button in self.buttons.values():
            button.setEnabled(shown)

    # --- columns ------------------------------------------------------------------------------

    def _hidden(self) -> set[str]:
        saved = self._settings.value(HIDDEN_KEY, DEFAULT_HIDDEN)
        return {key for key in str(saved or "").split(",") if key}

    def _load_columns(self) -> None:
        hidden = self._hidden()
        for i, key in enumerate(COLUMNS):
            self.table.setColumnHidden(i, key in hidden and key != "number")

    def _choose_columns(self, pos: QPoint) -> None:
        """The header's menu: which columns to show (kept for the next start)."""
        menu = QMenu(self)
        hidden = self._hidden()
        for key in COLUMNS[1:]:  # the number always shows
            action = menu.addAction(self.headers[key])
            action.setCheckable(True)
            action.setChecked(key not in hidden)
            action.toggled.connect(lambda on, k=key: self.show_column(k, on))
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

    def show_column(self, key: str, shown: bool) -> None:
        """Show or hide column ``key`` and remember it."""
        hidden = self._hidden() - {key} if shown else self._hidden() | {key}
        self._settings.setValue(HIDDEN_KEY, ",".join(sorted(hidden)))
        self._load_columns()

    # --- balances -----------------------------------------------------------------------------

    def _tab_changed(self) -> None:
        # The actions are the selected contract's, which the balances tab does not show.
        # The filters are the list's too: balances always cover every contract.
        listing = self.tabs.currentWidget() is not self.balances
        self.action_bar.setVisible(listing)
        self.filters.setVisible(listing)
        if self.tabs.currentWidget() is self.balances:
            self.load_balances()

    def load_balances(self) -> None:
        """Read each customer's balances as of today."""
        ws = self._workspace
        if ws is None:
            return
        today = date.today()
        read_contracts(self._worker, ws, lambda s: s.customer_balances(today), self._balances)

    def _balances(self, balances: list[Any]) -> None:
        self.balances.show_balances(balances)
