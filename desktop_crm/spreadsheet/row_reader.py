"""Reading the mapped cells of one row into field values, with a problem noted per cell.

The preview and the import share this, so the preview shows exactly what will be stored.
A value that cannot go where it was mapped (an invalid email, a date that is not one, an
unknown level) is kept in the record's notes as "Header: value" and its cell gets a problem;
columns nobody mapped are kept in notes too. Nothing a user typed is dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from desktop_crm.domain.currency import currency_code
from desktop_crm.domain.custom_values import normalize_value
from desktop_crm.domain.validation import email_problem
from desktop_crm.spreadsheet import cells
from desktop_crm.spreadsheet.fields import CUSTOM, FIELDS, IGNORE, kind_of

STATUSES = {
    "lead": "lead",
    "线索": "lead",
    "潜在": "lead",
    "潜在客户": "lead",
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
DEAL_STATUSES = {
    "open": "open",
    "进行中": "open",
    "跟进中": "open",
    "won": "won",
    "赢单": "won",
    "成交": "won",
    "已成交": "won",
    "lost": "lost",
    "输单": "lost",
    "丢单": "lost",
    "失败": "lost",
}
TAG_SPLIT = re.compile(r"\s+:::\s+|[;；,，、\n]+")
DATE_KINDS = frozenset({"date"})
_PLAIN = frozenset({"text", "notes"})  # kinds whose text cells are stored as written
_LISTS = frozenset({"phones", "tags"})


class UnknownOwner(ValueError):
    """An owner cell naming someone who is not a user of the workspace."""


class CellRead(NamedTuple):
    """One cell as it will be stored (a tuple: an import makes one per cell it converts).

    Attributes:
        shown: The stored value as text ("" when the cell stores nothing).
        problem: Why the value cannot be stored as mapped (it is then kept in notes).
    """

    shown: str
    problem: str | None = None


@dataclass
class RowRead:
    """The fields of one row.

    Attributes:
        number: The row's number in the sheet (1-based, as the spreadsheet shows it).
        values: Field -> value (lists for phones, emails and tags; ``date``, ``Decimal``...).
        custom: Custom field label -> text.
        kept: Lines for the notes: values that could not be stored as mapped, unmapped columns.
        cells: Per column, what is stored and any problem.
        warnings: ``(header, problem)`` per value kept in notes, for the import report
            (owner names that are not users are counted by the reader instead).
        headers: Field -> the header of the column it came from.
    """

    number: int
    values: dict[str, Any] = field(default_factory=dict)
    custom: dict[str, str] = field(default_factory=dict)
    kept: list[str] = field(default_factory=list)
    cells: list[CellRead] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    def text(self, name: str) -> str | None:
        """A text field's value."""
        value = self.values.get(name)
        return value if isinstance(value, str) else None

    def notes(self) -> str | None:
        """The notes the record gets: its mapped notes, then the values kept aside."""
        own = self.values.get("notes") or self.values.get("description")
        return "\n".join(x for x in ([own] if own else []) + self.kept if x) or None


class RowReader:
    """Reads rows of one sheet under one mapping.

    Args:
        entity: people, companies, deals or products.
        columns: The column names.
        mapping: Column index -> field key, ``custom:<label>`` or ``ignore``.
        date_orders: Column index -> ``YMD``, ``DMY`` or ``MDY`` for text dates.
        owners: User name -> id, for owner columns (names compared ignoring case).
        skip_columns: Columns read elsewhere (a birthday split over three columns).
        custom_kinds: Existing custom field label (casefolded) -> (kind, choices); labels
            not there become new text fields.
    """

    def __init__(
        self,
        entity: str,
        columns: Sequence[str],
        mapping: dict[int, str],
        date_orders: dict[int, str],
        owners: dict[str, str] | None = None,
        skip_columns: Sequence[int] = (),
        custom_kinds: dict[str, tuple[str, tuple[str, ...]]] | None = None,
    ) -> None:
        self.entity = entity
        self.columns = tuple(columns)
        self.mapping = mapping
        self.date_orders = date_orders
        self.owners = {k.strip().casefold(): v for k, v in (owners or {}).items()}
        # Owner names that are not users -> rows naming them (one report note, not one a row).
        self.unknown_owners: dict[str, int] = {}
        self.skip = frozenset(skip_columns)
        self.kinds = {col: kind_of(entity, target) for col, target in mapping.items()}
        self.fields = FIELDS[entity]
        self.custom_kinds = custom_kinds or {}
        self.headers = {
            target: self.columns[col] for col, target in sorted(mapping.items(), reverse=True)
        }
        # Per column: (index, target, how its cells are read, header, whether its text goes
        # to the notes); kind None = not read into a field.
        self._plan: list[tuple[int, str | None, str | None, str, bool]] = []
        for col, header in enumerate(self.columns):
            target = mapping.get(col)
            readable = target is not None and target != IGNORE and col not in self.skip
            kind = (self.kinds[col] or "text") if readable else None
            keep = target is None and col not in self.skip
            self._plan.append((col, target, kind, header, keep))

    def read(self, row: Sequence[Any], index: int, *, with_cells: bool = True) -> RowRead:
        """Row ``index`` (0-based in the sheet) read field by field.

        ``with_cells=False`` leaves ``cells`` empty (an import needs the values only).
        """
        result = RowRead(index + 1, headers=self.headers)
        values, kept, shown_cells = result.values, result.kept, result.cells
        size = len(row)
        plan = self._plan
        if size > len(plan):
            extra = range(len(plan), size)
            plan = plan + [(c, None, None, f"Column {c + 1}", True) for c in extra]
        for col, target, kind, header, keep in plan:
            raw = row[col] if col < size else None
            if kind is None:  # not mapped (kept in notes), ignored, or read elsewhere
                shown = "" if raw is None else (cells.text(raw) or "")
                if keep and shown:
                    kept.append(f"{header}: {shown}")
                if with_cells:
                    shown_cells.append(CellRead(shown if target is None else ""))
                continue
            assert target is not None  # a read column has a target
            if raw.__class__ is str and kind in _PLAIN:  # most cells: no conversion
                text = raw.strip()
                if text:
                    current = values.get(target)
                    if current is None:
                        values[target] = text
                    elif kind == "notes":  # a second notes column adds to the first
                        values[target] = f"{current}\n{text}"
                if with_cells:
                    shown_cells.append(CellRead(text))
                continue
            if raw.__class__ is str and kind in _LISTS:  # phones and tags cannot fail
                parts = cells.split_values(raw) if kind == "phones" else _tags(raw)
                if parts:
                    _put(values, target, parts, kind)
                if with_cells:
                    shown_cells.append(CellRead("; ".join(parts)))
                continue
            cell = self._cell(result, target, header, raw, col, kind)
            if with_cells:
                shown_cells.append(cell)
        return result

    def _cell(
        self, result: RowRead, target: str, header: str, raw: Any, col: int, kind: str
    ) -> CellRead:
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return CellRead("")
        try:
            if kind == "custom":
                label = target[len(CUSTOM) :].strip()
                result.custom[label] = self._custom(label, raw, col)
                return CellRead(result.custom[label])
            value, shown = self._convert(kind, raw, col)
        except ValueError as exc:
            original = cells.text(raw) or ""
            result.kept.append(f"{header}: {original}")
            problem = f"{exc}; kept in notes"
            if not isinstance(exc, UnknownOwner):  # counted by name instead
                result.warnings.append((header, problem))
            return CellRead(original, problem)
        _put(result.values, target, value, kind)
        return CellRead(shown)

    def _custom(self, label: str, raw: Any, col: int) -> str:
        kind, options = self.custom_kinds.get(label.casefold(), ("text", ()))
        if kind == "date":
            return cells.parse_date(raw, self.date_orders.get(col, "YMD")).isoformat()
        if kind == "number":
            return _plain(cells.parse_amount(raw))
        if kind == "bool":
            return "yes" if cells.parse_bool(raw) else "no"
        try:
            return normalize_value(kind, list(options), cells.text(raw) or "")
        except ValueError as exc:
            raise ValueError(f"“{cells.text(raw)}” {exc}") from None

    def _convert(self, kind: str, raw: Any, col: int) -> tuple[Any, str]:
        if kind in ("phones", "tags"):
            parts = cells.split_values(raw) if kind == "phones" else _tags(raw)
            return parts, "; ".join(parts)
        if kind == "emails":
            found = cells.split_values(raw)
            bad = [v for v in found if email_problem(v) is not None]
            if bad:
                raise ValueError(f"“{bad[0]}” is not an email address")
            return found, "; ".join(found)
        if kind == "code":
            value = cells.phone_text(raw) or ""
            return value, value
        if kind == "date":
            day = cells.parse_date(raw, self.date_orders.get(col, "YMD"))
            return day, day.isoformat()
        if kind in ("amount", "percent"):
            number = cells.parse_amount(raw) if kind == "amount" else cells.parse_percent(raw)
            return number, _plain(number)
        if kind == "bool":
            flag = cells.parse_bool(raw)
            return flag, "yes" if flag else "no"
        text = cells.text(raw) or ""
        if kind == "level":
            level = text.upper().rstrip("级类")
            if level not in ("A", "B", "C"):
                raise ValueError(f"“{text}” is not a level (A, B or C)")
            return level, level
        if kind in ("status", "deal_status"):
            table = STATUSES if kind == "status" else DEAL_STATUSES
            status = table.get(text.casefold())
            if status is None:
                known = ", ".join(sorted(set(table.values())))
                raise ValueError(f"“{text}” is not a known status ({known})")
            return status, status
        if kind == "owner":
            owner = self.owners.get(text.casefold())
            if owner is None:
                self.unknown_owners[text] = self.unknown_owners.get(text, 0) + 1
                raise UnknownOwner(f"“{text}” is not a user of this workspace")
            return owner, text
        if kind == "moment":
            moment = cells.parse_moment(raw, self.date_orders.get(col, "YMD"))
            return moment, cells.moment_text(moment)
        if kind == "currency":
            # One table of names and signs (RMB, 人民币, US$, €…) for every import; a code no
            # one uses (XYZ) is refused here rather than stored for the editor to refuse later.
            code = currency_code(text)
            if code is None:
                raise ValueError(f"“{text}” is not a currency (CNY, USD, EUR…)")
            return code, code
        return text, text


def _put(values: dict[str, Any], target: str, value: Any, kind: str) -> None:
    """Set a field; a second column for the same field adds to lists and notes."""
    current = values.get(target)
    if current is None:
        values[target] = value
    elif isinstance(current, list):
        current.extend(v for v in value if v not in current)
    elif kind == "notes":
        values[target] = f"{current}\n{value}"


def _tags(raw: Any) -> list[str]:
    return [t.strip() for t in TAG_SPLIT.split(cells.text(raw) or "") if t.strip()]


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f") if number == number.to_integral() else str(number)


def guess_date_orders(
    rows: Sequence[Sequence[Any]], data_rows: Sequence[int], columns: Sequence[int]
) -> dict[int, str]:
    """The text-date order of each date column, from its first 200 values."""
    return {
        col: cells.date_order([rows[i][col] for i in data_rows[:200] if col < len(rows[i])])
        for col in columns
    }
