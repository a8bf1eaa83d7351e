"""What the importing services return: plain frozen values, never ORM objects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from desktop_crm.domain.choices import ImportEntity
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.importing.report_notes import ReportNote

EntityKind = ImportEntity
ENTITY_ORDER: tuple[EntityKind, ...] = ("people", "companies", "deals", "products")
# Kinds a report counts: those of a workspace load, then the sales documents a sheet imports.
REPORT_ORDER: tuple[EntityKind, ...] = (*ENTITY_ORDER, "quotes", "payments", "followups")


@dataclass(frozen=True)
class UserRef:
    """A user of the workspace, as the import wizard offers them for an owner name.

    Attributes:
        id: The user's id.
        name: Their name.
    """

    id: str
    name: str


@dataclass(frozen=True)
class EntityCounts:
    """What an import did to one kind of record.

    Attributes:
        created: Records created.
        updated: Records updated.
        skipped: Records left alone (matched, skip policy or nothing new).
    """

    created: int = 0
    updated: int = 0
    skipped: int = 0

    def as_json(self) -> dict[str, int]:
        """``{"created": …, "updated": …, "skipped": …}``."""
        return {"created": self.created, "updated": self.updated, "skipped": self.skipped}


@dataclass(frozen=True)
class ImportField:
    """A field an imported column can fill.

    Attributes:
        key: What a mapping names (``name``, ``mobile``, ``custom:Budget``...).
        label: Its English label (the UI shows its own translation).
        kind: How cells are read: text, phones, emails, date, amount, percent...
    """

    key: str
    label: str
    kind: str


@dataclass(frozen=True)
class PreviewCell:
    """One cell as it will be stored.

    Attributes:
        shown: The value stored, as text.
        problem: Why it cannot be stored as mapped (it is kept in notes), or ``None``.
    """

    shown: str
    problem: str | None = None


@dataclass(frozen=True)
class PreviewRow:
    """One row of the import preview.

    Attributes:
        number: Its row number in the sheet.
        cells: One per column.
        problem: Why the whole row cannot be imported (it goes to the error workbook).
    """

    number: int
    cells: tuple[PreviewCell, ...]
    problem: str | None = None


@dataclass(frozen=True)
class ImportPreview:
    """What an import of one sheet would store, before anything is written.

    Attributes:
        path: The file.
        kind: xlsx, xls, ods, fods, csv, html, xml (Excel 2003) or ldif.
        entity: people, companies, deals or products.
        sheets: Every sheet's name.
        sheet: The sheet shown.
        header_row: The header's row number (1-based), or ``None`` when there is none.
        columns: Column names.
        samples: Per column, its first few values as written in the file.
        mapping: Column index -> field key (``custom:<label>``, ``ignore``); unmapped columns
            are kept in notes.
        date_orders: Column index -> YMD, DMY or MDY, for date columns.
        fields: What columns can be mapped to.
        required: Fields of which a record needs at least one (a column must map to one).
        custom_fields: Labels of the existing custom fields (people and companies).
        total_rows: Data rows in the sheet.
        rows: The first rows, as they will be stored.
        problem_count: Cells with a problem among the rows shown.
        profile: The file a remembered mapping came from, when one was used.
        encoding: The text encoding found (text files).
        delimiter: The delimiter found (text files).
        unknown_owners: Names in the owner column (whole sheet) that are no user's name.
        users: The workspace's users, to map those names to.
    """

    path: Path
    kind: str
    entity: EntityKind
    sheets: tuple[str, ...]
    sheet: str
    header_row: int | None
    columns: tuple[str, ...]
    samples: tuple[str, ...]
    mapping: dict[int, str]
    date_orders: dict[int, str]
    fields: tuple[ImportField, ...]
    required: tuple[str, ...]
    custom_fields: tuple[str, ...]
    total_rows: int
    rows: tuple[PreviewRow, ...]
    problem_count: int
    profile: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    unknown_owners: tuple[str, ...] = ()
    users: tuple[UserRef, ...] = ()


@dataclass(frozen=True)
class ImportReport:
    """What an import did (or, for a dry run, would do).

    Attributes:
        source: The file imported.
        created: Records created, of every kind (people and the companies made for them).
        updated: Records updated.
        skipped: Records deliberately left alone.
        failed: Cards or rows that could not be read.
        operation_id: What ``undo`` takes (``None`` for a dry run or nothing imported).
        problems: One line per failed card or row, with its position.
        notes: Other things worth knowing (nameless cards named from their email, bad dates),
            as codes the UI renders; repeats are one note with a count.
        dry_run: Whether nothing was written.
        error_workbook: The workbook listing failed rows with their reasons, if any.
        entities: Tables the import wrote (empty when unknown: refresh everything).
        by_entity: The counts of each kind of record the import made or matched (only kinds
            that apply), e.g. people and the companies made for them.
    """

    source: Path
    created: int
    updated: int
    skipped: int
    failed: int
    operation_id: str | None
    problems: tuple[str, ...]
    notes: tuple[ReportNote, ...]
    dry_run: bool = False
    error_workbook: Path | None = None
    entities: frozenset[str] = frozenset()
    by_entity: dict[EntityKind, EntityCounts] = field(default_factory=dict)

    def note_lines(self) -> tuple[str, ...]:
        """The notes in English (the CLI)."""
        return tuple(note.text for note in self.notes)

    def changes(self) -> ChangeResult:
        """What the import changed, for the screens to refresh (no entities: anything)."""
        return ChangeResult(
            self.operation_id,
            created=self.created,
            updated=self.updated,
            skipped=self.skipped,
            failed=self.failed,
            entities=self.entities,
        )

    def as_json(self) -> dict[str, object]:
        """The CLI's ``--json`` summary."""
        return {
            "created": self.created,
            "updated": self.updated,
            "skipped": self.skipped,
            "failed": self.failed,
            "operation_id": self.operation_id,
            "dry_run": self.dry_run,
            "problems": list(self.problems),
            "notes": list(self.note_lines()),
            "error_workbook": str(self.error_workbook) if self.error_workbook else None,
            "by_entity": {
                kind: counts.as_json()
                for kind in REPORT_ORDER
                if (counts := self.by_entity.get(kind)) is not None
            },
        }


def entity_counts(
    created: Mapping[str, int], main: str, updated: int = 0, skipped: int = 0
) -> dict[EntityKind, EntityCounts]:
    """The ``by_entity`` of a report: the kind imported always, others where some were made.

    Args:
        created: Records created by kind.
        main: The kind the file holds (updates and skips are of this kind).
        updated: Records of that kind updated.
        skipped: Records of that kind left alone.
    """
    result: dict[EntityKind, EntityCounts] = {}
    for kind in REPORT_ORDER:
        if kind == main:
            result[kind] = EntityCounts(created.get(kind, 0), updated, skipped)
        elif created.get(kind, 0):
            result[kind] = EntityCounts(created[kind])
    return result
