"""The company profile: read from and written to the ``company.profile`` setting's JSON.

The setting holds JSON, so the logo's bytes are stored as base64 text. Values of the wrong
type (a file edited by hand, a newer version's keys) are read as best they can be rather than
refused: a profile must never stop a document from printing.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import fields
from typing import Any

from sqlalchemy.orm import Session

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.printing.dto import CompanyProfileData
from desktop_crm.services.settings.workspace_settings import read_setting

SETTING = "company.profile"
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
_TEXTS = ("name", "header_text", "footer_text", "default_terms")


def read_profile(session: Session) -> CompanyProfileData:
    """The workspace's company profile (empty until one is saved)."""
    return profile_from_json(read_setting(session, SETTING))


def profile_from_json(value: Any) -> CompanyProfileData:
    """The profile a setting's JSON value describes; unknown keys and bad values are skipped."""
    if not isinstance(value, dict):
        return CompanyProfileData()
    found: dict[str, Any] = {}
    for f in fields(CompanyProfileData):
        raw = value.get(f.name)
        if raw is None:
            continue
        if f.name == "logo":
            found["logo"] = _logo_bytes(raw)
        elif f.name == "address_lines":
            if isinstance(raw, list):
                found["address_lines"] = tuple(str(x) for x in raw if str(x).strip())
        elif isinstance(raw, str | int | float):
            found[f.name] = str(raw)
    return CompanyProfileData(**found)


def profile_to_json(profile: CompanyProfileData) -> dict[str, Any]:
    """``profile`` as the setting stores it (the logo as base64 text).

    Raises:
        ValidationError: The logo is neither a PNG nor a JPEG image.
    """
    check_logo(profile.logo)
    data: dict[str, Any] = {}
    for f in fields(CompanyProfileData):
        value = getattr(profile, f.name)
        if f.name == "logo":
            value = None if value is None else base64.b64encode(value).decode("ascii")
        elif f.name == "address_lines":
            value = [line for line in value if line.strip()]
        elif isinstance(value, str):
            value = value.strip() if f.name not in _TEXTS else value.strip("\n")
        data[f.name] = value
    return data


def check_logo(logo: bytes | None) -> None:
    """Refuse a logo the PDF cannot draw.

    Raises:
        ValidationError: ``logo`` is neither a PNG nor a JPEG image.
    """
    if logo is not None and not logo.startswith(_IMAGE_MAGIC):
        raise ValidationError("The logo must be a PNG or JPEG image.", field="logo")


def _logo_bytes(raw: Any) -> bytes | None:
    if not isinstance(raw, str):
        return None
    try:
        data = base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError):
        return None
    return data if data.startswith(_IMAGE_MAGIC) else None
