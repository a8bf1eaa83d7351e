"""The template dialog's pieces: what each label is for, a colour button, the column list."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.text_fill import fill
from ui.translation_context import TranslationContext

# The line table's columns, as the core's templates name them (documents.templates.COLUMNS,
# which the UI may not import); a template's unknown ones are kept after these.
COLUMNS = (
    "index", "code", "description", "quantity", "unit", "unit_price", "discount", "tax_rate",
    "amount",
)  # fmt: skip
REQUIRED_COLUMN = "description"


class TemplateFields(TranslationContext):
    """Translation context of the descriptions below."""


def column_name(column: str) -> str:
    """What a column of the line table shows."""
    names = {
        "index": TemplateFields.tr("Row number"),
        "code": TemplateFields.tr("Product code"),
        "description": TemplateFields.tr("Description"),
        "quantity": TemplateFields.tr("Quantity"),
        "unit": TemplateFields.tr("Unit"),
        "unit_price": TemplateFields.tr("Unit price"),
        "discount": TemplateFields.tr("Discount"),
        "tax_rate": TemplateFields.tr("Tax rate"),
        "amount": TemplateFields.tr("Amount"),
    }
    return names.get(column, column)


def label_description(key: str) -> str:
    """Where the label ``key`` is printed, for the row that edits it."""
    if key.startswith("col_") and key[4:] in COLUMNS:
        return fill(TemplateFields.tr("Column heading: %1"), column_name(key[4:]))
    names = {
        "number": TemplateFields.tr("Number"),
        "revision": TemplateFields.tr("Revision (%1 is its number)"),
        "issued_on": TemplateFields.tr("Date issued"),
        "valid_until": TemplateFields.tr("Valid until"),
        "currency": TemplateFields.tr("Currency"),
        "customer": TemplateFields.tr("Customer"),
        "attention": TemplateFields.tr("Customer's contact"),
        "our_contact": TemplateFields.tr("Our contact"),
        "tax_id": TemplateFields.tr("Tax ID"),
        "phone": TemplateFields.tr("Phone"),
        "email": TemplateFields.tr("Email"),
        "website": TemplateFields.tr("Website"),
        "bank": TemplateFields.tr("Bank"),
        "bank_account": TemplateFields.tr("Bank account"),
        "optional": TemplateFields.tr("Optional line mark"),
        "discount_total": TemplateFields.tr("Discounts"),
        "subtotal": TemplateFields.tr("Subtotal"),
        "tax_rate": TemplateFields.tr("Tax at one rate (%1 is the rate)"),
        "tax": TemplateFields.tr("Total tax"),
        "total": TemplateFields.tr("Total"),
        "optional_total": TemplateFields.tr("Optional items' total"),
        "amount_in_words": TemplateFields.tr("Amount in words"),
        "amount_in_capitals": TemplateFields.tr("Amount in Chinese capitals"),
        "notes": TemplateFields.tr("Notes"),
        "terms": TemplateFields.tr("Terms"),
        "page": TemplateFields.tr("Page number (%1 of %2)"),
        "signature_a": TemplateFields.tr("Signature: customer"),
        "signature_b": TemplateFields.tr("Signature: our company"),
        "signatory": TemplateFields.tr("Signatory"),
        "sign_date": TemplateFields.tr("Date of signature"),
        "party_a": TemplateFields.tr("Party A"),
        "party_b": TemplateFields.tr("Party B"),
        "contract_period": TemplateFields.tr("Contract period"),
        "period": TemplateFields.tr("Period (%1 to %2)"),
        "items": TemplateFields.tr("Heading of the items"),
        "payment_plan": TemplateFields.tr("Payment plan"),
        "col_instalment": TemplateFields.tr("Plan column: instalment"),
        "col_due_on": TemplateFields.tr("Plan column: due date"),
        "col_percent": TemplateFields.tr("Plan column: share"),
        "col_paid": TemplateFields.tr("Plan column: paid"),
    }
    return names.get(key, key)


class ColourButton(QPushButton):
    """Shows a colour and its code; a click opens the colour dialog.

    Signals:
        colourChanged(str): The new ``#rrggbb``.
    """

    colourChanged = Signal(str)

    def __init__(self, colour: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._colour = colour
        self.clicked.connect(self.choose)
        self._show()

    @property
    def colour(self) -> str:
        """``#rrggbb``."""
        return self._colour

    def set_colour(self, colour: str) -> None:
        """Show ``colour`` (``#rrggbb``) and tell listeners."""
        if colour.lower() != self._colour:
            self._colour = colour.lower()
            self._show()
            self.colourChanged.emit(self._colour)

    def choose(self) -> None:
        """Pick a colour in the system's colour dialog."""
        chosen = QColorDialog.getColor(QColor(self._colour), self, self._title)
        if chosen.isValid():
            self.set_colour(chosen.name())

    def _show(self) -> None:
        swatch = QPixmap(28, 16)
        swatch.fill(QColor(self._colour))
        self.setIcon(QIcon(swatch))
        self.setText(self._colour)


class ColumnList(QWidget):
    """The line table's columns: tick those shown, order them by drag or the arrows.

    Signals:
        changed: A column was ticked, unticked or moved.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.list.model().rowsMoved.connect(lambda *_args: self.changed.emit())
        self.up = QPushButton(self.tr("Move up"))
        self.down = QPushButton(self.tr("Move down"))
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        arrows = QVBoxLayout()
        arrows.addWidget(self.up)
        arrows.addWidget(self.down)
        arrows.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(arrows)

    def set_columns(self, shown: Sequence[str]) -> None:
        """List every column: those ``shown`` first, in their order, ticked."""
        self.list.blockSignals(True)
        self.list.clear()
        hidden = [c for c in COLUMNS if c not in shown]
        for column in [*shown, *hidden]:
            item = QListWidgetItem(column_name(column))
            item.setData(Qt.ItemDataRole.UserRole, column)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled
            flags &= ~Qt.ItemFlag.ItemIsDropEnabled  # dropped between items, never onto one
            if column == REQUIRED_COLUMN:  # every template shows what is sold
                flags &= ~Qt.ItemFlag.ItemIsUserCheckable
                item.setToolTip(self.tr("Every template shows the description."))
            item.setFlags(flags)
            checked = column in shown or column == REQUIRED_COLUMN
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def columns(self) -> tuple[str, ...]:
        """The ticked columns, in the listed order."""
        found = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(found)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()
