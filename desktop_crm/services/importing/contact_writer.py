"""Writing imported contacts as rows in bulk, reusing companies and tags by name.

The values and the company and tag resolution are the editor's (``ContactRules``); only the
inserts are batched.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from desktop_crm.domain.contact_values import name_parts
from desktop_crm.domain.vocab import ContactStatus
from desktop_crm.services.contacts.contact_rules import ContactRules
from desktop_crm.services.importing.report_notes import NoteLog, ReportNote
from desktop_crm.spreadsheet.vcard_reader import VContact
from desktop_crm.store.models import Address, Email, Person, Phone, Tagging


class Writer:
    """Turns incoming contacts into rows with bulk inserts, reusing companies and tags by name."""

    def __init__(
        self, session: Any, recorder: Any, owner: str | None, today: date, source: str = "vCard"
    ) -> None:
        self.session, self.rec, self.owner, self.today = session, recorder, owner, today
        self.source = source
        self.rules = ContactRules(session, recorder, owner_id=owner, today=today, source=source)
        self.companies: dict[str, str] = {}
        self.created_by: Counter[str] = Counter()  # people and companies inserted

    @property
    def created(self) -> int:
        """Records inserted so far (people and companies)."""
        return sum(self.created_by.values())

    def write(self, contacts: list[VContact]) -> list[str]:
        """Insert ``contacts`` with their phones, emails, addresses and tags; their ids."""
        company_ids = self.companies_named({c.organization for c in contacts if c.organization})
        numbers = self.rules.numbers(len(contacts))
        names = [name_parts(c.name, c.family_name, c.given_name) for c in contacts]
        people = [
            {
                "name": name,
                "number": number,
                "family_name": family,
                "given_name": given,
                "company_id": company_ids.get(c.organization or ""),
                "title": c.title,
                "department": c.department,
                "website": c.websites[0] if c.websites else None,
                "wechat": c.wechat,
                "im": c.im or None,
                "birthday": c.birthday,
                "notes": _person_notes(c),
                "photo": c.photo,
                "source": c.source or self.source,
                "status": c.status or ContactStatus.LEAD.value,
                "level": c.level,
                "owner_id": c.owner_id or self.owner,
                "created_at": c.created_at or self.rec.at,  # the sheet's own date wins
            }
            for c, number, (name, family, given) in zip(contacts, numbers, names, strict=True)
        ]
        ids: list[str] = self.rec.bulk_insert(self.session, Person, people)
        self.created_by["people"] += len(ids)
        phones, emails, addresses, taggings = [], [], [], []
        for pid, c in zip(ids, contacts, strict=True):
            for pos, (label, value) in enumerate(c.phones):
                phones.append({"person_id": pid, "position": pos, **self.rules.phone(label, value)})
            for pos, (label, value) in enumerate(c.emails):
                emails.append({"person_id": pid, "position": pos, **self.rules.email(label, value)})
            for pos, a in enumerate(c.addresses):
                addresses.append(
                    {
                        "person_id": pid,
                        "label": a.label[:50],
                        "street": a.street,
                        "city": a.city,
                        "region": a.region,
                        "postcode": a.postcode,
                        "country": a.country,
                        "position": pos,
                    }
                )
            for tag_id in self.tag_ids(c.categories):
                taggings.append({"tag_id": tag_id, "person_id": pid})
        for model, rows in (
            (Phone, phones),
            (Email, emails),
            (Address, addresses),
            (Tagging, taggings),
        ):
            self.rec.bulk_insert(self.session, model, rows)
        return ids

    def parse_phone(self, value: str) -> str | None:
        """The E.164 form of ``value``, parsed once per import."""
        return self.rules.e164(value)

    def companies_named(self, names: set[str]) -> dict[str, str]:
        """Company ids by name, every name asked for so far.

        Live companies are reused (case, width and spaces ignored); missing ones created.
        """
        missing = sorted(n for n in names if n not in self.companies)
        if missing:
            before = len(self.rules.created_companies)
            self.companies.update(self.rules.companies_named(missing))
            self.created_by["companies"] += len(self.rules.created_companies) - before
        return self.companies

    def tag_ids(self, names: list[str]) -> list[str]:
        """Ids of the live tags so named (ignoring case), made when missing; each id once.

        A tombstoned tag of a name (an undone import's) is not revived: a new tag is made.
        """
        return self.rules.tag_ids(names)


def _person_notes(c: VContact) -> str | None:
    extra = [f"Website: {url}" for url in c.websites[1:]]
    return "\n\n".join(x for x in (c.notes, "\n".join(extra)) if x) or None


def contact_notes(contacts: list[VContact]) -> tuple[ReportNote, ...]:
    """What the report says about cards (named from their email, values kept aside)."""
    notes = NoteLog()
    for c in contacts:
        if c.named_from:
            notes.add("card_no_name", c.index, c.line, c.name, c.named_from, group=c.named_from)
        for warning in c.warnings:
            notes.add("card_warning", c.index, c.line, warning)
    return notes.notes()
