"""The "Quotes" section of a card or a deal: its quotes, and a new one for it.

A card includes it with a few lines (``CustomerQuotes(worker, workspace, kind, id, parent)``,
``reload()`` when the card reloads); a deal's view passes ``kind="deal"`` and, once it has
read the deal, :meth:`CustomerQuotes.start_with` its customer. Double-clicking a quote opens it
in the quote editor; "New Quote…" opens the editor filled in for the customer (and the deal).
Both go through the Quotes screen of the main window the section belongs to, so saved quotes
refresh the list there too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.services.quotes.dto import QuoteDraft, QuoteRow
from desktop_crm.services.search.dto import SearchHit
from ui.amounts import money_text
from ui.quotes.quote_values import status_labels
from ui.shell import Shell

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.quotes.quote_editor import QuoteEditor
    from ui.quotes.quotes_screen import QuotesScreen
    from ui.worker import DbWorker

QuoteScope = Literal["person", "company", "deal"]
"""Whose quotes a section lists: a customer's (as customer or contact), or a deal's."""

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class CustomerQuotes(QGroupBox):
    """A customer's or a deal's quotes, newest first.

    Args:
        worker: Where database work runs.
        workspace: The open workspace.
        kind: ``person``, ``company`` or ``deal``.
        record_id: The customer or the deal.
        parent: The main window (the card or deal view's parent), which opens the editor.

    Attributes:
        rows: The quotes listed.
        draft: What "New Quote…" starts with.
        deal_title: The deal's title, shown in a new quote's deal field.

    Signals:
        openRequested(str): Open this quote in the editor.
        newRequested: Start a new quote for this customer (or deal).
        saved(object): An editor opened from here saved its quote (the ``ChangeResult``).
    """

    openRequested = Signal(str)
    newRequested = Signal()
    saved = Signal(object)

    def __init__(
        self,
        worker: DbWorker,
        workspace: Workspace,
        kind: QuoteScope,
        record_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Quotes"))
        self._worker, self._workspace = worker, workspace
        self.kind, self.record_id = kind, record_id
        self._shell = parent if isinstance(parent, Shell) else None
        self._editors: list[QuoteEditor] = []
        self.rows: list[QuoteRow] = []
        if kind == "company":
            self.draft = QuoteDraft(company_id=record_id)
        elif kind == "person":
            self.draft = QuoteDraft(person_id=record_id)
        else:
            self.draft = QuoteDraft(deal_id=record_id)
        self.deal_title = ""
        layout = QVBoxLayout(self)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Number"), self.tr("Status"), self.tr("Total")])
        self.list.headerItem().setTextAlignment(2, _RIGHT)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setStretchLastSection(True)
        self.list.setMaximumHeight(160)
        self.list.itemDoubleClicked.connect(
            lambda item, _c: self.openRequested.emit(item.data(0, Qt.ItemDataRole.UserRole))
        )
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        buttons.addWidget(self.summary, 1)
        self.new_button = QPushButton(self.tr("New Quote…"))
        self.new_button.clicked.connect(self.newRequested)
        buttons.addWidget(self.new_button)
        layout.addLayout(buttons)
        self.openRequested.connect(self.open_quote)
        self.newRequested.connect(self.new_quote)
        self.new_button.setEnabled(self._shell is not None)

    def start_with(self, draft: QuoteDraft, deal_title: str = "") -> None:
        """Make "New Quote…" start with ``draft`` (a deal's customer, once the deal is read)."""
        self.draft, self.deal_title = draft, deal_title

    def reload(self) -> None:
        """Read the quotes again (on the reader)."""
        ws, kind, rid = self._workspace, self.kind, self.record_id

        def read() -> list[QuoteRow]:
            if kind == "deal":
                return ws.reads.quotes.quotes_of_deal(rid)
            if kind == "company":
                return ws.reads.quotes.quotes_of_customer(company_id=rid)
            return ws.reads.quotes.quotes_of_customer(person_id=rid)

        self._worker.read(read, self._show, lambda _exc: self._show([]))

    def _show(self, rows: list[QuoteRow]) -> None:
        current = self.list.currentItem()
        kept = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        self.rows = rows
        statuses = status_labels()
        self.list.clear()
        for row in rows:
            item = QTreeWidgetItem(
                [
                    f"{row.number} · {row.issued_on.isoformat()}",
                    statuses.get(row.status.value, row.status.value),
                    money_text(row.total, row.currency),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, row.id)
            item.setTextAlignment(2, _RIGHT)
            self.list.addTopLevelItem(item)
            if row.id == kept:  # a reload keeps the quote the user had selected
                self.list.setCurrentItem(item)
        self.summary.setText(
            self.tr("%n quotes", "", len(rows)) if rows else self.tr("No quotes yet")
        )

    # --- through the main window's Quotes screen ----------------------------------------------

    def _screen(self) -> QuotesScreen | None:
        from ui.quotes.quotes_screen import QuotesScreen

        screens = getattr(self._shell, "screens", {})
        screen = screens.get("quotes") if isinstance(screens, dict) else None
        return screen if isinstance(screen, QuotesScreen) else None

    def open_quote(self, quote_id: str) -> QuoteEditor | None:
        """Open the quote in the editor."""
        screen = self._screen()
        return self._watch(screen.edit_quote(quote_id)) if screen is not None else None

    def new_quote(self) -> QuoteEditor | None:
        """Open the editor on a new quote for this customer (or deal and its customer)."""
        screen = self._screen()
        if screen is None:
            return None
        editor = screen.new_quote(self.draft)
        deal_id = self.draft.deal_id
        if editor is not None and deal_id is not None and self.deal_title:
            # The editor knows a draft's deal by its id only: show its title in the field.
            editor.header.deal.set_chosen(SearchHit("deal", deal_id, self.deal_title))
        return self._watch(editor)

    def _watch(self, editor: QuoteEditor | None) -> QuoteEditor | None:
        """Pass on ``editor``'s save as :attr:`saved` (once, however often it is raised)."""
        if editor is not None and all(e is not editor for e in self._editors):
            self._editors.append(editor)
            editor.saved.connect(self.saved)
            editor.finished.connect(lambda _r, e=editor: self._forget(e))
        return editor

    def _forget(self, editor: QuoteEditor) -> None:
        self._editors = [e for e in self._editors if e is not editor]
