"""Read vCard 2.1, 3.0 and 4.0 files as phones and mail clients really write them.

Works on bytes: a 2.1 file may mix raw bytes of a declared charset (``CHARSET=SHIFT_JIS``),
undeclared legacy bytes (Windows-1251, raw or quoted-printable) and UTF-8 in one file. The
codepage of undeclared bytes is guessed once per file from all of them, and no value is
decoded to U+FFFD. Handles UTF-16 with or without a BOM, folded lines, quoted-printable soft
line breaks, base64 photos, Apple's grouped labels (``item1.X-ABLabel``) and cards without a
name. A broken card is reported and skipped; the rest are read.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from desktop_crm.spreadsheet.charsets import decode_keeping_strays, guess_legacy

_PROPERTY_START = re.compile(rb"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)?[;:]")
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
_CHARSET_PARAM = re.compile(rb"CHARSET=([A-Za-z0-9_-]+)", re.IGNORECASE)
_APPLE_WORDS = {
    "mobile": "mobile",
    "iphone": "mobile",
    "home": "home",
    "work": "work",
    "main": "main",
    "homefax": "home fax",
    "workfax": "work fax",
    "otherfax": "fax",
    "pager": "pager",
    "other": "other",
    "homepage": "homepage",
    "assistantphone": "assistant",
}


@dataclass(frozen=True, slots=True)
class VAddress:
    """A postal address from ADR.

    Attributes:
        label: home, work, other...
        street: Street lines (extended address and P.O. box included).
        city: Locality.
        region: State or province.
        postcode: Postal code, kept as text.
        country: Country.
    """

    label: str
    street: str | None
    city: str | None
    region: str | None
    postcode: str | None
    country: str | None


@dataclass(slots=True)
class VContact:
    """One card as read.

    Attributes:
        index: Position of the card in the file (1-based).
        line: Line number of its BEGIN:VCARD.
        name: Display name (FN, else from N, else from organisation, email or phone).
        named_from: Where a missing name was taken from (``organization``, ``email``,
            ``phone``), or ``None`` when the card had one.
        family_name: N family name.
        given_name: N given name (with additional names).
        organization: ORG first component.
        department: ORG second component.
        title: TITLE (or ROLE).
        phones: ``(label, value)`` pairs, values as written.
        emails: ``(label, value)`` pairs.
        addresses: Postal addresses.
        websites: URLs.
        notes: NOTE values joined.
        birthday: BDAY when it is a real date.
        photo: Inline photo bytes.
        categories: CATEGORIES, used as tags.
        wechat: A WeChat id (IMPP or X-WECHAT).
        im: Other messenger ids by service.
        warnings: Things read but not kept (an invalid date, a linked photo).
        source: Where the contact came from (spreadsheet imports).
        status: lead, prospect, customer or inactive (spreadsheet imports).
        level: A, B or C (spreadsheet imports).
        owner_id: The owner (spreadsheet imports).
        custom: Custom field label -> text (spreadsheet imports).
        created_at: When the record was created, from the sheet (spreadsheet imports).
    """

    index: int
    line: int
    name: str = ""
    named_from: str | None = None
    family_name: str | None = None
    given_name: str | None = None
    organization: str | None = None
    department: str | None = None
    title: str | None = None
    phones: list[tuple[str, str]] = field(default_factory=list)
    emails: list[tuple[str, str]] = field(default_factory=list)
    addresses: list[VAddress] = field(default_factory=list)
    websites: list[str] = field(default_factory=list)
    notes: str | None = None
    birthday: date | None = None
    photo: bytes | None = None
    categories: list[str] = field(default_factory=list)
    wechat: str | None = None
    im: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    source: str | None = None
    status: str | None = None
    level: str | None = None
    owner_id: str | None = None
    custom: dict[str, str] = field(default_factory=dict)
    created_at: datetime | None = None


@dataclass(frozen=True)
class VCardProblem:
    """A card that could not be read.

    Attributes:
        index: Its position in the file (1-based).
        line: The line it starts on.
        message: What is wrong.
    """

    index: int
    line: int
    message: str


@dataclass(frozen=True)
class VCardFile:
    """Everything read from one file.

    Attributes:
        contacts: The cards that were read.
        problems: The cards that were skipped, with why.
    """

    contacts: list[VContact]
    problems: list[VCardProblem]


@dataclass
class _Property:
    line: int
    group: str
    name: str
    params: dict[str, list[str]]
    raw: bytes


def read_vcards(data: bytes) -> VCardFile:
    """Parse every card in ``data``."""
    data = _to_utf8_if_utf16(data)
    props = list(_properties(data))
    fallback = _legacy_charset(props, _declared_charset(data))
    contacts: list[VContact] = []
    problems: list[VCardProblem] = []
    index = 0
    card: list[_Property] | None = None
    begin_line = 0
    for prop in props:
        if prop.name == "BEGIN" and prop.raw.strip().upper() == b"VCARD":
            if card is not None:
                problems.append(VCardProblem(index, begin_line, "the card has no END:VCARD"))
            index += 1
            card, begin_line = [], prop.line
        elif prop.name == "END" and prop.raw.strip().upper() == b"VCARD":
            if card is None:
                continue
            contact = _build(card, index, begin_line, fallback)
            if isinstance(contact, VCardProblem):
                problems.append(contact)
            else:
                contacts.append(contact)
            card = None
        elif card is not None:
            card.append(prop)
    if card is not None:
        problems.append(VCardProblem(index, begin_line, "the file ends inside this card"))
    return VCardFile(contacts, problems)


def looks_like_vcard(head: bytes) -> bool:
    """Whether a file starting with ``head`` is a vCard file, whatever its name."""
    return _to_utf8_if_utf16(head[:400]).lstrip().upper().startswith(b"BEGIN:VCARD")


# --- bytes to logical lines -------------------------------------------------------------------


def _to_utf8_if_utf16(data: bytes) -> bytes:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:]
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[2:].decode(codec, errors="replace").encode("utf-8")
    head = data[:200]
    if head.count(b"\x00") > len(head) // 4:  # UTF-16 without a BOM
        codec = "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
        return data.decode(codec, errors="replace").encode("utf-8")
    return data


def _declared_charset(data: bytes) -> str | None:
    """The first legacy charset the file declares anywhere, if Python knows it."""
    for m in _CHARSET_PARAM.finditer(data):
        name = m.group(1).decode("ascii").lower()
        if name.replace("-", "") not in ("utf8", "usascii"):
            try:
                return codecs.lookup(_codec(name)).name
            except LookupError:
                continue
    return None


def _legacy_charset(props: list[_Property], declared: str | None) -> str:
    """The codepage for values that are neither UTF-8 nor in their declared charset.

    Guessed once from all such values (raw or quoted-printable): a whole file tells
    Windows-1250 from 1252 where one name cannot. A charset the file declares elsewhere wins
    a tie: the same program wrote both.
    """
    undecodable = (
        raw
        for p in props
        if p.name != "PHOTO" and _encoding(p) not in ("B", "BASE64")
        if not (raw := _value_bytes(p)).isascii() and _strict_text(p, raw) is None
    )
    return guess_legacy(undecodable, declared)


def _codec(name: str) -> str:
    aliases = {"shift_jis": "cp932", "sjis": "cp932", "gb2312": "gb18030", "gbk": "gb18030"}
    return aliases.get(name.lower(), name)


def _properties(data: bytes) -> Iterator[_Property]:
    logical: list[tuple[int, bytearray]] = []
    for number, line in enumerate(data.splitlines(), start=1):
        if logical and line[:1] in (b" ", b"\t"):
            logical[-1][1].extend(line[1:])
            continue
        if logical and _is_qp_soft_break(logical[-1][1]) and not _PROPERTY_START.match(line):
            logical[-1][1][-1:] = line  # drop the soft break "=" and join
            continue
        if line.strip():
            logical.append((number, bytearray(line)))
    for number, text in logical:
        prop = _parse_line(number, bytes(text))
        if prop is not None:
            yield prop


def _is_qp_soft_break(line: bytearray) -> bool:
    if not line.endswith(b"="):
        return False
    header = line.split(b":", 1)[0].upper()
    return b"QUOTED-PRINTABLE" in header


def _parse_line(number: int, line: bytes) -> _Property | None:
    colon = _unquoted_index(line, ord(":"))
    if colon < 0:
        return None
    header, raw = line[:colon], line[colon + 1 :]
    parts = _split_unquoted(header, ord(";"))
    name = _header_text(parts[0]).strip()
    group = ""
    if "." in name:
        group, name = name.rsplit(".", 1)
    params: dict[str, list[str]] = {}
    for part in parts[1:]:
        text = _header_text(part).strip()
        if not text:
            continue
        if "=" in text:
            key, value = text.split("=", 1)
            values = [v.strip().strip('"') for v in value.split(",") if v.strip()]
            params.setdefault(key.strip().upper(), []).extend(values)
        elif text.upper() in ("QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"):
            params.setdefault("ENCODING", []).append(text)
        else:
            params.setdefault("TYPE", []).append(text)  # a bare vCard 2.1 type
    return _Property(number, group.lower(), name.upper(), params, raw)


def _header_text(raw: bytes) -> str:
    """Property names and parameters are ASCII; anything else is kept, not made U+FFFD."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode_keeping_strays(raw, "cp1252")


def _unquoted_index(line: bytes, char: int) -> int:
    quoted = False
    for i, byte in enumerate(line):
        if byte == 0x22:
            quoted = not quoted
        elif byte == char and not quoted:
            return i
    return -1


def _split_unquoted(header: bytes, char: int) -> list[bytes]:
    parts, start, quoted = [], 0, False
    for i, byte in enumerate(header):
        if byte == 0x22:
            quoted = not quoted
        elif byte == char and not quoted:
            parts.append(header[start:i])
            start = i + 1
    parts.append(header[start:])
    return parts


# --- values -----------------------------------------------------------------------------------


def _encoding(prop: _Property) -> str:
    return (prop.params.get("ENCODING") or [""])[0].upper()


def _value_bytes(prop: _Property) -> bytes:
    if _encoding(prop) == "QUOTED-PRINTABLE":
        return quopri.decodestring(prop.raw)
    return prop.raw


def _strict_text(prop: _Property, raw: bytes) -> str | None:
    """``raw`` in the property's declared charset or UTF-8, or ``None`` if neither reads it."""
    declared = (prop.params.get("CHARSET") or [""])[0]
    for codec in ([_codec(declared)] if declared else []) + ["utf-8"]:
        try:
            return raw.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _text(prop: _Property, fallback: str) -> str:
    raw = _value_bytes(prop)
    text = _strict_text(prop, raw)
    if text is not None:
        return text
    # A byte the file's codepage leaves undefined (0x81 in Windows-1250) is kept as it is
    # rather than as U+FFFD or by reading the whole value in another codepage.
    return decode_keeping_strays(raw, fallback)


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def _components(text: str) -> list[str]:
    return [_unescape(c).strip() for c in _split_escaped(text, ";")]


def _split_escaped(text: str, sep: str) -> list[str]:
    parts, current, i = [], [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if ch == sep:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append("".join(current))
    return parts


def _types(prop: _Property) -> set[str]:
    return {t.lower() for value in prop.params.get("TYPE", []) for t in value.split(",")}


def _phone_label(types: set[str]) -> str:
    if "fax" in types:
        return "home fax" if "home" in types else "work fax" if "work" in types else "fax"
    for kind, label in (
        ("cell", "mobile"),
        ("mobile", "mobile"),
        ("pager", "pager"),
        ("main", "main"),
        ("work", "work"),
        ("home", "home"),
        ("other", "other"),
    ):
        if kind in types:
            return label
    return "phone"


def _email_label(types: set[str]) -> str:
    for kind in ("work", "home", "other"):
        if kind in types:
            return kind
    return "email"


def _apple_label(text: str) -> str:
    """Apple's ``_$!<HomeFAX>!$_`` and Google's ``homeFax`` become our labels; others stay."""
    m = _APPLE_LABEL.match(text.strip())
    word = m.group(1) if m else text.strip()
    return _APPLE_WORDS.get(word.lower().replace(" ", ""), word.lower() if m else word)


def _birthday(text: str) -> date | None:
    digits = text.strip().split("T", 1)[0].replace("-", "")
    if len(digits) != 8 or not digits.isdigit():
        raise ValueError(text)
    return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))


# --- cards ------------------------------------------------------------------------------------


def _build(props: list[_Property], index: int, line: int, fallback: str) -> VContact | VCardProblem:
    contact = VContact(index=index, line=line)
    labels = {
        p.group: _apple_label(_text(p, fallback))
        for p in props
        if p.group and p.name == "X-ABLABEL" and _text(p, fallback).strip()
    }
    formatted = ""
    n_parts: list[str] = []
    notes: list[str] = []
    nickname = ""
    for p in props:
        if p.name == "PHOTO":
            _read_photo(contact, p, fallback)
            continue
        text = _text(p, fallback)
        label = labels.get(p.group) if p.group else None
        if p.name == "FN":
            formatted = _unescape(text).strip()
        elif p.name == "N":
            n_parts = [_unescape(c).strip() for c in _split_escaped(text, ";")]
            n_parts = [
                " ".join(x.strip() for x in part.split(",") if x.strip()) if i == 2 else part
                for i, part in enumerate(n_parts)
            ]
        elif p.name == "NICKNAME":
            nickname = _unescape(text).strip()
        elif p.name == "ORG" and contact.organization is None:
            parts = _components(text)
            contact.organization = parts[0] or None
            contact.department = " / ".join(x for x in parts[1:] if x) or None
        elif p.name in ("TITLE", "ROLE") and not contact.title:
            contact.title = _unescape(text).strip() or None
        elif p.name == "TEL":
            value = _unescape(text).strip()
            if value:
                contact.phones.append((label or _phone_label(_types(p)), value))
        elif p.name == "EMAIL":
            value = _unescape(text).strip()
            if value:
                contact.emails.append((label or _email_label(_types(p)), value))
        elif p.name == "ADR":
            _read_address(contact, p, text, label)
        elif p.name == "URL":
            value = _unescape(text).strip()
            if value:
                contact.websites.append(value)
        elif p.name == "NOTE":
            value = _unescape(text).strip()
            if value:
                notes.append(value)
        elif p.name == "BDAY":
            try:
                contact.birthday = _birthday(_unescape(text))
            except ValueError:
                contact.warnings.append(f"birthday “{text.strip()}” is not a valid date")
        elif p.name == "CATEGORIES":
            contact.categories += [
                _unescape(c).strip() for c in _split_escaped(text, ",") if c.strip()
            ]
        elif p.name in ("IMPP", "X-WECHAT", "X-QQ", "X-SKYPE", "X-WHATSAPP"):
            _read_im(contact, p.name, _unescape(text).strip(), _types(p))
    contact.notes = "\n\n".join(notes) or None
    _name(contact, formatted, n_parts, nickname)
    if not contact.name:
        return VCardProblem(index, line, "the card has no name, email or phone number")
    return contact


def _read_photo(contact: VContact, p: _Property, fallback: str) -> None:
    encoding = _encoding(p)
    raw = p.raw.strip()
    try:
        if encoding in ("B", "BASE64"):
            contact.photo = base64.b64decode(b"".join(raw.split()), validate=False)
        elif raw[:5].lower() == b"data:" and b"base64," in raw:
            contact.photo = base64.b64decode(raw.split(b"base64,", 1)[1])
        elif raw:
            contact.warnings.append("the photo is a link and was not downloaded")
    except (binascii.Error, ValueError):
        contact.warnings.append("the photo could not be decoded")


def _read_address(contact: VContact, p: _Property, text: str, label: str | None) -> None:
    parts = (_components(text) + [""] * 7)[:7]
    pobox, extended, street, city, region, postcode, country = parts
    street_lines = "\n".join(x for x in (pobox, extended, street) if x)
    if not any((street_lines, city, region, postcode, country)):
        return
    contact.addresses.append(
        VAddress(
            label or _email_label(_types(p)).replace("email", "home"),
            street_lines or None,
            city or None,
            region or None,
            postcode or None,
            country or None,
        )
    )


def _read_im(contact: VContact, name: str, value: str, types: set[str]) -> None:
    service = name[2:].lower() if name.startswith("X-") else ""
    if name == "IMPP" and ":" in value:
        service, value = value.split(":", 1)
        service = service.lower()
    service = service or next(iter(types), "im")
    if service in ("wechat", "weixin"):
        contact.wechat = value
    elif value:
        contact.im[service] = value


def _name(contact: VContact, formatted: str, n_parts: list[str], nickname: str) -> None:
    family, given, additional, prefix, suffix = (n_parts + [""] * 5)[:5]
    contact.family_name = family or None
    contact.given_name = " ".join(x for x in (given, additional) if x) or None
    if formatted:
        contact.name = formatted
        return
    if family or given:
        if _is_cjk(family + given):
            contact.name = family + given
        else:
            contact.name = " ".join(x for x in (prefix, given, additional, family, suffix) if x)
        return
    for source, value in (
        ("nickname", nickname),
        ("organization", contact.organization or ""),
        ("email", contact.emails[0][1] if contact.emails else ""),
        ("phone", contact.phones[0][1] if contact.phones else ""),
    ):
        if value:
            contact.name, contact.named_from = value, source
            return


def _is_cjk(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in text)
