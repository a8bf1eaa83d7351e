"""Complete a follow-up: what came of it, what kind of contact it was, and what comes next.

Completing logs an activity on the timeline (the outcome as its notes). A repeating follow-up
plans its next occurrence by itself; any other offers to plan the next one, ticked by default:
a call that ends without a next step is how customers slip.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.vocab import ActivityKind
from desktop_crm.services.followups.dto import FollowUpRow
from ui.followups.texts import due_text, kind_labels, rule_text
from ui.text_fill import fill

OUTCOME_HEIGHT = 90


class CompleteDialog(QDialog):
    """Asks how a follow-up went before it is completed.

    Args:
        row: The follow-up.
        local: This computer's zone (to show when it was due).
        parent: The window it belongs to.

    Attributes:
        outcome: What came of it.
        activity_kind: What kind of contact to log.
        plan_next: "Plan the next follow-up" (hidden for a repeat, which plans its own).
    """

    def __init__(self, row: FollowUpRow, local: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.setWindowTitle(self.tr("Complete follow-up"))
        self.setMinimumWidth(460)
        root = QVBoxLayout(self)
        labels = kind_labels()
        heading = QLabel(f"{labels.get(row.kind, row.kind)}: {row.subject}")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        root.addWidget(heading)
        who = " · ".join(x for x in (row.contact, row.deal, due_text(row, local)) if x)
        sub = QLabel(who)
        sub.setObjectName("hint")
        sub.setWordWrap(True)
        root.addWidget(sub)
        form = QFormLayout()
        self.activity_kind = QComboBox()
        for kind in ActivityKind:
            self.activity_kind.addItem(labels[kind], kind.value)
        self.activity_kind.setCurrentIndex(max(0, self.activity_kind.findData(row.kind.value)))
        form.addRow(self.tr("Logged as"), self.activity_kind)
        self.outcome = QPlainTextEdit()
        self.outcome.setPlaceholderText(self.tr("What came of it? (optional)"))
        self.outcome.setFixedHeight(OUTCOME_HEIGHT)
        self.outcome.setTabChangesFocus(True)
        form.addRow(self.tr("Outcome"), self.outcome)
        root.addLayout(form)
        self.plan_next = QCheckBox(self.tr("Plan the next follow-up"))
        self.repeat_note = QLabel()
        self.repeat_note.setObjectName("hint")
        self.repeat_note.setWordWrap(True)
        if row.repeat:
            self.plan_next.setChecked(False)
            self.plan_next.hide()
            self.repeat_note.setText(
                fill(
                    self.tr("Repeats: %1. The next one is planned when this one is completed."),
                    rule_text(row.repeat),
                )
            )
        else:
            self.plan_next.setChecked(True)
            self.repeat_note.hide()
        root.addWidget(self.plan_next)
        root.addWidget(self.repeat_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Complete"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        root.addWidget(buttons)
        self.outcome.setFocus()

    def outcome_text(self) -> str:
        """The outcome typed."""
        return self.outcome.toPlainText().strip()

    def kind(self) -> ActivityKind | None:
        """The activity kind to log, ``None`` when it is the follow-up's own."""
        chosen = ActivityKind(str(self.activity_kind.currentData()))
        return None if chosen == self.row.kind else chosen

    def wants_next(self) -> bool:
        """Whether to plan the next follow-up afterwards."""
        return self.plan_next.isChecked() and not self.row.repeat
