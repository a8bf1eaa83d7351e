"""Edit a contract's own fields, or its payment plan; each save is one undoable operation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.vocab import ContractStatus
from desktop_crm.services.contracts.dto import ContractChanges, ContractDetail
from ui.contracts.dates import date_edit, picked
from ui.contracts.plan_editor import PlanEditor
from ui.contracts.saving_dialog import SavingDialog
from ui.contracts.texts import money, plan_problem, status_label
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker


class PlanDialog(SavingDialog):
    """Replace a contract's payment plan; OK only once it comes to the total.

    Args:
        worker: Where the change runs.
        workspace: The open workspace.
        detail: The contract, as shown.
        parent: The window it belongs to.
    """

    def __init__(
        self,
        worker: DbWorker,
        workspace: Workspace,
        detail: ContractDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, workspace, parent)
        self.detail = detail
        self.setWindowTitle(fill(self.tr("Payment plan of %1"), detail.number))
        intro = QLabel(
            fill(
                self.tr(
                    "The instalments must come to the contract's total of %1. Payments "
                    "recorded against an instalment that goes settle the oldest unpaid "
                    "instalments instead."
                ),
                money(detail.balance.total, detail.currency),
            )
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        start = detail.starts_on or detail.signed_on or detail.today
        self.editor = PlanEditor(detail.balance.total, detail.currency, start, detail.ends_on)
        self.editor.set_instalments(detail.instalments)
        self.body.addWidget(self.editor)
        self.editor.checked.connect(self._checked)
        self._checked(self.editor.check())
        self.resize(640, self.sizeHint().height())

    def _checked(self, ok: bool) -> None:
        self.problem_label.clear()
        ok_button = self.buttons.button(self.buttons.StandardButton.Ok)
        ok_button.setEnabled(ok)

    def save(self) -> None:
        """Store the plan, if it comes to the total."""
        if not self.editor.check():
            return
        contract_id, plan = self.detail.id, self.editor.plan()
        self.run(lambda ws: ws.contracts.set_plan(contract_id, plan))

    def problem(self, exc: BaseException) -> str:
        """The service's refusal in the user's words."""
        if isinstance(exc, ValidationError):
            total, currency = self.detail.balance.total, self.detail.currency
            return plan_problem(exc, total, currency, self.editor.percent)
        return super().problem(exc)


class ContractDialog(SavingDialog):
    """A contract's title, dates, status and terms.

    Args:
        worker: Where the change runs.
        workspace: The open workspace.
        detail: The contract, as shown.
        parent: The window it belongs to.
    """

    def __init__(
        self,
        worker: DbWorker,
        workspace: Workspace,
        detail: ContractDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, workspace, parent)
        self.detail = detail
        self.setWindowTitle(fill(self.tr("Edit contract %1"), detail.number))
        form = QFormLayout()
        self.body.addLayout(form)
        self.title_edit = QLineEdit(detail.title)
        form.addRow(self.tr("Title"), self.title_edit)
        self.status = QComboBox()
        for status in ContractStatus:
            self.status.addItem(status_label(status), status.value)
        self.status.setCurrentIndex(self.status.findData(detail.status.value))
        form.addRow(self.tr("Status"), self.status)
        signed = QHBoxLayout()
        self.signed = QCheckBox(self.tr("Signed on"))
        self.signed.setChecked(detail.signed_on is not None)
        self.signed_on = date_edit(detail.signed_on, detail.today)
        self.signed_on.setEnabled(self.signed.isChecked())
        self.signed.toggled.connect(self.signed_on.setEnabled)
        signed.addWidget(self.signed_on)
        signed.addStretch(1)
        form.addRow(self.signed, signed)
        self.starts_on = date_edit(detail.starts_on, detail.today)
        form.addRow(self.tr("Starts on"), self.starts_on)
        ends = QHBoxLayout()
        self.has_end = QCheckBox(self.tr("Ends on"))
        self.has_end.setChecked(detail.ends_on is not None)
        self.ends_on = date_edit(detail.ends_on, picked(self.starts_on))
        self.ends_on.setEnabled(self.has_end.isChecked())
        self.has_end.toggled.connect(self.ends_on.setEnabled)
        ends.addWidget(self.ends_on)
        ends.addStretch(1)
        form.addRow(self.has_end, ends)
        self.terms = QPlainTextEdit(detail.terms)
        self.terms.setPlaceholderText(self.tr("Terms and conditions printed on the contract"))
        self.terms.setMinimumHeight(110)
        form.addRow(self.tr("Terms"), self.terms)
        self.resize(560, self.sizeHint().height())

    def changes(self) -> ContractChanges:
        """The fields as set (unticked dates are left as they are: the core keeps them)."""
        return ContractChanges(
            title=self.title_edit.text(),
            status=ContractStatus(str(self.status.currentData())),
            signed_on=picked(self.signed_on) if self.signed.isChecked() else None,
            starts_on=picked(self.starts_on),
            ends_on=picked(self.ends_on) if self.has_end.isChecked() else None,
            terms=self.terms.toPlainText().strip(),
        )

    def save(self) -> None:
        """Save the fields."""
        changes = self.changes()
        if not changes.title or not changes.title.strip():
            self.refused(ValidationError("a contract needs a title", field="title"))
            self.title_edit.setFocus()
            return
        starts, ends = changes.starts_on, changes.ends_on
        if ends is not None and starts is not None and ends < starts:
            self.refused(ValidationError("ends before it starts", field="ends_on"))
            return
        contract_id = self.detail.id
        self.run(lambda ws: ws.contracts.edit(contract_id, changes))

    def problem(self, exc: BaseException) -> str:
        """The service's refusal in the user's words."""
        if isinstance(exc, ValidationError):
            field = exc.params.get("field")
            if field == "title":
                return self.tr("A contract needs a title.")
            if field == "ends_on":
                return self.tr("The contract cannot end before it starts.")
            return exc.message
        return super().problem(exc)
