"""Importing a sheet of people, companies, deals, products, quotes, payments or planned follow-ups.

The preview and the import read the sheet the same way (``RowReader``), so the preview's
first rows are exactly what will be stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from desktop_crm.domain.choices import BackupReason
from desktop_crm.domain.errors import FileFormatError, StorageError, ValidationError
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.domain.progress import Progress
from desktop_crm.services.contacts.users import live_users, users_by_name
from desktop_crm.services.importing.custom_values import custom_kinds
from desktop_crm.services.importing.dto import (
    EntityKind,
    ImportField,
    ImportPreview,
    ImportReport,
    PreviewCell,
    PreviewRow,
    UserRef,
    entity_counts,
)
from desktop_crm.services.importing.followup_rows import FollowUpImporter
from desktop_crm.services.importing.importer import CHUNK, MATCH_KEYS, ImportContext, Importer
from desktop_crm.services.importing.owners import (
    OwnerChoice,
    create_owners,
    known_owners,
    owner_column,
    unknown_names,
)
from desktop_crm.services.importing.payment_rows import PaymentImporter
from desktop_crm.services.importing.people_rows import PeopleImporter
from desktop_crm.services.importing.profiles import find_profile, remember_profile
from desktop_crm.services.importing.quote_rows import QuoteImporter
from desktop_crm.services.importing.record_rows import (
    CompanyImporter,
    DealImporter,
    ProductImporter,
)
from desktop_crm.services.importing.report_notes import (
    ReportNote,
    owner_note,
    owners_created_note,
)
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.spreadsheet import cells
from desktop_crm.spreadsheet.contact_rows import FailedRow
from desktop_crm.spreadsheet.error_workbook import write_error_workbook
from desktop_crm.spreadsheet.fields import (
    CUSTOM,
    CUSTOM_ENTITY,
    ENTITIES,
    FIELDS,
    IGNORE,
    REQUIRED,
    kind_of,
)
from desktop_crm.spreadsheet.mapping import birthday_parts, guess_mapping
from desktop_crm.spreadsheet.quote_cells import QuoteSheet
from desktop_crm.spreadsheet.row_reader import RowReader, guess_date_orders
from desktop_crm.spreadsheet.tables import Layout, Table, layout, read_table
from desktop_crm.spreadsheet.value_guessing import guess_from_values
from desktop_crm.store.models import CustomFieldDef, ImportBatch
from desktop_crm.store.store import Store

POLICIES = ("skip", "fill", "overwrite", "create")
PREVIEW_ROWS = 50
NEEDS = {
    "people": "a name, email or phone",
    "companies": "a company name",
    "deals": "a deal name",
    "products": "a product name or code",
    "quotes": "a quote number",
    "payments": "a contract number",
    "followups": "a contact (a name, phone or customer number)",
}


@dataclass(frozen=True)
class Sheet:
    """One sheet read, with the mapping and date orders it will be imported with."""

    table: Table
    lay: Layout
    entity: str
    mapping: dict[int, str]
    date_orders: dict[int, str]
    birth: dict[str, int]
    profile: str | None
    custom_kinds: dict[str, tuple[str, tuple[str, ...]]]


def open_sheet(
    store: Store,
    path: Path,
    entity: str,
    sheet: int | str,
    mapping: dict[int, str] | None,
    date_orders: dict[int, str] | None,
    read_sheet: Callable[[Path, int | str], Table] = read_table,
) -> Sheet:
    """Read a sheet and settle its mapping: as given, remembered for these columns, or guessed.

    Raises:
        FileFormatError: Unreadable, or no data rows.
        ValidationError: An unknown kind of record or mapping target.
    """
    if entity not in ENTITIES:
        raise ValidationError(
            f"Cannot import {entity}; choose one of {', '.join(ENTITIES)}.", field="entity"
        )
    table = read_sheet(path, sheet)
    lay = layout(table.rows)
    if not lay.data_rows:
        raise FileFormatError(
            f"{path.name}: sheet “{table.name}” holds no data rows.", path=str(path)
        )
    profile = None
    if mapping is None:
        remembered = find_profile(store, entity, lay.columns)
        if remembered:
            mapping, profile = remembered["mapping"], remembered["source"] or path.name
            date_orders = {**remembered["date_orders"], **(date_orders or {})}
        else:
            mapping = guess_mapping(lay.columns, entity)
            if entity == "people":
                mapping = guess_from_values(
                    mapping, _column_values(table, lay), headerless=lay.header_row is None
                )
    _check_mapping(entity, mapping, len(lay.columns))
    with store.read() as session:
        kinds = custom_kinds(session, CUSTOM_ENTITY.get(entity))
    dated = [
        col
        for col, target in mapping.items()
        if kind_of(entity, target) in ("date", "moment")
        or (
            target.startswith(CUSTOM)
            and kinds.get(target[len(CUSTOM) :].casefold(), ("",))[0] == "date"
        )
    ]
    orders = guess_date_orders(table.rows, lay.data_rows, dated)
    orders.update({c: o for c, o in (date_orders or {}).items() if c in orders})
    birth = (
        birthday_parts(lay.columns)
        if entity == "people" and "birthday" not in mapping.values()
        else {}
    )
    return Sheet(table, lay, entity, dict(mapping), orders, birth, profile, kinds)


def _column_values(table: Table, lay: Layout, rows: int = 100) -> list[list[str]]:
    """Each column's values in the first ``rows`` data rows, as text (empty ones left out)."""
    found: list[list[str]] = [[] for _ in lay.columns]
    for index in lay.data_rows[:rows]:
        for col, value in enumerate(table.rows[index][: len(found)]):
            shown = cells.text(value)
            if shown:
                found[col].append(shown)
    return found


def _check_mapping(entity: str, mapping: dict[int, str], width: int) -> None:
    fields = FIELDS[entity]
    for col, target in mapping.items():
        if not 0 <= col < width:
            raise ValidationError(f"Column {col + 1} is not in the sheet.", field="mapping")
        if target == IGNORE or target in fields:
            continue
        if target.startswith(CUSTOM) and entity in CUSTOM_ENTITY and target[len(CUSTOM) :].strip():
            continue
        raise ValidationError(
            f"Column {col + 1} cannot go to “{target}”; choose one of "
            f"{', '.join(fields)}, custom:<name> or ignore.",
            field="mapping",
        )


def _reader(store: Store, sheet: Sheet, owners: dict[str, str] | None = None) -> RowReader:
    """The sheet's row reader; ``owners`` (casefolded name -> user id) defaults to the users."""
    if owners is None:
        with store.read() as session:
            owners = users_by_name(session)
    return RowReader(
        sheet.entity,
        sheet.lay.columns,
        sheet.mapping,
        sheet.date_orders,
        owners=owners,
        skip_columns=tuple(sheet.birth.values()),
        custom_kinds=sheet.custom_kinds,
    )


def _importer(sheet: Sheet, ctx: ImportContext, path: Path) -> Importer[object]:
    if sheet.entity == "people":
        return PeopleImporter(ctx, sheet.birth)  # type: ignore[return-value]
    if sheet.entity in ("quotes", "products"):  # rates and discounts read by their columns
        facts = QuoteSheet.read(path, sheet.table, sheet.lay.data_rows, sheet.mapping)
        if sheet.entity == "products":
            return ProductImporter(ctx, sheet.mapping, facts)  # type: ignore[return-value]
        return QuoteImporter(ctx, sheet.mapping, facts)  # type: ignore[return-value]
    if sheet.entity == "payments":
        return PaymentImporter(ctx, sheet.mapping)  # type: ignore[return-value]
    if sheet.entity == "followups":
        return FollowUpImporter(ctx, sheet.mapping)  # type: ignore[return-value]
    kinds = {"companies": CompanyImporter, "deals": DealImporter}
    return kinds[sheet.entity](ctx)  # type: ignore[return-value]


def _context(
    store: Store, source: str, today: date, duplicates: str, match_by: tuple[str, ...]
) -> ImportContext:
    with store.read() as session:
        region = str(read_setting(session, "phone.default_region"))
    return ImportContext(source, today, region, duplicates, match_by, store.actor_id)


def preview_table(
    store: Store,
    path: Path,
    *,
    entity: EntityKind,
    sheet: int | str,
    mapping: dict[int, str] | None,
    date_orders: dict[int, str] | None,
    limit: int = PREVIEW_ROWS,
    read_sheet: Callable[[Path, int | str], Table] = read_table,
) -> ImportPreview:
    """The first ``limit`` rows as they will be stored, problems marked on their cells."""
    opened = open_sheet(store, path, entity, sheet, mapping, date_orders, read_sheet)
    with store.read() as session:
        users = live_users(session)
    by_name = {name.strip().casefold(): uid for uid, name in reversed(users)}
    reader = _reader(store, opened, by_name)
    importer = _importer(opened, _context(store, path.name, date.today(), "skip", ()), path)
    with store.read() as session:
        importer.prepare_preview(session)
    owner_col = owner_column(entity, opened.mapping)
    unknown = (
        unknown_names(opened.table.rows, opened.lay.data_rows, owner_col, by_name)
        if owner_col is not None
        else []
    )
    rows = []
    problems = 0
    for index in opened.lay.data_rows[:limit]:
        row = opened.table.rows[index]
        read = reader.read(row, index)
        _item, reason = importer.item(read, row)
        stored = tuple(PreviewCell(c.shown, c.problem) for c in read.cells)
        problems += sum(1 for c in stored if c.problem) + (1 if reason else 0)
        rows.append(PreviewRow(read.number, stored, reason or None))
    late = importer.late_problems()  # rows failed by a later row (a quote's bad line)
    for pos, shown in enumerate(rows):
        if shown.problem is None and shown.number in late:
            rows[pos] = PreviewRow(shown.number, shown.cells, late[shown.number])
            problems += 1
    return ImportPreview(
        path=path,
        kind=opened.table.kind,
        entity=entity,
        sheets=opened.table.sheets,
        sheet=opened.table.name,
        header_row=None if opened.lay.header_row is None else opened.lay.header_row + 1,
        columns=opened.lay.columns,
        samples=_samples(opened),
        mapping=opened.mapping,
        date_orders=opened.date_orders,
        fields=tuple(ImportField(k, label, kind) for k, (label, kind) in FIELDS[entity].items()),
        required=REQUIRED[entity],
        custom_fields=_custom_labels(store, entity) if entity in CUSTOM_ENTITY else (),
        total_rows=len(opened.lay.data_rows),
        rows=tuple(rows),
        problem_count=problems,
        profile=opened.profile,
        encoding=opened.table.encoding,
        delimiter=opened.table.delimiter,
        unknown_owners=tuple(unknown),
        users=tuple(UserRef(uid, name) for uid, name in users),
    )


def _samples(sheet: Sheet) -> tuple[str, ...]:
    """Each column's first three values as written, for choosing its mapping."""
    firsts = (list(dict.fromkeys(values))[:3] for values in _column_values(sheet.table, sheet.lay))
    return tuple(" · ".join(value[:40] for value in values) for values in firsts)


def _custom_labels(store: Store, entity: str) -> tuple[str, ...]:
    with store.read() as session:
        return tuple(
            session.scalars(
                select(CustomFieldDef.label)
                .where(
                    CustomFieldDef.entity == CUSTOM_ENTITY[entity],
                    CustomFieldDef.deleted_at.is_(None),
                )
                .order_by(CustomFieldDef.position)
            )
        )


def import_table(
    store: Store,
    take_backup: Callable[[BackupReason], object],
    path: Path,
    *,
    dry_run: bool,
    progress: Progress,
    today: date,
    sheet: int | str,
    mapping: dict[int, str] | None,
    duplicates: str,
    entity: str = "people",
    date_orders: dict[int, str] | None = None,
    match_by: tuple[str, ...] = MATCH_KEYS,
    read_sheet: Callable[[Path, int | str], Table] = read_table,
    owners: OwnerChoice | None = None,
) -> ImportReport:
    """Read, map, check and import one sheet (see ``ImportService.import_file``).

    ``read_sheet`` reads the sheet for a dry run (a run always reads the file itself).
    ``owners`` says what becomes of owner names that are no user's (kept in notes by default).
    """
    if duplicates not in POLICIES:
        raise ValidationError(
            f"Unknown duplicate policy {duplicates}; use one of {', '.join(POLICIES)}.",
            field="duplicates",
        )
    unknown = set(match_by) - set(MATCH_KEYS)
    if unknown:
        raise ValidationError(
            f"Cannot match by {', '.join(sorted(unknown))}; use {', '.join(MATCH_KEYS)}.",
            field="match_by",
        )
    # A dry run may read a sheet kept in memory; a run reads its own copy, which it consumes.
    opened = open_sheet(
        store, path, entity, sheet, mapping, date_orders, read_sheet if dry_run else read_table
    )
    targets = set(opened.mapping.values())
    if not targets & set(REQUIRED[entity]) and not opened.birth:
        columns = ", ".join(opened.lay.columns[:8])
        raise ValidationError(
            f"{path.name}: no column looks like {NEEDS[entity]} (columns: {columns}). "
            "Choose the columns in the import preview.",
            field="mapping",
        )
    choice = owners or OwnerChoice()
    with store.read() as session:
        known = known_owners(users_by_name(session), choice)
    owner_col = owner_column(entity, opened.mapping)
    new_owners = (
        choice.to_create(unknown_names(opened.table.rows, opened.lay.data_rows, owner_col, known))
        if owner_col is not None
        else []
    )
    reader = _reader(store, opened, known)
    ctx = _context(store, path.name, today, duplicates, tuple(match_by))
    importer = _importer(opened, ctx, path)
    if dry_run:
        # Names to be added as users count as users (no id is stored: nothing is written).
        reader.owners.update((name.casefold(), "") for name in new_owners)
        with store.read() as session:
            importer.prepare(session)
            for _done in _take_rows(opened, reader, importer, progress, consume=False):
                importer.discard()
            would_create = importer.would_create(session)
        would_update = importer.matched_count - importer.would_skip
        return ImportReport(
            path,
            sum(would_create.values()),
            would_update,
            importer.would_skip,
            len(importer.failed),
            None,
            *_problems_and_notes(importer, opened, reader, new_owners),
            dry_run=True,
            by_entity=entity_counts(would_create, entity, would_update, importer.would_skip),
        )
    take_backup("pre-import")
    updated = 0
    text = op_label(LabelCode.IMPORT, file=path.name)
    with store.unit_of_work(text, "import", bulk=True) as (session, rec):
        importer.prepare(session)
        if new_owners:
            reader.owners.update(create_owners(session, rec, new_owners))
        for done in _take_rows(opened, reader, importer, progress, consume=True):
            updated += importer.flush(session, rec)
            progress.report(done, len(opened.lay.data_rows), path.name)
        updated += importer.finish(session, rec)
        skipped = importer.would_skip
        if duplicates in ("fill", "overwrite"):
            skipped = importer.matched_count - updated  # matched, but nothing new to put in
        if rec.changed:
            session.add(
                ImportBatch(
                    source_name=path.name,
                    file_format=opened.table.kind,
                    entity=entity,
                    operation_id=rec.operation_id,
                    created=importer.created,
                    updated=updated,
                    skipped=skipped,
                    failed=len(importer.failed),
                    mapping={str(k): v for k, v in opened.mapping.items()},
                )
            )
        workbook = None
        if importer.failed:
            # Written before the commit: if it cannot be (a full disk), nothing is imported.
            workbook = _error_target(path)
            try:
                write_error_workbook(workbook, opened.lay.columns, importer.failed)
            except OSError as exc:
                raise StorageError(
                    f"The error workbook {workbook} could not be written ({exc.strerror}). "
                    "Nothing was imported.",
                    detail=str(exc),
                ) from exc
    if rec.changed:
        remember_profile(
            store, entity, opened.lay.columns, opened.mapping, opened.date_orders, path.name
        )
    return ImportReport(
        path,
        importer.created,
        updated,
        skipped,
        len(importer.failed),
        rec.operation_id if rec.changed else None,
        *_problems_and_notes(importer, opened, reader, new_owners),
        error_workbook=workbook,
        by_entity=entity_counts(importer.created_by, entity, updated, skipped),
    )


def _take_rows(
    sheet: Sheet,
    reader: RowReader,
    importer: Importer[object],
    progress: Progress,
    *,
    consume: bool,
) -> Iterator[int]:
    """Read the sheet into ``importer`` a chunk at a time, split; yield rows taken so far.

    With ``consume`` each row is dropped from the sheet once read (its values live on in
    the item), so a large sheet is not held twice.
    """
    rows, data_rows = sheet.table.rows, sheet.lay.data_rows
    for start in range(0, len(data_rows), CHUNK):
        progress.check_cancelled()
        for index in data_rows[start : start + CHUNK]:
            row = rows[index]
            importer.add(reader.read(row, index, with_cells=False), row)
            if consume:
                rows[index] = []
        importer.split()
        yield min(start + CHUNK, len(data_rows))


def _problems_and_notes(
    importer: Importer[object], sheet: Sheet, reader: RowReader, new_owners: list[str]
) -> tuple[tuple[str, ...], tuple[ReportNote, ...]]:
    """The report's problems (a line per failed row) and notes (repeats summarised)."""
    problems = _failure_lines(importer.failed)
    notes = importer.notes.notes()
    owner_col = owner_column(sheet.entity, sheet.mapping)
    if owner_col is not None:
        header = sheet.lay.columns[owner_col]
        if new_owners:
            notes += (owners_created_note(header, new_owners),)
        if reader.unknown_owners:
            notes += (owner_note(header, reader.unknown_owners),)
    return problems, notes


LISTED_FAILURES = 20
"""Failed rows of one reason listed one by one; more are one line (the workbook lists all)."""


def _failure_lines(failed: list[FailedRow]) -> tuple[str, ...]:
    """A line per failed row, or one line per reason when many rows share it; sheet order."""
    by_reason: dict[str, list[int]] = {}
    for row in failed:
        by_reason.setdefault(row.reason, []).append(row.number)
    lines: list[tuple[int, str]] = []
    for reason, numbers in by_reason.items():
        if len(numbers) <= LISTED_FAILURES:
            lines += [(n, f"row {n}: {reason}; see the error workbook") for n in numbers]
        else:
            first = ", ".join(str(n) for n in numbers[:5])
            line = f"{len(numbers):,} rows: {reason}; see the error workbook (rows {first}, …)"
            lines.append((numbers[0], line))
    return tuple(line for _n, line in sorted(lines))


def _error_target(path: Path) -> Path:
    target = path.with_name(f"{path.stem}-errors.xlsx")
    try:
        with open(target, "ab"):
            pass
    except OSError:  # a read-only folder: fall back to the temporary folder
        import tempfile

        target = Path(tempfile.gettempdir()) / target.name
    return target
