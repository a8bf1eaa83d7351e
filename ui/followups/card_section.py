"""A contact card's follow-ups: the planned ones to act on, the latest done ones greyed.

Overdue ones are red; each shows when it is due in local time (and in the zone it was planned
in when that reads differently) and how it repeats. Act with the buttons on the selected one,
its context menu, or a double-click to edit. A company's card lists its people's too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.choices import RecordKind
from desktop_crm.domain.vocab import FollowUpStatus
from desktop_crm.services.followups.dto import FollowUpDraft, FollowUpRow
from ui.alive import while_open
from ui.followups.actions import follow_up_actions
from ui.followups.plan_dialog import Linked, empty_draft
from ui.followups.texts import due_text, kind_labels, rule_text, status_text

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.shell import Shell

OVERDUE = QColor("#c62828")
DONE = QColor("#8a8a8a")
REPEAT_MARK = "↻"
LIST_HEIGHT = 150
RowRole = Qt.ItemDataRole.UserRole + 1


class ContactFollowUps(QGroupBox):
    """The follow-ups section of a person's or company's card.

    Args:
        shell: The main window (its follow-up actions, the worker).
        workspace: The open workspace.
        kind: ``person`` or ``company``.
        record_id: Whose card.
        parent: The card.

    Attributes:
        rows: The follow-ups shown, planned first (by due), then the latest done.

    Signals:
        loaded(list): The follow-ups were read (the :class:`FollowUpRow` list).
    """

    loaded = Signal(list)

    def __init__(
        self,
        shell: Shell,
        workspace: Workspace,
        kind: RecordKind,
        record_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Follow-ups"))
        self._shell, self._workspace = shell, workspace
        self.kind, self.record_id = kind, record_id
        self.name = ""
        self.rows: list[FollowUpRow] = []
        self.follow_ups = follow_up_actions(shell)
        layout = QVBoxLayout(self)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Due"), self.tr("What"), self.tr("Repeats")])
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.list.setMaximumHeight(LIST_HEIGHT)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.itemDoubleClicked.connect(lambda item, _col: self._edit_item(item))
        self.list.currentItemChanged.connect(lambda *_a: self._enable())
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        self.plan_button = QPushButton(self.tr("Plan follow-up…"))
        self.plan_button.clicked.connect(self.plan)
        self.complete_button = QPushButton(self.tr("Complete…"))
        self.complete_button.clicked.connect(lambda: self._act(self.follow_ups.complete))
        self.snooze_button = QToolButton()
        self.snooze_button.setText(self.tr("Snooze"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.snooze_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.reschedule_button = QPushButton(self.tr("Reschedule…"))
        self.reschedule_button.clicked.connect(lambda: self._act(self.follow_ups.reschedule))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(lambda: self._act(self.follow_ups.edit_row, planned=False))
        self.cancel_button = QPushButton(self.tr("Cancel…"))
        self.cancel_button.setToolTip(self.tr("Cancel this follow-up"))
        self.cancel_button.clicked.connect(lambda: self._act(self.follow_ups.cancel))
        for button in (
            self.plan_button,
            self.complete_button,
            self.snooze_button,
            self.reschedule_button,
            self.edit_button,
            self.cancel_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._enable()

    # --- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the contact's follow-ups again (on the reader)."""
        ws, kind, rid = self._workspace, self.kind, self.record_id
        self._shell.worker.read(
            lambda: ws.reads.followups.of_contact(kind, rid),
            while_open(self, self.show_rows),
            lambda _e: None,
        )

    def show_rows(self, rows: list[FollowUpRow]) -> None:
        """Show ``rows`` (planned ones first, then done), keeping the selection."""
        selected = self.selected()
        self.rows = rows
        self.list.clear()
        local = self._workspace.clock.zone()
        labels = kind_labels()
        for row in rows:
            what = f"{labels.get(row.kind, row.kind)}: {row.subject}"
            if self.kind == "company" and row.person:
                what = f"{row.person} · {what}"
            if row.deal:
                what = f"{what} ({row.deal})"
            repeat = f"{REPEAT_MARK} {rule_text(row.repeat)}" if row.repeat else ""
            planned = row.status == FollowUpStatus.PLANNED
            if not planned:
                repeat = status_text(row)
            item = QTreeWidgetItem([due_text(row, local, short=True), what, repeat])
            item.setData(0, RowRole, row)
            tip = [status_text(row)]
            if row.notes:
                tip.append(row.notes)
            if row.outcome:
                tip.append(row.outcome)
            for column in range(3):
                item.setToolTip(column, "\n".join(tip))
            if not planned:
                font = QFont(item.font(0))
                font.setItalic(True)
                for column in range(3):
                    item.setForeground(column, QBrush(DONE))
                    item.setFont(column, font)
            elif row.overdue:
                for column in range(2):
                    item.setForeground(column, QBrush(OVERDUE))
            self.list.addTopLevelItem(item)
            if selected is not None and row.id == selected.id:
                self.list.setCurrentItem(item)
        self._enable()
        self.loaded.emit(rows)

    # --- acting -------------------------------------------------------------------------------

    def selected(self) -> FollowUpRow | None:
        """The follow-up selected, if any."""
        item = self.list.currentItem()
        row = item.data(0, RowRole) if item is not None else None
        return row if isinstance(row, FollowUpRow) else None

    def select(self, follow_up_id: str) -> bool:
        """Select the follow-up ``follow_up_id`` (tests, reminders)."""
        for index in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(index)
            row = item.data(0, RowRole) if item is not None else None
            if item is not None and isinstance(row, FollowUpRow) and row.id == follow_up_id:
                self.list.setCurrentItem(item)
                return True
        return False

    def draft(self) -> tuple[FollowUpDraft, Linked]:
        """A new follow-up for this contact, and its name for the dialog."""
        draft = empty_draft(self._workspace)
        if self.kind == "person":
            return FollowUpDraft(subject="", due_on=draft.due_on, person_id=self.record_id), Linked(
                person=self.name
            )
        return FollowUpDraft(subject="", due_on=draft.due_on, company_id=self.record_id), Linked(
            company=self.name
        )

    def plan(self) -> None:
        """Plan a follow-up for this contact."""
        draft, linked = self.draft()
        self.follow_ups.plan(draft, linked=linked)

    def _act(self, action: object, *, planned: bool = True) -> None:
        row = self.selected()
        if row is None or (planned and row.status != FollowUpStatus.PLANNED):
            return
        if callable(action):
            action(row)

    def _edit_item(self, item: QTreeWidgetItem) -> None:
        row = item.data(0, RowRole)
        if isinstance(row, FollowUpRow):
            self.follow_ups.edit_row(row)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.list.itemAt(pos)
        row = item.data(0, RowRole) if item is not None else None
        if item is None or not isinstance(row, FollowUpRow):
            return
        self.list.setCurrentItem(item)
        menu = self.follow_ups.context_menu(row, self)
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def _enable(self) -> None:
        row = self.selected()
        planned = row is not None and row.status == FollowUpStatus.PLANNED
        for button in (
            self.complete_button,
            self.snooze_button,
            self.reschedule_button,
            self.cancel_button,
        ):
            button.setEnabled(planned)
        self.edit_button.setEnabled(row is not None)
        self.edit_button.setText(self.tr("Edit…") if planned or row is None else self.tr("Open…"))
        old = self.snooze_button.menu()
        if row is not None and planned:
            self.snooze_button.setMenu(self.follow_ups.snooze_menu(row, self.snooze_button))
        else:
            self.snooze_button.setMenu(None)  # type: ignore[arg-type]
        if old is not None:
            old.deleteLater()
