"""An import report in the user's language: counts per kind of record, and its notes.

The core reports counts by kind (``by_entity``) and notes as codes with arguments; this
module turns them into sentences with Qt's plural forms ("1 person created", "3 people
created"; Chinese has one form).
"""

from __future__ import annotations

from collections.abc import Callable

from desktop_crm.services.importing.dto import EntityCounts, ImportReport
from desktop_crm.services.importing.report_notes import ReportNote
from ui.text_fill import fill
from ui.translation_context import TranslationContext


class ImportSummary(TranslationContext):
    """The translation context of import summaries."""


def _done_phrases() -> dict[str, tuple[Callable[[int], str], ...]]:
    """Per kind: "%n created", "%n updated", "%n skipped" (literal strings, for lupdate)."""
    return {
        "people": (
            lambda n: ImportSummary.tr("%Ln people created", "", n),
            lambda n: ImportSummary.tr("%Ln people updated", "", n),
            lambda n: ImportSummary.tr("%Ln people skipped", "", n),
        ),
        "companies": (
            lambda n: ImportSummary.tr("%Ln companies created", "", n),
            lambda n: ImportSummary.tr("%Ln companies updated", "", n),
            lambda n: ImportSummary.tr("%Ln companies skipped", "", n),
        ),
        "deals": (
            lambda n: ImportSummary.tr("%Ln deals created", "", n),
            lambda n: ImportSummary.tr("%Ln deals updated", "", n),
            lambda n: ImportSummary.tr("%Ln deals skipped", "", n),
        ),
        "products": (
            lambda n: ImportSummary.tr("%Ln products created", "", n),
            lambda n: ImportSummary.tr("%Ln products updated", "", n),
            lambda n: ImportSummary.tr("%Ln products skipped", "", n),
        ),
        "quotes": (
            lambda n: ImportSummary.tr("%Ln quotes created", "", n),
            lambda n: ImportSummary.tr("%Ln quotes updated", "", n),
            lambda n: ImportSummary.tr("%Ln quotes skipped", "", n),
        ),
        "payments": (
            lambda n: ImportSummary.tr("%Ln payments created", "", n),
            lambda n: ImportSummary.tr("%Ln payments updated", "", n),
            lambda n: ImportSummary.tr("%Ln payments skipped", "", n),
        ),
        "followups": (
            lambda n: ImportSummary.tr("%Ln follow-ups planned", "", n),
            lambda n: ImportSummary.tr("%Ln follow-ups updated", "", n),
            lambda n: ImportSummary.tr("%Ln follow-ups skipped", "", n),
        ),
    }


def _kind_count(kind: str, n: int) -> str:
    """A number of records of a kind: "3 people", "1 company"..."""
    nouns = {
        "people": lambda: ImportSummary.tr("%Ln people", "", n),
        "companies": lambda: ImportSummary.tr("%Ln companies", "", n),
        "deals": lambda: ImportSummary.tr("%Ln deals", "", n),
        "products": lambda: ImportSummary.tr("%Ln products", "", n),
        "quotes": lambda: ImportSummary.tr("%Ln quotes", "", n),
        "payments": lambda: ImportSummary.tr("%Ln payments", "", n),
        "followups": lambda: ImportSummary.tr("%Ln follow-ups", "", n),
    }
    return nouns[kind]() if kind in nouns else str(n)


def done_counts(report: ImportReport) -> str:
    """What an import did, each kind apart: "5 people created, 2 companies created"."""
    phrases = _done_phrases()
    parts: list[str] = []
    for kind, counts in report.by_entity.items():
        created, updated, skipped = phrases[kind]
        parts.append(created(counts.created))
        parts += [say(n) for say, n in ((updated, counts.updated), (skipped, counts.skipped)) if n]
    if not parts:  # a report without kinds (an older kind of import): the totals
        parts.append(
            fill(
                ImportSummary.tr("%1 created, %2 updated, %3 skipped"),
                str(report.created),
                str(report.updated),
                str(report.skipped),
            )
        )
    if report.failed:
        parts.append(ImportSummary.tr("%Ln failed", "", report.failed))
    return ImportSummary.tr(", ").join(parts)


def planned_counts(report: ImportReport) -> str:
    """What a dry run found an import would do, for the wizard's last page."""
    kinds: list[tuple[str, EntityCounts]] = list(report.by_entity.items()) or [
        ("", EntityCounts(report.created, report.updated, report.skipped))
    ]
    created = ImportSummary.tr(", ").join(_kind_count(k, c.created) for k, c in kinds if c.created)
    return fill(
        ImportSummary.tr("The import will create: %1; update: %2; skip: %3."),
        created or "0",
        str(report.updated),
        str(report.skipped),
    )


def _origin(origin: str) -> str:
    """Where a missing name was taken from."""
    return {
        "email": ImportSummary.tr("email address"),
        "phone": ImportSummary.tr("phone number"),
        "organization": ImportSummary.tr("organization"),
    }.get(origin, origin)


def _examples(note: ReportNote, example: Callable[[tuple[str, ...]], str]) -> str:
    """The note's first occurrences, each through ``example`` (and "…" if there are more)."""
    shown = ImportSummary.tr("; ").join(example(args) for args in note.examples)
    if note.count > len(note.examples):
        shown += ImportSummary.tr("; …")
    return shown


def note_text(note: ReportNote) -> str:
    """One note of an import report, in the user's language."""
    a = note.args
    several = note.count > 1
    if note.code == "row_no_name":
        if not several:
            return fill(
                ImportSummary.tr("Row %1 has no name; named “%2” from its %3."),
                a[0],
                a[1],
                _origin(a[2]),
            )
        text = ImportSummary.tr(
            "%Ln rows have no name; each was named from its %1 (%2).", "", note.count
        )
        return fill(
            text,
            _origin(a[2]),
            _examples(note, lambda x: fill(ImportSummary.tr("row %1: “%2”"), x[0], x[1])),
        )
    if note.code == "card_no_name":
        if not several:
            return fill(
                ImportSummary.tr("Card %1 (line %2) has no name; named “%3” from its %4."),
                a[0],
                a[1],
                a[2],
                _origin(a[3]),
            )
        text = ImportSummary.tr(
            "%Ln cards have no name; each was named from its %1 (%2).", "", note.count
        )
        return fill(
            text,
            _origin(a[3]),
            _examples(note, lambda x: fill(ImportSummary.tr("card %1: “%2”"), x[0], x[2])),
        )
    if note.code == "cell_kept":
        if not several:
            return fill(ImportSummary.tr("Row %1, %2: %3"), a[0], a[1], a[2])
        text = ImportSummary.tr(
            "%1: %Ln values could not be stored as mapped and were kept in notes (%2).",
            "",
            note.count,
        )
        return fill(
            text,
            a[1],
            _examples(note, lambda x: fill(ImportSummary.tr("row %1: %2"), x[0], x[2])),
        )
    if note.code == "card_warning":
        if not several:
            return fill(ImportSummary.tr("Card %1 (line %2): %3"), a[0], a[1], a[2])
        text = ImportSummary.tr("%Ln cards have values that were not kept (%1).", "", note.count)
        return fill(
            text, _examples(note, lambda x: fill(ImportSummary.tr("card %1: %2"), x[0], x[2]))
        )
    if note.code == "deal_stage_unknown":
        if not several:
            return fill(
                ImportSummary.tr(
                    "Row %1: stage “%2” is not in the pipeline; the deal starts in the first "
                    "stage and the name is kept in its notes."
                ),
                a[0],
                a[1],
            )
        text = ImportSummary.tr(
            "%Ln deals name a stage that is not in the pipeline; they start in the first stage "
            "and the names are kept in their notes (%1).",
            "",
            note.count,
        )
        return fill(
            text, _examples(note, lambda x: fill(ImportSummary.tr("row %1: “%2”"), x[0], x[1]))
        )
    if note.code == "owner_unknown":
        if a[1] == "1":
            text = ImportSummary.tr(
                "%1: “%2” is not a user (%Ln rows); kept in notes.", "", note.count
            )
            return fill(text, a[0], a[3])
        text = ImportSummary.tr(
            "%1: %2 names are not users (%Ln rows); kept in notes.", "", note.count
        )
        return fill(text, a[0], a[1])
    if note.code == "owners_created":
        if a[1] == "1":
            return fill(ImportSummary.tr("%1: added “%2” as a user."), a[0], a[2])
        text = ImportSummary.tr("%1: added %Ln users (%2).", "", note.count)
        return fill(text, a[0], a[2])
    if note.code == "workspace_loaded":
        return ImportSummary.tr(
            "The whole workspace (%Ln rows, history included) was loaded.", "", int(a[0])
        )
    return note.text
