"""The kanban board: a column per open stage, side by side, and the Won / Lost drop zones."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from desktop_crm.services.deals.dto import Board, BoardCard, BoardColumn
from ui.pipeline.board_column import ColumnView, DropZone
from ui.pipeline.card_delegate import CardDelegate

WON_COLOUR = "#2e7d32"
LOST_COLOUR = "#c62828"


class BoardView(QWidget):
    """Columns of cards; every move is asked for with a signal, and made by the screen.

    Keys on a card: Ctrl+Left / Ctrl+Right move it to the stage before or after, Ctrl+Up /
    Ctrl+Down move it up or down its column; Enter opens it.

    Args:
        lines: A card's words (see :class:`CardDelegate`).
        texts: ``column -> (heading, figures)`` and the drop zones' ``(won, lost)`` words.

    Signals:
        moveRequested(str, str, str): ``(deal id, stage id, card it goes before or "")``.
        wonRequested(str): A card dropped on Won.
        lostRequested(str): A card dropped on Lost (the screen asks the reason).
        openRequested(str): Open the deal.
    """

    moveRequested = Signal(str, str, str)
    wonRequested = Signal(str)
    lostRequested = Signal(str)
    openRequested = Signal(str)

    def __init__(
        self,
        lines: Callable[[BoardCard], tuple[str, str, str]],
        heading: Callable[[BoardColumn], tuple[str, str]],
        zones: tuple[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._heading = heading
        self.delegate = CardDelegate(lines)
        self.columns: dict[str, ColumnView] = {}
        self.order: list[str] = []
        self.board: Board | None = None
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(8)
        self._row.addStretch(1)
        holder = QWidget()
        holder.setLayout(self._row)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setWidget(holder)
        self.area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.won = DropZone(zones[0], WON_COLOUR)
        self.lost = DropZone(zones[1], LOST_COLOUR)
        self.won.dropped.connect(self.wonRequested)
        self.lost.dropped.connect(self.lostRequested)
        bottom = QHBoxLayout()
        bottom.addWidget(self.won, 1)
        bottom.addWidget(self.lost, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.area, 1)
        layout.addLayout(bottom)

    def show_board(self, board: Board, zones: tuple[str, str]) -> None:
        """Show ``board``: columns made or dropped as its open stages are, cards refilled."""
        self.board = board
        self.delegate.forget()
        open_columns = [c for c in board.columns if c.kind == "open"]
        wanted = [c.stage_id for c in open_columns]
        if wanted != self.order:
            for view in self.columns.values():
                view.setParent(None)
                view.deleteLater()
            self.columns = {}
            for index, column in enumerate(open_columns):
                view = ColumnView(column.stage_id, self.delegate)
                view.dropRequested.connect(self.moveRequested)
                view.openRequested.connect(self.openRequested)
                view.list.installEventFilter(self)
                self.columns[column.stage_id] = view
                self._row.insertWidget(index, view)
            self.order = wanted
        for column in open_columns:
            heading, figures = self._heading(column)
            self.columns[column.stage_id].show_column(column, heading, figures)
        self.won.setText(zones[0])
        self.lost.setText(zones[1])

    def current(self) -> tuple[str, BoardCard] | None:
        """The focused column's current card, as ``(stage id, card)``."""
        for stage_id, view in self.columns.items():
            if view.list.hasFocus():
                card = view.current()
                if card is not None:
                    return stage_id, card
        return None

    def select(self, deal_id: str) -> None:
        """Make the deal's card current in its column and give that column the focus."""
        for view in self.columns.values():
            if view.select(deal_id):
                view.list.setFocus()
                return

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+arrows move the current card (the board's keyboard moves)."""
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and self._key(event.key())
        ):
            return True
        return super().eventFilter(watched, event)

    def _key(self, key: int) -> bool:
        found = self.current()
        if found is None:
            return False
        stage_id, card = found
        at = self.order.index(stage_id)
        cards = self.columns[stage_id].model.cards
        row = next(i for i, c in enumerate(cards) if c.id == card.id)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            if 0 <= at + step < len(self.order):
                self.moveRequested.emit(card.id, self.order[at + step], "")
            return True
        if key == Qt.Key.Key_Up and row > 0:
            self.moveRequested.emit(card.id, stage_id, cards[row - 1].id)
            return True
        if key == Qt.Key.Key_Down and row + 1 < len(cards):
            after = cards[row + 2].id if row + 2 < len(cards) else ""
            self.moveRequested.emit(card.id, stage_id, after)
            return True
        return False
