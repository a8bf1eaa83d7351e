"""The board: a column per stage with hand-checked sums, cards in order, filters, rotting."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.vocab import DealStatus
from desktop_crm.services.deals.dto import BoardFilter, DealDraft, DealFilter
from desktop_crm.services.workspace.handle import Workspace, create_workspace
from desktop_crm.store.models import Deal, Tag
from tests import drafts

START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START, "Asia/Shanghai")


@pytest.fixture
def ws(ws_path: Path, clock: FixedClock) -> Iterator[Workspace]:
    handle = create_workspace(ws_path, clock=clock)
    yield handle
    handle.close(backup_if_changed=False)


def _seed(ws: Workspace, clock: FixedClock) -> dict[str, str]:
    """Five deals over three stages, one in dollars, one won, one lost."""
    stage = {s.name: s.id for s in ws.pipelines.default().stages}
    acme = ws.people.save_company(drafts.company("Acme")).ids[0]
    wang = ws.people.save(drafts.person("王芳")).ids[0]
    ws.contacts.add_tag("company", [acme], "VIP")
    ws.contacts.add_tag("person", [wang], "Hot")
    deals = {
        "servers": DealDraft(
            "Servers", company_id=acme, amount=Decimal("1000"), expected_close=date(2026, 12, 5)
        ),
        "desks": DealDraft(
            "Desks", person_id=wang, amount=Decimal("250.50"), expected_close=date(2027, 1, 10)
        ),
        "chairs": DealDraft(
            "Chairs",
            person_id=wang,
            amount=Decimal("400"),
            stage_id=stage["Proposal sent"],
            expected_close=date(2026, 12, 20),
        ),
        "usd": DealDraft(
            "Export", amount=Decimal("99"), currency="USD", stage_id=stage["Proposal sent"]
        ),
        "won": DealDraft("Big win", amount=Decimal("5000")),
        "lost": DealDraft("Lost one", amount=Decimal("300")),
    }
    ids = {key: ws.deals.create(draft).ids[0] for key, draft in deals.items()}
    ws.deals.win(ids["won"])
    ws.deals.lose(ids["lost"], "No budget")
    return ids


def _tag_id(ws: Workspace, name: str) -> str:
    with ws.store.read() as session:
        return session.scalars(select(Tag.id).where(Tag.name == name)).one()


def test_columns_count_and_sum_by_hand(ws, clock):
    _seed(ws, clock)
    board = ws.deals.board(ws.pipelines.default().id)
    assert board.currency == "CNY"
    by_name = {c.name: c for c in board.columns}
    assert [c.name for c in board.columns] == [
        "Qualified", "Needs analysis", "Proposal sent", "Negotiation", "Won", "Lost",
    ]  # fmt: skip
    qualified = by_name["Qualified"]
    # 1000 + 250.50 = 1250.50; weighted at 10 %: 125.05.
    assert (qualified.count, qualified.total, qualified.weighted) == (
        2, Decimal("1250.50"), Decimal("125.05"),
    )  # fmt: skip
    assert [c.title for c in qualified.cards] == ["Servers", "Desks"]
    proposal = by_name["Proposal sent"]
    # 400 CNY at 50 %: 200; the 99 USD are counted but summed apart, never converted.
    assert (proposal.count, proposal.total, proposal.weighted) == (2, Decimal(400), Decimal(200))
    assert proposal.other_currencies == {"USD": Decimal(99)}
    assert by_name["Negotiation"].count == 0 and by_name["Negotiation"].total == 0
    won, lost = by_name["Won"], by_name["Lost"]
    assert (won.count, won.total, won.weighted, won.cards) == (1, 5000, 5000, ())
    assert (lost.count, lost.total, lost.weighted) == (1, 300, 0)
    with_closed = ws.deals.board(ws.pipelines.default().id, closed_cards=True)
    assert [c.title for c in with_closed.columns[4].cards] == ["Big win"]
    assert with_closed.columns[4].total == 5000


def test_cards_show_customer_owner_days_and_rotting(ws, clock):
    ids = _seed(ws, clock)
    clock.advance(timedelta(days=15))  # Qualified rots after 14 days, Proposal sent after 21
    board = ws.deals.board(ws.pipelines.default().id)
    servers, desks = board.columns[0].cards
    assert (servers.customer, servers.amount, servers.currency) == ("Acme", 1000, "CNY")
    assert (desks.customer, desks.expected_close) == ("王芳", date(2027, 1, 10))
    assert servers.owner and servers.number
    assert (servers.days_in_stage, servers.rotting, servers.probability) == (15, True, 10)
    chairs = board.columns[2].cards[0]
    assert (chairs.days_in_stage, chairs.rotting) == (15, False)
    ws.deals.move(ids["servers"], board.columns[2].stage_id)
    clock.advance(timedelta(days=2))
    moved = ws.deals.board(ws.pipelines.default().id).columns[2].cards[-1]
    assert (moved.title, moved.days_in_stage, moved.rotting) == ("Servers", 2, False)


def test_filters_owner_close_period_tag_and_text(ws, clock):
    _seed(ws, clock)
    pid = ws.pipelines.default().id

    def titles(flt: BoardFilter) -> list[str]:
        board = ws.deals.board(pid, flt)
        return sorted(c.title for col in board.columns for c in col.cards)

    assert titles(BoardFilter(close_from=date(2026, 12, 1), close_to=date(2026, 12, 31))) == [
        "Chairs",
        "Servers",
    ]
    assert titles(BoardFilter(tag_id=_tag_id(ws, "VIP"))) == ["Servers"]
    assert titles(BoardFilter(tag_id=_tag_id(ws, "Hot"))) == ["Chairs", "Desks"]
    me = ws.deals.page(DealFilter(board=BoardFilter(text="Servers")))[0]
    with ws.store.read() as session:
        owner_id = session.scalars(select(Deal.owner_id).where(Deal.id == me.id)).one()
    assert len(titles(BoardFilter(owner_id=owner_id))) == 4
    assert titles(BoardFilter(text="王")) == ["Chairs", "Desks"]
    assert titles(BoardFilter(text="EXP")) == ["Export"]
    number = _number(ws, "Desks")
    assert titles(BoardFilter(text=number.lower())) == ["Desks"]
    assert titles(BoardFilter(text="100%")) == []  # % is a character, not a wildcard
    assert titles(BoardFilter(owner_id="0190a0a0-0000-7000-8000-000000000000")) == []


def _number(ws: Workspace, title: str) -> str:
    (row,) = [r for r in ws.deals.page(DealFilter(board=BoardFilter(text=title)))]
    assert row.number
    return row.number


def test_the_deals_list_pages_counts_and_sorts(ws, clock):
    _seed(ws, clock)
    assert ws.deals.count() == 6
    assert ws.deals.count(DealFilter(status=DealStatus.OPEN)) == 4
    by_amount = ws.deals.page(sort="amount", descending=False)
    assert [d.title for d in by_amount] == [
        "Export", "Desks", "Lost one", "Chairs", "Servers", "Big win",
    ]  # fmt: skip
    second_page = ws.deals.page(sort="amount", descending=False, offset=2, limit=2)
    assert [d.title for d in second_page] == ["Lost one", "Chairs"]
    by_stage = ws.deals.page(sort="stage", descending=False)
    assert by_stage[-1].stage == "Lost"
    stage = ws.pipelines.default().stage_named("Proposal sent")
    assert ws.deals.count(DealFilter(stage_id=stage.id)) == 2
    assert ws.reads.deals.count() == 6
    by_customer = [d.customer for d in ws.deals.page(sort="customer", descending=False)]
    assert by_customer == ["", "", "", "Acme", "王芳", "王芳"]
