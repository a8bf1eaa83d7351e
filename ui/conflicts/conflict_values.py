"""A conflict's field and values as people read them.

Values come in the hub's JSON forms: moments and days as ISO text, amounts as decimal numbers,
ids of other records as text. Moments are shown in local time, days in the UI's locale,
amounts with grouped digits, a delete against an edit as "deleted" / "kept", and ids of users,
stages and pipelines by their names (read beside the conflicts, see ``conflicts_screen``).
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate

from desktop_crm.domain.errors import ValidationError
from ui.amounts import ui_locale
from ui.imports.field_labels import field_label
from ui.team.texts import moment_text
from ui.translation_context import TranslationContext

MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DECIMAL = re.compile(r"^-?\d+\.\d+$")  # amounts may come as text; digits alone (phones) stay text
LONGEST = 120  # characters of a long text shown in a cell (the tooltip has it whole)


class ConflictTexts(TranslationContext):
    """Translation context of the conflict values' words."""


def field_text(entity: str, field: str) -> str:
    """The field's name in the user's language (its code when it has none)."""
    special = {
        "deleted_at": ConflictTexts.tr("Deleted or kept"),
        "duplicate": ConflictTexts.tr("Made twice"),
        "owner_id": ConflictTexts.tr("Owner"),
        "user_id": ConflictTexts.tr("User"),
        "company_id": ConflictTexts.tr("Company"),
        "person_id": ConflictTexts.tr("Contact"),
        "stage_id": ConflictTexts.tr("Stage"),
        "pipeline_id": ConflictTexts.tr("Pipeline"),
        "deal_id": ConflictTexts.tr("Deal"),
        "last_contacted_at": ConflictTexts.tr("Last contacted"),
        "claimed_at": ConflictTexts.tr("Claimed"),
        "due_on": ConflictTexts.tr("Due date"),
        "due_at": ConflictTexts.tr("Due time"),
        "subject": ConflictTexts.tr("Subject"),
        "body": ConflictTexts.tr("Text"),
        "probability": ConflictTexts.tr("Probability %"),
    }
    if field in special:
        return special[field]
    if field == "value" and entity in ("phones", "emails"):
        return ConflictTexts.tr("Phone") if entity == "phones" else ConflictTexts.tr("Email")
    if field == "title" and entity != "people":
        return ConflictTexts.tr("Title")
    label = field_label(entity, field)
    return label if label != field else field.replace("_", " ").capitalize()


def value_text(field: str, value: Any, names: dict[str, str] | None = None) -> str:
    """``value`` of ``field`` in a few readable words (one line)."""
    if field == "deleted_at":
        return ConflictTexts.tr("deleted") if value else ConflictTexts.tr("kept")
    if field == "duplicate":
        return ConflictTexts.tr("possibly the same record")
    if value is None or value == "":
        return ConflictTexts.tr("(empty)")
    if isinstance(value, bool):
        return ConflictTexts.tr("Yes") if value else ConflictTexts.tr("No")
    if isinstance(value, int | Decimal | float):
        return number_text(value)
    if isinstance(value, str):
        if field.endswith("_id"):
            return (names or {}).get(value) or ConflictTexts.tr("another record")
        shown = _dated(value)
        if shown is not None:
            return shown
        if DECIMAL.match(value):
            return number_text(Decimal(value))
        line = " ".join(value.split())
        return line if len(line) <= LONGEST else line[: LONGEST - 1] + "…"
    return json.dumps(value, ensure_ascii=False, default=str)


def number_text(value: int | Decimal | float) -> str:
    """A number with grouped digits, its decimals without trailing zeros past two ("12,500.50").

    Amounts are stored with four decimals; "135500.0000" reads "135,500.00".
    """
    exact = Decimal(str(value))
    if exact == exact.to_integral_value() and not isinstance(value, int):
        exact = exact.quantize(Decimal("0.01"))
    elif exact != exact.to_integral_value():
        exact = exact.normalize()
        if -exact.as_tuple().exponent < 2:  # type: ignore[operator]
            exact = exact.quantize(Decimal("0.01"))
    text = f"{exact:,f}"
    if ui_locale().groupSeparator() != ",":  # the UI's locales group with commas today
        text = text.replace(",", ui_locale().groupSeparator())
    return text


def edit_text(value: Any) -> str:
    """``value`` as the text a typed value starts from (days and amounts as ISO and digits)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal | int | float):
        return str(value)
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, default=str)


def problem_text(exc: BaseException) -> str:
    """Why a typed value was refused."""
    if isinstance(exc, ValidationError):
        return ConflictTexts.tr(
            "That value does not fit this field. Dates are written 2026-03-31, amounts as "
            "digits (12500.50), yes or no for a choice."
        )
    return ""


def _dated(text: str) -> str | None:
    if MOMENT.match(text):
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
        if moment.tzinfo is None:
            return None
        return moment_text(moment)
    if DAY.match(text):
        try:
            day = date.fromisoformat(text)
        except ValueError:
            return None
        # Date formats are translated: Chinese reads "2026年3月4日".
        pattern = ConflictTexts.tr("d MMM yyyy")
        return ui_locale().toString(QDate(day.year, day.month, day.day), pattern)
    return None
