"""Changing and deleting a record named by its number (the CLI's ``edit`` and ``delete``).

Each edit reads the record as its editor would (the person editor's draft, the deal editor's
values, the quote's draft, the contract's own fields), sets the fields asked for and saves it
through the editor's own service, so the same checks apply and the whole edit is one
undoable operation. A company's owner is not saved by the company editor's service but by
the bulk "set owner" one: both then run inside one operation (:class:`JoinedStore`).
Deletes go through each record's own delete, one undoable operation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from desktop_crm.domain.choices import LANGUAGES, BackupReason
from desktop_crm.domain.clock import Clock, SystemClock, local_today
from desktop_crm.domain.errors import NotFoundError, ValidationError
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.domain.vocab import ContactStatus, ContractStatus, Level
from desktop_crm.services.cards.contact_cards import CardService
from desktop_crm.services.common.changes import change_result
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.contacts.dto import AddressData, CompanyDraft, Labelled, PersonDraft
from desktop_crm.services.contacts.person_editing import PeopleService
from desktop_crm.services.contacts.records import ContactsService
from desktop_crm.services.contracts.dto import ContractChanges
from desktop_crm.services.contracts.service import ContractService
from desktop_crm.services.deals.edit_values import DealValuesService
from desktop_crm.services.deals.service import DealService
from desktop_crm.services.quotes.service import QuoteService
from desktop_crm.services.workspace import record_values as values
from desktop_crm.services.workspace.record_fields import Located, RecordType, locate
from desktop_crm.services.workspace.record_values import JoinedStore
from desktop_crm.store.store import Store

EDITABLE: Mapping[RecordType, tuple[str, ...]] = {
    "person": (
        "name",
        "company",
        "title",
        "department",
        "status",
        "level",
        "owner",
        "source",
        "birthday",
        "phone",
        "email",
        "city",
        "wechat",
        "website",
        "tags",
        "notes",
    ),
    "company": (
        "name",
        "industry",
        "status",
        "level",
        "owner",
        "source",
        "website",
        "phone",
        "email",
        "city",
        "notes",
    ),
    "deal": ("title", "amount", "currency", "stage", "owner", "expected_close", "source", "notes"),
    "quote": ("issued_on", "valid_until", "currency", "language", "owner", "notes", "terms"),
    "contract": (
        "title",
        "status",
        "owner",
        "signed_on",
        "starts_on",
        "ends_on",
        "language",
        "notes",
        "terms",
    ),
}
"""The fields ``edit`` sets, per kind, named as ``show`` names them."""

# Fields ``show`` prints that are changed some other way: why, instead of "unknown field".
_ELSEWHERE: Mapping[tuple[RecordType, str], str] = {
    ("deal", "probability"): "it follows the deal's stage (set stage=NAME)",
    ("deal", "status"): "a deal is won, lost or reopened by moving it (desktop-crm deal-move)",
    ("quote", "status"): "a quote is sent, accepted or rejected in the app",
}

# Fields that cannot be emptied: the service would read "nothing" as "leave it" or refuse.
_REQUIRED = frozenset(
    {"owner", "status", "currency", "language", "issued_on", "signed_on", "starts_on", "ends_on"}
)

_PERSON_TEXT = ("name", "title", "department", "source", "wechat", "website", "notes", "industry")


@dataclass(frozen=True)
class RecordChange:
    """What an edit or delete of a numbered record did.

    Attributes:
        kind: person, company, deal, quote or contract.
        id: The record's id.
        number: Its number.
        name: What it is called (after the edit).
        fields: The fields the edit set, in the order given (empty for a delete).
        result: What changed; ``result.operation_id`` is what ``undo`` takes (``None`` when
            the values were already so).
    """

    kind: RecordType
    id: str
    number: str
    name: str
    fields: tuple[str, ...]
    result: ChangeResult


class RecordEditService:
    """Edit and delete people, companies, deals, quotes and contracts by number.

    Args:
        store: The open workspace.
        clock: What "today" is (a quote's status, a new revision's day, a deal's moves).
    """

    def __init__(self, store: Store, clock: Clock | None = None) -> None:
        self._store = store
        self._clock: Clock = clock or SystemClock()

    def edit(self, number: str, changes: Sequence[tuple[str, str]]) -> RecordChange:
        """Set fields of the record numbered ``number`` from text, as one undoable operation.

        Args:
            number: A customer, deal, quote or contract number.
            changes: ``(field, text)`` pairs; fields as :data:`EDITABLE` names them, days as
                ``YYYY-MM-DD``, owners and stages by name, empty text clears a field.

        Raises:
            NotFoundError: No live record has that number.
            ValidationError: A field that kind has not (the message lists those it has), one
                given twice, or a value its editor refuses; nothing was changed.
        """
        found = self._locate(number)
        asked = _checked_fields(found, changes)
        if found.kind == "person":
            result, name = self._edit_person(found, asked)
        elif found.kind == "company":
            result, name = self._edit_company(found, asked)
        elif found.kind == "deal":
            result, name = self._edit_deal(found, asked)
        elif found.kind == "quote":
            result, name = self._edit_quote(found, asked)
        else:
            result, name = self._edit_contract(found, asked)
        return RecordChange(found.kind, found.id, found.number, name, tuple(asked), result)

    def delete(self, number: str) -> RecordChange:
        """Delete (tombstone) the record numbered ``number`` through its own service.

        A person or company goes with its phones, emails, addresses and tags; a quote with
        its lines and revisions; a contract with its plan and payments. Undo brings them back.

        Raises:
            NotFoundError: No live record has that number.
            ValidationError: The record's service refuses (a quote a contract was made of).
        """
        found = self._locate(number)
        if found.kind in ("person", "company"):
            kind: Any = found.kind
            label = op_label(LabelCode.DELETE, name=found.name)
            # One record: an edit, not the bulk kind a list's delete is (undo needs no --yes).
            with self._store.unit_of_work(label) as (session, rec):
                ContactsService(self._joined(session, rec), _no_backup).delete(kind, [found.id])
            result = change_result(rec, [found.id])
        elif found.kind == "deal":
            result = DealService(self._store, self._clock).delete(found.id)
        elif found.kind == "quote":
            result = QuoteService(self._store, self._today).delete(found.id)
        else:
            result = ContractService(self._store).delete(found.number)
        if result.operation_id is None:  # gone between finding and deleting it
            raise NotFoundError(f"{found.number} was deleted meanwhile", number=found.number)
        return RecordChange(found.kind, found.id, found.number, found.name, (), result)

    # --- each kind --------------------------------------------------------------------------

    def _edit_person(self, found: Located, asked: dict[str, str]) -> tuple[ChangeResult, str]:
        people = PeopleService(self._store)
        draft = people.draft(found.id)
        with self._store.read() as session:
            draft = replace(draft, **_contact_changes(session, draft, asked, "mobile"))
        return people.save(draft, self._today()), draft.name.strip()

    def _edit_company(self, found: Located, asked: dict[str, str]) -> tuple[ChangeResult, str]:
        card = CardService(self._store, self._clock).card("company", found.id)
        draft = CompanyDraft(
            name=card.name,
            id=card.id,
            industry=card.title,
            website=card.website,
            status=card.status,
            level=card.level,
            source=card.source,
            owner_id=card.owner_id,
            notes=card.notes,
            phones=card.phones,
            emails=card.emails,
            addresses=card.addresses,
        )
        with self._store.read() as session:
            changes = _contact_changes(session, draft, asked, "work")
        # The company editor's save keeps the owner; the owner is set as the list sets it.
        owner = changes.pop("owner_id", None)
        draft = replace(draft, **changes)
        name = draft.name.strip()
        with self._store.unit_of_work(op_label(LabelCode.EDIT, name=name)) as (session, rec):
            joined = self._joined(session, rec)
            PeopleService(joined).save_company(draft, self._today())
            if owner is not None and owner != card.owner_id:
                ContactsService(joined, _no_backup).set_field(
                    "company", [found.id], "owner_id", owner
                )
        return change_result(rec, [found.id]), name

    def _edit_deal(self, found: Located, asked: dict[str, str]) -> tuple[ChangeResult, str]:
        draft = DealValuesService(self._store).values(found.id).draft
        changes: dict[str, Any] = {}
        with self._store.read() as session:
            for field, text in asked.items():
                if field in ("title", "source", "notes", "currency"):
                    changes[field] = text
                elif field == "amount":
                    changes["amount"] = values.amount(field, text)
                elif field == "expected_close":
                    changes["expected_close"] = values.day(field, text)
                elif field == "stage":
                    pipeline = draft.pipeline_id or ""
                    changes["stage_id"] = values.stage_id(session, pipeline, text)
                elif field == "owner":
                    changes["owner_id"] = values.owner_id(session, text)
        draft = replace(draft, **changes)
        return DealService(self._store, self._clock).update(found.id, draft), draft.title.strip()

    def _edit_quote(self, found: Located, asked: dict[str, str]) -> tuple[ChangeResult, str]:
        quotes = QuoteService(self._store, self._today)
        draft = quotes.get(found.id).draft
        changes: dict[str, Any] = {}
        with self._store.read() as session:
            for field, text in asked.items():
                if field in ("notes", "terms"):
                    changes[field] = text
                elif field in ("issued_on", "valid_until"):
                    changes[field] = values.day(field, text)
                elif field == "currency":
                    changes["currency"] = text.strip().upper()
                elif field == "language":
                    changes["language"] = values.choice(field, text, LANGUAGES)
                elif field == "owner":
                    changes["owner_id"] = values.owner_id(session, text)
        # A sent quote becomes its next revision, a draft again (as the quote editor's save).
        return quotes.update(found.id, replace(draft, **changes)), found.number

    def _edit_contract(self, found: Located, asked: dict[str, str]) -> tuple[ChangeResult, str]:
        changes: dict[str, Any] = {}
        with self._store.read() as session:
            for field, text in asked.items():
                if field in ("title", "notes", "terms"):
                    changes[field] = text
                elif field in ("signed_on", "starts_on", "ends_on"):
                    changes[field] = values.day(field, text)
                elif field == "status":
                    statuses = [s.value for s in ContractStatus]
                    changes["status"] = ContractStatus(values.choice(field, text, statuses))
                elif field == "language":
                    changes["language"] = values.choice(field, text, LANGUAGES)
                elif field == "owner":
                    changes["owner_id"] = values.owner_id(session, text)
        result = ContractService(self._store).edit(found.number, ContractChanges(**changes))
        return result, str(changes.get("title") or found.name).strip()

    # --- helpers ----------------------------------------------------------------------------

    def _locate(self, number: str) -> Located:
        with self._store.read() as session:
            return locate(session, number)

    def _today(self) -> date:
        return local_today(self._clock)

    def _joined(self, session: Session, rec: Any) -> JoinedStore:
        return JoinedStore(self._store, session, rec)


def _no_backup(_reason: BackupReason) -> None:
    """One record is deleted here: the backup before bulk deletes is never due."""


def _checked_fields(found: Located, changes: Sequence[tuple[str, str]]) -> dict[str, str]:
    """``changes`` by field name (lower case, ``-`` read as ``_``), each checked to exist.

    Raises:
        ValidationError: A field the record's kind cannot edit, one given twice, or a required
            one given empty.
    """
    editable = EDITABLE[found.kind]
    asked: dict[str, str] = {}
    for raw, text in changes:
        field = raw.strip().lower().replace("-", "_")
        if field not in editable:
            why = _ELSEWHERE.get((found.kind, field))
            reason = f"{field} is not edited here: {why}" if why else f"no field “{raw.strip()}”"
            raise ValidationError(
                f"{found.kind} {found.number}: {reason}; editable: {', '.join(editable)}",
                field=field,
                editable=list(editable),
            )
        if field in asked:
            raise ValidationError(f"{field} is given twice", field=field)
        if field in _REQUIRED and not text.strip():
            raise ValidationError(f"{field} cannot be empty", field=field)
        asked[field] = text
    if not asked:
        raise ValidationError("give at least one FIELD=VALUE to set", field="fields")
    return asked


def _contact_changes(
    session: Session,
    draft: PersonDraft | CompanyDraft,
    asked: dict[str, str],
    phone_label: str,
) -> dict[str, Any]:
    """The draft fields ``asked`` sets on a person's or company's draft."""
    changes: dict[str, Any] = {}
    for field, text in asked.items():
        if field in _PERSON_TEXT:
            changes[field] = text
        elif field == "company":  # by name, as typed in the editor: found, else created
            changes |= {"company_id": None, "company_name": text.strip() or None}
        elif field == "status":
            statuses = [s.value for s in ContactStatus]
            changes["status"] = ContactStatus(values.choice(field, text, statuses))
        elif field == "level":
            levels = [v.value for v in Level]
            changes["level"] = Level(values.choice(field, text, levels)) if text.strip() else None
        elif field == "owner":
            changes["owner_id"] = values.owner_id(session, text)
        elif field == "birthday":
            changes["birthday"] = values.day(field, text)
        elif field == "phone":
            changes["phones"] = _first(draft.phones, text, phone_label)
        elif field == "email":
            changes["emails"] = _first(draft.emails, text, "work")
        elif field == "city":
            changes["addresses"] = _city(draft.addresses, text)
        elif field == "tags":
            parts = text.replace("，", ",").split(",")
            changes["tags"] = tuple(t.strip() for t in parts if t.strip())
    return changes


def _first(rows: tuple[Labelled, ...], text: str, label: str) -> tuple[Labelled, ...]:
    """``rows`` with the first one's value set (its label kept), added, or removed if empty."""
    value = text.strip()
    if not value:
        return rows[1:]
    if rows:
        return (replace(rows[0], value=value), *rows[1:])
    return (Labelled(label, value),)


def _city(addresses: tuple[AddressData, ...], text: str) -> tuple[AddressData, ...]:
    """The addresses with the first one's city set; an address left with nothing goes."""
    city = text.strip() or None
    if not addresses:
        return (AddressData(city=city),) if city else ()
    first = replace(addresses[0], city=city)
    parts = (first.street, first.city, first.region, first.postcode, first.country)
    if not any(parts):
        return addresses[1:]
    return (first, *addresses[1:])
