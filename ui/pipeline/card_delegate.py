"""How a deal's card is painted: title, customer, amount and close day, owner, waiting time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from desktop_crm.services.deals.dto import BoardCard
from ui.pipeline.card_model import CARD_ROLE

ROTTING = QColor("#c62828")
PADDING = 8
LINES = 3


class CardDelegate(QStyledItemDelegate):
    """Paints cards as small boxes; everything shown is worked out once per card, not per paint.

    Args:
        lines: The card's second and third lines (customer; amount · close day · owner) and
            its waiting note, in the user's words.
    """

    def __init__(self, lines: Callable[[BoardCard], tuple[str, str, str]]) -> None:
        super().__init__()
        self._lines = lines
        self._cache: dict[str, tuple[str, str, str]] = {}

    def forget(self) -> None:
        """Cards were read again: their words may have changed."""
        self._cache.clear()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Three lines of text and padding, as wide as the column's viewport."""
        height = QFontMetrics(option.font).lineSpacing() * LINES + PADDING * 2 + 6
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 200
        return QSize(max(120, width), height)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """A rounded box: bold title, the customer, then amount, close day and owner."""
        card: BoardCard | None = index.data(CARD_ROLE)
        if card is None:
            return
        words = self._cache.get(card.id)
        if words is None:
            words = self._cache[card.id] = self._lines(card)
        customer, figures, waiting = words
        palette = option.palette
        rect = option.rect.adjusted(4, 3, -4, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = palette.color(QPalette.ColorRole.Base)
        painter.setBrush(
            palette.color(QPalette.ColorRole.Highlight).lighter(185) if selected else base
        )
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawRoundedRect(rect, 5, 5)
        if card.rotting:
            painter.fillRect(QRect(rect.left(), rect.top() + 3, 3, rect.height() - 6), ROTTING)
        text = rect.adjusted(PADDING, PADDING - 2, -PADDING, -PADDING)
        line = QFontMetrics(option.font).lineSpacing()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        first = QRect(text.left(), text.top(), text.width(), line)
        painter.drawText(
            first, Qt.AlignmentFlag.AlignLeft, _elided(bold, card.title, first.width())
        )
        painter.setFont(option.font)
        second = first.translated(0, line)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            second, Qt.AlignmentFlag.AlignLeft, _elided(option.font, customer, second.width())
        )
        third = second.translated(0, line)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        if waiting:
            painter.setPen(
                ROTTING if card.rotting else palette.color(QPalette.ColorRole.PlaceholderText)
            )
            width = QFontMetrics(option.font).horizontalAdvance(waiting) + 4
            painter.drawText(third, Qt.AlignmentFlag.AlignRight, waiting)
            third = third.adjusted(0, 0, -width - 6, 0)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            third, Qt.AlignmentFlag.AlignLeft, _elided(option.font, figures, third.width())
        )
        painter.restore()


def _elided(font: QFont, text: str, width: int) -> str:
    return QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, max(0, width))
