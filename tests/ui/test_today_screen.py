"""The Today screen on a real workspace with a fixed clock: sections, rows acting in place.

The clock stands on Monday 4 March 2030, 10:00 in Shanghai (years after the records were made,
so their creation never counts as a recent contact).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.followup_time import moment_of
from desktop_crm.domain.vocab import ActivityKind, ContactStatus, FollowUpStatus, Level
from desktop_crm.services.followups.dto import FollowUpDraft
from desktop_crm.services.workspace.handle import create_workspace
from tests import drafts
from tests.ui.conftest import open_and_wait
from ui.followups.complete_dialog import CompleteDialog
from ui.followups.plan_dialog import PlanDialog
from ui.today.today_rows import TodayRow
from ui.today.today_screen import TodayScreen

ZONE = "Asia/Shanghai"
MONDAY = date(2030, 3, 4)


def at(day: date, hour: int, minute: int = 0) -> Any:
    return moment_of(day, time(hour, minute), ZoneInfo(ZONE))


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(at(MONDAY, 10), ZONE)


@pytest.fixture
def ids(tmp_path: Path, clock: FixedClock) -> dict[str, Any]:
    """A workspace with a row for most sections; its path and the ids of what is in it."""
    path = tmp_path / "today.crm"
    ws = create_workspace(path, clock=clock)
    try:
        me = ws.store.actor_id

        def person(name: str, phone: str = "", **fields: Any) -> str:
            phones = (("mobile", phone),) if phone else ()
            return ws.people.save(drafts.person(name, phones=phones, **fields)).ids[0]

        def plan(subject: str, day: date, wall: time | None, who: str) -> str:
            draft = FollowUpDraft(subject=subject, due_on=day, due_time=wall, person_id=who)
            return ws.followups.plan(draft).ids[0]

        wang = person("王芳", "13800138000")
        li = person("Li Lei", "13900139000", status=ContactStatus.CUSTOMER, level=Level.B)
        han = person("Han Meimei", status=ContactStatus.CUSTOMER, level=Level.C, owner_id=me)
        zhang = person("Zhang Wei", "13700137000", birthday=date(1990, 3, 6))
        ws.cards.log_activity(
            "person",
            li,
            ActivityKind.CALL,
            "hello",
            occurred_at=at(MONDAY - timedelta(days=23), 11),
        )
        ws.cards.log_activity(
            "person", han, ActivityKind.CALL, "hi", occurred_at=at(MONDAY - timedelta(days=28), 11)
        )
        ws.settings.update({"pool.rules": [{"level": "C", "days": 30}], "pool.warn_days": 3})
        # A deal made now, years before the clock: long past its stage's rotting days.
        sheet = tmp_path / "deals.csv"
        sheet.write_text(
            "Deal,Company,Amount,Currency,Stage\nWebsite,Harbor Studio,73500,USD,Proposal sent\n",
            encoding="utf-8",
        )
        assert ws.imports.import_file(sheet, entity="deals", today=MONDAY).failed == 0
        found = {
            "path": path,
            "wang": wang,
            "li": li,
            "han": han,
            "zhang": zhang,
            "late": plan("Call back", MONDAY - timedelta(days=1), time(9), wang),
            "quote": plan("Send quote", MONDAY, time(14, 30), wang),
            "visit": plan("Visit the plant", MONDAY + timedelta(days=2), None, wang),
            "later": plan("Check in", MONDAY + timedelta(days=3), time(11), wang),
        }
    finally:
        ws.close(backup_if_changed=False)
    return found


@pytest.fixture
def today(qtbot: Any, window: Any, ids: dict[str, Any], clock: FixedClock) -> TodayScreen:
    window.clock = clock
    open_and_wait(qtbot, window, ids["path"])
    screen: TodayScreen = window.screens["today"]
    window.show_view("today")
    qtbot.waitUntil(lambda: bool(screen.view.rows("overdue")), timeout=10_000)
    return screen


def subjects(screen: TodayScreen, section: str) -> list[str]:
    return [row.what for row in screen.view.rows(section)]  # type: ignore[arg-type]


def row_of(screen: TodayScreen, section: str, what: str) -> TodayRow:
    (row,) = [r for r in screen.view.rows(section) if r.what == what]  # type: ignore[arg-type]
    return row


def on_writer(qtbot: Any, window: Any, fn: Callable[[Any], Any]) -> Any:
    """Run ``fn(workspace)`` on the worker's writer and wait for its answer."""
    box: list[Any] = []
    ws = window.workspace
    window.worker.submit(lambda: fn(ws), box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


def settle(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: window.worker.idle, timeout=10_000)
    qtbot.wait(20)
    qtbot.waitUntil(lambda: window.worker.idle, timeout=10_000)


def button_point(screen: TodayScreen, row: TodayRow, code: str) -> QPoint:
    """Where ``code``'s button of ``row`` stands (it shows on the selected row)."""
    tree = screen.view.list
    assert screen.view.select(row.key)
    index = tree.today_model.find(row.key)
    tree.scrollTo(index)
    (rect,) = [r for a, r in tree.buttons(index) if a.code == code]
    return rect.center()


# --- sections and rows ------------------------------------------------------------------------


def test_rows_appear_in_their_sections_at_the_clocks_moment(today: TodayScreen) -> None:
    view = today.view
    assert subjects(today, "overdue") == ["Call back"]
    assert subjects(today, "due_today") == ["Send quote"]
    assert subjects(today, "next_7_days") == ["Visit the plant", "Check in"]
    late = row_of(today, "overdue", "Call back")
    assert late.when == "Yesterday 09:00" and late.late
    assert re.fullmatch(r"1 days? overdue", late.note)
    assert late.who == "王芳" and late.phone == "13800138000"
    assert row_of(today, "due_today", "Send quote").when == "14:30"
    assert not row_of(today, "due_today", "Send quote").late
    assert row_of(today, "next_7_days", "Visit the plant").when == "Wed 6 Mar"
    assert row_of(today, "next_7_days", "Check in").when == "Thu 7 Mar 11:00"
    (stale,) = view.rows("stale_customers")
    assert (stale.what, stale.note) == ("Li Lei", "waited 23 days (limit 14)")
    assert stale.when == "Sat 9 Feb" and stale.who == "Level B"
    (pool,) = view.rows("returning_to_pool")
    assert (pool.what, pool.note, pool.when) == ("Han Meimei", "returns in 2 days", "Wed 6 Mar")
    (deal,) = view.rows("stale_deals")
    assert deal.what.endswith(" · Website") and deal.who == "Harbor Studio · $73,500"
    assert re.fullmatch(r"\d+ days in Proposal sent \(rots after 21\)", deal.note) and deal.late
    (birthday,) = view.rows("birthdays")
    assert (birthday.what, birthday.when, birthday.note) == ("Zhang Wei", "Wed 6 Mar", "turns 40")
    # Headings in order, with their counts; empty ones folded, saying so.
    model = view.model
    headings = [model.data(model.index(n, 0)) for n in range(model.rowCount())]
    assert headings == [
        "Overdue (1)",
        "Due today (1)",
        "Next 7 days (2)",
        "Stale customers (1)",
        "Stale deals (1)",
        "Returning to the pool soon (1)",
        "Overdue payments (0) — No payment is overdue",
        "Birthdays this week (1)",
    ]
    tree = view.list
    assert tree.isExpanded(model.section_index("overdue"))
    assert not model.hasChildren(model.section_index("overdue_instalments"))
    assert not tree.isExpanded(model.section_index("overdue_instalments"))
    # Overdue rows are red where they say when and how late.
    index = model.find(late.key)
    assert model.data(index.siblingAtColumn(0), Qt.ItemDataRole.ForegroundRole) is not None


def test_the_minute_timer_moves_a_row_from_due_today_to_overdue(
    qtbot: Any, window: Any, today: TodayScreen, clock: FixedClock
) -> None:
    assert today.minute_timer.isActive() and today.minute_timer.interval() == 60_000
    clock.advance(timedelta(hours=4, minutes=29))  # 14:29: not yet
    today.minute_timer.timeout.emit()
    settle(qtbot, window)
    assert subjects(today, "due_today") == ["Send quote"]
    clock.advance(timedelta(minutes=1))  # 14:30: due now
    today.minute_timer.timeout.emit()
    qtbot.waitUntil(lambda: "Send quote" in subjects(today, "overdue"), timeout=10_000)
    assert subjects(today, "due_today") == []
    assert row_of(today, "overdue", "Send quote").note == "Overdue"
    assert row_of(today, "overdue", "Send quote").late


def test_the_turn_of_the_day_moves_rows_on(
    qtbot: Any, window: Any, today: TodayScreen, clock: FixedClock
) -> None:
    clock.advance(timedelta(days=2, hours=1))  # Wednesday 11:00
    today.minute_timer.timeout.emit()
    qtbot.waitUntil(lambda: subjects(today, "due_today") == ["Visit the plant"], timeout=10_000)
    assert row_of(today, "overdue", "Call back").when == "Sun 3 Mar 09:00"
    assert re.fullmatch(r"3 days? overdue", row_of(today, "overdue", "Call back").note)
    assert [r.note for r in today.view.rows("birthdays")] == ["turns 40"]
    assert today.view.rows("birthdays")[0].when == "Today"


def test_after_a_flight_times_show_in_the_new_zone_with_the_planned_one_beside(
    qtbot: Any, window: Any, today: TodayScreen, clock: FixedClock
) -> None:
    clock.travel("Europe/Berlin")  # Monday 03:00 there; the call keeps its moment
    today.minute_timer.timeout.emit()
    qtbot.waitUntil(
        lambda: row_of(today, "due_today", "Send quote").when == "07:30 (14:30 Shanghai)",
        timeout=10_000,
    )
    assert row_of(today, "overdue", "Call back").when == "Yesterday 02:00 (09:00 Shanghai)"


# --- acting on rows -----------------------------------------------------------------------------


def test_complete_from_a_row(
    qtbot: Any, window: Any, today: TodayScreen, ids: dict[str, Any]
) -> None:
    row = row_of(today, "due_today", "Send quote")
    tree = today.view.list
    tree.setFocus()
    point = button_point(today, row, "complete")
    QTest.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
    )
    dialog = today.row_actions.dialog
    assert isinstance(dialog, CompleteDialog) and dialog.row.id == ids["quote"]
    dialog.outcome.setPlainText("They want the quote by Friday")
    dialog.plan_next.setChecked(False)
    dialog.accept()
    qtbot.waitUntil(lambda: subjects(today, "due_today") == [], timeout=10_000)
    done = on_writer(qtbot, window, lambda ws: ws.followups.get(ids["quote"]))
    assert done.status == FollowUpStatus.DONE and done.outcome == "They want the quote by Friday"
    card = on_writer(qtbot, window, lambda ws: ws.cards.card("person", ids["wang"]))
    assert any(
        item.title == "Send quote" and "They want the quote by Friday" in item.detail
        for item in card.timeline
    )


def test_space_completes_the_selected_follow_up_and_the_next_row_takes_the_selection(
    qtbot: Any, window: Any, today: TodayScreen, ids: dict[str, Any]
) -> None:
    first = row_of(today, "next_7_days", "Visit the plant")
    tree = today.view.list
    tree.setFocus()
    assert today.view.select(first.key)
    QTest.keyClick(tree, Qt.Key.Key_Space)
    dialog = today.row_actions.dialog
    assert isinstance(dialog, CompleteDialog) and dialog.row.id == ids["visit"]
    dialog.plan_next.setChecked(False)
    dialog.accept()
    qtbot.waitUntil(lambda: subjects(today, "next_7_days") == ["Check in"], timeout=10_000)
    selected = today.view.selected_row()
    assert selected is not None and selected.what == "Check in"


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # offscreen
def test_snooze_from_the_rows_menu(
    qtbot: Any, window: Any, today: TodayScreen, ids: dict[str, Any], clock: FixedClock
) -> None:
    row = row_of(today, "overdue", "Call back")
    tree = today.view.list
    point = button_point(today, row, "snooze")
    QTest.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
    )
    menu = today.row_actions.menu
    assert isinstance(menu, QMenu)
    (hour,) = [a for a in menu.actions() if a.data() == "1h"]
    hour.trigger()
    menu.close()
    settle(qtbot, window)
    snoozed = on_writer(qtbot, window, lambda ws: ws.followups.get(ids["late"]))
    assert snoozed.remind_at == clock.now() + timedelta(hours=1)
    # Snoozing moves the reminder, not the due time: the row stays overdue, and says it.
    assert subjects(today, "overdue") == ["Call back"]
    again = (clock.now() + timedelta(hours=1)).astimezone(clock.zone()).strftime("%H:%M")
    qtbot.waitUntil(
        lambda: f"snoozed until {again}" in row_of(today, "overdue", "Call back").note,
        timeout=10_000,
    )


def test_the_context_menu_offers_every_action_of_the_row(qtbot: Any, today: TodayScreen) -> None:
    menu = today.row_actions.context_menu(row_of(today, "overdue", "Call back"), today.view.list)
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names == ["complete", "reschedule", "open_card", "copy_phone", "call", "edit", "cancel"]
    assert [a.menu().title() for a in menu.actions() if a.menu()] == ["Snooze"]
    stale = today.view.rows("stale_customers")[0]
    menu = today.row_actions.context_menu(stale, today.view.list)
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names == ["log_call", "plan", "open_card", "copy_phone", "call"]


def test_open_card_from_a_follow_up_and_enter_on_a_stale_customer(
    qtbot: Any, window: Any, today: TodayScreen, ids: dict[str, Any]
) -> None:
    tree = today.view.list
    row = row_of(today, "overdue", "Call back")
    point = button_point(today, row, "open_card")
    QTest.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
    )
    assert [c.record_id for c in window.contacts.cards] == [ids["wang"]]
    tree.setFocus()
    assert today.view.select(today.view.rows("stale_customers")[0].key)
    QTest.keyClick(tree, Qt.Key.Key_Return)
    assert [c.record_id for c in window.contacts.cards] == [ids["wang"], ids["li"]]
    for card in list(window.contacts.cards):
        card.close()


def test_enter_on_a_stale_deal_opens_the_deal(qtbot: Any, window: Any, today: TodayScreen) -> None:
    from ui.deals.deal_dialog import DealDialog

    tree = today.view.list
    tree.setFocus()
    (deal,) = today.view.rows("stale_deals")
    assert today.view.select(deal.key)
    QTest.keyClick(tree, Qt.Key.Key_Return)
    (dialog,) = window.findChildren(DealDialog)
    assert dialog.deal_id == deal.id and dialog.isVisible()
    qtbot.waitUntil(lambda: window.worker.idle, timeout=10_000)
    dialog.close()


def test_log_a_call_opens_the_card_ready_to_log(
    qtbot: Any, window: Any, today: TodayScreen, ids: dict[str, Any]
) -> None:
    stale = today.view.rows("stale_customers")[0]
    today.row_actions.run("log_call", stale)
    (card,) = window.contacts.cards
    assert card.record_id == ids["li"]
    assert card.log_form.isVisible()
    card.close()


def test_plan_a_follow_up_for_a_stale_customer_is_prefilled(
    qtbot: Any, window: Any, today: TodayScreen, ids: dict[str, Any]
) -> None:
    today.row_actions.run("plan", today.view.rows("stale_customers")[0])
    dialog = today.row_actions.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: window.worker.idle, timeout=10_000)  # it reads its choices
    assert isinstance(dialog, PlanDialog)
    draft = dialog.draft()
    assert (draft.person_id, draft.company_id, draft.due_on, draft.kind) == (
        ids["li"],
        None,
        MONDAY,
        ActivityKind.CALL,
    )
    dialog.close()


def test_ctrl_c_copies_the_phone(qtbot: Any, today: TodayScreen) -> None:
    tree = today.view.list
    tree.setFocus()
    QGuiApplication.clipboard().clear()
    assert today.view.select(today.view.rows("birthdays")[0].key)
    QTest.keyClick(tree, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "13700137000"
    assert today.view.select(row_of(today, "overdue", "Call back").key)
    QTest.keyClick(tree, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "13800138000"


# --- reloads --------------------------------------------------------------------------------------


def test_selection_scroll_and_folds_survive_a_reload(
    qtbot: Any, window: Any, today: TodayScreen, ids: dict[str, Any]
) -> None:
    view, tree = today.view, today.view.list
    window.resize(window.width(), 600)
    tree.toggle(view.model.section_index("birthdays"))  # folded by the user

    # Enough rows to scroll.
    def many(ws: Any) -> Any:
        for n in range(40):
            draft = FollowUpDraft(
                f"Call {n:02}", MONDAY + timedelta(days=4), time(9, n), person_id=ids["li"]
            )
            result = ws.followups.plan(draft)
        return result

    window.apply_changes(on_writer(qtbot, window, many))
    qtbot.waitUntil(lambda: len(view.rows("next_7_days")) == 42, timeout=10_000)
    chosen = row_of(today, "next_7_days", "Call 30")
    assert view.select(chosen.key)
    tree.scrollTo(view.model.find(chosen.key))
    scroll = tree.verticalScrollBar().value()
    assert scroll > 0
    # A change Today watches (another follow-up planned elsewhere) reloads the lists.
    window.mutate(
        lambda ws: ws.followups.plan(FollowUpDraft("Fresh", MONDAY, time(18), person_id=ids["li"])),
        "planned",
    )
    qtbot.waitUntil(lambda: "Fresh" in subjects(today, "due_today"), timeout=10_000)
    assert view.selected_row() is not None and view.selected_row().key == chosen.key
    assert tree.verticalScrollBar().value() == scroll
    assert not tree.isExpanded(view.model.section_index("birthdays"))
    assert window.settings.value("today/folded") in ("birthdays", ["birthdays"])


def test_changes_today_does_not_watch_do_not_reload_it(today: TodayScreen) -> None:
    from desktop_crm.services.common.dto import ChangeResult

    assert {"follow_ups", "stages", "activities", "people"} <= today.watches
    assert not today.watching(ChangeResult(None, entities=frozenset({"products"})))
    assert today.watching(ChangeResult(None, entities=frozenset({"follow_ups"})))


def test_buttons_show_on_the_selected_row_only(qtbot: Any, today: TodayScreen) -> None:
    tree = today.view.list
    row = row_of(today, "overdue", "Call back")
    other = row_of(today, "due_today", "Send quote")
    assert today.view.select(row.key)
    index, elsewhere = tree.today_model.find(row.key), tree.today_model.find(other.key)
    assert [a.code for a, _r in tree.buttons(index)] == [
        "complete",
        "reschedule",
        "snooze",
        "open_card",
        "copy_phone",
        "call",
    ]
    point = next(r for a, r in tree.buttons(index) if a.code == "complete").center()
    assert tree.button_at(point) is not None
    # Not hovered nor selected: its buttons are not there to click.
    point = next(r for a, r in tree.buttons(elsewhere) if a.code == "complete").center()
    QTest.mouseMove(tree.viewport(), QPoint(1, 1))
    assert tree.button_at(point) is None
    image = tree.viewport().grab()
    assert not image.isNull()


def test_an_empty_workspace_keeps_the_start_panel(
    qtbot: Any, window: Any, tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "empty.crm"
    create_workspace(path, clock=clock).close(backup_if_changed=False)
    window.clock = clock
    open_and_wait(qtbot, window, path)
    screen: TodayScreen = window.screens["today"]
    qtbot.waitUntil(lambda: screen.start_panel.isVisibleTo(screen), timeout=10_000)
    assert not screen.view.list.isVisibleTo(screen)
    assert [s.total for s in screen.view.model.sections] == [0] * 8
    assert QApplication.activePopupWidget() is None
