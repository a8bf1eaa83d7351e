"""A board column's cards as a list model that Qt views drag and drop between."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop_crm.services.deals.dto import BoardCard

CARD_MIME = "application/x-desktop-crm-deal"
"""What a dragged card carries: its deal's id (UTF-8)."""
CARD_ROLE = Qt.ItemDataRole.UserRole + 1
"""The card's :class:`BoardCard`."""

Index = QModelIndex | QPersistentModelIndex


def card_mime(deal_id: str) -> QMimeData:
    """The drag payload of one card."""
    mime = QMimeData()
    mime.setData(CARD_MIME, QByteArray(deal_id.encode()))
    return mime


def dragged_id(mime: QMimeData) -> str | None:
    """The deal a drop carries, if it is a card of ours."""
    if not mime.hasFormat(CARD_MIME):
        return None
    return bytes(mime.data(CARD_MIME).data()).decode()


class CardModel(QAbstractListModel):
    """One stage's cards in board order; dropping a card asks for a move, it moves nothing.

    The board moves cards only when the workspace says the move was made (one undoable
    operation), then reloads: a drop is a request.

    Signals:
        dropRequested(str, str): ``(deal id, id of the card it goes before or "")``.
    """

    dropRequested = Signal(str, str)

    def __init__(self, stage_id: str) -> None:
        super().__init__()
        self.stage_id = stage_id
        self.cards: list[BoardCard] = []

    def set_cards(self, cards: Sequence[BoardCard]) -> None:
        """Show these cards (the column's, from a fresh board read)."""
        self.beginResetModel()
        self.cards = list(cards)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Cards in the column."""
        return 0 if parent.isValid() else len(self.cards)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The card (``CARD_ROLE``), its title (display) or its summary (tooltip)."""
        if not index.isValid() or not 0 <= index.row() < len(self.cards):
            return None
        card = self.cards[index.row()]
        if role == CARD_ROLE:
            return card
        if role == Qt.ItemDataRole.DisplayRole:
            return card.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return " · ".join(p for p in (card.title, card.customer) if p)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Cards are selectable and draggable; the column takes drops between them."""
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (
            base
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | (Qt.ItemFlag.ItemIsDragEnabled)
        )

    def mimeTypes(self) -> list[str]:
        """Only cards."""
        return [CARD_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The first dragged card (one moves at a time)."""
        rows = [i.row() for i in indexes if i.isValid()]
        return card_mime(self.cards[rows[0]].id) if rows else QMimeData()

    def supportedDragActions(self) -> Qt.DropAction:
        """A card moves; it is never copied."""
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        """A card moves; it is never copied."""
        return Qt.DropAction.MoveAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Cards of ours only."""
        return dragged_id(data) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Ask for the move; return False so that the view removes nothing by itself."""
        deal_id = dragged_id(data)
        if deal_id is None:
            return False
        if parent.isValid():  # dropped onto a card: it goes before that one
            row = parent.row()
        before = self.cards[row].id if 0 <= row < len(self.cards) else ""
        if before == deal_id:
            return False
        self.dropRequested.emit(deal_id, before)
        return False
