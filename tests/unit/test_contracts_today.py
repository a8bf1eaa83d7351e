"""Overdue contract instalments on the Today screen: in its summary, and shown as rows."""

from __future__ import annotations

import os
from datetime import date, datetime, time
from decimal import Decimal

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop_crm.services.contracts.dto import PaymentDraft
from tests.conftest import TODAY
from tests.unit.test_contracts_core import contract_of, make_quote


def test_today_lists_overdue_instalments_as_rows(workspace, qtbot):
    from ui.today.today_view import TodayView

    number = contract_of(workspace, make_quote(workspace), "1000:2026-11-13,3344.03:2027-03-01")
    workspace.contracts.record_payment(number, PaymentDraft(Decimal(400), TODAY), today=TODAY)
    summary = workspace.today.summary(TODAY)
    [due] = summary.overdue_payments
    assert (due.contract_number, due.unpaid, due.days_overdue) == (number, 600, 10)
    assert summary.items == ()  # no follow-ups: the payment alone fills the list
    view = TodayView()
    qtbot.addWidget(view)
    ten = datetime.combine(TODAY, time(10), workspace.clock.zone())
    view.show_lists(workspace.today.lists(ten))
    [row] = view.rows("overdue_instalments")
    assert (row.when, row.what, row.who, row.note, row.late) == (
        "Fri 13 Nov",
        f"¥600.00 unpaid on contract {number}",
        "远山设计",
        "10 days overdue",
        True,
    )
    # Paid up: nothing is owed, and the screen says so.
    workspace.contracts.record_payment(number, PaymentDraft(Decimal(600), TODAY), today=TODAY)
    view.show_lists(workspace.today.lists(ten))
    assert view.rows("overdue_instalments") == []
    heading = view.model.section_index("overdue_instalments")
    assert view.model.data(heading) == "Overdue payments (0) — No payment is overdue"
    assert workspace.today.summary(date(2027, 3, 2)).overdue_payments[0].unpaid == Decimal(
        "3344.03"
    )
