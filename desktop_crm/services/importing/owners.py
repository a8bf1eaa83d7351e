"""Owner columns naming people who are not users yet: mapped, added as users, or kept in notes.

A sheet's "负责人" / "Owner" / "Sales rep" column names salespeople. A name that is a user's
(ignoring case) is that user. The others are, as the user chooses, mapped to an existing
user, added as users of the workspace, or kept in each record's notes, with one report note
counting them (not a line per row).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from desktop_crm.services.contacts.users import add_users
from desktop_crm.spreadsheet import cells
from desktop_crm.spreadsheet.fields import FIELDS
from desktop_crm.store.changelog import Recorder

OWNER = "owner"


@dataclass(frozen=True)
class OwnerChoice:
    """What to do with owner names that are no user's.

    Attributes:
        mapped: Name -> the id of the user it means.
        new: Names to add as users.
        create_all: Add every such name as a user.
    """

    mapped: dict[str, str] = field(default_factory=dict)
    new: tuple[str, ...] = ()
    create_all: bool = False

    def to_create(self, unknown: Sequence[str]) -> list[str]:
        """Which of the ``unknown`` names become users."""
        mapped = {n.strip().casefold() for n in self.mapped}
        wanted = {n.strip().casefold() for n in self.new}
        return [
            n
            for n in unknown
            if n.casefold() not in mapped and (self.create_all or n.casefold() in wanted)
        ]


def owner_column(entity: str, mapping: dict[int, str]) -> int | None:
    """The column mapped to the owner, if the kind of record has owners and one is."""
    if OWNER not in FIELDS[entity]:
        return None
    return next((col for col, target in mapping.items() if target == OWNER), None)


def unknown_names(
    rows: Sequence[Sequence[Any]], data_rows: Sequence[int], column: int, users: dict[str, str]
) -> list[str]:
    """The distinct names of ``column`` that are no user's (``users``: casefolded name -> id).

    Spellings differing only in case count once (the first seen); in sheet order.
    """
    seen: dict[str, str] = {}
    for index in data_rows:
        row = rows[index]
        name = cells.text(row[column]) if column < len(row) else None
        if name and name.casefold() not in users:
            seen.setdefault(name.casefold(), name)
    return list(seen.values())


def known_owners(users: dict[str, str], choice: OwnerChoice) -> dict[str, str]:
    """Name (casefolded) -> user id: the users, then the names mapped to one."""
    known = dict(users)
    for name, uid in choice.mapped.items():
        known.setdefault(name.strip().casefold(), uid)
    return known


def create_owners(session: Session, rec: Recorder, names: Sequence[str]) -> dict[str, str]:
    """Add ``names`` as users; name (casefolded) -> new user id."""
    return {name.casefold(): uid for name, uid in add_users(session, rec, names).items()}
