"""The Lead pool screen over a real workspace file: listing, filtering, claiming, refusals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.vocab import ActivityKind
from desktop_crm.services.contacts.users import add_users
from desktop_crm.services.workspace.handle import Workspace, create_workspace
from desktop_crm.store.models import Company, Person
from tests import drafts
from tests.ui.conftest import open_and_wait
from ui.pool.pool_screen import PoolScreen

SHANGHAI = ZoneInfo("Asia/Shanghai")
POOLED = ("赵敏", "钱进", "孙丽")


def noon_today() -> datetime:
    """Today's local noon in Shanghai: records are stamped with the real moment they are saved."""
    day = datetime.now(SHANGHAI).date()
    return datetime(day.year, day.month, day.day, 12, tzinfo=SHANGHAI).astimezone(UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(noon_today(), "Asia/Shanghai")


@pytest.fixture
def pool_path(tmp_path: Path, clock: FixedClock) -> Path:
    """Three people and a company in the pool, one person held by us, one by another user."""
    path = tmp_path / "pool.crm"
    ws = create_workspace(path, "zh", clock)
    try:
        for name in POOLED:
            pid = ws.people.save(drafts.person(name, phones=[("mobile", "13800138000")])).ids[0]
            ws.pool.release("person", pid)
        cid = ws.people.save_company(drafts.company("远山贸易")).ids[0]
        ws.pool.release("company", cid)
        ws.people.save(drafts.person("周明"))  # ours: not in the pool
        # A contact 45 days ago on one pooled record, for "45 days ago".
        zhao = ws.pool.records(text="赵敏")[0]
        ws.cards.log_activity(
            "person", zhao.id, ActivityKind.CALL, "回访", occurred_at=clock.now() - timedelta(45)
        )
    finally:
        ws.close(backup_if_changed=False)
    return path


@pytest.fixture
def opened(qtbot, window, pool_path: Path, clock: FixedClock):
    window.clock = clock
    open_and_wait(qtbot, window, pool_path)
    window.show_view("pool")
    screen = window.screens["pool"]
    assert isinstance(screen, PoolScreen)
    view = screen.view
    qtbot.waitUntil(lambda: view.model.rowCount() == 4 and loaded(view), timeout=10_000)
    return window, screen


def loaded(view) -> bool:
    model = view.model
    for row in range(model.rowCount()):
        model.data(model.index(row, 0))  # asks for the page
    return model.ready and all(model.row_at(r) is not None for r in range(model.rowCount()))


def names(view) -> set[str]:
    return {view.model.row_at(r).name for r in range(view.model.rowCount())}


def select(view, *rows: int) -> None:
    selection = view.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        selection.select(view.model.index(row, 0), flags)


def owner_of(ws: Workspace, model: type[Person] | type[Company], rid: str) -> str | None:
    with ws.store.read() as session:
        row = session.get(model, rid)
        assert row is not None
        return row.owner_id


def test_the_pool_lists_the_records_nobody_holds(qtbot, opened):
    window, screen = opened
    view = screen.view
    assert names(view) == {*POOLED, "远山贸易"}
    assert view.count_label.text() == "4 in the pool"
    assert window.sidebar.keys().index("pool") == window.sidebar.keys().index("contacts") + 1
    column = {key: i for i, key in enumerate(view.model.columns)}
    shown = {
        view.model.row_at(r).name: [
            view.model.data(view.model.index(r, column[key]))
            for key in ("kind", "status", "last_contacted_at", "phone", "returned_at")
        ]
        for r in range(4)
    }
    today = datetime.now(SHANGHAI).date().isoformat()
    assert shown["赵敏"] == ["Person", "Lead", "45 days ago", "13800138000", today]
    assert shown["钱进"][2] == "never"
    assert shown["远山贸易"][0] == "Company"

    view.kind_box.setCurrentIndex(view.kind_box.findData("company"))
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and loaded(view))
    assert names(view) == {"远山贸易"}
    view.kind_box.setCurrentIndex(0)
    view.search.setText("qian")  # pinyin finds 钱进
    qtbot.waitUntil(lambda: loaded(view) and names(view) == {"钱进"})
    view.search.setText("nobody at all")
    qtbot.waitUntil(lambda: view.body.currentWidget() is view.no_match)
    view.no_match.clear_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 4)


def test_claiming_two_takes_them_out_and_one_undo_brings_them_back(qtbot, opened, monkeypatch):
    window, screen = opened
    view = screen.view
    ws = window.workspace
    # The status bar forgets a message after seconds; a slow machine may take longer than that.
    said: list[str] = []
    shown = window.show_status
    monkeypatch.setattr(
        window, "show_status", lambda text, ms=4000: (said.append(text), shown(text, ms))
    )
    picked = [view.model.row_at(0), view.model.row_at(1)]
    select(view, 0, 1)
    assert view.claim_button.text() == "Claim 2 records"
    view.claim_button.click()
    qtbot.waitUntil(lambda: window.worker.idle and "Claim 2 records" in window.undo_action.text())
    qtbot.waitUntil(lambda: view.model.rowCount() == 2 and loaded(view))
    assert not names(view) & {p.name for p in picked}
    models = {"person": Person, "company": Company}
    for record in picked:
        assert owner_of(ws, models[record.kind], record.id) == ws.store.actor_id
    assert "Claimed 2 records." in said

    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.worker.idle and view.model.rowCount() == 4 and loaded(view))
    assert names(view) == {*POOLED, "远山贸易"}
    for record in picked:
        assert owner_of(ws, models[record.kind], record.id) is None


def test_enter_claims_and_a_double_click_opens_the_card(qtbot, opened, monkeypatch):
    window, screen = opened
    view = screen.view
    said: list[str] = []
    shown = window.show_status
    monkeypatch.setattr(
        window, "show_status", lambda text, ms=4000: (said.append(text), shown(text, ms))
    )
    opened_cards: list[tuple[str, str]] = []
    monkeypatch.setattr(window, "open_card", lambda kind, rid: opened_cards.append((kind, rid)))
    first = view.model.row_at(0)
    spot = view.table.visualRect(view.model.index(0, 0)).center()
    # A real double-click: press and release (which selects the row), then the double click.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.wait(50)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.waitUntil(lambda: bool(opened_cards))
    assert opened_cards == [(first.kind, first.id)]

    select(view, 0)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.worker.idle and view.model.rowCount() == 3)
    assert f"Claim {first.name}" in window.undo_action.text()
    assert f"“{first.name}” is yours now." in said


def test_a_claim_past_the_cap_is_refused_with_the_reason(qtbot, opened, monkeypatch):
    window, screen = opened
    view = screen.view
    ws = window.workspace
    ws.settings.update({"pool.cap": 2})  # we hold 周明 already: one more fits, two do not
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: said.append(text))
    select(view, 0, 1)
    view.claim_button.click()
    qtbot.waitUntil(lambda: bool(said) and window.worker.idle)
    assert said == [
        "You hold 2 records already, as many as the pool allows. Release one to claim another."
    ]
    assert ws.pool.count() == 4  # all or none: neither was claimed
    assert ws.pool.held() == 1


def test_a_record_someone_else_took_meanwhile_is_refused_by_name(qtbot, opened, monkeypatch):
    window, screen = opened
    view = screen.view
    ws = window.workspace
    taken = view.model.row_at(0)
    with ws.store.unit_of_work("another laptop's claim") as (session, rec):
        other = add_users(session, rec, ["王经理"])["王经理"]
        row = session.get(Person if taken.kind == "person" else Company, taken.id)
        row.owner_id = other
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: said.append(text))
    select(view, 0)  # the list still shows it: it was loaded before the other claim
    view.claim_button.click()
    qtbot.waitUntil(lambda: bool(said) and window.worker.idle)
    assert said == [f"{taken.name} is held by 王经理: only records in the pool can be claimed."]
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)  # the list shows the pool as it is


def test_an_empty_pool_says_it_is_a_shelf_for_later(qtbot, window, workspace):
    path = workspace.path
    workspace.close(backup_if_changed=False)
    open_and_wait(qtbot, window, path)
    view = window.screens["pool"].view
    qtbot.waitUntil(lambda: view.body.currentWidget() is view.empty_panel)
    assert "Release a record from its card to keep it for later." in view.empty_panel.label.text()
    assert view.count_label.text() == "0 in the pool"
