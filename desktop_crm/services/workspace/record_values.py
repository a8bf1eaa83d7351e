"""Typed text (``FIELD=VALUE`` of the CLI's ``edit``) read as the editors' values.

Days are ISO (``2027-03-01``), amounts plain decimals (``12500.5``, thousands commas allowed),
owners and stages by name. Each problem is one sentence naming the field and the value, raised
before anything is written.

:class:`JoinedStore` lets the editors' services run inside one operation already open, so an
edit that needs two of them (a company's fields and its owner) stays one undoable operation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain.choices import OperationKind
from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.contacts.users import live_users
from desktop_crm.store.changelog import Recorder
from desktop_crm.store.lock import WorkspaceLock
from desktop_crm.store.models import Stage
from desktop_crm.store.store import Store


def day(field: str, text: str) -> date | None:
    """``text`` as a day (``YYYY-MM-DD``); ``None`` for empty text.

    Raises:
        ValidationError: Not a real day in that form.
    """
    value = text.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError(
            f"{field}: “{value}” is not a day; write it as YYYY-MM-DD", field=field, value=value
        ) from None


def amount(field: str, text: str) -> Decimal:
    """``text`` as an amount: ``12500.5``, ``12,500.50``.

    Raises:
        ValidationError: Empty, or not a finite number (the services refuse negative ones).
    """
    value = text.strip()
    try:
        number = Decimal(value.replace(",", "").replace("_", ""))
    except InvalidOperation:
        number = Decimal("NaN")
    if not value or not number.is_finite():
        raise ValidationError(
            f"{field}: “{value}” is not an amount; write a number such as 12500.50",
            field=field,
            value=value,
        )
    return number


def choice(field: str, text: str, choices: Iterable[str]) -> str:
    """The one of ``choices`` that ``text`` names (case and surrounding spaces ignored).

    Raises:
        ValidationError: None of them; the message lists them.
    """
    options = list(choices)
    wanted = text.strip().casefold()
    for option in options:
        if option.casefold() == wanted:
            return option
    raise ValidationError(
        f"{field}: unknown {field} “{text.strip()}”; use {_either(options)}",
        field=field,
        value=text.strip(),
    )


def owner_id(session: Session, text: str) -> str:
    """The id of the live user named ``text`` (case and surrounding spaces ignored).

    Raises:
        ValidationError: No such user, or no name given; the message lists the users.
    """
    users = live_users(session)
    wanted = text.strip().casefold()
    for user_id, name in users:
        if name.strip().casefold() == wanted and wanted:
            return user_id
    names = [name for _id, name in users]
    raise ValidationError(
        f"owner: no user is named “{text.strip()}”; use {_either(names)}",
        field="owner",
        value=text.strip(),
    )


def stage_id(session: Session, pipeline_id: str, text: str) -> str:
    """The id of the live stage of ``pipeline_id`` named ``text`` (case ignored).

    Raises:
        ValidationError: No such stage; the message lists the pipeline's stages in order.
    """
    stages = session.execute(
        select(Stage.id, Stage.name)
        .where(Stage.pipeline_id == pipeline_id, Stage.deleted_at.is_(None))
        .order_by(Stage.position, Stage.id)
    ).all()
    wanted = text.strip().casefold()
    for sid, name in stages:
        if name.strip().casefold() == wanted:
            return str(sid)
    raise ValidationError(
        f"stage: the deal's pipeline has no stage “{text.strip()}”; "
        f"use {_either([name for _id, name in stages])}",
        field="stage",
        value=text.strip(),
    )


def _either(options: list[str]) -> str:
    quoted = [f"“{o}”" for o in options]
    if len(quoted) < 2:
        return "".join(quoted) or "nothing (there are none)"
    return f"{', '.join(quoted[:-1])} or {quoted[-1]}"


class JoinedStore(Store):
    """The store of an operation already open: units of work and reads of services join it.

    A service given this store writes into the session and recorder of the enclosing
    ``unit_of_work``: its changes are logged under that one operation (its own label and
    kind are dropped) and commit or roll back with it. It is for one operation only and is
    never closed (the enclosing store owns the engine).
    """

    def __init__(self, store: Store, session: Session, recorder: Recorder) -> None:
        # A lock object that is never taken: the enclosing store holds the real one.
        super().__init__(store.path, store.engine, WorkspaceLock(store.path))
        # Whatever else the enclosing store knows (its user, search keys…), this one knows.
        vars(self).update({k: v for k, v in vars(store).items() if k != "_lock"})
        self._session = session
        self._recorder = recorder

    @contextmanager
    def read(self) -> Iterator[Session]:
        """The enclosing operation's session: reads see what it wrote so far."""
        yield self._session

    @contextmanager
    def unit_of_work(
        self,
        label: str,
        kind: OperationKind = "edit",
        target_id: str | None = None,
        *,
        bulk: bool = False,
    ) -> Iterator[tuple[Session, Recorder]]:
        """The enclosing operation's session and recorder; flushed after, as a unit would be."""
        yield self._session, self._recorder
        self._session.flush()
