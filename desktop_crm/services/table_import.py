"""Importing people from spreadsheets and CSV files as one undoable operation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import FileFormatError, ValidationError
from desktop_crm.domain.phones import normalize_phone
from desktop_crm.domain.progress import Progress
from desktop_crm.services.imports import CHUNK, ImportReport, Writer, contact_notes
from desktop_crm.services.settings import read_setting
from desktop_crm.spreadsheet.contact_rows import contacts_from_rows
from desktop_crm.spreadsheet.error_workbook import write_error_workbook
from desktop_crm.spreadsheet.mapping import birthday_parts, guess_mapping
from desktop_crm.spreadsheet.tables import layout, read_table
from desktop_crm.spreadsheet.vcard_reader import VContact
from desktop_crm.store.models import Company, Email, ImportBatch, Person, Phone, User
from desktop_crm.store.store import Store

POLICIES = ("skip", "fill", "overwrite", "create")
NAME_FIELDS = ("name", "family_name", "given_name", "email", "mobile", "phone")
_FILLABLE = ("title", "department", "website", "wechat", "birthday", "source", "level", "status")


def import_table(
    store: Store,
    take_backup: Callable[[str], object],
    path: Path,
    *,
    dry_run: bool,
    progress: Progress,
    today: date,
    sheet: int | str,
    mapping: dict[int, str] | None,
    duplicates: str,
) -> ImportReport:
    """Read, map, check and import the people of one sheet (see ``ImportService``)."""
    if duplicates not in POLICIES:
        raise ValidationError(
            f"Unknown duplicate policy {duplicates}; use one of {', '.join(POLICIES)}.",
            field="duplicates",
        )
    table = read_table(path, sheet)
    lay = layout(table.rows)
    if not lay.data_rows:
        raise FileFormatError(
            f"{path.name}: sheet “{table.name}” holds no data rows.", path=str(path)
        )
    mapping = mapping if mapping is not None else guess_mapping(lay.columns)
    if not set(mapping.values()) & set(NAME_FIELDS):
        raise ValidationError(
            f"{path.name}: no column looks like a name, email or phone "
            f"(columns: {', '.join(lay.columns[:8])}). Choose the columns in the import "
            "preview.",
            field="mapping",
        )
    with store.read() as session:
        owners = dict(session.execute(select(User.name, User.id)).all())
        region = str(read_setting(session, "phone.default_region"))
    contacts, failed = contacts_from_rows(
        table, lay, mapping, owners=owners, birthday_parts=birthday_parts(lay.columns)
    )
    problems = tuple(f"row {f.number}: {f.reason}; see the error workbook" for f in failed)
    notes = tuple(contact_notes(contacts))
    with store.read() as session:
        matches = _Matcher(session, region)
        pairs = [(matches.find(c), c) for c in contacts]
    new = [c for pid, c in pairs if pid is None or duplicates == "create"]
    matched = [(pid, c) for pid, c in pairs if pid is not None and duplicates != "create"]
    skipped = len(matched) if duplicates == "skip" else 0
    if dry_run:
        return ImportReport(
            path,
            len(new),
            len(matched) - skipped,
            skipped,
            len(failed),
            None,
            problems,
            notes,
            dry_run=True,
        )
    workbook = None
    if failed:
        workbook = _error_target(path)
        write_error_workbook(workbook, lay.columns, failed)
    if not new and (duplicates == "skip" or not matched):
        return ImportReport(
            path, 0, 0, skipped, len(failed), None, problems, notes, error_workbook=workbook
        )
    take_backup("pre-import")
    with store.unit_of_work(f"Import {path.name}", "import", bulk=True) as (session, rec):
        writer = Writer(session, rec, store.actor_id, today, source=path.name)
        writer.e164 = matches.e164  # parsed while matching: not again while writing
        for start in range(0, len(new), CHUNK):
            progress.check_cancelled()
            writer.write(new[start : start + CHUNK])
            progress.report(start + CHUNK, len(new) + len(matched), path.name)
        updated = 0
        if duplicates in ("fill", "overwrite"):
            for pid, contact in matched:
                progress.check_cancelled()
                updated += _update(session, pid, contact, region, duplicates == "overwrite")
            skipped = len(matched) - updated  # matched, but nothing new to put in
        session.add(
            ImportBatch(
                source_name=path.name,
                file_format=table.kind,
                entity="people",
                operation_id=rec.operation_id,
                created=writer.created,
                updated=updated,
                skipped=skipped,
                failed=len(failed),
                mapping={str(k): v for k, v in mapping.items()},
            )
        )
    return ImportReport(
        path,
        writer.created,
        updated,
        skipped,
        len(failed),
        rec.operation_id if rec.changed else None,
        problems,
        notes,
        error_workbook=workbook,
    )


def _error_target(path: Path) -> Path:
    target = path.with_name(f"{path.stem}-errors.xlsx")
    try:
        with open(target, "ab"):
            pass
    except OSError:  # a read-only folder: fall back to the temporary folder
        import tempfile

        target = Path(tempfile.gettempdir()) / target.name
    return target


class _Matcher:
    """Existing people by email, phone (E.164) and name at company."""

    def __init__(self, session: Session, region: str) -> None:
        self.region = region
        self.e164: dict[str, str | None] = {}  # each typed phone parsed once per import
        self.emails: dict[str, str] = dict(
            session.execute(
                select(func.lower(Email.value), Email.person_id)
                .join(Person, Person.id == Email.person_id)
                .where(Email.deleted_at.is_(None), Person.deleted_at.is_(None))
            ).all()
        )
        self.phones: dict[str, str] = {
            str(e164): str(pid)
            for e164, pid in session.execute(
                select(Phone.e164, Phone.person_id)
                .join(Person, Person.id == Phone.person_id)
                .where(
                    Phone.deleted_at.is_(None), Person.deleted_at.is_(None), Phone.e164.is_not(None)
                )
            )
        }
        self.names = {
            (_squash(name), (company or "").casefold()): pid
            for pid, name, company in session.execute(
                select(Person.id, Person.name, Company.name)
                .outerjoin(Company, Company.id == Person.company_id)
                .where(Person.deleted_at.is_(None))
            )
        }

    def find(self, c: VContact) -> str | None:
        for _label, value in c.emails:
            if value.lower() in self.emails:
                return str(self.emails[value.lower()])
        for _label, value in c.phones:
            if value not in self.e164:
                self.e164[value] = normalize_phone(value, self.region)
            e164 = self.e164[value]
            if e164 and e164 in self.phones:
                return str(self.phones[e164])
        if c.named_from is None:
            return self.names.get((_squash(c.name), (c.organization or "").casefold()))
        return None


def _update(session: Session, pid: str, c: VContact, region: str, overwrite: bool) -> int:
    """Fill (or overwrite) a matched person from an imported row; add new phones/emails."""
    person = session.get(Person, pid)
    if person is None:
        return 0
    changed = False
    values: dict[str, Any] = {
        "title": c.title,
        "department": c.department,
        "website": c.websites[0] if c.websites else None,
        "wechat": c.wechat,
        "birthday": c.birthday,
        "source": c.source,
        "level": c.level,
        "status": c.status,
    }
    for field in _FILLABLE:
        value = values[field]
        current = getattr(person, field)
        if value is not None and (overwrite or current in (None, "")) and current != value:
            setattr(person, field, value)
            changed = True
    if c.notes and c.notes not in (person.notes or ""):
        person.notes = (
            c.notes if overwrite or not person.notes else f"{person.notes}\\n\\n{c.notes}"
        )
        changed = True
    have_phones = {
        p.e164 or p.value
        for p in session.scalars(
            select(Phone).where(Phone.person_id == pid, Phone.deleted_at.is_(None))
        )
    }
    for label, value in c.phones:
        e164 = normalize_phone(value, region)
        if (e164 or value) not in have_phones:
            session.add(
                Phone(person_id=pid, label=label, value=value, e164=e164, position=len(have_phones))
            )
            have_phones.add(e164 or value)
            changed = True
    have_emails = {
        e.value.lower()
        for e in session.scalars(
            select(Email).where(Email.person_id == pid, Email.deleted_at.is_(None))
        )
    }
    for label, value in c.emails:
        if value.lower() not in have_emails:
            session.add(Email(person_id=pid, label=label, value=value, position=len(have_emails)))
            have_emails.add(value.lower())
            changed = True
    return int(changed)


def _squash(name: str) -> str:
    return "".join(name.split()).casefold()
