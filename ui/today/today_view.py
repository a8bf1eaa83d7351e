"""The Today screen's list: sections that fold, rows that act in place.

A row shows its buttons while the mouse is over it or it is selected (painted by the tree, not
widgets per row, so a thousand rows cost nothing until they scroll into view); the same
actions are in its context menu, and on keys: Enter opens, Space completes a follow-up, Ctrl+C
copies the phone. Reloads keep the selection (by row key), the scroll position and the folded
sections.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import (
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QToolTip,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.services.today.dto import TodayLists
from ui.amounts import money_text, ui_locale
from ui.icons import icon
from ui.text_fill import fill
from ui.theme import is_dark
from ui.today.row_actions import RowAction, default_action, row_actions
from ui.today.today_model import LATE, LATE_ON_DARK, NOTE, WHAT, WHEN, WHO, TodayModel
from ui.today.today_rows import Section, SectionKey, TodayRow, sections

ROW_PADDING = 12  # vertical room around a line of text: the buttons fit inside a row
BUTTON_GAP = 4
STRIP_MARGIN = 8  # room left of the first button
MIN_WHAT = 240  # the subject's least width before who and why narrow
MIN_SIDE = 90  # the least width of who and why
WIDTH_SAMPLE = 30  # rows measured for the column widths: about a screenful of each section
LATE_SECTIONS = frozenset({"overdue", "overdue_instalments"})


class _RowDelegate(QStyledItemDelegate):
    """Rows tall enough for their buttons; a cell under the buttons ends where they begin.

    The cell's text is elided before the buttons rather than cut under them.
    """

    def __init__(self, tree: TodayTree) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """The style's size, at least a line of text and its padding high."""
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + ROW_PADDING))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """The cell, narrowed to end before the row's buttons while they show."""
        limit = self._tree.buttons_left(index)
        if limit is not None and option.rect.right() >= limit:
            if option.rect.left() >= limit:
                return  # wholly under the buttons' strip
            option = QStyleOptionViewItem(option)
            option.rect = QRect(
                option.rect.left(),
                option.rect.top(),
                limit - option.rect.left(),
                option.rect.height(),
            )
        super().paint(painter, option, index)


class TodayTree(QTreeView):
    """The sections and their rows, with each row's buttons painted over its right end.

    Signals:
        actionRequested(str, object, QPoint): A row's action (code, :class:`TodayRow`, the
            global point a menu opens at).
        menuRequested(object, QPoint): A row's context menu (row, global point).
        foldChanged(str, bool): A section was folded (True) or unfolded by the user.
    """

    actionRequested = Signal(str, object, QPoint)
    menuRequested = Signal(object, QPoint)
    foldChanged = Signal(str, bool)

    def __init__(self, model: TodayModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today_model = model
        self.setModel(model)
        self.setItemDelegate(_RowDelegate(self))
        self.setUniformRowHeights(True)  # layout never asks every row its height
        self.setRootIsDecorated(False)  # headings paint their own arrow
        self.setIndentation(12)  # rows stand a little in from their headings
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAllColumnsShowFocus(True)
        self.setExpandsOnDoubleClick(False)
        self.setMouseTracking(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        self.wanted: dict[int, int] = {}  # column -> the width its texts want
        self._hover = QPersistentModelIndex()
        self._hover_button = ""
        self._pressed: tuple[str, str] | None = None  # (row key, action code)

    # --- columns ------------------------------------------------------------------------------

    def fit_columns(self) -> None:
        """The columns at their wanted widths; in a narrow window, who and why give way.

        The subject keeps at least :data:`MIN_WHAT` pixels: it says what to do.
        """
        header = self.header()
        when = self.wanted.get(WHEN, 100)
        who, note = self.wanted.get(WHO, 120), self.wanted.get(NOTE, 120)
        room = self.viewport().width() - when - MIN_WHAT
        if who + note > room:
            scale = max(room, 2 * MIN_SIDE) / (who + note)
            who, note = max(MIN_SIDE, int(who * scale)), max(MIN_SIDE, int(note * scale))
        header.resizeSection(WHEN, when)
        header.resizeSection(WHO, who)
        header.resizeSection(NOTE, note)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the columns to the new width."""
        super().resizeEvent(event)
        self.fit_columns()

    # --- buttons ------------------------------------------------------------------------------

    def buttons(self, index: QModelIndex | QPersistentModelIndex) -> list[tuple[RowAction, QRect]]:
        """The buttons of the row at ``index`` and where they stand (viewport coordinates)."""
        row = self.today_model.row_at(index)
        if row is None:
            return []
        first = self.today_model.index(index.row(), 0, index.parent())
        line = self.visualRect(first)
        if not line.isValid():
            return []
        height = line.height() - 6
        top = line.top() + 3
        right = self.viewport().width() - 6
        metrics = self.fontMetrics()
        placed: list[tuple[RowAction, QRect]] = []
        for action in reversed([a for a in row_actions(row) if a.button is not None]):
            width = (
                height + 4 if action.icon else metrics.horizontalAdvance(action.button or "") + 18
            )
            placed.append((action, QRect(right - width, top, width, height)))
            right -= width + BUTTON_GAP
        placed.reverse()
        return placed

    def buttons_left(self, index: QModelIndex | QPersistentModelIndex) -> int | None:
        """Where the strip of the row's buttons begins, while they show (else ``None``)."""
        if not self._shows_buttons(index):
            return None
        placed = self.buttons(index)
        return placed[0][1].left() - STRIP_MARGIN if placed else None

    def button_at(self, pos: QPoint) -> tuple[TodayRow, RowAction, QRect] | None:
        """The row button under ``pos`` (viewport coordinates), if any."""
        index = self.indexAt(pos)
        row = self.today_model.row_at(index)
        if row is None or not self._shows_buttons(index):
            return None
        for action, rect in self.buttons(index):
            if rect.contains(pos):
                return row, action, rect
        return None

    def _shows_buttons(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        if self.today_model.row_at(index) is None:
            return False
        row = index.row(), index.parent().row()
        hovered = self._hover.isValid() and (self._hover.row(), self._hover.parent().row()) == row
        return hovered or self.selectionModel().isRowSelected(index.row(), index.parent())

    # --- painting -----------------------------------------------------------------------------

    def drawRow(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Headings painted as such; a hovered or selected row gets its buttons."""
        section = self.today_model.section_at(index) if index.internalId() == 0 else None
        if section is not None:
            self._draw_heading(painter, option.rect, index, section)
            return
        super().drawRow(painter, option, index)
        if self._shows_buttons(index):
            self._draw_buttons(painter, index)

    def _draw_heading(
        self,
        painter: QPainter,
        rect: QRect,
        index: QModelIndex | QPersistentModelIndex,
        section: Section,
    ) -> None:
        palette = self.palette()
        line = QRect(0, rect.top(), self.viewport().width(), rect.height())
        painter.save()
        painter.fillRect(line, palette.color(QPalette.ColorRole.Window))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(line.bottomLeft(), line.bottomRight())
        metrics = self.fontMetrics()
        x = line.left() + 8
        if section.count:
            arrow = QStyleOptionViewItem()
            arrow.rect = QRect(x, line.top(), 12, line.height())
            arrow.palette = palette
            primitive = (
                QStyle.PrimitiveElement.PE_IndicatorArrowDown
                if self.isExpanded(index)
                else QStyle.PrimitiveElement.PE_IndicatorArrowRight
            )
            self.style().drawPrimitive(primitive, arrow, painter, self)
        x += 20
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        title_width = painter.fontMetrics().horizontalAdvance(section.title)
        painter.drawText(
            QRect(x, line.top(), title_width + 2, line.height()),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            section.title,
        )
        x += title_width + 8
        # The count in a pill: red while something in it is late.
        count = ui_locale().toString(section.total)
        pill_width = max(metrics.horizontalAdvance(count) + 14, metrics.height() + 4)
        pill = QRect(
            x,
            line.top() + (line.height() - metrics.height() - 2) // 2,
            pill_width,
            metrics.height() + 2,
        )
        late = section.key in LATE_SECTIONS and section.total > 0
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._late_colour() if late else palette.color(QPalette.ColorRole.Mid))
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(
            QColor("white")
            if late
            else palette.color(
                QPalette.ColorRole.BrightText if is_dark(palette) else QPalette.ColorRole.Base
            )
        )
        painter.setFont(self.font())
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, count)
        x = pill.right() + 12
        note = section.note()
        if note:
            painter.setPen(
                palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
            )
            painter.drawText(
                QRect(x, line.top(), max(0, line.right() - x), line.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(note, Qt.TextElideMode.ElideRight, max(0, line.right() - x)),
            )
        current = self.currentIndex()
        if self.hasFocus() and current.internalId() == 0 and current.row() == index.row():
            # The keyboard is on this heading (Space or Enter folds it): say so.
            focus = QStyleOptionFocusRect()
            focus.rect = line.adjusted(2, 2, -2, -2)
            focus.palette = palette
            focus.state = (
                QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
            )
            self.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_FrameFocusRect, focus, painter, self
            )
        painter.restore()

    def _draw_buttons(self, painter: QPainter, index: QModelIndex | QPersistentModelIndex) -> None:
        placed = self.buttons(index)
        if not placed:
            return
        palette = self.palette()
        selected = self.selectionModel().isRowSelected(index.row(), index.parent())
        group = QPalette.ColorGroup.Active if self.hasFocus() else QPalette.ColorGroup.Inactive
        back = palette.color(
            group, QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base
        )
        first = placed[0][1]
        strip = QRect(
            first.left() - STRIP_MARGIN,
            first.top() - 3,
            self.viewport().width() - first.left() + STRIP_MARGIN,
            first.height() + 6,
        )
        painter.save()
        painter.fillRect(strip, back)
        row = self.today_model.row_at(index)
        for action, rect in placed:
            option = QStyleOptionButton()
            option.initFrom(self)
            option.rect = rect
            option.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Raised
            if action.icon:
                option.icon = icon(action.icon)
                side = min(16, rect.height() - 6)
                option.iconSize = QSize(side, side)
            else:
                option.text = action.button or ""
            if self._hover_button == action.code and self._hover == index.sibling(index.row(), 0):
                option.state |= QStyle.StateFlag.State_MouseOver
            if row is not None and self._pressed == (row.key, action.code):
                option.state |= QStyle.StateFlag.State_Sunken
            self.style().drawControl(QStyle.ControlElement.CE_PushButton, option, painter, self)
        painter.restore()

    def _late_colour(self) -> QColor:
        return LATE_ON_DARK if is_dark(self.palette()) else LATE

    # --- mouse and keys -------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Track the hovered row and button, so their buttons show."""
        pos = event.position().toPoint()
        index = self.indexAt(pos)
        hover = (
            QPersistentModelIndex(index.sibling(index.row(), 0))
            if index.isValid()
            else QPersistentModelIndex()
        )
        hit = self.button_at(pos) if hover.isValid() else None
        code = hit[1].code if hit is not None else ""
        if hover != self._hover or code != self._hover_button:
            self._hover, self._hover_button = hover, code
            self.viewport().update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        """No row is hovered any more."""
        self._hover, self._hover_button = QPersistentModelIndex(), ""
        self.viewport().update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A button presses; a heading folds or unfolds; a row selects."""
        pos = event.position().toPoint()
        index = self.indexAt(pos)
        if event.button() == Qt.MouseButton.LeftButton:
            hit = self.button_at(pos)
            if hit is not None:
                row, action, _rect = hit
                self.setCurrentIndex(index.sibling(index.row(), 0))
                self._pressed = (row.key, action.code)
                self.viewport().update()
                event.accept()
                return
            if index.isValid() and index.internalId() == 0:
                self.toggle(index.sibling(index.row(), 0))
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A button pressed and released over itself acts."""
        if self._pressed is not None:
            pressed, self._pressed = self._pressed, None
            self.viewport().update()
            hit = self.button_at(event.position().toPoint())
            if hit is not None and (hit[0].key, hit[1].code) == pressed:
                row, action, rect = hit
                self.actionRequested.emit(
                    action.code, row, self.viewport().mapToGlobal(rect.bottomLeft())
                )
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double click opens the row (not on its buttons: a quick second click there)."""
        pos = event.position().toPoint()
        if self.button_at(pos) is not None:
            self.mousePressEvent(event)
            return
        row = self.today_model.row_at(self.indexAt(pos))
        if row is not None and event.button() == Qt.MouseButton.LeftButton:
            self._act(default_action(row), row)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter opens, Space completes a follow-up, Ctrl+C copies the phone."""
        index = self.currentIndex()
        row = self.today_model.row_at(index)
        key = event.key()
        if (
            index.isValid()
            and index.internalId() == 0
            and key
            in (
                Qt.Key.Key_Return,
                Qt.Key.Key_Enter,
                Qt.Key.Key_Space,
            )
        ):
            self.toggle(index.sibling(index.row(), 0))
            return
        if row is not None:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._act(default_action(row), row)
                return
            if key == Qt.Key.Key_Space and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                if row.kind == "follow_up":
                    self._act("complete", row)
                return
            if event.matches(QKeySequence.StandardKey.Copy):
                if row.phone:
                    self._act("copy_phone", row)
                return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """The row's actions as a menu (the Menu key: the current row's)."""
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            index = self.currentIndex()
            rect = self.visualRect(index)
            at = self.viewport().mapToGlobal(rect.bottomLeft())
        else:
            index = self.indexAt(event.pos())
            at = event.globalPos()
        row = self.today_model.row_at(index)
        if row is None:
            return
        self.setCurrentIndex(index.sibling(index.row(), 0))
        self.menuRequested.emit(row, at)

    def viewportEvent(self, event: QEvent) -> bool:
        """A button's tooltip says what it does (icon-only ones have no text)."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self.button_at(event.pos())
            if hit is not None:
                QToolTip.showText(event.globalPos(), hit[1].text, self.viewport(), hit[2])
                return True
        return super().viewportEvent(event)

    def toggle(self, heading: QModelIndex | QPersistentModelIndex) -> None:
        """Fold or unfold a section (by the user: remembered)."""
        section = self.today_model.section_at(heading)
        if section is None or not section.count:
            return
        folded = self.isExpanded(heading)
        self.setExpanded(heading, not folded)
        self.foldChanged.emit(section.key, folded)

    def _act(self, code: str | None, row: TodayRow) -> None:
        if code is None:
            return
        index = self.today_model.find(row.key)
        rect = self.visualRect(index)
        self.actionRequested.emit(code, row, self.viewport().mapToGlobal(rect.bottomLeft()))


class TodayView(QWidget):
    """Today's heading, the open pipeline, and the sections.

    Attributes:
        model: The sections' model.
        list: The tree showing them.
        folded: The sections the user folded (kept across reloads).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        top = QHBoxLayout()
        self.heading = QLabel(self.tr("Today"))
        self.heading.setObjectName("viewTitle")
        top.addWidget(self.heading)
        top.addStretch(1)
        self.pipeline = QLabel()
        self.pipeline.setObjectName("todayPipeline")
        top.addWidget(self.pipeline)
        layout.addLayout(top)
        self.model = TodayModel(self)
        self.list = TodayTree(self.model)
        self.list.foldChanged.connect(self._fold_changed)
        layout.addWidget(self.list, 1)
        self.folded: set[str] = set()
        self.lists: TodayLists | None = None

    def show_lists(self, lists: TodayLists) -> None:
        """Show ``lists``; keep the selection, the scroll position and the folded sections."""
        self.lists = lists
        self.model.late = LATE_ON_DARK if is_dark(self.palette()) else LATE
        self.heading.setText(fill(self.tr("Today, %1"), self._long_day(lists.today)))
        tree = self.list
        current = self.selected_row()
        place = self._place(current)
        scroll = tree.verticalScrollBar().value()
        shown = sections(lists)
        self.model.set_sections(shown)
        for number, section in enumerate(shown):
            heading = self.model.index(number, 0)
            tree.setExpanded(heading, bool(section.count) and section.key not in self.folded)
        self._size_columns(shown)
        tree.executeDelayedItemsLayout()  # the scroll range must be there to scroll back
        if current is not None:
            self._reselect(current.key, place)
        tree.verticalScrollBar().setValue(scroll)

    def show_pipeline(self, amount: Decimal, currency: str) -> None:
        """The open deals' amount in the workspace's currency."""
        self.pipeline.setText(
            fill(self.tr("Open pipeline: %1"), money_text(amount, currency, whole=True))
        )

    def selected_row(self) -> TodayRow | None:
        """The selected row, if any."""
        return (
            self.model.row_at(self.list.currentIndex())
            if self.list.selectionModel().hasSelection()
            else None
        )

    def select(self, key: str) -> bool:
        """Select the row with :attr:`TodayRow.key` ``key``; whether it is there."""
        index = self.model.find(key)
        if not index.isValid():
            return False
        self.list.setCurrentIndex(index)
        return True

    def rows(self, section: SectionKey) -> list[TodayRow]:
        """The rows shown in ``section``."""
        for found in self.model.sections:
            if found.key == section:
                return list(found.rows)
        return []

    def set_folded(self, keys: set[str]) -> None:
        """Fold these sections (the user's choice from an earlier session)."""
        self.folded = set(keys)
        for number, section in enumerate(self.model.sections):
            self.list.setExpanded(
                self.model.index(number, 0), bool(section.count) and section.key not in self.folded
            )

    # --- inside ---------------------------------------------------------------------------------

    def _fold_changed(self, key: str, folded: bool) -> None:
        if folded:
            self.folded.add(key)
        else:
            self.folded.discard(key)

    def _place(self, row: TodayRow | None) -> tuple[SectionKey, int] | None:
        if row is None:
            return None
        index = self.model.find(row.key)
        return (row.section, index.row()) if index.isValid() else None

    def _reselect(self, key: str, place: tuple[SectionKey, int] | None) -> None:
        if self.select(key):
            return
        # The row went (completed, snoozed away): its neighbour takes the selection, so the
        # keyboard goes on down the list.
        if place is None:
            return
        key_of, position = place
        for section in self.model.sections:
            if section.key == key_of and section.count and key_of not in self.folded:
                self.select(section.key_at(min(position, section.count - 1)))

    def _size_columns(self, shown: list[Section]) -> None:
        """Each column as wide as its widest text (within limits), the subject takes the rest.

        The first rows of each section are measured, each distinct text once: a thousand rows
        hold a few dozen "when" texts.
        """
        metrics = self.list.fontMetrics()
        sample = [
            section.row(n) for section in shown for n in range(min(WIDTH_SAMPLE, section.count))
        ]
        limits = {WHEN: 220, WHO: 260, NOTE: 300}
        texts = {
            WHEN: {r.when for r in sample},
            WHO: {r.who for r in sample},
            NOTE: {r.note for r in sample},
        }
        for column, limit in limits.items():
            widest = max(map(metrics.horizontalAdvance, texts[column]), default=0)
            self.list.wanted[column] = min(limit, max(60, widest + 24))
        self.list.fit_columns()

    def _long_day(self, day: date) -> str:
        pattern = self.tr("dddd d MMMM")
        return ui_locale().toString(QDate(day.year, day.month, day.day), pattern)
