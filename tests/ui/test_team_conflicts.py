# ruff: noqa: F811 - the hub fixtures are imported by name, as pytest finds them
"""The Conflicts screen over a real conflict made on two laptops through a PostgreSQL hub: the
list with both values, who and when; Keep Theirs, Keep Mine and a typed value each resolve it as
one undoable operation, and the next syncs converge both laptops."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.store.models import Person
from tests.hub_fixtures import (  # noqa: F401
    MEMBER_PASSWORD,
    Laptop,
    canonical,
    first_laptop,
    hub,
    joining_laptop,
    pg,
)
from tests.ui.conftest import open_and_wait
from ui.conflicts.conflict_values import field_text, value_text
from ui.conflicts.conflicts_model import BY, FIELD, MINE, RECORD, THEIRS, WHEN
from ui.conflicts.conflicts_screen import ConflictsScreen


@pytest.fixture
def conflicted(qtbot, window, hub, tmp_path):
    """Alice's laptop in the window and Bob's, both holding one conflict on a person's title.

    Bob's title reached the hub first, so both laptops show it; Alice's is kept in the conflict.
    """
    alice = first_laptop(hub, tmp_path, "alice")
    pid = alice.add_person("王小明", title="经理")
    alice.sync()
    bob = joining_laptop(hub, tmp_path, "bob")
    bob.sync()
    alice.sync()
    alice.edit(Person, pid, title="总经理")
    path = alice.ws.path
    alice.close()
    bob.edit(Person, pid, title="副总")
    bob.sync()
    open_and_wait(qtbot, window, path)
    sync = window.team_sync
    qtbot.waitUntil(lambda: sync.view.joined, timeout=10_000)
    sync.sync_now(MEMBER_PASSWORD)
    qtbot.waitUntil(lambda: sync.view.state == "conflicts" and window.worker.idle, timeout=20_000)
    window.show_view("conflicts")
    screen = window.screens["conflicts"]
    assert isinstance(screen, ConflictsScreen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=10_000)
    yield window, screen, bob, pid
    bob.close()


def title_in(window, pid: str) -> str:
    with window.workspace.store.read() as session:
        return session.get(Person, pid).title


def converge(qtbot, window, bob) -> None:
    """Sync the window, then Bob, then the window again (until each has seen the other)."""
    sync = window.team_sync
    for step in range(2):
        before = sync.view.last_sync
        sync.sync_now()
        qtbot.waitUntil(
            lambda b=before: sync.view.last_sync != b and window.worker.idle, timeout=20_000
        )
        if step == 0:
            bob.sync()


def test_the_screen_lists_the_conflict_with_both_values_who_and_when(qtbot, conflicted):
    window, screen, _bob, _pid = conflicted
    texts = screen.model.rows[0].texts
    assert texts[RECORD].startswith("C-") and texts[RECORD].endswith("王小明")
    assert texts[FIELD] == "Job title"
    assert (texts[MINE], texts[THEIRS]) == ("总经理", "副总")
    assert texts[BY] == "bob" and texts[WHEN]
    assert screen.count_label.text() in {"1 open conflict", "1 open conflict(s)"}  # plurals: en.qm
    assert screen.stack.currentWidget() is screen.table
    assert screen.keep_theirs_button.isEnabled() and screen.type_button.isEnabled()
    assert window.sidebar.badge("conflicts") == 1


def test_keep_theirs_resolves_it_and_the_next_syncs_converge(qtbot, window, hub, conflicted):
    _window, screen, bob, pid = conflicted
    screen.keep_theirs_button.click()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0 and window.worker.idle, timeout=10_000)
    assert screen.stack.currentWidget() is screen.empty
    assert "No conflicts" in screen.empty.text()
    assert not screen.keep_theirs_button.isEnabled()
    assert title_in(window, pid) == "副总"
    assert "Resolve conflict" in window.undo_action.text()

    converge(qtbot, window, bob)
    assert window.team_sync.view.state == "synced" and window.team_sync.view.conflicts == 0
    assert window.sidebar.badge("conflicts") == 0
    assert bob.ws.team.conflicts() == []
    assert bob.get(Person, pid).title == title_in(window, pid) == "副总"
    assert canonical(Laptop(window.workspace, hub, "alice")) == canonical(bob)


def test_keep_mine_sets_this_laptops_value_everywhere(qtbot, window, conflicted):
    _window, screen, bob, pid = conflicted
    screen.keep_mine_button.click()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0 and window.worker.idle, timeout=10_000)
    assert title_in(window, pid) == "总经理"
    converge(qtbot, window, bob)
    assert bob.get(Person, pid).title == "总经理"
    assert bob.ws.team.conflicts() == []


def test_a_typed_value_resolves_it_and_a_bad_one_is_explained(
    qtbot, window, conflicted, monkeypatch
):
    _window, screen, bob, pid = conflicted
    asked: list[str] = []

    def typed(_parent, _title, label, _echo, start):
        asked.append(start)
        return "董事长", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(typed))
    screen.type_button.click()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0 and window.worker.idle, timeout=10_000)
    assert asked == ["副总"]  # the typing starts from their value
    assert title_in(window, pid) == "董事长"
    converge(qtbot, window, bob)
    assert bob.get(Person, pid).title == "董事长"


def test_without_a_team_the_screen_says_what_it_is_for(qtbot, window, workspace):
    path = workspace.path
    workspace.close(backup_if_changed=False)
    open_and_wait(qtbot, window, path)
    window.show_view("conflicts")
    screen = window.screens["conflicts"]
    qtbot.waitUntil(lambda: "works alone" in screen.empty.text() and window.worker.idle)
    assert screen.stack.currentWidget() is screen.empty
    assert not screen.keep_mine_button.isEnabled() and not screen.type_button.isEnabled()
    assert screen.buttons.isHidden() and screen.hint.isHidden()
    # A change elsewhere does not make it read (nothing it watches).
    assert not screen.watching(ChangeResult(None, entities=frozenset({"follow_ups"})))
    assert screen.watching(ChangeResult(None, entities=frozenset({"sync_conflicts"})))


def test_values_read_as_people_read_them():
    assert value_text("deleted_at", "2026-03-01T10:00:00+00:00") == "deleted"
    assert value_text("deleted_at", None) == "kept"
    assert value_text("amount", Decimal("1234567.50")) == "1,234,567.50"
    assert value_text("amount", "135500.0000") == "135,500.00"  # amounts may come as text
    assert value_text("value", "13800138000") == "13800138000"  # a phone stays as typed
    assert value_text("notes", None) == "(empty)"
    assert value_text("notes", "line one\nline two") == "line one line two"
    assert value_text("owner_id", "u-1", {"u-1": "Bob"}) == "Bob"
    assert value_text("company_id", "c-9") == "another record"
    assert value_text("expected_close", date(2026, 3, 4).isoformat()) == "4 Mar 2026"
    moment = datetime(2020, 1, 2, 3, 4, tzinfo=UTC)
    shown = value_text("last_contacted_at", moment.isoformat())
    assert "2020" in shown and shown != moment.isoformat()  # local time, not ISO text
    assert field_text("people", "title") == "Job title"
    assert field_text("deals", "title") == "Title"
    assert field_text("phones", "value") == "Phone"
    assert field_text("deals", "stage_id") == "Stage"
    assert field_text("people", "photo") == "Photo"


def test_a_refused_typed_value_is_explained(qtbot, window, conflicted, monkeypatch):
    _window, screen, _bob, _pid = conflicted
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text, *a: told.append(text))
    )
    screen._refused(ValidationError("'x' is not a valid value for amount.", field="amount"))
    assert told and "Dates are written 2026-03-31" in told[0]
