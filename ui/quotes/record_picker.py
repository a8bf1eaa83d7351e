"""A line edit that finds a record as you type (a customer, a deal) and remembers the one chosen.

Typing asks a search on the worker's reader after a short pause (the contacts' own search:
Chinese, pinyin and its initials, phone digits), and offers the hits in a popup. Typing over
a chosen record forgets it, so the box never shows one name while holding another's id.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from desktop_crm.services.search.dto import SearchHit

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

HitRole = Qt.ItemDataRole.UserRole + 1
Finder = Callable[["Workspace", str], list[SearchHit]]
"""Runs on the reader: the hits for what was typed."""


def find_customers(ws: Workspace, text: str) -> list[SearchHit]:
    """Companies and people matching ``text`` (companies first: they are the usual customer)."""
    hits = ws.reads.search.contacts(text, 20)
    return sorted(hits, key=lambda hit: hit.kind != "company")


def find_deals(ws: Workspace, text: str) -> list[SearchHit]:
    """Deals whose title or number matches ``text`` (the global search's deals)."""
    return [hit for hit in ws.reads.search.global_search(text, 60) if hit.kind == "deal"]


class RecordPicker(QLineEdit):
    """Type part of a name; choose a record from the popup.

    Args:
        worker: Where database work runs.
        find: The search to run for what was typed.
        parent: The widget it sits in.

    Attributes:
        chosen: The record chosen (``None`` until one is, or after typing again).

    Signals:
        chosenChanged(object): A record was chosen (a :class:`SearchHit`), or forgotten (``None``).
    """

    chosenChanged = Signal(object)

    def __init__(self, worker: DbWorker, find: Finder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._find = find
        self._workspace: Workspace | None = None
        self._generation = 0
        self.chosen: SearchHit | None = None
        self.setClearButtonEnabled(True)
        self.matches = QStandardItemModel(self)
        completer = QCompleter(self.matches, self)
        # The search has ranked the hits already: show them as they come.
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self.setCompleter(completer)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.refresh)
        self.textEdited.connect(self._edited)

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Search ``workspace``."""
        self._workspace = workspace

    def set_chosen(self, hit: SearchHit | None) -> None:
        """Show ``hit`` as chosen (a quote opened with its customer), without a search."""
        self.chosen = hit
        self.setText(hit.title if hit is not None else "")
        self.chosenChanged.emit(hit)

    def refresh(self) -> None:
        """Search for the text now in the box."""
        ws, text = self._workspace, self.text().strip()
        if ws is None or not text:
            return
        self._generation += 1
        generation, find = self._generation, self._find
        self._worker.read(lambda: find(ws, text), lambda hits: self._show(generation, hits))

    def _edited(self, _text: str) -> None:
        if self.chosen is not None:
            self.chosen = None
            self.chosenChanged.emit(None)
        self._debounce.start()

    def _show(self, generation: int, hits: list[SearchHit]) -> None:
        if generation != self._generation:
            return  # an answer to text typed over since
        self.matches.clear()
        for hit in hits:
            text = f"{hit.title}  ·  {hit.subtitle}" if hit.subtitle else hit.title
            item = QStandardItem(text)
            item.setData(hit, HitRole)
            self.matches.appendRow(item)
        completer = self.completer()
        popup = completer.popup()
        if hits and self.hasFocus():
            completer.complete()
        elif popup is not None:
            popup.hide()

    def choose_first(self) -> bool:
        """Choose the first hit offered (keyboard users press Enter; tests call this)."""
        if not self.matches.rowCount():
            return False
        self._activated(self.matches.index(0, 0))
        return True

    def _activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        hit = index.data(HitRole)
        if isinstance(hit, SearchHit):
            self.chosen = hit
            # After the completer has written the popup's text: the box shows the name.
            QTimer.singleShot(0, lambda: self.setText(hit.title))
            self.chosenChanged.emit(hit)
