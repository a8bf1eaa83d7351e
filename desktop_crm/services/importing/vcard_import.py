"""Importing vCard files as people: every readable card, one undoable operation.

A verified backup is taken first. Cards that cannot be read are reported with their position and
skipped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

from desktop_crm.domain.choices import BackupReason
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.domain.progress import NullProgress, Progress
from desktop_crm.services.contacts.contact_rules import new_company_names
from desktop_crm.services.importing.contact_writer import Writer, contact_notes
from desktop_crm.services.importing.dto import ImportReport, entity_counts
from desktop_crm.services.importing.importer import CHUNK
from desktop_crm.spreadsheet.vcard_reader import VContact, looks_like_vcard, read_vcards
from desktop_crm.store.models import ImportBatch
from desktop_crm.store.store import Store


def is_vcard_file(path: Path) -> bool:
    """Whether ``path`` holds vCards: by its name, or by its first line whatever the name."""
    if path.suffix.lower() in (".vcf", ".vcard"):
        return True
    try:
        with path.open("rb") as file:
            return looks_like_vcard(file.read(400))
    except OSError:
        return False


def import_vcard(
    store: Store,
    take_backup: Callable[[BackupReason], object],
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
    notes = contact_notes(parsed.contacts)
    if dry_run or not parsed.contacts:
        counts = Counter({"people": len(parsed.contacts)}) if dry_run else Counter()
        if dry_run:
            counts["companies"] = len(_new_companies(store, parsed.contacts))
        return ImportReport(
            path,
            sum(counts.values()),
            0,
            0,
            len(problems),
            None,
            problems,
            notes,
            dry_run,
            by_entity=entity_counts(counts, "people"),
        )
    take_backup("pre-import")
    label = op_label(LabelCode.IMPORT, file=path.name)
    with store.unit_of_work(label, "import", bulk=True) as (session, rec):
        writer = Writer(session, rec, store.actor_id, today or date.today())
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
        path,
        writer.created,
        0,
        0,
        len(problems),
        rec.operation_id,
        problems,
        notes,
        by_entity=entity_counts(writer.created_by, "people"),
    )


def _new_companies(store: Store, contacts: list[VContact]) -> set[str]:
    """The companies the cards name that are not in the workspace (an import would make them)."""
    with store.read() as session:
        return new_company_names(session, (c.organization for c in contacts if c.organization))
