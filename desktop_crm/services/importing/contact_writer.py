"""Writing imported contacts as rows in bulk, reusing companies and tags by name."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from desktop_crm.domain.phones import normalize_phone
from desktop_crm.services.common.lookups import live_tags
from desktop_crm.services.settings.numbering import allocate_numbers
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.spreadsheet.vcard_reader import VContact
from desktop_crm.store.models import Address, Company, Email, Person, Phone, Tag, Tagging


class Writer:
    """Turns incoming contacts into rows with bulk inserts, reusing companies and tags by name."""

    def __init__(
        self, session: Any, recorder: Any, owner: str | None, today: date, source: str = "vCard"
    ) -> None:
        self.session, self.rec, self.owner, self.today = session, recorder, owner, today
        self.source = source
        self.e164: dict[str, str | None] = {}  # phones already parsed in this import
        self.region = str(read_setting(session, "phone.default_region"))
        self.companies: dict[str, str] = {}
        self.tags: dict[str, str] = {}  # live tag ids by casefolded name
        self.tags_read = False
        self.created = 0

    def write(self, contacts: list[VContact]) -> list[str]:
        """Insert ``contacts`` with their phones, emails, addresses and tags; their ids."""
        company_ids = self.companies_named({c.organization for c in contacts if c.organization})
        numbers = allocate_numbers(self.session, "customer", self.today, len(contacts))
        people = [
            {
                "name": c.name[:300],
                "number": number,
                "family_name": c.family_name,
                "given_name": c.given_name,
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
                "status": c.status or "lead",
                "level": c.level,
                "owner_id": c.owner_id or self.owner,
            }
            for c, number in zip(contacts, numbers, strict=True)
        ]
        ids: list[str] = self.rec.bulk_insert(self.session, Person, people)
        self.created += len(ids)
        phones, emails, addresses, taggings = [], [], [], []
        for pid, c in zip(ids, contacts, strict=True):
            for pos, (label, value) in enumerate(c.phones):
                phones.append(
                    {
                        "person_id": pid,
                        "label": label[:50],
                        "value": value[:100],
                        "e164": self.parse_phone(value),
                        "position": pos,
                    }
                )
            for pos, (label, value) in enumerate(c.emails):
                emails.append(
                    {"person_id": pid, "label": label[:50], "value": value[:320], "position": pos}
                )
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
        if value not in self.e164:
            self.e164[value] = normalize_phone(value, self.region)
        return self.e164[value]

    def companies_named(self, names: set[str]) -> dict[str, str]:
        """Company ids by name: existing live companies reused, missing ones created."""
        missing = sorted(n for n in names if n not in self.companies)
        if missing:
            for cid, name in self.session.execute(
                select(Company.id, Company.name).where(
                    Company.deleted_at.is_(None), Company.name.in_(missing)
                )
            ):
                self.companies.setdefault(name, cid)
            new = [n for n in missing if n not in self.companies]
            numbers = allocate_numbers(self.session, "customer", self.today, len(new))
            ids = self.rec.bulk_insert(
                self.session,
                Company,
                [
                    {
                        "name": n[:300],
                        "number": num,
                        "status": "lead",
                        "source": self.source,
                        "owner_id": self.owner,
                    }
                    for n, num in zip(new, numbers, strict=True)
                ],
            )
            self.created += len(ids)
            self.companies.update(zip(new, ids, strict=True))
        return self.companies

    def tag_ids(self, names: list[str]) -> list[str]:
        """Ids of the live tags so named (ignoring case), made when missing; each id once.

        A tombstoned tag of a name (an undone import's) is not revived: a new tag is made.
        """
        if not self.tags_read:
            self.tags.update((key, tag.id) for key, tag in live_tags(self.session).items())
            self.tags_read = True
        result: dict[str, None] = {}  # "VIP" and "vip" on one card tag it once
        for name in (n[:100] for n in names if n):
            key = name.casefold()
            if key not in self.tags:
                self.tags[key] = self.rec.bulk_insert(self.session, Tag, [{"name": name}])[0]
            result[self.tags[key]] = None
        return list(result)


def _person_notes(c: VContact) -> str | None:
    extra = [f"Website: {url}" for url in c.websites[1:]]
    return "\n\n".join(x for x in (c.notes, "\n".join(extra)) if x) or None


def contact_notes(contacts: list[VContact]) -> list[str]:
    """What the report says about contacts (named from their email, values kept aside)."""
    notes = []
    for c in contacts:
        if c.named_from:
            notes.append(
                f"card {c.index} (line {c.line}) has no name; named “{c.name}” "
                f"from its {c.named_from}"
            )
        notes += [f"card {c.index} (line {c.line}): {w}" for w in c.warnings]
    return notes
