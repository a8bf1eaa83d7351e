"""Quotes through the service: pricing under both roundings, revisions, statuses, undo, lists."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal as D

import pytest

from desktop_crm.domain.errors import NotFoundError, ValidationError
from desktop_crm.domain.vocab import QuoteStatus
from desktop_crm.services.contacts.dto import AddressData
from desktop_crm.services.quotes.dto import LineDraft, QuoteDraft, QuoteFilter
from desktop_crm.services.quotes.service import QuoteService
from desktop_crm.services.workspace.handle import create_workspace, open_workspace
from tests.conftest import TODAY
from tests.drafts import company, person

SECTION = LineDraft(kind="section", description="设计服务")


@pytest.fixture
def quotes(workspace):
    return QuoteService(workspace.store, today=lambda: TODAY)


@pytest.fixture
def studio(workspace):
    """A Chinese company with its contact, and an English one."""
    cid = workspace.people.save_company(
        company(
            "深圳星河设计工作室",
            phones=[("work", "0755 8888 6666")],
            addresses=(AddressData(city="深圳市", region="广东省", street="南山区科技园路1号"),),
        )
    ).ids[0]
    pid = workspace.people.save(person("王芳", company_id=cid)).ids[0]
    eid = workspace.people.save_company(company("Harbour Lights Ltd")).ids[0]
    return cid, pid, eid


def item(price, quantity=1, rate=13, **fields):
    return LineDraft(
        description=fields.pop("description", "品牌设计"),
        quantity=D(quantity),
        unit_price=D(price),
        tax_rate=D(rate),
        **fields,
    )


def make(quotes, customer, *lines, **fields):
    draft = QuoteDraft(company_id=customer, lines=tuple(lines), **fields)
    return quotes.create(draft).ids[0]


def figures(detail):
    t = detail.totals
    return (t.subtotal, t.discount, t.tax, t.total)


def test_both_rounding_rules_through_the_service(workspace, quotes, studio):
    qid = make(quotes, studio[0], *[item("0.05")] * 3)
    assert figures(quotes.get(qid)) == (D("0.15"), D("0.00"), D("0.03"), D("0.18"))
    workspace.settings.update({"quotes.tax_rounding": "per_rate"})
    assert figures(quotes.get(qid)) == (D("0.15"), D("0.00"), D("0.02"), D("0.17"))
    assert quotes.page()[0].total == D("0.17")  # the list prices the same way
    # Inclusive prices keep their gross under both rules; the tax split differs.
    inclusive = make(quotes, studio[0], *[item("1.00", price_includes_tax=True)] * 3)
    assert figures(quotes.get(inclusive)) == (D("2.65"), D("0.00"), D("0.35"), D("3.00"))
    workspace.settings.update({"quotes.tax_rounding": "per_line"})
    assert figures(quotes.get(inclusive)) == (D("2.64"), D("0.00"), D("0.36"), D("3.00"))


def test_tax_inclusive_and_exclusive_prices(quotes, studio):
    net = make(quotes, studio[0], item("100.00", 3, discount=D(10)))
    assert figures(quotes.get(net)) == (D("270.00"), D("30.00"), D("35.10"), D("305.10"))
    gross = make(quotes, studio[0], item("113.00", price_includes_tax=True))
    detail = quotes.get(gross)
    assert figures(detail) == (D("100.00"), D("0.00"), D("13.00"), D("113.00"))
    assert detail.totals.tax_by_rate == {D(13): D("13.00")}


def test_yen_and_yuan(quotes, studio):
    yen = make(quotes, studio[2], item("333.5", 3, rate=10), currency="jpy")
    detail = quotes.get(yen)
    assert detail.currency == "JPY"
    assert figures(detail) == (D(1001), D(0), D(100), D(1101))
    yuan = make(
        quotes,
        studio[0],
        SECTION,
        item("5000", 2, rate=6, discount=D(500), discount_is_percent=False),
        item("11.30", 100, price_includes_tax=True),
        item("999", optional=True),
    )
    detail = quotes.get(yuan)
    assert figures(detail) == (D("10500.00"), D("500.00"), D("700.00"), D("11200.00"))
    assert detail.totals.tax_by_rate == {D(6): D("570.00"), D(13): D("130.00")}
    assert detail.totals.optional_total == D("1128.87")
    assert detail.line_amounts[0] is None and detail.line_amounts[1].amount == D("9500.00")


def test_bad_lines_are_refused_naming_the_line(quotes, studio):
    too_much = item("100", discount=D(101), discount_is_percent=False)
    with pytest.raises(ValidationError, match=r"^line 2: the discount 101\.00 is more") as info:
        make(quotes, studio[0], SECTION, too_much)
    assert info.value.params["line"] == 2 and info.value.params["field"] == "discount"
    with pytest.raises(ValidationError, match="line 1: the quantity is negative"):
        make(quotes, studio[0], item("1", -1))
    with pytest.raises(ValidationError, match="line 1: a discount of 120%"):
        make(quotes, studio[0], item("1", discount=D(120)))
    with pytest.raises(ValidationError, match="needs a customer"):
        quotes.create(QuoteDraft(lines=(item("1"),)))
    with pytest.raises(ValidationError, match="not a currency"):
        make(quotes, studio[0], currency="XYZ")
    with pytest.raises(ValidationError, match="line 1: no product has the code"):
        make(quotes, studio[0], LineDraft(code="NOPE", unit_price=D(1)))
    assert quotes.count() == 0  # nothing half-written


def test_number_language_and_owner(workspace, quotes, studio):
    cid, pid, eid = studio
    first = quotes.get(make(quotes, cid, item("1")))
    assert first.number == f"Q-{TODAY.year}-0001" and first.revision == 1
    assert first.status is QuoteStatus.DRAFT and first.language == "zh"
    assert (first.customer, first.contact) == ("深圳星河设计工作室", None)
    assert first.owner is not None and first.draft.owner_id == workspace.store.actor_id
    english = quotes.get(make(quotes, eid, item("1")))
    assert english.language == "en" and english.number.endswith("0002")
    with_contact = quotes.create(QuoteDraft(company_id=cid, person_id=pid, language="en")).ids[0]
    assert quotes.get(with_contact).contact == "王芳"
    assert quotes.get(with_contact).language == "en"  # chosen, not derived
    person_only = quotes.create(QuoteDraft(person_id=pid)).ids[0]
    assert quotes.get(person_only).customer == "王芳"
    assert quotes.get_by_number(first.number).id == first.id
    with pytest.raises(NotFoundError, match="no quote Q-1999-0001 in this workspace"):
        quotes.get_by_number("Q-1999-0001")


def test_editing_a_draft_in_place_and_a_sent_quote_as_a_revision(quotes, studio):
    qid = make(quotes, studio[0], item("100"), valid_until=TODAY + timedelta(days=30))
    draft = quotes.get(qid).draft
    quotes.update(qid, replace(draft, notes="first"))
    assert quotes.get(qid).revision == 1 and quotes.get(qid).draft.notes == "first"
    quotes.set_status(qid, "send")
    same = quotes.update(qid, quotes.get(qid).draft)
    assert same.operation_id is None and quotes.get(qid).revision == 1  # nothing changed
    changed = replace(quotes.get(qid).draft, lines=(item("200"), item("50", rate=6)))
    quotes.update(qid, changed)
    rev2 = quotes.get(qid)
    assert (rev2.revision, rev2.status, rev2.latest) == (2, QuoteStatus.DRAFT, True)
    assert rev2.totals.total == D("279.00")
    rev1 = quotes.revision(qid, 1)
    assert (rev1.revision, rev1.status, rev1.latest) == (1, QuoteStatus.SENT, False)
    assert rev1.totals.total == D("113.00") and rev1.draft.notes == "first"
    assert [(r.revision, r.status, r.total) for r in rev2.revisions] == [
        (1, QuoteStatus.SENT, D("113.00")),
        (2, QuoteStatus.DRAFT, D("279.00")),
    ]
    assert quotes.revision(qid, 2) == rev2
    with pytest.raises(NotFoundError, match="has no revision 3"):
        quotes.revision(qid, 3)
    quotes.set_status(qid, "send")
    quotes.update(qid, replace(quotes.get(qid).draft, notes="third"))
    assert quotes.get(qid).revision == 3 and quotes.revision(qid, 2).totals.total == D("279.00")
    quotes.set_status(qid, "send")
    quotes.set_status(qid, "accept")
    with pytest.raises(ValidationError, match="an accepted quote is not edited"):
        quotes.update(qid, replace(quotes.get(qid).draft, notes="late"))


def test_status_flow_and_expiry(workspace, quotes, studio):
    qid = make(quotes, studio[0], item("100"), valid_until=TODAY + timedelta(days=10))
    with pytest.raises(ValidationError, match=r"^a draft quote cannot be accepted$") as info:
        quotes.set_status(qid, "accept")
    assert info.value.params == {"field": "status", "status": "draft", "action": "accept"}
    quotes.set_status(qid, "send")
    assert quotes.get(qid).status is QuoteStatus.SENT
    later = QuoteService(workspace.store, today=lambda: TODAY + timedelta(days=11))
    assert later.get(qid).status is QuoteStatus.EXPIRED
    assert later.get(qid).stored_status is QuoteStatus.SENT
    assert later.count(QuoteFilter(status=QuoteStatus.EXPIRED)) == 1
    assert later.count(QuoteFilter(status=QuoteStatus.SENT)) == 0
    assert quotes.count(QuoteFilter(status=QuoteStatus.SENT)) == 1
    assert later.page()[0].status is QuoteStatus.EXPIRED
    with pytest.raises(ValidationError, match=r"^an expired quote cannot be sent$"):
        later.set_status(qid, "send")
    later.set_status(qid, "accept")  # a customer may accept a day late
    assert later.get(qid).status is QuoteStatus.ACCEPTED
    later.set_status(qid, "reopen")
    assert quotes.get(qid).status is QuoteStatus.SENT
    quotes.set_status(qid, "reject")
    assert quotes.get(qid).status is QuoteStatus.REJECTED


def test_undo_and_redo_of_every_change(workspace, quotes, studio):
    history = workspace.history
    qid = make(quotes, studio[0], SECTION, item("100"))
    history.undo()
    with pytest.raises(NotFoundError):
        quotes.get(qid)
    history.redo()
    assert quotes.get(qid).totals.total == D("113.00")

    quotes.update(qid, replace(quotes.get(qid).draft, lines=(item("100", 2),)))
    assert len(quotes.get(qid).lines) == 1
    history.undo()
    assert [x.kind for x in quotes.get(qid).lines] == ["section", "item"]
    history.redo()
    assert quotes.get(qid).totals.total == D("226.00")

    quotes.set_status(qid, "send")
    history.undo()
    assert quotes.get(qid).status is QuoteStatus.DRAFT
    history.redo()
    assert quotes.get(qid).status is QuoteStatus.SENT

    revised = quotes.update(qid, replace(quotes.get(qid).draft, lines=(item("300"),)))
    assert history.recent(1)[0].label == f"Revise quote {quotes.get(qid).number} (rev 2)"
    history.undo()
    back = quotes.get(qid)
    assert (back.revision, back.status, back.totals.total) == (1, QuoteStatus.SENT, D("226.00"))
    assert [r.revision for r in back.revisions] == [1]
    history.redo(revised.operation_id)
    assert quotes.get(qid).revision == 2 and quotes.revision(qid, 1).totals.total == D("226.00")

    quotes.delete(qid)
    assert quotes.count() == 0
    history.undo()
    assert quotes.get(qid).revision == 2 and quotes.count() == 1
    assert quotes.revision(qid, 1).totals.total == D("226.00")
    history.redo()
    with pytest.raises(NotFoundError):
        quotes.get(qid)


def test_lists_filter_sort_page_and_total(workspace, quotes, studio):
    cid, pid, eid = studio
    a = make(quotes, cid, item("100", description="网站设计"), issued_on=date(2026, 3, 1))
    b = make(quotes, eid, item("1000", rate=0), issued_on=date(2026, 5, 1), currency="USD")
    c = quotes.create(
        QuoteDraft(company_id=cid, person_id=pid, issued_on=date(2026, 7, 1), lines=(item("50"),))
    ).ids[0]
    assert quotes.ids() == [c, b, a]  # newest first
    assert quotes.ids(sort="customer", descending=False) == [b, a, c]
    assert [r.id for r in quotes.page(offset=1, limit=1)] == [b]
    assert quotes.count(QuoteFilter(customer="星河")) == 2
    assert quotes.ids(QuoteFilter(text="网站")) == [a]
    assert quotes.ids(QuoteFilter(text="0002")) == [b]
    period = QuoteFilter(issued_from=date(2026, 4, 1), issued_to=date(2026, 6, 30))
    assert quotes.ids(period) == [b]
    assert quotes.count(QuoteFilter(owner_id=workspace.store.actor_id)) == 3
    assert quotes.count(QuoteFilter(owner_id="01a00000-0000-7000-8000-000000000000")) == 0
    totals = {t.currency: t for t in quotes.totals()}
    assert (totals["CNY"].count, totals["CNY"].total) == (2, D("169.50"))
    assert (totals["USD"].count, totals["USD"].total) == (1, D("1000.00"))
    assert [r.id for r in quotes.quotes_of_customer(company_id=cid)] == [c, a]
    assert [r.id for r in quotes.quotes_of_customer(person_id=pid)] == [c]
    assert (
        quotes.rows([a, "01a00000-0000-7000-8000-000000000000"])[0].customer == "深圳星河设计工作室"
    )
    with pytest.raises(ValueError):
        quotes.ids(sort="total")


def test_quotes_of_a_deal_and_demo_quotes_without_a_language(demo_path):
    ws = open_workspace(demo_path)
    try:
        rows = ws.quotes.page()
        assert rows, "the demo has quotes"
        detail = ws.quotes.get(rows[0].id)
        assert detail.language in ("en", "zh") and detail.deal is not None
        assert rows[0].id in [r.id for r in ws.quotes.quotes_of_deal(detail.draft.deal_id)]
        assert ws.reads.quotes.count() == len(rows)
    finally:
        ws.close(backup_if_changed=False)


def test_revisions_and_templates_survive_the_workspace_export(workspace, quotes, studio, tmp_path):
    qid = make(quotes, studio[0], item("100"))
    quotes.set_status(qid, "send")
    quotes.update(qid, replace(quotes.get(qid).draft, lines=(item("300"),)))
    workspace.printing.duplicate_template("quote-classic", "星河报价")
    target = tmp_path / "everything.xlsx"
    workspace.exports.export_workspace(target)
    fresh = create_workspace(tmp_path / "moved.crm")
    try:
        fresh.imports.import_file(target)
        moved = QuoteService(fresh.store, today=lambda: TODAY)
        detail = moved.get(qid)
        assert detail.revision == 2 and detail.totals.total == D("339.00")
        old = moved.revision(qid, 1)
        assert (old.status, old.totals.total) == (QuoteStatus.SENT, D("113.00"))
        assert fresh.printing.template("星河报价").shipped is False
    finally:
        fresh.close(backup_if_changed=False)
