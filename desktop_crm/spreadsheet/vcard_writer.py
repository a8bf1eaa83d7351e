"""Write contacts as vCard 3.0 or 4.0 that phones and mail clients read back."""

from __future__ import annotations

import base64
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

_TEL_TYPES = {
    "mobile": ["CELL"],
    "home": ["HOME"],
    "work": ["WORK"],
    "fax": ["FAX"],
    "home fax": ["HOME", "FAX"],
    "work fax": ["WORK", "FAX"],
    "pager": ["PAGER"],
    "main": ["MAIN"],
    "phone": ["VOICE"],
    "other": ["OTHER"],
}
_EMAIL_TYPES = {"work": ["WORK"], "home": ["HOME"], "other": ["OTHER"], "email": []}
_ADR_TYPES = {"work": ["WORK"], "home": ["HOME"], "other": ["OTHER"]}


@dataclass(frozen=True)
class CardAddress:
    """A postal address to write."""

    label: str
    street: str | None = None
    city: str | None = None
    region: str | None = None
    postcode: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Card:
    """One contact to write.

    Attributes:
        uid: A stable id (our global id), so re-imports can recognise the card.
        name: Display name (FN).
        family_name: N family name.
        given_name: N given name.
        organization: ORG.
        department: ORG unit.
        title: TITLE.
        phones: ``(label, value)`` pairs.
        emails: ``(label, value)`` pairs.
        addresses: Postal addresses.
        website: URL.
        birthday: BDAY.
        notes: NOTE.
        tags: CATEGORIES.
        wechat: IMPP wechat id.
        photo: JPEG or PNG bytes.
    """

    uid: str
    name: str
    family_name: str | None = None
    given_name: str | None = None
    organization: str | None = None
    department: str | None = None
    title: str | None = None
    phones: tuple[tuple[str, str], ...] = ()
    emails: tuple[tuple[str, str], ...] = ()
    addresses: tuple[CardAddress, ...] = ()
    website: str | None = None
    birthday: date | None = None
    notes: str | None = None
    tags: tuple[str, ...] = field(default=())
    wechat: str | None = None
    photo: bytes | None = None


def write_vcards(cards: Iterable[Card], version: str = "3.0") -> str:
    """All ``cards`` as one vCard text (CRLF line ends, lines folded at 75 octets)."""
    if version not in ("3.0", "4.0"):
        raise ValueError(f"vCard version {version} is not written; use 3.0 or 4.0")
    return "".join(_card(card, version) for card in cards)


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace("\n", "\\n")
        .replace("\r", "")
        .replace(",", "\\,")
        .replace(";", "\\;")
    )


def _fold(line: str) -> str:
    out: list[str] = []
    current: list[str] = []
    size = 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > 75:
            out.append("".join(current))
            current, size = [" "], 1
        current.append(ch)
        size += width
    out.append("".join(current))
    return "\r\n".join(out) + "\r\n"


def _types(names: list[str], version: str) -> str:
    if not names:
        return ""
    if version == "4.0":
        names = [n.lower() for n in names]
    return ";TYPE=" + ",".join(names)


def _card(card: Card, version: str) -> str:
    lines = ["BEGIN:VCARD", f"VERSION:{version}", f"UID:{card.uid}", f"FN:{_escape(card.name)}"]
    family, given = card.family_name or "", card.given_name or ""
    if not (family or given):
        family = card.name
    lines.append(f"N:{_escape(family)};{_escape(given)};;;")
    if card.organization:
        org = _escape(card.organization)
        lines.append(f"ORG:{org};{_escape(card.department)}" if card.department else f"ORG:{org}")
    if card.title:
        lines.append(f"TITLE:{_escape(card.title)}")
    group = 0
    for prop, pairs, known in (
        ("TEL", card.phones, _TEL_TYPES),
        ("EMAIL", card.emails, _EMAIL_TYPES),
    ):
        for label, value in pairs:
            if label in known:
                types = known[label] + (
                    ["INTERNET"] if prop == "EMAIL" and version == "3.0" else []
                )
                lines.append(f"{prop}{_types(types, version)}:{_escape(value)}")
            else:  # a custom label travels the way Apple and Google write it
                group += 1
                lines.append(f"item{group}.{prop}:{_escape(value)}")
                lines.append(f"item{group}.X-ABLabel:{_escape(label)}")
    for a in card.addresses:
        parts = [
            "",
            "",
            a.street or "",
            a.city or "",
            a.region or "",
            a.postcode or "",
            a.country or "",
        ]
        lines.append(
            f"ADR{_types(_ADR_TYPES.get(a.label, []), version)}:"
            + ";".join(_escape(p) for p in parts)
        )
    if card.website:
        lines.append(f"URL:{card.website}")
    if card.birthday:
        lines.append(f"BDAY:{card.birthday.isoformat()}")
    if card.wechat:
        lines.append(f"IMPP:wechat:{card.wechat}")
    if card.tags:
        lines.append("CATEGORIES:" + ",".join(_escape(t) for t in card.tags))
    if card.notes:
        lines.append(f"NOTE:{_escape(card.notes)}")
    if card.photo:
        kind = "PNG" if card.photo.startswith(b"\x89PNG") else "JPEG"
        data = base64.b64encode(card.photo).decode("ascii")
        if version == "4.0":
            lines.append(f"PHOTO:data:image/{kind.lower()};base64,{data}")
        else:
            lines.append(f"PHOTO;ENCODING=b;TYPE={kind}:{data}")
    lines.append("END:VCARD")
    return "".join(_fold(line) for line in lines)
