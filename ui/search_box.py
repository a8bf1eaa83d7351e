"""The global search box (Ctrl+K): type, arrow through the results, Enter to open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from desktop_crm.domain.choices import is_record_kind
from desktop_crm.services.search.dto import SearchHit

if TYPE_CHECKING:
    from ui.shell import Shell


class GlobalSearch(QLineEdit):
    """A line edit with a keyboard-driven results popup.

    Signals:
        queryChanged(str): The (debounced) text to search for.
        hitChosen(object): The :class:`SearchHit` the user picked.
        focused: The box got the keyboard focus.
    """

    queryChanged = Signal(str)
    hitChosen = Signal(object)
    focused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Search everything (Ctrl+K)"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(320)
        self.popup = QListWidget()
        self.popup.setWindowFlags(Qt.WindowType.ToolTip)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.itemClicked.connect(self._choose)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(80)
        self._debounce.timeout.connect(lambda: self.queryChanged.emit(self.text()))
        self.textEdited.connect(lambda _t: self._debounce.start())
        self.installEventFilter(self)

    def show_hits(self, query: str, hits: list[SearchHit]) -> None:
        """Show ``hits`` if they still answer the current text."""
        if query != self.text():
            return  # a stale answer to an earlier keystroke
        self.popup.clear()
        kinds = {
            "person": self.tr("Person"),
            "company": self.tr("Company"),
            "deal": self.tr("Deal"),
            "quote": self.tr("Quote"),
        }
        for hit in hits:
            text = f"{hit.title}   ·   {kinds.get(hit.kind, hit.kind)}"
            if hit.subtitle:
                text += f"   ·   {hit.subtitle}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.popup.addItem(item)
        if not hits and query.strip():
            item = QListWidgetItem(self.tr("No matches"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.popup.addItem(item)
        if self.popup.count() and self.hasFocus():
            self.popup.setCurrentRow(0)
            self._place_popup()
            self.popup.show()
        else:
            self.popup.hide()

    def _place_popup(self) -> None:
        below = self.mapToGlobal(self.rect().bottomLeft())
        rows = min(self.popup.count(), 10)
        height = self.popup.sizeHintForRow(0) * rows + 8 if rows else 0
        self.popup.setGeometry(below.x(), below.y(), max(self.width(), 420), height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrow keys, Enter and Escape drive the popup while the cursor stays in the box."""
        if (
            watched is self
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.popup.isVisible():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.popup.count() - 1, self.popup.currentRow() + step))
                self.popup.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose(self.popup.currentItem())
                return True
            if key == Qt.Key.Key_Escape:
                self.popup.hide()
                self.clear()
                return True
        if watched is self and event.type() == QEvent.Type.FocusIn:
            self.focused.emit()
        if watched is self and event.type() == QEvent.Type.FocusOut:
            QTimer.singleShot(150, self.popup.hide)
        return super().eventFilter(watched, event)

    def _choose(self, item: QListWidgetItem | None) -> None:
        hit = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if isinstance(hit, SearchHit):
            self.popup.hide()
            self.hitChosen.emit(hit)


class SearchRouter(QObject):
    """Connects a :class:`GlobalSearch` box to the workspace's search and opens what is chosen.

    Queries run on the reader, so search answers while an import or undo holds the writer.
    """

    def __init__(self, shell: Shell, box: GlobalSearch) -> None:
        super().__init__(shell)
        self._shell, self.box = shell, box
        box.focused.connect(self.prepare)
        box.queryChanged.connect(self._run)
        box.hitChosen.connect(self._open)

    def prepare(self) -> None:
        """Load what short queries need, in the background, once a search box is focused.

        Not at start: it costs memory the user may never need.
        """
        ws = self._shell.workspace
        if ws is not None:
            self._shell.worker.read(ws.reads.search.prepare, background=True)

    def focus(self) -> None:
        """Put the cursor in the search box (Ctrl+K)."""
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def _run(self, query: str) -> None:
        ws = self._shell.workspace
        if ws is not None:
            self._shell.worker.read(
                lambda: ws.reads.search.global_search(query, 20),
                lambda hits: self.box.show_hits(query, hits),
            )

    def _open(self, hit: SearchHit) -> None:
        if is_record_kind(hit.kind):
            self._shell.open_card(hit.kind, hit.id)
            return
        if hit.kind == "deal":
            from ui.deals.deal_dialog import open_deal  # the services load on the worker first

            open_deal(self._shell, hit.id)
            return
        self._shell.show_view("quotes")
        self._shell.show_status(hit.title, 5000)
