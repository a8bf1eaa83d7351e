"""Importing quotes from a sheet with one row per line; the lines of a quote share its number.

A quote is all or nothing: a line with a problem (an unknown product, a discount larger than
its line…) keeps its whole quote out, every row of it listed in the error workbook, because a
quote missing a line would state a wrong total. Rules:

* A row without a number continues the quote above it (a number in a merged cell).
* The quote's own fields (customer, date, valid until, currency, status) may be left empty on
  all but one of its rows; rows that give them must agree, else the disagreeing cell has a
  problem.
* The customer is a live company, else a live person, found by name (see ``quote_lookups``).
* A number already used by a live quote keeps the quote out: quotes are never merged.
* The currency is an ISO code or a name or sign people write for one (RMB, 人民币, 元, ￥ are
  CNY; 美元, US$ are USD; see ``domain.currency.currency_code``); anything else is a problem on
  its cell, as the quote editor would not save it.
* Discounts and tax rates are read by ``spreadsheet.quote_cells``: Excel cells formatted as
  percentages are percentages (0.1 showing "10%" is 10 %), and a tax rate written as a plain
  number is read by its column (0.13 in a column of fractions, 13 in one of percents), a
  number that could be either being a problem on its cell.
* A line with a product code takes the product's name, unit, price, tax rate and tax basis
  where its row leaves them empty. Each line is priced by ``quotes.pricing`` (the one pricing
  path), so what it refuses here the quote editor would refuse too.
* A row with a description and no code, quantity, unit, price, discount or tax rate is a
  section heading; an "optional" column marks lines priced but left out of the total.
* Imported quotes keep their numbers, start at revision 1, and are drafts unless a status
  column says otherwise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session
from typing_extensions import override

from desktop_crm.domain.choice_words import code_of
from desktop_crm.domain.contact_values import company_key
from desktop_crm.domain.currency import currency_code
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.vocab import QuoteStatus
from desktop_crm.services.importing.cell_problems import CellProblems
from desktop_crm.services.importing.importer import ImportContext, Importer
from desktop_crm.services.importing.quote_lookups import (
    CatalogueItem,
    Customer,
    CustomerLookup,
    catalogue,
    live_quote_numbers,
    number_key,
)
from desktop_crm.services.quotes.pricing import price_items, tax_rounding
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.spreadsheet import cells
from desktop_crm.spreadsheet.contact_rows import FailedRow
from desktop_crm.spreadsheet.quote_cells import QuoteSheet, TaxRateColumn, parse_discount
from desktop_crm.spreadsheet.row_reader import RowRead
from desktop_crm.store.changelog import Recorder
from desktop_crm.store.models import Quote, QuoteLine

NUMBER_LIMIT = 40  # Quote.number
_HEADER_FIELDS = ("customer", "date", "valid_until", "currency", "status")
_PRICED_FIELDS = ("quantity", "unit_price", "tax_rate", "discount")
_STATUSES = frozenset(s.value for s in QuoteStatus)


@dataclass
class QuoteRow:
    """One row of the sheet, judged.

    Attributes:
        number: Its row number in the sheet.
        cells: The row as written (for the error workbook).
        line: The quote line it makes (``QuoteLine`` values), or ``None`` when it cannot.
        reason: Why it cannot be imported ("" when it can).
    """

    number: int
    cells: tuple[Any, ...]
    line: dict[str, Any] | None
    reason: str


@dataclass
class _Quote:
    """A quote gathered from its rows."""

    number: str
    rows: list[QuoteRow] = field(default_factory=list)
    # field -> (value, row it came from, value as compared)
    header: dict[str, tuple[Any, int, Any]] = field(default_factory=dict)
    customer: Customer | None = None
    notes: list[str] = field(default_factory=list)

    def problem(self) -> str | None:
        """Why the whole quote stays out, for its rows without a problem of their own."""
        bad = next((r for r in self.rows if r.reason), None)
        if bad is not None:
            return f"quote {self.number} is not imported: row {bad.number} has a problem"
        if "date" not in self.header:
            return f"quote {self.number} has no date"
        if "customer" not in self.header:
            return f"quote {self.number} has no customer"
        return None


class QuoteImporter(Importer[QuoteRow]):
    """Quotes and their lines, gathered over the whole sheet and written at its end.

    Args:
        ctx: The import's context.
        mapping: Column index -> field, to mark problems on their cells.
        sheet: What the sheet's number formats and columns say of its discounts and rates.
    """

    entity = "quotes"

    def __init__(
        self, ctx: ImportContext, mapping: dict[int, str], sheet: QuoteSheet | None = None
    ) -> None:
        super().__init__(ctx)
        self.marks = CellProblems("quotes", mapping)
        self.sheet = sheet or QuoteSheet()
        self.mapped = sorted(mapping.items())
        self.quotes: dict[str, _Quote] = {}
        self.orphans: list[QuoteRow] = []  # rows before any quote number
        self._last: str | None = None
        self._settled: list[_Quote] | None = None

    @override
    def prepare(self, session: Session) -> None:
        self.existing = live_quote_numbers(session)
        self.customers = CustomerLookup(session)
        self.products = catalogue(session)
        self.rounding = tax_rounding(session)
        self.currency = str(read_setting(session, "currency.default"))

    @override
    def prepare_preview(self, session: Session) -> None:
        self.prepare(session)  # a row is judged against the workspace in the preview too

    @override
    def add(self, read: RowRead, row: Sequence[Any]) -> None:
        self.item(read, row)  # rows are kept with their quote, good or bad, until ``finish``

    @override
    def item(self, read: RowRead, row: Sequence[Any]) -> tuple[QuoteRow | None, str]:
        currency = self._currency(read, row)
        reasons = self.marks.conversion_problems(read) + currency
        number = read.text("number") or self._last
        if number is None:
            reason = "; ".join([*reasons, self.marks.mark(read, "number", "no quote number")])
            self.orphans.append(QuoteRow(read.number, tuple(row), None, reason))
            return None, reason
        self._last = number
        key = number_key(number)
        quote = self.quotes.setdefault(key, _Quote(number))
        if len(number) > NUMBER_LIMIT:
            reasons.append(self.marks.mark(read, "number", f"longer than {NUMBER_LIMIT}"))
        elif key in self.existing:
            problem = f"quote {number} is already in the workspace; it is left as it is"
            reasons.append(self.marks.mark(read, "number", problem))
        reasons += self._header(read, quote)
        line = self._line(read, row, quote, reasons)
        reason = "; ".join(reasons)
        judged = QuoteRow(read.number, tuple(row), None if reason else line, reason)
        quote.rows.append(judged)
        return (judged, "") if not reason else (None, reason)

    def _raw(self, row: Sequence[Any], name: str) -> tuple[int, Any] | None:
        """``(column, cell)`` of the first non-empty cell mapped to ``name`` (as the reader)."""
        for col, target in self.mapped:
            if target == name and col < len(row):
                value = row[col]
                if value is not None and not (isinstance(value, str) and not value.strip()):
                    return col, value
        return None

    def _currency(self, read: RowRead, row: Sequence[Any]) -> list[str]:
        """Read the currency cell as a code (``RMB`` → CNY); a problem when it names none.

        The row reader takes any three letters and few names; its judgement of the cell is
        replaced by ``currency_code``'s (a name it refused is no longer kept in notes).
        """
        found = self._raw(row, "currency")
        if found is None:
            return []
        written = cells.text(found[1]) or ""
        header = read.headers.get("currency")
        read.warnings = [w for w in read.warnings if w[0] != header]
        read.kept = [k for k in read.kept if k != f"{header}: {written}"]
        code = currency_code(written)
        if code is None:
            read.values["currency"] = written  # as written, for the row's reason
            problem = f"“{written}” is not a currency (CNY, USD, EUR… or 人民币, 美元)"
            reason = self.marks.mark(read, "currency", problem)
            del read.values["currency"]
            return [reason]
        read.values["currency"] = code
        self.marks.show(read, "currency", code)
        return []

    def _percent_format(self, read: RowRead, col: int) -> bool:
        """Whether the cell of ``col`` in ``read`` is formatted as a percentage in Excel."""
        return (read.number - 1, col) in self.sheet.percent_cells

    def _discount(self, read: RowRead, row: Sequence[Any], reasons: list[str]) -> Any:
        """The line's discount; its problem is added to ``reasons``."""
        found = self._raw(row, "discount")
        if found is None:
            return parse_discount(None)
        col, value = found
        percent_format = self._percent_format(read, col)
        try:
            discount = parse_discount(value, percent_format=percent_format)
        except ValueError as exc:
            reasons.append(self.marks.mark(read, "discount", str(exc)))
            return parse_discount(None)
        if percent_format:
            self.marks.show(read, "discount", f"{discount.value}%")
        return discount

    def _tax_rate(self, read: RowRead, row: Sequence[Any], reasons: list[str]) -> Decimal | None:
        """The line's tax rate (percent), by its column; ``None`` when the row gives none."""
        found = self._raw(row, "tax_rate")
        if found is None or read.values.get("tax_rate") is None:
            return None  # empty, or not a number (the reader's problem says so)
        col, value = found
        column = self.sheet.rates.get(col) or TaxRateColumn()
        try:
            rate = column.percent(value, percent_format=self._percent_format(read, col))
        except ValueError as exc:
            reasons.append(self.marks.mark(read, "tax_rate", str(exc)))
            return Decimal(0)
        self.marks.show(read, "tax_rate", format(rate, "f"))
        return rate

    def _header(self, read: RowRead, quote: _Quote) -> list[str]:
        """Take the quote's own fields from ``read``; problems where they disagree."""
        reasons = []
        for name in _HEADER_FIELDS:
            value = read.values.get(name)
            if value is None:
                continue
            compared = self._compared(read, name, value, quote)
            seen = quote.header.get(name)
            if seen is None:
                quote.header[name] = (value, read.number, compared)
                if name == "customer":
                    found = self.customers.find(value)
                    if isinstance(found, str):
                        reasons.append(self.marks.mark(read, name, found))
                    else:
                        quote.customer = found
                if name in ("date", "valid_until"):
                    reasons += self._validity(read, quote)
            elif seen[2] != compared:
                shown = seen[0].isoformat() if isinstance(seen[0], date) else seen[0]
                problem = f"differs from row {seen[1]} of quote {quote.number} (“{shown}”)"
                reasons.append(self.marks.mark(read, name, problem))
        for text in (read.text("notes"), *read.kept):
            if text and text not in quote.notes:
                quote.notes.append(text)
        return reasons

    def _compared(self, read: RowRead, name: str, value: Any, quote: _Quote) -> Any:
        """A quote field's value as rows are compared (a status word read as its code)."""
        if name == "customer":
            return company_key(value)
        if name != "status":
            return value
        status = code_of("quote_status", value)
        if status is None and "status" not in quote.header:
            # Not a reason to leave the quote out: it starts as a draft, the word in its notes.
            problem = f"“{value}” is not a quote status (draft, sent…); kept in notes"
            self.marks.mark(read, name, problem)
            header = read.headers.get(name, "Status")
            self.notes.add("cell_kept", read.number, header, problem, group=header)
            quote.notes.append(f"{header}: {value}")
        return status or value.casefold()

    def _validity(self, read: RowRead, quote: _Quote) -> list[str]:
        """A problem when the quote would end before it begins."""
        issued, until = quote.header.get("date"), quote.header.get("valid_until")
        if issued is None or until is None or until[0] >= issued[0]:
            return []
        on = "valid_until" if read.values.get("valid_until") is not None else "date"
        return [self.marks.mark(read, on, f"valid until {until[0]} is before the quote's date")]

    def _line(
        self, read: RowRead, row: Sequence[Any], quote: _Quote, reasons: list[str]
    ) -> dict[str, Any]:
        """The quote line ``read`` makes; its problems are added to ``reasons``."""
        sku = read.text("sku")
        product: CatalogueItem | None = None
        if sku:
            product = self.products.get(sku.strip().casefold())
            if product is None:
                reasons.append(self.marks.mark(read, "sku", "no product has this code"))
        description = read.text("description") or (product.name if product else None)
        if description and self._heading(read, row):
            return {**_HEADING, "description": description[:500]}
        if not description and not sku:
            reasons.append(self.marks.mark(read, "description", "no description or product code"))
        price = read.values.get("unit_price")
        if price is None and product is not None:
            price = product.price
        if price is None and not sku:
            reasons.append(self.marks.mark(read, "unit_price", "no unit price"))
        discount = self._discount(read, row, reasons)
        rate = self._tax_rate(read, row, reasons)
        included = read.values.get("tax_included")
        line: dict[str, Any] = {
            "product_id": product.id if product else None,
            "kind": "item",
            "description": (description or "")[:500],
            "quantity": read.values.get("quantity", Decimal(1)),
            "unit": ((read.text("unit") or (product.unit if product else None)) or None),
            "unit_price": price if price is not None else Decimal(0),
            "price_includes_tax": included
            if included is not None
            else bool(product and product.price_includes_tax),
            "discount": discount.value,
            "discount_is_percent": discount.is_percent,
            "tax_rate": rate if rate is not None else (product.tax_rate if product else Decimal(0)),
            "optional": bool(read.values.get("optional")),
        }
        if line["unit"]:
            line["unit"] = line["unit"][:30]
        if not reasons:
            reasons += self._priced(read, quote, line)
        return line

    def _heading(self, read: RowRead, row: Sequence[Any]) -> bool:
        """Whether the row gives a description and nothing else a line needs: a section."""
        priced = ("sku", "quantity", "unit", "unit_price", "discount", "tax_rate")
        return not any(self._raw(row, name) for name in priced)

    def _priced(self, read: RowRead, quote: _Quote, line: dict[str, Any]) -> list[str]:
        """The line priced as the quote editor prices it: a problem where pricing refuses it."""
        currency = quote.header.get("currency", (self.currency,))[0]
        try:
            price_items([QuoteLine(**line)], currency, self.rounding)
        except ValidationError as exc:
            name = exc.params.get("field")
            problem = exc.message.partition(": ")[2] or exc.message  # "line 1: ..." -> "..."
            return [
                self.marks.mark(read, name if name in _PRICED_FIELDS else "description", problem)
            ]
        return []

    @override
    def find(self, item: QuoteRow) -> str | None:
        return None  # quotes are never matched: a number in use is a problem instead

    @override
    def late_problems(self) -> dict[int, str]:
        found: dict[int, str] = {}
        for quote in self.quotes.values():
            problem = quote.problem()
            if problem is not None:
                found.update((r.number, problem) for r in quote.rows if not r.reason)
        return found

    def settle(self) -> list[_Quote]:
        """The quotes to write; the rows of the others are listed as failed (once)."""
        if self._settled is not None:
            return self._settled
        good: list[_Quote] = []
        failed = list(self.orphans)
        for quote in self.quotes.values():
            problem = quote.problem()
            if problem is None:
                good.append(quote)
            else:
                failed += [
                    QuoteRow(r.number, r.cells, None, r.reason or problem) for r in quote.rows
                ]
        self.failed += [
            FailedRow(r.number, r.reason, r.cells) for r in sorted(failed, key=lambda r: r.number)
        ]
        self._settled = good
        return good

    @override
    def would_create(self, session: Session) -> Counter[str]:
        return +Counter({"quotes": len(self.settle())})

    @override
    def finish(self, session: Session, rec: Recorder) -> int:
        quotes = self.settle()
        rows = []
        for quote in quotes:
            values = {name: seen[0] for name, seen in quote.header.items()}
            customer = quote.customer or Customer()
            rows.append(
                {
                    "number": quote.number.strip(),
                    "company_id": customer.company_id,
                    "person_id": customer.person_id,
                    "owner_id": self.ctx.actor_id,
                    "issued_on": values["date"],
                    "valid_until": values.get("valid_until"),
                    "status": _status(quote),
                    "currency": values.get("currency") or self.currency,
                    "notes": "\n".join(quote.notes) or None,
                    "revision": 1,
                }
            )
        ids = rec.bulk_insert(session, Quote, rows)
        self.made["quotes"] += len(ids)
        lines = [
            {**r.line, "quote_id": qid, "position": position}
            for qid, quote in zip(ids, quotes, strict=True)
            for position, r in enumerate(quote.rows)
            if r.line is not None
        ]
        rec.bulk_insert(session, QuoteLine, lines)
        return 0


# A section heading's line, with every column the bulk insert of the lines writes.
_HEADING: dict[str, Any] = {
    "product_id": None,
    "kind": "section",
    "quantity": Decimal(1),
    "unit": None,
    "unit_price": Decimal(0),
    "price_includes_tax": False,
    "discount": Decimal(0),
    "discount_is_percent": True,
    "tax_rate": Decimal(0),
    "optional": False,
}


def _status(quote: _Quote) -> str:
    """The quote's status code: a draft unless its rows name a status (unknown words too)."""
    seen = quote.header.get("status")
    return seen[2] if seen is not None and seen[2] in _STATUSES else "draft"
