"""Reminders on time with a fixed clock: the check timer, notifications, the lists, snoozing."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.followup_time import Snooze
from desktop_crm.domain.vocab import FollowUpStatus
from desktop_crm.services.followups.dto import FollowUpDraft
from desktop_crm.services.workspace.handle import Workspace, create_workspace, open_workspace
from tests import drafts
from tests.ui.conftest import open_and_wait
from ui.followups.complete_dialog import CompleteDialog
from ui.reminders.notifier import Notification
from ui.reminders.scheduler import ReminderScheduler

SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 11, 23)
NEVER_MS = 10**8  # the timer never fires by itself: tests fire it


class FakeTray(QObject):
    """The tray icon's part the app uses (offscreen Qt has no system tray)."""

    openRequested = Signal()
    todayRequested = Signal()
    planRequested = Signal()
    quitRequested = Signal()
    messageClicked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.messages: list[tuple[str, str]] = []
        self.hidden = False

    def set_count(self, count: int) -> None:
        self.count = count

    def show_message(self, title: str, body: str) -> None:
        self.messages.append((title, body))

    def hide(self) -> None:
        self.hidden = True


class RecordingNotifier:
    def __init__(self) -> None:
        self.shown: list[Notification] = []

    def notify(self, notification: Notification) -> None:
        self.shown.append(notification)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 11, 23, 9, 59, 40, tzinfo=SHANGHAI), "Asia/Shanghai")


@pytest.fixture
def path_and_person(tmp_path: Path, clock: FixedClock) -> tuple[Path, str]:
    path = tmp_path / "reminders.crm"
    ws = create_workspace(path, clock=clock)
    person = ws.people.save(drafts.person("王芳", phones=(("mobile", "13800138000"),))).ids[0]
    ws.close(backup_if_changed=False)
    return path, person


@pytest.fixture
def ws(path_and_person: tuple[Path, str], clock: FixedClock) -> Iterator[Workspace]:
    workspace = open_workspace(path_and_person[0], clock)
    yield workspace
    workspace.close(backup_if_changed=False)


def plan(ws: Workspace, person: str, subject: str, at: time | None, day: date = DAY) -> str:
    draft = FollowUpDraft(subject=subject, due_on=day, due_time=at, person_id=person)
    return ws.followups.plan(draft).ids[0]


def on_writer(qtbot: Any, worker: Any, fn: Callable[[], Any]) -> Any:
    """Run ``fn`` on the worker's writer (the workspace is the worker's) and wait for it."""
    box: list[Any] = []
    worker.submit(fn, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


class Recorder:
    """What a scheduler reported."""

    def __init__(self, scheduler: ReminderScheduler) -> None:
        self.away: list[list[Any]] = []
        self.due: list[list[Any]] = []
        self.counts: list[int] = []
        self.checks = 0
        scheduler.whileAway.connect(self.away.append)
        scheduler.remindersDue.connect(self.due.append)
        scheduler.dueCountChanged.connect(self.counts.append)
        scheduler.checked.connect(self._checked)

    def _checked(self) -> None:
        self.checks += 1


def tick(qtbot: Any, scheduler: ReminderScheduler, seen: Recorder) -> None:
    """Fire the check timer once and wait for that check to be delivered."""
    before = seen.checks
    scheduler.timer.timeout.emit()
    qtbot.waitUntil(lambda: seen.checks > before, timeout=10_000)


@pytest.fixture
def started(qtbot, worker, ws) -> Iterator[tuple[ReminderScheduler, Recorder]]:
    scheduler = ReminderScheduler(worker, ws, interval_ms=NEVER_MS)
    seen = Recorder(scheduler)
    yield scheduler, seen
    scheduler.stop()
    qtbot.waitUntil(lambda: worker.idle, timeout=10_000)


def start(qtbot: Any, scheduler: ReminderScheduler, seen: Recorder) -> None:
    scheduler.start()
    qtbot.waitUntil(lambda: seen.checks == 1, timeout=10_000)


def test_a_reminder_fires_at_the_first_check_after_its_moment_exactly_once(
    qtbot, worker, ws, clock, path_and_person, started
):
    scheduler, seen = started
    follow_up = plan(ws, path_and_person[1], "Call about the quote", time(10, 0))
    start(qtbot, scheduler, seen)  # 09:59:40
    tick(qtbot, scheduler, seen)
    assert seen.away == [] and seen.due == []
    clock.advance(timedelta(seconds=20))  # 10:00:00: its moment has come
    tick(qtbot, scheduler, seen)
    assert len(seen.due) == 1
    [reminder] = seen.due[0]
    assert reminder.follow_up.id == follow_up and reminder.follow_up.person == "王芳"
    assert reminder.moment == datetime(2026, 11, 23, 2, 0, tzinfo=ZoneInfo("UTC"))
    for _ in range(3):
        clock.advance(timedelta(seconds=20))
        tick(qtbot, scheduler, seen)
    assert len(seen.due) == 1  # once
    qtbot.waitUntil(lambda: worker.idle, timeout=10_000)
    assert on_writer(qtbot, worker, ws.reminders.due) == []  # marked as shown on the file
    assert seen.counts[-1] == 1  # due today: the badge


def test_a_snoozed_reminder_fires_again_at_its_snooze_moment(
    qtbot, worker, ws, clock, path_and_person, started
):
    scheduler, seen = started
    follow_up = plan(ws, path_and_person[1], "Send the contract", time(10, 0))
    clock.advance(timedelta(seconds=30))  # 10:00:10
    start(qtbot, scheduler, seen)
    assert [r.follow_up.id for r in seen.away[0]] == [follow_up]
    on_writer(qtbot, worker, lambda: ws.followups.snooze_for(follow_up, Snooze.MINUTES_15))
    clock.advance(timedelta(minutes=14, seconds=40))  # 10:14:50: not yet
    tick(qtbot, scheduler, seen)
    assert seen.due == []
    clock.advance(timedelta(seconds=20))  # 10:15:10
    tick(qtbot, scheduler, seen)
    assert [r.follow_up.id for r in seen.due[0]] == [follow_up]
    assert seen.due[0][0].moment == datetime(2026, 11, 23, 2, 15, 10, tzinfo=ZoneInfo("UTC"))
    clock.advance(timedelta(seconds=20))
    tick(qtbot, scheduler, seen)
    assert len(seen.due) == 1


def test_while_away_lists_what_fell_due_while_closed_once(
    qtbot, worker, ws, clock, path_and_person, started
):
    scheduler, seen = started
    person = path_and_person[1]
    early = plan(ws, person, "Call back at eight", time(8, 0))
    yesterday = plan(ws, person, "Yesterday's visit", None, DAY - timedelta(days=1))
    today = plan(ws, person, "Today's e-mail", None)  # all-day: reminds at 09:00 (morning)
    plan(ws, person, "Later today", time(11, 0))
    plan(ws, person, "Tomorrow", None, DAY + timedelta(days=1))
    start(qtbot, scheduler, seen)
    assert len(seen.away) == 1
    assert {r.follow_up.id for r in seen.away[0]} == {early, yesterday, today}
    assert seen.due == []
    tick(qtbot, scheduler, seen)
    assert len(seen.away) == 1 and seen.due == []  # not again this session
    qtbot.waitUntil(lambda: worker.idle, timeout=10_000)
    scheduler.stop()

    again = ReminderScheduler(worker, ws, interval_ms=NEVER_MS)  # the app started once more
    second = Recorder(again)
    start(qtbot, again, second)
    assert second.away == [] and second.due == []  # the marks are on the file
    assert second.counts == [4]  # overdue or due today: the badge
    again.stop()


def test_a_long_job_on_the_writer_does_not_delay_the_check(
    qtbot, worker, ws, clock, path_and_person, started
):
    scheduler, seen = started
    follow_up = plan(ws, path_and_person[1], "Call during the import", time(10, 0))
    start(qtbot, scheduler, seen)
    release = threading.Event()
    worker.submit(lambda: release.wait(30))  # an import holding the writer
    worker.read(lambda: release.wait(30))  # and a slow list page on the reader
    try:
        clock.advance(timedelta(seconds=30))
        tick(qtbot, scheduler, seen)
        assert [r.follow_up.id for r in seen.due[0]] == [follow_up]
        tick(qtbot, scheduler, seen)  # the mark waits for the writer; no second notification
        assert len(seen.due) == 1
    finally:
        release.set()
    qtbot.waitUntil(lambda: worker.idle, timeout=10_000)
    assert on_writer(qtbot, worker, ws.reminders.due) == []


def test_a_wake_from_sleep_checks_at_once(qtbot, worker, ws, clock, path_and_person):
    times = [(1_000.0, 50.0)]
    scheduler = ReminderScheduler(worker, ws, interval_ms=NEVER_MS, times=lambda: times[-1])
    seen = Recorder(scheduler)
    start(qtbot, scheduler, seen)
    plan(ws, path_and_person[1], "After the lid opens", time(10, 0))
    clock.advance(timedelta(hours=1))
    times.append((1_002.0, 52.0))  # two seconds later: no jump
    scheduler._beat()
    assert seen.checks == 1
    times.append((4_600.0, 54.0))  # an hour on the wall, two seconds awake: it slept
    scheduler._beat()
    qtbot.waitUntil(lambda: seen.checks == 2, timeout=10_000)
    assert len(seen.due) == 1
    scheduler.stop()
    qtbot.waitUntil(lambda: worker.idle, timeout=10_000)


# --- in the window ----------------------------------------------------------------------------


@pytest.fixture
def reminding(qtbot, window, clock, path_and_person) -> Iterator[tuple[Any, FakeTray]]:
    """The main window with reminders switched on (a fake tray), over the test's workspace."""
    tray = FakeTray()
    window.clock = clock
    window.reminders.interval_ms = NEVER_MS
    window.reminders.enable(tray)
    yield window, tray
    window.reminders.stop()


def test_the_window_shows_while_away_then_notifies_and_snoozes(
    qtbot, reminding, clock, path_and_person
):
    window, tray = reminding
    path, person = path_and_person
    ws = open_workspace(path, clock)
    away = plan(ws, person, "Missed call", time(8, 30))
    first = plan(ws, person, "Call 王芳 about the quote", time(10, 0))
    second = plan(ws, person, "Confirm the visit", time(10, 0))
    ws.close(backup_if_changed=False)

    open_and_wait(qtbot, window, path)
    qtbot.waitUntil(lambda: window.reminders.while_away is not None, timeout=10_000)
    dialog = window.reminders.while_away
    assert dialog.isVisible() and dialog.reminders.ids() == [away]
    assert "Missed call" in dialog.reminders.list.topLevelItem(0).text(0)
    assert dialog.reminders.list.topLevelItem(0).text(1) == "王芳"
    assert dialog.reminders.list.topLevelItem(0).text(2) == "Today 08:30"
    assert tray.messages == []  # while away is a list, not a notification each
    assert tray.count == 3 and window.sidebar.badge("today") == 3

    clock.advance(timedelta(seconds=30))
    scheduler = window.reminders.scheduler
    with qtbot.waitSignal(scheduler.checked, timeout=10_000):
        scheduler.timer.timeout.emit()
    assert tray.messages == [
        ("2 follow-ups are due", "Call 王芳 about the quote · 王芳\nConfirm the visit · 王芳")
    ]
    reminder_window = window.reminders.window
    assert reminder_window.isVisible()
    assert set(reminder_window.reminders.ids()) == {first, second}

    # Snooze one from the reminder window; it leaves the window and reminds again in an hour.
    reminder_window.reminders.select(first)
    snooze = {a.data(): a for a in reminder_window.reminders.snooze_menu.actions()}
    snooze[Snooze.HOUR.value].trigger()
    assert reminder_window.reminders.ids() == [second]
    qtbot.waitUntil(lambda: window.worker.idle, timeout=10_000)
    snoozed = []
    window.worker.read(lambda: window.workspace.reads.followups.get(first), snoozed.append)
    qtbot.waitUntil(lambda: bool(snoozed), timeout=10_000)
    assert snoozed[0].remind_at == datetime(2026, 11, 23, 3, 0, 10, tzinfo=ZoneInfo("UTC"))
    assert "Snooze follow-up" in window.undo_action.text()

    # Complete the other: the follow-up dialogs ask how it went; logged, done, window hidden.
    reminder_window.reminders.complete_button.click()
    [asked] = [w for w in QApplication.topLevelWidgets() if isinstance(w, CompleteDialog)]
    assert asked.row.id == second and reminder_window.isVisible()  # until it is completed
    asked.outcome.setPlainText("She confirmed Tuesday")
    asked.plan_next.setChecked(False)
    asked.accept()
    assert not reminder_window.isVisible()
    qtbot.waitUntil(lambda: window.worker.idle, timeout=10_000)
    done = []
    window.worker.read(lambda: window.workspace.reads.followups.get(second), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert done[0].status is FollowUpStatus.DONE and done[0].outcome == "She confirmed Tuesday"
    qtbot.waitUntil(lambda: tray.count == 2, timeout=10_000)  # the badges follow the change
    assert window.sidebar.badge("today") == 2

    clock.advance(timedelta(hours=1))
    with qtbot.waitSignal(scheduler.checked, timeout=10_000):
        scheduler.timer.timeout.emit()
    assert tray.messages[-1][0] == "Call 王芳 about the quote"  # one: its own words
    assert tray.messages[-1][1].startswith("王芳 · Today 10:00")


def test_clicking_a_notification_opens_the_follow_up_at_today(
    qtbot, reminding, clock, path_and_person
):
    window, tray = reminding
    path, person = path_and_person
    ws = open_workspace(path, clock)
    follow_up = plan(ws, person, "Call about the invoice", time(10, 0))
    ws.close(backup_if_changed=False)
    open_and_wait(qtbot, window, path)
    window.show_view("contacts")
    clock.advance(timedelta(seconds=30))
    scheduler = window.reminders.scheduler
    with qtbot.waitSignal(scheduler.checked, timeout=10_000):
        scheduler.timer.timeout.emit()
    assert len(tray.messages) == 1
    with qtbot.waitSignal(window.reminders.openFollowUp) as opened:
        tray.messageClicked.emit()
    assert opened.args == [follow_up]
    assert window.current_view() == "today"
    # The follow-up dialogs show it (read on the reader first).
    qtbot.waitUntil(lambda: _plan_dialogs(window) != [], timeout=10_000)
    [shown] = _plan_dialogs(window)
    assert shown.follow_up_id == follow_up
    shown.close()

    tray.planRequested.emit()  # the tray's "Plan follow-up…": a new one
    qtbot.waitUntil(lambda: any(d.follow_up_id is None for d in _plan_dialogs(window)))
    for dialog in _plan_dialogs(window):
        dialog.close()


def _plan_dialogs(window: Any) -> list[Any]:
    from ui.followups.plan_dialog import PlanDialog

    return [d for d in window.findChildren(PlanDialog) if d.isVisible()]


def test_nothing_is_checked_unless_switched_on(qtbot, window, clock, path_and_person):
    path, person = path_and_person
    ws = open_workspace(path, clock)
    plan(ws, person, "Overdue", time(8, 0))
    ws.close(backup_if_changed=False)
    window.clock = clock
    open_and_wait(qtbot, window, path)  # as in the other UI tests and --screenshot
    assert window.reminders.scheduler is None and window.reminders.while_away is None
    check = open_workspace  # the file still holds the reminder unmarked
    window.close()
    qtbot.waitUntil(lambda: window.workspace is None and window.worker.idle, timeout=20_000)
    reopened = check(path, clock)
    try:
        assert len(reopened.reminders.due()) == 1
    finally:
        reopened.close(backup_if_changed=False)


def test_leads_return_to_the_pool_at_start_as_one_undoable_operation(
    qtbot, reminding, clock, tmp_path
):
    from desktop_crm.domain.vocab import ContactStatus

    window, _tray = reminding
    path = tmp_path / "pool.crm"
    ws = create_workspace(path, clock=clock)
    ws.settings.update({"pool.rules": [{"status": "customer", "days": 3}]})
    held = ws.people.save(drafts.person("老客户", status=ContactStatus.CUSTOMER)).ids[0]
    ws.pool.release("person", held)
    ws.pool.claim("person", held)  # claimed at the test's clock
    ws.close(backup_if_changed=False)
    clock.advance(timedelta(days=4))  # nobody called for four days: it goes back at start
    open_and_wait(qtbot, window, path)
    qtbot.waitUntil(lambda: "returned to the pool" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage().startswith("1 ")
    assert "to the pool" in window.undo_action.text()
    found = []
    window.worker.read(lambda: window.workspace.reads.pool.records(), found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=10_000)
    assert held in {r.id for r in found[0]}


def test_logging_out_ends_the_app_even_when_it_keeps_running_in_the_tray(
    qtbot, reminding, path_and_person
):
    window, _tray = reminding
    window.reminders.started_in_tray = True
    open_and_wait(qtbot, window, path_and_person[0])
    window.close()
    assert window.workspace is not None  # hidden in the tray
    window.session_ending()
    window.close()
    qtbot.waitUntil(lambda: window.workspace is None and window.worker.idle, timeout=20_000)
