"""Record a payment received (回款) against a contract, or change one."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.contracts.dto import ContractDetail, PaymentDraft, PaymentRow
from ui.contracts.dates import date_edit, picked
from ui.contracts.saving_dialog import SavingDialog
from ui.contracts.texts import day_text, money, payment_methods, payment_problem
from ui.products.values import parse_number, plain_number
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker


class PaymentDialog(SavingDialog):
    """Date, amount, instalment, method, reference and note of one payment.

    Args:
        worker: Where the change runs.
        workspace: The open workspace.
        detail: The contract the payment is for, as shown.
        payment: The payment to change; ``None`` records a new one.
        parent: The window it belongs to.
    """

    def __init__(
        self,
        worker: DbWorker,
        workspace: Workspace,
        detail: ContractDetail,
        payment: PaymentRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, workspace, parent)
        self.detail = detail
        self.payment = payment
        back = payment.amount if payment is not None else Decimal(0)
        self.left = detail.balance.total - detail.balance.paid + back
        self.setWindowTitle(
            fill(self.tr("Record a payment on %1"), detail.number)
            if payment is None
            else fill(self.tr("Edit a payment on %1"), detail.number)
        )
        form = QFormLayout()
        self.body.addLayout(form)
        self.paid_on = date_edit(payment.paid_on if payment else None, detail.today)
        form.addRow(self.tr("Date received"), self.paid_on)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(fill(self.tr("e.g. %1"), money(self.left, detail.currency)))
        form.addRow(fill(self.tr("Amount (%1)"), detail.currency), self.amount)
        self.instalment = QComboBox()
        self.instalment.addItem(self.tr("Automatic: the oldest unpaid instalments first"), None)
        for part in detail.instalments:
            self.instalment.addItem(
                fill(
                    self.tr("No. %1, due %2: %3 of %4 outstanding"),
                    part.position,
                    day_text(part.due_on),
                    money(part.outstanding, detail.currency),
                    money(part.amount, detail.currency),
                ),
                part.id,
            )
        form.addRow(self.tr("Instalment"), self.instalment)
        self.method = QComboBox()
        self.method.setEditable(True)
        self.method.addItems(["", *payment_methods()])
        form.addRow(self.tr("Method"), self.method)
        self.reference = QLineEdit()
        form.addRow(self.tr("Reference"), self.reference)
        self.note = QLineEdit()
        form.addRow(self.tr("Note"), self.note)
        self.owed_label = fill(
            self.tr("%1 is still owed on this contract."), money(self.left, detail.currency)
        )
        form.addRow("", _muted(self.owed_label))
        if payment is not None:
            self.amount.setText(plain_number(payment.amount))
            self.instalment.setCurrentIndex(max(0, self.instalment.findData(payment.plan_id)))
            self.method.setCurrentText(payment.method or "")
            self.reference.setText(payment.reference or "")
            self.note.setText(payment.note or "")
        self.instalment.currentIndexChanged.connect(self._suggest)
        self.resize(max(self.sizeHint().width(), 460), self.sizeHint().height())

    def _suggest(self, _index: int) -> None:
        """Offer what the chosen instalment still owes, while nothing is typed."""
        plan_id = self.instalment.currentData()
        part = next((p for p in self.detail.instalments if p.id == plan_id), None)
        if part is not None and not self.amount.text().strip():
            self.amount.setPlaceholderText(money(part.outstanding, self.detail.currency))

    def draft(self) -> PaymentDraft:
        """The payment as typed.

        Raises:
            ValidationError: The amount is not a number, not above zero or more than is owed.
        """
        text = self.amount.text().strip()
        try:
            amount = parse_number(text)
        except ValueError as exc:
            if not text:
                raise ValidationError(
                    self.tr("Type the amount received."), field="amount", problem="number"
                ) from None
            raise ValidationError(str(exc), field="amount", problem="number") from None
        if amount <= 0:
            raise ValidationError("a payment must be more than zero", field="amount")
        if amount > self.left:
            raise ValidationError("more than is owed", field="amount")
        plan_id = self.instalment.currentData()
        return PaymentDraft(
            amount=amount,
            paid_on=picked(self.paid_on),
            plan_id=str(plan_id) if plan_id else None,
            method=self.method.currentText().strip() or None,
            reference=self.reference.text().strip() or None,
            note=self.note.text().strip() or None,
        )

    def save(self) -> None:
        """Check the amount here first (the service checks again), then record it."""
        try:
            draft = self.draft()
        except ValidationError as exc:
            self.refused(exc)
            self.amount.setFocus()
            return
        contract_id, payment, today = self.detail.id, self.payment, self.detail.today
        if payment is None:
            self.run(lambda ws: ws.contracts.record_payment(contract_id, draft, today=today))
        else:
            self.run(lambda ws: ws.contracts.edit_payment(payment.id, draft, today=today))

    def problem(self, exc: BaseException) -> str:
        """The service's refusal in the user's words."""
        return payment_problem(exc, self.detail.currency, self.left)


def _muted(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("tileCaption")
    return label
