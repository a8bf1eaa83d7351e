"""Importing contacts from files: vCard here, tables in ``table_import``.

An import is one operation: all or nothing, undone by one ``undo``. A verified backup is taken
first. Cards that cannot be read are reported with their position and skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.phones import normalize_phone
from desktop_crm.domain.progress import NullProgress, Progress
from desktop_crm.services.dto import ImportPreview
from desktop_crm.services.gc_pause import collector_paused
from desktop_crm.services.numbering import allocate_numbers
from desktop_crm.services.records import find_tag
from desktop_crm.services.settings import read_setting
from desktop_crm.services.sheet_cache import SheetCache
from desktop_crm.spreadsheet.vcard_reader import VContact, looks_like_vcard, read_vcards
from desktop_crm.store.models import (
    Address,
    Company,
    Email,
    ImportBatch,
    Person,
    Phone,
    Tag,
    Tagging,
)
from desktop_crm.store.store import Store

CHUNK = 2_000


@dataclass(frozen=True)
class ImportReport:
    """What an import did (or, for a dry run, would do).

    Attributes:
        source: The file imported.
        created: Records created (people and the companies made for them).
        updated: Records updated.
        skipped: Records deliberately left alone.
        failed: Cards or rows that could not be read.
        operation_id: What ``undo`` takes (``None`` for a dry run or nothing imported).
        problems: One line per failed card or row, with its position.
        notes: Other things worth knowing (nameless cards named from their email, bad dates).
        dry_run: Whether nothing was written.
        error_workbook: The workbook listing failed rows with their reasons, if any.
    """

    source: Path
    created: int
    updated: int
    skipped: int
    failed: int
    operation_id: str | None
    problems: tuple[str, ...]
    notes: tuple[str, ...]
    dry_run: bool = False
    error_workbook: Path | None = None

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
            "notes": list(self.notes),
            "error_workbook": str(self.error_workbook) if self.error_workbook else None,
        }


def is_vcard_file(path: Path) -> bool:
    """Whether ``path`` holds vCards: by its name, or by its first line whatever the name."""
    if path.suffix.lower() in (".vcf", ".vcard"):
        return True
    try:
        with path.open("rb") as file:
            return looks_like_vcard(file.read(400))
    except OSError:
        return False


class ImportService:
    """Bring contacts in from other software.

    Args:
        store: The open workspace.
        take_backup: Called with a reason before anything is written.
    """

    def __init__(self, store: Store, take_backup: Callable[[str], object]) -> None:
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
        duplicates: str = "skip",
        entity: str = "people",
        date_orders: dict[int, str] | None = None,
        match_by: tuple[str, ...] = ("email", "phone", "name"),
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
            entity: What the sheet holds: people, companies, deals or products.
            date_orders: Column index -> YMD, DMY or MDY for text dates (guessed otherwise).
            match_by: How people are matched: any of email, phone and name (at company).
                Companies match by name, deals by name and company, products by code.

        Raises:
            ValidationError: Missing file, unknown policy, or no column holding names.
            FileFormatError: A file that cannot be read (protected, corrupt, empty).
            CancelledError: The user cancelled; nothing was written.
        """
        if not path.is_file():
            raise ValidationError(f"No file at {path}.", field="path")
        if is_vcard_file(path):
            return self.import_vcard(path, dry_run=dry_run, progress=progress, today=today)
        from desktop_crm.services import workspace_transfer

        if workspace_transfer.is_workspace_export(path):
            return self.import_workspace(path, dry_run=dry_run, progress=progress)
        from desktop_crm.services.table_import import import_table

        if not dry_run:
            self._sheets.clear()  # the run reads its own copy: free the preview's first
        return import_table(
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
        from desktop_crm.services import workspace_transfer

        if dry_run:
            counts = workspace_transfer.export_counts(path)
            return ImportReport(path, sum(counts.values()), 0, 0, 0, None, (), (), dry_run=True)
        self._take_backup("pre-import")
        rows = workspace_transfer.import_workspace(self._store, path, progress)
        note = f"the whole workspace ({rows} rows, history included) was loaded"
        return ImportReport(path, rows, 0, 0, 0, None, (), (note,))

    def preview(
        self,
        path: Path,
        *,
        entity: str = "people",
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
        if is_vcard_file(path):
            raise ValidationError("vCard files are imported without a preview.", field="path")
        from desktop_crm.services.table_import import preview_table

        return preview_table(
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
        progress = progress or NullProgress()
        parsed = read_vcards(path.read_bytes())
        if not parsed.contacts and not parsed.problems:
            raise ValidationError(f"{path.name} holds no vCard.", field="path")
        problems = tuple(
            f"card {p.index} (line {p.line}): {p.message}; skipped" for p in parsed.problems
        )
        notes = tuple(contact_notes(parsed.contacts))
        if dry_run or not parsed.contacts:
            companies = {c.organization for c in parsed.contacts if c.organization}
            return ImportReport(
                path,
                len(parsed.contacts) + len(companies) if dry_run else 0,
                0,
                0,
                len(problems),
                None,
                problems,
                notes,
                dry_run,
            )
        self._take_backup("pre-import")
        label = f"Import {path.name}"
        with self._store.unit_of_work(label, "import", bulk=True) as (session, rec):
            writer = Writer(session, rec, self._store.actor_id, today or date.today())
            total = len(parsed.contacts)
            for start in range(0, total, CHUNK):
                progress.check_cancelled()
                writer.write(parsed.contacts[start : start + CHUNK])
                progress.report(min(start + CHUNK, total), total, path.name)
            session.add(
                ImportBatch(
                    source_name=path.name,
                    file_format="vcf",
                    entity="people",
                    operation_id=rec.operation_id,
                    created=writer.created,
                    failed=len(problems),
                )
            )
        return ImportReport(
            path, writer.created, 0, 0, len(problems), rec.operation_id, problems, notes
        )


class Writer:
    """Turns incoming contacts into rows with bulk inserts, reusing companies and tags by name."""

    def __init__(
        self, session: Any, recorder: Any, owner: str | None, today: date, source: str = "vCard"
    ) -> None:
        self.session, self.rec, self.owner, self.today = session, recorder, owner, today
        self.source = source
        self.e164: dict[str, str | None] = {}  # phones already parsed in this import
        self.region = str(read_setting(session, "phone.default_region"))
        self.companies: dict[str, str] = {}
        self.tags: dict[str, str] = {}
        self.created = 0

    def write(self, contacts: list[VContact]) -> list[str]:
        """Insert ``contacts`` with their phones, emails, addresses and tags; their ids."""
        company_ids = self.companies_named({c.organization for c in contacts if c.organization})
        numbers = allocate_numbers(self.session, "customer", self.today, len(contacts))
        people = [
            {
                "name": c.name[:300],
                "number": number,
                "family_name": c.family_name,
                "given_name": c.given_name,
                "company_id": company_ids.get(c.organization or ""),
                "title": c.title,
                "department": c.department,
                "website": c.websites[0] if c.websites else None,
                "wechat": c.wechat,
                "im": c.im or None,
                "birthday": c.birthday,
                "notes": _person_notes(c),
                "photo": c.photo,
                "source": c.source or self.source,
                "status": c.status or "lead",
                "level": c.level,
                "owner_id": c.owner_id or self.owner,
            }
            for c, number in zip(contacts, numbers, strict=True)
        ]
        ids: list[str] = self.rec.bulk_insert(self.session, Person, people)
        self.created += len(ids)
        phones, emails, addresses, taggings = [], [], [], []
        for pid, c in zip(ids, contacts, strict=True):
            for pos, (label, value) in enumerate(c.phones):
                phones.append(
                    {
                        "person_id": pid,
                        "label": label[:50],
                        "value": value[:100],
                        "e164": self.parse_phone(value),
                        "position": pos,
                    }
                )
            for pos, (label, value) in enumerate(c.emails):
                emails.append(
                    {"person_id": pid, "label": label[:50], "value": value[:320], "position": pos}
                )
            for pos, a in enumerate(c.addresses):
                addresses.append(
                    {
                        "person_id": pid,
                        "label": a.label[:50],
                        "street": a.street,
                        "city": a.city,
                        "region": a.region,
                        "postcode": a.postcode,
                        "country": a.country,
                        "position": pos,
                    }
                )
            for tag_id in self.tag_ids(c.categories):
                taggings.append({"tag_id": tag_id, "person_id": pid})
        for model, rows in (
            (Phone, phones),
            (Email, emails),
            (Address, addresses),
            (Tagging, taggings),
        ):
            self.rec.bulk_insert(self.session, model, rows)
        return ids

    def parse_phone(self, value: str) -> str | None:
        """The E.164 form of ``value``, parsed once per import."""
        if value not in self.e164:
            self.e164[value] = normalize_phone(value, self.region)
        return self.e164[value]

    def companies_named(self, names: set[str]) -> dict[str, str]:
        """Company ids by name: existing live companies reused, missing ones created."""
        missing = sorted(n for n in names if n not in self.companies)
        if missing:
            for cid, name in self.session.execute(
                select(Company.id, Company.name).where(
                    Company.deleted_at.is_(None), Company.name.in_(missing)
                )
            ):
                self.companies.setdefault(name, cid)
            new = [n for n in missing if n not in self.companies]
            numbers = allocate_numbers(self.session, "customer", self.today, len(new))
            ids = self.rec.bulk_insert(
                self.session,
                Company,
                [
                    {
                        "name": n[:300],
                        "number": num,
                        "status": "lead",
                        "source": self.source,
                        "owner_id": self.owner,
                    }
                    for n, num in zip(new, numbers, strict=True)
                ],
            )
            self.created += len(ids)
            self.companies.update(zip(new, ids, strict=True))
        return self.companies

    def tag_ids(self, names: list[str]) -> list[str]:
        """Tag ids by name, made when missing."""
        result = []
        for name in dict.fromkeys(n[:100] for n in names if n):
            if name not in self.tags:
                found = find_tag(self.session, name)
                self.tags[name] = (found.id if found else None) or self.rec.bulk_insert(
                    self.session, Tag, [{"name": name}]
                )[0]
            result.append(self.tags[name])
        return result


def _person_notes(c: VContact) -> str | None:
    extra = [f"Website: {url}" for url in c.websites[1:]]
    return "\n\n".join(x for x in (c.notes, "\n".join(extra)) if x) or None


def contact_notes(contacts: list[VContact]) -> list[str]:
    """What the report says about contacts (named from their email, values kept aside)."""
    notes = []
    for c in contacts:
        if c.named_from:
            notes.append(
                f"card {c.index} (line {c.line}) has no name; named “{c.name}” "
                f"from its {c.named_from}"
            )
        notes += [f"card {c.index} (line {c.line}): {w}" for w in c.warnings]
    return notes
