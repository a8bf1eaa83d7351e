"""What the deal services return: plain frozen values, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Literal, get_args

from desktop_crm.domain.vocab import DealStatus

StageKind = Literal["open", "won", "lost"]
"""What reaching a stage means: the deal is still open, or won, or lost."""
STAGE_KINDS: tuple[StageKind, ...] = get_args(StageKind)


@dataclass(frozen=True)
class DealSummary:
    """One deal as a view or a list shows it (names resolved, nothing to look up again).

    Attributes:
        id: The deal's id.
        number: Its number (deals made before numbering have none).
        title: What it is about.
        company_id: The customer company, while it exists (``None`` once deleted).
        company_name: That company's name.
        person_id: The customer person (or the contact at the company), while they exist.
        person_name: That person's name.
        amount: What it is worth.
        currency: ISO code of ``amount``.
        pipeline: The name of its pipeline.
        stage: The name of its stage.
        probability: The stage's win probability, percent.
        status: Open, won or lost.
        expected_close: The day it is expected to close.
        closed_on: The day it was won or lost.
        lost_reason: Why it was lost.
        owner: The name of the user in charge.
        notes: Free text.
        created_at: When it was made.
        source: Where it came from.
    """

    id: str
    number: str | None
    title: str
    company_id: str | None
    company_name: str | None
    person_id: str | None
    person_name: str | None
    amount: Decimal
    currency: str
    pipeline: str
    stage: str
    probability: int
    status: DealStatus
    expected_close: date | None
    closed_on: date | None
    lost_reason: str | None
    owner: str | None
    notes: str
    created_at: datetime
    source: str | None = None

    @property
    def customer(self) -> str:
        """The customer's name: the company's, else the person's ("" for neither)."""
        return self.company_name or self.person_name or ""


@dataclass(frozen=True)
class DealDraft:
    """A deal as the editor holds it (what ``create`` and ``update`` take).

    Attributes:
        title: What it is about (not empty).
        company_id: The customer company.
        person_id: The customer person, or the contact at the company.
        amount: What it is worth (not negative).
        currency: ISO code of ``amount``; ``None``: the pipeline's currency.
        expected_close: The day it is expected to close.
        owner_id: The user in charge; ``None`` on create: the current user.
        source: Where it came from (referral, website…).
        pipeline_id: Its pipeline; ``None``: the stage's, else the default pipeline.
        stage_id: Its stage; ``None``: the pipeline's first open stage. ``update`` moves the
            deal when it differs (a move as :meth:`DealService.move` makes).
        notes: Free text.
    """

    title: str
    company_id: str | None = None
    person_id: str | None = None
    amount: Decimal = Decimal(0)
    currency: str | None = None
    expected_close: date | None = None
    owner_id: str | None = None
    source: str | None = None
    pipeline_id: str | None = None
    stage_id: str | None = None
    notes: str = ""


@dataclass(frozen=True)
class BoardFilter:
    """Which deals a board (or a deals list) shows; every given part must hold.

    Attributes:
        owner_id: Deals of this user.
        close_from: Expected to close on or after this day.
        close_to: Expected to close on or before this day.
        tag_id: Deals whose company or person has this tag.
        text: Part of the title, the number or the customer's name (case ignored).
    """

    owner_id: str | None = None
    close_from: date | None = None
    close_to: date | None = None
    tag_id: str | None = None
    text: str = ""


@dataclass(frozen=True)
class BoardCard:
    """One deal on the board.

    Attributes:
        id: The deal's id.
        number: Its number.
        title: Its title.
        customer: The customer's name (the company's, else the person's; "" for neither).
        amount: What it is worth.
        currency: ISO code of ``amount``.
        probability: Win probability, percent.
        expected_close: The day it is expected to close.
        owner: The name of the user in charge.
        days_in_stage: Whole days since it entered its stage.
        rotting: Waiting longer than the stage's rotting days.
    """

    id: str
    number: str | None
    title: str
    customer: str
    amount: Decimal
    currency: str
    probability: int
    expected_close: date | None
    owner: str | None
    days_in_stage: int
    rotting: bool


@dataclass(frozen=True)
class BoardColumn:
    """A stage's column: its figures and its cards in board order.

    Totals are in the pipeline's currency; deals in another currency are not converted but
    summed apart, per currency, in ``other_currencies`` (their count is in ``count``).

    Attributes:
        stage_id: The stage.
        name: Its name.
        kind: ``open``, ``won`` or ``lost``.
        probability: The stage's probability, percent.
        rotting_days: The stage's rotting days.
        colour: The stage's colour.
        count: Deals in the column.
        total: Σ amount of those in the pipeline's currency.
        weighted: Σ amount × probability ÷ 100 of those in the pipeline's currency.
        other_currencies: Σ amount per other currency code.
        cards: The deals, lower board rank first, unranked last in the order made.
    """

    stage_id: str
    name: str
    kind: StageKind
    probability: int
    rotting_days: int | None
    colour: str | None
    count: int
    total: Decimal
    weighted: Decimal
    other_currencies: dict[str, Decimal]
    cards: tuple[BoardCard, ...]


@dataclass(frozen=True)
class Board:
    """A pipeline's board.

    Attributes:
        pipeline_id: The pipeline.
        currency: The currency the columns' totals are in.
        columns: One per live stage, in stage order. The won and lost columns count the deals
            closed in the filtered period but hold cards only when asked (they grow forever).
    """

    pipeline_id: str
    currency: str
    columns: tuple[BoardColumn, ...]


DEAL_SORTS = ("created_at", "number", "title", "customer", "amount", "expected_close", "stage")
"""Columns a deals list sorts by."""


@dataclass(frozen=True)
class DealFilter:
    """Which deals a deals list shows (every given part must hold).

    Attributes:
        board: Owner, close period, tag and text, as on the board.
        pipeline_id: Deals of this pipeline.
        stage_id: Deals in this stage.
        status: Open, won or lost deals.
    """

    board: BoardFilter = BoardFilter()
    pipeline_id: str | None = None
    stage_id: str | None = None
    status: DealStatus | None = None


@dataclass(frozen=True)
class StageVisit:
    """A stretch of a deal's history: one stage, from entering it to leaving it.

    Attributes:
        stage_id: The stage.
        stage: Its name ("" once deleted and gone).
        entered: When the deal entered it.
        left: When it left (``None``: it is still there).
        days: Whole days spent there (until now while it is still there).
    """

    stage_id: str
    stage: str
    entered: datetime
    left: datetime | None
    days: int
