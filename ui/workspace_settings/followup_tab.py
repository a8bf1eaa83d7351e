"""The settings dialog's Follow-ups tab: stale days, the morning hour, lead pool rules, calendar.

Everything but the calendar file is a workspace setting, saved with the dialog's other
settings as one undoable change (``SettingsDialog.workspace_values``). The calendar file kept
up to date is this machine's choice (a folder is per machine): it applies at once, on the
worker, through the window the tab is attached to.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTime, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.followup_time import parse_morning
from desktop_crm.domain.pool_rules import ReturnRule
from desktop_crm.domain.stale_rules import DEFAULT_LEVEL_DAYS
from desktop_crm.domain.vocab import ContactStatus, Level
from ui.messages import error_text
from ui.text_fill import fill
from ui.workspace_settings.calendar_export import choose_calendar_export, publish_calendar

if TYPE_CHECKING:
    from desktop_crm.services.followups.calendar import PublishedCalendar
    from ui.shell import Shell

# The settings' defaults (``services.settings.workspace_settings.DEFAULTS``), repeated here:
# the service module loads SQLAlchemy, which the window's start defers.
_STALE_DAYS = 30
_MORNING = "09:00"
_WARN_DAYS = 3
_CAP = 0
MAX_DAYS = 3650  # as ``ReturnRule.of`` allows
LEVELS = tuple(level.value for level in Level)
STATUSES = tuple(status.value for status in ContactStatus)

RuleKey = tuple[str, str]
"""A rule's ``("level" | "status", value)``."""


def _stored_rules(value: Any) -> list[dict[str, Any]]:
    """The valid rules of a stored ``pool.rules``, as the table shows them (others dropped)."""
    rules: list[dict[str, Any]] = []
    for item in value if isinstance(value, list) else []:
        try:
            rule = ReturnRule.of(item)
        except (ValueError, AttributeError, TypeError):
            continue
        if rule.level is not None:
            rules.append({"level": rule.level, "days": rule.days})
        else:
            rules.append({"status": rule.status, "days": rule.days})
    return rules


def status_labels() -> dict[str, str]:
    """Contact statuses in the user's language (``ui.contacts.labels``' words and context).

    Not imported from there: the contacts package reaches the settings already, and the
    packages of the UI import each other one way only.
    """
    translate = QCoreApplication.translate
    return {
        "lead": translate("Labels", "Lead"),
        "prospect": translate("Labels", "Prospect"),
        "customer": translate("Labels", "Customer"),
        "inactive": translate("Labels", "Inactive"),
    }


def _whole(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


class FollowUpsTab(QWidget):
    """Edits the follow-up, reminder and lead pool settings, and the calendar file.

    Args:
        values: The workspace settings (``SettingsService.all()``; missing keys take their
            defaults).

    Attributes:
        level_days: Stale days by level (``A``, ``B``, ``C``).
    """

    def __init__(self, values: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shell: Shell | None = None
        self._published: Path | None = None
        by_level = values.get("followup.stale_days_by_level")
        by_level = by_level if isinstance(by_level, dict) else {}
        morning = self._morning(values.get("reminders.morning"))
        self._initial: dict[str, Any] = {
            "followup.stale_days_by_level": {
                level: _whole(by_level.get(level), days)
                for level, days in DEFAULT_LEVEL_DAYS.items()
            },
            "followup.stale_days": _whole(values.get("followup.stale_days"), _STALE_DAYS),
            "reminders.morning": f"{morning.hour():02d}:{morning.minute():02d}",
            "pool.rules": _stored_rules(values.get("pool.rules")),
            "pool.warn_days": _whole(values.get("pool.warn_days"), _WARN_DAYS),
            "pool.cap": _whole(values.get("pool.cap"), _CAP),
        }
        self.levels = {level: fill(self.tr("Level %1"), level) for level in LEVELS}
        self.statuses = status_labels()
        layout = QVBoxLayout(self)

        # --- customers waiting too long ---------------------------------------------------
        stale = QGroupBox(self.tr("Waiting too long"))
        form = self._form(stale)
        form.addRow(
            self._hint(
                self.tr(
                    "A customer waits too long after this many days without a logged contact "
                    "(a call, visit, meeting or message; notes do not count). Today lists them."
                )
            )
        )
        self.level_days: dict[str, QSpinBox] = {}
        for level in LEVELS:
            days = self._days_box(1, self._initial["followup.stale_days_by_level"][level])
            self.level_days[level] = days
            form.addRow(fill(self.tr("Level %1 (days):"), level), days)
        self.plain_days = self._days_box(1, self._initial["followup.stale_days"])
        form.addRow(self.tr("Without a level (days):"), self.plain_days)
        form.addRow(
            self._hint(
                self.tr(
                    "Deals wait too long after the rotting days of their stage, set with each "
                    "stage of the pipeline."
                )
            )
        )
        layout.addWidget(stale)

        # --- reminders ----------------------------------------------------------------------
        reminders = QGroupBox(self.tr("Reminders"))
        form = self._form(reminders)
        self.morning = QTimeEdit(morning)
        self.morning.setDisplayFormat("HH:mm")
        form.addRow(self.tr("All-day follow-ups remind at:"), self.morning)
        form.addRow(
            self._hint(
                self.tr(
                    "A follow-up without a time reminds at this hour of its day, in the time "
                    "zone the computer is in."
                )
            )
        )
        layout.addWidget(reminders)

        # --- the lead pool ------------------------------------------------------------------
        pool = QGroupBox(self.tr("Lead pool"))
        box = QVBoxLayout(pool)
        box.addWidget(
            self._hint(
                self.tr(
                    "A record goes back to the pool after this many days without a logged "
                    "contact. The first rule naming its level applies, else the first naming "
                    "its status; a record no rule names stays with its owner."
                )
            )
        )
        self.rules = QTableWidget(0, 3)
        self.rules.setHorizontalHeaderLabels(
            [self.tr("Applies to"), self.tr("Which"), self.tr("Days")]
        )
        self.rules.verticalHeader().hide()
        self.rules.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rules.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.rules.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.rules.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.rules.setMaximumHeight(self.fontMetrics().lineSpacing() * 12)
        box.addWidget(self.rules)
        buttons = QHBoxLayout()
        self.add_rule_button = QPushButton(self.tr("Add rule"))
        self.add_rule_button.clicked.connect(lambda: self.add_rule())
        self.remove_rule_button = QPushButton(self.tr("Remove rule"))
        self.remove_rule_button.clicked.connect(self.remove_rule)
        self.rules.itemSelectionChanged.connect(self._on_rule_selection)
        buttons.addWidget(self.add_rule_button)
        buttons.addWidget(self.remove_rule_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        form = self._form(None)
        self.warn_days = self._days_box(0, self._initial["pool.warn_days"], 365)
        form.addRow(self.tr("Warn on Today before a return (days):"), self.warn_days)
        self.cap = QSpinBox()
        self.cap.setRange(0, 10_000)
        self.cap.setSpecialValueText(self.tr("No limit"))
        self.cap.setValue(self._initial["pool.cap"])
        form.addRow(self.tr("Records one person may hold:"), self.cap)
        box.addLayout(form)
        layout.addWidget(pool)
        for rule in self._initial["pool.rules"]:
            self.add_rule(rule)
        self._on_rule_selection()

        # --- the calendar -------------------------------------------------------------------
        calendar = QGroupBox(self.tr("Calendar"))
        box = QVBoxLayout(calendar)
        self.publish_check = QCheckBox(self.tr("Keep a calendar file up to date"))
        self.publish_check.toggled.connect(self._publish_toggled)
        self.choose_folder_button = QPushButton(self.tr("Choose folder…"))
        self.choose_folder_button.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.publish_check)
        row.addStretch(1)
        row.addWidget(self.choose_folder_button)
        box.addLayout(row)
        self.publish_path = QLabel()
        self.publish_path.setWordWrap(True)
        self.publish_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.publish_path)
        box.addWidget(
            self._hint(
                self.tr(
                    "Every planned follow-up, rewritten after each change. Outlook, Google "
                    "Calendar and Apple Calendar can subscribe to the file or import it. "
                    "Each computer keeps its own file."
                )
            )
        )
        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Export calendar (.ics)…"))
        self.export_button.clicked.connect(self.export_calendar)
        row.addWidget(self.export_button)
        row.addStretch(1)
        box.addLayout(row)
        layout.addWidget(calendar)
        layout.addStretch(1)
        self._show_published(None)

    # --- widgets ----------------------------------------------------------------------------

    @staticmethod
    def _form(parent: QWidget | None) -> QFormLayout:
        form = QFormLayout(parent) if parent is not None else QFormLayout()
        # A number of days is a few digits: fields as wide as the box would read as text.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        return form

    def _hint(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setObjectName("hint")
        return label

    def _days_box(self, minimum: int, value: int, maximum: int = MAX_DAYS) -> QSpinBox:
        box = QSpinBox()
        box.setRange(minimum, maximum)
        box.setValue(value)
        return box

    @staticmethod
    def _morning(value: Any) -> QTime:
        try:
            hour = parse_morning(str(value if value is not None else _MORNING))
        except ValueError:
            hour = parse_morning(_MORNING)
        return QTime(hour.hour, hour.minute)

    # --- the pool's rules -------------------------------------------------------------------

    def add_rule(self, rule: Mapping[str, Any] | None = None) -> int:
        """Add a row for ``rule`` (``None``: a new level rule of 30 days); its row."""
        rule = rule or {"level": self._unused_level(), "days": 30}
        row = self.rules.rowCount()
        self.rules.insertRow(row)
        applies = QComboBox()
        applies.addItem(self.tr("Level"), "level")
        applies.addItem(self.tr("Status"), "status")
        which = QComboBox()
        days = self._days_box(1, _whole(rule.get("days"), 30))
        self.rules.setCellWidget(row, 0, applies)
        self.rules.setCellWidget(row, 1, which)
        self.rules.setCellWidget(row, 2, days)
        is_status = rule.get("status") is not None
        applies.setCurrentIndex(1 if is_status else 0)
        self._fill_which(which, "status" if is_status else "level")
        value = rule.get("status") if is_status else rule.get("level")
        which.setCurrentIndex(max(0, which.findData(value)))
        applies.currentIndexChanged.connect(
            lambda _i, a=applies, w=which: self._fill_which(w, str(a.currentData()))
        )
        self.rules.selectRow(row)
        return row

    def _fill_which(self, which: QComboBox, applies: str) -> None:
        which.clear()
        if applies == "status":
            for status in STATUSES:
                which.addItem(self.statuses.get(status, status), status)
        else:
            for level in LEVELS:
                which.addItem(self.levels[level], level)

    def _unused_level(self) -> str:
        used = {key for key in self.rule_keys() if key[0] == "level"}
        return next((lv for lv in LEVELS if ("level", lv) not in used), LEVELS[0])

    def remove_rule(self) -> None:
        """Remove the selected rule."""
        rows = sorted({i.row() for i in self.rules.selectedIndexes()}, reverse=True)
        for row in rows:
            self.rules.removeRow(row)
        self._on_rule_selection()

    def _on_rule_selection(self) -> None:
        self.remove_rule_button.setEnabled(bool(self.rules.selectedIndexes()))

    def rule_keys(self) -> list[RuleKey]:
        """Each rule's ``(applies, which)``, in order."""
        keys = []
        for row in range(self.rules.rowCount()):
            applies, which = self._cell(row, 0), self._cell(row, 1)
            keys.append((str(applies.currentData()), str(which.currentData())))
        return keys

    def _cell(self, row: int, column: int) -> QComboBox:
        widget = self.rules.cellWidget(row, column)
        assert isinstance(widget, QComboBox)
        return widget

    def pool_rules(self) -> list[dict[str, Any]]:
        """The rules as the setting stores them: ``{"level": "A", "days": 30}``, in order."""
        rules = []
        for row, (applies, which) in enumerate(self.rule_keys()):
            days = self.rules.cellWidget(row, 2)
            assert isinstance(days, QSpinBox)
            rules.append({applies: which, "days": days.value()})
        return rules

    # --- what the dialog reads --------------------------------------------------------------

    def problem(self) -> str:
        """Why the settings cannot be saved as they are ("" when they can)."""
        seen: set[RuleKey] = set()
        for applies, which in self.rule_keys():
            if (applies, which) in seen:
                named = (
                    self.levels.get(which, which)
                    if applies == "level"
                    else self.statuses.get(which, which)
                )
                return fill(
                    self.tr(
                        "Two return rules name “%1”: only the first would ever apply. Change "
                        "or remove one of them."
                    ),
                    named,
                )
            seen.add((applies, which))
        for rule in self.pool_rules():
            try:
                ReturnRule.of(rule)
            except ValueError:
                return self.tr("A return rule needs a level or a status, and 1 to 3650 days.")
        return ""

    def values(self) -> dict[str, Any]:
        """The settings of this tab that differ from the ones it opened with."""
        time = self.morning.time()
        now: dict[str, Any] = {
            "followup.stale_days_by_level": {lv: b.value() for lv, b in self.level_days.items()},
            "followup.stale_days": self.plain_days.value(),
            "reminders.morning": f"{time.hour():02d}:{time.minute():02d}",
            "pool.rules": self.pool_rules(),
            "pool.warn_days": self.warn_days.value(),
            "pool.cap": self.cap.value(),
        }
        return {key: value for key, value in now.items() if self._initial[key] != value}

    # --- the calendar -----------------------------------------------------------------------

    def attach(self, shell: Shell) -> None:
        """Act on ``shell``'s workspace: show the file kept up to date; publish and export."""
        self._shell = shell
        ws = shell.workspace
        if ws is None:
            return

        def show(found: PublishedCalendar | None) -> None:
            if shiboken6.isValid(self):
                self._show_published(found.path if found is not None else None)

        # Read once the dialog's loop runs: the worker is idle while a dialog opens, so the
        # status bar does not say "Working…" over it.
        QTimer.singleShot(0, self, lambda: shell.worker.read(ws.reads.calendar.published, show))

    def _show_published(self, path: Path | None) -> None:
        self._published = path
        attached = self._shell is not None
        self.publish_check.blockSignals(True)
        self.publish_check.setChecked(path is not None)
        self.publish_check.blockSignals(False)
        for widget in (self.publish_check, self.export_button):
            widget.setEnabled(attached)
        self.choose_folder_button.setEnabled(attached and path is not None)
        self.publish_path.setText(
            fill(self.tr("File: %1"), str(path)) if path is not None else self.tr("No file kept.")
        )

    def _publish_toggled(self, on: bool) -> None:
        if on:
            self.choose_folder()
        else:
            self.publish_to(None)

    def choose_folder(self) -> None:
        """Ask for a folder and keep the calendar file there from now on."""
        start = self._published.parent if self._published is not None else Path.home()
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Keep a calendar file in…"), str(start)
        )
        if folder:
            self.publish_to(Path(folder))
        else:
            self._show_published(self._published)  # unchanged: the box as it was

    def publish_to(self, folder: Path | None) -> None:
        """Keep the calendar file in ``folder`` (``None``: stop), on the worker."""
        shell = self._shell
        if shell is None:
            return
        self.publish_check.setEnabled(False)  # until the worker answers

        def done(path: Path | None, count: int) -> None:
            if not shiboken6.isValid(self):
                return
            self._show_published(path)
            if path is not None:
                shell.show_status(
                    fill(self.tr("The calendar file holds %n events: %1", "", count), str(path)),
                    8000,
                )

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self._show_published(self._published)
            QMessageBox.warning(self, self.tr("Calendar"), error_text(exc))

        publish_calendar(shell, folder, done, failed)

    def export_calendar(self) -> None:
        """Write every planned follow-up to an ``.ics`` file the user picks."""
        if self._shell is not None:
            choose_calendar_export(self._shell, self)
