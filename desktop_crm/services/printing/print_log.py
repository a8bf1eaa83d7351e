"""The print log: which revision of a quote or contract was printed, when, with which template.

It is a log, not an edit: entries are written in a plain session, outside the undo history
(undoing a quote's edit does not unprint it).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from desktop_crm.documents.document_data import DocumentKind
from desktop_crm.domain.errors import StorageError
from desktop_crm.domain.ids import new_id
from desktop_crm.services.printing.dto import Destination, PrintLogEntry
from desktop_crm.store.models import PrintRecord, User
from desktop_crm.store.store import Store
from desktop_crm.store.types import utc_now


def write_entry(
    store: Store,
    *,
    kind: DocumentKind,
    record_id: str,
    revision: int,
    template: str,
    language: str,
    paper: str,
    destination: Destination,
) -> PrintLogEntry:
    """Log one printing in its own short transaction; return the entry.

    Raises:
        StorageError: The log cannot be written (a read-only connection, a full disk).
    """
    row = PrintRecord(
        id=new_id(),
        kind=kind,
        record_id=record_id,
        revision=revision,
        template=template,
        language=language,
        paper=paper,
        destination=destination,
        at=utc_now(),
        actor_id=store.actor_id,
    )
    try:
        with Session(store.engine, expire_on_commit=False) as session, session.begin():
            session.add(row)
            actor = None if row.actor_id is None else session.get(User, row.actor_id)
    except OperationalError as error:
        # Said the way the store's own writes say it (Store.unit_of_work).
        detail = str(error.orig) if error.orig is not None else str(error)
        raise StorageError(
            f"The print log could not be written ({detail}).", detail=detail
        ) from error
    return _entry(row, actor.name if actor is not None else None)


def entries(session: Session, record_id: str) -> list[PrintLogEntry]:
    """Every printing of one quote or contract, newest first."""
    names = dict(session.execute(select(User.id, User.name)).all())
    rows = session.scalars(
        select(PrintRecord)
        .where(PrintRecord.record_id == record_id)
        .order_by(PrintRecord.at.desc(), PrintRecord.id.desc())
    )
    return [_entry(row, names.get(row.actor_id) if row.actor_id else None) for row in rows]


def _entry(row: PrintRecord, actor: str | None) -> PrintLogEntry:
    kind: DocumentKind = "contract" if row.kind == "contract" else "quote"
    destination: Destination = "printer" if row.destination == "printer" else "pdf"
    return PrintLogEntry(
        id=row.id,
        kind=kind,
        record_id=row.record_id,
        revision=row.revision,
        template=row.template,
        language=row.language,
        paper=row.paper,
        destination=destination,
        at=row.at,
        actor=actor,
    )
