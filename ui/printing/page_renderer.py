"""Render PDF pages on a thread of their own, so a long PDF scrolls smoothly.

One thread serves every preview in the process (PDFium runs one call at a time anyway). A view
asks for the pages it shows; asking again replaces what it asked before, so scrolling or
zooming quickly never queues work for pages already out of sight. Images come back to the GUI
thread through a queue and an argument-less queued signal, as in :mod:`ui.worker`.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QImage

from ui.printing.pdf_pages import PdfFile

Delivery = Callable[[PdfFile, int, int, QImage], None]
"""Gets (file, page index, width in pixels, image) on the GUI thread."""


@dataclass(frozen=True)
class PageRequest:
    """One page wanted at one width.

    Attributes:
        pdf: The open file.
        index: The page, from 0.
        width_px: The image's width in device pixels.
    """

    pdf: PdfFile
    index: int
    width_px: int


class PageRenderer(QObject):
    """The process's page-rendering thread; get it with :func:`page_renderer`."""

    _arrived = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wanted: dict[int, tuple[list[PageRequest], Delivery]] = {}
        self._lock = threading.Condition()
        self._done: queue.SimpleQueue[tuple[int, PageRequest, QImage]] = queue.SimpleQueue()
        self._deliveries: dict[int, Delivery] = {}
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._loop, name="pdf-pages", daemon=True)
        self._thread.start()

    def want(self, owner: int, requests: Sequence[PageRequest], deliver: Delivery) -> None:
        """Render ``requests`` for ``owner`` (any id), in order, replacing its earlier ones.

        ``deliver`` must not keep a deleted widget alive: pass a function that checks.
        """
        with self._lock:
            if requests:
                self._wanted[owner] = (list(requests), deliver)
            else:
                self._wanted.pop(owner, None)
            self._deliveries[owner] = deliver
            self._lock.notify()

    def forget(self, owner: int) -> None:
        """Drop what ``owner`` asked for (its widget is going away)."""
        with self._lock:
            self._wanted.pop(owner, None)
            self._deliveries.pop(owner, None)

    def _next(self) -> tuple[int, PageRequest]:
        with self._lock:
            while not self._wanted:
                self._lock.wait()
            owner = next(iter(self._wanted))
            requests, deliver = self._wanted.pop(owner)
            request = requests.pop(0)
            if requests:  # round robin between views: re-queue the rest behind the others
                self._wanted[owner] = (requests, deliver)
            return owner, request

    def _loop(self) -> None:
        while True:
            owner, request = self._next()
            try:
                image = request.pdf.render(request.index, request.width_px)
            except Exception:  # a damaged page: the view keeps its blank sheet
                image = None
            if image is not None:
                self._done.put((owner, request, image))
                self._arrived.emit()

    @Slot()
    def _deliver(self) -> None:
        while True:
            try:
                owner, request, image = self._done.get_nowait()
            except queue.Empty:
                return
            with self._lock:
                deliver = self._deliveries.get(owner)
            if deliver is not None:
                deliver(request.pdf, request.index, request.width_px, image)


_renderer: PageRenderer | None = None


def page_renderer() -> PageRenderer:
    """The process's renderer (made on first use, owned by the application)."""
    global _renderer
    if _renderer is None:
        _renderer = PageRenderer(QCoreApplication.instance())
    return _renderer
