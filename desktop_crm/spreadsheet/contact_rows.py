"""Turning mapped spreadsheet rows into incoming contacts, losing nothing.

Values that cannot be stored where they were meant to go (an invalid email, a date that is
not one, an unknown level) are kept in the contact's notes and reported; columns nobody
mapped are kept in notes too. A row with no name, email or phone cannot become a contact: it
is returned as failed, with its reason, for the error workbook.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop_crm.domain.validation import email_problem
from desktop_crm.spreadsheet import cells
from desktop_crm.spreadsheet.tables import Layout, Table
from desktop_crm.spreadsheet.vcard_reader import VAddress, VContact

_STATUS = {
    "lead": "lead",
    "线索": "lead",
    "潜在": "lead",
    "prospect": "prospect",
    "意向": "prospect",
    "意向客户": "prospect",
    "跟进中": "prospect",
    "customer": "customer",
    "客户": "customer",
    "成交": "customer",
    "成交客户": "customer",
    "已成交": "customer",
    "inactive": "inactive",
    "无效": "inactive",
    "流失": "inactive",
    "不活跃": "inactive",
}
_PHONE_FIELDS = {"mobile": "mobile", "phone": "work", "home_phone": "home", "fax": "fax"}
_TAG_SPLIT = re.compile(r"\s+:::\s+|[;；,，、\n]+")


@dataclass(frozen=True)
class FailedRow:
    """A row that could not become a contact.

    Attributes:
        number: Its row number in the sheet (1-based, as the spreadsheet shows it).
        reason: Why.
        cells: Its original cells.
    """

    number: int
    reason: str
    cells: tuple[Any, ...]


def contacts_from_rows(
    table: Table,
    lay: Layout,
    mapping: dict[int, str],
    *,
    date_order: str | None = None,
    owners: dict[str, str] | None = None,
    birthday_parts: dict[str, int] | None = None,
) -> tuple[list[VContact], list[FailedRow]]:
    """Incoming contacts and failed rows from a mapped table."""
    owners = {k.casefold(): v for k, v in (owners or {}).items()}
    order = date_order or cells.date_order(
        [
            table.rows[i][c]
            for i in lay.data_rows[:200]
            for c, f in mapping.items()
            if f == "birthday" and c < len(table.rows[i])
        ]
    )
    contacts: list[VContact] = []
    failed: list[FailedRow] = []
    for index in lay.data_rows:
        row = table.rows[index]
        contact, reason = _contact(
            row, index, lay.columns, mapping, order, owners, birthday_parts or {}
        )
        if contact is None:
            failed.append(FailedRow(index + 1, reason, tuple(row)))
        else:
            contacts.append(contact)
    return contacts, failed


def _contact(
    row: Sequence[Any],
    index: int,
    columns: Sequence[str],
    mapping: dict[int, str],
    order: str,
    owners: dict[str, str],
    birth: dict[str, int],
) -> tuple[VContact | None, str]:
    columns_of = {f: col for col, f in sorted(mapping.items(), reverse=True)}

    def get(field: str) -> Any:
        col = columns_of.get(field)
        return row[col] if col is not None and col < len(row) else None

    c = VContact(index=index + 1, line=index + 1)
    kept: list[str] = []  # values that could not go where they were meant to
    c.family_name, c.given_name = cells.text(get("family_name")), cells.text(get("given_name"))
    for field, label in _PHONE_FIELDS.items():
        c.phones += [(label, value) for value in cells.split_values(get(field))]
    for field, label in (("email", "work"), ("email2", "other")):
        for value in cells.split_values(get(field)):
            if email_problem(value) is None:
                c.emails.append((label, value))
            else:
                kept.append(f"Email: {value}")
                c.warnings.append(
                    f"row {index + 1}: “{value}” is not an email address; kept in notes"
                )
    c.organization = cells.text(get("company"))
    c.title, c.department = cells.text(get("title")), cells.text(get("department"))
    street, city, region = (
        cells.text(get("street")),
        cells.text(get("city")),
        cells.text(get("region")),
    )
    postcode, country = cells.phone_text(get("postcode")), cells.text(get("country"))
    if any((street, city, region, postcode, country)):
        c.addresses.append(VAddress("work", street, city, region, postcode, country))
    website = cells.text(get("website"))
    if website:
        c.websites.append(website)
    c.wechat = cells.text(get("wechat"))
    qq = cells.phone_text(get("qq"))
    if qq:
        c.im["qq"] = qq
    c.categories = [t.strip() for t in _TAG_SPLIT.split(cells.text(get("tags")) or "") if t.strip()]
    c.source = cells.text(get("source"))
    _birthday(c, get("birthday"), order, row, birth, kept, index)
    level = (cells.text(get("level")) or "").upper().rstrip("级类")
    if level:
        if level in ("A", "B", "C"):
            c.level = level
        else:
            kept.append(f"Level: {cells.text(get('level'))}")
    status = cells.text(get("status"))
    if status:
        c.status = _STATUS.get(status.casefold())
        if c.status is None:
            kept.append(f"Status: {status}")
    owner = cells.text(get("owner"))
    if owner:
        c.owner_id = owners.get(owner.casefold())
        if c.owner_id is None:
            kept.append(f"Owner: {owner}")
    extra = [
        f"{columns[i]}: {cells.text(v)}"
        for i, v in enumerate(row)
        if i not in mapping and cells.text(v) and i < len(columns) and i not in birth.values()
    ]
    notes = cells.text(get("notes"))
    c.notes = "\n".join(x for x in ([notes] if notes else []) + kept + extra if x) or None
    name: str | None = cells.text(get("name"))
    if not name and (c.family_name or c.given_name):
        family, given = c.family_name or "", c.given_name or ""
        cjk = any("\u4e00" <= ch <= "\u9fff" for ch in family + given)
        name = family + given if cjk else " ".join(x for x in (given, family) if x)
    if not name:
        fallbacks: tuple[tuple[str, str | None], ...] = (
            ("email", c.emails[0][1] if c.emails else None),
            ("phone", c.phones[0][1] if c.phones else None),
        )
        for origin, candidate in fallbacks:
            if candidate:
                name, c.named_from = candidate, origin
                break
    if not name:
        return None, "no name, email or phone"
    c.name = name
    return c, ""


def _birthday(
    c: VContact,
    value: Any,
    order: str,
    row: Sequence[Any],
    birth: dict[str, int],
    kept: list[str],
    index: int,
) -> None:
    if birth:
        parts = [
            row[birth[k]] if birth[k] < len(row) else None
            for k in ("birthyear", "birthmonth", "birthday_day")
        ]
        if all(parts):
            value = "-".join(str(cells.text(p)) for p in parts)
            order = "YMD"
    if value is None:
        return
    try:
        c.birthday = cells.parse_date(value, order)
    except ValueError as exc:
        kept.append(f"Birthday: {cells.text(value)}")
        c.warnings.append(f"row {index + 1}: {exc}; kept in notes")
