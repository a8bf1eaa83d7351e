"""Asking why a deal was lost: one of the workspace's lost reasons, or words of one's own.

The deal editor and the board (a drop on "Lost") both ask here. The dialog opens window-modal
and answers through ``reasonChosen``; nothing blocks while it is open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.text_fill import fill

REASON_MAX = 200


class LostReasonDialog(QDialog):
    """Why was the deal lost? An editable list of the workspace's reasons.

    Args:
        reasons: The workspace's lost reasons (setting ``deals.lost_reasons``), offered first.
        deal: The deal's title or number, to say which deal.
        current: A reason to start from (a deal lost before).
        parent: The window it opens over.

    Attributes:
        reason: The combo box: choose one or type another.

    Signals:
        reasonChosen(str): OK was pressed with this reason (trimmed, not empty).
    """

    reasonChosen = Signal(str)

    def __init__(
        self,
        reasons: Sequence[str],
        deal: str = "",
        current: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Deal lost"))
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        question = (
            fill(self.tr("Why was “%1” lost?"), deal) if deal else self.tr("Why was it lost?")
        )
        label = QLabel(question)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.addItems(list(reasons))
        self.reason.setCurrentText(current or (reasons[0] if reasons else ""))
        line = self.reason.lineEdit()
        if line is not None:
            line.setMaxLength(REASON_MAX)
            line.setPlaceholderText(self.tr("Choose a reason or type one"))
        layout.addWidget(self.reason)
        hint = QLabel(self.tr("The reports count lost deals by reason."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if isinstance(ok, QPushButton):
            ok.setText(self.tr("Mark lost"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.currentTextChanged.connect(self._changed)
        layout.addWidget(self.buttons)
        self._changed(self.reason.currentText())

    def text(self) -> str:
        """The reason as chosen or typed, trimmed."""
        return self.reason.currentText().strip()

    def accept(self) -> None:
        """Answer with the reason (a blank one is refused: OK is disabled then)."""
        if not self.text():
            return
        self.reasonChosen.emit(self.text())
        super().accept()

    def _changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(bool(text.strip()))


def ask_lost_reason(
    parent: QWidget,
    reasons: Sequence[str],
    on_reason: Callable[[str], None],
    *,
    deal: str = "",
    current: str = "",
) -> LostReasonDialog:
    """Ask why a deal was lost, over ``parent``; ``on_reason`` hears the answer (not Cancel)."""
    dialog = LostReasonDialog(reasons, deal, current, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.reasonChosen.connect(on_reason)
    dialog.open()
    return dialog
