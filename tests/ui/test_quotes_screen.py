"""The Quotes screen over a real demo: list, totals, filters, statuses, revisions, the card."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_crm.domain.vocab import QuoteStatus
from desktop_crm.services.workspace.handle import open_workspace
from tests.ui.conftest import open_and_wait
from ui.amounts import money_text
from ui.quotes.line_model import COLUMNS


@pytest.fixture
def demo_quotes(demo_path):
    """The demo's quote rows and totals as the service gives them (before the window opens)."""
    ws = open_workspace(demo_path)
    try:
        return ws.quotes.page(limit=1000), ws.quotes.totals()
    finally:
        ws.close(backup_if_changed=False)


@pytest.fixture
def quotes(qtbot, window, demo_path, demo_quotes):
    open_and_wait(qtbot, window, demo_path)
    window.show_view("quotes")
    view = window.screens["quotes"].view
    qtbot.waitUntil(
        lambda: view.model.rowCount() == len(demo_quotes[0]) and bool(view.totals_lines)
    )
    return view


def loaded(qtbot, view):
    model = view.model
    for row in range(model.rowCount()):
        model.data(model.index(row, 0))
    qtbot.waitUntil(lambda: model.ready and view.window().worker.idle)
    return [model.quote(r) for r in range(model.rowCount())]


def select(qtbot, view, quote_id):
    loaded(qtbot, view)
    assert view.select_quote(quote_id)
    qtbot.waitUntil(lambda: view.history.detail is not None and view.history.detail.id == quote_id)


def test_the_demo_quotes_are_listed_with_their_totals(qtbot, qtmodeltester, quotes, demo_quotes):
    rows, totals = demo_quotes
    assert rows, "the demo has quotes"
    shown = loaded(qtbot, quotes)
    assert [r.number for r in shown] == [r.number for r in rows]
    assert quotes.count_label.text() == f"{len(rows)} quotes"
    first = rows[0]
    assert quotes.model.index(0, 10).data() == money_text(first.total, first.currency)
    right = quotes.model.index(0, 10).data(Qt.ItemDataRole.TextAlignmentRole)
    assert right & Qt.AlignmentFlag.AlignRight.value
    for found in totals:
        assert any(money_text(found.total, found.currency) in line for line in quotes.totals_lines)
    qtmodeltester.check(quotes.model)


def test_the_status_filter_narrows_the_list_and_its_totals(qtbot, quotes, demo_quotes):
    rows, _totals = demo_quotes
    drafts = [r for r in rows if r.status is QuoteStatus.DRAFT]
    box = quotes.filters.status_box
    box.setCurrentIndex(box.findData("draft"))
    qtbot.waitUntil(lambda: quotes.model.rowCount() == len(drafts))
    assert {r.status for r in loaded(qtbot, quotes)} == {QuoteStatus.DRAFT}
    expected = money_text(sum((r.total for r in drafts), Decimal(0)), drafts[0].currency)
    qtbot.waitUntil(lambda: any(expected in line for line in quotes.totals_lines))
    quotes.filters.text.setText("zzz-no-such-quote")
    qtbot.waitUntil(lambda: quotes.body.currentWidget() is quotes.no_match)
    quotes.no_match.clear_button.click()
    qtbot.waitUntil(lambda: quotes.model.rowCount() == len(rows))


def test_send_then_edit_makes_revision_two_and_the_first_stays_listed(
    qtbot, window, quotes, demo_quotes, monkeypatch
):
    screen = window.screens["quotes"]
    draft = next(r for r in demo_quotes[0] if r.status is QuoteStatus.DRAFT)
    select(qtbot, quotes, draft.id)
    assert quotes.send_button.isEnabled() and not quotes.accept_button.isEnabled()
    quotes.send_button.click()
    qtbot.waitUntil(lambda: (quotes.selected() or draft).status is QuoteStatus.SENT, timeout=10_000)

    editor = screen.edit_quote(draft.id)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.detail is not None and window.worker.idle)
    assert "revision 2" in editor.banner.text()
    row = next(n for n, line in enumerate(editor.lines.lines) if line.kind == "item")
    index = editor.lines.index(row, COLUMNS.index("quantity"))
    assert editor.lines.setData(index, "7", Qt.ItemDataRole.EditRole)
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *args: asked.append(args) or QMessageBox.StandardButton.Yes,
    )
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.save()
    assert asked and "revision 2" in asked[0][2]
    qtbot.waitUntil(
        lambda: (quotes.selected() or draft).revision == 2 and quotes.history.detail is not None,
        timeout=10_000,
    )
    qtbot.waitUntil(lambda: quotes.history.revisions.topLevelItemCount() == 2)
    revisions = [
        quotes.history.revisions.topLevelItem(i).text(0)
        for i in range(quotes.history.revisions.topLevelItemCount())
    ]
    assert revisions == ["2", "1"]

    quotes.history.revisions.setCurrentItem(quotes.history.revisions.topLevelItem(1))
    earlier = screen.open_revision(draft.id, 1)
    qtbot.addWidget(earlier)
    qtbot.waitUntil(lambda: earlier.detail is not None)
    assert earlier.read_only and not earlier.save_button.isVisible()
    assert earlier.lines.line(row).quantity != Decimal(7)
    flags = earlier.lines.flags(earlier.lines.index(row, COLUMNS.index("quantity")))
    assert not flags & Qt.ItemFlag.ItemIsEditable


def test_delete_asks_and_removes_the_quote(qtbot, window, quotes, demo_quotes, monkeypatch):
    screen = window.screens["quotes"]
    victim = next(r for r in demo_quotes[0] if r.status is QuoteStatus.DRAFT)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    screen.delete_quote(victim)
    qtbot.waitUntil(lambda: quotes.model.rowCount() == len(demo_quotes[0]) - 1, timeout=10_000)


def test_the_card_lists_the_customers_quotes_and_starts_a_new_one(
    qtbot, window, quotes, demo_quotes
):
    quote = next(r for r in demo_quotes[0] if r.company_id)
    theirs = [r for r in demo_quotes[0] if r.company_id == quote.company_id]
    card = window.open_card("company", quote.company_id)
    qtbot.addWidget(card)
    section = card.quotes
    qtbot.waitUntil(lambda: section.list.topLevelItemCount() == len(theirs))
    first = section.list.topLevelItem(0)
    assert quote.number in "".join(section.list.topLevelItem(i).text(0) for i in range(len(theirs)))
    assert first.text(2).startswith("$") or first.text(2).startswith("¥")
    editor = section.open_quote(first.data(0, Qt.ItemDataRole.UserRole))
    assert editor is not None
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.detail is not None)
    new = section.new_quote()
    assert new is not None
    qtbot.addWidget(new)
    qtbot.waitUntil(lambda: new.header.customer.text() == quote.customer)
    assert new.header.customer.chosen.id == quote.company_id
