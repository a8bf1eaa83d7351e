"""Due-count badges: a number painted on the tray icon, and a pill beside a sidebar entry."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

BADGE_ROLE = int(Qt.ItemDataRole.UserRole) + 40
"""The item data role holding an entry's badge count (an int; 0 or none: no badge)."""

BADGE_COLOUR = QColor("#d93025")  # the red of unread counts on every desktop
TRAY_SIZES = (16, 22, 24, 32, 48, 64)


def badge_text(count: int) -> str:
    """The number on a badge: ``99+`` above 99, so it still fits a 16-pixel icon."""
    return "99+" if count > 99 else str(count)


def badge_icon(base: QIcon, count: int, sizes: tuple[int, ...] = TRAY_SIZES) -> QIcon:
    """``base`` with ``count`` painted in a red disc at its lower right (``base`` if 0)."""
    if count <= 0:
        return base
    result = QIcon()
    for size in sizes:
        result.addPixmap(_badged_pixmap(base.pixmap(QSize(size, size)), count, size))
    return result


def _badged_pixmap(pixmap: QPixmap, count: int, size: int) -> QPixmap:
    canvas = QPixmap(size, size)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.drawPixmap(QRect(0, 0, size, size), pixmap)
    text = badge_text(count)
    # The disc covers most of a small icon: a number nobody can read is no badge.
    height = max(9.0, size * 0.62)
    width = max(height, height * (0.45 + 0.32 * len(text)))
    disc = QRectF(size - width, size - height, width, height)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BADGE_COLOUR)
    painter.drawRoundedRect(disc, height / 2, height / 2)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(7, int(height * (0.78 if len(text) == 1 else 0.62))))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return canvas


class BadgeDelegate(QStyledItemDelegate):
    """Paints an entry as usual, then its count (:data:`BADGE_ROLE`) as a pill at its right.

    The sidebar's titles are short in every language ("Today", "今天"), so the pill sits over
    the free end of the row, and the row keeps its full width for the selection highlight.
    """

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Draw the entry, then its badge."""
        super().paint(painter, option, index)
        count = index.data(BADGE_ROLE)
        if not isinstance(count, int) or count <= 0:
            return
        text = badge_text(count)
        font = QFont(option.font)
        font.setBold(True)
        metrics = QFontMetrics(font)
        height = metrics.height() + 2
        width = max(height, metrics.horizontalAdvance(text) + 12)
        rect: QRect = option.rect
        pill = QRectF(rect.right() - width - 8, rect.center().y() - height / 2 + 1, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE_COLOUR)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


def install_badges(view: QAbstractItemView) -> BadgeDelegate:
    """Make ``view`` paint badges; returns the delegate it now uses."""
    delegate = BadgeDelegate(view)
    view.setItemDelegate(delegate)
    return delegate
