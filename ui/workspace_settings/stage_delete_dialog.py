"""Deleting a stage that holds deals: which stage of the pipeline they move to."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ui.problem_label import problem_label
from ui.text_fill import fill
from ui.workspace_settings.tab_widgets import hint_label

if TYPE_CHECKING:
    from desktop_crm.services.pipelines.dto import StageInfo


def default_target(stage: StageInfo, others: Sequence[StageInfo]) -> StageInfo | None:
    """The stage its deals most likely belong in: the open stage before it, else after it."""
    earlier = [s for s in others if s.kind == "open" and s.position < stage.position]
    if earlier:
        return earlier[-1]
    later = [s for s in others if s.kind == "open"]
    return later[0] if later else (others[0] if others else None)


class StageDeleteDialog(QDialog):
    """Asks where the ``count`` deals of ``stage`` go: one of the pipeline's other stages.

    A lost stage as the target asks for the reason the deals were lost (the list's reasons
    offered, any text allowed).

    Args:
        stage: The stage being deleted.
        count: How many deals it holds.
        others: The pipeline's other stages, in order.
        reasons: The lost reasons to offer.
    """

    def __init__(
        self,
        stage: StageInfo,
        count: int,
        others: Sequence[StageInfo],
        reasons: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(fill(self.tr("Delete stage %1"), stage.name))
        layout = QVBoxLayout(self)
        question = QLabel(
            fill(
                self.tr("“%1” holds %n deals. Choose the stage they move to:", "", count),
                stage.name,
            )
        )
        question.setWordWrap(True)
        layout.addWidget(question)
        self.targets = QListWidget()
        kinds = {"won": self.tr("won"), "lost": self.tr("lost")}
        self.targets.setMaximumHeight(self.fontMetrics().lineSpacing() * 10)
        for other in others:
            text = other.name
            # "Won (won)" says nothing: the kind is added only to a name not saying it.
            if other.kind in kinds and other.name.casefold() != kinds[other.kind].casefold():
                text = fill(self.tr("%1 (%2)"), other.name, kinds[other.kind])
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, other.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, other.kind)
            self.targets.addItem(item)
        layout.addWidget(self.targets)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Each deal's stage history records the move, and it takes the new stage's "
                    "probability. Edit › Undo brings the stage and its deals back."
                )
            )
        )
        self.reason_label = QLabel(self.tr("Why were they lost?"))
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(list(reasons))
        self.reason.setCurrentIndex(-1)
        line = self.reason.lineEdit()
        if line is not None:  # an editable combo box always has one
            line.setPlaceholderText(self.tr("A reason"))
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason)
        self.problem = problem_label()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button = buttons.addButton(
            self.tr("Delete and move deals"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.targets.currentRowChanged.connect(self._target_changed)
        self.targets.itemDoubleClicked.connect(lambda _item: self.accept())
        chosen = default_target(stage, others)
        ids = [o.id for o in others]
        self.targets.setCurrentRow(ids.index(chosen.id) if chosen is not None else -1)
        self._target_changed()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)

    @staticmethod
    def ask(
        parent: QWidget,
        stage: StageInfo,
        count: int,
        others: Sequence[StageInfo],
        reasons: Sequence[str],
    ) -> tuple[str | None, str | None] | None:
        """Confirm deleting ``stage``: ``(target id, lost reason)``, or ``None`` if cancelled.

        A stage without deals only asks Yes or No (and has no target).
        """
        if count == 0:
            answer = QMessageBox.question(
                parent,
                QCoreApplication.translate("StageDeleteDialog", "Delete stage"),
                fill(
                    QCoreApplication.translate(
                        "StageDeleteDialog", "Delete the stage “%1”? It holds no deals."
                    ),
                    stage.name,
                ),
            )
            return (None, None) if answer == QMessageBox.StandardButton.Yes else None
        dialog = StageDeleteDialog(stage, count, others, reasons, parent)
        try:
            if dialog.exec() != StageDeleteDialog.DialogCode.Accepted:
                return None
            return dialog.target_id(), dialog.lost_reason()
        finally:
            dialog.deleteLater()

    def target_id(self) -> str | None:
        """The chosen stage's id."""
        item = self.targets.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def lost_reason(self) -> str | None:
        """The reason given when the target is the lost stage (else ``None``)."""
        if not self._to_lost():
            return None
        return self.reason.currentText().strip() or None

    def accept(self) -> None:
        """Close when a stage is chosen (and a reason, for the lost stage); else say what."""
        if self.target_id() is None:
            self._say(self.tr("Choose the stage the deals move to."))
            return
        if self._to_lost() and self.lost_reason() is None:
            self._say(self.tr("Say why the deals were lost."))
            self.reason.setFocus()
            return
        super().accept()

    def _to_lost(self) -> bool:
        item = self.targets.currentItem()
        return item is not None and str(item.data(Qt.ItemDataRole.UserRole + 1)) == "lost"

    def _target_changed(self) -> None:
        lost = self._to_lost()
        self.reason_label.setVisible(lost)
        self.reason.setVisible(lost)
        self.problem.hide()

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
