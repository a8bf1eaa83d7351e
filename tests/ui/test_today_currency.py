"""Today shows the open pipeline in the workspace's currency, not a hard-coded ¥."""

from __future__ import annotations

from decimal import Decimal

from desktop_crm.services.workspace.handle import create_workspace
from tests.conftest import TODAY
from ui.amounts import money_text
from ui.today.today_view import TodayView

DEALS = (
    "Deal,Company,Amount,Currency\n"
    "Website,Harbor Studio,73500,USD\n"
    "Signage,Harbor Studio,1200.50,USD\n"
    "Brand book,远山设计,50000,CNY\n"
)


def test_pipeline_in_the_workspace_currency(qtbot, tmp_path):
    ws = create_workspace(tmp_path / "usd.crm")
    try:
        sheet = tmp_path / "deals.csv"
        sheet.write_text(DEALS, encoding="utf-8")
        assert ws.imports.import_file(sheet, entity="deals", today=TODAY).failed == 0
        ws.settings.update({"currency.default": "USD"})
        in_dollars = ws.today.summary(TODAY)
        ws.settings.update({"currency.default": "CNY"})
        in_yuan = ws.today.summary(TODAY)
    finally:
        ws.close(backup_if_changed=False)
    # Only deals in that currency add up: amounts are never converted.
    assert (in_dollars.currency, in_dollars.open_pipeline) == ("USD", Decimal("74700.5"))
    assert (in_yuan.currency, in_yuan.open_pipeline) == ("CNY", Decimal("50000"))
    view = TodayView()
    qtbot.addWidget(view)
    view.show_pipeline(in_dollars.open_pipeline, in_dollars.currency)
    assert view.pipeline.text() == "Open pipeline: $74,701"
    view.show_pipeline(in_yuan.open_pipeline, in_yuan.currency)
    assert view.pipeline.text() == "Open pipeline: ¥50,000"


def test_money_text_follows_the_currency_unit(qtbot):
    assert money_text(Decimal("73500"), "CNY") == "¥73,500.00"
    assert money_text(Decimal("1234.567"), "EUR") == "€1,234.57"
    assert money_text(Decimal("980000"), "JPY") == "¥980,000"
    assert money_text(Decimal("12"), "CHF") == "CHF\u00a012.00"
