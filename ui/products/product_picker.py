"""A line edit that finds products on sale as you type, for a quote line.

Usage::

    picker = ProductPicker(shell.worker, parent=self)
    picker.set_workspace(ws)
    picker.productChosen.connect(lambda product: add_line(product))  # a ProductRow

Typing asks ``Workspace.reads.products.catalogue(text, limit)`` on the worker's reader (after
a short pause, so each key costs nothing) and offers the matches in a popup, the exact code
first. Choosing one emits :attr:`ProductPicker.productChosen` with the
:class:`~desktop_crm.services.products.dto.ProductRow` and puts its name in the box. What
was typed stays in the box when nothing is chosen: a caller may offer it to the quick add
dialog (:mod:`ui.products.quick_add`) as the new product's name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from desktop_crm.services.products.dto import ProductRow
from ui.products.values import price_text

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

ProductRole = Qt.ItemDataRole.UserRole + 1


class ProductPicker(QLineEdit):
    """Type a code or a name (or its pinyin); pick a product on sale from the popup.

    Args:
        worker: Where database work runs (the catalogue is read on its reader).
        parent: The widget it sits in.
        limit: How many matches the popup offers at most.

    Attributes:
        chosen: The product chosen last (``None`` until one is, or after typing again).

    Signals:
        productChosen(object): A product was chosen (its ``ProductRow``).
    """

    productChosen = Signal(object)

    def __init__(self, worker: DbWorker, parent: QWidget | None = None, limit: int = 20) -> None:
        super().__init__(parent)
        self._worker = worker
        self._workspace: Workspace | None = None
        self._limit = limit
        self._generation = 0
        self.chosen: ProductRow | None = None
        self.setPlaceholderText(self.tr("Product code or name…"))
        self.setClearButtonEnabled(True)
        self.matches = QStandardItemModel(self)
        completer = QCompleter(self.matches, self)
        # The service has filtered and ranked already (pinyin too): show its list as it is.
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self.setCompleter(completer)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.refresh)
        self.textEdited.connect(self._edited)

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Pick from ``workspace``'s catalogue (``None``: offer nothing)."""
        self._workspace = workspace
        self.matches.clear()

    def refresh(self) -> None:
        """Ask for the products matching the text now in the box."""
        ws, text = self._workspace, self.text()
        if ws is None:
            return
        self._generation += 1
        generation, limit = self._generation, self._limit
        self._worker.read(
            lambda: ws.reads.products.catalogue(text, limit),
            lambda rows: self._show(generation, rows),
        )

    def _edited(self, _text: str) -> None:
        self.chosen = None
        self._debounce.start()

    def _show(self, generation: int, rows: list[ProductRow]) -> None:
        if generation != self._generation:
            return  # an answer to text typed over since
        self.matches.clear()
        for row in rows:
            item = QStandardItem(self.describe(row))
            item.setData(row, ProductRole)
            item.setToolTip(row.description or "")
            self.matches.appendRow(item)
        completer = self.completer()
        popup = completer.popup()
        if rows and self.hasFocus():
            completer.complete()
        elif popup is not None:
            popup.hide()

    @staticmethod
    def describe(row: ProductRow) -> str:
        """A product as the popup lists it: "VI-01  视觉识别系统 (Visual identity)  ¥36,000.00"."""
        name = f"{row.name} ({row.name_alt})" if row.name_alt else row.name
        code = f"{row.sku}  " if row.sku else ""
        unit = f" / {row.unit}" if row.unit else ""
        return f"{code}{name}  {price_text(row)}{unit}"

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> Any:
        row = index.data(ProductRole)
        if isinstance(row, ProductRow):
            self.chosen = row
            # After the completer has written the popup's text: the box shows the name.
            QTimer.singleShot(0, lambda: self.setText(row.name))
            self.productChosen.emit(row)
