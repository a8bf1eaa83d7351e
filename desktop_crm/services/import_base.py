"""What every kind of table import shares: rows collected, matched, then written."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain.progress import Progress
from desktop_crm.services.import_custom import CustomValues
from desktop_crm.services.imports import Writer
from desktop_crm.spreadsheet.contact_rows import FailedRow
from desktop_crm.spreadsheet.row_reader import RowRead
from desktop_crm.store.changelog import Recorder
from desktop_crm.store.models import Company

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
    """Collects rows of one kind of record, matches them to existing ones, writes them.

    Subclasses give ``item`` (a row -> what will be written, or why not), ``find`` (an
    existing record's id), ``write_new`` and ``update``.

    Attributes:
        failed: Rows that cannot be imported, for the error workbook.
        notes: Lines for the report.
        new: Items to create.
        matched: ``(existing id, item)`` pairs.
    """

    entity = ""

    def __init__(self, ctx: ImportContext) -> None:
        self.ctx = ctx
        self.failed: list[FailedRow] = []
        self.notes: list[str] = []
        self.items: list[Item] = []
        self.new: list[Item] = []
        self.matched: list[tuple[str, Item]] = []
        self.created = 0
        self._writer: Writer | None = None
        self._custom: CustomValues | None = None

    def add(self, read: RowRead, row: Sequence[Any]) -> None:
        """Take one read row."""
        item, reason = self.item(read, row)
        if item is None:
            self.failed.append(FailedRow(read.number, reason, tuple(row)))
            return
        self.notes += read.warnings
        self.items.append(item)

    def match(self, session: Session) -> None:
        """Split the items into new ones and ones matching existing records."""
        self.prepare(session)
        for item in self.items:
            found = self.find(item)
            if found is None or self.ctx.duplicates == "create":
                self.new.append(item)
            else:
                self.matched.append((found, item))

    def would_create(self, session: Session) -> int:
        """Records a run would create: the new items and the companies made for them."""
        names = {self.company_of(item) for item in self.new} - {None, ""}
        if not names:
            return len(self.new)
        found: set[str] = set()
        ordered = sorted(n for n in names if n)
        for start in range(0, len(ordered), 500):
            found.update(
                session.scalars(
                    select(Company.name).where(
                        Company.deleted_at.is_(None), Company.name.in_(ordered[start : start + 500])
                    )
                )
            )
        return len(self.new) + len(names - found)

    def company_of(self, item: Item) -> str | None:
        """The name of the company an item is linked to (made when missing)."""
        return None

    @property
    def would_skip(self) -> int:
        """Matched items left alone under the skip policy."""
        return len(self.matched) if self.ctx.duplicates == "skip" else 0

    def write(self, session: Session, rec: Recorder, progress: Progress, chunk: int) -> int:
        """Create the new items and apply the policy to matched ones; how many were updated."""
        total = len(self.new) + len(self.matched)
        for start in range(0, len(self.new), chunk):
            progress.check_cancelled()
            self.write_new(session, rec, self.new[start : start + chunk])
            progress.report(min(start + chunk, len(self.new)), total, self.ctx.source)
        updated = 0
        if self.ctx.duplicates in ("fill", "overwrite"):
            for done, (rid, item) in enumerate(self.matched, start=1):
                if done % 200 == 0:
                    progress.check_cancelled()
                    progress.report(len(self.new) + done, total, self.ctx.source)
                updated += self.update(session, rec, rid, item, self.ctx.duplicates == "overwrite")
        return updated

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

    def item(self, read: RowRead, row: Sequence[Any]) -> tuple[Item | None, str]:
        """What row ``read`` will write, or ``None`` and why it cannot be imported."""
        raise NotImplementedError

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
    """A name as compared for duplicates: spaces and case folded."""
    return "".join((name or "").split()).casefold()


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
