"""The last sheet read for an import preview, kept while the user adjusts the mapping.

Reading a 100,000-row sheet takes a couple of seconds; the wizard previews the same sheet
again after every change of mapping or date order, and checks it once more before the run.
"""

from __future__ import annotations

from pathlib import Path

from desktop_crm.spreadsheet.tables import Table, read_table


class SheetCache:
    """Holds one sheet, read again when the file changes on disk."""

    def __init__(self) -> None:
        self._key: tuple[str, int, int, int | str] | None = None
        self._table: Table | None = None

    def read(self, path: Path, sheet: int | str) -> Table:
        """The sheet, from memory when the same file (unchanged) was read last.

        Raises:
            FileFormatError: The file cannot be read (see ``read_table``).
        """
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size, sheet)
        if key != self._key or self._table is None:
            self.clear()  # the old sheet goes before the new one is read
            self._table = read_table(path, sheet)
            self._key = key
        return self._table

    def clear(self) -> None:
        """Forget the sheet (an import is about to run, or the wizard closed)."""
        self._key, self._table = None, None
