"""The Contracts screen as the main window sees it: the list, its detail and their dialogs."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtWidgets import QDialog, QMessageBox, QVBoxLayout

from desktop_crm.services.contracts.dto import PaymentRow
from ui.contracts.contracts_view import ContractsView
from ui.contracts.texts import day_text, money
from ui.screen import MenuItem, MenuName, Screen
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.common.dto import ChangeResult
    from desktop_crm.services.contracts.dto import ContractDetail
    from desktop_crm.services.workspace.handle import Workspace
    from ui.contracts.saving_dialog import SavingDialog
    from ui.shell import Shell


class ContractsScreen(Screen):
    """Contracts made from quotes, what is paid and what is still owed (回款)."""

    key = "contracts"
    icon_name = "contracts"
    watches: ClassVar[frozenset[str]] = frozenset(
        {"contracts", "payment_plans", "payments", "quotes"}
    )

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = ContractsView(shell.worker, shell.settings)
        layout.addWidget(self.view)
        self.dialog: SavingDialog | None = None
        self.view.actionRequested.connect(self.act)
        self.view.detail.editPaymentRequested.connect(self.edit_payment)
        self.view.detail.deletePaymentRequested.connect(self.delete_payment)

    def title(self) -> str:
        """The screen's name."""
        return self.tr("Contracts")

    def menu_items(self) -> dict[MenuName, list[MenuItem]]:
        """Edit > Record Payment…."""
        return {"edit": [self.action(self.tr("Record &Payment…"), lambda: self.act("payment"))]}

    def set_workspace(self, workspace: Workspace | None) -> None:
        """List the opened workspace's contracts."""
        if self.dialog is not None:
            self.dialog.reject()
        self.view.set_workspace(workspace)

    def changed(self, changes: ChangeResult) -> None:
        """Reload the list, the detail and the balances."""
        self.view.refresh()

    def select_contract(self, contract_id: str) -> None:
        """Show ``contract_id``: filters cleared, its row selected, its detail below."""
        self.view.clear_filters()
        self.view.select_contract(contract_id)

    # --- actions ------------------------------------------------------------------------------

    def act(self, what: str) -> SavingDialog | None:
        """Run an action on the selected contract (``payment``, ``plan``, ``edit``…)."""
        detail = self.view.detail.detail
        if detail is None:
            return None
        if what == "print":
            self.print_contract(detail)
            return None
        if what == "delete":
            self.delete_contract(detail)
            return None
        return self.open_dialog(what, detail)

    def open_dialog(
        self, what: str, detail: ContractDetail, payment: PaymentRow | None = None
    ) -> SavingDialog | None:
        """Open the payment, plan or contract dialog (not modal: tests drive it)."""
        from ui.contracts.contract_dialogs import ContractDialog, PlanDialog
        from ui.contracts.payment_dialog import PaymentDialog

        ws = self.shell.workspace
        if ws is None:
            return None
        worker = self.shell.worker
        dialog: SavingDialog
        if what == "payment":
            dialog = PaymentDialog(worker, ws, detail, payment, self.shell)
        elif what == "plan":
            dialog = PlanDialog(worker, ws, detail, self.shell)
        else:
            dialog = ContractDialog(worker, ws, detail, self.shell)
        dialog.setModal(True)
        dialog.saved.connect(self._saved)
        dialog.finished.connect(lambda _r: self._forget(dialog))
        self.dialog = dialog
        dialog.show()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _saved(self, result: ChangeResult) -> None:
        self.shell.show_status(self.tr("Saved."), 4000)
        self.shell.apply_changes(result)

    def edit_payment(self, payment: PaymentRow) -> SavingDialog | None:
        """Change a payment of the shown contract."""
        detail = self.view.detail.detail
        return None if detail is None else self.open_dialog("payment", detail, payment)

    def delete_payment(self, payment: PaymentRow, *, ask: bool = True) -> None:
        """Delete a payment after asking; undo brings it back."""
        detail = self.view.detail.detail
        if detail is None:
            return
        text = fill(
            self.tr("Delete the payment of %1 received on %2? You can undo this with Ctrl+Z."),
            money(payment.amount, detail.currency),
            day_text(payment.paid_on),
        )
        if ask and not self._confirm(self.tr("Delete payment"), text):
            return
        payment_id = payment.id
        self.shell.mutate(
            lambda ws: ws.contracts.delete_payment(payment_id), self.tr("Payment deleted.")
        )

    def delete_contract(self, detail: ContractDetail, *, ask: bool = True) -> None:
        """Delete the contract with its plan and payments after asking; undoable."""
        text = fill(
            self.tr(
                "Delete contract %1 with its payment plan and %n payment(s)? "
                "You can undo this with Ctrl+Z.",
                "",
                len(detail.payments),
            ),
            detail.number,
        )
        if ask and not self._confirm(self.tr("Delete contract"), text):
            return
        contract_id = detail.id
        self.shell.mutate(
            lambda ws: ws.contracts.delete(contract_id),
            fill(self.tr("Contract %1 deleted."), detail.number),
        )

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def print_contract(self, detail: ContractDetail) -> None:
        """Show the Print / PDF dialog of the contract."""
        from ui.language import ui_language
        from ui.printing.document_printing import show_document_dialog

        show_document_dialog(
            self.shell,
            "contract",
            detail.id,
            detail.number,
            revision=detail.quote_revision or 1,
            language=detail.language or ui_language(),
            template=detail.template,
        )
