"""A stage's column on the board (its figures over its cards), and the Won / Lost drop zones."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLabel, QListView, QVBoxLayout, QWidget

from desktop_crm.services.deals.dto import BoardCard, BoardColumn
from ui.pipeline.card_delegate import CardDelegate
from ui.pipeline.card_model import CARD_ROLE, CardModel, dragged_id

COLUMN_WIDTH = 240


class ColumnView(QFrame):
    """One open stage: name and count, total and weighted total, then its cards.

    Signals:
        dropRequested(str, str, str): ``(deal id, this stage's id, card to go before or "")``.
        openRequested(str): A card was double-clicked or Enter pressed on it.
        cardChosen(str): The current card changed (``""``: none).
    """

    dropRequested = Signal(str, str, str)
    openRequested = Signal(str)
    cardChosen = Signal(str)

    def __init__(
        self, stage_id: str, delegate: CardDelegate, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("boardColumn")
        self.setFixedWidth(COLUMN_WIDTH)
        self.stage_id = stage_id
        self.heading = QLabel()
        self.heading.setObjectName("columnHeading")
        self.heading.setStyleSheet("font-weight: 600")
        self.figures = QLabel()
        self.figures.setObjectName("hint")
        self.figures.setWordWrap(True)
        self.model = CardModel(stage_id)
        self.model.dropRequested.connect(
            lambda deal, before: self.dropRequested.emit(deal, stage_id, before)
        )
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(delegate)
        self.list.setUniformItemSizes(True)  # 10,000 cards are laid out without measuring each
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setDragEnabled(True)
        self.list.setAcceptDrops(True)
        self.list.setDropIndicatorShown(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.doubleClicked.connect(self._open)
        self.list.activated.connect(self._open)
        self.list.selectionModel().currentChanged.connect(self._current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.figures)
        layout.addWidget(self.list, 1)

    def show_column(self, column: BoardColumn, heading: str, figures: str) -> None:
        """Show ``column``'s cards under ``heading`` and ``figures``, keeping the current card."""
        current = self.current()
        self.heading.setText(heading)
        self.figures.setText(figures)
        if column.colour:
            self.setStyleSheet(f"QFrame#boardColumn {{ border-top: 3px solid {column.colour}; }}")
        self.model.set_cards(column.cards)
        if current is not None:
            self.select(current.id)

    def current(self) -> BoardCard | None:
        """The selected card, if any."""
        index = self.list.currentIndex()
        card: BoardCard | None = index.data(CARD_ROLE) if index.isValid() else None
        return card

    def select(self, deal_id: str) -> bool:
        """Make the deal's card current (and visible); whether it is in this column."""
        for row, card in enumerate(self.model.cards):
            if card.id == deal_id:
                index = self.model.index(row)
                self.list.setCurrentIndex(index)
                self.list.scrollTo(index)
                return True
        return False

    def _open(self, index: QModelIndex) -> None:
        card: BoardCard | None = index.data(CARD_ROLE)
        if card is not None:
            self.openRequested.emit(card.id)

    def _current(self, index: QModelIndex) -> None:
        card: BoardCard | None = index.data(CARD_ROLE) if index.isValid() else None
        self.cardChosen.emit(card.id if card is not None else "")


class DropZone(QLabel):
    """Won or Lost: drop a card here to close its deal.

    Signals:
        dropped(str): The deal whose card was dropped.
    """

    dropped = Signal(str)

    def __init__(self, text: str, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAcceptDrops(True)
        self.setMinimumHeight(44)
        self._style = (
            f"QLabel {{ border: 2px dashed {colour}; border-radius: 6px; color: {colour};"
            " font-weight: 600; padding: 6px; }"
        )
        self._hover = (
            self._style.replace("dashed", "solid") + f"QLabel {{ background: {colour}22; }}"
        )
        self.setStyleSheet(self._style)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Take cards only."""
        if dragged_id(event.mimeData()) is not None:
            event.acceptProposedAction()
            self.setStyleSheet(self._hover)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Keep taking cards."""
        if dragged_id(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        """Back to the resting look."""
        self.setStyleSheet(self._style)

    def dropEvent(self, event: QDropEvent) -> None:
        """Say which deal was dropped (the board asks the rest)."""
        self.setStyleSheet(self._style)
        deal_id = dragged_id(event.mimeData())
        if deal_id is not None:
            event.setDropAction(Qt.DropAction.IgnoreAction)  # nothing to remove on the source
            event.accept()
            self.dropped.emit(deal_id)
