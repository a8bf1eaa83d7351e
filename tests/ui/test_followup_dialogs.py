"""Planning and acting on follow-ups through the dialogs, on real workspace files, fixed clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.followup_time import Snooze
from desktop_crm.domain.repeat import Repeat
from desktop_crm.domain.vocab import ActivityKind, FollowUpStatus
from desktop_crm.services.followups.dto import FollowUpDraft
from desktop_crm.services.workspace.handle import create_workspace
from tests import drafts
from tests.ui.conftest import open_and_wait
from ui.followups import follow_up_actions
from ui.followups.plan_dialog import Linked, PlanDialog
from ui.followups.texts import due_text, repeat_summary

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=SHANGHAI)  # a Monday, 10:00 in Shanghai


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW, "Asia/Shanghai")


@pytest.fixture
def opened(qtbot, window, tmp_path: Path, clock: FixedClock):
    path = tmp_path / "followups.crm"
    ws = create_workspace(path, clock=clock)
    company = ws.people.save_company(drafts.company("远山设计")).ids[0]
    wang = ws.people.save(
        drafts.person("王芳", company_id=company, phones=(("mobile", "+86 138-0013-8000"),))
    ).ids[0]
    li = ws.people.save(drafts.person("李雷")).ids[0]
    ws.close(backup_if_changed=False)
    window.clock = clock
    open_and_wait(qtbot, window, path)
    return window, {"company": company, "wang": wang, "li": li}


def plan(qtbot, window, draft: FollowUpDraft) -> str:
    """Plan through the service on the worker (a row to act on); its id."""
    found: list[str] = []
    window.worker.submit(
        lambda: window.workspace.followups.plan(draft), lambda r: found.extend(r.ids)
    )
    qtbot.waitUntil(lambda: window.worker.idle and bool(found), timeout=10_000)
    return found[0]


def row_of(window, follow_up_id: str):
    return window.workspace.followups.get(follow_up_id)


def test_plan_a_timed_repeating_follow_up_through_the_dialog(qtbot, opened):
    window, ids = opened
    actions = follow_up_actions(window)
    assert follow_up_actions(window) is actions  # one per window
    dialog = actions.plan(
        FollowUpDraft(subject="", due_on=date(2026, 11, 24), person_id=ids["wang"]),
        linked=Linked(person="王芳"),
    )
    assert isinstance(dialog, PlanDialog)
    assert dialog.contact.chosen is not None and dialog.contact.text() == "王芳"
    dialog.kind.setCurrentIndex(dialog.kind.findData("meeting"))
    dialog.subject.setText("Show the new samples")
    dialog.due.date_edit.setDate(QDate(2026, 11, 26))
    dialog.due.at_time.setChecked(True)
    dialog.due.time_edit.setTime(QTime(14, 30))
    dialog.repeat.mode.setCurrentIndex(dialog.repeat.mode.findData("weeks"))
    dialog.repeat.every.setValue(2)
    # The summary is what the service will plan: every other Thursday from the 26th.
    assert dialog.repeat.summary.text() == "Every 2 weeks, then on 2026-12-10, 2026-12-24"
    assert not dialog.due.zone_label.isVisible()  # planned here: no other zone to show
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.result_change is not None and window.worker.idle, timeout=10_000)
    [row] = window.workspace.followups.of_contact("person", ids["wang"])
    assert row.subject == "Show the new samples"
    assert row.kind == ActivityKind.MEETING
    assert row.due_on == date(2026, 11, 26)
    assert row.due_at == datetime(2026, 11, 26, 6, 30, tzinfo=UTC)  # 14:30 Shanghai
    assert row.repeat == "FREQ=WEEKLY;INTERVAL=2"
    assert row.company_id == ids["company"]  # the person's company, filled by the service
    assert "Plan follow-up Show the new samples" in window.undo_action.text()


def test_plan_dialog_shows_problems_inline_and_keeps_what_was_typed(qtbot, opened):
    window, _ids = opened
    dialog = follow_up_actions(window).plan()
    assert dialog is not None
    dialog.subject.setText("Call about the invoice")
    dialog.notes.setPlainText("Ask for Ms Wang")
    dialog.save()  # nobody chosen
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=10_000)
    assert "person, a company or a deal" in dialog.problem.text()
    assert dialog.isVisible()
    assert dialog.subject.text() == "Call about the invoice"
    assert dialog.notes.toPlainText() == "Ask for Ms Wang"
    assert window.workspace.followups.between(None, None) == []


def test_edit_keeps_the_zone_it_was_planned_in_and_says_what_it_is_here(qtbot, opened, clock):
    window, ids = opened
    fid = plan(
        qtbot,
        window,
        FollowUpDraft(
            subject="Call Shanghai",
            due_on=date(2026, 11, 25),
            due_time=time(9, 0),
            person_id=ids["wang"],
        ),
    )
    clock.travel("Europe/Berlin")  # the laptop flew to Berlin
    row = row_of(window, fid)
    assert due_text(row, clock.zone()) == "2026-11-25 02:00 (09:00 Asia/Shanghai)"
    dialog = follow_up_actions(window).edit_row(row)
    assert dialog is not None
    assert dialog.due.time_edit.time() == QTime(9, 0)
    assert dialog.due.zone_label.text() == "09:00 Asia/Shanghai = 02:00 here"
    dialog.subject.setText("Call Shanghai office")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result_change is not None and window.worker.idle, timeout=10_000)
    edited = row_of(window, fid)
    assert edited.subject == "Call Shanghai office"
    assert edited.zone == "Asia/Shanghai" and edited.due_at == row.due_at


def test_editing_the_day_of_a_weekly_series_moves_that_one_only(qtbot, opened):
    from PySide6.QtCore import QDate

    window, ids = opened
    fid = plan(
        qtbot,
        window,
        FollowUpDraft(
            subject="Weekly call", due_on=date(2026, 11, 30), person_id=ids["wang"], repeat="每周一"
        ),
    )
    rule = row_of(window, fid).repeat
    dialog = follow_up_actions(window).edit_row(row_of(window, fid))
    assert dialog is not None and not dialog.series_note.isVisibleTo(dialog)
    dialog.due.date_edit.setDate(QDate(2026, 12, 2))  # the Wednesday
    assert dialog.series_note.isVisibleTo(dialog)
    assert dialog.repeat.rule() == rule  # still Mondays
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result_change is not None and window.worker.idle, timeout=10_000)
    moved = row_of(window, fid)
    assert (moved.due_on, moved.series_day, moved.repeat) == (
        date(2026, 12, 2),
        date(2026, 11, 30),
        rule,
    )


def test_complete_with_an_outcome_logs_it_and_offers_the_next(qtbot, opened):
    window, ids = opened
    fid = plan(
        qtbot,
        window,
        FollowUpDraft(subject="Price follow-up", due_on=date(2026, 11, 23), person_id=ids["wang"]),
    )
    actions = follow_up_actions(window)
    dialog = actions.complete(row_of(window, fid))
    assert dialog is not None and dialog.plan_next.isChecked()
    dialog.outcome.setPlainText("Agreed on 5% off")
    dialog.accept()
    qtbot.waitUntil(
        lambda: window.worker.idle and bool(window.findChildren(PlanDialog)), timeout=10_000
    )
    done = row_of(window, fid)
    assert done.status == FollowUpStatus.DONE and done.outcome == "Agreed on 5% off"
    card = window.workspace.cards.card("person", ids["wang"])
    logged = [i for i in card.timeline if i.kind == "activity"]
    assert [(i.subkind, i.title, i.detail) for i in logged] == [
        ("call", "Price follow-up", "Agreed on 5% off")
    ]
    # The next one is offered, prefilled from this one, a week on.
    [offered] = [d for d in window.findChildren(PlanDialog) if d.isVisible()]
    assert offered.follow_up_id is None
    assert offered.contact.chosen is not None and offered.contact.chosen.id == ids["wang"]
    assert offered.subject.text() == "Price follow-up"
    assert offered.due.day() == date(2026, 11, 30)
    offered.save()
    qtbot.waitUntil(lambda: offered.result_change is not None and window.worker.idle)
    planned = window.workspace.followups.between(None, None)
    assert [(r.subject, r.due_on) for r in planned] == [("Price follow-up", date(2026, 11, 30))]


def test_completing_a_repeat_plans_its_next_without_asking(qtbot, opened):
    window, ids = opened
    fid = plan(
        qtbot,
        window,
        FollowUpDraft(
            subject="Weekly check-in",
            due_on=date(2026, 11, 23),
            person_id=ids["li"],
            repeat=Repeat("weeks").rule(date(2026, 11, 23)),
        ),
    )
    dialog = follow_up_actions(window).complete(row_of(window, fid))
    assert dialog is not None
    assert not dialog.wants_next() and dialog.plan_next.isHidden()
    assert "Every week" in dialog.repeat_note.text()
    dialog.accept()
    qtbot.waitUntil(lambda: window.worker.idle and row_of(window, fid).status == "done")
    assert not [d for d in window.findChildren(PlanDialog) if d.isVisible()]
    [nxt] = window.workspace.followups.between(None, None)
    assert nxt.due_on == date(2026, 11, 30)
    assert "2026-11-30" in window.statusBar().currentMessage()


def test_snooze_from_the_menu_sets_when_it_reminds(qtbot, opened, clock):
    window, ids = opened
    fid = plan(
        qtbot,
        window,
        FollowUpDraft(subject="Call back", due_on=date(2026, 11, 23), person_id=ids["li"]),
    )
    menu = follow_up_actions(window).snooze_menu(row_of(window, fid))
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["15 minutes", "1 hour", "Tomorrow morning", "Next week", "Pick a time…"]
    [tomorrow] = [a for a in menu.actions() if a.data() == Snooze.TOMORROW_MORNING.value]
    tomorrow.trigger()
    qtbot.waitUntil(lambda: window.worker.idle and row_of(window, fid).remind_at is not None)
    # 09:00 (the morning setting) of the next day in Shanghai.
    assert row_of(window, fid).remind_at == datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
    assert row_of(window, fid).due_on == date(2026, 11, 23)  # when it is due did not move
    # Pick a time: the moment typed is local.
    picker = follow_up_actions(window).snooze(row_of(window, fid))
    assert picker is not None
    picker.moment.setDateTime(picker.moment.dateTime().addSecs(3600))
    assert picker.until() == clock.now() + timedelta(hours=3)
    picker.accept()
    qtbot.waitUntil(
        lambda: (
            window.worker.idle
            and row_of(window, fid).remind_at == datetime(2026, 11, 23, 5, 0, tzinfo=UTC)
        )
    )


def test_reschedule_and_cancel(qtbot, opened, monkeypatch):
    window, ids = opened
    fid = plan(
        qtbot,
        window,
        FollowUpDraft(subject="Send samples", due_on=date(2026, 11, 23), person_id=ids["wang"]),
    )
    actions = follow_up_actions(window)
    dialog = actions.reschedule(row_of(window, fid))
    assert dialog is not None
    dialog.due.date_edit.setDate(QDate(2026, 11, 27))
    dialog.due.at_time.setChecked(True)
    dialog.due.time_edit.setTime(QTime(16, 0))
    dialog.accept()
    qtbot.waitUntil(lambda: window.worker.idle and row_of(window, fid).due_on == date(2026, 11, 27))
    assert row_of(window, fid).due_at == datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
    # Cancelling asks first; "No" leaves it planned.
    monkeypatch.setattr(actions, "confirm", lambda *_a: False)
    actions.cancel(row_of(window, fid))
    qtbot.waitUntil(lambda: window.worker.idle)
    assert row_of(window, fid).status == FollowUpStatus.PLANNED
    monkeypatch.setattr(actions, "confirm", lambda *_a: True)
    actions.cancel(row_of(window, fid))
    qtbot.waitUntil(lambda: window.worker.idle and row_of(window, fid).status == "cancelled")
    assert "Cancel follow-up Send samples" in window.undo_action.text()


def test_copy_and_call_the_phone(qtbot, opened, monkeypatch):
    window, ids = opened
    fid = plan(
        qtbot,
        window,
        FollowUpDraft(subject="Ring", due_on=date(2026, 11, 24), person_id=ids["wang"]),
    )
    row = row_of(window, fid)
    actions = follow_up_actions(window)
    actions.copy_phone(row)
    assert QApplication.clipboard().text() == "+86 138-0013-8000"
    opened_urls: list[str] = []
    monkeypatch.setattr(
        "ui.followups.actions.QDesktopServices.openUrl",
        lambda url: opened_urls.append(url.toString()),
    )
    actions.call_phone(row)
    assert opened_urls == ["tel:+8613800138000"]
    menu = actions.context_menu(
        row_of(
            window,
            plan(
                qtbot,
                window,
                FollowUpDraft(subject="No phone", due_on=date(2026, 11, 24), person_id=ids["li"]),
            ),
        )
    )
    [call] = [a for a in menu.actions() if a.text() == "Call"]
    assert not call.isEnabled()


def test_ctrl_shift_f_with_two_selected_contacts_plans_two(qtbot, opened):
    window, _ids = opened
    window.show_view("contacts")
    view = window.contacts_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 2 and view.model.record(1) is not None)
    view.table.selectAll()
    assert window.plan_follow_up_action.shortcut().toString() == "Ctrl+Shift+F"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(
        view.table,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(PlanDialog)))
    [dialog] = [d for d in window.findChildren(PlanDialog) if d.isVisible()]
    assert sorted(hit.title for hit in dialog.targets) == ["李雷", "王芳"]
    assert dialog.contact.isHidden() and "2 contacts" in dialog.targets_label.text()
    dialog.subject.setText("Year-end greetings")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result_change is not None and window.worker.idle)
    planned = window.workspace.followups.between(None, None)
    assert sorted((r.person, r.subject) for r in planned) == [
        ("李雷", "Year-end greetings"),
        ("王芳", "Year-end greetings"),
    ]
    # One undo step for the lot, named in the Edit menu.
    assert window.workspace.history.next_undo().label == "Plan 2 follow-ups: Year-end greetings"


def test_the_deal_dialog_plans_a_follow_up_for_the_deal_and_its_customer(qtbot, window, demo_path):
    from desktop_crm.services.workspace.handle import open_workspace
    from ui.deals.deal_dialog import open_deal

    ws = open_workspace(demo_path)
    try:
        deal = ws.deals.summary(ws.quotes.get(ws.quotes.page()[0].id).draft.deal_id or "")
    finally:
        ws.close(backup_if_changed=False)
    open_and_wait(qtbot, window, demo_path)
    before = {r.id for r in window.workspace.followups.between(None, None)}
    deal_view = open_deal(window, deal.id)
    assert deal_view is not None
    qtbot.waitUntil(lambda: deal_view.plan_button.isEnabled(), timeout=10_000)
    deal_view.plan_button.click()
    [dialog] = [d for d in window.findChildren(PlanDialog) if d.isVisible()]
    assert dialog.deal.text() == deal.title
    assert dialog.contact.text() == (deal.person_name or deal.company_name)
    dialog.subject.setText("Confirm the delivery date")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result_change is not None and window.worker.idle)
    [row] = [r for r in window.workspace.followups.between(None, None) if r.id not in before]
    assert (row.subject, row.deal_id) == ("Confirm the delivery date", deal.id)
    assert (row.person_id, row.company_id) == (deal.person_id, deal.company_id)


def test_repeat_summary_names_the_next_days():
    assert repeat_summary(None, date(2026, 1, 31)) == "Does not repeat"
    # A monthly repeat from Jan 31 falls on the last day of shorter months.
    assert repeat_summary(Repeat("months"), date(2026, 1, 31)) == (
        "Every month, then on 2026-02-28, 2026-03-31"
    )
    assert repeat_summary(Repeat("weeks", 1, 0), date(2026, 11, 23)) == (
        "Every Monday, then on 2026-11-30, 2026-12-07"
    )
