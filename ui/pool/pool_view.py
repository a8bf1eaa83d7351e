"""The lead pool's list: filtered by text and kind, claimed one or many at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.services.pool.dto import PoolRecord
from ui.contacts.labels import status_labels
from ui.empty_state import NoMatchPanel
from ui.list_table import filter_edit, list_header, list_table
from ui.pool.list_model import COLUMNS, Claimable, PoolFilter, PoolTableModel

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

_WIDTHS = {
    "name": 180,
    "company": 200,
    "kind": 80,
    "level": 50,
    "status": 90,
    "last_contacted_at": 120,
    "phone": 130,
    "returned_at": 100,
}


class PoolEmptyPanel(QFrame):
    """What an empty pool means: with one user, it is a shelf for later."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.label = QLabel(
            self.tr("Nothing in the pool. Release a record from its card to keep it for later.")
        )
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.label)
        layout.addStretch(2)


class PoolView(QWidget):
    """The records nobody holds, with a filter bar and the Claim action.

    Args:
        worker: Where database work runs.

    Signals:
        claimRequested(object, int, str): Claim the selection: a job that resolves it to
            ``(kind, id)`` pairs on the worker, how many rows, and the first one's name
            (``""`` if not loaded).
        openRequested(str, str): Open the card of this kind and id.
    """

    claimRequested = Signal(object, int, str)
    openRequested = Signal(str, str)

    def __init__(self, worker: DbWorker) -> None:
        super().__init__()
        self._worker = worker
        self._workspace: Workspace | None = None
        self.statuses = status_labels()
        self.kinds = {"person": self.tr("Person"), "company": self.tr("Company")}
        self.headers = {
            "name": self.tr("Name"),
            "company": self.tr("Company"),
            "kind": self.tr("Kind"),
            "level": self.tr("Level"),
            "status": self.tr("Status"),
            "last_contacted_at": self.tr("Last contact"),
            "phone": self.tr("Phone"),
            "returned_at": self.tr("Returned on"),
        }
        self.model = PoolTableModel(worker, self.headers, self.display)

        layout, top = list_header(self, self.tr("Lead pool"))
        self.search = filter_edit(self.tr("Filter by name, pinyin, company, number, phone…"))
        top.addWidget(self.search, 1)
        self.kind_box = QComboBox()
        self.kind_box.addItem(self.tr("People and companies"), None)
        self.kind_box.addItem(self.tr("People"), "person")
        self.kind_box.addItem(self.tr("Companies"), "company")
        top.addWidget(self.kind_box)
        self.count_label = QLabel()
        top.addWidget(self.count_label)
        layout.addLayout(top)

        self.hint = QLabel(
            self.tr(
                "Leads and customers nobody holds. Claim the ones you will follow up: they "
                "become yours, and the claim goes on their timeline."
            )
        )
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

        actions = QHBoxLayout()
        self.claim_button = QPushButton(self.tr("Claim"))
        self.claim_button.setToolTip(self.tr("Make the selected records yours (Enter)"))
        self.claim_button.clicked.connect(self.claim_selected)
        self.open_button = QPushButton(self.tr("Open card"))
        self.open_button.clicked.connect(self.open_selected)
        self.selection_label = QLabel()
        actions.addWidget(self.claim_button)
        actions.addWidget(self.open_button)
        actions.addWidget(self.selection_label)
        actions.addStretch(1)
        layout.addLayout(actions)

        self.table = list_table(self.model, multi=True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for i, key in enumerate(COLUMNS):
            self.table.setColumnWidth(i, _WIDTHS.get(key, 90))
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelReset.connect(self._on_selection)
        self.model.dataChanged.connect(self._on_selection)  # a selected row's page arrived

        self.empty_panel = PoolEmptyPanel()
        self.no_match = NoMatchPanel()
        self.no_match.label.setText(self.tr("No records in the pool match —"))
        self.no_match.clearRequested.connect(self.clear_filters)
        self.body = QStackedWidget()
        for widget in (self.table, self.empty_panel, self.no_match):
            self.body.addWidget(widget)
        layout.addWidget(self.body, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.kind_box.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.model.loaded.connect(self._on_loaded)
        self._on_selection()

    # --- the workspace ------------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Show the pool of ``workspace``."""
        self._workspace = workspace
        self.body.setCurrentWidget(self.table)
        self.model.set_workspace(workspace)

    def refresh(self) -> None:
        """Reload after a change."""
        self.model.reload()

    # --- filters ------------------------------------------------------------------------------

    def current_filter(self) -> PoolFilter:
        """The filter the bar describes."""
        return PoolFilter(kind=self.kind_box.currentData(), text=self.search.text().strip())

    def apply_filters(self) -> None:
        """Show what the filter bar describes."""
        self.model.set_filter(self.current_filter())

    def clear_filters(self) -> None:
        """Show the whole pool again."""
        for widget in (self.search, self.kind_box):
            widget.blockSignals(True)
        self.search.clear()
        self.kind_box.setCurrentIndex(0)
        for widget in (self.search, self.kind_box):
            widget.blockSignals(False)
        self.apply_filters()

    def _on_loaded(self, count: int) -> None:
        self.count_label.setText(self.tr("%n in the pool", "", count))
        if self._workspace is None or count:
            self.body.setCurrentWidget(self.table)
        elif self.current_filter() == PoolFilter():
            self.body.setCurrentWidget(self.empty_panel)
        else:
            self.body.setCurrentWidget(self.no_match)

    # --- formatting ---------------------------------------------------------------------------

    def display(self, row: PoolRecord, key: str) -> str:
        """A row's value for column ``key`` as shown."""
        if key == "kind":
            return self.kinds.get(row.kind, row.kind)
        if key == "status":
            return self.statuses.get(row.status, row.status)
        if key == "last_contacted_at":
            return self.last_contact_text(row)
        if key == "returned_at":
            zone = self.model.zone
            if row.returned_at is None or zone is None:
                return ""
            return row.returned_at.astimezone(zone).date().isoformat()
        return str(getattr(row, key) or "")

    def last_contact_text(self, row: PoolRecord) -> str:
        """The last contact in local days: "never", "today" or "45 days ago"."""
        if row.last_contacted_at is None:
            return self.tr("never")
        today, zone = self.model.today, self.model.zone
        if today is None or zone is None:
            return ""
        days = (today - row.last_contacted_at.astimezone(zone).date()).days
        if days <= 0:
            return self.tr("today")
        return self.tr("%n days ago", "", days)

    # --- selection and actions ----------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        """Positions of the selected rows."""
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def _on_selection(self, *_args: Any) -> None:
        rows = self.selected_rows()
        self.claim_button.setEnabled(bool(rows))
        self.open_button.setEnabled(len(rows) == 1)
        self.claim_button.setText(
            self.tr("Claim %n records", "", len(rows)) if len(rows) > 1 else self.tr("Claim")
        )
        self.selection_label.setText(self.tr("%n selected", "", len(rows)) if rows else "")

    def claim_selected(self) -> None:
        """Claim every selected record (one undoable operation)."""
        rows = self.selected_rows()
        if not rows:
            return
        first = self.model.row_at(rows[0])
        resolve: Callable[[Workspace], list[Claimable]] = self.model.resolver(rows)
        self.claimRequested.emit(resolve, len(rows), first.name if first else "")

    def open_selected(self) -> None:
        """Open the selected record's card."""
        rows = self.selected_rows()
        if rows:
            self._open_row(rows[0])

    def _open_row(self, row: int) -> None:
        record = self.model.row_at(row)
        if record is not None:
            self.openRequested.emit(record.kind, record.id)

    def _menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        if index.row() not in self.selected_rows():
            self.table.selectRow(index.row())
        menu = QMenu(self)
        rows = self.selected_rows()
        claim = menu.addAction(
            self.tr("Claim %n records", "", len(rows)) if len(rows) > 1 else self.tr("Claim")
        )
        claim.triggered.connect(lambda _c=False: self.claim_selected())
        if len(rows) == 1:
            opened = menu.addAction(self.tr("Open card"))
            opened.triggered.connect(lambda _c=False: self.open_selected())
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the list claims the selection."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        ):
            self.claim_selected()
            return True
        return super().eventFilter(watched, event)
