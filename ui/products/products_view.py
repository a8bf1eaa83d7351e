"""The product list: filtered, sorted, and acted on (new, edit, archive, delete, export)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.services.products.dto import ProductFilter, ProductRow
from ui.empty_state import NoMatchPanel
from ui.list_table import filter_edit, list_header, list_table
from ui.products.list_model import COLUMNS, ProductTableModel
from ui.products.values import price_text, rate_text

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

_WIDTHS = {"sku": 90, "name": 290, "name_alt": 180, "unit": 60, "price": 110, "tax_rate": 70}


class ProductsStartPanel(QFrame):
    """How to start an empty catalogue: add a product or import a price list.

    Signals:
        addRequested: Add a product (opens the editor).
        importRequested: Import a spreadsheet.
    """

    addRequested = Signal()
    importRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        heading = QLabel(self.tr("No products yet"))
        heading.setObjectName("viewTitle")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        text = QLabel(
            self.tr(
                "List what you sell with its price and tax once, then pick it in quotes. "
                "Add products one by one, or import a price list from a spreadsheet."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)
        row = QHBoxLayout()
        row.addStretch(1)
        self.add_button = QPushButton(self.tr("Add a product…"))
        self.add_button.clicked.connect(self.addRequested)
        self.import_button = QPushButton(self.tr("Import a spreadsheet…"))
        self.import_button.clicked.connect(self.importRequested)
        row.addWidget(self.add_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)


class ProductsView(QWidget):
    """The product list with its filter bar and actions.

    Args:
        worker: Where database work runs.

    Signals:
        newRequested: Make a new product.
        editRequested(object): Edit this :class:`ProductRow`.
        archiveRequested(object, bool): Take this product off sale (``False``) or back on.
        deleteRequested(object): Delete this product (after asking).
        exportRequested: Export the catalogue.
        importRequested: Import a price list.
    """

    newRequested = Signal()
    editRequested = Signal(object)
    archiveRequested = Signal(object, bool)
    deleteRequested = Signal(object)
    exportRequested = Signal()
    importRequested = Signal()

    def __init__(self, worker: DbWorker) -> None:
        super().__init__()
        self._worker = worker
        self._workspace: Workspace | None = None
        self.currencies: list[str] = []  # the workspace's first, then those in use
        self.headers = {
            "sku": self.tr("Code"),
            "name": self.tr("Name"),
            "name_alt": self.tr("Second name"),
            "unit": self.tr("Unit"),
            "price": self.tr("Unit price"),
            "tax_rate": self.tr("Tax rate"),
            "price_includes_tax": self.tr("Tax incl."),
            "active": self.tr("Status"),
        }
        self.model = ProductTableModel(worker, self.headers, self.display)

        layout, top = list_header(self, self.tr("Products"))
        self.search = filter_edit(self.tr("Filter by code, name, pinyin, description…"))
        top.addWidget(self.search, 1)
        self.shown_box = QComboBox()
        self.shown_box.addItem(self.tr("On sale"), True)
        self.shown_box.addItem(self.tr("All, archived too"), False)
        top.addWidget(self.shown_box)
        self.currency_box = QComboBox()
        self.currency_box.addItem(self.tr("Any currency"), None)
        self.currency_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        top.addWidget(self.currency_box)
        self.count_label = QLabel()
        top.addWidget(self.count_label)
        layout.addLayout(top)

        actions = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New…"))
        self.new_button.clicked.connect(self.newRequested)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self._edit_selected)
        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.setToolTip(
            self.tr("Take the product off sale: quotes keep it, pickers leave it out")
        )
        self.archive_button.clicked.connect(self._archive_selected)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self._delete_selected)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Write the catalogue to Excel or CSV"))
        self.export_button.clicked.connect(self.exportRequested)
        for button in (self.new_button, self.edit_button, self.archive_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        layout.addLayout(actions)

        self.table = list_table(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMNS.index("name"), Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for i, key in enumerate(COLUMNS):
            self.table.setColumnWidth(i, _WIDTHS.get(key, 80))
        self.table.doubleClicked.connect(lambda _index: self._edit_selected())
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelReset.connect(self._on_selection)
        self.start_panel = ProductsStartPanel()
        self.start_panel.addRequested.connect(self.newRequested)
        self.start_panel.importRequested.connect(self.importRequested)
        self.no_match = NoMatchPanel()
        self.no_match.label.setText(self.tr("No products match —"))
        self.no_match.clearRequested.connect(self.clear_filters)
        self.body = QStackedWidget()
        for widget in (self.table, self.start_panel, self.no_match):
            self.body.addWidget(widget)
        layout.addWidget(self.body, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.shown_box.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.currency_box.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.model.loaded.connect(self._on_loaded)  # once the panels it switches between exist
        self._on_selection()

    # --- the workspace ------------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Show the products of ``workspace``."""
        self._workspace = workspace
        self.body.setCurrentWidget(self.table)
        self.model.set_workspace(workspace)
        self.refresh_currencies()

    def refresh(self) -> None:
        """Reload after a change."""
        self.model.reload()
        self.refresh_currencies()

    def refresh_currencies(self) -> None:
        """Reload the currencies offered: the workspace's first, then those in use."""
        ws = self._workspace
        if ws is None:
            return
        reads = ws.reads.products
        self._worker.read(
            lambda: (reads.default_currency(), reads.currencies()),
            self._show_currencies,
            background=True,
        )

    def _show_currencies(self, found: tuple[str, list[str]]) -> None:
        default, in_use = found
        self.currencies = list(dict.fromkeys([default, *in_use]))
        current = self.currency_box.currentData()
        self.currency_box.blockSignals(True)
        while self.currency_box.count() > 1:
            self.currency_box.removeItem(1)
        for code in in_use:
            self.currency_box.addItem(code, code)
        self.currency_box.setCurrentIndex(max(0, self.currency_box.findData(current)))
        self.currency_box.blockSignals(False)
        # A catalogue in one currency has nothing to choose between.
        self.currency_box.setVisible(len(in_use) > 1)

    # --- filters ------------------------------------------------------------------------------

    def current_filter(self) -> ProductFilter:
        """The filter the bar describes."""
        return ProductFilter(
            text=self.search.text().strip(),
            active_only=bool(self.shown_box.currentData()),
            currency=self.currency_box.currentData(),
        )

    def apply_filters(self) -> None:
        """Show what the filter bar describes."""
        self.model.set_filter(self.current_filter())

    def clear_filters(self) -> None:
        """Show every product on sale again."""
        for widget in (self.search, self.shown_box, self.currency_box):
            widget.blockSignals(True)
        self.search.clear()
        self.shown_box.setCurrentIndex(0)
        self.currency_box.setCurrentIndex(0)
        for widget in (self.search, self.shown_box, self.currency_box):
            widget.blockSignals(False)
        self.apply_filters()

    def _on_loaded(self, count: int) -> None:
        self.count_label.setText(self.tr("%Ln products", "", count))
        if self._workspace is None or count:
            self.body.setCurrentWidget(self.table)
        elif self.current_filter() == ProductFilter():
            self.body.setCurrentWidget(self.start_panel)
        else:
            self.body.setCurrentWidget(self.no_match)

    # --- formatting ---------------------------------------------------------------------------

    def display(self, row: ProductRow, key: str) -> str:
        """A row's value for column ``key`` as shown."""
        if key == "price":
            return price_text(row)
        if key == "tax_rate":
            return rate_text(row.tax_rate)
        if key == "price_includes_tax":
            return self.tr("Yes") if row.price_includes_tax else ""
        if key == "active":
            return self.tr("On sale") if row.active else self.tr("Archived")
        return str(getattr(row, key) or "")

    # --- selection and actions ----------------------------------------------------------------

    def selected(self) -> ProductRow | None:
        """The selected product, if its row is loaded."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.product(rows[0].row()) if rows else None

    def _on_selection(self, *_args: Any) -> None:
        product = self.selected()
        for button in (self.edit_button, self.archive_button, self.delete_button):
            button.setEnabled(product is not None)
        archived = product is not None and not product.active
        self.archive_button.setText(self.tr("Put on sale") if archived else self.tr("Archive"))

    def _edit_selected(self) -> None:
        product = self.selected()
        if product is not None:
            self.editRequested.emit(product)

    def _archive_selected(self) -> None:
        product = self.selected()
        if product is not None:
            self.archiveRequested.emit(product, not product.active)

    def _delete_selected(self) -> None:
        product = self.selected()
        if product is not None:
            self.deleteRequested.emit(product)
