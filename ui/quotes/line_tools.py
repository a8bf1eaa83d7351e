"""The bar above the quote's lines: pick a product, add a line or a heading, and arrange lines.

Choosing a product (:mod:`ui.products.product_picker`) adds a line with its code, name, unit,
price and tax; when the catalogue has no match, "Quick Add Product…" adds one
(:mod:`ui.products.quick_add`) named as typed, and its line follows.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from desktop_crm.services.products.dto import ProductRow
from desktop_crm.services.quotes.dto import LineDraft
from ui.products.product_picker import ProductPicker

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker


def product_line(product: ProductRow) -> LineDraft:
    """A line of one ``product`` at its catalogue price and tax."""
    return LineDraft(
        kind="item",
        description=product.name,
        product_id=product.id,
        code=product.sku,
        quantity=Decimal(1),
        unit=product.unit,
        unit_price=product.price,
        tax_rate=product.tax_rate,
        price_includes_tax=product.price_includes_tax,
    )


class LineTools(QWidget):
    """Buttons that add and arrange lines.

    Args:
        worker: Where database work runs (the picker reads the catalogue on its reader).

    Signals:
        lineRequested(object): Add this :class:`LineDraft` after the current line.
        quickAddRequested(str): Add a product named this to the catalogue, then its line.
        duplicateRequested: Duplicate the current line.
        deleteRequested: Delete the selected lines.
        moveRequested(int): Move the current line up (-1) or down (+1).
    """

    lineRequested = Signal(object)
    quickAddRequested = Signal(str)
    duplicateRequested = Signal()
    deleteRequested = Signal()
    moveRequested = Signal(int)

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Add:")))
        self.picker = ProductPicker(worker, self)
        self.picker.setMinimumWidth(260)
        self.picker.productChosen.connect(self._product_chosen)
        layout.addWidget(self.picker, 2)
        self.quick_add = QPushButton(self.tr("Quick Add Product…"))
        self.quick_add.setToolTip(self.tr("Not in the catalogue? Add it with its price and tax"))
        self.quick_add.clicked.connect(lambda: self.quickAddRequested.emit(self.picker.text()))
        self.free_line = QPushButton(self.tr("Free Text Line"))
        self.free_line.clicked.connect(lambda: self.lineRequested.emit(LineDraft(kind="item")))
        self.section = QPushButton(self.tr("Section Heading"))
        self.section.clicked.connect(
            lambda: self.lineRequested.emit(
                LineDraft(kind="section", description=self.tr("New section"))
            )
        )
        for button in (self.quick_add, self.free_line, self.section):
            layout.addWidget(button)
        layout.addSpacing(12)
        self.duplicate = self._tool(self.tr("Duplicate"), self.tr("Duplicate the line (Ctrl+D)"))
        self.duplicate.setShortcut(QKeySequence("Ctrl+D"))
        self.duplicate.clicked.connect(self.duplicateRequested)
        self.delete = self._tool(self.tr("Delete"), self.tr("Delete the selected lines"))
        self.delete.clicked.connect(self.deleteRequested)
        self.up = self._tool("↑", self.tr("Move the line up (Ctrl+Up)"))
        self.up.clicked.connect(lambda: self.moveRequested.emit(-1))
        self.down = self._tool("↓", self.tr("Move the line down (Ctrl+Down)"))
        self.down.clicked.connect(lambda: self.moveRequested.emit(1))
        for tool in (self.duplicate, self.delete, self.up, self.down):
            layout.addWidget(tool)
        layout.addStretch(1)

    def _tool(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        return button

    def set_workspace(self, workspace: Workspace) -> None:
        """Pick from ``workspace``'s catalogue."""
        self.picker.set_workspace(workspace)

    def _product_chosen(self, product: ProductRow) -> None:
        self.lineRequested.emit(product_line(product))
        self.picker.clear()
