"""The filters the board and the deals list share, as SQL conditions over deals.

The customer is the company when the deal has one, else the person: its name is what the text
filter and the cards show, its tags what the tag filter reads.
"""

from __future__ import annotations

from typing import TypeVarTuple

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.orm import aliased

from desktop_crm.services.deals.dto import BoardFilter, DealFilter
from desktop_crm.store.models import Company, Deal, Person, Tagging

company = aliased(Company)
person = aliased(Person)
customer_name = func.coalesce(company.name, person.name, "")
Columns = TypeVarTuple("Columns")


def with_customer(query: Select[*Columns]) -> Select[*Columns]:
    """``query`` joined to the deal's live company and person (``company``, ``person``)."""
    return query.outerjoin(
        company, (company.id == Deal.company_id) & company.deleted_at.is_(None)
    ).outerjoin(person, (person.id == Deal.person_id) & person.deleted_at.is_(None))


def board_conditions(flt: BoardFilter) -> list[ColumnElement[bool]]:
    """What ``flt`` asks of a deal (the query must be :func:`with_customer`'s)."""
    found: list[ColumnElement[bool]] = []
    if flt.owner_id is not None:
        found.append(Deal.owner_id == flt.owner_id)
    if flt.close_from is not None:
        found.append(Deal.expected_close >= flt.close_from)
    if flt.close_to is not None:
        found.append(Deal.expected_close <= flt.close_to)
    if flt.tag_id is not None:
        found.append(_tagged(flt.tag_id))
    text = flt.text.strip().lower()
    if text:
        found.append(
            or_(
                func.lower(Deal.title).contains(text, autoescape=True),
                func.lower(func.coalesce(Deal.number, "")).contains(text, autoescape=True),
                func.lower(customer_name).contains(text, autoescape=True),
            )
        )
    return found


def list_conditions(flt: DealFilter) -> list[ColumnElement[bool]]:
    """What a deals list's ``flt`` asks of a deal (live deals only)."""
    found = [Deal.deleted_at.is_(None), *board_conditions(flt.board)]
    if flt.pipeline_id is not None:
        found.append(Deal.pipeline_id == flt.pipeline_id)
    if flt.stage_id is not None:
        found.append(Deal.stage_id == flt.stage_id)
    if flt.status is not None:
        found.append(Deal.status == flt.status.value)
    return found


def _tagged(tag_id: str) -> ColumnElement[bool]:
    """The deal's company or its person has the tag (people are often tagged, not firms)."""
    return exists(
        select(Tagging.id).where(
            Tagging.tag_id == tag_id,
            Tagging.deleted_at.is_(None),
            or_(
                and_(Deal.company_id.is_not(None), Tagging.company_id == Deal.company_id),
                and_(Deal.person_id.is_not(None), Tagging.person_id == Deal.person_id),
            ),
        )
    )
