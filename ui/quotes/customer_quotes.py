"""The "Quotes" section of a person's or company's card: their quotes, and a new one for them.

A card includes it with a few lines (``CustomerQuotes(worker, workspace, kind, id, parent)``,
``reload()`` when the card reloads). Double-clicking a quote opens it in the quote editor;
"New Quote…" opens the editor with the customer filled in. Both go through the Quotes screen
of the main window the card belongs to, so saved quotes refresh the list there too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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

from desktop_crm.domain.choices import RecordKind
from desktop_crm.services.quotes.dto import QuoteDraft, QuoteRow
from ui.amounts import money_text
from ui.quotes.quote_values import status_labels
from ui.shell import Shell

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.quotes.quote_editor import QuoteEditor
    from ui.quotes.quotes_screen import QuotesScreen
    from ui.worker import DbWorker

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class CustomerQuotes(QGroupBox):
    """A customer's quotes, newest first.

    Args:
        worker: Where database work runs.
        workspace: The open workspace.
        kind: ``person`` or ``company``.
        record_id: The customer.
        parent: The card; its parent window (the main window) opens the editor.

    Signals:
        openRequested(str): Open this quote in the editor.
        newRequested: Start a new quote for this customer.
    """

    openRequested = Signal(str)
    newRequested = Signal()

    def __init__(
        self,
        worker: DbWorker,
        workspace: Workspace,
        kind: RecordKind,
        record_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Quotes"))
        self._worker, self._workspace = worker, workspace
        self.kind, self.record_id = kind, record_id
        self._shell = parent if isinstance(parent, Shell) else None
        self.rows: list[QuoteRow] = []
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

    def reload(self) -> None:
        """Read the customer's quotes again (on the reader)."""
        ws, kind, rid = self._workspace, self.kind, self.record_id

        def read() -> list[QuoteRow]:
            if kind == "company":
                return ws.reads.quotes.quotes_of_customer(company_id=rid)
            return ws.reads.quotes.quotes_of_customer(person_id=rid)

        self._worker.read(read, self._show, lambda _exc: self._show([]))

    def _show(self, rows: list[QuoteRow]) -> None:
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
        return screen.edit_quote(quote_id) if screen is not None else None

    def new_quote(self) -> QuoteEditor | None:
        """Open the editor on a new quote for this customer."""
        screen = self._screen()
        if screen is None:
            return None
        if self.kind == "company":
            draft = QuoteDraft(company_id=self.record_id)
        else:
            draft = QuoteDraft(person_id=self.record_id)
        return screen.new_quote(draft)
