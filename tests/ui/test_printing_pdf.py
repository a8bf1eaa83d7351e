"""The PDF preview, printing to a PDF printer, and saving a copy."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ui.printing import print_pdf
from ui.printing.pdf_pages import open_pdf
from ui.printing.pdf_view import PdfView


def make_pdf(path: Path, pages: int = 3, size: tuple[float, float] | None = None) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=size or A4)
    for n in range(1, pages + 1):
        canvas.setFont("Helvetica", 28)
        canvas.drawString(72, 700, f"Page {n}")
        canvas.rect(72, 72, 200, 100, fill=1)
        canvas.showPage()
    canvas.save()
    return path


@pytest.fixture
def three_pages(tmp_path: Path) -> Path:
    return make_pdf(tmp_path / "three.pdf")


@pytest.fixture
def view(qtbot) -> PdfView:
    widget = PdfView()
    qtbot.addWidget(widget)
    widget.resize(600, 500)
    widget.show()
    return widget


def test_preview_shows_the_pages_of_the_file(qtbot, view, three_pages):
    with qtbot.waitSignal(view.loaded) as loaded:
        assert view.load(three_pages)
    assert loaded.args == [3]
    assert view.page_count() == 3
    assert view.current_page() == 1
    assert view.page_label.text() == "Page 1 of 3"
    qtbot.waitUntil(lambda: view.rendered_size(1) is not None)
    # Scrolling to the end shows the last page as the current one.
    view.go_to_page(3)
    qtbot.waitUntil(lambda: view.current_page() == 3)
    assert view.page_label.text() == "Page 3 of 3"
    qtbot.waitUntil(lambda: view.rendered_size(3) is not None)


def test_zoom_changes_the_rendered_size(qtbot, view, three_pages):
    view.load(three_pages)
    qtbot.waitUntil(lambda: view.rendered_size(1) is not None)
    view.set_zoom(0.5)
    qtbot.waitUntil(lambda: view.rendered_size(1) is not None)
    qtbot.waitUntil(lambda: abs(view.rendered_size(1).width() - _expected(view, 0.5)) <= 1)
    small = view.rendered_size(1)
    view.zoom_in()
    assert view.zoom > 0.5
    assert not view.fit_button.isChecked()
    qtbot.waitUntil(lambda: view.rendered_size(1).width() > small.width())
    assert view.rendered_size(1).height() > small.height()
    view.zoom_out()
    view.zoom_out()
    assert view.zoom < 0.5
    # Fit width follows the widget's width.
    view.fit_width()
    fitted = view.zoom
    view.resize(900, 500)
    qtbot.waitUntil(lambda: view.zoom > fitted)


def _expected(view: PdfView, zoom: float) -> int:
    # A4 is 595.28 points wide; zoom 1 shows 96 pixels per inch.
    return round(595.28 * zoom * 96 / 72 * view.devicePixelRatioF())


def test_a_missing_file_says_so(qtbot, view, tmp_path):
    with qtbot.waitSignal(view.failed):
        assert not view.load(tmp_path / "gone.pdf")
    assert "gone.pdf" in view.notice.text()
    assert view.page_count() == 0


def test_a_new_file_replaces_the_old_one(qtbot, view, tmp_path, three_pages):
    view.load(three_pages)
    qtbot.waitUntil(lambda: view.rendered_size(1) is not None)
    view.load(make_pdf(tmp_path / "one.pdf", 1))
    assert view.page_count() == 1
    assert view.page_label.text() == "Page 1 of 1"
    qtbot.waitUntil(lambda: view.rendered_size(1) is not None)


def test_printing_to_a_pdf_printer_prints_every_page(qtbot, three_pages, tmp_path):
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    pdf = open_pdf(three_pages)
    try:
        print_pdf.match_paper(printer, pdf)
        assert print_pdf.paint_pdf(pdf, printer) == 3
    finally:
        pdf.close()
    assert len(PdfReader(out).pages) == 3


def test_page_range_and_copies_are_honoured(qtbot, three_pages, tmp_path):
    out = tmp_path / "range.pdf"
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    printer.setCopyCount(2)
    printer.setCollateCopies(True)
    assert print_pdf.pages_to_print(printer, 3) == [1, 2, 1, 2]
    printer.setCollateCopies(False)
    assert print_pdf.pages_to_print(printer, 3) == [1, 1, 2, 2]
    pdf = open_pdf(three_pages)
    try:
        print_pdf.paint_pdf(pdf, printer)
    finally:
        pdf.close()
    assert len(PdfReader(out).pages) == 4


def test_save_as_copies_the_file(qtbot, monkeypatch, three_pages, tmp_path):
    target = tmp_path / "out" / "Q-0042"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    saved = print_pdf.save_pdf_as(three_pages)
    assert saved == target.with_name("Q-0042.pdf")
    assert saved.read_bytes() == three_pages.read_bytes()
    assert [p.name for p in target.parent.iterdir()] == ["Q-0042.pdf"]


def test_save_as_cancelled_writes_nothing(qtbot, monkeypatch, three_pages):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert print_pdf.save_pdf_as(three_pages) is None


def test_a_full_disk_keeps_the_old_file_and_says_why(qtbot, monkeypatch, three_pages, tmp_path):
    target = tmp_path / "old.pdf"
    target.write_bytes(b"%PDF-old")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )

    def full(_src, _dst, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(print_pdf.shutil, "copyfileobj", full)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    assert print_pdf.save_pdf_as(three_pages) is None
    assert "not enough space" in shown[0] and "nothing was changed" in shown[0]
    assert target.read_bytes() == b"%PDF-old"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".saving")] == []


def test_a_read_only_folder_is_named(three_pages, tmp_path):
    message = print_pdf.save_error_text(
        PermissionError(errno.EACCES, "Permission denied"), tmp_path / "x.pdf"
    )
    assert "read-only" in message and str(tmp_path) in message
