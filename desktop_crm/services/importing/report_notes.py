"""The notes of an import report: message codes with arguments, repeats summarised.

The core never builds a note's sentence for the user: it records a code and its arguments,
and the UI renders them in the user's language (the CLI uses the English of ``TEMPLATES``).
A note that repeats row after row (a 100,000-row sheet whose every row names an owner who is
not a user) becomes one note with a count and the first few examples, not a line per row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

NoteCode = Literal[
    "row_no_name",
    "card_no_name",
    "cell_kept",
    "card_warning",
    "deal_stage_unknown",
    "owner_unknown",
    "owners_created",
    "workspace_loaded",
]
EXAMPLES = 3
"""Occurrences a summarised note keeps as examples."""

# code -> (one occurrence, several, one example of several): ``{0}``... are the first
# occurrence's arguments, ``{n}`` the count, ``{examples}`` the examples joined.
TEMPLATES: dict[str, tuple[str, str, str]] = {
    "row_no_name": (
        "row {0} has no name; named “{1}” from its {2}",
        "{n} rows have no name; each was named from its {2} ({examples})",
        "row {0}: “{1}”",
    ),
    "card_no_name": (
        "card {0} (line {1}) has no name; named “{2}” from its {3}",
        "{n} cards have no name; each was named from its {3} ({examples})",
        "card {0}: “{2}”",
    ),
    "cell_kept": (
        "row {0}, {1}: {2}",
        "{1}: {n} values could not be stored as mapped and were kept in notes ({examples})",
        "row {0}: {2}",
    ),
    "card_warning": (
        "card {0} (line {1}): {2}",
        "{n} cards have values that were not kept ({examples})",
        "card {0}: {2}",
    ),
    "deal_stage_unknown": (
        "row {0}: stage “{1}” is not in the pipeline; the deal starts in the first stage and "
        "the name is kept in its notes",
        "{n} deals name a stage that is not in the pipeline; they start in the first stage and "
        "the names are kept in their notes ({examples})",
        "row {0}: “{1}”",
    ),
    # One note per import (see ``owner_note``): {0} the column, {1} names, {2} "N rows", {3}
    # the most named; the note's count is the rows.
    "owner_unknown": ("{0}: “{3}” is not a user ({2}); kept in notes", "", ""),
    "owners_created": ("{0}: added “{2}” as a user", "", ""),
    "workspace_loaded": ("the whole workspace ({0} rows, history included) was loaded", "", ""),
}
# The one-note codes when their count argument ({1}) is not 1.
_SEVERAL_NAMES = {
    "owner_unknown": "{0}: {1} names are not users ({2}); kept in notes",
    "owners_created": "{0}: added {1} users ({2})",
}


@dataclass(frozen=True)
class ReportNote:
    """One note of an import report.

    Attributes:
        code: What happened (see ``TEMPLATES``).
        args: The first occurrence's arguments, as text.
        count: How many times it happened (rows or cards).
        examples: The arguments of the first occurrences (at most ``EXAMPLES``).
    """

    code: NoteCode
    args: tuple[str, ...] = ()
    count: int = 1
    examples: tuple[tuple[str, ...], ...] = ()

    @property
    def text(self) -> str:
        """The note in English (the CLI, logs)."""
        one, several, example = TEMPLATES[self.code]
        if self.code in _SEVERAL_NAMES and self.args[1:2] != ("1",):
            return _SEVERAL_NAMES[self.code].format(*self.args)
        if self.count <= 1 or not several:
            return one.format(*self.args)
        shown = "; ".join(example.format(*args) for args in self.examples)
        if self.count > len(self.examples):
            shown += "; …"
        return several.format(*self.args, n=self.count, examples=shown)

    def __str__(self) -> str:
        return self.text


@dataclass
class _Entry:
    code: NoteCode
    count: int
    examples: list[tuple[str, ...]]


class NoteLog:
    """Collects an import's notes, one per code and group, counting repeats.

    Args:
        examples: Occurrences kept per note.
    """

    def __init__(self, examples: int = EXAMPLES) -> None:
        self._limit = examples
        self._notes: dict[tuple[str, str], _Entry] = {}  # in the order notes first came

    def add(self, code: NoteCode, *args: object, group: str = "") -> None:
        """Record one occurrence of ``code``; occurrences of one ``group`` are summarised."""
        texts = tuple(str(a) for a in args)
        entry = self._notes.get((code, group))
        if entry is None:
            self._notes[(code, group)] = _Entry(code, 1, [texts])
            return
        entry.count += 1
        if len(entry.examples) < self._limit:
            entry.examples.append(texts)

    def __len__(self) -> int:
        return len(self._notes)

    def notes(self) -> tuple[ReportNote, ...]:
        """The notes, in the order they first came."""
        return tuple(
            ReportNote(e.code, e.examples[0], e.count, tuple(e.examples))
            for e in self._notes.values()
        )


def owner_note(header: str, names: dict[str, int]) -> ReportNote:
    """The one note about owner names that are not users: how many names, over how many rows.

    Args:
        header: The owner column's header.
        names: Each unknown name -> the rows naming it.
    """
    rows = sum(names.values())
    first = sorted(names, key=lambda n: (-names[n], n))
    return ReportNote(
        "owner_unknown",
        (header, str(len(names)), _rows(rows), first[0]),
        rows,
        tuple((header, "1", _rows(names[n]), n) for n in first[:EXAMPLES]),
    )


def owners_created_note(header: str, names: list[str]) -> ReportNote:
    """The note saying which owner names were added as users."""
    return ReportNote(
        "owners_created",
        (header, str(len(names)), ", ".join(names[:10]) + (", …" if len(names) > 10 else "")),
        len(names),
    )


def _rows(count: int) -> str:
    return f"{count:,} row" if count == 1 else f"{count:,} rows"
