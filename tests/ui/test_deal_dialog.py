"""The deal view over a real demo: opened from the search and from a card, with its quotes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from desktop_crm.services.quotes.dto import LineDraft
from desktop_crm.services.workspace.handle import open_workspace
from tests.ui.conftest import open_and_wait, type_text
from ui.amounts import money_text
from ui.deals.deal_dialog import DealDialog, open_deal

MISSING = "01a00000-0000-7000-8000-000000000000"


@pytest.fixture
def demo_deal(demo_path):
    """A demo deal that has quotes: its summary and its quotes' rows, read before the window."""
    ws = open_workspace(demo_path)
    try:
        quote = ws.quotes.get(ws.quotes.page()[0].id)
        deal_id = quote.draft.deal_id
        assert deal_id is not None
        return ws.deals.summary(deal_id), ws.quotes.quotes_of_deal(deal_id)
    finally:
        ws.close(backup_if_changed=False)


@pytest.fixture
def opened(qtbot, window, demo_path, demo_deal):
    open_and_wait(qtbot, window, demo_path)
    return window


def deal_dialogs(window) -> list[DealDialog]:
    return [d for d in window.findChildren(DealDialog) if d.isVisible()]


def loaded(qtbot, dialog: DealDialog, quotes: int) -> DealDialog:
    qtbot.waitUntil(
        lambda: dialog.summary is not None and dialog.quotes.list.topLevelItemCount() == quotes,
        timeout=10_000,
    )
    return dialog


def test_a_deal_hit_of_the_search_opens_the_deal_with_its_quotes(qtbot, opened, demo_deal):
    window = opened
    deal, quotes = demo_deal
    assert deal.number and quotes
    before = window.current_view()
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    type_text(window.search, deal.number)
    popup = window.search.popup

    def deal_row() -> int:
        for row in range(popup.count()):
            hit = popup.item(row).data(Qt.ItemDataRole.UserRole)
            if hit is not None and hit.kind == "deal" and hit.id == deal.id:
                return row
        return -1

    qtbot.waitUntil(lambda: deal_row() >= 0, timeout=5000)
    popup.setCurrentRow(deal_row())
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    [dialog] = deal_dialogs(window)
    loaded(qtbot, dialog, len(quotes))
    assert window.current_view() == before  # no longer the pipeline placeholder
    assert dialog.deal_id == deal.id and dialog.title.text() == deal.title
    assert dialog.fields["amount"].text() == money_text(deal.amount, deal.currency)
    assert dialog.fields["stage"].text().startswith(deal.stage)
    if deal.company_id is not None:
        link = dialog.fields["customer"].text()
        assert f"company:{deal.company_id}" in link and deal.company_name in link
    numbers = [dialog.quotes.list.topLevelItem(i).text(0) for i in range(len(quotes))]
    assert [n.split(" · ")[0] for n in numbers] == [q.number for q in quotes]
    assert dialog.quotes.summary.text().startswith(f"{len(quotes)} quote")
    # What the deal sells: its current quote's priced lines.
    lines = window.workspace.deals.lines(deal.id)
    assert lines and lines[0].quote in {q.number for q in quotes}
    qtbot.waitUntil(lambda: dialog.lines.topLevelItemCount() == len(lines), timeout=5000)
    assert dialog.lines_box.isVisible() and lines[0].quote in dialog.lines_box.title()
    assert dialog.lines.topLevelItem(0).text(0).startswith(lines[0].description)
    assert dialog.lines.topLevelItem(0).text(2) == money_text(
        lines[0].unit_price, lines[0].currency
    )
    # Chosen again, the same view comes to the front rather than a second one.
    assert open_deal(window, deal.id) is dialog and deal_dialogs(window) == [dialog]


def test_new_quote_starts_with_the_deal_and_its_customer_and_lists_it_once_saved(
    qtbot, opened, demo_deal
):
    window = opened
    deal, quotes = demo_deal
    dialog = loaded(qtbot, open_deal(window, deal.id), len(quotes))
    editor = dialog.quotes.new_quote()
    assert editor is not None
    assert editor.header.deal.chosen.id == deal.id and editor.header.deal.text() == deal.title
    qtbot.waitUntil(lambda: editor.header.customer.text() == deal.customer, timeout=5000)
    values = editor.header.values()
    assert values["deal_id"] == deal.id
    assert values["company_id"] == deal.company_id
    if deal.company_id is not None and deal.person_id is not None:
        qtbot.waitUntil(lambda: editor.header.values()["person_id"] == deal.person_id)
    editor.add_line(LineDraft(kind="item", description="Extra work", unit_price=Decimal(100)))
    with qtbot.waitSignal(dialog.quotes.saved, timeout=10_000) as saved:
        editor.save()
    new_id = saved.args[0].ids[0]
    loaded(qtbot, dialog, len(quotes) + 1)
    ids = [
        dialog.quotes.list.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
        for i in range(len(quotes) + 1)
    ]
    assert new_id in ids
    assert window.workspace.quotes.get(new_id).draft.deal_id == deal.id


def test_a_double_click_opens_a_quote_and_links_open_the_cards(qtbot, opened, demo_deal):
    window = opened
    deal, quotes = demo_deal
    dialog = loaded(qtbot, open_deal(window, deal.id), len(quotes))
    item = dialog.quotes.list.topLevelItem(0)
    dialog.quotes.list.itemDoubleClicked.emit(item, 0)
    editors = window.screens["quotes"].editors
    assert [e.quote_id for e in editors] == [quotes[0].id]
    qtbot.waitUntil(lambda: editors[0].detail is not None)
    editors[0].reject()
    if deal.company_id is not None:
        dialog.fields["customer"].linkActivated.emit(f"company:{deal.company_id}")
        assert [c.record_id for c in window.contacts.cards] == [deal.company_id]


def test_the_card_lists_the_customers_deals_and_opens_one(qtbot, opened, demo_deal):
    window = opened
    deal, quotes = demo_deal
    kind, record_id = (
        ("company", deal.company_id) if deal.company_id else ("person", deal.person_id)
    )
    card = window.open_card(kind, record_id)
    section = card.deals
    qtbot.waitUntil(lambda: deal.id in [d.id for d in section.deals], timeout=10_000)
    assert section.list.topLevelItemCount() == len(section.deals)
    row = [d.id for d in section.deals].index(deal.id)
    item = section.list.topLevelItem(row)
    assert item.text(0) == deal.title
    assert item.text(2) == money_text(deal.amount, deal.currency)
    section.list.itemDoubleClicked.emit(item, 0)
    [dialog] = deal_dialogs(window)
    loaded(qtbot, dialog, len(quotes))
    assert dialog.deal_id == deal.id


def test_a_missing_deal_says_so(qtbot, opened):
    dialog = open_deal(opened, MISSING)
    qtbot.waitUntil(lambda: dialog.title.text() == "This deal no longer exists.", timeout=5000)
    assert dialog.summary is None and not dialog.quotes.new_button.isEnabled()
