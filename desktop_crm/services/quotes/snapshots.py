"""A quote revision frozen as JSON: the header and lines, decimals as text, days as ISO text.

Earlier revisions live only here (``quote_revisions.snapshot``), so the format is read back by
every later version: fields are added, never renamed, and missing ones read as defaults.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from desktop_crm.domain.choices import Language
from desktop_crm.domain.quote_totals import TaxRounding
from desktop_crm.domain.vocab import QuoteStatus
from desktop_crm.services.quotes.dto import LineDraft, QuoteDraft
from desktop_crm.store.models import Quote, QuoteLine

FORMAT = 1


@dataclass(frozen=True)
class FrozenQuote:
    """What a snapshot holds besides the draft: the number, revision and status it had.

    ``tax_rounding`` is the rule the revision was priced with when it was frozen (``None``
    for the quote as it stands, and for snapshots written before the rule was kept).
    """

    number: str
    revision: int
    status: QuoteStatus
    draft: QuoteDraft
    tax_rounding: TaxRounding | None = None


def snapshot_of(
    quote: Quote,
    lines: Sequence[QuoteLine],
    codes: Mapping[str, str],
    rounding: TaxRounding | None = None,
) -> dict[str, Any]:
    """The JSON of ``quote`` as it stands, with its live ``lines`` in order.

    Args:
        quote: The quote.
        lines: Its live lines, in position order.
        codes: Product codes by product id (a product's code may change later; the revision
            keeps the one it was sent with).
        rounding: The tax rounding rule it is priced with, kept so that the frozen revision
            reads and prints the same amounts later whatever the workspace's rule becomes.
    """
    return {
        "tax_rounding": rounding.value if rounding is not None else None,
        "format": FORMAT,
        "number": quote.number,
        "revision": quote.revision,
        "status": quote.status,
        "company_id": quote.company_id,
        "person_id": quote.person_id,
        "deal_id": quote.deal_id,
        "owner_id": quote.owner_id,
        "issued_on": quote.issued_on.isoformat(),
        "valid_until": quote.valid_until.isoformat() if quote.valid_until else None,
        "currency": quote.currency,
        "language": quote.language,
        "template": quote.template,
        "notes": quote.notes or "",
        "terms": quote.terms or "",
        "lines": [
            {
                "kind": line.kind,
                "description": line.description,
                "product_id": line.product_id,
                "code": codes.get(line.product_id) if line.product_id else None,
                "quantity": str(line.quantity),
                "unit": line.unit,
                "unit_price": str(line.unit_price),
                "discount": str(line.discount),
                "discount_is_percent": line.discount_is_percent,
                "tax_rate": str(line.tax_rate),
                "price_includes_tax": line.price_includes_tax,
                "optional": line.optional,
            }
            for line in lines
        ],
    }


def frozen_quote(data: Mapping[str, Any]) -> FrozenQuote:
    """A snapshot read back."""
    language = data.get("language")
    draft = QuoteDraft(
        company_id=data.get("company_id"),
        person_id=data.get("person_id"),
        issued_on=_day(data.get("issued_on")),
        valid_until=_day(data.get("valid_until")),
        currency=data.get("currency") or "CNY",
        language=_language(language),
        deal_id=data.get("deal_id"),
        owner_id=data.get("owner_id"),
        notes=data.get("notes") or "",
        terms=data.get("terms") or "",
        template=data.get("template"),
        lines=tuple(_line(x) for x in data.get("lines") or ()),
    )
    return FrozenQuote(
        number=str(data.get("number", "")),
        revision=int(data.get("revision", 1)),
        status=QuoteStatus(data.get("status", QuoteStatus.SENT.value)),
        draft=draft,
        tax_rounding=_rounding(data.get("tax_rounding")),
    )


def _line(data: Mapping[str, Any]) -> LineDraft:
    return LineDraft(
        kind="section" if data.get("kind") == "section" else "item",
        description=str(data.get("description") or ""),
        product_id=data.get("product_id"),
        code=data.get("code"),
        quantity=Decimal(str(data.get("quantity", "1"))),
        unit=data.get("unit"),
        unit_price=Decimal(str(data.get("unit_price", "0"))),
        discount=Decimal(str(data.get("discount", "0"))),
        discount_is_percent=bool(data.get("discount_is_percent", True)),
        tax_rate=Decimal(str(data.get("tax_rate", "0"))),
        price_includes_tax=bool(data.get("price_includes_tax", False)),
        optional=bool(data.get("optional", False)),
    )


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def _rounding(value: Any) -> TaxRounding | None:
    try:
        return TaxRounding(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _language(value: Any) -> Language | None:
    if value == "zh":
        return "zh"
    if value == "en":
        return "en"
    return None
