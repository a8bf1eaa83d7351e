"""Contracts made from quotes: amount, lines, acceptance, payment plans, payments and figures."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from desktop_crm.domain.errors import NotFoundError, ValidationError
from desktop_crm.domain.payment_plans import Instalment, outstanding
from desktop_crm.domain.vocab import ContractStatus, QuoteStatus
from desktop_crm.services.contracts.dto import (
    ContractChanges,
    ContractFilter,
    InstalmentDraft,
    PaymentDraft,
    PlanDraft,
)
from desktop_crm.services.quotes.dto import LineDraft, QuoteDraft
from desktop_crm.services.quotes.service import QuoteService
from desktop_crm.services.workspace.handle import Workspace
from tests.conftest import TODAY
from tests.drafts import company, person

LINES = (
    LineDraft(kind="section", description="设计"),
    LineDraft(
        description="品牌设计",
        quantity=Decimal(3),
        unit="项",
        unit_price=Decimal("1000.01"),
        tax_rate=Decimal(13),
    ),
    LineDraft(
        description="印刷",
        quantity=Decimal(2),
        unit="批",
        unit_price=Decimal(500),
        discount=Decimal(10),
        tax_rate=Decimal(6),
    ),
    LineDraft(description="可选：包装", unit_price=Decimal(800), optional=True),
)
# 3,000.03 + 390.00 tax; 1,000.00 - 10% = 900.00 + 54.00 tax; the optional line not counted
TOTAL = Decimal("4344.03")


def quotes_of(ws: Workspace) -> QuoteService:
    """The quote service of ``ws`` with the tests' day."""
    return QuoteService(ws.store, today=lambda: TODAY)


def make_quote(
    ws: Workspace,
    *,
    customer: str = "远山设计",
    status: str = "sent",
    lines: tuple[LineDraft, ...] = LINES,
    currency: str = "CNY",
    valid_until: date | None = None,
    person_customer: bool = False,
    contact: str | None = None,
    company_id: str | None = None,
) -> str:
    """A quote to ``customer`` (a company, or a person) in ``status``; its number."""
    quotes = quotes_of(ws)
    person_id = None
    if company_id is not None:
        pass  # an existing customer's next quote
    elif person_customer:
        person_id = ws.people.save(person(customer), today=TODAY).ids[0]
    else:
        company_id = ws.people.save_company(company(customer), today=TODAY).ids[0]
        if contact:
            person_id = ws.people.save(person(contact, company_id=company_id), today=TODAY).ids[0]
    qid = quotes.create(
        QuoteDraft(
            company_id=company_id,
            person_id=person_id,
            issued_on=TODAY - timedelta(days=5),
            valid_until=valid_until or TODAY + timedelta(days=30),
            currency=currency,
            terms="款到发货",
            lines=lines,
        )
    ).ids[0]
    if status in ("sent", "rejected"):
        # Sent on its issue day: a quote whose valid-until day has passed is expired, not sent.
        QuoteService(ws.store, today=lambda: TODAY - timedelta(days=5)).set_status(qid, "send")
    if status == "rejected":
        quotes.set_status(qid, "reject")
    return quotes.get(qid).number


def contract_of(ws: Workspace, quote: str, plan: str | None = None, **kw: object) -> str:
    """A contract made of ``quote`` on TODAY; its number."""
    result = ws.contracts.from_quote(quote, plan, today=TODAY, **kw)  # type: ignore[arg-type]
    return ws.contracts.get(result.ids[0], TODAY).number


def test_a_sent_quote_becomes_an_active_contract_with_its_lines_and_total(workspace):
    number = make_quote(workspace, contact="李雷")
    quote = quotes_of(workspace).get_by_number(number)
    result = workspace.contracts.from_quote(number, today=TODAY)
    assert result.operation_id and {"contracts", "payment_plans", "quotes"} <= result.entities
    c = workspace.contracts.get(result.ids[0], TODAY)
    assert quote.totals.total == TOTAL
    assert (c.balance.total, c.currency, c.totals.total) == (TOTAL, "CNY", TOTAL)
    assert (c.quote_number, c.quote_revision, c.customer) == (number, 1, "远山设计")
    assert c.company_id == quote.draft.company_id and c.person_id == quote.draft.person_id
    assert c.terms == "款到发货" and c.status is ContractStatus.ACTIVE
    assert [x.description for x in c.lines] == ["设计", "品牌设计", "印刷", "可选：包装"]
    assert [x.amount for x in c.lines] == [
        None,
        Decimal("3000.03"),
        Decimal("900.00"),
        Decimal("800.00"),
    ]
    assert c.lines[3].optional and c.number.startswith("HT-")
    # The default plan: everything due on the start day (the signing day, today).
    assert [(i.due_on, i.amount, i.percent) for i in c.instalments] == [
        (TODAY, TOTAL, Decimal(100))
    ]
    assert quotes_of(workspace).get_by_number(number).status is QuoteStatus.ACCEPTED


def test_a_draft_quote_is_accepted_too_and_the_label_names_both(workspace):
    number = make_quote(workspace, status="draft")
    c = contract_of(workspace, number)
    assert quotes_of(workspace).get_by_number(number).status is QuoteStatus.ACCEPTED
    assert workspace.history.recent(1)[0].label == f"Make contract {c} from quote {number}"


def test_rejected_expired_unknown_and_second_contracts_are_refused(workspace):
    rejected = make_quote(workspace, status="rejected")
    with pytest.raises(ValidationError, match="was rejected"):
        workspace.contracts.from_quote(rejected, today=TODAY)
    expired = make_quote(workspace, valid_until=TODAY - timedelta(days=1), customer="B")
    with pytest.raises(ValidationError, match="expired on"):
        workspace.contracts.from_quote(expired, today=TODAY)
    with pytest.raises(NotFoundError, match="no quote Q-0000"):
        workspace.contracts.from_quote("Q-0000", today=TODAY)
    ok = make_quote(workspace, customer="C")
    first = contract_of(workspace, ok)
    with pytest.raises(ValidationError, match=f"already has contract {first}"):
        workspace.contracts.from_quote(ok, today=TODAY)
    # Nothing half-made: the refused quotes keep their status.
    assert quotes_of(workspace).get_by_number(rejected).status is QuoteStatus.REJECTED
    assert quotes_of(workspace).get_by_number(expired).status is QuoteStatus.EXPIRED


def test_percent_plans_split_with_the_remainder_on_the_last_instalment(workspace):
    c = contract_of(
        workspace, make_quote(workspace), "33.33%:2027-01-15,33.33%:2027-02-15,33.34%:2027-03-15"
    )
    plan = workspace.contracts.get(c, TODAY).instalments
    # 4,344.03 x 33.33% = 1,447.8652 -> 1,447.87 twice; the last takes 4,344.03 - 2,895.74.
    assert [i.amount for i in plan] == [
        Decimal("1447.87"),
        Decimal("1447.87"),
        Decimal("1448.29"),
    ]
    assert sum(i.amount for i in plan) == TOTAL
    assert [i.percent for i in plan] == [Decimal("33.33"), Decimal("33.33"), Decimal("33.34")]


def test_plans_that_miss_the_total_say_by_how_much(workspace):
    number = make_quote(workspace)
    with pytest.raises(ValidationError, match=r"add up to 90%, 10% short of 100%"):
        workspace.contracts.from_quote(number, "30%:2027-01-15,60%:2027-03-01", today=TODAY)
    with pytest.raises(ValidationError, match=r"110%, 10% over 100%"):
        workspace.contracts.from_quote(number, "50%:2027-01-15,60%:2027-03-01", today=TODAY)
    with pytest.raises(
        ValidationError,
        match=r"add up to 4,000.00 CNY, 344.03 CNY short of the total 4,344.03 CNY",
    ):
        workspace.contracts.from_quote(number, "1000:2027-01-15,3000:2027-03-01", today=TODAY)
    with pytest.raises(ValidationError, match=r"0.01 CNY over the total"):
        workspace.contracts.from_quote(number, "1344.04:2027-01-15,3000:2027-03-01", today=TODAY)
    with pytest.raises(ValidationError, match="“30%:2027-13-01”"):
        workspace.contracts.from_quote(number, "30%:2027-13-01,70%:2027-03-01", today=TODAY)
    with pytest.raises(ValidationError, match="not both"):
        workspace.contracts.from_quote(number, "30%:2027-01-15,3000:2027-03-01", today=TODAY)
    # A refused plan leaves the quote as it was and makes no contract.
    assert quotes_of(workspace).get_by_number(number).status is QuoteStatus.SENT
    assert workspace.contracts.open_list(ContractFilter(), TODAY).count == 0
    c = contract_of(workspace, number, "1344.03:2027-01-15,3000:2027-03-01")
    amounts = [i.amount for i in workspace.contracts.get(c, TODAY).instalments]
    assert amounts == [Decimal("1344.03"), Decimal(3000)]


def test_plan_drafts_keep_notes_and_due_order(workspace):
    c = contract_of(workspace, make_quote(workspace))
    workspace.contracts.set_plan(
        c,
        PlanDraft(
            (
                InstalmentDraft(date(2027, 3, 1), Decimal(70), True, "验收后"),
                InstalmentDraft(date(2027, 1, 15), Decimal(30), True, "预付款"),
            )
        ),
    )
    plan = workspace.contracts.get(c, TODAY).instalments
    assert [(i.position, i.due_on, i.note) for i in plan] == [
        (1, date(2027, 1, 15), "预付款"),
        (2, date(2027, 3, 1), "验收后"),
    ]
    with pytest.raises(ValidationError, match="short of"):
        workspace.contracts.set_plan(c, "100:2027-01-01")


def test_payments_reduce_outstanding_and_settle_the_oldest_instalments_first(workspace):
    c = contract_of(workspace, make_quote(workspace), "1344.03:2026-11-01,3000:2027-03-01")
    before = workspace.contracts.get(c, TODAY).balance
    assert (before.paid, before.outstanding, before.overdue) == (0, TOTAL, Decimal("1344.03"))
    workspace.contracts.record_payment(c, PaymentDraft(Decimal(1000), TODAY), today=TODAY)
    d = workspace.contracts.get(c, TODAY)
    assert (d.balance.paid, d.balance.outstanding) == (1000, Decimal("3344.03"))
    assert [(i.paid, i.outstanding, i.overdue) for i in d.instalments] == [
        (1000, Decimal("344.03"), Decimal("344.03")),
        (0, 3000, 0),
    ]
    # The same as the domain's rule when no payment names an instalment.
    plan = [Instalment(i.due_on, i.amount) for i in d.instalments]
    assert outstanding(plan, Decimal(1000), TODAY) == (d.balance.outstanding, d.balance.overdue)
    assert d.payments[0].amount == 1000 and d.payments[0].plan_id is None
    # A payment against the later instalment pays it; the earlier one stays overdue.
    later = d.instalments[1].id
    workspace.contracts.record_payment(
        c, PaymentDraft(Decimal(500), TODAY, plan_id=later, method="银行转账"), today=TODAY
    )
    d = workspace.contracts.get(c, TODAY)
    assert [i.paid for i in d.instalments] == [1000, 500]
    assert (d.balance.outstanding, d.balance.overdue) == (Decimal("2844.03"), Decimal("344.03"))


def test_payments_are_checked(workspace):
    c = contract_of(workspace, make_quote(workspace))
    for amount in (Decimal(0), Decimal(-5), Decimal("0.001")):
        with pytest.raises(ValidationError, match="more than zero"):
            workspace.contracts.record_payment(c, PaymentDraft(amount, TODAY), today=TODAY)
    with pytest.raises(ValidationError, match=r"more than the 4,344\.03 CNY still owed"):
        workspace.contracts.record_payment(c, PaymentDraft(Decimal(5000), TODAY), today=TODAY)
    other = contract_of(workspace, make_quote(workspace, customer="B"))
    foreign = workspace.contracts.get(other, TODAY).instalments[0].id
    with pytest.raises(NotFoundError, match="not part of contract"):
        workspace.contracts.record_payment(
            c, PaymentDraft(Decimal(1), TODAY, plan_id=foreign), today=TODAY
        )
    paid = workspace.contracts.record_payment(c, PaymentDraft(TOTAL, TODAY), today=TODAY).ids[0]
    # Editing a payment counts it as not yet received: the full amount may stay.
    workspace.contracts.edit_payment(paid, PaymentDraft(TOTAL, TODAY, note="全款"), today=TODAY)
    with pytest.raises(ValidationError, match="more than"):
        workspace.contracts.edit_payment(paid, PaymentDraft(TOTAL + 1, TODAY), today=TODAY)
    assert workspace.contracts.get(c, TODAY).balance.outstanding == 0


def test_overdue_as_of_a_given_day(workspace):
    c = contract_of(
        workspace, make_quote(workspace), "30%:2026-12-01,30%:2027-01-01,40%:2027-02-01"
    )
    first, second, _third = workspace.contracts.get(c, TODAY).instalments
    for day, overdue in (
        (date(2026, 12, 1), Decimal(0)),  # due that day: not overdue yet
        (date(2026, 12, 2), first.amount),
        (date(2027, 1, 2), first.amount + second.amount),
    ):
        assert workspace.contracts.get(c, day).balance.overdue == overdue
    workspace.contracts.record_payment(c, PaymentDraft(first.amount, TODAY), today=TODAY)
    assert workspace.contracts.get(c, date(2027, 1, 2)).balance.overdue == second.amount
    rows = workspace.contracts.overdue_instalments(date(2027, 1, 11))
    assert [(r.contract_number, r.due_on, r.unpaid, r.currency, r.days_overdue) for r in rows] == [
        (c, date(2027, 1, 1), second.amount, "CNY", 10)
    ]
    assert rows[0].customer == "远山设计"
    # Today's summary carries them; a terminated contract no longer expects its money.
    assert workspace.today.summary(date(2027, 1, 11)).overdue_payments == rows
    workspace.contracts.edit(c, ContractChanges(status=ContractStatus.TERMINATED))
    assert workspace.today.summary(date(2027, 1, 11)).overdue_payments == ()
    assert workspace.reads.today.summary(date(2027, 1, 11)).overdue_payments == ()


def test_sums_per_customer_in_each_currency(workspace):
    a1 = contract_of(workspace, make_quote(workspace, customer="远山设计"), "100%:2026-11-01")
    yuanshan = workspace.contracts.get(a1, TODAY).company_id
    a2 = contract_of(workspace, make_quote(workspace, company_id=yuanshan), "100%:2027-11-01")
    b = contract_of(workspace, make_quote(workspace, customer="王芳", person_customer=True))
    usd = contract_of(workspace, make_quote(workspace, company_id=yuanshan, currency="USD"))
    workspace.contracts.record_payment(a1, PaymentDraft(Decimal("344.03"), TODAY), today=TODAY)
    balances = workspace.contracts.customer_balances(TODAY)
    by_key = {(x.customer, x.currency): x for x in balances}
    yuan = by_key[("远山设计", "CNY")]
    assert yuan.contracts == 2 and yuan.company_id and yuan.person_id is None
    assert yuan.balance.total == TOTAL * 2
    assert yuan.balance.paid == Decimal("344.03")
    assert yuan.balance.outstanding == TOTAL * 2 - Decimal("344.03")
    assert yuan.balance.overdue == TOTAL - Decimal("344.03")  # a1's, due 2026-11-01
    assert by_key[("远山设计", "USD")].contracts == 1  # currencies are never added together
    assert by_key[("王芳", "CNY")].person_id is not None
    assert balances[0].customer == "远山设计"  # most outstanding first
    one = workspace.contracts.customer_balances(TODAY, company_id=yuan.company_id)
    assert {x.currency for x in one} == {"CNY", "USD"}
    assert {a2, b, usd}  # made


def test_lists_filter_and_page(workspace):
    numbers = [
        contract_of(workspace, make_quote(workspace, customer=f"客户{n}"), "100%:2026-11-01")
        for n in range(5)
    ]
    late = numbers[1]
    for n in numbers:
        if n != late:
            workspace.contracts.record_payment(n, PaymentDraft(TOTAL, TODAY), today=TODAY)
    everything = workspace.contracts.open_list(ContractFilter(), TODAY)
    assert everything.count == 5 and everything.ids is None
    page = workspace.contracts.page(ContractFilter(), TODAY, offset=1, limit=2)
    assert [r.number for r in page] == sorted(numbers, reverse=True)[1:3]
    overdue = ContractFilter(has_overdue=True)
    listed = workspace.contracts.open_list(overdue, TODAY)
    assert listed.count == 1 and listed.ids is not None
    [row] = workspace.contracts.page(overdue, TODAY)
    assert (row.number, row.customer, row.overdue, row.paid, row.next_due) == (
        late,
        "客户1",
        TOTAL,
        0,
        date(2026, 11, 1),
    )
    assert row.quote is not None and row.quote.startswith("Q-") and row.total == TOTAL
    found = workspace.contracts.page(ContractFilter(customer="客户3"), TODAY)
    assert [r.number for r in found] == [numbers[3]]
    assert workspace.contracts.open_list(ContractFilter(customer="100%"), TODAY).count == 0
    signed = ContractFilter(signed_from=TODAY, signed_to=TODAY, status=ContractStatus.ACTIVE)
    assert workspace.contracts.open_list(signed, TODAY).count == 5
    before = ContractFilter(signed_to=TODAY - timedelta(1))
    assert workspace.contracts.open_list(before, TODAY).count == 0
    rows = workspace.contracts.rows([numbers[0], "gone"], TODAY)
    assert rows == []  # rows take ids, not numbers
    first = workspace.contracts.get(numbers[0], TODAY)
    assert [r.number for r in workspace.contracts.rows([first.id], TODAY)] == [numbers[0]]


def test_editing_fields_and_deleting(workspace):
    ends = date(2027, 6, 30)
    c = contract_of(workspace, make_quote(workspace), title="品牌升级合同", ends_on=ends)
    d = workspace.contracts.get(c, TODAY)
    assert (d.title, d.ends_on, d.signed_on, d.starts_on) == (
        "品牌升级合同",
        date(2027, 6, 30),
        TODAY,
        TODAY,
    )
    workspace.contracts.edit(c, ContractChanges(title="  新标题 ", notes="加急", language="en"))
    d = workspace.contracts.get(c, TODAY)
    assert (d.title, d.notes, d.language) == ("新标题", "加急", "en")
    with pytest.raises(ValidationError, match="needs a title"):
        workspace.contracts.edit(c, ContractChanges(title=" "))
    with pytest.raises(ValidationError, match="before it starts"):
        workspace.contracts.edit(c, ContractChanges(ends_on=date(2020, 1, 1)))
    workspace.contracts.record_payment(c, PaymentDraft(Decimal(10), TODAY), today=TODAY)
    result = workspace.contracts.delete(c)
    assert result.deleted == 3 and result.entities == {"contracts", "payments", "payment_plans"}
    with pytest.raises(NotFoundError):
        workspace.contracts.get(c, TODAY)


def test_a_contract_keeps_the_revision_it_carries(workspace):
    number = make_quote(workspace)
    c = contract_of(workspace, number)
    quotes = quotes_of(workspace)
    quote = quotes.get_by_number(number)
    # What was signed stays signed: the quote is not reopened (so not revised) under it.
    with pytest.raises(ValidationError, match=f"quote {number} has contract {c}"):
        quotes.set_status(quote.id, "reopen")
    with pytest.raises(ValidationError, match="an accepted quote is not edited"):
        quotes.update(quote.id, replace(quote.draft, lines=LINES[1:2]))
    assert quotes.get(quote.id).revision == 1
    d = workspace.contracts.get(c, TODAY)
    assert d.quote_revision == 1 and [x.description for x in d.lines][1:3] == ["品牌设计", "印刷"]
    assert d.totals is not None and d.totals.total == TOTAL


def test_the_document_has_parties_lines_totals_and_instalments(workspace):
    quote = make_quote(workspace, contact="李雷")
    c = contract_of(workspace, quote, "30%:2026-11-01,70%:2027-03-01")
    workspace.contracts.record_payment(c, PaymentDraft(Decimal(1000), TODAY), today=TODAY)
    doc = workspace.contracts.document(c, today=TODAY)
    assert (doc.kind, doc.number, doc.currency, doc.language) == ("contract", c, "CNY", "zh")
    assert (doc.customer.name, doc.customer.contact) == ("远山设计", "李雷")
    assert [x.kind for x in doc.lines] == ["section", "item", "item", "item"]
    assert doc.totals.total == TOTAL and doc.tax_rounding_note
    assert [(i.percent, i.paid) for i in doc.instalments] == [
        (Decimal(30), Decimal(1000)),
        (Decimal(70), Decimal(0)),
    ]
    assert workspace.contracts.document(c, "en").language == "en"


def test_settling_spills_what_an_instalment_cannot_take_to_the_oldest_unpaid():
    from desktop_crm.services.contracts.allocation import PlannedItem, balance, settle

    plan = [
        PlannedItem("b", date(2027, 2, 1), Decimal(300)),
        PlannedItem("a", date(2027, 1, 1), Decimal(100)),
        PlannedItem("c", date(2027, 3, 1), Decimal(600)),
    ]
    # 350 against "b" pays it and spills 50; 30 against a replaced instalment is the
    # contract's; 400 against "c" stays there. The 80 unassigned settle "a", the oldest.
    payments = [("b", Decimal(350)), ("gone", Decimal(30)), ("c", Decimal(400))]
    settled = settle(plan, payments, date(2027, 2, 2))
    assert [(s.item.id, s.paid, s.outstanding, s.overdue) for s in settled] == [
        ("a", 80, 20, 20),
        ("b", 300, 0, 0),
        ("c", 400, 200, 0),
    ]
    assert balance(Decimal(1000), Decimal(780), settled).outstanding == 220
    # No plan: everything unpaid is outstanding, nothing overdue.
    assert balance(Decimal(1000), Decimal(730), []).overdue == 0
