"""Print a PDF through the system's print dialog, and save a copy of it ("Save as PDF…").

Printing paints each page, rendered by PDFium, onto the printer: pyside6-essentials has no
QtPdf to hand the file over as vectors. Pages are rendered at the printer's resolution, capped
at :data:`MAX_PRINT_DPI` (a letter-size page at 1200 dpi is a 540 MB bitmap; 300 dpi prints
text crisply on office printers).
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from ui.printing.pdf_pages import POINTS_PER_INCH, PdfFile, PdfOpenError, open_pdf
from ui.text_fill import fill
from ui.translation_context import TranslationContext

MAX_PRINT_DPI = 300
_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NOT_ALLOWED = {errno.EACCES, errno.EPERM, errno.EROFS}


class PrintPdf(TranslationContext):
    """Translation context of this module's messages."""


class PrintError(Exception):
    """Printing could not start or the PDF could not be read; the message is translated."""


class SaveError(Exception):
    """The copy could not be written; the message is translated and says nothing changed."""


# Printing ---------------------------------------------------------------------------------


def pages_to_print(printer: QPrinter, page_count: int) -> list[int]:
    """The page indexes (from 0) the printer's settings ask for, in printing order.

    Honours the page range, the copies (when the printer does not make them itself), collation
    and the page order.
    """
    first, last = 1, page_count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(1, printer.fromPage())
        last = min(page_count, printer.toPage() or page_count)
    pages = list(range(first - 1, last))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    # A printer (or spooler) that makes copies itself is asked for one; a PDF file is not.
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if printer.collateCopies():
        return pages * copies
    return [page for page in pages for _ in range(copies)]


def paint_pdf(pdf: PdfFile, printer: QPrinter) -> int:
    """Paint the pages ``printer`` asks for; return how many sheets were painted.

    Each page is scaled to fit the paper, centred, keeping its proportions: the PDF carries
    its own margins, so the printer's are not added (full-page mode).

    Raises:
        PrintError: The printer could not be started.
    """
    pages = pages_to_print(printer, pdf.page_count)
    if not pages:
        return 0
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(PrintPdf.tr("The printer could not be started."))
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        for n, index in enumerate(pages):
            if n and not printer.newPage():
                raise PrintError(PrintPdf.tr("The printer stopped taking pages."))
            size = pdf.page_sizes[index]
            image = pdf.render(index, round(size.width() / POINTS_PER_INCH * dpi))
            if image is None:
                continue
            target = QRectF(painter.viewport())
            scale = min(target.width() / size.width(), target.height() / size.height())
            drawn = QSizeF(size.width() * scale, size.height() * scale)
            rect = QRectF(
                target.left() + (target.width() - drawn.width()) / 2,
                target.top() + (target.height() - drawn.height()) / 2,
                drawn.width(),
                drawn.height(),
            )
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(rect, image)
    finally:
        painter.end()
    return len(pages)


def match_paper(printer: QPrinter, pdf: PdfFile) -> None:
    """Preselect the paper and orientation of the PDF's first page in the print dialog."""
    if not pdf.page_count:
        return
    size = pdf.page_sizes[0]
    portrait = size.height() >= size.width()
    points = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
    page_size = QPageSize(points, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageSize(page_size)
    printer.setPageOrientation(
        QPageLayout.Orientation.Portrait if portrait else QPageLayout.Orientation.Landscape
    )


def print_pdf(path: Path, parent: QWidget | None = None, title: str = "") -> bool:
    """Show the system's print dialog for the PDF at ``path`` and print it.

    Returns whether it was printed (``False``: the user cancelled, or an error was shown).
    """
    try:
        pdf = open_pdf(path)
    except PdfOpenError as exc:
        QMessageBox.warning(
            parent,
            PrintPdf.tr("Print"),
            fill(PrintPdf.tr("%1 cannot be printed: %2"), path.name, exc.reason),
        )
        return False
    try:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title or path.stem)
        match_paper(printer, pdf)
        printer.setFromTo(1, pdf.page_count)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(PrintPdf.tr("Print"))
        dialog.setMinMax(1, pdf.page_count)
        options = QAbstractPrintDialog.PrintDialogOption
        dialog.setOptions(
            options.PrintPageRange | options.PrintCollateCopies | options.PrintShowPageSize
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            paint_pdf(pdf, printer)
        except PrintError as exc:
            QMessageBox.warning(parent, PrintPdf.tr("Print"), str(exc))
            return False
        return True
    finally:
        pdf.close()


# Saving -----------------------------------------------------------------------------------


def save_error_text(exc: OSError, target: Path) -> str:
    """What to tell the user when writing ``target`` failed (nothing was changed)."""
    if exc.errno in _NO_SPACE:
        return fill(
            PrintPdf.tr(
                "There is not enough space on the disk to save %1. Free some space or choose "
                "another place; nothing was changed."
            ),
            target.name,
        )
    if exc.errno in _NOT_ALLOWED:
        return fill(
            PrintPdf.tr(
                "%1 cannot be saved in %2: the folder is read-only or you may not write to it. "
                "Choose another folder; nothing was changed."
            ),
            target.name,
            str(target.parent),
        )
    return fill(
        PrintPdf.tr("%1 could not be saved (%2). Nothing was changed."),
        target.name,
        exc.strerror or str(exc),
    )


def copy_pdf(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` whole or not at all.

    The copy goes to a temporary file beside ``target`` and replaces it only once complete, so
    a full disk never leaves a half-written file or destroys an older one of the same name.

    Raises:
        SaveError: Writing failed; the message says why.
    """
    if source.resolve() == target.resolve():
        return
    if not target.parent.is_dir():
        raise SaveError(
            fill(
                PrintPdf.tr("The folder %1 does not exist. Nothing was changed."),
                str(target.parent),
            )
        )
    try:
        handle, temp_name = tempfile.mkstemp(prefix=".saving-", suffix=".pdf", dir=target.parent)
    except OSError as exc:  # a read-only or full folder
        raise SaveError(save_error_text(exc, target)) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out, source.open("rb") as src:
            if hasattr(os, "fchmod"):  # mkstemp makes it private; a saved PDF is an ordinary file
                os.fchmod(out.fileno(), _ordinary_file_mode())
            shutil.copyfileobj(src, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise SaveError(save_error_text(exc, target)) from exc


def _ordinary_file_mode() -> int:
    """The permissions a new file gets here (0o666 less the process's umask)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def save_pdf_as(
    source: Path, parent: QWidget | None = None, suggested: Path | None = None
) -> Path | None:
    """Ask where to save a copy of ``source`` and write it there.

    Args:
        source: The PDF to copy.
        parent: The dialog's parent.
        suggested: The file name (and folder) to propose.

    Returns:
        Where it was saved; ``None`` if the user cancelled or the copy failed (the error was
        shown, and nothing was changed).
    """
    proposal = suggested or Path.home() / source.name
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        PrintPdf.tr("Save as PDF"),
        str(proposal),
        PrintPdf.tr("PDF files (*.pdf)"),
    )
    if not name:
        return None
    target = Path(name)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    try:
        copy_pdf(source, target)
    except SaveError as exc:
        box = QMessageBox(
            QMessageBox.Icon.Warning, PrintPdf.tr("Save as PDF"), str(exc), parent=parent
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
        return None
    return target
