"""The deal service: a deal's summary with its names, and a customer's deals."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop_crm.domain.errors import NotFoundError
from desktop_crm.domain.vocab import DealStatus
from desktop_crm.services.deals.dto import DealSummary
from desktop_crm.services.workspace.handle import open_workspace
from desktop_crm.store.models import Deal, Pipeline, Stage
from tests import drafts

MISSING = "01a00000-0000-7000-8000-000000000000"


def add_deal(workspace, title: str, **values) -> str:
    """A deal in the default pipeline's stage ``stage`` (its first), as the demo writes them."""
    stage_name = values.pop("stage", None)
    with workspace.store.read() as s:
        pipeline = s.scalars(select(Pipeline).where(Pipeline.is_default.is_(True))).one()
        stages = list(
            s.scalars(
                select(Stage).where(Stage.pipeline_id == pipeline.id).order_by(Stage.position)
            )
        )
        owner = workspace.store.actor_id
    stage = next((x for x in stages if x.name == stage_name), stages[0])
    with workspace.store.unit_of_work(f"deal {title}") as (s, _rec):
        deal = Deal(
            title=title,
            pipeline_id=pipeline.id,
            stage_id=stage.id,
            owner_id=owner,
            status=stage.kind,
            **values,
        )
        s.add(deal)
        s.flush()
        return deal.id


@pytest.fixture
def studio(workspace):
    """A company with one of its people, and someone on their own."""
    company = workspace.people.save_company(drafts.company("深圳星河设计工作室")).ids[0]
    person = workspace.people.save(drafts.person("王芳", company_id=company)).ids[0]
    loner = workspace.people.save(drafts.person("Ann Lee")).ids[0]
    return company, person, loner


def test_summary_names_everything(workspace, studio):
    company, person, _loner = studio
    did = add_deal(
        workspace,
        "品牌升级",
        number="D-0001",
        company_id=company,
        person_id=person,
        amount=Decimal("12345.67"),
        currency="USD",
        expected_close=date(2027, 1, 31),
        notes="三期付款",
        stage="Negotiation",
    )
    summary = workspace.deals.summary(did)
    assert isinstance(summary, DealSummary)
    assert (summary.id, summary.number, summary.title) == (did, "D-0001", "品牌升级")
    assert (summary.company_id, summary.company_name) == (company, "深圳星河设计工作室")
    assert (summary.person_id, summary.person_name) == (person, "王芳")
    assert summary.customer == "深圳星河设计工作室"
    assert summary.amount == Decimal("12345.67") and isinstance(summary.amount, Decimal)
    assert summary.currency == "USD"
    assert (summary.pipeline, summary.stage, summary.probability) == ("Sales", "Negotiation", 75)
    assert summary.status is DealStatus.OPEN
    assert summary.expected_close == date(2027, 1, 31) and summary.closed_on is None
    assert summary.owner and summary.notes == "三期付款"
    assert summary.created_at.tzinfo is not None
    assert abs(summary.created_at - datetime.now(UTC)) < timedelta(minutes=5)
    with pytest.raises(FrozenInstanceError):
        summary.title = "changed"  # type: ignore[misc]


def test_a_won_deal_without_a_customer(workspace):
    did = add_deal(workspace, "Walk-in", stage="Won", closed_on=date(2026, 11, 1))
    summary = workspace.deals.summary(did)
    assert summary.status is DealStatus.WON and summary.closed_on == date(2026, 11, 1)
    assert summary.company_id is summary.person_id is None
    assert summary.customer == "" and summary.notes == "" and summary.number is None


def test_a_missing_or_deleted_deal_is_not_found(workspace, studio):
    with pytest.raises(NotFoundError):
        workspace.deals.summary(MISSING)
    did = add_deal(workspace, "Gone", company_id=studio[0])
    with workspace.store.unit_of_work("delete deal") as (s, _rec):
        s.get(Deal, did).deleted_at = datetime.now(UTC)
    with pytest.raises(NotFoundError) as info:
        workspace.deals.summary(did)
    assert info.value.code == "record.not_found"
    assert workspace.deals.deals_of_customer(company_id=studio[0]) == []


def test_deals_of_a_customer_newest_first(workspace, studio):
    company, person, loner = studio
    first = add_deal(workspace, "One", company_id=company, person_id=person)
    second = add_deal(workspace, "Two", company_id=company)
    theirs = add_deal(workspace, "Three", person_id=loner)
    deals = workspace.deals
    assert [d.id for d in deals.deals_of_customer(company_id=company)] == [second, first]
    assert [d.id for d in deals.deals_of_customer(person_id=person)] == [first]
    assert [d.id for d in deals.deals_of_customer(person_id=loner)] == [theirs]
    assert [d.id for d in deals.deals_of_customer(company_id=company, person_id=person)] == [first]
    assert deals.deals_of_customer() == []
    assert deals.deals_of_customer(company_id=MISSING) == []


def test_a_deleted_customer_is_no_longer_linked(workspace, studio):
    company, person, _loner = studio
    did = add_deal(workspace, "Orphan", company_id=company, person_id=person)
    workspace.contacts.delete("company", [company])
    summary = workspace.deals.summary(did)
    assert summary.company_id is None and summary.company_name is None
    assert (summary.person_id, summary.person_name) == (person, "王芳")


def test_the_readers_answer_the_same(workspace, studio):
    did = add_deal(workspace, "Read me", company_id=studio[0])
    assert workspace.reads.deals.summary(did) == workspace.deals.summary(did)
    assert workspace.reads.deals.deals_of_customer(company_id=studio[0]) == [
        workspace.deals.summary(did)
    ]


def test_the_demo_deals_and_their_quotes(demo_path):
    ws = open_workspace(demo_path)
    try:
        quote = ws.quotes.get(ws.quotes.page()[0].id)
        deal_id = quote.draft.deal_id
        assert deal_id is not None
        summary = ws.deals.summary(deal_id)
        assert summary.title == quote.deal and summary.stage and summary.pipeline
        assert summary.company_id == quote.draft.company_id
        if summary.company_id is not None:
            mine = ws.deals.deals_of_customer(company_id=summary.company_id)
            assert deal_id in [d.id for d in mine]
        assert quote.id in [q.id for q in ws.quotes.quotes_of_deal(deal_id)]
    finally:
        ws.close(backup_if_changed=False)
