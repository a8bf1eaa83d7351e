"""Monthly sales targets: a year's grid written as one operation, read back, undone."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal as D
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.workspace.handle import Workspace, create_workspace
from desktop_crm.store.models import SalesTarget, User

NOW = datetime(2026, 6, 15, 9, 0, tzinfo=UTC)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    """A new workspace with two more users, Ann and Bob."""
    ws = create_workspace(tmp_path / "targets.crm", clock=FixedClock(NOW, "UTC"))
    with ws.store.unit_of_work("users") as (s, _rec):
        s.add_all([User(name="Ann"), User(name="Bob")])
    yield ws
    ws.close(backup_if_changed=False)


def _ids(ws: Workspace) -> dict[str, str]:
    return {o.name: o.id for o in ws.targets.owners()}


def _grid(ws: Workspace, year: int) -> list[tuple[str, date, D, str]]:
    return [(t.owner_name, t.month, t.amount, t.currency) for t in ws.targets.month_targets(year)]


def _live_rows(ws: Workspace) -> list[tuple[date, date, D]]:
    with ws.store.read() as s:
        rows = s.scalars(
            select(SalesTarget)
            .where(SalesTarget.deleted_at.is_(None))
            .order_by(SalesTarget.period_start)
        ).all()
        return [(r.period_start, r.period_end, r.amount) for r in rows]


def test_set_read_change_remove_and_undo(ws: Workspace) -> None:
    ids = _ids(ws)
    assert {"Ann", "Bob"} <= set(ids)
    ann, bob = ids["Ann"], ids["Bob"]
    result = ws.targets.set_targets(
        2026,
        {
            (ann, date(2026, 1, 1)): D("12000"),
            (ann, date(2026, 2, 14)): D("15000.5"),  # any day of the month names the month
            (bob, date(2026, 2, 1)): D("8000"),
            (bob, date(2026, 3, 1)): None,  # nothing there: nothing to remove
        },
    )
    assert result.operation_id is not None
    assert "sales_targets" in result.entities
    assert result.created == 3
    last = ws.history.next_undo()
    assert last is not None and last.label == "Set sales targets for 2026"
    assert _grid(ws, 2026) == [
        ("Ann", date(2026, 1, 1), D("12000"), "CNY"),
        ("Ann", date(2026, 2, 1), D("15000.5"), "CNY"),
        ("Bob", date(2026, 2, 1), D("8000"), "CNY"),
    ]
    assert _grid(ws, 2025) == []
    # One row per owner and month, from the first day to the last (February of 2026: 28).
    assert (date(2026, 2, 1), date(2026, 2, 28), D("15000.5")) in _live_rows(ws)

    # The targets report counts them in the month they start.
    report = ws.reports.targets(start=date(2026, 1, 1), end=date(2026, 12, 31)).data
    assert [(r.owner, r.month, r.target.amount) for r in report] == [
        ("Ann", "2026-01", D("12000")),
        ("Ann", "2026-02", D("15000.5")),
        ("Bob", "2026-02", D("8000")),
    ]

    # Change one, remove one (0) and another (None), leave Ann's January alone.
    changed = ws.targets.set_targets(
        2026,
        {
            (ann, date(2026, 1, 1)): D("12000"),  # the same: no change
            (ann, date(2026, 2, 1)): D("0"),
            (bob, date(2026, 2, 1)): D("9000"),
        },
    )
    assert (changed.created, changed.updated, changed.deleted) == (0, 1, 1)
    assert _grid(ws, 2026) == [
        ("Ann", date(2026, 1, 1), D("12000"), "CNY"),
        ("Bob", date(2026, 2, 1), D("9000"), "CNY"),
    ]
    nothing = ws.targets.set_targets(2026, {(ann, date(2026, 1, 1)): D("12000")})
    assert nothing.operation_id is None

    # One undo takes the whole second edit back.
    ws.history.undo()
    assert _grid(ws, 2026) == [
        ("Ann", date(2026, 1, 1), D("12000"), "CNY"),
        ("Ann", date(2026, 2, 1), D("15000.5"), "CNY"),
        ("Bob", date(2026, 2, 1), D("8000"), "CNY"),
    ]
    ws.history.undo()
    assert _grid(ws, 2026) == []
    assert ws.reports.targets(start=date(2026, 1, 1), end=date(2026, 12, 31)).data == []


def test_currency_is_the_workspace_setting(ws: Workspace) -> None:
    ws.settings.update({"currency.default": "USD"})
    assert ws.targets.currency() == "USD"
    ann = _ids(ws)["Ann"]
    ws.targets.set_targets(2026, {(ann, date(2026, 5, 1)): D("100")})
    assert _grid(ws, 2026) == [("Ann", date(2026, 5, 1), D("100"), "USD")]


@pytest.mark.parametrize(
    ("key_month", "amount", "field"),
    [
        (date(2026, 1, 1), D("-1"), "amount"),
        (date(2026, 1, 1), D("NaN"), "amount"),
        (date(2026, 1, 1), D("1e15"), "amount"),
        (date(2025, 12, 1), D("1"), "month"),
    ],
)
def test_refused_values_write_nothing(
    ws: Workspace, key_month: date, amount: D, field: str
) -> None:
    ann = _ids(ws)["Ann"]
    with pytest.raises(ValidationError) as caught:
        ws.targets.set_targets(2026, {(ann, date(2026, 3, 1)): D("5"), (ann, key_month): amount})
    assert caught.value.params["field"] == field
    assert _grid(ws, 2026) == []


def test_unknown_owner_is_refused(ws: Workspace) -> None:
    with pytest.raises(ValidationError) as caught:
        ws.targets.set_targets(2026, {("no-such-user", date(2026, 1, 1)): D("5")})
    assert caught.value.params["field"] == "owner_id"
