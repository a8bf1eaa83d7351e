"""Closed vocabularies stored as text: statuses, levels, activity kinds."""

from __future__ import annotations

from enum import StrEnum


class ContactStatus(StrEnum):
    """Where a contact stands with us."""

    LEAD = "lead"
    PROSPECT = "prospect"
    CUSTOMER = "customer"
    INACTIVE = "inactive"


class Level(StrEnum):
    """Customer level, A the most valuable."""

    A = "A"
    B = "B"
    C = "C"


class ActivityKind(StrEnum):
    """What kind of contact an activity logs."""

    CALL = "call"
    MEETING = "meeting"
    VISIT = "visit"
    EMAIL = "email"
    MESSAGE = "message"
    NOTE = "note"


class PoolEvent(StrEnum):
    """Lead-pool events, kept on the timeline as activities of these kinds.

    They record who held a record, never a contact: they leave ``last_contacted_at`` alone,
    and whatever derives the last contact from activities must skip them.
    """

    CLAIMED = "claimed"
    RELEASED = "released"
    RETURNED = "returned"


class FollowUpStatus(StrEnum):
    """The state of a planned follow-up."""

    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"


class StageKind(StrEnum):
    """Whether a pipeline stage is still open or closes the deal."""

    OPEN = "open"
    WON = "won"
    LOST = "lost"


class DealStatus(StrEnum):
    """A deal's outcome so far."""

    OPEN = "open"
    WON = "won"
    LOST = "lost"


class QuoteStatus(StrEnum):
    """A quote's life cycle."""

    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    EXPIRED = "expired"


class ContractStatus(StrEnum):
    """A contract's life cycle."""

    DRAFT = "draft"
    ACTIVE = "active"
    COMPLETED = "completed"
    TERMINATED = "terminated"


class CustomFieldKind(StrEnum):
    """The value type of a custom field."""

    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    CHOICE = "choice"
    BOOL = "bool"
