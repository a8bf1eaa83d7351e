"""Exporting contacts to files other software reads (vCard now; spreadsheets next)."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop_crm.domain.choices import (
    ExportEntity,
    ExportFormat,
    ImportEntity,
    Language,
    RecordList,
)
from desktop_crm.domain.errors import StorageError, ValidationError
from desktop_crm.domain.progress import NullProgress, Progress
from desktop_crm.services.contact_lists.dto import COLUMNS, ContactFilter
from desktop_crm.services.exporting.cell_values import rendered_rows
from desktop_crm.services.exporting.progress_rows import reporting
from desktop_crm.spreadsheet.vcard_writer import Card, CardAddress, write_vcards
from desktop_crm.store.batches import IN_CHUNK, in_chunks
from desktop_crm.store.models import Address, Company, Email, Person, Phone, Tag, Tagging
from desktop_crm.store.store import Store

LIST_HEADERS = {
    "name": "Name",
    "number": "No.",
    "company": "Company",
    "title": "Title",
    "phone": "Phone",
    "email": "Email",
    "city": "City",
    "tags": "Tags",
    "status": "Status",
    "level": "Level",
    "owner": "Owner",
    "source": "Source",
    "created_at": "Created",
    "last_contacted_at": "Last contact",
}
# The headers the app writes in Chinese (the Contacts screen's column titles), so that
# ``--columns`` takes them too.
LIST_HEADERS_ZH = {
    "name": "姓名",
    "number": "编号",
    "company": "公司",
    "title": "职位",
    "phone": "电话",
    "email": "邮箱",
    "city": "城市",
    "tags": "标签",
    "status": "状态",
    "level": "等级",
    "owner": "负责人",
    "source": "来源",
    "created_at": "创建日期",
    "last_contacted_at": "最近联系",
}
ALL = "all"
"""The column name that asks for every field of the records."""
CONTACT_ENTITIES = {"people": "person", "companies": "company"}


def resolve_columns(entity: ExportEntity, names: Sequence[str]) -> list[str]:
    """Column keys for what a user typed: keys, or the headers exports write, in any case.

    Args:
        entity: people, companies, deals, quotes, activities or products.
        names: Column keys (``last_contacted_at``), headers in English (``Last contact``) or
            in Chinese (``最近联系``, ``金额``); or just ``all``.

    Returns:
        The keys, in order; ``["all"]`` for every field.

    Raises:
        ValidationError: A name that is no column of that list; the message lists them.
    """
    from desktop_crm.services.exporting.record_lists import ALL_COLUMNS, HEADERS_ZH

    wanted = [n.strip() for n in names if n.strip()]
    if [n.casefold() for n in wanted] == [ALL]:
        return [ALL]
    known: dict[str, tuple[str, ...]]
    if entity in CONTACT_ENTITIES:
        known = {c: (LIST_HEADERS[c], LIST_HEADERS_ZH[c]) for c in COLUMNS}
    elif entity in ALL_COLUMNS:
        known = {c: (header, HEADERS_ZH[entity][c]) for c, header in ALL_COLUMNS[entity].items()}
    else:
        raise ValidationError(f"Cannot export columns of {entity}.", field="entity")
    lookup = {alias.casefold(): key for key, aliases in known.items() for alias in (key, *aliases)}
    found = []
    for name in wanted:
        key = lookup.get(name.casefold())
        if key is None:
            valid = ", ".join(f"{k} ({aliases[0]})" for k, aliases in known.items())
            raise ValidationError(
                f"There is no column “{name}” in the {entity} list; use {ALL} or any of: {valid}.",
                field="columns",
            )
        found.append(key)
    if not found:
        raise ValidationError("No columns given.", field="columns")
    return found


class ExportService:
    """Write lists of records to files."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def export_list(
        self,
        target: Path,
        fmt: ExportFormat,
        flt: ContactFilter | None = None,
        columns: Sequence[str] = COLUMNS,
        sort: str = "name",
        descending: bool = False,
        headers: dict[str, str] | None = None,
        progress: Progress | None = None,
        *,
        language: Language = "en",
    ) -> int:
        """Write a contact list (its filter, sort and columns) to .xlsx or .csv; how many rows.

        ``progress`` hears of the rows written and may cancel (then no file is written).
        Statuses are written as words in ``language`` (``en`` or ``zh``).

        Raises:
            ValidationError: An unknown format or column.
            StorageError: The file could not be written; nothing half-written is left.
        """
        from desktop_crm.services.contact_lists.list_queries import ContactListService
        from desktop_crm.spreadsheet.table_writer import write_csv, write_xlsx

        if fmt not in ("xlsx", "csv"):
            raise ValidationError(f"Unknown format {fmt}; use xlsx or csv.", field="format")
        bad = [c for c in columns if c not in COLUMNS]
        if bad:
            raise ValidationError(f"Unknown column {bad[0]}.", field="columns")
        lists = ContactListService(self._store)
        ids = lists.ids(flt or ContactFilter(), sort, descending)
        default_headers = LIST_HEADERS_ZH if language == "zh" else LIST_HEADERS
        titles = [(headers or default_headers).get(c, c) for c in columns]

        def rows() -> Iterable[list[Any]]:
            for start in range(0, len(ids), 2000):
                for row in lists.rows(ids[start : start + 2000]):
                    yield [getattr(row, c) for c in columns]

        kind = (flt or ContactFilter()).kind
        shown = rendered_rows(kind, list(columns), rows(), language, fmt)
        out = reporting(shown, len(ids), progress or NullProgress())
        try:
            if fmt == "xlsx":
                return write_xlsx(target, titles, list(columns), out)
            return write_csv(target, titles, out)
        except OSError as exc:
            raise StorageError(
                f"Could not write {target}: {exc.strerror or exc}.", detail=str(exc)
            ) from None

    def export_all_fields(
        self,
        target: Path,
        fmt: ExportFormat,
        flt: ContactFilter | None = None,
        progress: Progress | None = None,
        *,
        language: Language = "en",
    ) -> int:
        """Write every field of the people or companies a filter lets through; how many rows.

        ``progress`` hears of the rows written and may cancel (then no file is written).
        Statuses are written as words in ``language`` (``en`` or ``zh``).

        Every phone and email, addresses, birthday, messengers, notes and custom fields, under
        the import's own headers (see ``all_fields``), sorted by name.

        Raises:
            ValidationError: An unknown format.
            StorageError: The file could not be written; nothing half-written is left.
        """
        from desktop_crm.services.contact_lists.list_queries import ContactListService
        from desktop_crm.services.exporting.all_fields import all_fields
        from desktop_crm.spreadsheet.table_writer import write_csv, write_xlsx

        if fmt not in ("xlsx", "csv"):
            raise ValidationError(f"Unknown format {fmt}; use xlsx or csv.", field="format")
        flt = flt or ContactFilter()
        lists = ContactListService(self._store)
        record_ids = lists.record_ids(lists.ids(flt))
        with self._store.read() as session:
            keys, headers, fields = all_fields(session, flt.kind, record_ids)
            shown = rendered_rows(flt.kind, keys, fields, language, fmt)
            rows = reporting(shown, len(record_ids), progress or NullProgress())
            try:
                if fmt == "xlsx":
                    return write_xlsx(target, headers, keys, rows)
                return write_csv(target, headers, rows)
            except OSError as exc:
                raise StorageError(
                    f"Could not write {target}: {exc.strerror or exc}.", detail=str(exc)
                ) from None

    def export_records(
        self,
        target: Path,
        fmt: ExportFormat,
        entity: RecordList,
        columns: Sequence[str] | None = None,
        status: str | None = None,
        progress: Progress | None = None,
        *,
        language: Language = "en",
    ) -> int:
        """Write a list of deals, quotes, activities or products to .xlsx or .csv.

        Args:
            target: The file.
            fmt: xlsx or csv.
            entity: deals, quotes, activities or products.
            columns: Which columns (see ``record_lists.LISTS``); the usual list when not
                given, every field for ``["all"]``.
            status: Only deals or quotes with this status, activities of this kind.
            progress: Hears of the rows written (their total unknown) and may cancel.
            language: ``en`` or ``zh``: the words statuses and kinds are written in; amounts
                are rounded to their currency's minor unit.

        Raises:
            ValidationError: An unknown format, list or column.
            StorageError: The file could not be written; nothing half-written is left.
        """
        from desktop_crm.services.exporting.record_lists import ALL_COLUMNS, LISTS, list_rows
        from desktop_crm.spreadsheet.table_writer import write_csv, write_xlsx

        if fmt not in ("xlsx", "csv"):
            raise ValidationError(f"Unknown format {fmt}; use xlsx or csv.", field="format")
        with self._store.read() as session:
            headers, listed = list_rows(session, entity, columns, status, language, fmt)
            rows = reporting(listed, 0, progress or NullProgress())
            if list(columns or ()) == [ALL]:
                columns = list(ALL_COLUMNS[entity])
            keys = list(columns or LISTS[entity])
            try:
                if fmt == "xlsx":
                    return write_xlsx(target, headers, keys, rows)
                return write_csv(target, headers, rows)
            except OSError as exc:
                raise StorageError(
                    f"Could not write {target}: {exc.strerror or exc}.", detail=str(exc)
                ) from None

    def export_workspace(self, target: Path, progress: Progress | None = None) -> int:
        """Every table, one sheet each, as .xlsx; imports into an empty workspace losslessly.

        Raises:
            StorageError: The file could not be written.
        """
        from desktop_crm.services.archive.workbook import export_workspace

        return export_workspace(self._store, target, progress)

    def export_people_vcard(
        self,
        target: Path,
        person_ids: Iterable[str] | None = None,
        version: str = "3.0",
        progress: Progress | None = None,
    ) -> int:
        """Write people (all live ones by default) as a vCard file; return how many.

        ``progress`` hears of each chunk of people read and may cancel (then no file is
        written).

        The file is written to a temporary name and moved into place, so a failure (a full
        disk) never leaves half a file where the user expects a whole one.
        """
        if version not in ("3.0", "4.0"):
            raise ValidationError("vCard version must be 3.0 or 4.0.", field="version")
        with self._store.read() as session:
            if person_ids is None:
                ids = list(
                    session.scalars(
                        select(Person.id).where(Person.deleted_at.is_(None)).order_by(Person.name)
                    )
                )
            else:
                ids = list(dict.fromkeys(person_ids))
            cards: list[Card] = []
            progress = progress or NullProgress()
            for start, chunk in enumerate(in_chunks(ids)):
                progress.check_cancelled()
                cards += _cards(session, chunk)
                progress.report(start * IN_CHUNK + len(chunk), len(ids))
        text = write_vcards(cards, version)
        tmp = target.with_name(target.name + ".part")
        try:
            tmp.write_text(text, encoding="utf-8", newline="")
            os.replace(tmp, target)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StorageError(
                f"Could not write {target}: {exc.strerror or exc}.", detail=str(exc)
            ) from None
        return len(cards)


def _cards(session, ids: list[str]) -> list[Card]:  # type: ignore[no-untyped-def]
    people = {
        p.id: (p, company)
        for p, company in session.execute(
            select(Person, Company.name)
            .outerjoin(Company, Company.id == Person.company_id)
            .where(Person.id.in_(ids), Person.deleted_at.is_(None))
        )
    }
    phones, emails = defaultdict(list), defaultdict(list)
    for owner, label, value in session.execute(
        select(Phone.person_id, Phone.label, Phone.value)
        .where(Phone.person_id.in_(ids), Phone.deleted_at.is_(None))
        .order_by(Phone.position)
    ):
        phones[owner].append((label, value))
    for owner, label, value in session.execute(
        select(Email.person_id, Email.label, Email.value)
        .where(Email.person_id.in_(ids), Email.deleted_at.is_(None))
        .order_by(Email.position)
    ):
        emails[owner].append((label, value))
    addresses = defaultdict(list)
    for a in session.scalars(
        select(Address)
        .where(Address.person_id.in_(ids), Address.deleted_at.is_(None))
        .order_by(Address.position)
    ):
        addresses[a.person_id].append(
            CardAddress(a.label, a.street, a.city, a.region, a.postcode, a.country)
        )
    tags = defaultdict(list)
    for owner, name in session.execute(
        select(Tagging.person_id, Tag.name)
        .join(Tag, Tag.id == Tagging.tag_id)
        .where(Tagging.person_id.in_(ids), Tagging.deleted_at.is_(None), Tag.deleted_at.is_(None))
    ):
        tags[owner].append(name)
    return [
        Card(
            uid=p.id,
            name=p.name,
            family_name=p.family_name,
            given_name=p.given_name,
            organization=company,
            department=p.department,
            title=p.title,
            phones=tuple(phones[p.id]),
            emails=tuple(emails[p.id]),
            addresses=tuple(addresses[p.id]),
            website=p.website,
            birthday=p.birthday,
            notes=p.notes,
            tags=tuple(tags[p.id]),
            wechat=p.wechat,
            photo=p.photo,
        )
        for pid in ids
        if pid in people
        for p, company in [people[pid]]
    ]


def write_template(
    target: Path, entity: ImportEntity = "people", language: Language = "en"
) -> None:
    """Write an import template (headers, an example row, a notes sheet); needs no workspace.

    Raises:
        ValidationError: An entity that cannot be imported.
        StorageError: The file could not be written.
    """
    from desktop_crm.spreadsheet.fields import ENTITIES
    from desktop_crm.spreadsheet.templates import write_template as write

    if entity not in ENTITIES:
        raise ValidationError(
            f"There is no template for {entity}; use {', '.join(ENTITIES)}.", field="entity"
        )
    try:
        write(target, entity, language)
    except OSError as exc:
        raise StorageError(
            f"Could not write {target}: {exc.strerror or exc}.", detail=str(exc)
        ) from None
