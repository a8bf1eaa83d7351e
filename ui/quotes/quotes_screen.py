"""The Quotes screen as the main window sees it, with the editor and dialogs it opens."""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtWidgets import QMessageBox, QVBoxLayout

from desktop_crm.domain.quote_lifecycle import QuoteAction
from ui.choices import one_of
from ui.quotes.quotes_view import QuotesView
from ui.screen import MenuItem, MenuName, Screen
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.common.dto import ChangeResult
    from desktop_crm.services.quotes.dto import QuoteDetail, QuoteDraft, QuoteRow
    from desktop_crm.services.workspace.handle import Workspace
    from ui.quotes.quote_editor import QuoteEditor
    from ui.shell import Shell

CONTRACT_DIALOG = "ui.contracts.from_quote_dialog"
"""Made by the contracts screen's own package; the action shows only when it is there."""
ACTIONS: tuple[QuoteAction, ...] = ("send", "accept", "reject", "reopen")


def contracts_available() -> bool:
    """Whether the "Create contract" dialog is part of this build."""
    try:
        return importlib.util.find_spec(CONTRACT_DIALOG) is not None
    except ModuleNotFoundError:  # no ui.contracts package at all
        return False


class QuotesScreen(Screen):
    """Every quote with filters and totals; the editor, revisions, print log and printing."""

    key = "quotes"
    icon_name = "quotes"
    # Products: a line's name; people and companies: the customer's name on a row.
    watches: ClassVar[frozenset[str]] = frozenset(
        {"quotes", "quote_lines", "quote_revisions", "products", "people", "companies"}
    )

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = QuotesView(shell.worker)
        layout.addWidget(self.view)
        self.editors: list[QuoteEditor] = []
        view = self.view
        view.newRequested.connect(lambda: self.new_quote())
        view.editRequested.connect(lambda row: self.edit_quote(row.id))
        view.duplicateRequested.connect(self.duplicate_quote)
        view.statusRequested.connect(self.set_status)
        view.deleteRequested.connect(self.delete_quote)
        view.printRequested.connect(self.print_quote)
        view.contractRequested.connect(self.create_contract)
        view.history.openRevision.connect(self.open_revision)
        view.history.printRevision.connect(self._print_detail)
        view.contract_button.setVisible(contracts_available())

    def title(self) -> str:
        """The screen's name."""
        return self.tr("Quotes")

    def menu_items(self) -> dict[MenuName, list[MenuItem]]:
        """File > New Quote…."""
        return {"file": [self.action(self.tr("New &Quote…"), lambda: self.new_quote())]}

    def set_workspace(self, workspace: Workspace | None) -> None:
        """List the opened workspace's quotes."""
        for editor in list(self.editors):
            editor.close()
        self.view.set_workspace(workspace)

    def changed(self, changes: ChangeResult) -> None:
        """Reload the list, its totals and the selected quote's history."""
        self.view.refresh()

    # --- the editor ---------------------------------------------------------------------------

    def _open_editor(
        self,
        quote_id: str | None,
        *,
        draft: QuoteDraft | None = None,
        revision: int | None = None,
    ) -> QuoteEditor | None:
        from ui.quotes.quote_editor import QuoteEditor

        ws = self.shell.workspace
        if ws is None:
            return None
        editor = QuoteEditor(self.shell, ws, quote_id, draft=draft, revision=revision)
        editor.saved.connect(self._saved)
        editor.printRequested.connect(self._print_detail)
        editor.finished.connect(lambda _result: self._forget(editor))
        self.editors.append(editor)
        editor.show()
        return editor

    def new_quote(self, draft: QuoteDraft | None = None) -> QuoteEditor | None:
        """Open the editor on a new quote (``draft``: what it starts with)."""
        return self._open_editor(None, draft=draft)

    def edit_quote(self, quote_id: str) -> QuoteEditor | None:
        """Open the editor on a quote (raising it when it is open already)."""
        for editor in self.editors:
            if editor.quote_id == quote_id and editor.revision is None:
                editor.raise_()
                editor.activateWindow()
                return editor
        return self._open_editor(quote_id)

    def open_revision(self, quote_id: str, revision: int) -> QuoteEditor | None:
        """Show one revision of a quote read-only (the latest opens for editing)."""
        detail = self.view.history.detail
        if detail is not None and detail.id == quote_id and revision == detail.revision:
            return self.edit_quote(quote_id)
        return self._open_editor(quote_id, revision=revision)

    def _forget(self, editor: QuoteEditor) -> None:
        if editor in self.editors:
            self.editors.remove(editor)

    def _saved(self, result: ChangeResult) -> None:
        if result.ids:
            self.view.select_when_loaded(result.ids[0])

    def duplicate_quote(self, row: QuoteRow) -> None:
        """Start a new quote with this one's customer and lines (saved only on Save)."""
        ws = self.shell.workspace
        if ws is None:
            return
        quote_id = row.id
        self.shell.worker.read(
            lambda: ws.reads.quotes.get(quote_id),
            lambda detail: self._duplicate_of(detail),
            self.shell.show_error,
        )

    def _duplicate_of(self, detail: QuoteDetail) -> None:
        from ui.quotes.quote_editor import copy_of

        self.new_quote(copy_of(detail))

    # --- status, deleting, printing -----------------------------------------------------------

    def set_status(self, row: QuoteRow, action: str) -> None:
        """Send, accept, reject or reopen the quote (undoable)."""
        chosen = one_of(action, ACTIONS)
        messages = {
            "send": self.tr("Quote %1 marked as sent."),
            "accept": self.tr("Quote %1 accepted."),
            "reject": self.tr("Quote %1 rejected."),
            "reopen": self.tr("Quote %1 reopened."),
        }
        quote_id = row.id
        self.shell.mutate(
            lambda ws: ws.quotes.set_status(quote_id, chosen),
            fill(messages[chosen], row.number),
        )

    def delete_quote(self, row: QuoteRow, *, ask: bool = True) -> None:
        """Delete the quote with its revisions, after asking (undoable)."""
        if ask:
            answer = QMessageBox.question(
                self,
                self.tr("Delete quote"),
                fill(
                    self.tr(
                        "Delete quote %1 for %2, with its earlier revisions? "
                        "You can undo this with Ctrl+Z."
                    ),
                    row.number,
                    row.customer,
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        quote_id = row.id
        self.shell.mutate(
            lambda ws: ws.quotes.delete(quote_id), fill(self.tr("Quote %1 deleted."), row.number)
        )

    def print_quote(self, row: QuoteRow) -> None:
        """Show the Print / PDF dialog of the quote at its latest revision."""
        ws = self.shell.workspace
        if ws is None:
            return
        quote_id = row.id
        self.shell.worker.read(
            lambda: ws.reads.quotes.get(quote_id), self._print_detail, self.shell.show_error
        )

    def _print_detail(self, detail: QuoteDetail, revision: int | None = None) -> None:
        from ui.quotes.revision_printing import print_quote

        print_quote(self.shell, detail, revision)

    def create_contract(self, row: QuoteRow) -> None:
        """Make a contract from the quote (the contracts package's dialog, when present)."""
        if not contracts_available():
            return
        # Imported by name: the contracts package is optional, and must not become a
        # dependency of the quotes package (it uses quotes itself).
        module = importlib.import_module(CONTRACT_DIALOG)
        module.show_from_quote_dialog(self.shell, row.id, row.number)
