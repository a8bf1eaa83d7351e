"""The quote editor: a customer, lines from the catalogue or typed, live totals, one Save.

Every change prices the lines again with ``services.quotes.pricing.price_drafts`` under the
workspace's tax rounding rule, the function the list, the PDF and the CLI use, so the totals
on screen are the ones that will print. A line pricing refuses is marked where it is, and Save
says why instead of saving. Saving a sent quote makes its next revision, after asking.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
)

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.quote_lifecycle import edit_makes_revision
from desktop_crm.domain.quote_totals import TaxRounding
from desktop_crm.domain.vocab import QuoteStatus
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.quotes.dto import LineDraft, QuoteDetail, QuoteDraft
from ui.quotes.line_model import COLUMNS, LineTableModel
from ui.quotes.line_tools import LineTools, product_line
from ui.quotes.lines_table import LinesTable
from ui.quotes.live_pricing import price_live
from ui.quotes.quote_header import QuoteHeader
from ui.quotes.quote_values import numbered_problem, save_problem, status_labels
from ui.quotes.totals_panel import TotalsPanel
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.printing.dto import CompanyProfileData
    from desktop_crm.services.products.dto import ProductAdded
    from desktop_crm.services.workspace.handle import Workspace
    from ui.shell import Shell


class QuoteEditor(QDialog):
    """Make or change one quote; or show an earlier revision of one, read-only.

    Args:
        shell: The main window (worker, changes, errors).
        workspace: The open workspace.
        quote_id: The quote to change (``None``: a new one).
        draft: What a new quote starts with (a customer, a duplicated quote's lines).
        revision: Show this revision of ``quote_id`` read-only (an earlier one).

    Attributes:
        detail: The quote as loaded (``None`` for a new one, until loaded).
        rounding: The workspace's tax rounding rule.

    Signals:
        saved(object): The quote was saved (the ``ChangeResult``; ``ids[0]`` is the quote).
        printRequested(object, int): Print this quote (its detail) at this revision.
    """

    saved = Signal(object)
    printRequested = Signal(object, int)

    def __init__(
        self,
        shell: Shell,
        workspace: Workspace,
        quote_id: str | None = None,
        *,
        draft: QuoteDraft | None = None,
        revision: int | None = None,
    ) -> None:
        super().__init__(shell)
        self._shell, self._workspace = shell, workspace
        self.quote_id = quote_id
        self.revision = revision
        self.detail: QuoteDetail | None = None
        self.rounding = TaxRounding.PER_LINE
        self.read_only = revision is not None
        self._has_currency = quote_id is not None
        self.setWindowTitle(self.tr("New Quote") if quote_id is None else self.tr("Quote"))
        self.resize(1180, 760)
        headers = {
            "code": self.tr("Code"),
            "description": self.tr("Description"),
            "quantity": self.tr("Qty"),
            "unit": self.tr("Unit"),
            "unit_price": self.tr("Unit price"),
            "discount": self.tr("Discount"),
            "tax_rate": self.tr("Tax %"),
            "price_includes_tax": self.tr("Tax incl."),
            "optional": self.tr("Optional"),
            "amount": self.tr("Amount"),
        }
        self.lines = LineTableModel(headers)
        self.lines.linesChanged.connect(self.reprice)
        self.lines.inputRefused.connect(self._show_problem)

        root = QVBoxLayout(self)
        self.title = QLabel(self.windowTitle())
        self.title.setObjectName("viewTitle")
        root.addWidget(self.title)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #fff4e5; border: 1px solid #f0c36d; border-radius: 4px; padding: 6px;"
        )
        self.banner.hide()
        root.addWidget(self.banner)
        self.header = QuoteHeader(shell.worker)
        self.header.currencyChanged.connect(lambda _c: self.reprice())
        root.addWidget(self.header)
        self.tools = LineTools(shell.worker)
        self.tools.lineRequested.connect(self.add_line)
        self.tools.quickAddRequested.connect(self.quick_add)
        self.tools.duplicateRequested.connect(self.duplicate_line)
        self.tools.deleteRequested.connect(self.delete_lines)
        root.addWidget(self.tools)
        self.table = LinesTable(self.lines)
        self.tools.moveRequested.connect(self.table.move_current)
        root.addWidget(self.table, 1)
        self.problem_label = QLabel()
        self.problem_label.setStyleSheet("color: #c62828;")
        self.problem_label.setWordWrap(True)
        root.addWidget(self.problem_label)
        bottom = QHBoxLayout()
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Printed after the totals"))
        self.terms = QPlainTextEdit()
        self.terms.setPlaceholderText(self.tr("Terms and conditions"))
        texts = QTabWidget()
        texts.addTab(self.notes, self.tr("Notes"))
        texts.addTab(self.terms, self.tr("Terms"))
        texts.setMaximumHeight(150)
        bottom.addWidget(texts, 3)
        self.totals = TotalsPanel()
        bottom.addWidget(self.totals, 2, Qt.AlignmentFlag.AlignTop)
        root.addLayout(bottom)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton(self.tr("Print / PDF…"))
        self.print_button.clicked.connect(self._print)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        root.addWidget(self.buttons)
        self.print_button.setVisible(quote_id is not None)
        self._start(draft)

    # --- loading ------------------------------------------------------------------------------

    def _start(self, draft: QuoteDraft | None) -> None:
        ws, worker = self._workspace, self._shell.worker
        self.tools.set_workspace(ws)
        self.header.set_workspace(ws)
        worker.read(
            lambda: (
                ws.reads.settings.get("quotes.tax_rounding"),
                ws.reads.settings.get("currency.default"),
            ),
            self._settings_read,
        )
        quote_id, revision = self.quote_id, self.revision
        if quote_id is not None:
            if revision is not None:
                worker.read(lambda: ws.reads.quotes.revision(quote_id, revision), self.load)
            else:
                worker.read(lambda: ws.reads.quotes.get(quote_id), self.load)
            return
        if draft is not None:
            self._load_draft(draft, "", None)
        if draft is None or not draft.terms:
            worker.read(ws.reads.printing.profile, self._default_terms, lambda _exc: None)

    def _settings_read(self, values: tuple[object, object]) -> None:
        rounding, currency = values
        self.rounding = TaxRounding(str(rounding))
        self.totals.set_rounding(self.rounding)
        # A quote opened, or a draft with its own currency, keeps its currency.
        self.header.offer_currency(str(currency or "CNY"), choose=not self._has_currency)
        self.reprice()

    def _default_terms(self, profile: CompanyProfileData) -> None:
        if not self.terms.toPlainText().strip():
            self.terms.setPlainText(profile.default_terms)

    def load(self, detail: QuoteDetail) -> None:
        """Show ``detail`` (the quote, or the revision asked for)."""
        self.detail = detail
        status = status_labels().get(detail.status.value, detail.status.value)
        self.title.setText(
            fill(self.tr("Quote %1 · revision %2 · %3"), detail.number, detail.revision, status)
        )
        self.setWindowTitle(fill(self.tr("Quote %1"), detail.number))
        self._load_draft(detail.draft, detail.customer, detail.deal)
        if not detail.latest:
            self.read_only = True
            self._show_banner(self.tr("An earlier revision, kept as it was: it can be printed."))
        elif detail.status is QuoteStatus.ACCEPTED:
            self.read_only = True
            self._show_banner(
                self.tr("This quote was accepted: change its contract, or reopen it first.")
            )
        elif edit_makes_revision(detail.status):
            self._show_banner(
                fill(
                    self.tr("This quote was %1: saving changes makes revision %2."),
                    status.lower(),
                    detail.revision + 1,
                )
            )
        self._apply_read_only()

    def _load_draft(self, draft: QuoteDraft, customer: str, deal: str | None) -> None:
        self.header.load(draft, customer, deal)
        self.notes.setPlainText(draft.notes)
        self.terms.setPlainText(draft.terms)
        self.lines.currency = draft.currency or self.lines.currency
        self._has_currency = self._has_currency or bool(draft.currency)
        self.lines.set_lines(draft.lines)

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()

    def _apply_read_only(self) -> None:
        self.lines.read_only = self.read_only
        self.header.set_read_only(self.read_only)
        self.tools.setEnabled(not self.read_only)
        for edit in (self.notes, self.terms):
            edit.setReadOnly(self.read_only)
        self.save_button.setVisible(not self.read_only)

    # --- lines --------------------------------------------------------------------------------

    def add_line(self, line: LineDraft) -> int:
        """Add ``line`` after the current line (or at the end); start typing a blank one."""
        current = self.table.current_row()
        row = self.lines.insert_line(current + 1 if current >= 0 else -1, line)
        self.table.update_spans()
        column = "description" if not line.description or line.kind == "section" else "quantity"
        self.table.select_line(row, COLUMNS.index(column))
        if not line.description or line.kind == "section":
            self.table.edit(self.lines.index(row, COLUMNS.index("description")))
        return row

    def duplicate_line(self) -> None:
        """Add a copy of the current line under it."""
        row = self.table.current_row()
        if row >= 0:
            self.add_line(self.lines.line(row))

    def delete_lines(self) -> None:
        """Delete the selected lines."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.current_row() >= 0:
            rows = [self.table.current_row()]
        if rows:
            self.lines.removeRows(rows[0], rows[-1] - rows[0] + 1)
            self.table.select_line(min(rows[0], self.lines.rowCount() - 1))

    def quick_add(self, name: str) -> None:
        """Add a product to the catalogue from here, then its line."""
        from ui.products.quick_add import QuickAddDialog

        dialog = QuickAddDialog(
            self._shell.worker, self._workspace, name=name, currency=self.currency(), parent=self
        )
        dialog.added.connect(self._product_added)
        dialog.open()

    def _product_added(self, added: ProductAdded) -> None:
        self._shell.apply_changes(added.change)
        self.add_line(product_line(added.product))
        self.tools.picker.clear()

    # --- pricing ------------------------------------------------------------------------------

    def currency(self) -> str:
        """The quote's currency as chosen."""
        return self.header.currency.currentText().strip().upper() or "CNY"

    def reprice(self) -> None:
        """Price the lines again and show the totals; mark each line pricing refuses."""
        lines, currency = self.lines.lines, self.currency()
        self.lines.currency = currency
        totals, amounts, problems = price_live(lines, currency, self.rounding)
        self.lines.set_pricing(amounts, problems)
        self.totals.show_totals(totals)
        self.problem_label.setText(
            "\n".join(numbered_problem(row, text) for row, text in sorted(problems.items()))
        )

    def _show_problem(self, text: str) -> None:
        self.problem_label.setText(text)

    # --- saving -------------------------------------------------------------------------------

    def current_draft(self) -> QuoteDraft:
        """The quote as the editor holds it."""
        template = self.detail.draft.template if self.detail is not None else None
        return QuoteDraft(
            **self.header.values(),
            notes=self.notes.toPlainText(),
            terms=self.terms.toPlainText(),
            template=template,
            lines=self.lines.lines,
        )

    def problems(self) -> list[str]:
        """Why the quote cannot be saved as it is (empty: it can)."""
        self.reprice()
        found = [
            numbered_problem(row, text)
            for row in range(self.lines.rowCount())
            if (text := self.lines.problem(row) or "")
        ]
        for row, line in enumerate(self.lines.lines):
            if not line.description.strip() and not line.product_id and not line.code:
                found.append(numbered_problem(row, self.tr("The line needs a description.")))
        if self.header.customer.chosen is None:
            found.insert(0, self.tr("Choose a customer: a company or a person."))
        return found

    def save(self) -> None:
        """Save on the worker's writer; refused lines and a missing customer are said first."""
        if self.read_only:
            return
        found = self.problems()
        if found:
            self.problem_label.setText("\n".join(found))
            return
        draft, ws, quote_id = self.current_draft(), self._workspace, self.quote_id
        detail = self.detail
        if detail is not None and edit_makes_revision(detail.status) and not self._confirm(detail):
            return
        self.save_button.setEnabled(False)
        if quote_id is None:
            self._shell.worker.submit(lambda: ws.quotes.create(draft), self._saved, self._failed)
        else:
            self._shell.worker.submit(
                lambda: ws.quotes.update(quote_id, draft), self._saved, self._failed
            )

    def _confirm(self, detail: QuoteDetail) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Save as a new revision"),
            fill(
                self.tr(
                    "Quote %1 was sent to the customer. Saving keeps revision %2 as it was "
                    "sent and makes these changes revision %3, a draft. Save?"
                ),
                detail.number,
                detail.revision,
                detail.revision + 1,
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _saved(self, result: ChangeResult) -> None:
        self.save_button.setEnabled(True)
        self._shell.show_status(self.tr("Quote saved."), 4000)
        self._shell.apply_changes(result)
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(exc, ValidationError):
            from ui.messages import error_text

            self.problem_label.setText(error_text(exc))
            return
        self.problem_label.setText(save_problem(exc))
        line = exc.params.get("line")
        if isinstance(line, int) and 0 < line <= self.lines.rowCount():
            self.table.select_line(line - 1)

    def _print(self) -> None:
        if self.detail is not None:
            self.printRequested.emit(self.detail, self.detail.revision)


def copy_of(detail: QuoteDetail) -> QuoteDraft:
    """A new quote's draft from ``detail``: same customer and lines, dated today."""
    return replace(detail.draft, issued_on=None, valid_until=None, owner_id=None)
