"""The tray: the due-count badges, closing to the tray, Quit, the Reminders preferences."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.vocab import ActivityKind, FollowUpStatus
from desktop_crm.services.followups.dto import FollowUpRow, Reminder
from tests.ui.conftest import open_and_wait
from tests.ui.test_reminders import NEVER_MS, FakeTray
from ui.app import parse_args
from ui.icons import icon
from ui.reminders import autostart
from ui.reminders.badges import badge_icon, badge_text
from ui.reminders.notifier import notification_for, when_text
from ui.reminders.preferences import KEEP_IN_TRAY, ReminderPreferences

SHANGHAI = ZoneInfo("Asia/Shanghai")
UTC = ZoneInfo("UTC")


def _reddish(image: QImage, x: int, y: int) -> bool:
    colour = image.pixelColor(x, y)
    return colour.red() > 180 and colour.green() < 90 and colour.blue() < 90


def test_the_tray_icon_carries_the_count_in_a_red_disc():
    base = icon("app")
    assert badge_icon(base, 0) is base
    for size in (16, 32, 64):
        image = badge_icon(base, 5).pixmap(QSize(size, size)).toImage()
        plain = base.pixmap(QSize(size, size)).toImage()
        # Lower right: the disc; upper left: the app's own icon, untouched.
        assert _reddish(image, size - max(2, size // 8), size - size // 4)
        assert image.pixelColor(1, 1) == plain.pixelColor(1, 1)
    assert badge_text(7) == "7" and badge_text(100) == "99+"


@pytest.mark.qt_log_ignore("systemTrayWindowChanged")  # offscreen Qt has no tray to watch
def test_the_tray_menu_and_badge(qtbot):
    from ui.reminders.tray import AppTray

    tray = AppTray()
    try:
        titles = [a.text() for a in tray.menu.actions() if not a.isSeparator()]
        assert titles == ["Open Desktop CRM", "Today", "Plan follow-up…", "Quit"]
        for action, signal in zip(
            [a for a in tray.menu.actions() if not a.isSeparator()],
            (tray.openRequested, tray.todayRequested, tray.planRequested, tray.quitRequested),
            strict=True,
        ):
            with qtbot.waitSignal(signal, timeout=1000):
                action.trigger()
        tray.set_count(4)
        assert tray.count == 4 and "4 follow-ups due" in tray.icon.toolTip()
        size = QSize(32, 32)
        assert _reddish(tray.icon.icon().pixmap(size).toImage(), 28, 24)
        tray.set_count(0)
        assert not _reddish(tray.icon.icon().pixmap(size).toImage(), 28, 24)
    finally:
        tray.hide()


def test_the_sidebar_paints_the_due_count_beside_today(qtbot, window):
    window.resize(1000, 640)
    window.sidebar.set_badge("today", 12)
    assert window.sidebar.badge("today") == 12 and window.sidebar.badge("contacts") == 0
    row = window.sidebar.visualItemRect(window.sidebar.item(0))
    image = window.sidebar.viewport().grab().toImage()
    y = row.center().y()
    right = [x for x in range(row.left(), row.right()) if _reddish(image, x, y)]
    assert right and min(right) > row.left() + row.width() // 2  # a pill at the right end
    window.sidebar.set_badge("today", 0)
    image = window.sidebar.viewport().grab().toImage()
    assert not any(_reddish(image, x, y) for x in range(row.left(), row.right()))


def _row(subject: str, due_at: datetime | None, zone: str | None, due_on: date) -> FollowUpRow:
    return FollowUpRow(
        id=subject,
        subject=subject,
        kind=ActivityKind.CALL,
        status=FollowUpStatus.PLANNED,
        due_on=due_on,
        due_at=due_at,
        zone=zone,
        overdue=False,
        person="王芳",
    )


def test_notifications_say_one_or_group_several():
    now = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    nine = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai
    rows = [_row(f"Call {n}", nine, "Asia/Shanghai", date(2026, 11, 23)) for n in range(5)]
    reminders = [Reminder(r, f"at:{n}", now) for n, r in enumerate(rows)]
    one = notification_for(reminders[:1], now, SHANGHAI)
    assert (one.title, one.body, one.follow_up_id) == ("Call 0", "王芳 · Today 09:00", "Call 0")
    several = notification_for(reminders, now, SHANGHAI)
    assert several.title == "5 follow-ups are due" and several.follow_up_id == ""
    assert several.body == "Call 0 · 王芳\nCall 1 · 王芳\nCall 2 · 王芳\nand 2 more"


def test_a_call_planned_in_shanghai_shows_both_times_in_berlin():
    """After the flight: the reminder keeps its moment; the planned wall time is named too."""
    clock = FixedClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC), "Europe/Berlin")
    nine = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai, 02:00 in Berlin
    row = _row("Call", nine, "Asia/Shanghai", date(2026, 11, 23))
    assert when_text(row, clock.now(), clock.zone()) == "Today 02:00 (09:00 Shanghai)"
    all_day = _row("Visit", None, None, date(2026, 11, 20))
    assert when_text(all_day, clock.now(), clock.zone()) == "2026-11-20"


# --- closing to the tray ----------------------------------------------------------------------


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 23, 9, 0, tzinfo=SHANGHAI), "Asia/Shanghai")


def test_closing_keeps_running_in_the_tray_and_quit_quits(
    qtbot, window, workspace, clock, monkeypatch
):
    path = workspace.path
    workspace.close(backup_if_changed=False)
    tray = FakeTray()
    window.clock = clock
    window.reminders.interval_ms = NEVER_MS
    window.reminders.enable(tray)
    window.settings.setValue(KEEP_IN_TRAY, True)
    open_and_wait(qtbot, window, path)
    assert window.reminders.keeps_running()

    window.close()
    assert not window.isVisible()
    assert window.workspace is not None and window.reminders.scheduler is not None  # still on
    tray.openRequested.emit()
    assert window.isVisible() and window.workspace is not None
    tray.todayRequested.emit()
    assert window.current_view() == "today"

    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    window.hide()
    tray.quitRequested.emit()
    qtbot.waitUntil(lambda: window.workspace is None and window.worker.idle, timeout=20_000)
    qtbot.waitUntil(lambda: bool(quits), timeout=5_000)
    assert tray.hidden and window.reminders.scheduler is None


def test_without_the_setting_or_a_tray_closing_closes(qtbot, window, workspace, clock):
    path = workspace.path
    workspace.close(backup_if_changed=False)
    window.clock = clock
    window.reminders.enable(None)  # this desktop has no tray
    window.settings.setValue(KEEP_IN_TRAY, True)
    open_and_wait(qtbot, window, path)
    assert not window.reminders.keeps_running()
    window.close()
    qtbot.waitUntil(lambda: window.workspace is None and window.worker.idle, timeout=20_000)
    assert not window.isVisible()

    window.reminders.enable(FakeTray())
    window.settings.setValue(KEEP_IN_TRAY, False)
    assert not window.reminders.keeps_running()
    window.reminders.started_in_tray = True  # started at login with --tray: it stays
    assert window.reminders.keeps_running()


def test_tray_flag_is_parsed():
    assert parse_args(["--tray"]).tray is True
    assert parse_args([]).tray is False


def test_reminder_preferences_write_and_remove_the_login_entry(qtbot, qt_settings, user_config_dir):
    entry = user_config_dir / "autostart" / autostart.DESKTOP_FILE
    group = ReminderPreferences(True)
    qtbot.addWidget(group)
    group.load(qt_settings)
    assert not group.keep.isChecked() and not group.at_login.isChecked()
    group.keep.setChecked(True)
    group.at_login.setChecked(True)
    assert group.save(qt_settings) == ""
    assert qt_settings.value(KEEP_IN_TRAY, type=bool) is True
    assert entry.exists() and "--tray" in entry.read_text(encoding="utf-8")
    reloaded = ReminderPreferences(True)
    qtbot.addWidget(reloaded)
    reloaded.load(qt_settings)
    assert reloaded.keep.isChecked() and reloaded.at_login.isChecked()
    reloaded.at_login.setChecked(False)
    assert reloaded.save(qt_settings) == ""
    assert not entry.exists()


def test_the_settings_dialog_has_the_reminders_group(
    qtbot, window, workspace, monkeypatch, user_config_dir
):
    from ui.workspace_settings.settings_dialog import SettingsDialog

    path = workspace.path
    workspace.close(backup_if_changed=False)
    open_and_wait(qtbot, window, path)
    seen = []

    def fake_exec(dialog):
        [group] = dialog.findChildren(ReminderPreferences)
        seen.append(group.title())
        group.keep.setChecked(True)
        group.at_login.setChecked(True)
        dialog.accept()
        return SettingsDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    window.screens["settings"].preferences_action.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen == ["Reminders"]
    assert window.settings.value(KEEP_IN_TRAY, type=bool) is True
    assert (user_config_dir / "autostart" / autostart.DESKTOP_FILE).exists()
    qtbot.waitUntil(lambda: window.worker.idle, timeout=10_000)
    assert "Change settings" not in window.undo_action.text()  # nothing of the workspace's


def test_a_past_due_plan_made_in_the_app_reminds_at_once(qtbot, window, clock, tmp_path):
    """A follow-up planned for an hour ago reminds at the check its change triggers."""
    from desktop_crm.services.followups.dto import FollowUpDraft
    from desktop_crm.services.workspace.handle import create_workspace
    from tests import drafts

    path = tmp_path / "late.crm"
    ws = create_workspace(path, clock=clock)
    person = ws.people.save(drafts.person("李雷")).ids[0]
    ws.close(backup_if_changed=False)
    tray = FakeTray()
    window.clock = clock
    window.reminders.interval_ms = NEVER_MS
    window.reminders.enable(tray)
    open_and_wait(qtbot, window, path)
    assert window.reminders.while_away is None and tray.count == 0  # nothing was due
    draft = FollowUpDraft("Forgot to call", date(2026, 11, 23), time(8, 0), person_id=person)
    window.mutate(lambda w: w.followups.plan(draft), "Planned.")
    qtbot.waitUntil(lambda: len(tray.messages) == 1, timeout=10_000)
    assert tray.messages[0][0] == "Forgot to call"
    assert tray.count == 1 and window.sidebar.badge("today") == 1
