"""Problems of a row put on the cells they come from, for sheets whose rows are all or nothing.

Quotes and payments cannot keep a bad value in notes the way contacts do (a quantity that is
not a number leaves no line to price), so a row with a problem is not imported. The problem is
marked on its cell, for the preview, and becomes the row's reason, for the report and the error
workbook, naming the column: ``折扣 “120”: the discount 120.00 is more than the line (100.00)``.
"""

from __future__ import annotations

from desktop_crm.spreadsheet.fields import FIELDS
from desktop_crm.spreadsheet.row_reader import CellRead, RowRead

_KEPT = "; kept in notes"


class CellProblems:
    """Marks the problems of one kind of sheet on the cells of its mapped columns.

    Args:
        entity: The kind of record (its fields' labels name unmapped fields).
        mapping: Column index -> field key.
    """

    def __init__(self, entity: str, mapping: dict[int, str]) -> None:
        self.labels = {key: label for key, (label, _kind) in FIELDS[entity].items()}
        self.columns: dict[str, int] = {}
        for col, target in sorted(mapping.items(), reverse=True):  # the first column wins
            self.columns[target] = col

    def mark(self, read: RowRead, field: str, problem: str) -> str:
        """Put ``problem`` on the cell of ``field`` in ``read``; the row's reason.

        The cell is marked only when the row was read with its cells (the preview).
        """
        col = self.columns.get(field)
        header = read.headers.get(field) or self.labels.get(field, field)
        shown = ""
        if col is not None and col < len(read.cells):
            shown = read.cells[col].shown
            read.cells[col] = CellRead(shown, problem)
        elif col is not None:
            value = read.values.get(field)
            shown = "" if value is None else str(value)
        return f"{header} “{shown}”: {problem}" if shown else f"{header}: {problem}"

    def show(self, read: RowRead, field: str, shown: str) -> None:
        """Show ``shown`` as what the cell of ``field`` stores.

        For cells the importer reads differently from the row reader (a percent-formatted
        discount, a currency name), so the preview shows the value the row will have.
        """
        col = self.columns.get(field)
        if col is not None and col < len(read.cells):
            read.cells[col] = CellRead(shown)

    def conversion_problems(self, read: RowRead) -> list[str]:
        """The reasons of the cells the reader could not convert (not a date, not a number).

        The reader kept such values in notes; here they fail the row instead, so the cell's
        problem no longer says it was kept.
        """
        by_header = {header: field for field, header in read.headers.items()}
        reasons = []
        for header, problem in read.warnings:
            field = by_header.get(header)
            text = problem.removesuffix(_KEPT)
            col = self.columns.get(field) if field else None
            if col is not None and col < len(read.cells):
                read.cells[col] = CellRead(read.cells[col].shown, text)
            reasons.append(f"{header}: {text}")
        return reasons

    def unreadable(self, read: RowRead, field: str) -> bool:
        """Whether the cell of ``field`` could not be read (its problem is already said)."""
        header = read.headers.get(field)
        return header is not None and any(h == header for h, _problem in read.warnings)
