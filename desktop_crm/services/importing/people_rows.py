"""Importing people from a table: matched by email, phone or name at company."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typing_extensions import override

from desktop_crm.domain.contact_values import email_key, email_value, phone_e164, phone_value
from desktop_crm.services.importing.contact_writer import Writer
from desktop_crm.services.importing.importer import ImportContext, Importer, apply_fields, squash
from desktop_crm.spreadsheet.contact_rows import contact_from_row
from desktop_crm.spreadsheet.row_reader import RowRead
from desktop_crm.spreadsheet.vcard_reader import VContact
from desktop_crm.store.batches import in_chunks
from desktop_crm.store.changelog import Recorder
from desktop_crm.store.models import Company, Email, Person, Phone


class PeopleImporter(Importer[VContact]):
    """People, with their company (found or made), phones, emails, address, tags, custom fields.

    Args:
        ctx: The import's context.
        birth: Columns of a birthday split into year, month and day.
    """

    entity = "people"

    def __init__(self, ctx: ImportContext, birth: dict[str, int]) -> None:
        super().__init__(ctx)
        self.birth = birth
        self.e164: dict[str, str | None] = {}  # each typed phone parsed once per import

    @override
    def item(self, read: RowRead, row: Sequence[Any]) -> tuple[VContact | None, str]:
        contact, reason = contact_from_row(read, row, self.birth)
        if contact is not None and contact.named_from:
            origin = contact.named_from
            self.notes.add("row_no_name", read.number, contact.name, origin, group=origin)
        return contact, reason

    @override
    def company_of(self, item: VContact) -> str | None:
        return item.organization

    @override
    def prepare(self, session: Session) -> None:
        by = self.ctx.match_by
        live = Person.deleted_at.is_(None)
        self.emails: dict[str, str] = (
            dict(
                session.execute(
                    select(func.lower(Email.value), Email.person_id)
                    .join(Person, Person.id == Email.person_id)
                    .where(Email.deleted_at.is_(None), live)
                ).all()
            )
            if "email" in by
            else {}
        )
        self.phones: dict[str, str] = (
            {
                str(e164): str(pid)
                for e164, pid in session.execute(
                    select(Phone.e164, Phone.person_id)
                    .join(Person, Person.id == Phone.person_id)
                    .where(Phone.deleted_at.is_(None), live, Phone.e164.is_not(None))
                )
            }
            if "phone" in by
            else {}
        )
        self.names: dict[tuple[str, str], str] = (
            {
                (squash(name), (company or "").casefold()): pid
                for pid, name, company in session.execute(
                    select(Person.id, Person.name, Company.name)
                    .outerjoin(Company, Company.id == Person.company_id)
                    .where(live)
                )
            }
            if "name" in by
            else {}
        )

    @override
    def find(self, item: VContact) -> str | None:
        for _label, value in item.emails:
            if email_key(value) in self.emails:
                return self.emails[email_key(value)]
        if self.phones:
            for _label, value in item.phones:
                e164 = self.parse(value)
                if e164 and e164 in self.phones:
                    return self.phones[e164]
        if item.named_from is None and self.names:
            return self.names.get((squash(item.name), (item.organization or "").casefold()))
        return None

    def parse(self, value: str) -> str | None:
        """A phone's E.164 form, parsed once per import."""
        if value not in self.e164:
            self.e164[value] = phone_e164(value, self.ctx.region)
        return self.e164[value]

    @override
    def writer(self, session: Session, rec: Recorder) -> Writer:
        writer = super().writer(session, rec)
        writer.rules.parsed_phones = self.e164  # parsed while matching: not again while writing
        return writer

    @override
    def write_new(self, session: Session, rec: Recorder, items: list[VContact]) -> None:
        ids = self.writer(session, rec).write(items)
        self.custom_values(session, rec, "person").insert(
            [(pid, c.custom) for pid, c in zip(ids, items, strict=True) if c.custom]
        )

    @override
    def prefetch(self, session: Session, rec: Recorder, ids: list[str]) -> None:
        """Load the matched people, their phones and emails, and the companies, a chunk at once."""
        self._people: dict[str, Person] = {}
        self._phones: dict[str, set[str]] = {rid: set() for rid in ids}
        self._emails: dict[str, set[str]] = {rid: set() for rid in ids}
        for chunk in in_chunks(ids):
            self._people.update(
                (p.id, p) for p in session.scalars(select(Person).where(Person.id.in_(chunk)))
            )
            for rid, e164, value in session.execute(
                select(Phone.person_id, Phone.e164, Phone.value).where(
                    Phone.person_id.in_(chunk), Phone.deleted_at.is_(None)
                )
            ):
                self._phones[str(rid)].add(e164 or value)
            for rid, value in session.execute(
                select(Email.person_id, Email.value).where(
                    Email.person_id.in_(chunk), Email.deleted_at.is_(None)
                )
            ):
                self._emails[str(rid)].add(email_key(value))
        names = {item.organization for _rid, item in self.matched if item.organization}
        if names:
            self.writer(session, rec).companies_named(names)

    @override
    def update(
        self, session: Session, rec: Recorder, rid: str, item: VContact, overwrite: bool
    ) -> int:
        writer = self.writer(session, rec)
        person = self._people.get(rid)
        if person is None:
            return 0
        values = {
            "title": item.title,
            "department": item.department,
            "website": item.websites[0] if item.websites else None,
            "wechat": item.wechat,
            "birthday": item.birthday,
            "source": item.source,
            "level": item.level,
            "status": item.status,
            "owner_id": item.owner_id,
        }
        if item.organization:
            values["company_id"] = writer.companies_named({item.organization})[item.organization]
        changed = apply_fields(person, values, overwrite)
        if item.notes and item.notes not in (person.notes or ""):
            keep = overwrite or not person.notes
            person.notes = item.notes if keep else f"{person.notes}\n\n{item.notes}"
            changed = True
        changed |= self._add_phones(session, rid, item)
        changed |= self._add_emails(session, rid, item)
        if item.custom:
            custom = self.custom_values(session, rec, "person")
            changed |= custom.update(rid, item.custom, overwrite)
        return int(changed)

    def _add_phones(self, session: Session, rid: str, item: VContact) -> bool:
        have = self._phones[rid]
        changed = False
        for label, value in item.phones:
            e164 = self.parse(value)
            if (e164 or value) not in have:
                session.add(
                    Phone(
                        person_id=rid,
                        label=label,
                        value=phone_value(value),
                        e164=e164,
                        position=len(have),
                    )
                )
                have.add(e164 or value)
                changed = True
        return changed

    def _add_emails(self, session: Session, rid: str, item: VContact) -> bool:
        have = self._emails[rid]
        changed = False
        for label, value in item.emails:
            if email_key(value) not in have:
                session.add(
                    Email(person_id=rid, label=label, value=email_value(value), position=len(have))
                )
                have.add(email_key(value))
                changed = True
        return changed
