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
_EMAIL_FIELDS = (("email", "work"), ("email2", "other"))
_ADDRESS_KEYS = ("street", "city", "region", "postcode", "country")
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
    # Text fields hold ``str`` values only (the reader makes them so): plain ``get``.
    get = read.values.get
    phones = [(label, value) for key, label in _PHONE_FIELDS.items() for value in get(key, ())]
    emails = [(label, value) for key, label in _EMAIL_FIELDS for value in get(key, ())]
    parts = [get(k) for k in _ADDRESS_KEYS]
    website, qq = get("website"), get("qq")
    c = VContact(
        index=read.number,
        line=read.number,
        family_name=get("family_name"),
        given_name=get("given_name"),
        organization=get("company"),
        department=get("department"),
        title=get("title"),
        phones=phones,
        emails=emails,
        addresses=[VAddress("work", *parts)] if any(parts) else [],
        websites=[website] if website else [],
        birthday=get("birthday"),
        categories=list(get("tags", ())),
        wechat=get("wechat"),
        im={"qq": qq} if qq else {},
        source=get("source"),
        status=get("status"),
        level=get("level"),
        owner_id=get("owner"),
        custom=read.custom,
        created_at=get("created"),
    )
    if birth and c.birthday is None:
        _split_birthday(c, read, row, birth)
    c.notes = read.notes()  # (the problems are in ``read.warnings``, for the report)
    name: str | None = get("name")
    if not name and (c.family_name or c.given_name):
        family, given = c.family_name or "", c.given_name or ""
        cjk = any("\u4e00" <= ch <= "\u9fff" for ch in family + given)
        name = family + given if cjk else " ".join(x for x in (given, family) if x)
    if not name:
        for origin, candidate in (
            ("email", emails[0][1] if emails else None),
            ("phone", phones[0][1] if phones else None),
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
        read.warnings.append(("Birthday", f"{exc}; kept in notes"))
