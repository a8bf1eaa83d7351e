"""The deal editor, driven as a user would, on a real workspace file with a fixed clock."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.vocab import DealStatus
from desktop_crm.services.deals.dto import DealDraft
from desktop_crm.services.workspace.handle import create_workspace
from tests import drafts
from tests.ui.conftest import open_and_wait
from ui.deals.deal_dialog import open_deal
from ui.deals.deal_editor import DealEditor, open_deal_editor
from ui.deals.lost_reason import LostReasonDialog

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=SHANGHAI)


@pytest.fixture
def opened(qtbot, window, tmp_path: Path):
    clock = FixedClock(NOW, "Asia/Shanghai")
    path = tmp_path / "deals.crm"
    ws = create_workspace(path, clock=clock)
    company = ws.people.save_company(drafts.company("远山设计")).ids[0]
    wang = ws.people.save(drafts.person("王芳", company_id=company)).ids[0]
    deal = ws.deals.create(
        DealDraft(title="Office chairs", company_id=company, person_id=wang, amount=Decimal(8000))
    ).ids[0]
    ws.close(backup_if_changed=False)
    window.clock = clock
    open_and_wait(qtbot, window, path)
    return window, {"company": company, "wang": wang, "deal": deal}


def loaded(qtbot, editor: DealEditor) -> DealEditor:
    qtbot.waitUntil(lambda: editor.data is not None and editor.form.stage.count() > 0)
    qtbot.waitUntil(lambda: editor.form.contact.count() > 1 or not editor.form.contact.isEnabled())
    return editor


def stored(window, deal_id: str):
    return window.workspace.deals.summary(deal_id)


def test_a_new_deal_from_a_person_card_is_their_companys_and_shows_on_the_card(qtbot, opened):
    window, ids = opened
    card = window.open_card("person", ids["wang"])
    qtbot.waitUntil(lambda: card.card is not None and len(card.deals.deals) == 1)
    assert card.deals.new_button.isVisible()
    editor = loaded(qtbot, card.deals.new_deal())
    form = editor.form
    # The person's company is the customer, the person the contact there.
    assert form.customer.chosen is not None and form.customer.chosen.id == ids["company"]
    assert form.customer.text() == "远山设计"
    qtbot.waitUntil(lambda: form.contact.currentData() == ids["wang"])
    assert form.currency.currentText() == "CNY"  # the pipeline's (the workspace's) currency
    assert not editor.won_button.isVisible()  # nothing to win before it exists
    # The stage list starts at the first open stage and never offers the lost one.
    stages = [form.stage.itemText(i) for i in range(form.stage.count())]
    assert "%" in stages[0] and not any("lost" in text.lower() for text in stages)

    form.title.setText("会议桌 20 张")
    form.amount.setText("¥12,500.50")
    form.has_close.setChecked(True)
    form.close_on.setDate(QDate(2026, 12, 31))
    form.source.setText("referral")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.save()
    deal_id = editor.deal_id
    assert deal_id is not None
    deal = stored(window, deal_id)
    assert (deal.title, deal.amount, deal.currency) == ("会议桌 20 张", Decimal("12500.50"), "CNY")
    assert (deal.company_id, deal.person_id) == (ids["company"], ids["wang"])
    assert deal.expected_close == date(2026, 12, 31) and deal.source == "referral"
    assert deal.status is DealStatus.OPEN and deal.number
    qtbot.waitUntil(lambda: "Add deal" in window.undo_action.text(), timeout=5000)
    # The card's deals list reads again: the new deal is on it.
    qtbot.waitUntil(lambda: len(card.deals.deals) == 2, timeout=5000)
    assert card.deals.deals[0].id == deal_id


def test_problems_show_in_the_editor_and_nothing_typed_is_lost(qtbot, opened):
    window, ids = opened
    editor = loaded(qtbot, open_deal_editor(window, company_id=ids["company"]))
    editor.form.title.setText("Lamps")
    editor.form.amount.setText("twelve")
    editor.save()
    assert editor.problem.isVisible() and "twelve" in editor.problem.text()
    assert editor.form.amount.styleSheet()  # marked
    editor.form.amount.setText("-5")
    editor.save()
    qtbot.waitUntil(lambda: window.worker.idle and editor.problem.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: "from 0" in editor.problem.text(), timeout=5000)
    assert editor.isVisible() and editor.form.title.text() == "Lamps"
    assert editor.form.amount.text() == "-5"
    assert len(window.workspace.deals.deals_of_customer(company_id=ids["company"])) == 1


def test_edit_the_amount_from_the_deal_view_then_undo(qtbot, opened):
    window, ids = opened
    view = open_deal(window, ids["deal"])
    qtbot.waitUntil(lambda: view.summary is not None and view.edit_button.isEnabled())
    editor = loaded(qtbot, view.edit())
    assert editor.form.amount.text() == "8000"
    assert editor.form.title.text() == "Office chairs"
    assert editor.form.contact.currentData() == ids["wang"]
    assert editor.history.topLevelItemCount() == 1  # made in its first stage
    assert editor.history.topLevelItem(0).text(1) == "2026-11-23 10:00"
    assert open_deal_editor(window, ids["deal"]) is editor  # one editor per deal
    editor.form.amount.setText("9,600")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.save()
    assert stored(window, ids["deal"]).amount == Decimal(9600)
    # The deal's view reads it again.
    qtbot.waitUntil(lambda: "9,600" in view.fields["amount"].text(), timeout=5000)
    qtbot.waitUntil(lambda: "Edit deal" in window.undo_action.text(), timeout=5000)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.worker.idle, timeout=5000)
    assert stored(window, ids["deal"]).amount == Decimal(8000)
    qtbot.waitUntil(lambda: "8,000" in view.fields["amount"].text(), timeout=5000)


def test_lose_with_a_reason_then_reopen(qtbot, opened):
    window, ids = opened
    editor = loaded(qtbot, open_deal_editor(window, ids["deal"]))
    assert editor.won_button.isEnabled() and not editor.reopen_button.isEnabled()
    editor.form.notes.setPlainText("typed, not saved yet")
    asked = editor.lose()
    assert isinstance(asked, LostReasonDialog)
    offered = [asked.reason.itemText(i) for i in range(asked.reason.count())]
    assert offered == window.workspace.pipelines.lost_reasons() and offered
    asked.reason.setCurrentText("  ")
    assert not asked.buttons.buttons()[0].isEnabled() or not asked.text()
    asked.reason.setCurrentText("Went with a cheaper offer")  # words of one's own
    with qtbot.waitSignal(editor.changed, timeout=10_000):
        asked.accept()
    deal = stored(window, ids["deal"])
    assert deal.status is DealStatus.LOST and deal.lost_reason == "Went with a cheaper offer"
    qtbot.waitUntil(lambda: "Mark deal" in window.undo_action.text(), timeout=5000)
    qtbot.waitUntil(lambda: "Lost on 2026-11-23" in editor.status.text(), timeout=5000)
    assert "cheaper offer" in editor.status.text()
    assert editor.reopen_button.isEnabled() and not editor.lost_button.isEnabled()
    assert editor.history.topLevelItemCount() == 2
    # The fields keep what was typed; the stage shows the lost stage.
    assert editor.form.notes.toPlainText() == "typed, not saved yet"
    assert "lost" in editor.form.stage.currentText().lower()

    with qtbot.waitSignal(editor.changed, timeout=10_000):
        editor.reopen_button.click()
    deal = stored(window, ids["deal"])
    assert deal.status is DealStatus.OPEN and deal.closed_on is None
    qtbot.waitUntil(lambda: editor.history.topLevelItemCount() == 3, timeout=5000)
    assert editor.won_button.isEnabled()
    first = editor.history.topLevelItem(0).text(0)
    assert editor.history.topLevelItem(2).text(0) == first  # back where it was closed from
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.save()  # the typed notes are still there to save
    assert stored(window, ids["deal"]).notes == "typed, not saved yet"
    assert stored(window, ids["deal"]).status is DealStatus.OPEN


def test_win_from_the_editor(qtbot, opened):
    window, ids = opened
    editor = loaded(qtbot, open_deal_editor(window, ids["deal"]))
    with qtbot.waitSignal(editor.changed, timeout=10_000):
        editor.won_button.click()
    assert stored(window, ids["deal"]).status is DealStatus.WON
    qtbot.waitUntil(lambda: "Won on 2026-11-23" in editor.status.text(), timeout=5000)
    QApplication.processEvents()
    assert editor.reopen_button.isEnabled() and not editor.won_button.isEnabled()
