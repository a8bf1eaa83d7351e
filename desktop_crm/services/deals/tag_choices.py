"""The tags a board or deals list can filter by: those on some live deal's company or person."""

from __future__ import annotations

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session

from desktop_crm.store.models import Deal, Tag, Tagging


def deal_tags(session: Session) -> list[tuple[str, str]]:
    """``(id, name)`` of live tags on the company or person of a live deal, by name.

    Tags on nobody with a deal are left out: choosing one would only empty the board.
    """
    customer = or_(
        and_(Deal.company_id.is_not(None), Deal.company_id == Tagging.company_id),
        and_(Deal.person_id.is_not(None), Deal.person_id == Tagging.person_id),
    )
    on_a_deal = exists(select(Deal.id).where(Deal.deleted_at.is_(None), customer))
    rows = session.execute(
        select(Tag.id, Tag.name)
        .join(Tagging, Tagging.tag_id == Tag.id)
        .where(Tag.deleted_at.is_(None), Tagging.deleted_at.is_(None), on_a_deal)
        .group_by(Tag.id, Tag.name)
        .order_by(Tag.name)
    ).all()
    return [(str(tag_id), str(name)) for tag_id, name in rows]
