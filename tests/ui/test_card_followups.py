"""A card's follow-ups: the section, logging that completes the ticked due ones, the pool button."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.repeat import Repeat
from desktop_crm.domain.vocab import FollowUpStatus
from desktop_crm.services.followups.dto import FollowUpDraft
from desktop_crm.services.workspace.handle import create_workspace
from tests import drafts
from tests.ui.conftest import open_and_wait
from ui.followups.card_section import DONE, OVERDUE
from ui.followups.plan_dialog import PlanDialog

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=SHANGHAI)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW, "Asia/Shanghai")


@pytest.fixture
def opened(qtbot, window, tmp_path: Path, clock: FixedClock):
    """王芳 with an overdue call, one due at 09:00 today, a weekly one next week, one done."""
    path = tmp_path / "card.crm"
    ws = create_workspace(path, clock=clock)
    wang = ws.people.save(drafts.person("王芳", phones=(("mobile", "13800138000"),))).ids[0]
    ids = {"wang": wang}
    for key, draft in (
        ("overdue", FollowUpDraft("Send the price list", date(2026, 11, 20), person_id=wang)),
        (
            "today",
            FollowUpDraft("Confirm the order", date(2026, 11, 23), time(9, 0), person_id=wang),
        ),
        (
            "weekly",
            FollowUpDraft(
                "Weekly check-in",
                date(2026, 11, 30),
                person_id=wang,
                repeat=Repeat("weeks").rule(date(2026, 11, 30)),
            ),
        ),
        ("done", FollowUpDraft("First call", date(2026, 11, 19), person_id=wang)),
    ):
        ids[key] = ws.followups.plan(draft).ids[0]
    ws.followups.complete(ids["done"], "Interested")
    ws.close(backup_if_changed=False)
    window.clock = clock
    open_and_wait(qtbot, window, path)
    return window, ids


def open_card(qtbot, window, person_id: str):
    card = window.open_card("person", person_id)
    qtbot.waitUntil(
        lambda: (
            card.card is not None
            and card.follow_ups is not None
            and card.follow_ups.list.topLevelItemCount() > 0
            and window.worker.idle
        ),
        timeout=10_000,
    )
    return card


def status_of(window, follow_up_id: str) -> str:
    return window.workspace.followups.get(follow_up_id).status


def test_the_card_lists_planned_follow_ups_then_done_ones(qtbot, opened):
    window, ids = opened
    card = open_card(qtbot, window, ids["wang"])
    section = card.follow_ups
    items = [section.list.topLevelItem(i) for i in range(section.list.topLevelItemCount())]
    texts = [(i.text(0), i.text(1), i.text(2)) for i in items]
    assert texts == [
        ("2026-11-20", "Call: Send the price list", ""),
        ("2026-11-23 09:00", "Call: Confirm the order", ""),
        ("2026-11-30", "Call: Weekly check-in", "↻ Every week"),
        ("2026-11-19", "Call: First call", "Done"),
    ]
    colours = [i.foreground(1).color() for i in items]
    assert colours[0] == OVERDUE and colours[1] == OVERDUE  # 09:00 has passed at 10:00
    assert colours[2] != OVERDUE and colours[3] == DONE
    # Buttons act on the selection; a done one can only be opened.
    section.list.setCurrentItem(items[3])
    assert not section.complete_button.isEnabled() and section.edit_button.isEnabled()
    assert section.edit_button.text() == "Open…"
    section.list.setCurrentItem(items[0])
    assert section.complete_button.isEnabled() and section.snooze_button.menu() is not None
    # Plan follow-up… starts with this contact.
    section.plan_button.click()
    [dialog] = [d for d in window.findChildren(PlanDialog) if d.isVisible()]
    assert dialog.contact.chosen is not None and dialog.contact.chosen.id == ids["wang"]
    assert dialog.contact.text() == "王芳"


def test_completing_from_the_card_refreshes_it(qtbot, opened):
    window, ids = opened
    card = open_card(qtbot, window, ids["wang"])
    section = card.follow_ups
    assert section.select(ids["overdue"])
    section.complete_button.click()
    from ui.followups.complete_dialog import CompleteDialog

    [dialog] = [d for d in window.findChildren(CompleteDialog) if d.isVisible()]
    dialog.plan_next.setChecked(False)
    dialog.outcome.setPlainText("Sent by email")
    dialog.accept()
    qtbot.waitUntil(
        lambda: (
            window.worker.idle and section.list.topLevelItem(0).text(1) == "Call: Confirm the order"
        ),
        timeout=10_000,
    )
    assert status_of(window, ids["overdue"]) == FollowUpStatus.DONE
    titles = [
        card.timeline.topLevelItem(i).text(1) for i in range(card.timeline.topLevelItemCount())
    ]
    assert "Call: Send the price list" in titles


def test_logging_a_call_offers_the_due_follow_ups_and_completes_only_the_ticked(qtbot, opened):
    window, ids = opened
    card = open_card(qtbot, window, ids["wang"])
    card.log_buttons["call"].click()
    qtbot.waitUntil(lambda: len(card.due_follow_ups) == 2, timeout=10_000)
    card.log_subject.setText("Talked about the order")
    card.save_log.click()
    dialog = card.completes_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.list.count() == 2
    assert [dialog.list.item(i).checkState() for i in range(2)] == [Qt.CheckState.Checked] * 2
    # Cancel: nothing saved, the form keeps what was typed.
    dialog.reject()
    qtbot.waitUntil(lambda: window.worker.idle)
    assert card.log_form.isVisible() and card.log_subject.text() == "Talked about the order"
    assert status_of(window, ids["overdue"]) == FollowUpStatus.PLANNED
    card.save_log.click()
    dialog = card.completes_dialog
    assert dialog is not None
    first = dialog.list.item(0)
    assert "Send the price list" in first.text()
    first.setCheckState(Qt.CheckState.Unchecked)  # the price list is still to send
    dialog.accept()
    qtbot.waitUntil(
        lambda: window.worker.idle and status_of(window, ids["today"]) == "done", timeout=10_000
    )
    assert status_of(window, ids["overdue"]) == FollowUpStatus.PLANNED
    assert status_of(window, ids["weekly"]) == FollowUpStatus.PLANNED
    done = window.workspace.followups.get(ids["today"])
    activity = [
        i
        for i in window.workspace.cards.card("person", ids["wang"]).timeline
        if i.kind == "activity" and i.title == "Talked about the order"
    ]
    assert len(activity) == 1 and done.done_at == activity[0].at
    assert "Log call with 王芳" in window.undo_action.text()  # one operation


def test_claim_and_release_from_the_card(qtbot, opened):
    window, ids = opened
    card = open_card(qtbot, window, ids["wang"])
    button = card.pool_button
    assert button is not None and button.isVisible()
    assert button.text() == "Release to the pool"  # the editor made it the local user's
    button.click()
    qtbot.waitUntil(lambda: window.worker.idle and button.text() == "Claim", timeout=10_000)
    assert card.card is not None and card.card.owner_id is None
    button.click()
    qtbot.waitUntil(
        lambda: window.worker.idle and button.text() == "Release to the pool", timeout=10_000
    )
    assert card.card is not None and card.card.owner_id is not None
    titles = [
        card.timeline.topLevelItem(i).text(1) for i in range(card.timeline.topLevelItemCount())
    ]
    assert "Claimed from the pool" in titles
    assert "Released to the pool" in titles
    assert "Claim 王芳" in window.undo_action.text()


def test_releasing_someone_elses_record_asks_first(qtbot, opened, monkeypatch):
    from desktop_crm.services.contacts.users import add_users
    from desktop_crm.store.models import Person

    window, ids = opened
    ws = window.workspace
    with ws.store.unit_of_work("test: another salesperson") as (session, rec):
        other = add_users(session, rec, ["李销售"])["李销售"]
        person = session.get(Person, ids["wang"])
        assert person is not None
        person.owner_id = other
    card = open_card(qtbot, window, ids["wang"])
    button = card.pool_button
    assert button is not None
    qtbot.waitUntil(lambda: "李销售" in button.toolTip())
    asked: list[str] = []

    def answer(reply):
        def question(_parent, _title, text, *_rest):
            asked.append(text)
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    button.click()
    assert asked == ["王芳 is held by 李销售. Release it to the pool anyway?"]
    assert window.worker.idle and ws.cards.card("person", ids["wang"]).owner_id == other
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    button.click()
    qtbot.waitUntil(lambda: window.worker.idle and button.text() == "Claim", timeout=10_000)
    assert ws.cards.card("person", ids["wang"]).owner_id is None
    # Claimed back, it is ours: released without a question.
    button.click()
    qtbot.waitUntil(lambda: window.worker.idle and button.text() != "Claim", timeout=10_000)
    assert "Held by" not in button.toolTip()
    asked.clear()
    button.click()
    qtbot.waitUntil(lambda: window.worker.idle and button.text() == "Claim", timeout=10_000)
    assert asked == []


def test_ctrl_shift_f_on_a_card_plans_for_its_contact(qtbot, opened):
    window, ids = opened
    card = open_card(qtbot, window, ids["wang"])
    card.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is card)
    qtbot.keyClick(
        card,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(PlanDialog)))
    [dialog] = [d for d in window.findChildren(PlanDialog) if d.isVisible()]
    assert dialog.contact.chosen is not None and dialog.contact.chosen.id == ids["wang"]
    assert dialog.parent() is card
    # Escape closes it and, with no modifier held, leaves Qt's keyboard state clean (a stuck
    # Ctrl+Shift made the next test's selectRow toggle instead of select).
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    card.close()
