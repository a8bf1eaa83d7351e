"""Under the quote list: the selected quote's revisions and its print log.

Both are read on the worker's reader when the selection settles, so moving through the list
with the arrow keys never waits on the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.services.printing.dto import PrintLogEntry
from desktop_crm.services.quotes.dto import QuoteDetail
from ui.amounts import money_text
from ui.quotes.quote_values import language_labels, status_labels
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class QuoteHistory(QWidget):
    """The revisions and print log of one quote.

    Args:
        worker: Where database work runs.

    Attributes:
        detail: The quote shown (at its latest revision), once loaded.

    Signals:
        openRevision(str, int): Show this revision of this quote, read-only.
        printRevision(object, int): Print this revision of this quote (its :class:`QuoteDetail`).
    """

    openRevision = Signal(str, int)
    printRevision = Signal(object, int)

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._workspace: Workspace | None = None
        self._quote_id: str | None = None
        self._generation = 0
        self.detail: QuoteDetail | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 0)
        self.heading = QLabel()
        self.heading.setObjectName("sectionTitle")
        outer.addWidget(self.heading)
        panes = QHBoxLayout()
        outer.addLayout(panes, 1)
        layout = QVBoxLayout()
        panes.addLayout(layout, 1)
        layout.addWidget(QLabel(self.tr("Revisions")))
        self.revisions = QTreeWidget()
        self.revisions.setRootIsDecorated(False)
        self.revisions.setHeaderLabels(
            [self.tr("Rev."), self.tr("Date"), self.tr("Status"), self.tr("Total")]
        )
        self.revisions.headerItem().setTextAlignment(3, _RIGHT)
        self.revisions.itemDoubleClicked.connect(lambda _item, _col: self._open())
        self.revisions.itemSelectionChanged.connect(self._on_revision_selected)
        layout.addWidget(self.revisions, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Show this revision as it was (read-only)"))
        self.open_button.clicked.connect(self._open)
        self.print_button = QPushButton(self.tr("Print / PDF…"))
        self.print_button.clicked.connect(self._print)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout = QVBoxLayout()
        panes.addLayout(layout, 1)
        layout.addWidget(QLabel(self.tr("Print log")))
        self.log = QTreeWidget()
        self.log.setRootIsDecorated(False)
        self.log.setHeaderLabels(
            [self.tr("When"), self.tr("Rev."), self.tr("Template"), self.tr("Output")]
        )
        layout.addWidget(self.log, 1)
        for tree in (self.revisions, self.log):
            tree.setAlternatingRowColors(True)
            tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            tree.header().setStretchLastSection(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.reload)
        self.show_quote(None)

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Read from ``workspace``."""
        self._workspace = workspace
        self.show_quote(None)

    def show_quote(self, quote_id: str | None) -> None:
        """Show the history of ``quote_id`` (``None``: nothing selected), after a short pause."""
        self._quote_id = quote_id
        if quote_id is None:
            self._generation += 1
            self.detail = None
            self.heading.setText(self.tr("Select a quote to see its revisions and print log."))
            self.revisions.clear()
            self.log.clear()
            self._on_revision_selected()
            return
        self._debounce.start()

    def reload(self) -> None:
        """Read the shown quote's revisions and print log again."""
        ws, quote_id = self._workspace, self._quote_id
        if ws is None or quote_id is None:
            return
        self._generation += 1
        generation = self._generation

        def read() -> tuple[QuoteDetail, list[PrintLogEntry]]:
            return ws.reads.quotes.get(quote_id), ws.reads.quotes.print_log(quote_id)

        self._worker.read(
            read,
            lambda found: self._show(generation, *found),
            lambda _exc: self.show_quote(None),  # deleted meanwhile
        )

    def _show(self, generation: int, detail: QuoteDetail, log: list[PrintLogEntry]) -> None:
        if generation != self._generation:
            return
        self.detail = detail
        self.heading.setText(fill(self.tr("%1 · %2"), detail.number, detail.customer))
        statuses, languages = status_labels(), language_labels()
        self.revisions.clear()
        for summary in reversed(detail.revisions):
            item = QTreeWidgetItem(
                [
                    str(summary.revision),
                    summary.issued_on.isoformat(),
                    statuses.get(summary.status.value, summary.status.value),
                    money_text(summary.total, detail.currency),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, summary.revision)
            item.setTextAlignment(3, _RIGHT)
            self.revisions.addTopLevelItem(item)
        newest = self.revisions.topLevelItem(0)
        if newest is not None:
            self.revisions.setCurrentItem(newest)
        self.log.clear()
        outputs = {"pdf": self.tr("PDF"), "printer": self.tr("Printer")}
        for entry in log:
            output = f"{outputs.get(entry.destination, entry.destination)} · {entry.paper}"
            item = QTreeWidgetItem(
                [
                    entry.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                    str(entry.revision),
                    entry.template,
                    f"{output} · {languages.get(entry.language, entry.language)}",
                ]
            )
            if entry.actor:
                item.setToolTip(0, entry.actor)
            self.log.addTopLevelItem(item)
        if not log:
            self.log.addTopLevelItem(QTreeWidgetItem(["", "", self.tr("Not printed yet"), ""]))
        self._on_revision_selected()

    def selected_revision(self) -> int | None:
        """The revision chosen in the list."""
        item = self.revisions.currentItem()
        return None if item is None else int(item.data(0, Qt.ItemDataRole.UserRole))

    def _on_revision_selected(self) -> None:
        chosen = self.selected_revision() is not None and self.detail is not None
        self.open_button.setEnabled(chosen)
        self.print_button.setEnabled(chosen)

    def _open(self) -> None:
        revision = self.selected_revision()
        if self.detail is not None and revision is not None:
            self.openRevision.emit(self.detail.id, revision)

    def _print(self) -> None:
        revision = self.selected_revision()
        if self.detail is not None and revision is not None:
            self.printRevision.emit(self.detail, revision)
