"""Open PDF files with PDFium and render their pages to QImages.

PDFium is not thread-safe: every call into it, from any thread, holds :data:`PDFIUM_LOCK`.
A document is read into memory when opened, so the file may be replaced or deleted while a
preview shows it (the document dialog renders a new file for every change of template).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage

PDFIUM_LOCK = threading.RLock()
POINTS_PER_INCH = 72.0


class PdfOpenError(Exception):
    """The file is missing, unreadable or no PDF."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(eq=False)
class PdfFile:
    """An open PDF: its page sizes in points, and PDFium's document (used under the lock).

    Attributes:
        path: Where it was read from.
        page_sizes: Each page's (width, height) in points, rotation applied.
    """

    path: Path
    page_sizes: list[QSizeF]
    _doc: pdfium.PdfDocument | None

    @property
    def page_count(self) -> int:
        """How many pages the document has."""
        return len(self.page_sizes)

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called."""
        return self._doc is None

    def render(self, index: int, width_px: int) -> QImage | None:
        """Page ``index`` as an opaque image ``width_px`` pixels wide (``None`` once closed).

        Safe on any thread: it holds :data:`PDFIUM_LOCK`.
        """
        with PDFIUM_LOCK:
            if self._doc is None:
                return None
            size = self.page_sizes[index]
            scale = max(width_px, 1) / size.width()
            page = self._doc[index]
            try:
                # RGBX bytes are what QImage.Format_RGBX8888 reads, whatever the CPU's byte order.
                bitmap = page.render(scale=scale, prefer_bgrx=True, rev_byteorder=True)
                image = QImage(
                    bitmap.buffer,
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    QImage.Format.Format_RGBX8888,
                ).copy()  # own the pixels: PDFium frees its bitmap when closed
                bitmap.close()
            finally:
                page.close()
            return image

    def close(self) -> None:
        """Free PDFium's document (waits for a render in progress on another thread)."""
        with PDFIUM_LOCK:
            if self._doc is not None:
                self._doc.close()
                self._doc = None


def open_pdf(path: Path) -> PdfFile:
    """Read ``path`` into memory and open it.

    Raises:
        PdfOpenError: The file cannot be read or is no PDF PDFium understands.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PdfOpenError(path, exc.strerror or str(exc)) from exc
    with PDFIUM_LOCK:
        try:
            doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise PdfOpenError(path, str(exc)) from exc
        sizes = []
        for index in range(len(doc)):
            width, height = doc.get_page_size(index)
            page = doc[index]
            if page.get_rotation() in (90, 270):
                width, height = height, width
            page.close()
            sizes.append(QSizeF(width, height))
    return PdfFile(path, sizes, doc)
