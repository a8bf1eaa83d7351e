"""A small dialog that adds a product from a quote line: name, unit, price, tax.

Usage::

    dialog = QuickAddDialog(shell.worker, ws, name=picker.text(), currency=quote_currency,
                            parent=self)
    dialog.added.connect(lambda added: (shell.apply_changes(added.change),
                                        add_line(added.product)))
    dialog.open()

Saving calls ``Workspace.products.quick_add`` on the worker's writer: one undoable operation
("Add product …"). :attr:`QuickAddDialog.added` then carries the
:class:`~desktop_crm.services.products.dto.ProductAdded`: ``change`` for the window to refresh
(the Products screen watches ``products``) and ``product``, the stored ``ProductRow``, for the
quote line. A refusal (no name, a price below 0, a rate over 100) is shown in the dialog,
which stays open with what was typed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.products.dto import ProductAdded
from ui.products.values import parse_number, problem_text

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker


class QuickAddDialog(QDialog):
    """Add a product with the few values a quote line needs.

    Args:
        worker: Where database work runs.
        workspace: The open workspace.
        name: The name to start with (what was typed in the picker).
        currency: The price's currency (the quote's); the workspace's when ``None``.
        parent: The window it belongs to.

    Signals:
        added(object): The product was added (a :class:`ProductAdded`).
    """

    added = Signal(object)

    def __init__(
        self,
        worker: DbWorker,
        workspace: Workspace,
        name: str = "",
        currency: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._workspace = workspace
        self.currency = currency
        self.setWindowTitle(self.tr("Add Product"))
        self.name = QLineEdit(name)
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("e.g. set, hour, 套, 小时"))
        self.price = QLineEdit()
        self.price.setPlaceholderText("0.00")
        self.tax_rate = QLineEdit()
        self.tax_rate.setPlaceholderText("0")
        self.includes_tax = QCheckBox(self.tr("The price includes tax (含税价)"))
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Unit:"), self.unit)
        form.addRow(self.tr("Unit price:"), self.price)
        form.addRow(self.tr("Tax rate %:"), self.tax_rate)
        form.addRow("", self.includes_tax)
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
        (self.price if name else self.name).setFocus()

    def save(self) -> None:
        """Add the product on the worker; :attr:`added` follows, or the problem is shown."""
        try:
            price = _number(self.price.text())
            rate = _number(self.tax_rate.text())
        except ValueError as exc:
            self.problem_label.setText(str(exc))
            return
        ws, name, unit = self._workspace, self.name.text(), self.unit.text()
        currency, included = self.currency, self.includes_tax.isChecked()
        self.buttons.setEnabled(False)
        self._worker.submit(
            lambda: ws.products.quick_add(
                name,
                price,
                currency=currency,
                unit=unit,
                tax_rate=rate,
                price_includes_tax=included,
            ),
            self._added,
            self._failed,
        )

    def _added(self, added: ProductAdded) -> None:
        self.buttons.setEnabled(True)
        self.added.emit(added)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.problem_label.setText(problem_text(exc))
        else:
            from ui.messages import error_text

            self.problem_label.setText(error_text(exc))


def _number(text: str) -> Decimal:
    """A typed price or rate (blank is 0); ``ValueError`` with the user's message if not one."""
    return parse_number(text) if text.strip() else Decimal(0)
