"""Closed sets of codes that services take and return, as ``Literal`` types.

Where a vocabulary is stored in a column and has behaviour, it is a ``StrEnum`` in ``vocab``
(statuses, levels, activity kinds). The codes here only steer a call or label a value; a
``Literal`` lets mypy check every caller without converting at each boundary. The tuples
list the same codes for argument parsers and checks at run time.
"""

from __future__ import annotations

from typing import Literal, TypeGuard, get_args

RecordKind = Literal["person", "company"]
"""A contact record: a person or a company."""

BulkField = Literal["status", "level", "owner_id"]
"""Fields set on many people or companies at once."""

DuplicateReason = Literal["phone", "email", "name"]
"""Why two people look like the same one."""

ProblemField = Literal["name", "status", "level", "phones", "emails", "custom"]
"""The field of an editor's draft a problem is shown on."""

ProblemCode = Literal["required", "unknown", "empty", "invalid", "space", "exists"]
"""What is wrong with a field (the UI words it in the user's language)."""

NumberKind = Literal["customer", "deal", "quote", "contract"]
"""Records numbered from a pattern; people and companies share ``customer``."""

Language = Literal["zh", "en"]
"""A language the workspace's seeded names, exports and templates come in."""

ExportFormat = Literal["xlsx", "csv"]
"""Table formats a list exports to."""

RecordList = Literal["deals", "quotes", "activities", "products"]
"""Records a list export writes besides people and companies."""

ImportEntity = Literal[
    "people", "companies", "deals", "products", "quotes", "payments", "followups"
]
"""What kind of record a sheet imports."""

ExportEntity = Literal["people", "companies", "deals", "quotes", "activities", "products"]
"""What a list export writes."""

DuplicatePolicy = Literal["skip", "fill", "overwrite", "create"]
"""What an import does with a row that matches an existing record."""

MatchKey = Literal["email", "phone", "name"]
"""What an import matches existing people by."""

BackupReason = Literal[
    "manual",
    "hourly",
    "close",
    "pre-migration",
    "pre-import",
    "pre-restore",
    "pre-delete",
    "pre-merge",
]
"""Why a backup was taken (part of its file name; the UI words it)."""

OperationKind = Literal[
    "edit", "bulk", "import", "merge", "demo", "undo", "redo", "system", "sync", "resolve"
]
"""What kind of operation the history holds (``sync``: changes pulled from the team hub;
``resolve``: a team conflict decided here)."""

SearchKind = Literal["person", "company", "deal", "quote"]
"""What a global search hit is."""

TimelineKind = Literal["activity", "follow_up", "deal", "quote", "contract", "change"]
"""What a card's timeline entry is."""

RECORD_KINDS: tuple[RecordKind, ...] = get_args(RecordKind)
BULK_FIELDS: tuple[BulkField, ...] = get_args(BulkField)
LANGUAGES: tuple[Language, ...] = get_args(Language)
DUPLICATE_POLICIES: tuple[DuplicatePolicy, ...] = get_args(DuplicatePolicy)
MATCH_KEYS: tuple[MatchKey, ...] = get_args(MatchKey)


def is_record_kind(value: str) -> TypeGuard[RecordKind]:
    """Whether ``value`` is ``person`` or ``company``."""
    return value in RECORD_KINDS


def is_language(value: str) -> TypeGuard[Language]:
    """Whether ``value`` is a language the workspace comes in."""
    return value in LANGUAGES
