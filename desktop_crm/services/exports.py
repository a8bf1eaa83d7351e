"""Exporting contacts to files other software reads (vCard now; spreadsheets next)."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import select

from desktop_crm.domain.errors import StorageError, ValidationError
from desktop_crm.spreadsheet.vcard_writer import Card, CardAddress, write_vcards
from desktop_crm.store.models import Address, Company, Email, Person, Phone, Tag, Tagging
from desktop_crm.store.store import Store

CHUNK = 900


class ExportService:
    """Write lists of records to files."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def export_people_vcard(
        self, target: Path, person_ids: Iterable[str] | None = None, version: str = "3.0"
    ) -> int:
        """Write people (all live ones by default) as a vCard file; return how many.

        The file is written to a temporary name and moved into place, so a failure (a full
        disk) never leaves half a file where the user expects a whole one.
        """
        if version not in ("3.0", "4.0"):
            raise ValidationError("vCard version must be 3.0 or 4.0.", field="version")
        with self._store.read() as session:
            if person_ids is None:
                ids = list(
                    session.scalars(
                        select(Person.id).where(Person.deleted_at.is_(None)).order_by(Person.name)
                    )
                )
            else:
                ids = list(dict.fromkeys(person_ids))
            cards: list[Card] = []
            for start in range(0, len(ids), CHUNK):
                cards += _cards(session, ids[start : start + CHUNK])
        text = write_vcards(cards, version)
        tmp = target.with_name(target.name + ".part")
        try:
            tmp.write_text(text, encoding="utf-8", newline="")
            os.replace(tmp, target)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StorageError(
                f"Could not write {target}: {exc.strerror or exc}.", detail=str(exc)
            ) from None
        return len(cards)


def _cards(session, ids: list[str]) -> list[Card]:  # type: ignore[no-untyped-def]
    people = {
        p.id: (p, company)
        for p, company in session.execute(
            select(Person, Company.name)
            .outerjoin(Company, Company.id == Person.company_id)
            .where(Person.id.in_(ids), Person.deleted_at.is_(None))
        )
    }
    phones, emails = defaultdict(list), defaultdict(list)
    for owner, label, value in session.execute(
        select(Phone.person_id, Phone.label, Phone.value)
        .where(Phone.person_id.in_(ids), Phone.deleted_at.is_(None))
        .order_by(Phone.position)
    ):
        phones[owner].append((label, value))
    for owner, label, value in session.execute(
        select(Email.person_id, Email.label, Email.value)
        .where(Email.person_id.in_(ids), Email.deleted_at.is_(None))
        .order_by(Email.position)
    ):
        emails[owner].append((label, value))
    addresses = defaultdict(list)
    for a in session.scalars(
        select(Address)
        .where(Address.person_id.in_(ids), Address.deleted_at.is_(None))
        .order_by(Address.position)
    ):
        addresses[a.person_id].append(
            CardAddress(a.label, a.street, a.city, a.region, a.postcode, a.country)
        )
    tags = defaultdict(list)
    for owner, name in session.execute(
        select(Tagging.person_id, Tag.name)
        .join(Tag, Tag.id == Tagging.tag_id)
        .where(Tagging.person_id.in_(ids), Tagging.deleted_at.is_(None), Tag.deleted_at.is_(None))
    ):
        tags[owner].append(name)
    return [
        Card(
            uid=p.id,
            name=p.name,
            family_name=p.family_name,
            given_name=p.given_name,
            organization=company,
            department=p.department,
            title=p.title,
            phones=tuple(phones[p.id]),
            emails=tuple(emails[p.id]),
            addresses=tuple(addresses[p.id]),
            website=p.website,
            birthday=p.birthday,
            notes=p.notes,
            tags=tuple(tags[p.id]),
            wechat=p.wechat,
            photo=p.photo,
        )
        for pid in ids
        if pid in people
        for p, company in [people[pid]]
    ]
