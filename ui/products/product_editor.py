"""The product editor: every field of one product, saved as one undoable operation."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.products.dto import ProductDraft, ProductRow
from ui.products.values import parse_number, plain_number, problem_text

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

COMMON_CURRENCIES = ("CNY", "USD", "EUR", "HKD", "JPY", "GBP", "TWD", "SGD", "KRW", "AUD", "CAD")
"""Offered in the currency box after the workspace's own and those in use."""


class ProductEditor(QDialog):
    """Edit a product, or make a new one.

    Args:
        worker: Where database work runs.
        workspace: The open workspace.
        product: The product to edit, as listed; ``None`` for a new one.
        currencies: Currencies to offer, the workspace's default first.
        parent: The window it belongs to.

    Signals:
        saved(ChangeResult): The product was saved (the window refreshes and may undo it).
    """

    saved = Signal(object)

    def __init__(
        self,
        worker: DbWorker,
        workspace: Workspace,
        product: ProductRow | None,
        currencies: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._workspace = workspace
        self.product = product
        self.setWindowTitle(self.tr("New Product") if product is None else self.tr("Edit Product"))
        self.setMinimumWidth(460)
        self.sku = QLineEdit()
        self.sku.setPlaceholderText(self.tr("Optional; unique"))
        self.name = QLineEdit()
        self.name_alt = QLineEdit()
        self.name_alt.setPlaceholderText(self.tr("The name in your customers' other language"))
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("e.g. set, hour, 套, 小时"))
        self.price = QLineEdit()
        self.price.setPlaceholderText("0.00")
        self.currency = QComboBox()
        self.currency.setEditable(True)
        for code in dict.fromkeys([*currencies, *COMMON_CURRENCIES]):
            self.currency.addItem(code)
        self.tax_rate = QLineEdit()
        self.tax_rate.setPlaceholderText(self.tr("e.g. 6 or 13"))
        self.includes_tax = QCheckBox(self.tr("The price includes tax (含税价)"))
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(72)
        self.active = QCheckBox(self.tr("On sale (offered in quotes)"))
        self.active.setChecked(True)

        form = QFormLayout()
        form.addRow(self.tr("Code:"), self.sku)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Second name:"), self.name_alt)
        form.addRow(self.tr("Unit:"), self.unit)
        form.addRow(self.tr("Unit price:"), self.price)
        form.addRow(self.tr("Currency:"), self.currency)
        form.addRow(self.tr("Tax rate %:"), self.tax_rate)
        form.addRow("", self.includes_tax)
        form.addRow(self.tr("Description:"), self.description)
        form.addRow("", self.active)
        self.problem_label = QLabel()
        self.problem_label.setStyleSheet("color: #c62828;")
        self.problem_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self._fields: dict[str, QWidget] = {
            "sku": self.sku,
            "name": self.name,
            "price": self.price,
            "currency": self.currency,
            "tax_rate": self.tax_rate,
        }
        if product is not None:
            self._show(product)
        self.name.setFocus()

    def _show(self, product: ProductRow) -> None:
        self.sku.setText(product.sku or "")
        self.name.setText(product.name)
        self.name_alt.setText(product.name_alt or "")
        self.unit.setText(product.unit or "")
        self.price.setText(plain_number(product.price))
        self.currency.setCurrentText(product.currency)
        self.tax_rate.setText(plain_number(product.tax_rate))
        self.includes_tax.setChecked(product.price_includes_tax)
        self.description.setPlainText(product.description or "")
        self.active.setChecked(product.active)

    def draft(self) -> ProductDraft:
        """The product as filled in.

        Raises:
            ValidationError: The price or tax rate is not a number (``params['field']``).
        """
        return ProductDraft(
            name=self.name.text(),
            sku=self.sku.text(),
            name_alt=self.name_alt.text(),
            unit=self.unit.text(),
            price=self._number(self.price, "price"),
            currency=self.currency.currentText().strip().upper() or None,
            tax_rate=self._number(self.tax_rate, "tax_rate"),
            price_includes_tax=self.includes_tax.isChecked(),
            description=self.description.toPlainText(),
            active=self.active.isChecked(),
        )

    def save(self) -> None:
        """Save on the worker; a refusal is marked on its field, nothing typed is lost."""
        try:
            draft = self.draft()
        except ValidationError as exc:
            self._failed(exc)
            return
        ws, product = self._workspace, self.product
        self.buttons.setEnabled(False)
        if product is None:
            self._worker.submit(lambda: ws.products.create(draft), self._saved, self._failed)
        else:
            self._worker.submit(
                lambda: ws.products.update(product.id, draft), self._saved, self._failed
            )

    def _saved(self, result: ChangeResult) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        for widget in self._fields.values():
            _mark(widget, False)
        if isinstance(exc, ValidationError):
            marked = self._fields.get(str(exc.params.get("field")))
            if marked is not None:
                _mark(marked, True)
                marked.setFocus()
            self.problem_label.setText(problem_text(exc))
        else:
            from ui.messages import error_text

            self.problem_label.setText(error_text(exc))

    @staticmethod
    def _number(edit: QLineEdit, field: str) -> Decimal:
        text = edit.text().strip()
        if not text:
            return Decimal(0)
        try:
            return parse_number(text)
        except ValueError as exc:
            raise ValidationError(str(exc), field=field, problem="number", value=text) from None


def _mark(widget: QWidget, problem: bool) -> None:
    """Show (or clear) the problem style on a field (see the theme's ``[problem=true]``)."""
    widget.setProperty("problem", problem)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
