"""Global search (Ctrl+K) over people, companies, deals and quotes.

A plain substring match for now; the contacts issue replaces it with the indexed search
(FTS5 trigram, pinyin, phone digits).
"""

from __future__ import annotations

from sqlalchemy import select

from desktop_crm.services.dto import SearchHit
from desktop_crm.store.models import Company, Deal, Email, Person, Quote
from desktop_crm.store.store import Store


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class SearchService:
    """Find records by a fragment of their name, email, title or number."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def global_search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Matches across kinds, people first; names that start with the query rank first."""
        q = query.strip()
        if not q:
            return []
        pattern = _like(q)
        hits: list[SearchHit] = []
        with self._store.read() as session:
            email_match = (
                select(Email.person_id)
                .where(Email.value.ilike(pattern, escape="\\"), Email.person_id.is_not(None))
                .scalar_subquery()
            )
            people = session.execute(
                select(Person.id, Person.name, Company.name)
                .outerjoin(Company, Company.id == Person.company_id)
                .where(
                    Person.deleted_at.is_(None),
                    Person.name.ilike(pattern, escape="\\") | Person.id.in_(email_match),
                )
                .order_by(~Person.name.startswith(q, autoescape=True), Person.name)
                .limit(limit)
            )
            hits += [SearchHit("person", i, n, c or "") for i, n, c in people]
            companies = session.execute(
                select(Company.id, Company.name, Company.industry)
                .where(Company.deleted_at.is_(None), Company.name.ilike(pattern, escape="\\"))
                .order_by(~Company.name.startswith(q, autoescape=True), Company.name)
                .limit(limit)
            )
            hits += [SearchHit("company", i, n, ind or "") for i, n, ind in companies]
            deals = session.execute(
                select(Deal.id, Deal.title, Deal.number)
                .where(
                    Deal.deleted_at.is_(None),
                    Deal.title.ilike(pattern, escape="\\")
                    | Deal.number.ilike(pattern, escape="\\"),
                )
                .order_by(Deal.title)
                .limit(limit)
            )
            hits += [SearchHit("deal", i, t, n or "") for i, t, n in deals]
            quotes = session.execute(
                select(Quote.id, Quote.number, Quote.status)
                .where(Quote.deleted_at.is_(None), Quote.number.ilike(pattern, escape="\\"))
                .order_by(Quote.number)
                .limit(limit)
            )
            hits += [SearchHit("quote", i, n, s) for i, n, s in quotes]
        return hits[:limit]
