"""What an export writes for a stored value: choice codes as words, amounts in the currency's unit.

Stored codes (``lead``, ``open``, ``visit``) become words in the export's language ("Lead" or
"线索"), which the importer reads back to the same codes. Amounts are stored with four places;
exports round them to the currency's minor unit (``73500.00`` in CNY, ``73500`` in JPY) and
keep them numbers (xlsx gives them a number format from their places). Percentages lose
trailing zeros (``6``, not ``6.0000``). CSV has no yes/no cells, so booleans become words there.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

from desktop_crm.domain.choice_words import word
from desktop_crm.domain.currency import to_minor_unit

# list -> column -> vocabulary of its codes (see ``domain.choice_words``)
CHOICES: dict[str, dict[str, str]] = {
    "person": {"status": "status"},
    "company": {"status": "status"},
    "deals": {"status": "deal_status"},
    "quotes": {"status": "quote_status"},
    "activities": {"kind": "activity_kind"},
    "products": {},
}
# list -> columns holding amounts in the row's ``currency``
AMOUNTS: dict[str, tuple[str, ...]] = {
    "deals": ("amount",),
    "quotes": ("net", "discount", "tax", "total"),
    "products": ("price",),
}
PERCENTS: dict[str, tuple[str, ...]] = {
    "products": ("tax_rate",),
}
BOOLS: dict[str, tuple[str, ...]] = {"products": ("active", "price_includes_tax")}


def export_values(
    entity: str, values: Mapping[str, Any], language: str, fmt: str, currency: str = "CNY"
) -> dict[str, Any]:
    """``values`` of one row of ``entity`` as the export writes them.

    Args:
        entity: ``person``, ``company``, ``deals``, ``quotes``, ``activities`` or ``products``.
        values: Column -> stored value; a ``currency`` column names the row's currency.
        language: ``en`` or ``zh``: the words choices are written in.
        fmt: ``xlsx`` or ``csv``.
        currency: The currency of amounts when the row names none (the workspace's).
    """
    out = dict(values)
    for column, vocabulary in CHOICES.get(entity, {}).items():
        if column in out:
            out[column] = word(vocabulary, out[column], language)
    row_currency = out.get("currency") or currency
    for column in AMOUNTS.get(entity, ()):
        if isinstance(out.get(column), Decimal):
            out[column] = to_minor_unit(out[column], row_currency)
    for column in PERCENTS.get(entity, ()):
        if isinstance(out.get(column), Decimal):
            out[column] = plain_decimal(out[column])
    if fmt == "csv":
        for column in BOOLS.get(entity, ()):
            if isinstance(out.get(column), bool):
                out[column] = word("bool", "true" if out[column] else "false", language)
    return out


def rendered_rows(
    entity: str,
    keys: Sequence[str],
    rows: Iterable[Sequence[Any]],
    language: str,
    fmt: str,
    currency: str = "CNY",
) -> Iterator[list[Any]]:
    """Rows of plain values under column ``keys``, as :func:`export_values` writes them.

    Only the columns that change are touched (keys may repeat, e.g. every phone column).
    """
    changing = (
        set(CHOICES.get(entity, {}))
        | set(AMOUNTS.get(entity, ()))
        | set(PERCENTS.get(entity, ()))
        | set(BOOLS.get(entity, ()))
    )
    where = [(i, key) for i, key in enumerate(keys) if key in changing or key == "currency"]
    for row in rows:
        out = list(row)
        if where:
            values = export_values(
                entity, {key: out[i] for i, key in where}, language, fmt, currency
            )
            for i, key in where:
                out[i] = values[key]
        yield out


def plain_decimal(value: Decimal) -> Decimal:
    """``value`` without trailing zeros, never in exponent form: 6.0000 → 6, 7.50 → 7.5."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()
