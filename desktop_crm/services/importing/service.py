"""Importing files: vCard, any table by its content, or a whole-workspace export.

An import is one operation: all or nothing, undone by one ``undo``. A verified backup is taken
first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from desktop_crm.domain.choices import BackupReason, DuplicatePolicy, MatchKey
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.progress import NullProgress, Progress
from desktop_crm.services.archive import workbook
from desktop_crm.services.common.gc_pause import collector_paused
from desktop_crm.services.importing import tables, vcard_import
from desktop_crm.services.importing.dto import (
    ENTITY_ORDER,
    EntityCounts,
    EntityKind,
    ImportPreview,
    ImportReport,
)
from desktop_crm.services.importing.owners import OwnerChoice
from desktop_crm.services.importing.report_notes import ReportNote
from desktop_crm.services.importing.sheet_cache import SheetCache
from desktop_crm.store.store import Store


class ImportService:
    """Bring contacts in from other software.

    Args:
        store: The open workspace.
        take_backup: Called with a reason before anything is written.
    """

    def __init__(self, store: Store, take_backup: Callable[[BackupReason], object]) -> None:
        self._store = store
        self._take_backup = take_backup
        self._sheets = SheetCache()

    @collector_paused()
    def import_file(
        self,
        path: Path,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
        today: date | None = None,
        sheet: int | str = 0,
        mapping: dict[int, str] | None = None,
        duplicates: DuplicatePolicy = "skip",
        entity: EntityKind = "people",
        date_orders: dict[int, str] | None = None,
        match_by: tuple[MatchKey, ...] = ("email", "phone", "name"),
        owner_map: dict[str, str] | None = None,
        new_owners: tuple[str, ...] = (),
        create_owners: bool = False,
    ) -> ImportReport:
        """Import ``path``: vCard by its name, any other table by its content.

        Tables: xlsx, xls, ods, fods, csv, txt, an HTML page's tables, an Excel 2003 XML workbook,
        an LDIF address book.

        Args:
            path: The file.
            dry_run: Read, check and count; write nothing.
            progress: Receives progress and may cancel.
            today: The day numbers are drawn for.
            sheet: Which sheet of a workbook (index or name).
            mapping: ``column index -> field``; guessed from the headers when not given.
            duplicates: What to do with rows matching an existing record: ``skip``, ``fill``
                (empty fields only), ``overwrite`` or ``create`` anyway.
            entity: What the sheet holds: people, companies, deals, products, quotes (one
                row per line) or payments.
            date_orders: Column index -> YMD, DMY or MDY for text dates (guessed otherwise).
            match_by: How people are matched: any of email, phone and name (at company).
                Companies match by name, deals by name and company, products by code,
                payments by contract, day and amount; quotes never match (a number in use is a
                problem).
            owner_map: Owner names that are no user's -> the user they mean.
            new_owners: Owner names to add as users of the workspace.
            create_owners: Add every owner name that is no user's as a user (the others
                are kept in the records' notes, with one note in the report).

        Raises:
            ValidationError: Missing file, unknown policy, or no column holding names.
            FileFormatError: A file that cannot be read (protected, corrupt, empty).
            CancelledError: The user cancelled; nothing was written.
        """
        if not path.is_file():
            raise ValidationError(f"No file at {path}.", field="path")
        if vcard_import.is_vcard_file(path):
            return self.import_vcard(path, dry_run=dry_run, progress=progress, today=today)
        if workbook.is_workspace_export(path):
            return self.import_workspace(path, dry_run=dry_run, progress=progress)
        if not dry_run:
            self._sheets.clear()  # the run reads its own copy: free the preview's first
        return tables.import_table(
            self._store,
            self._take_backup,
            path,
            dry_run=dry_run,
            progress=progress or NullProgress(),
            today=today or date.today(),
            sheet=sheet,
            mapping=mapping,
            duplicates=duplicates,
            entity=entity,
            date_orders=date_orders,
            match_by=match_by,
            read_sheet=self._sheets.read,
            owners=OwnerChoice(owner_map or {}, tuple(new_owners), create_owners),
        )

    def import_workspace(
        self, path: Path, *, dry_run: bool = False, progress: Progress | None = None
    ) -> ImportReport:
        """Load a whole-workspace export into this empty workspace.

        Not undoable: it replaces the empty workspace's starting rows (a backup is taken
        first), and brings the exported history with it.

        Raises:
            ValidationError: This workspace already holds records.
            FileFormatError: The workbook was changed or cut short.
        """
        counts = workbook.export_counts(path)
        by_entity = {kind: EntityCounts(counts[kind]) for kind in ENTITY_ORDER if counts.get(kind)}
        if dry_run:
            return ImportReport(
                path, sum(counts.values()), 0, 0, 0, None, (), (), True, by_entity=by_entity
            )
        self._take_backup("pre-import")
        rows = workbook.import_workspace(self._store, path, progress)
        note = ReportNote("workspace_loaded", (str(rows),))
        return ImportReport(path, rows, 0, 0, 0, None, (), (note,), by_entity=by_entity)

    def preview(
        self,
        path: Path,
        *,
        entity: EntityKind = "people",
        sheet: int | str = 0,
        mapping: dict[int, str] | None = None,
        date_orders: dict[int, str] | None = None,
    ) -> ImportPreview:
        """The sheet's columns, its mapping and its first rows exactly as they will be stored.

        Raises:
            ValidationError: Missing file, vCard (no preview), unknown entity or mapping.
            FileFormatError: A file that cannot be read.
        """
        if not path.is_file():
            raise ValidationError(f"No file at {path}.", field="path")
        if vcard_import.is_vcard_file(path):
            raise ValidationError("vCard files are imported without a preview.", field="path")
        return tables.preview_table(
            self._store,
            path,
            entity=entity,
            sheet=sheet,
            mapping=mapping,
            date_orders=date_orders,
            read_sheet=self._sheets.read,
        )

    def close_preview(self) -> None:
        """Forget the sheet kept for previews (the import wizard closed)."""
        self._sheets.clear()

    def import_vcard(
        self,
        path: Path,
        *,
        dry_run: bool = False,
        progress: Progress | None = None,
        today: date | None = None,
    ) -> ImportReport:
        """Import every readable card of a vCard file as people (one undoable operation)."""
        return vcard_import.import_vcard(
            self._store, self._take_backup, path, dry_run=dry_run, progress=progress, today=today
        )
