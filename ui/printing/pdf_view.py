"""A PDF preview: the file's own pages, rendered by PDFium, with zoom and "page X of Y".

Only the pages in sight are rendered, on the page-rendering thread, at the size they are
shown; while one is on its way the page shows its last image scaled, or a blank sheet. So a
20-page quote opens at once and scrolls smoothly, and the preview is the file itself.
"""

from __future__ import annotations

import weakref
from pathlib import Path

import shiboken6
from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QHBoxLayout,
    QLabel,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.printing.page_renderer import PageRequest, page_renderer
from ui.printing.pdf_pages import POINTS_PER_INCH, PdfFile, PdfOpenError, open_pdf
from ui.text_fill import fill

GAP = 12  # pixels around and between pages
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
SCREEN_DPI = 96.0  # zoom 100 % shows a page at its printed size on a typical screen
KEEP_RENDERED = 2  # pages kept rendered beyond those in sight, each way


class PageCanvas(QAbstractScrollArea):
    """The scrolling column of pages; :class:`PdfView` adds the toolbar around it.

    Signals:
        currentPageChanged(int): The page mostly in sight changed (from 0).
        layoutChanged: The zoom or the document changed the pages' sizes.
    """

    currentPageChanged = Signal(int)
    layoutChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf: PdfFile | None = None
        self.zoom = 1.0
        self.fit_width = True
        self._images: dict[int, tuple[int, QImage]] = {}  # page -> (width in px, image)
        self._current = 0
        self._height = 0  # the column's height at the last layout
        self.viewport().setAutoFillBackground(False)
        self.setFrameShape(QAbstractScrollArea.Shape.NoFrame)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())
        owner = id(self)
        self._owner = owner
        ref = weakref.ref(self)

        def deliver(pdf: PdfFile, index: int, width_px: int, image: QImage) -> None:
            canvas = ref()
            if canvas is not None and shiboken6.isValid(canvas):
                canvas._arrived(pdf, index, width_px, image)

        self._deliver = deliver
        # What the widget holds, reachable once it is gone: PDFium's document is freed then.
        self._shown: list[PdfFile] = []
        shown = self._shown

        def release(_obj: object = None) -> None:
            page_renderer().forget(owner)
            for pdf in shown:
                pdf.close()

        self.destroyed.connect(release)

    # Geometry -----------------------------------------------------------------------------

    def _px_per_point(self) -> float:
        return self.zoom * SCREEN_DPI / POINTS_PER_INCH

    def page_size(self, index: int) -> QSize:
        """Page ``index``'s size on screen at the current zoom (logical pixels)."""
        assert self.pdf is not None
        size = self.pdf.page_sizes[index] * self._px_per_point()
        return QSize(max(1, round(size.width())), max(1, round(size.height())))

    def _content_width(self) -> int:
        if self.pdf is None or not self.pdf.page_count:
            return 0
        return max(self.page_size(i).width() for i in range(self.pdf.page_count)) + 2 * GAP

    def page_rect(self, index: int) -> QRect:
        """Where page ``index`` lies in the scrolled content (logical pixels)."""
        assert self.pdf is not None
        top = GAP
        for i in range(index):
            top += self.page_size(i).height() + GAP
        size = self.page_size(index)
        left = max(GAP, (max(self._content_width(), self.viewport().width()) - size.width()) // 2)
        return QRect(QPoint(left, top), size)

    def _content_height(self) -> int:
        if self.pdf is None:
            return 0
        return GAP + sum(self.page_size(i).height() + GAP for i in range(self.pdf.page_count))

    def fit_zoom(self) -> float:
        """The zoom at which the widest page fills the viewport's width."""
        if self.pdf is None or not self.pdf.page_count:
            return 1.0
        widest = max(s.width() for s in self.pdf.page_sizes)
        # Leave room for the vertical scroll bar, which appears once a page is taller than this.
        room = self.viewport().width() - 2 * GAP
        if self.verticalScrollBar().isHidden():
            room -= self.verticalScrollBar().sizeHint().width()
        return max(0.1, room / (widest * SCREEN_DPI / POINTS_PER_INCH))

    def relayout(self) -> None:
        """Recompute scroll ranges after a new document, zoom or size; keep the place."""
        vbar = self.verticalScrollBar()
        # The same place stays in sight: the same fraction of the column's height at the top.
        fraction = vbar.value() / self._height if self._height > 0 else 0.0
        if self.fit_width:
            self.zoom = self.fit_zoom()
        height = self._content_height()
        self._height = height
        vbar.setRange(0, max(0, height - self.viewport().height()))
        vbar.setPageStep(self.viewport().height())
        vbar.setSingleStep(40)
        hbar = self.horizontalScrollBar()
        hbar.setRange(0, max(0, self._content_width() - self.viewport().width()))
        hbar.setPageStep(self.viewport().width())
        vbar.setValue(round(fraction * height))
        self.layoutChanged.emit()
        self.viewport().update()

    # Documents ----------------------------------------------------------------------------

    def set_pdf(self, pdf: PdfFile | None) -> None:
        """Show ``pdf`` (``None``: nothing), keeping the zoom and the scroll position."""
        old = self.pdf
        self.pdf = pdf
        self._images.clear()
        page_renderer().want(self._owner, [], self._deliver)
        if old is not None:
            old.close()
        self._shown[:] = [] if pdf is None else [pdf]
        self.relayout()
        self._scrolled()

    def rendered_size(self, index: int) -> QSize | None:
        """The size in device pixels of the image page ``index`` shows now, if rendered."""
        found = self._images.get(index)
        return None if found is None else found[1].size()

    def visible_pages(self) -> list[int]:
        """The pages at least partly in sight, top to bottom."""
        if self.pdf is None:
            return []
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        found = []
        y = GAP
        for i in range(self.pdf.page_count):
            height = self.page_size(i).height()
            if y + height >= top and y <= bottom:
                found.append(i)
            elif y > bottom:
                break
            y += height + GAP
        return found

    def scroll_to_page(self, index: int) -> None:
        """Bring page ``index``'s top into sight."""
        if self.pdf is not None and 0 <= index < self.pdf.page_count:
            self.verticalScrollBar().setValue(self.page_rect(index).top() - GAP)

    @property
    def current_page(self) -> int:
        """The page mostly in sight (from 0)."""
        return self._current

    def _scrolled(self, _value: int = 0) -> None:
        pages = self.visible_pages()
        current = 0
        if pages:
            top = self.verticalScrollBar().value()
            middle = top + self.viewport().height() // 2
            current = pages[0]
            for i in pages:
                if self.page_rect(i).top() <= middle:
                    current = i
            if self.verticalScrollBar().value() >= self.verticalScrollBar().maximum() > 0:
                current = pages[-1]  # at the end, the last page counts even if short
        if current != self._current:
            self._current = current
            self.currentPageChanged.emit(current)
        self.viewport().update()

    # Rendering ----------------------------------------------------------------------------

    def _wanted_width(self, index: int) -> int:
        return max(1, round(self.page_size(index).width() * self.devicePixelRatioF()))

    def _request_visible(self, pages: list[int]) -> None:
        pdf = self.pdf
        if pdf is None or not pages:
            page_renderer().want(self._owner, [], self._deliver)
            return
        # In sight first, then the pages just beyond, so the next scroll finds them ready.
        around = [i for i in (pages[-1] + 1, pages[0] - 1) if 0 <= i < pdf.page_count]
        wanted = [
            PageRequest(pdf, i, self._wanted_width(i))
            for i in [*pages, *around]
            if self._images.get(i, (0, None))[0] != self._wanted_width(i)
        ]
        page_renderer().want(self._owner, wanted, self._deliver)
        # Forget images of pages far out of sight, so a long PDF never holds every page.
        keep = set(range(pages[0] - KEEP_RENDERED, pages[-1] + KEEP_RENDERED + 1))
        for i in [i for i in self._images if i not in keep]:
            del self._images[i]

    def _arrived(self, pdf: PdfFile, index: int, width_px: int, image: QImage) -> None:
        if pdf is not self.pdf:
            return
        image.setDevicePixelRatio(self.devicePixelRatioF())
        self._images[index] = (width_px, image)
        self.viewport().update()

    # Qt overrides -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the pages in sight: their image, a scaled older one, or a blank sheet."""
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), self.palette().dark())
        pages = self.visible_pages()
        dx = self.horizontalScrollBar().value()
        dy = self.verticalScrollBar().value()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for i in pages:
            rect = self.page_rect(i).translated(-dx, -dy)
            painter.fillRect(rect.translated(2, 2), QColor(0, 0, 0, 60))  # a little shadow
            painter.fillRect(rect, Qt.GlobalColor.white)
            found = self._images.get(i)
            if found is not None:
                painter.drawImage(rect, found[1])
        painter.end()
        self._request_visible(pages)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Refit the width (in fit-width mode) and the scroll ranges."""
        super().resizeEvent(event)
        self.relayout()
        self._scrolled()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl + wheel zooms; the wheel alone scrolls."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            parent = self.parent()
            if isinstance(parent, PdfView):
                if event.angleDelta().y() > 0:
                    parent.zoom_in()
                elif event.angleDelta().y() < 0:
                    parent.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)


class PdfView(QWidget):
    """Shows a PDF file: pages in a scrolling column, zoom (fit width, +, −), page X of Y.

    Signals:
        pageChanged(int, int): The page mostly in sight (from 1) and the page count.
        zoomChanged(float): The zoom (1.0 shows pages at their printed size).
        loaded(int): A file was shown; its page count (0 after :meth:`clear`).
        failed(str): A file could not be opened; the translated reason.
    """

    pageChanged = Signal(int, int)
    zoomChanged = Signal(float)
    loaded = Signal(int)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = PageCanvas(self)
        self.zoom_out_button = self._tool_button("−", self.tr("Zoom out (Ctrl+−)"), self.zoom_out)
        self.zoom_in_button = self._tool_button("+", self.tr("Zoom in (Ctrl++)"), self.zoom_in)
        self.fit_button = self._tool_button(
            self.tr("Fit width"), self.tr("Fit the page to the width"), self.fit_width
        )
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("400%"))
        self.page_label = QLabel()
        self.notice = QLabel()
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setWordWrap(True)
        self.notice.setObjectName("pdfNotice")

        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 4)
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_button)
        self.stack = QStackedLayout()
        self.stack.addWidget(self.canvas)
        self.stack.addWidget(self.notice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addLayout(self.stack, 1)
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
        ):
            shortcut = QShortcut(keys, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.canvas.currentPageChanged.connect(lambda _i: self._show_page())
        self.canvas.layoutChanged.connect(self._show_zoom)
        self._show_page()
        self._show_zoom()
        self.show_message(self.tr("No preview yet."))

    def _tool_button(self, text: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        return button

    # The file -----------------------------------------------------------------------------

    def load(self, path: Path) -> bool:
        """Show the PDF at ``path`` (read now: the file may change afterwards).

        Returns whether it opened; if not, the view says why and :attr:`failed` is emitted.
        """
        try:
            pdf = open_pdf(path)
        except PdfOpenError as exc:
            reason = fill(self.tr("The preview of %1 cannot be shown: %2"), path.name, exc.reason)
            self.canvas.set_pdf(None)
            self.show_message(reason)
            self.failed.emit(reason)
            return False
        self.stack.setCurrentWidget(self.canvas)
        self.canvas.set_pdf(pdf)
        self._show_page()
        self.loaded.emit(pdf.page_count)
        return True

    def clear(self, message: str = "") -> None:
        """Show no document; ``message`` in its place, if given."""
        self.canvas.set_pdf(None)
        self.show_message(message)
        self._show_page()
        self.loaded.emit(0)

    def show_message(self, message: str) -> None:
        """Show ``message`` instead of the pages (while rendering, or after a failure)."""
        self.notice.setText(message)
        self.stack.setCurrentWidget(self.notice)

    def show_pages(self) -> None:
        """Show the pages again after :meth:`show_message`."""
        self.stack.setCurrentWidget(self.canvas)

    @property
    def path(self) -> Path | None:
        """The file shown."""
        pdf = self.canvas.pdf
        return None if pdf is None else pdf.path

    def page_count(self) -> int:
        """How many pages the file shown has (0 when none)."""
        pdf = self.canvas.pdf
        return 0 if pdf is None else pdf.page_count

    def current_page(self) -> int:
        """The page mostly in sight, from 1 (0 when none)."""
        return self.canvas.current_page + 1 if self.page_count() else 0

    def go_to_page(self, number: int) -> None:
        """Scroll to page ``number`` (from 1)."""
        self.canvas.scroll_to_page(number - 1)

    def rendered_size(self, number: int) -> QSize | None:
        """The pixel size of page ``number``'s (from 1) rendered image, once it arrived."""
        return self.canvas.rendered_size(number - 1)

    # Zoom ---------------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        """1.0 shows pages at their printed size."""
        return self.canvas.zoom

    def set_zoom(self, zoom: float) -> None:
        """Show pages at ``zoom`` (leaving fit-width mode)."""
        self.canvas.fit_width = False
        self.fit_button.setChecked(False)
        self.canvas.zoom = min(ZOOM_STEPS[-1], max(ZOOM_STEPS[0], zoom))
        self.canvas.relayout()
        self.canvas.viewport().update()

    def zoom_in(self) -> None:
        """The next zoom step up."""
        bigger = [z for z in ZOOM_STEPS if z > self.zoom + 0.001]
        self.set_zoom(bigger[0] if bigger else ZOOM_STEPS[-1])

    def zoom_out(self) -> None:
        """The next zoom step down."""
        smaller = [z for z in ZOOM_STEPS if z < self.zoom - 0.001]
        self.set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    def fit_width(self) -> None:
        """Fit the widest page to the width, and keep it fitted as the view resizes."""
        self.canvas.fit_width = True
        self.fit_button.setChecked(True)
        self.canvas.relayout()

    def _show_zoom(self) -> None:
        self.zoom_label.setText(fill(self.tr("%1%"), round(self.zoom * 100)))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoomChanged.emit(self.zoom)

    def _show_page(self) -> None:
        count = self.page_count()
        current = self.current_page()
        if count:
            self.page_label.setText(fill(self.tr("Page %1 of %2"), current, count))
        else:
            self.page_label.setText("")
        self.pageChanged.emit(current, count)
