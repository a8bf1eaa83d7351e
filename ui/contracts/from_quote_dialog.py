"""Make a contract of a quote: title, dates and payment plan, then show the new contract.

The Quotes screen calls :func:`show_from_quote_dialog`. The quote is read first (its total,
currency, status and deal), so the plan editor checks against the total the contract will have.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.vocab import QuoteStatus
from desktop_crm.services.quotes.dto import QuoteDetail
from ui.contracts.contracts_screen import ContractsScreen
from ui.contracts.dates import date_edit, picked
from ui.contracts.plan_editor import PlanEditor
from ui.contracts.saving_dialog import SavingDialog
from ui.contracts.texts import money, plan_problem
from ui.text_fill import fill
from ui.translation_context import TranslationContext

if TYPE_CHECKING:
    from desktop_crm.services.common.dto import ChangeResult
    from desktop_crm.services.workspace.handle import Workspace
    from ui.shell import Shell
    from ui.worker import DbWorker


class FromQuote(TranslationContext):
    """Translation context of this module's messages."""


class FromQuoteDialog(SavingDialog):
    """Title, dates and payment plan of the contract a quote becomes.

    Args:
        worker: Where the change runs.
        workspace: The open workspace.
        quote: The quote, as read.
        today: The day the contract is made (signed and starting by default).
        parent: The window it belongs to.
    """

    def __init__(
        self,
        worker: DbWorker,
        workspace: Workspace,
        quote: QuoteDetail,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, workspace, parent)
        self.quote, self.today = quote, today
        total, currency = quote.totals.total, quote.currency
        self.setWindowTitle(fill(self.tr("Make a contract of quote %1"), quote.number))
        intro = QLabel(
            fill(
                self.tr("%1 · %2 · total %3"),
                quote.number,
                quote.customer or "–",
                money(total, currency),
            )
        )
        intro.setStyleSheet("font-weight: 600;")
        self.body.addWidget(intro)
        self.note = QLabel(self._status_note(quote.status))
        self.note.setWordWrap(True)
        self.note.setObjectName("tileCaption")
        self.note.setVisible(bool(self.note.text()))
        self.body.addWidget(self.note)
        form = QFormLayout()
        self.body.addLayout(form)
        self.title_edit = QLineEdit(quote.deal or quote.number)
        form.addRow(self.tr("Title"), self.title_edit)
        self.signed_on = date_edit(today, today)
        form.addRow(self.tr("Signed on"), self.signed_on)
        self.starts_on = date_edit(today, today)
        form.addRow(self.tr("Starts on"), self.starts_on)
        ends = QHBoxLayout()
        self.has_end = QCheckBox(self.tr("Ends on"))
        self.ends_on = date_edit(None, today + timedelta(days=365))
        self.ends_on.setEnabled(False)
        self.has_end.toggled.connect(self.ends_on.setEnabled)
        ends.addWidget(self.ends_on)
        ends.addStretch(1)
        form.addRow(self.has_end, ends)
        self.plan = PlanEditor(total, currency, today)
        self.plan.preset("100")
        heading = QLabel(self.tr("Payment plan"))
        heading.setStyleSheet("font-weight: 600; margin-top: 6px;")
        self.body.addWidget(heading)
        self.body.addWidget(self.plan)
        self.starts_on.dateChanged.connect(lambda _d: self._dates_changed())
        self.ends_on.dateChanged.connect(lambda _d: self._dates_changed())
        self.has_end.toggled.connect(lambda _on: self._dates_changed())
        self.plan.checked.connect(self._checked)
        self._checked(self.plan.check())
        self.resize(660, self.sizeHint().height())

    def _status_note(self, status: QuoteStatus) -> str:
        if status == QuoteStatus.ACCEPTED:
            return ""
        if status in (QuoteStatus.REJECTED, QuoteStatus.EXPIRED):
            return self.tr("This quote was rejected or has expired: it cannot become a contract.")
        return self.tr("The quote is not accepted yet: making the contract accepts it.")

    def _dates_changed(self) -> None:
        """Presets fall on the start day and the end day (when there is one)."""
        self.plan.start = picked(self.starts_on)
        self.plan.end = picked(self.ends_on) if self.has_end.isChecked() else None

    def _checked(self, ok: bool) -> None:
        self.problem_label.clear()
        refused = self.quote.status in (QuoteStatus.REJECTED, QuoteStatus.EXPIRED)
        ok_button = self.buttons.button(self.buttons.StandardButton.Ok)
        ok_button.setEnabled(ok and not refused)

    def save(self) -> None:
        """Make the contract, if the plan comes to the quote's total."""
        if not self.plan.check():
            return
        title = self.title_edit.text().strip()
        if not title:
            self.problem_label.setText(self.tr("A contract needs a title."))
            self.title_edit.setFocus()
            return
        quote_id, plan, today = self.quote.id, self.plan.plan(), self.today
        signed, starts = picked(self.signed_on), picked(self.starts_on)
        ends = picked(self.ends_on) if self.has_end.isChecked() else None
        if ends is not None and ends < starts:
            self.problem_label.setText(self.tr("The contract cannot end before it starts."))
            return
        self.run(
            lambda ws: ws.contracts.from_quote(
                quote_id,
                plan,
                title=title,
                signed_on=signed,
                starts_on=starts,
                ends_on=ends,
                today=today,
            )
        )

    def problem(self, exc: BaseException) -> str:
        """The service's refusal in the user's words."""
        if isinstance(exc, ValidationError) and exc.params.get("field") == "plan":
            total = self.quote.totals.total
            return plan_problem(exc, total, self.quote.currency, self.plan.percent)
        return super().problem(exc)


def show_from_quote_dialog(shell: Shell, quote_id: str, number: str) -> None:
    """Ask how quote ``number`` becomes a contract, make it, then show it on Contracts.

    The quote is read first on the worker; the dialog opens once it arrives. On OK the
    contract is made as one undoable operation (accepting the quote if it is not yet), the
    screens that show contracts and quotes refresh, and the Contracts screen selects it.
    """
    ws = shell.workspace
    if ws is None:
        return

    def show(quote: QuoteDetail) -> None:
        if shell.workspace is not ws:
            return
        dialog = FromQuoteDialog(shell.worker, ws, quote, date.today(), shell)
        dialog.setModal(True)

        def made(result: ChangeResult) -> None:
            shell.show_status(fill(FromQuote.tr("Contract made of quote %1."), number), 4000)
            shell.apply_changes(result)
            shell.show_view("contracts")
            screen = getattr(shell, "screens", {}).get("contracts")
            if isinstance(screen, ContractsScreen) and result.ids:
                screen.select_contract(result.ids[0])

        dialog.saved.connect(made)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.show()

    # Opened after the job is delivered: a dialog inside its callback would hold the worker.
    shell.worker.read(
        lambda: ws.reads.quotes.get(quote_id),
        lambda quote: QTimer.singleShot(0, lambda: show(quote)),
        shell.show_error,
    )
