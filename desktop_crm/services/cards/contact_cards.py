"""Contact cards with their timeline, and logging what happened from a card."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain.choices import RecordKind, TimelineKind
from desktop_crm.domain.clock import Clock, SystemClock
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.domain.vocab import ActivityKind, ContactStatus, FollowUpStatus, Level
from desktop_crm.services.cards.dto import ContactCard, TimelineItem
from desktop_crm.services.common.changes import change_result
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.common.lookups import live
from desktop_crm.services.contacts.dto import AddressData, Labelled
from desktop_crm.services.followups.dto import FollowUpDraft
from desktop_crm.services.followups.service import add_in, complete_in, mark_contacted
from desktop_crm.store.local_user import local_user_id
from desktop_crm.store.models import (
    Activity,
    Address,
    Change,
    Company,
    Contract,
    CustomFieldDef,
    CustomFieldValue,
    Deal,
    DealStageChange,
    Email,
    FollowUp,
    Person,
    Phone,
    Quote,
    Stage,
    Tag,
    Tagging,
    User,
)
from desktop_crm.store.store import Store

TIMELINE_LIMIT = 300
_QUIET_FIELDS = {"last_contacted_at", "photo", "search"}


@dataclass(frozen=True)
class NextFollowUp:
    """A follow-up planned while logging an activity (a ``FollowUpDraft`` says more).

    Attributes:
        due_on: The day it is due.
        kind: call, visit, meeting, message...
        subject: What to do.
        due_time: A wall time (the clock's zone); ``None``: all-day.
    """

    due_on: date
    kind: ActivityKind = ActivityKind.CALL
    subject: str = ""
    due_time: time | None = None


class CardService:
    """Read cards; log activities and plan follow-ups from them."""

    def __init__(self, store: Store, clock: Clock | None = None) -> None:
        self._store = store
        self._clock: Clock = clock or SystemClock()

    def card(self, kind: RecordKind, record_id: str) -> ContactCard:
        """The card of a person or company, with its timeline newest first.

        Raises:
            NotFoundError: No such live record.
        """
        with self._store.read() as session:
            if kind == "person":
                return _person_card(session, record_id)
            if kind == "company":
                return _company_card(session, record_id)
        raise ValidationError(f"Unknown kind {kind}.", field="kind")

    def log_activity(
        self,
        kind: RecordKind,
        record_id: str,
        activity: ActivityKind,
        subject: str = "",
        body: str = "",
        occurred_at: datetime | None = None,
        next_follow_up: NextFollowUp | FollowUpDraft | None = None,
        complete: Sequence[str] = (),
    ) -> ChangeResult:
        """Log a call, visit, message... on a card, optionally planning the next follow-up.

        The contact (and a person's company) count as contacted at the activity's moment
        (not for notes). Other follow-ups are left alone: only those in ``complete`` (the due
        ones the user ticked, see ``FollowUpService.due_for_contact``) are completed by this
        activity, as ``FollowUpService.complete`` does (a repeat's next one planned). One
        operation.

        Args:
            kind: ``person`` or ``company``.
            record_id: The contact.
            activity: What kind of contact it was.
            subject: Its subject.
            body: What was said.
            occurred_at: When; ``None``: now.
            next_follow_up: A follow-up to plan for this contact (a draft without a person,
                company or deal is linked to the contact).
            complete: Planned follow-ups this activity completes.

        Raises:
            ValidationError: An unknown activity, an invalid next follow-up, or one in
                ``complete`` that is not planned.
            NotFoundError: No such contact or follow-up.
        """
        if activity not in {k.value for k in ActivityKind}:
            raise ValidationError(f"Unknown activity {activity}.", field="activity")
        when = occurred_at or self._clock.now()
        owner = "person_id" if kind == "person" else "company_id"
        text = op_label(LabelCode.LOG_ACTIVITY, activity=activity, name="")
        with self._store.unit_of_work(text) as (session, rec):
            contact = live(session, Person if kind == "person" else Company, record_id)
            rec.label = op_label(LabelCode.LOG_ACTIVITY, activity=activity, name=contact.name)
            company_id = contact.company_id if kind == "person" else record_id
            entry = Activity(
                kind=ActivityKind(activity).value,
                subject=subject.strip() or None,
                body=body.strip() or None,
                occurred_at=when,
                user_id=self._store.actor_id,
                **{owner: record_id},
                **({"company_id": company_id} if kind == "person" else {}),
            )
            session.add(entry)
            session.flush()
            if activity != "note":
                mark_contacted(session, record_id if kind == "person" else None, company_id, when)
            complete_in(session, complete, entry, self._clock, outcome=body)
            if next_follow_up is not None:
                add_in(
                    session,
                    _next_draft(next_follow_up, owner, record_id),
                    zone=self._clock.zone(),
                    owner_id=self._store.actor_id,
                )
        return change_result(rec, [entry.id])


def _next_draft(plan: NextFollowUp | FollowUpDraft, owner: str, record_id: str) -> FollowUpDraft:
    """The follow-up to plan after logging, linked to the card's contact unless it says."""
    if isinstance(plan, NextFollowUp):
        plan = FollowUpDraft(
            subject=plan.subject,
            due_on=plan.due_on,
            due_time=plan.due_time,
            kind=ActivityKind(plan.kind),
        )
    if plan.person_id or plan.company_id or plan.deal_id:
        return plan
    if owner == "person_id":
        return replace(plan, person_id=record_id)
    return replace(plan, company_id=record_id)


def _labelled(session: Session, model: Any, owner: str, record_id: str) -> tuple[Labelled, ...]:
    rows = session.scalars(
        select(model)
        .where(getattr(model, owner) == record_id, model.deleted_at.is_(None))
        .order_by(model.position)
    )
    return tuple(Labelled(r.label, r.value, r.id) for r in rows)


def _addresses(session: Session, owner: str, record_id: str) -> tuple[AddressData, ...]:
    rows = session.scalars(
        select(Address)
        .where(getattr(Address, owner) == record_id, Address.deleted_at.is_(None))
        .order_by(Address.position)
    )
    return tuple(
        AddressData(a.label, a.street, a.city, a.region, a.postcode, a.country, a.id) for a in rows
    )


def _tags(session: Session, owner: str, record_id: str) -> tuple[str, ...]:
    return tuple(
        session.scalars(
            select(Tag.name)
            .join(Tagging, Tagging.tag_id == Tag.id)
            .where(
                getattr(Tagging, owner) == record_id,
                Tagging.deleted_at.is_(None),
                Tag.deleted_at.is_(None),
            )
            .order_by(Tag.name)
        )
    )


def _custom(session: Session, record_id: str) -> tuple[tuple[str, str, str], ...]:
    rows = session.execute(
        select(CustomFieldDef.id, CustomFieldDef.label, CustomFieldValue.value)
        .join(CustomFieldDef, CustomFieldDef.id == CustomFieldValue.field_id)
        .where(
            CustomFieldValue.record_id == record_id,
            CustomFieldValue.deleted_at.is_(None),
            CustomFieldValue.value.is_not(None),
        )
        .order_by(CustomFieldDef.position)
    )
    return tuple((fid, label, value or "") for fid, label, value in rows)


def _owner_name(session: Session, owner_id: str | None) -> str | None:
    return session.scalar(select(User.name).where(User.id == owner_id)) if owner_id else None


def _person_card(session: Session, record_id: str) -> ContactCard:
    p = live(session, Person, record_id)
    company = session.get(Company, p.company_id) if p.company_id else None
    if company is not None and company.deleted_at is not None:
        company = None
    return ContactCard(
        kind="person",
        id=p.id,
        name=p.name,
        number=p.number,
        title=p.title,
        company_id=company.id if company else None,
        company=company.name if company else None,
        department=p.department,
        status=ContactStatus(p.status),
        level=Level(p.level) if p.level else None,
        source=p.source,
        owner=_owner_name(session, p.owner_id),
        owner_id=p.owner_id,
        birthday=p.birthday,
        wechat=p.wechat,
        website=p.website,
        notes=p.notes,
        photo=p.photo,
        im=tuple(sorted((p.im or {}).items())),
        phones=_labelled(session, Phone, "person_id", p.id),
        emails=_labelled(session, Email, "person_id", p.id),
        addresses=_addresses(session, "person_id", p.id),
        tags=_tags(session, "person_id", p.id),
        custom=_custom(session, p.id),
        people=(),
        timeline=tuple(_timeline(session, [p.id], {}, "person_id")),
        last_contacted_at=p.last_contacted_at,
    )


def _company_card(session: Session, record_id: str) -> ContactCard:
    c = live(session, Company, record_id)
    people = session.execute(
        select(Person.id, Person.name, Person.title)
        .where(Person.company_id == c.id, Person.deleted_at.is_(None))
        .order_by(Person.name)
    ).all()
    names = {pid: name for pid, name, _t in people}
    # A person's activity logged with the company is on both lists: the person's copy names
    # who it concerns, so it is the one kept.
    items = _timeline(session, list(names), names, "person_id", changes=False) if names else []
    seen = {(i.kind, i.at, i.title) for i in items}
    items += [
        i
        for i in _timeline(session, [c.id], {c.id: ""}, "company_id")
        if (i.kind, i.at, i.title) not in seen
    ]
    items.sort(key=lambda i: i.at, reverse=True)
    return ContactCard(
        kind="company",
        id=c.id,
        name=c.name,
        number=c.number,
        title=c.industry,
        company_id=None,
        company=None,
        department=None,
        status=ContactStatus(c.status),
        level=Level(c.level) if c.level else None,
        source=c.source,
        owner=_owner_name(session, c.owner_id),
        owner_id=c.owner_id,
        birthday=None,
        wechat=None,
        website=c.website,
        notes=c.notes,
        photo=None,
        im=(),
        phones=_labelled(session, Phone, "company_id", c.id),
        emails=_labelled(session, Email, "company_id", c.id),
        addresses=_addresses(session, "company_id", c.id),
        tags=_tags(session, "company_id", c.id),
        custom=_custom(session, c.id),
        people=tuple((pid, name, title or "") for pid, name, title in people),
        timeline=tuple(items[:TIMELINE_LIMIT]),
        last_contacted_at=c.last_contacted_at,
    )


def _timeline(
    session: Session, ids: list[str], names: dict[str, str], owner: str, *, changes: bool = True
) -> list[TimelineItem]:
    items: list[TimelineItem] = []
    for a in session.scalars(
        select(Activity)
        .where(getattr(Activity, owner).in_(ids), Activity.deleted_at.is_(None))
        .order_by(Activity.occurred_at.desc())
        .limit(TIMELINE_LIMIT)
    ):
        items.append(
            TimelineItem(
                a.occurred_at,
                "activity",
                a.kind,
                a.subject or a.kind,
                a.body or "",
                names.get(getattr(a, owner), ""),
            )
        )
    # Planned follow-ups have the card's own section and a done one's activity is on the
    # timeline already: what remains to tell is a cancellation, at the moment it happened.
    for f in session.scalars(
        select(FollowUp)
        .where(
            getattr(FollowUp, owner).in_(ids),
            FollowUp.deleted_at.is_(None),
            FollowUp.status == FollowUpStatus.CANCELLED.value,
            FollowUp.done_at.is_not(None),
        )
        .order_by(FollowUp.done_at.desc())
        .limit(TIMELINE_LIMIT)
    ):
        items.append(
            TimelineItem(
                f.done_at or f.updated_at,
                "follow_up",
                f.status,
                f.subject,
                f.due_on.isoformat(),
                names.get(getattr(f, owner), ""),
            )
        )
    deal_owner = getattr(Deal, owner)
    for moved_at, title, stage, who in session.execute(
        select(DealStageChange.moved_at, Deal.title, Stage.name, deal_owner)
        .join(Deal, Deal.id == DealStageChange.deal_id)
        .join(Stage, Stage.id == DealStageChange.to_stage_id)
        .where(deal_owner.in_(ids), Deal.deleted_at.is_(None), DealStageChange.deleted_at.is_(None))
        .limit(TIMELINE_LIMIT)
    ):
        items.append(TimelineItem(moved_at, "deal", stage, title, stage, names.get(who, "")))
    models: tuple[tuple[Any, TimelineKind], ...] = ((Quote, "quote"), (Contract, "contract"))
    for model, kind in models:
        column = getattr(model, owner)
        for row in session.scalars(
            select(model).where(column.in_(ids), model.deleted_at.is_(None)).limit(100)
        ):
            title = row.number if kind == "quote" else row.title
            items.append(
                TimelineItem(
                    row.created_at,
                    kind,
                    row.status,
                    title,
                    f"{row.number}",
                    names.get(getattr(row, owner), ""),
                )
            )
    if changes:
        entity = "people" if owner == "person_id" else "companies"
        # The creation comes from the record: bulk creations (imports) log ids, not one row each.
        record = Person if owner == "person_id" else Company
        for created_at in session.scalars(select(record.created_at).where(record.id.in_(ids))):
            items.append(TimelineItem(created_at, "change", "create", "created", ""))
        # Who made a change, when someone else did (a teammate, through the hub).
        me = local_user_id(session)
        users = {uid: name for uid, name in session.execute(select(User.id, User.name))}
        for change in session.scalars(
            select(Change)
            .where(
                Change.entity == entity,
                Change.entity_id.in_(ids),
                Change.action.in_(("update", "delete", "restore")),
            )
            .order_by(Change.seq.desc())
            .limit(TIMELINE_LIMIT)
        ):
            fields = {k: v for k, v in change.values.items() if k not in _QUIET_FIELDS}
            if not fields:
                continue
            detail = "; ".join(f"{k}: {_short(v[0])} → {_short(v[1])}" for k, v in fields.items())
            who = users.get(change.actor_id, "") if change.actor_id not in (None, me) else ""
            items.append(
                TimelineItem(change.at, "change", change.action, change.action, detail, who)
            )
    items.sort(key=lambda i: i.at, reverse=True)
    return items[:TIMELINE_LIMIT]


def _short(value: object) -> str:
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= 40 else text[:39] + "…"
