"""A deal's own values, as the deal editor loads them (ids, not names, for what it edits).

:class:`~desktop_crm.services.deals.dto.DealSummary` names everything for showing; the
editor needs the ids behind the names (owner, pipeline, stage) to save the deal back as a
:class:`~desktop_crm.services.deals.dto.DealDraft`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_crm.domain.errors import NotFoundError
from desktop_crm.domain.vocab import DealStatus
from desktop_crm.services.deals.dto import DealDraft
from desktop_crm.store.models import Company, Deal, Person
from desktop_crm.store.store import Store


@dataclass(frozen=True)
class DealValues:
    """A live deal as the editor edits it.

    Attributes:
        id: The deal's id.
        number: Its number (``None`` for deals made before numbering).
        draft: Its editable values, every id filled in (pipeline, stage, owner, currency).
        status: Open, won or lost (changed by win, lose and reopen, not by saving).
        lost_reason: Why it was lost.
        closed_on: The day it was won or lost.
        company_name: The customer company's name ("" without one, or once deleted).
        person_name: The person's name ("").
    """

    id: str
    number: str | None
    draft: DealDraft
    status: DealStatus
    lost_reason: str | None
    closed_on: date | None
    company_name: str = ""
    person_name: str = ""


class DealValuesService:
    """Read a deal's values for editing.

    Args:
        store: The workspace's store (the app reads on its reader).
    """

    def __init__(self, store: Store) -> None:
        self._store = store

    def values(self, deal_id: str) -> DealValues:
        """The deal's values; a deleted company or person is left out (the editor saves none).

        Raises:
            NotFoundError: No such live deal.
        """
        with self._store.read() as session:
            deal = session.get(Deal, deal_id)
            if deal is None or deal.deleted_at is not None:
                raise NotFoundError("The deal no longer exists.", deal_id=deal_id)
            company = session.get(Company, deal.company_id) if deal.company_id else None
            person = session.get(Person, deal.person_id) if deal.person_id else None
            if company is not None and company.deleted_at is not None:
                company = None
            if person is not None and person.deleted_at is not None:
                person = None
            draft = DealDraft(
                title=deal.title,
                company_id=company.id if company is not None else None,
                person_id=person.id if person is not None else None,
                amount=deal.amount,
                currency=deal.currency,
                expected_close=deal.expected_close,
                owner_id=deal.owner_id,
                source=deal.source,
                pipeline_id=deal.pipeline_id,
                stage_id=deal.stage_id,
                notes=deal.notes or "",
            )
            return DealValues(
                id=deal.id,
                number=deal.number,
                draft=draft,
                status=DealStatus(deal.status),
                lost_reason=deal.lost_reason,
                closed_on=deal.closed_on,
                company_name=company.name if company is not None else "",
                person_name=person.name if person is not None else "",
            )
