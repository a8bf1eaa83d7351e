"""LDIF address books (Thunderbird, Evolution, LDAP exports) read as a table of people.

Each entry becomes a row and each attribute a column, named as Thunderbird names it in its CSV
export ("First Name", "Primary Email", "Work City"...), so the mapping, the preview and the
duplicate checks of table imports apply unchanged. Mailing lists are not people and are left
out; attributes nobody maps are kept as columns (they end up in the notes, not lost).
"""

from __future__ import annotations

import base64
import binascii
import re

# LDIF attribute (lower case) -> column; None: bookkeeping, not worth a column.
COLUMNS: dict[str, str | None] = {
    "dn": None,
    "objectclass": None,
    "modifytimestamp": None,
    "createtimestamp": None,
    "changetype": None,
    "mozillausehtmlmail": None,
    "xmozillausehtmlmail": None,
    "member": None,
    "givenname": "First Name",
    "sn": "Last Name",
    "surname": "Last Name",
    "cn": "Display Name",
    "commonname": "Display Name",
    "displayname": "Display Name",
    "mozillanickname": "Nickname",
    "xmozillanickname": "Nickname",
    "mail": "Primary Email",
    "mozillasecondemail": "Secondary Email",
    "xmozillasecondemail": "Secondary Email",
    "telephonenumber": "Work Phone",
    "homephone": "Home Phone",
    "facsimiletelephonenumber": "Fax Number",
    "fax": "Fax Number",
    "pager": "Pager Number",
    "pagerphone": "Pager Number",
    "mobile": "Mobile Number",
    "cellphone": "Mobile Number",
    "carphone": "Mobile Number",
    "mozillahomestreet": "Home Address",
    "mozillahomestreet2": "Home Address 2",
    "mozillahomelocalityname": "Home City",
    "mozillahomestate": "Home State",
    "mozillahomepostalcode": "Home ZipCode",
    "mozillahomecountryname": "Home Country",
    "street": "Work Address",
    "streetaddress": "Work Address",
    "postaladdress": "Work Address",
    "mozillaworkstreet2": "Work Address 2",
    "l": "Work City",
    "locality": "Work City",
    "st": "Work State",
    "postalcode": "Work ZipCode",
    "c": "Work Country",
    "countryname": "Work Country",
    "title": "Job Title",
    "ou": "Department",
    "department": "Department",
    "o": "Organization",
    "company": "Organization",
    "mozillaworkurl": "Web Page 1",
    "workurl": "Web Page 1",
    "mozillahomeurl": "Web Page 2",
    "homeurl": "Web Page 2",
    "birthyear": "Birth Year",
    "birthmonth": "Birth Month",
    "birthday": "Birth Day",
    "description": "Notes",
}
_LIST_CLASSES = {"groupofnames", "groupofuniquenames", "mozillaabgroup"}
_LINE = re.compile(r"([A-Za-z][\w\-.]*)(?:;[^:]*)?:(:|<)?\s?(.*)")


def looks_like_ldif(text: str) -> bool:
    """Whether ``text`` is an LDIF file (its first statement is ``dn:`` or ``version:``)."""
    for line in text[:4096].lstrip("\ufeff").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        return line.lower().startswith(("dn:", "version:"))
    return False


def read_ldif(text: str) -> tuple[list[str], list[list[str | None]]]:
    """``(columns, rows)`` of the people in an LDIF file, one row per entry."""
    columns: list[str] = []
    rows: list[dict[str, list[str]]] = []
    for entry in _entries(text):
        classes = {v.lower() for v in entry.get("objectclass", [])}
        if classes & _LIST_CLASSES:
            continue  # a mailing list, not a person
        row: dict[str, list[str]] = {}
        for attribute, values in entry.items():
            column = COLUMNS.get(attribute, attribute)
            if column is None:
                continue
            if column not in columns:
                columns.append(column)
            row.setdefault(column, []).extend(values)
        if row:
            rows.append(row)
    table = [[("\n".join(row[c]) or None) if c in row else None for c in columns] for row in rows]
    return columns, table


def _entries(text: str) -> list[dict[str, list[str]]]:
    """Entries as ``attribute (lower case) -> values``, folded lines joined, base64 decoded."""
    entries: list[dict[str, list[str]]] = []
    current: dict[str, list[str]] = {}
    logical: list[str] = []
    for raw in [*text.lstrip("\ufeff").splitlines(), ""]:
        if raw.startswith(" ") and logical:
            logical[-1] += raw[1:]  # a folded line continues the one before
            continue
        if raw.startswith("#"):
            continue
        if not raw.strip():
            for line in logical:
                _add(current, line)
            logical = []
            if current:
                entries.append(current)
                current = {}
            continue
        logical.append(raw)
    return entries


def _add(entry: dict[str, list[str]], line: str) -> None:
    match = _LINE.fullmatch(line)
    if match is None:
        return
    attribute, marker, value = match.group(1).lower(), match.group(2), match.group(3)
    if attribute == "version" and not entry:
        return
    if marker == "<":
        return  # a value kept in another file (a photo): nothing to import
    if marker == ":":
        try:
            value = base64.b64decode(value.strip()).decode("utf-8", errors="replace")
        except (binascii.Error, ValueError):
            return
    value = value.strip()
    if value:
        entry.setdefault(attribute, []).append(value)
