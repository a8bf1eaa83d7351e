"""The deals list exported as it is shown: its filter, its sort, to .xlsx or .csv.

The exporting service writes every deal (``export_records``); the deals list exports what its
filter lets through, in its order, as the Contacts list does. Rows come from the list's own
pages (:meth:`DealService.page`), so the file holds exactly the rows on screen. Statuses are
words in the export's language; amounts are rounded to their currency's minor unit and stay
numbers, their currency in the next column (amounts in several currencies are never summed).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from desktop_crm.domain.choice_words import word
from desktop_crm.domain.choices import ExportFormat, Language
from desktop_crm.domain.currency import to_minor_unit
from desktop_crm.domain.errors import StorageError, ValidationError
from desktop_crm.domain.progress import NullProgress, Progress
from desktop_crm.services.deals.dto import DealFilter, DealSummary
from desktop_crm.services.deals.service import DealService
from desktop_crm.spreadsheet.table_writer import write_csv, write_xlsx

EXPORT_COLUMNS = (
    "number",
    "title",
    "customer",
    "stage",
    "status",
    "amount",
    "currency",
    "probability",
    "expected_close",
    "owner",
)
"""The columns written, in order (the list's, with the amount's currency beside it)."""
HEADERS = {
    "number": "No.",
    "title": "Deal",
    "customer": "Customer",
    "stage": "Stage",
    "status": "Status",
    "amount": "Amount",
    "currency": "Currency",
    "probability": "Probability %",
    "expected_close": "Expected close",
    "owner": "Owner",
}
HEADERS_ZH = {
    "number": "编号",
    "title": "商机",
    "customer": "客户",
    "stage": "阶段",
    "status": "状态",
    "amount": "金额",
    "currency": "币种",
    "probability": "赢率 %",
    "expected_close": "预计成交",
    "owner": "负责人",
}
PAGE = 1000
"""Deals read at a time."""


def export_deal_list(
    deals: DealService,
    target: Path,
    fmt: ExportFormat,
    flt: DealFilter | None = None,
    sort: str = "created_at",
    descending: bool = True,
    *,
    headers: Mapping[str, str] | None = None,
    language: Language = "en",
    progress: Progress | None = None,
) -> int:
    """Write the deals ``flt`` lets through, sorted as the list is, to ``target``; how many.

    Args:
        deals: The deal service to read with (the app passes the writer's: exports run there).
        target: The file (replaced only once it is whole).
        fmt: ``xlsx`` or ``csv``.
        flt: The list's filter.
        sort: One of ``DEAL_SORTS``.
        descending: The sort's direction.
        headers: Column titles by key (the list's own, in the user's language); else
            :data:`HEADERS` or :data:`HEADERS_ZH`.
        language: ``en`` or ``zh``: the words statuses are written in.
        progress: Hears of the rows written and may cancel (then no file is written).

    Raises:
        ValidationError: An unknown format or sort column.
        StorageError: The file could not be written; nothing half-written is left.
    """
    if fmt not in ("xlsx", "csv"):
        raise ValidationError(f"Unknown format {fmt}; use xlsx or csv.", field="format")
    flt = flt or DealFilter()
    progress = progress or NullProgress()
    total = deals.count(flt)
    defaults = HEADERS_ZH if language == "zh" else HEADERS
    titles = [(headers or {}).get(key) or defaults[key] for key in EXPORT_COLUMNS]

    def rows() -> Iterator[list[Any]]:
        done = 0
        progress.report(0, total)
        while done < total:
            progress.check_cancelled()
            page = deals.page(flt, sort, descending=descending, offset=done, limit=PAGE)
            if not page:
                break  # fewer deals than counted (deleted meanwhile)
            for deal in page:
                yield _row(deal, language)
            done += len(page)
            progress.report(done, max(total, done))

    try:
        if fmt == "xlsx":
            return write_xlsx(target, titles, list(EXPORT_COLUMNS), rows())
        return write_csv(target, titles, rows())
    except OSError as exc:
        raise StorageError(
            f"Could not write {target}: {exc.strerror or exc}.", detail=str(exc)
        ) from None


def _row(deal: DealSummary, language: str) -> list[Any]:
    values: dict[str, Any] = {
        "number": deal.number or "",
        "title": deal.title,
        "customer": deal.customer,
        "stage": deal.stage,
        "status": word("deal_status", deal.status.value, language),
        "amount": to_minor_unit(deal.amount, deal.currency),
        "currency": deal.currency,
        "probability": deal.probability,
        "expected_close": deal.expected_close,
        "owner": deal.owner or "",
    }
    return [values[key] for key in EXPORT_COLUMNS]
