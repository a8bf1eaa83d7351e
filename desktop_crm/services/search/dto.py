"""What the search services return: plain frozen values, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_crm.domain.choices import SearchKind


@dataclass(frozen=True)
class SearchHit:
    """One result of the global search.

    Attributes:
        kind: ``person``, ``company``, ``deal`` or ``quote``.
        id: The record's id.
        title: The main line.
        subtitle: A second line (company, stage, amount).
    """

    kind: SearchKind
    id: str
    title: str
    subtitle: str = ""
