"""What the duplicates services return: plain frozen values, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_crm.domain.choices import DuplicateReason


@dataclass(frozen=True)
class DuplicatePair:
    """Two people who are probably the same.

    Attributes:
        first_id: One of them (the older).
        first_name: Their name.
        second_id: The other.
        second_name: Their name.
        score: 0-100, higher is surer.
        reasons: What matched: ``phone``, ``email``, ``name``.
    """

    first_id: str
    first_name: str
    second_id: str
    second_name: str
    score: int
    reasons: tuple[DuplicateReason, ...]
