"""Quote values as shown and as typed: statuses, discounts, periods and the words for problems.

Amounts are typed as text and read into ``Decimal`` here (never a float); what pricing refuses
comes back as a code (``params['field']`` and ``params['line']``), worded here in the user's
language, so the English message of the core never reaches a Chinese screen.
"""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from decimal import Decimal

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.quote_totals import TaxRounding
from desktop_crm.domain.vocab import QuoteStatus
from ui.products.values import parse_number, plain_number
from ui.text_fill import fill
from ui.translation_context import TranslationContext

PERIODS = ("month", "quarter", "year", "custom")
"""Periods the list filters by (besides "any time")."""


class QuoteText(TranslationContext):
    """The translation context of quote values and problems."""


def status_labels() -> dict[str, str]:
    """Each quote status in the user's language, in life-cycle order."""
    return {
        QuoteStatus.DRAFT.value: QuoteText.tr("Draft"),
        QuoteStatus.SENT.value: QuoteText.tr("Sent"),
        QuoteStatus.ACCEPTED.value: QuoteText.tr("Accepted"),
        QuoteStatus.REJECTED.value: QuoteText.tr("Rejected"),
        QuoteStatus.EXPIRED.value: QuoteText.tr("Expired"),
    }


def language_labels() -> dict[str, str]:
    """The documents' languages, named in their own script so either reader finds theirs."""
    return {"en": QuoteText.tr("English"), "zh": QuoteText.tr("Chinese (中文)")}


def rounding_text(rounding: TaxRounding) -> str:
    """The workspace's tax rounding rule, stated under the totals."""
    if rounding is TaxRounding.PER_RATE:
        return QuoteText.tr("Tax rounded per rate on summed lines")
    return QuoteText.tr("Tax rounded per line")


def parse_amount(text: str) -> Decimal:
    """A quantity, price or rate as typed ("1,200", "¥3,200.50", "１２", "13%"); blank is 0.

    Raises:
        ValueError: Not a number; its message is the user's, translated.
    """
    return parse_number(text) if text.strip() else Decimal(0)


def parse_discount(text: str) -> tuple[Decimal, bool]:
    """A discount as typed: ``"10%"`` → (10, percent); ``"50"`` → (50, an amount off the line).

    Raises:
        ValueError: Not a number; its message is the user's, translated.
    """
    raw = unicodedata.normalize("NFKC", text).strip()
    if not raw:
        return Decimal(0), True
    return parse_number(raw), raw.endswith("%")


def discount_text(discount: Decimal, percent: bool) -> str:
    """A discount as the editor shows it: "10%", "50", or "" for none."""
    if not discount:
        return ""
    return plain_number(discount) + ("%" if percent else "")


def line_problem(exc: ValidationError) -> str:
    """Why pricing refused a line, in the user's language (its English message if unknown)."""
    field = exc.params.get("field")
    if field == "discount":
        return QuoteText.tr("The discount is more than the line (or below 0).")
    if field == "quantity":
        return QuoteText.tr("The quantity cannot be below 0.")
    if field == "unit_price":
        return QuoteText.tr("The unit price cannot be below 0.")
    if field == "tax_rate":
        return QuoteText.tr("The tax rate cannot be below 0.")
    if field == "description":
        return QuoteText.tr("The line needs a description.")
    return exc.message


def numbered_problem(row: int, problem: str) -> str:
    """A line's problem with its 1-based number, as shown under the lines."""
    return fill(QuoteText.tr("Line %1: %2"), row + 1, problem)


def save_problem(exc: ValidationError) -> str:
    """Why the service refused to save a quote, in the user's language where it is known."""
    field = exc.params.get("field")
    line = exc.params.get("line")
    if isinstance(line, int):
        return numbered_problem(line - 1, line_problem(exc))
    if field == "customer":
        return QuoteText.tr("Choose a customer: a company or a person.")
    if field == "valid_until":
        return QuoteText.tr("“Valid until” cannot be before the quote's date.")
    if field == "currency":
        return QuoteText.tr("Choose a currency code such as CNY, USD or JPY.")
    if field == "status":
        return QuoteText.tr("An accepted quote is not edited: change its contract, or reopen it.")
    return exc.message


def period_range(period: str, today: date) -> tuple[date | None, date | None]:
    """The first and last day of this month, quarter or year (``(None, None)`` otherwise)."""
    if period == "month":
        first = today.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        return first, nxt - timedelta(days=1)
    if period == "quarter":
        month = 3 * ((today.month - 1) // 3) + 1
        first = today.replace(month=month, day=1)
        nxt = (first + timedelta(days=95)).replace(day=1)
        return first, nxt - timedelta(days=1)
    if period == "year":
        return today.replace(month=1, day=1), today.replace(month=12, day=31)
    return None, None
