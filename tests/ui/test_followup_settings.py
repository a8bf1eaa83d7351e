"""Settings → Follow-ups over a real workspace: saved as one operation, bad rules refused,
the calendar file kept up to date, and File > Export > Calendar writing a parseable .ics."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_crm.domain.clock import FixedClock
from desktop_crm.services.followups.dto import FollowUpDraft
from desktop_crm.services.workspace.handle import create_workspace
from tests import drafts
from tests.ui.conftest import open_and_wait
from ui.workspace_settings.settings_dialog import SettingsDialog

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def clock() -> FixedClock:
    day = datetime.now(SHANGHAI).date()
    return FixedClock(datetime(day.year, day.month, day.day, 12, tzinfo=SHANGHAI), "Asia/Shanghai")


@pytest.fixture
def planned_path(tmp_path: Path, clock: FixedClock) -> Path:
    """A workspace with two planned follow-ups: a timed call and a weekly all-day visit."""
    path = tmp_path / "calendar.crm"
    ws = create_workspace(path, "en", clock)
    try:
        pid = ws.people.save(drafts.person("王芳")).ids[0]
        today = clock.now().astimezone(SHANGHAI).date()
        ws.followups.plan(
            FollowUpDraft("Send the quote", today + timedelta(days=2), time(10, 30), person_id=pid)
        )
        ws.followups.plan(
            FollowUpDraft("Visit the plant", today + timedelta(days=3), person_id=pid,
                          repeat="FREQ=WEEKLY")
        )  # fmt: skip
    finally:
        ws.close(backup_if_changed=False)
    return path


def tab_of(dialog: SettingsDialog):
    return dialog.followups


def test_the_tab_shows_the_settings_and_returns_only_what_changed(qtbot, workspace):
    dialog = SettingsDialog(workspace.settings.all(), "")
    qtbot.addWidget(dialog)
    tab = tab_of(dialog)
    assert {lv: box.value() for lv, box in tab.level_days.items()} == {"A": 7, "B": 14, "C": 30}
    assert tab.plain_days.value() == 30 and tab.morning.time() == QTime(9, 0)
    assert tab.rules.rowCount() == 0 and tab.cap.text() == "No limit"
    assert dialog.workspace_values() == {}  # nothing changed: nothing saved
    assert not tab.publish_check.isEnabled()  # no window attached: no calendar file to keep

    tab.level_days["A"].setValue(5)
    tab.morning.setTime(QTime(8, 30))
    row = tab.add_rule()
    assert tab.rule_keys()[row] == ("level", "A")
    second = tab.add_rule()
    tab._cell(second, 0).setCurrentIndex(1)  # a status rule
    status = tab._cell(second, 1)
    status.setCurrentIndex(status.findData("lead"))
    tab.rules.cellWidget(second, 2).setValue(60)
    tab.cap.setValue(25)
    assert dialog.workspace_values() == {
        "followup.stale_days_by_level": {"A": 5, "B": 14, "C": 30},
        "reminders.morning": "08:30",
        "pool.rules": [{"level": "A", "days": 30}, {"status": "lead", "days": 60}],
        "pool.cap": 25,
    }


def test_two_rules_naming_the_same_level_are_refused_with_a_message(qtbot, workspace, monkeypatch):
    dialog = SettingsDialog(workspace.settings.all(), "")
    qtbot.addWidget(dialog)
    tab = tab_of(dialog)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: said.append(text))
    tab.add_rule({"level": "B", "days": 10})
    tab.add_rule({"level": "B", "days": 40})
    dialog.show()
    dialog.accept()
    assert said == [
        "Two return rules name “Level B”: only the first would ever apply. Change or remove "
        "one of them."
    ]
    assert dialog.isVisible() and dialog.result() != SettingsDialog.DialogCode.Accepted
    tab.rules.selectRow(1)
    tab.remove_rule()
    dialog.accept()
    assert len(said) == 1 and dialog.result() == SettingsDialog.DialogCode.Accepted
    assert dialog.workspace_values() == {"pool.rules": [{"level": "B", "days": 10}]}


def test_the_tab_saves_its_settings_as_one_undoable_operation(
    qtbot, window, planned_path, clock, monkeypatch
):
    window.clock = clock
    open_and_wait(qtbot, window, planned_path)

    def fake_exec(dialog):
        tab = dialog.followups
        tab.level_days["C"].setValue(45)
        tab.plain_days.setValue(20)
        tab.morning.setTime(QTime(7, 45))
        tab.add_rule({"status": "prospect", "days": 21})
        tab.warn_days.setValue(5)
        tab.cap.setValue(3)
        return SettingsDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    window.screens["settings"].preferences_action.trigger()
    qtbot.waitUntil(lambda: window.worker.idle and "Change settings" in window.undo_action.text())
    ws = window.workspace
    saved = {
        key: ws.settings.get(key)
        for key in (
            "followup.stale_days_by_level",
            "followup.stale_days",
            "reminders.morning",
            "pool.rules",
            "pool.warn_days",
            "pool.cap",
        )
    }
    assert saved == {
        "followup.stale_days_by_level": {"A": 7, "B": 14, "C": 45},
        "followup.stale_days": 20,
        "reminders.morning": "07:45",
        "pool.rules": [{"status": "prospect", "days": 21}],
        "pool.warn_days": 5,
        "pool.cap": 3,
    }
    window.undo_action.trigger()  # one undo takes every one of them back
    qtbot.waitUntil(lambda: window.worker.idle and window.redo_action.isEnabled())
    assert ws.settings.get("followup.stale_days") == 30
    assert ws.settings.get("reminders.morning") == "09:00"
    assert ws.settings.get("pool.rules") == [] and ws.settings.get("pool.cap") == 0


def test_file_export_calendar_writes_a_parseable_ics(qtbot, window, planned_path, clock, tmp_path,
                                                     monkeypatch):  # fmt: skip
    window.clock = clock
    open_and_wait(qtbot, window, planned_path)
    target = tmp_path / "out" / "plans"  # no suffix: .ics is added
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    action = next(
        a
        for a in window.findChildren(type(window.undo_action))
        if a.text().replace("&", "") == "Calendar (.ics)…"
    )
    action.trigger()
    qtbot.waitUntil(lambda: window.worker.idle and "Wrote 2 events" in status_of(window))
    written = target.with_name("plans.ics")
    assert "plans.ics" in status_of(window)
    calendar = Calendar.from_ical(written.read_bytes())
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Call: Send the quote — 王芳", "Call: Visit the plant — 王芳"}
    timed = events["Call: Send the quote — 王芳"].decoded("DTSTART")
    today = clock.now().astimezone(SHANGHAI).date()
    assert timed == datetime.combine(today + timedelta(days=2), time(10, 30), SHANGHAI)
    weekly = events["Call: Visit the plant — 王芳"]
    assert weekly.decoded("DTSTART") == today + timedelta(days=3)  # all day: a date
    assert weekly["RRULE"]["FREQ"] == ["WEEKLY"]


def test_the_calendar_file_is_kept_in_a_chosen_folder_and_stopped(
    qtbot, window, planned_path, clock, tmp_path, monkeypatch
):
    window.clock = clock
    open_and_wait(qtbot, window, planned_path)
    folder = tmp_path / "Dropbox"
    folder.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder))
    )
    dialog = SettingsDialog(window.workspace.settings.all(), "", window)
    qtbot.addWidget(dialog)
    tab = dialog.followups
    tab.attach(window)
    qtbot.waitUntil(lambda: window.worker.idle and tab.publish_check.isEnabled())
    assert not tab.publish_check.isChecked() and tab.publish_path.text() == "No file kept."

    tab.publish_check.setChecked(True)
    kept = folder / "calendar-follow-ups.ics"
    qtbot.waitUntil(lambda: window.worker.idle and kept.exists() and tab.publish_check.isEnabled())
    assert tab.publish_path.text() == f"File: {kept}"
    assert len(Calendar.from_ical(kept.read_bytes()).walk("VEVENT")) == 2
    assert window.workspace.calendar.published().path == kept
    assert "holds 2 events" in status_of(window)

    # A change that shows in the calendar rewrites the file a moment later.
    today = clock.now().astimezone(SHANGHAI).date()
    pid = window.workspace.followups.between(today, today + timedelta(days=7))[0].person_id
    due = today + timedelta(days=5)
    window.mutate(
        lambda ws: ws.followups.plan(FollowUpDraft("Ring back", due, person_id=pid)), "Planned."
    )
    qtbot.waitUntil(lambda: b"Ring back" in kept.read_bytes(), timeout=5000)
    assert len(Calendar.from_ical(kept.read_bytes()).walk("VEVENT")) == 3

    again = SettingsDialog(window.workspace.settings.all(), "", window)  # the choice shows
    qtbot.addWidget(again)
    again.followups.attach(window)
    qtbot.waitUntil(lambda: window.worker.idle and again.followups.publish_check.isChecked())

    tab.publish_check.setChecked(False)
    qtbot.waitUntil(lambda: window.worker.idle and tab.publish_path.text() == "No file kept.")
    assert window.workspace.calendar.published() is None
    assert kept.exists()  # stopping keeps the last file; it is only no longer rewritten


def status_of(window) -> str:
    return window.statusBar().currentMessage()


def test_a_folder_that_cannot_be_written_says_why(qtbot, window, planned_path, clock, tmp_path,
                                                   monkeypatch):  # fmt: skip
    window.clock = clock
    open_and_wait(qtbot, window, planned_path)
    gone = tmp_path / "unplugged-drive"  # never made: the folder is missing
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(gone))
    )
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: said.append(text))
    dialog = SettingsDialog(window.workspace.settings.all(), "", window)
    qtbot.addWidget(dialog)
    dialog.followups.attach(window)
    qtbot.waitUntil(lambda: window.worker.idle and dialog.followups.publish_check.isEnabled())
    dialog.followups.publish_check.setChecked(True)
    qtbot.waitUntil(lambda: bool(said) and window.worker.idle)
    assert "does not exist" in said[0]
    assert not dialog.followups.publish_check.isChecked()
    assert window.workspace.calendar.published() is None


def test_a_kept_file_whose_folder_went_away_is_said_in_the_status_bar(
    qtbot, window, planned_path, clock, tmp_path
):
    window.clock = clock
    open_and_wait(qtbot, window, planned_path)
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    ws = window.workspace
    ws.calendar.publish_to(folder / "plans.ics")
    (folder / "plans.ics").unlink()
    folder.rmdir()  # the stick was pulled out
    today = clock.now().astimezone(SHANGHAI).date()
    pid = ws.followups.between(today, today + timedelta(days=7))[0].person_id
    window.mutate(
        lambda w: w.followups.plan(FollowUpDraft("Ring back", today, person_id=pid)), "Planned."
    )
    qtbot.waitUntil(
        lambda: status_of(window).startswith("The calendar file was not updated:"), timeout=5000
    )
    assert "does not exist" in status_of(window)
    assert ws.calendar.published() is not None  # the choice is kept for when it is back
