"""The one set of rules every writer of people and companies applies, inside its operation.

The editor's save, imports, merging and the demo all write through a :class:`ContactRules`:
phones are stored as typed with their E.164 form read with the workspace's default region,
email domains lower-cased, companies and tags found by name among live rows (case, width and
spaces ignored) or created, and customer numbers drawn from the one sequence. Bulk writers
keep their batched inserts and ask the same object for the values; it caches what it has
looked up (companies, tags, parsed phones), so one per operation is cheap even for 100,000
rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain import contact_values as cv
from desktop_crm.domain.vocab import ContactStatus
from desktop_crm.services.common.lookups import live_tags
from desktop_crm.services.settings.numbering import allocate_numbers
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.store.changelog import Recorder
from desktop_crm.store.models import Company, Tag


def live_companies(session: Session) -> dict[str, str]:
    """Ids of the live companies by :func:`~desktop_crm.domain.contact_values.company_key`.

    Compared in Python, as tags are: SQLite folds neither width nor non-ASCII case. Should
    two companies already fold alike, the oldest is the one found.
    """
    found: dict[str, str] = {}
    for cid, name in session.execute(
        select(Company.id, Company.name)
        .where(Company.deleted_at.is_(None))
        .order_by(Company.created_at, Company.id)
    ):
        found.setdefault(cv.company_key(name), cid)
    return found


def new_company_names(session: Session, names: Iterable[str]) -> set[str]:
    """The names a write would create companies for: one per company, none already live.

    What a dry run counts; the write itself goes through :meth:`ContactRules.companies`.
    """
    known = live_companies(session)
    new: dict[str, str] = {}
    for name in sorted(names):
        key = cv.company_key(name)
        if key and key not in known:
            new.setdefault(key, name)
    return set(new.values())


class ContactRules:
    """Stored values, companies and tags by name, and numbers, for one operation's writes.

    Args:
        session: The operation's session.
        recorder: Its recorder (companies and tags it creates are logged there).
        owner_id: Owner of companies it creates.
        today: The day customer numbers are drawn for.
        source: The source of companies it creates (an import's file), if any.

    Attributes:
        region: The workspace's default phone region.
        created_companies: Ids of the companies created so far, in order.
        created_tags: Ids of the tags created so far.
        parsed_phones: E.164 forms by phone as typed (an import shares its own cache here).
    """

    def __init__(
        self,
        session: Session,
        recorder: Recorder,
        *,
        owner_id: str | None,
        today: date,
        source: str | None = None,
    ) -> None:
        self.session, self.recorder = session, recorder
        self.owner_id, self.today, self.source = owner_id, today, source
        self.region = str(read_setting(session, "phone.default_region"))
        self.created_companies: list[str] = []
        self.created_tags: list[str] = []
        self.parsed_phones: dict[str, str | None] = {}  # E.164 by phone as typed
        self._companies: dict[str, str] | None = None  # live company ids by company_key
        self._tags: dict[str, str] | None = None  # live tag ids by tag_key

    # --- values -------------------------------------------------------------------------------

    def e164(self, value: str) -> str | None:
        """The E.164 form of a phone (parsed once per operation)."""
        if value not in self.parsed_phones:
            self.parsed_phones[value] = cv.phone_e164(value, self.region)
        return self.parsed_phones[value]

    def phone(self, label: str | None, value: str) -> dict[str, Any]:
        """A phone row's stored values: ``label``, ``value`` and ``e164``."""
        stored = cv.phone_value(value)
        return {
            "label": (label or "mobile")[: cv.LABEL_LIMIT],
            "value": stored,
            "e164": self.e164(stored),
        }

    @staticmethod
    def email(label: str | None, value: str) -> dict[str, Any]:
        """An email row's stored values: ``label`` and ``value``."""
        return {"label": (label or "work")[: cv.LABEL_LIMIT], "value": cv.email_value(value)}

    def numbers(self, count: int) -> list[str]:
        """``count`` consecutive customer numbers (people and companies share the sequence)."""
        return allocate_numbers(self.session, "customer", self.today, count)

    # --- companies ----------------------------------------------------------------------------

    def _live_companies(self) -> dict[str, str]:
        if self._companies is None:
            self._companies = live_companies(self.session)
        return self._companies

    def find_company(self, name: str | None) -> str | None:
        """The live company called ``name`` (case, width and spaces ignored), if any."""
        key = cv.company_key(name)
        return self._live_companies().get(key) if key else None

    def company_id(self, name: str | None) -> str | None:
        """The live company called ``name``, created when there is none; ``None`` for no name."""
        return self.companies_named([name] if name else []).get(name or "")

    def companies_named(self, names: Iterable[str]) -> dict[str, str]:
        """Company ids by each name given: live companies reused, missing ones created."""
        names, ids = self._resolve([{"name": n} for n in names if cv.company_key(n)])
        return dict(zip(names, ids, strict=True))

    def companies(self, rows: Sequence[Mapping[str, Any]]) -> list[str]:
        """The company of each row (a ``name`` and the fields a new one gets), in order.

        A row whose name matches a live company (or an earlier row) gives that company;
        the others are created in one batch, numbered, with ``status``, ``source`` and
        ``owner_id`` defaulted.
        """
        return self._resolve(rows)[1]

    def _resolve(self, rows: Sequence[Mapping[str, Any]]) -> tuple[list[str], list[str]]:
        known = self._live_companies()
        new: dict[str, dict[str, Any]] = {}
        for row in rows:
            key = cv.company_key(row["name"])
            if key and key not in known and key not in new:
                new[key] = {
                    "status": ContactStatus.LEAD.value,
                    "source": self.source,
                    "owner_id": self.owner_id,
                    **row,
                    "name": cv.company_name(row["name"]),
                }
        if new:
            unnumbered = [values for values in new.values() if not values.get("number")]
            for values, number in zip(unnumbered, self.numbers(len(unnumbered)), strict=True):
                values["number"] = number
            ids = self.recorder.bulk_insert(self.session, Company, list(new.values()))
            known.update(zip(new, ids, strict=True))
            self.created_companies += ids
        names = [str(row["name"]) for row in rows]
        return names, [known[cv.company_key(n)] for n in names]

    def forget_companies(self) -> None:
        """Read live companies again on next use (after someone else changed them)."""
        self._companies = None

    # --- tags ---------------------------------------------------------------------------------

    def tag_ids(self, names: Iterable[str], colors: Mapping[str, str] | None = None) -> list[str]:
        """Ids of the live tags so named (case ignored), created when missing; each id once.

        A tombstoned tag of a name (an undone import's) is not revived: a new tag is made.
        ``colors`` gives the colour of a new tag by the name asked for.
        """
        if self._tags is None:
            self._tags = {key: tag.id for key, tag in live_tags(self.session).items()}
        result: dict[str, None] = {}  # "VIP" and "vip" on one card tag it once
        for name in names:
            key, stored = cv.tag_key(name), cv.tag_name(name)
            if not key or stored is None:
                continue
            if key not in self._tags:
                row = {"name": stored, "color": (colors or {}).get(name)}
                tag_id = self.recorder.bulk_insert(self.session, Tag, [row])[0]
                self._tags[key] = tag_id
                self.created_tags.append(tag_id)
            result[self._tags[key]] = None
        return list(result)
