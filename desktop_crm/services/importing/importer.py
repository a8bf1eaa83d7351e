"""What every kind of table import shares: rows collected, matched, then written."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain.contact_values import company_key
from desktop_crm.services.contacts.contact_rules import new_company_names
from desktop_crm.services.importing.contact_writer import Writer
from desktop_crm.services.importing.custom_values import CustomValues
from desktop_crm.services.importing.report_notes import NoteLog
from desktop_crm.spreadsheet.contact_rows import FailedRow
from desktop_crm.spreadsheet.row_reader import RowRead
from desktop_crm.store.batches import in_chunks
from desktop_crm.store.changelog import Recorder
from desktop_crm.store.models import Tracked

CHUNK = 2_000
"""Rows read, matched and written at a time."""

MATCH_KEYS = ("email", "phone", "name")
Item = TypeVar("Item")


@dataclass(frozen=True)
class ImportContext:
    """What an import needs besides its rows.

    Attributes:
        source: The file's name (the records' source).
        today: The day numbers are drawn for.
        region: Default phone region.
        duplicates: skip, fill, overwrite or create.
        match_by: Which of email, phone, name find existing records.
        actor_id: The local user (owner of records with none).
    """

    source: str
    today: date
    region: str
    duplicates: str
    match_by: tuple[str, ...]
    actor_id: str | None


class Importer(Generic[Item]):
    """Takes rows of one kind of record a chunk at a time: matched, then written.

    The rows of a chunk are added, ``split`` into new items and matches of existing records,
    then ``flush``-ed (written) or ``discard``-ed (a dry run), so a large sheet never holds
    every record in memory. Matching compares with the records as they were before the
    import (``prepare``), so rows of the same file do not match each other.

    Subclasses give ``item`` (a row -> what will be written, or why not), ``find`` (an
    existing record's id), ``write_new`` and ``update``.

    Attributes:
        failed: Rows that cannot be imported, for the error workbook.
        notes: The report's notes (repeats counted, not listed).
        items: Rows added since the last split.
        new: Items to create (since the last flush).
        matched: ``(existing id, item)`` pairs (since the last flush).
        new_count: Items to create, in all.
        matched_count: Items matching existing records, in all.
        company_names: Companies the new items link to (made when missing).
        made: Records of each kind this importer created itself (the writer counts its own).
    """

    entity = ""
    model: type[Tracked] | None = None  # what ``update`` changes, loaded by ``prefetch``

    def __init__(self, ctx: ImportContext) -> None:
        self.ctx = ctx
        self.failed: list[FailedRow] = []
        self.notes = NoteLog()
        self.items: list[Item] = []
        self.new: list[Item] = []
        self.matched: list[tuple[str, Item]] = []
        self.new_count = 0
        self.matched_count = 0
        self.company_names: set[str] = set()
        self.made: Counter[str] = Counter()
        self._writer: Writer | None = None
        self._custom: CustomValues | None = None
        self._loaded: list[Tracked] = []  # matched records of the chunk being flushed

    def add(self, read: RowRead, row: Sequence[Any]) -> None:
        """Take one read row."""
        item, reason = self.item(read, row)
        if item is None:
            self.failed.append(FailedRow(read.number, reason, tuple(row)))
            return
        for header, problem in read.warnings:
            self.notes.add("cell_kept", read.number, header, problem, group=header)
        self.items.append(item)

    def split(self) -> None:
        """Sort the items added since the last split into new ones and matches."""
        for item in self.items:
            found = self.find(item)
            if found is None or self.ctx.duplicates == "create":
                self.new.append(item)
                self.new_count += 1
                company = self.company_of(item)
                if company:
                    self.company_names.add(company)
            else:
                self.matched.append((found, item))
                self.matched_count += 1
        self.items = []

    def flush(self, session: Session, rec: Recorder) -> int:
        """Create the new items, apply the policy to matched ones; how many were updated."""
        if self.new:
            self.write_new(session, rec, self.new)
        updated = 0
        if self.ctx.duplicates in ("fill", "overwrite") and self.matched:
            overwrite = self.ctx.duplicates == "overwrite"
            self.prefetch(session, rec, [rid for rid, _item in self.matched])
            for rid, item in self.matched:
                updated += self.update(session, rec, rid, item, overwrite)
        self.discard()
        return updated

    def discard(self) -> None:
        """Forget the split items (counted, not written: a dry run)."""
        self.new, self.matched = [], []

    @property
    def created_by(self) -> Counter[str]:
        """Records created so far, by kind (``people``, ``companies``...)."""
        total = Counter(self.made)
        if self._writer is not None:
            total.update(self._writer.created_by)
        return +total  # kinds with none left out

    @property
    def created(self) -> int:
        """Records created so far, of every kind."""
        return sum(self.created_by.values())

    def would_create(self, session: Session) -> Counter[str]:
        """Records a run would create, by kind: the new items and the companies made for them."""
        counts = Counter({self.entity: self.new_count})
        if not self.company_names:
            return +counts
        # Found by name as the write will find them (case, width and spaces ignored).
        counts["companies"] += len(new_company_names(session, self.company_names))
        return +counts

    def company_of(self, item: Item) -> str | None:
        """The name of the company an item is linked to (made when missing)."""
        return None

    @property
    def would_skip(self) -> int:
        """Matched items left alone under the skip policy."""
        return self.matched_count if self.ctx.duplicates == "skip" else 0

    def writer(self, session: Session, rec: Recorder) -> Writer:
        """The bulk writer of this import, made once (it remembers companies and tags)."""
        if self._writer is None:
            self._writer = Writer(session, rec, self.ctx.actor_id, self.ctx.today, self.ctx.source)
        return self._writer

    def custom_values(self, session: Session, rec: Recorder, entity: str) -> CustomValues:
        """The custom-field writer of this import, made once (it remembers the fields)."""
        if self._custom is None:
            self._custom = CustomValues(session, rec, entity)
        return self._custom

    # What subclasses give.

    def prefetch(self, session: Session, rec: Recorder, ids: list[str]) -> None:
        """Load what ``update`` needs of the matched records ``ids`` (a chunk's worth).

        By default the records themselves, a query per 900 (``session.get`` then finds them
        in the session instead of asking the database once per row).
        """
        model = self.model
        if model is None:
            return
        self._loaded = [
            row
            for chunk in in_chunks(ids)
            for row in session.scalars(select(model).where(model.id.in_(chunk)))
        ]

    def item(self, read: RowRead, row: Sequence[Any]) -> tuple[Item | None, str]:
        """What row ``read`` will write, or ``None`` and why it cannot be imported."""
        raise NotImplementedError

    def prepare_preview(self, session: Session) -> None:
        """Load what ``item`` needs to judge rows in the preview (most kinds need nothing)."""

    def late_problems(self) -> dict[int, str]:
        """Row number -> why it cannot be imported, known only once later rows were read.

        A quote's lines stand or fall together: a bad line fails the rows read before it.
        """
        return {}

    def finish(self, session: Session, rec: Recorder) -> int:
        """Write what waits for the whole sheet (a quote's lines may be anywhere); updated."""
        return 0

    def prepare(self, session: Session) -> None:
        """Load what ``find`` compares with."""

    def find(self, item: Item) -> str | None:
        """The id of an existing record ``item`` duplicates."""
        raise NotImplementedError

    def write_new(self, session: Session, rec: Recorder, items: list[Item]) -> None:
        """Insert ``items`` (adding to ``created``)."""
        raise NotImplementedError

    def update(self, session: Session, rec: Recorder, rid: str, item: Item, overwrite: bool) -> int:
        """Fill (or overwrite) record ``rid`` from ``item``; 1 when it changed."""
        raise NotImplementedError


def squash(name: str | None) -> str:
    """A name as compared for duplicates: width, case and spaces folded, as companies are."""
    return company_key(name)


def apply_fields(record: Any, values: dict[str, Any], overwrite: bool) -> bool:
    """Set fields of an ORM record: empty ones, or all given when ``overwrite``."""
    changed = False
    for name, value in values.items():
        current = getattr(record, name)
        if value is None or current == value:
            continue
        if overwrite or current in (None, ""):
            setattr(record, name, value)
            changed = True
    return changed
