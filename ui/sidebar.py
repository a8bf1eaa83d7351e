"""The sidebar: one entry per screen, and a screen's own entries (saved views) under it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu

from ui.reminders.badges import BADGE_ROLE, install_badges

CHILD = "/"
"""Separates a screen's key from one of its own entries' (``contacts/My view``)."""


class Sidebar(QListWidget):
    """Lists the screens; says which screen (and which of its entries) the user picked.

    Signals:
        picked(str, str): The screen's key and one of its entries ("" for the screen itself).
        menuRequested(str, str, QMenu): Fill this context menu for a screen's entry; it pops up
            if anything was added.
    """

    picked = Signal(str, str)
    menuRequested = Signal(str, str, QMenu)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("sidebar")
        self.setFixedWidth(170)
        self.currentRowChanged.connect(self._on_row_changed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        install_badges(self)  # Today's due count

    def add_screen(self, key: str, icon: QIcon, title: str) -> None:
        """Add a screen's entry at the end."""
        item = QListWidgetItem(icon, title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.addItem(item)

    def key(self, row: int) -> str:
        """The key of the entry at ``row`` (``screen`` or ``screen/child``)."""
        item = self.item(max(row, 0))
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def keys(self) -> list[str]:
        """Every entry's key, top to bottom."""
        return [self.key(row) for row in range(self.count())]

    def current_screen(self) -> str:
        """The key of the screen picked (one of its own entries counts as that screen)."""
        return self.key(self.currentRow()).split(CHILD, 1)[0]

    def select(self, key: str) -> None:
        """Pick the entry with ``key``, if there is one."""
        if key in self.keys():
            self.setCurrentRow(self.keys().index(key))

    def set_badge(self, key: str, count: int) -> None:
        """Show ``count`` as a badge on the entry ``key`` (0: none)."""
        if key in self.keys():
            self.item(self.keys().index(key)).setData(BADGE_ROLE, max(count, 0))

    def badge(self, key: str) -> int:
        """The badge count shown on the entry ``key`` (0: none)."""
        if key not in self.keys():
            return 0
        return int(self.item(self.keys().index(key)).data(BADGE_ROLE) or 0)

    def set_children(self, screen: str, children: list[tuple[str, str]], tip: str) -> None:
        """List ``(key, label)`` entries under ``screen``, replacing those it had."""
        current = self.key(self.currentRow())
        self.blockSignals(True)
        for row in reversed(range(self.count())):
            if self.key(row).startswith(screen + CHILD):
                self.takeItem(row)
        at = self.keys().index(screen) + 1
        for offset, (child, label) in enumerate(children):
            item = QListWidgetItem("    " + label)
            item.setData(Qt.ItemDataRole.UserRole, screen + CHILD + child)
            item.setToolTip(tip)
            self.insertItem(at + offset, item)
        if current in self.keys():
            self.setCurrentRow(self.keys().index(current))
        else:  # the entry shown went away: show its screen
            self.setCurrentRow(self.keys().index(current.split(CHILD, 1)[0]))
        self.blockSignals(False)

    def _on_row_changed(self, row: int) -> None:
        screen, _sep, child = self.key(row).partition(CHILD)
        if screen:
            self.picked.emit(screen, child)

    def _menu(self, pos: QPoint) -> None:
        item = self.itemAt(pos)
        screen, _sep, child = self.key(self.row(item)).partition(CHILD) if item else ("", "", "")
        if not child:
            return
        menu = QMenu(self)
        self.menuRequested.emit(screen, child, menu)
        if not menu.isEmpty():
            menu.popup(self.mapToGlobal(pos))
