"""What the deal services return: plain frozen values, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from desktop_crm.domain.vocab import DealStatus


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

    @property
    def customer(self) -> str:
        """The customer's name: the company's, else the person's ("" for neither)."""
        return self.company_name or self.person_name or ""
