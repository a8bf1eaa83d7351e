"""Turning mapped spreadsheet rows into incoming contacts, losing nothing.

Values that cannot be stored where they were meant to go are kept in the contact's notes and
reported (see ``row_reader``). A row with no name, email or phone cannot become a contact: it
is returned as failed, with its reason, for the error workbook.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop_crm.spreadsheet import cells
from desktop_crm.spreadsheet.row_reader import RowRead, RowReader
from desktop_crm.spreadsheet.vcard_reader import VAddress, VContact

_PHONE_FIELDS = {"mobile": "mobile", "phone": "work", "home_phone": "home", "fax": "fax"}
BIRTH_KEYS = ("birthyear", "birthmonth", "birthday_day")


@dataclass(frozen=True)
class FailedRow:
    """A row that could not become a record.

    Attributes:
        number: Its row number in the sheet (1-based, as the spreadsheet shows it).
        reason: Why.
        cells: Its original cells.
    """

    number: int
    reason: str
    cells: tuple[Any, ...]


def contact_from_row(
    read: RowRead, row: Sequence[Any], birth: dict[str, int]
) -> tuple[VContact | None, str]:
    """The incoming contact of one read row, or ``None`` and why not."""
    v = read.values
    c = VContact(index=read.number, line=read.number)
    c.family_name, c.given_name = read.text("family_name"), read.text("given_name")
    for key, label in _PHONE_FIELDS.items():
        c.phones += [(label, value) for value in v.get(key, ())]
    for key, label in (("email", "work"), ("email2", "other")):
        c.emails += [(label, value) for value in v.get(key, ())]
    c.organization = read.text("company")
    c.title, c.department = read.text("title"), read.text("department")
    parts = [read.text(k) for k in ("street", "city", "region", "postcode", "country")]
    if any(parts):
        c.addresses.append(VAddress("work", *parts))
    if read.text("website"):
        c.websites.append(str(read.text("website")))
    c.wechat = read.text("wechat")
    if read.text("qq"):
        c.im["qq"] = str(read.text("qq"))
    c.categories = list(v.get("tags", ()))
    c.source, c.level, c.status = read.text("source"), read.text("level"), read.text("status")
    c.owner_id = read.text("owner")
    c.birthday = v.get("birthday")
    if birth and c.birthday is None:
        _split_birthday(c, read, row, birth)
    c.custom = dict(read.custom)
    c.warnings = list(read.warnings)
    c.notes = read.notes()
    name: str | None = read.text("name")
    if not name and (c.family_name or c.given_name):
        family, given = c.family_name or "", c.given_name or ""
        cjk = any("\u4e00" <= ch <= "\u9fff" for ch in family + given)
        name = family + given if cjk else " ".join(x for x in (given, family) if x)
    if not name:
        for origin, candidate in (
            ("email", c.emails[0][1] if c.emails else None),
            ("phone", c.phones[0][1] if c.phones else None),
        ):
            if candidate:
                name, c.named_from = candidate, origin
                break
    if not name:
        return None, "no name, email or phone"
    c.name = name
    return c, ""


def contacts_from_rows(
    rows: Sequence[Sequence[Any]],
    data_rows: Sequence[int],
    reader: RowReader,
    birth: dict[str, int] | None = None,
) -> tuple[list[VContact], list[FailedRow]]:
    """Incoming contacts and failed rows from a mapped table."""
    contacts: list[VContact] = []
    failed: list[FailedRow] = []
    for index in data_rows:
        row = rows[index]
        contact, reason = contact_from_row(reader.read(row, index), row, birth or {})
        if contact is None:
            failed.append(FailedRow(index + 1, reason, tuple(row)))
        else:
            contacts.append(contact)
    return contacts, failed


def _split_birthday(c: VContact, read: RowRead, row: Sequence[Any], birth: dict[str, int]) -> None:
    """Thunderbird's birthday in three columns (year, month, day)."""
    parts = [row[birth[k]] if birth[k] < len(row) else None for k in BIRTH_KEYS]
    if not all(parts):
        return
    value = "-".join(str(cells.text(p)) for p in parts)
    try:
        c.birthday = cells.parse_date(value, "YMD")
    except ValueError as exc:
        read.kept.append(f"Birthday: {value}")
        read.warnings.append(f"row {read.number}: {exc}; kept in notes")
