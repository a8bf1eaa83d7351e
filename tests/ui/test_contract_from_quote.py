"""Making a contract of a quote from the app: the dialog the Quotes screen opens."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from desktop_crm.domain.vocab import QuoteStatus
from tests.ui.conftest import open_and_wait
from ui.contracts.from_quote_dialog import FromQuoteDialog, show_from_quote_dialog


@pytest.fixture
def opened(qtbot, window, demo_path):
    open_and_wait(qtbot, window, demo_path)
    return window


def draft_quote(window):
    """A demo quote with no contract yet (the demo's first quote has one)."""
    ws = window.workspace
    rows = sorted(ws.quotes.page(), key=lambda r: r.number)
    return ws.quotes.get(rows[1].id)


def open_dialog(qtbot, window, quote) -> FromQuoteDialog:
    show_from_quote_dialog(window, quote.id, quote.number)
    qtbot.waitUntil(lambda: window.findChild(FromQuoteDialog) is not None, timeout=10_000)
    dialog = window.findChild(FromQuoteDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_the_dialog_makes_a_contract_with_a_30_70_plan_and_selects_it(qtbot, opened):
    window = opened
    quote = draft_quote(window)
    assert quote.status == QuoteStatus.DRAFT
    dialog = open_dialog(qtbot, window, quote)
    assert dialog.note.isVisible() and "accepts it" in dialog.note.text()
    assert dialog.title_edit.text() == (quote.deal or quote.number)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isEnabled()  # 100% on the start day
    assert len(dialog.plan._rows) == 1
    dialog.has_end.setChecked(True)
    end = date.today() + timedelta(days=90)
    dialog.ends_on.setDate(dialog.ends_on.date().addDays(90 - 365))
    dialog.plan.preset("30/70")
    assert [r.value.text() for r in dialog.plan._rows] == ["30", "70"]
    assert dialog.plan._rows[1].due.date().toPython() == end
    dialog.title_edit.setText("年度画册合同")
    dialog.save()
    window_screen = window.screens["contracts"]
    qtbot.waitUntil(lambda: window.current_view() == "contracts", timeout=10_000)
    view = window_screen.view
    qtbot.waitUntil(
        lambda: view.detail.detail is not None and view.detail.detail.title == "年度画册合同",
        timeout=10_000,
    )
    detail = view.detail.detail
    assert [p.percent for p in detail.instalments] == [30, 70]
    assert sum(p.amount for p in detail.instalments) == quote.totals.total
    assert detail.ends_on == end and detail.quote_number == quote.number
    qtbot.waitUntil(lambda: view.selected() is not None and view.selected().id == detail.id)
    assert window.workspace.quotes.get(quote.id).status == QuoteStatus.ACCEPTED


def test_a_plan_that_misses_the_total_cannot_be_made(qtbot, opened):
    window = opened
    quote = draft_quote(window)
    dialog = open_dialog(qtbot, window, quote)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.plan.mode.setCurrentIndex(1)  # amounts: the whole total on one row
    assert ok.isEnabled()
    assert dialog.plan._rows[0].value.text() == f"{quote.totals.total:f}".rstrip("0").rstrip(".")
    dialog.plan.add_row()
    assert not ok.isEnabled()  # the new row is empty
    dialog.plan._rows[1].value.setText("100")
    assert "over the total" in dialog.plan.problem
    dialog.save()
    assert dialog.isVisible()
    dialog.plan._rows[0].value.setText(str(quote.totals.total - Decimal(100)))
    assert ok.isEnabled()
    dialog.reject()
    qtbot.waitUntil(lambda: window.worker.idle)
    assert window.workspace.quotes.get(quote.id).status == QuoteStatus.DRAFT
