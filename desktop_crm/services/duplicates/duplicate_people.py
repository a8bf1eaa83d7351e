"""Finding people entered twice, and merging them into one (one undoable operation)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from sqlalchemy import func, select

from desktop_crm.domain.choices import BackupReason, DuplicateReason
from desktop_crm.domain.contact_values import email_key
from desktop_crm.domain.errors import NotFoundError, ValidationError
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.domain.progress import NullProgress, Progress
from desktop_crm.services.common.changes import change_result
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.contacts.contact_rules import ContactRules
from desktop_crm.services.duplicates.dto import DuplicatePair
from desktop_crm.store.models import (
    Activity,
    Address,
    Contract,
    CustomFieldValue,
    Deal,
    Email,
    FollowUp,
    Person,
    Phone,
    Quote,
    Tagging,
)
from desktop_crm.store.store import Store
from desktop_crm.store.types import utc_now

MERGEABLE_FIELDS = (
    "name",
    "family_name",
    "given_name",
    "company_id",
    "title",
    "department",
    "website",
    "wechat",
    "birthday",
    "source",
    "level",
    "status",
    "owner_id",
    "photo",
)
_OWNED = (Phone, Email, Address, Tagging)
_LINKED: tuple[Any, ...] = (Activity, FollowUp, Deal, Quote, Contract)
_SCORES: dict[DuplicateReason, int] = {"phone": 95, "email": 95, "name": 80}
MAX_GROUP = 50  # a phone or name shared by more people than this is not a duplicate signal


class DuplicateService:
    """Likely duplicate people across the workspace, and merging them."""

    def __init__(self, store: Store, take_backup: Callable[[BackupReason], object]) -> None:
        self._store = store
        self._take_backup = take_backup

    def pairs(self, limit: int = 500, progress: Progress | None = None) -> list[DuplicatePair]:
        """Likely duplicates, surest first.

        Signals: a shared phone (E.164) or email; a similar name (rapidfuzz, 88+) at the same
        company; the same name where neither has a company.

        ``progress`` hears of each signal and each company compared, and may cancel between
        them (:class:`CancelledError`).
        """
        from rapidfuzz import fuzz

        progress = progress or NullProgress()
        found: dict[tuple[str, str], set[DuplicateReason]] = defaultdict(set)
        with self._store.read() as session:
            live = Person.deleted_at.is_(None)
            signals: tuple[tuple[DuplicateReason, Any, Any], ...] = (
                ("phone", Phone.e164, Phone),
                ("email", func.lower(Email.value), Email),
            )
            for reason, column, model in signals:
                groups: dict[str, list[str]] = defaultdict(list)
                for key, pid in session.execute(
                    select(column, model.person_id)
                    .join(Person, Person.id == model.person_id)
                    .where(live, model.deleted_at.is_(None), column.is_not(None))
                    .order_by(column, Person.id)
                ):
                    groups[key].append(pid)
                for ids in groups.values():
                    _pair_up(found, sorted(set(ids)), reason)
                progress.check_cancelled()
                progress.report(1 if reason == "phone" else 2, 0)
            by_company: dict[str | None, list[tuple[str, str]]] = defaultdict(list)
            names: dict[str, str] = {}
            for pid, name, company in session.execute(
                select(Person.id, Person.name, Person.company_id).where(live)
            ):
                names[pid] = name
                by_company[company].append((pid, _squash(name)))
            # Two steps for phones and emails, then one per company (or group without one).
            total = 2 + len(by_company)
            for step, (company, people) in enumerate(by_company.items(), 3):
                progress.check_cancelled()
                progress.report(step - 1, total)
                if company is None:
                    same: dict[str, list[str]] = defaultdict(list)
                    for pid, key in people:
                        same[key].append(pid)
                    for ids in same.values():
                        _pair_up(found, sorted(ids), "name")
                    continue
                people.sort()
                for i, (pid, key) in enumerate(people):
                    for other, other_key in people[i + 1 :]:
                        if key == other_key or fuzz.ratio(key, other_key) >= 88:
                            found[(pid, other)].add("name")
            progress.report(total, total)
        pairs = []
        for (a, b), reasons in found.items():
            score = min(100, max(_SCORES[r] for r in reasons) + 5 * (len(reasons) - 1))
            pairs.append(
                DuplicatePair(
                    a, names.get(a, ""), b, names.get(b, ""), score, tuple(sorted(reasons))
                )
            )
        pairs.sort(key=lambda p: (-p.score, p.first_name, p.first_id, p.second_id))
        return pairs[:limit]

    def merge(
        self, keep_id: str, others: Iterable[str], choices: dict[str, str] | None = None
    ) -> ChangeResult:
        """Merge ``others`` into ``keep_id`` as one operation.

        Args:
            keep_id: The person who stays.
            others: People merged into them (then tombstoned).
            choices: ``field -> person id`` whose value to keep for that field; fields not
                named keep the kept person's value, or the first other's when it is empty.
                Notes are joined, never dropped.

        Every phone, email, address, tag, activity, follow-up, deal, quote and contract of the
        others moves to the kept person; a phone or email they already have is not repeated.
        """
        others = [o for o in dict.fromkeys(others) if o != keep_id]
        if not others:
            raise ValidationError("Choose at least two people to merge.", field="people")
        choices = choices or {}
        bad = set(choices) - set(MERGEABLE_FIELDS)
        if bad:
            raise ValidationError(
                f"{sorted(bad)[0]} cannot be chosen in a merge.", field=sorted(bad)[0]
            )
        self._take_backup("pre-merge")
        text = op_label(LabelCode.MERGE, count=len(others) + 1, name="")
        with self._store.unit_of_work(text, "merge") as (session, rec):
            people = {
                p.id: p
                for p in session.scalars(
                    select(Person).where(
                        Person.id.in_([keep_id, *others]), Person.deleted_at.is_(None)
                    )
                )
            }
            missing = [i for i in [keep_id, *others] if i not in people]
            if missing:
                raise NotFoundError("Someone to merge no longer exists.", id=missing[0])
            keep = people[keep_id]
            rec.label = op_label(LabelCode.MERGE, count=len(others) + 1, name=keep.name)
            for field in MERGEABLE_FIELDS:
                source = choices.get(field)
                if source is not None:
                    if source not in people:
                        raise ValidationError(
                            f"{field} must come from one of the merged people.", field=field
                        )
                    value = getattr(people[source], field)
                elif getattr(keep, field) in (None, ""):
                    value = next(
                        (
                            getattr(people[o], field)
                            for o in others
                            if getattr(people[o], field) not in (None, "")
                        ),
                        None,
                    )
                else:
                    continue
                if getattr(keep, field) != value and not (field == "name" and not value):
                    setattr(keep, field, value)
            source = choices.get("name")
            if source is not None and not {"family_name", "given_name"} & set(choices):
                # A name taken from someone else brings its parts along.
                for part in ("family_name", "given_name"):
                    if getattr(keep, part) != getattr(people[source], part):
                        setattr(keep, part, getattr(people[source], part))
            notes = [n for i in [keep_id, *others] if (n := people[i].notes)]
            joined = "\n\n".join(dict.fromkeys(notes)) or None
            if keep.notes != joined:
                keep.notes = joined
            if any(people[o].last_contacted_at for o in others):
                latest = max(t for t in [people[i].last_contacted_at for i in people] if t)
                if keep.last_contacted_at != latest:
                    keep.last_contacted_at = latest
            rules = ContactRules(session, rec, owner_id=self._store.actor_id, today=date.today())
            _move_owned(session, keep_id, others, rules)
            for model in _LINKED:
                for row in session.scalars(select(model).where(model.person_id.in_(others))):
                    row.person_id = keep_id
            for value in session.scalars(
                select(CustomFieldValue).where(
                    CustomFieldValue.record_id.in_(others), CustomFieldValue.deleted_at.is_(None)
                )
            ):
                value.record_id = keep_id
            now = utc_now()
            for other in others:
                people[other].deleted_at = now
        return change_result(rec, [keep_id])


def _move_owned(session: Any, keep_id: str, others: list[str], rules: ContactRules) -> None:
    """Give the kept person the others' phones, emails, addresses and tags, without repeats.

    Phones and emails kept are stored as the editor stores them (``ContactRules``): rows
    written before those rules (no E.164 form, an upper-case domain) are mended on the way.
    """
    now = utc_now()
    for model in _OWNED:
        rows = list(
            session.scalars(
                select(model)
                .where(model.person_id.in_([keep_id, *others]), model.deleted_at.is_(None))
                .order_by(model.person_id != keep_id)
            )
        )
        seen: set[Any] = set()
        position = 0
        for row in rows:
            _mend(row, rules)
            key = _identity(row)
            if key in seen:
                if row.person_id != keep_id:
                    row.deleted_at = now
                continue
            seen.add(key)
            if row.person_id != keep_id:
                row.person_id = keep_id
            if hasattr(row, "position"):
                if row.position != position:
                    row.position = position
                position += 1


def _mend(row: Any, rules: ContactRules) -> None:
    """Store a phone's or email's values as the rules say, where they differ."""
    if isinstance(row, Phone):
        values = rules.phone(row.label, row.value)
    elif isinstance(row, Email):
        values = rules.email(row.label, row.value)
    else:
        return
    for key, value in values.items():
        if getattr(row, key) != value:
            setattr(row, key, value)


def _identity(row: Any) -> Any:
    if isinstance(row, Phone):
        return ("phone", row.e164 or "".join(ch for ch in row.value if ch.isdigit()))
    if isinstance(row, Email):
        return ("email", email_key(row.value))
    if isinstance(row, Tagging):
        return ("tag", row.tag_id)
    return ("address", row.street, row.city, row.postcode, row.country)


def _pair_up(
    found: dict[tuple[str, str], set[DuplicateReason]], ids: list[str], reason: DuplicateReason
) -> None:
    if 1 < len(ids) <= MAX_GROUP:
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                found[(a, b)].add(reason)


def _squash(name: str) -> str:
    return "".join(name.split()).casefold()
