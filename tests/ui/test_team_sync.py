# ruff: noqa: F811 - the hub fixtures are imported by name, as pytest finds them
"""Team sync in the window against a real PostgreSQL hub: the status-bar indicator, background
syncs after opening and after a local change, a pulled change refreshing only what it touched,
offline without a word, a refusal told once."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.team.password import PASSWORD_ENV
from desktop_crm.services.team.state import read_link, write_link
from desktop_crm.store.models import Person
from tests.hub_fixtures import (  # noqa: F401
    MEMBER_PASSWORD,
    Laptop,
    first_laptop,
    hub,
    joining_laptop,
    pg,
)
from tests.ui.conftest import open_and_wait


@pytest.fixture
def team(hub, tmp_path):
    """Alice's laptop (closed, to open in the window) and Bob's, sharing one person."""
    alice = first_laptop(hub, tmp_path, "alice")
    pid = alice.add_person("王小明", title="经理")
    alice.sync()
    bob = joining_laptop(hub, tmp_path, "bob")
    bob.sync()
    alice.sync()
    path = alice.ws.path
    alice.close()
    yield path, bob, pid
    bob.close()


def indicator_text(window) -> str:
    return window.team_sync.indicator.text()


def edit_in_window(qtbot, window, hub, pid: str, **fields) -> None:
    """Change a person in the window's workspace on the writer, then report it as editors do."""
    laptop = Laptop(window.workspace, hub, "alice")
    done: list[bool] = []
    window.worker.submit(lambda: laptop.edit(Person, pid, **fields), lambda _r: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    window.apply_changes(ChangeResult(None, updated=1, entities=frozenset({"people"}), ids=(pid,)))


def title_in_window(window, pid: str) -> str:
    with window.workspace.store.read() as session:
        return session.get(Person, pid).title


def visible_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_a_workspace_working_alone_shows_no_indicator_and_never_syncs(qtbot, window, workspace):
    path = workspace.path
    workspace.close(backup_if_changed=False)
    window.team_sync.enable()
    open_and_wait(qtbot, window, path)
    qtbot.wait(300)
    assert window.worker.idle
    assert not window.team_sync.view.joined
    assert window.team_sync.indicator.isHidden()
    window.team_sync.sync_now("x")  # nothing to sync with
    assert window.worker.idle and window.team_sync.view.state == "alone"


def test_the_indicator_says_synced_changes_waiting_then_one_conflict(qtbot, window, hub, team):
    path, bob, pid = team
    open_and_wait(qtbot, window, path)
    sync = window.team_sync
    qtbot.waitUntil(lambda: sync.view.joined, timeout=10_000)
    assert sync.indicator.isVisible()
    assert sync.view.user == "alice" and hub.database in (sync.view.url or "")
    before = sync.view.last_sync

    sync.sync_now(MEMBER_PASSWORD)
    qtbot.waitUntil(lambda: sync.view.state == "synced" and window.worker.idle, timeout=20_000)
    assert indicator_text(window).startswith("Synced")
    assert sync.view.last_sync is not None and (before is None or sync.view.last_sync > before)
    assert "Last sync:" in sync.indicator.toolTip() and "alice" in sync.indicator.toolTip()

    # Not enabled (as in a test or a screenshot): a local change waits, and says so.
    edit_in_window(qtbot, window, hub, pid, title="总经理")
    qtbot.waitUntil(lambda: sync.view.state == "pending", timeout=10_000)
    assert indicator_text(window) == "Changes waiting"
    assert sync.view.pending >= 1

    bob.edit(Person, pid, title="副总")
    bob.sync()
    sync.sync_now()  # the password typed for this run is still known
    qtbot.waitUntil(lambda: sync.view.state == "conflicts" and window.worker.idle, timeout=20_000)
    assert "1 conflict" in indicator_text(window)
    assert window.sidebar.badge("conflicts") == 1
    assert not visible_boxes()

    sync.indicator.click()
    assert window.current_view() == "conflicts"


def test_enabled_it_syncs_after_opening_and_soon_after_a_local_change(
    qtbot, window, hub, team, monkeypatch
):
    path, bob, pid = team
    monkeypatch.setenv(PASSWORD_ENV, MEMBER_PASSWORD)
    bob.edit(Person, pid, notes="喜欢喝茶")
    bob.sync()
    applied: list[ChangeResult] = []
    real_apply = window.apply_changes

    def recording(changes: ChangeResult) -> None:
        applied.append(changes)
        real_apply(changes)

    monkeypatch.setattr(window, "apply_changes", recording)
    sync = window.team_sync
    sync.enable()
    sync.after_change_ms = 200
    open_and_wait(qtbot, window, path)
    # The first sync comes by itself shortly after opening, and pulls Bob's note.
    qtbot.waitUntil(lambda: any(pid in c.ids for c in applied), timeout=20_000)
    qtbot.waitUntil(lambda: sync.view.state == "synced", timeout=20_000)
    with window.workspace.store.read() as session:
        assert session.get(Person, pid).notes == "喜欢喝茶"
    pulled = [c for c in applied if pid in c.ids]
    assert pulled and "people" in pulled[0].entities  # only the screens showing people reload
    assert "sync_conflicts" not in pulled[0].entities

    first = sync.view.last_sync
    assert first is not None
    edit_in_window(qtbot, window, hub, pid, title="总经理")
    qtbot.waitUntil(
        lambda: (
            sync.view.last_sync is not None
            and sync.view.last_sync > first
            and sync.view.state == "synced"
            and window.worker.idle
        ),
        timeout=20_000,
    )
    assert sync.view.pending == 0
    bob.sync()
    assert bob.get(Person, pid).title == "总经理"


def joined_to_a_closed_port(hub, tmp_path: Path) -> Path:
    """A joined workspace whose hub address now names a port nobody listens on."""
    import socket

    alice = first_laptop(hub, tmp_path, "alice")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with alice.store.unit_of_work("test: hub moved", "system") as (session, _rec):
        link = read_link(session)
        write_link(session, dataclasses.replace(link, url=f"postgresql://127.0.0.1:{port}/gone"))
    path = alice.ws.path
    alice.close()
    return path


def test_an_unreachable_hub_shows_offline_and_nothing_else(
    qtbot, window, hub, tmp_path, monkeypatch
):
    path = joined_to_a_closed_port(hub, tmp_path)
    monkeypatch.setenv(PASSWORD_ENV, MEMBER_PASSWORD)
    sync = window.team_sync
    sync.enable()
    open_and_wait(qtbot, window, path)
    qtbot.waitUntil(lambda: sync.view.state == "offline", timeout=20_000)
    assert indicator_text(window) == "Offline"
    assert "cannot be reached" in sync.indicator.toolTip()
    assert sync.notice is None and not visible_boxes()

    # Known offline, the next try asks the port off the writer first: still offline, quietly.
    sync.sync_now()
    assert sync.view.state == "syncing"
    qtbot.waitUntil(lambda: sync.view.state == "offline", timeout=10_000)
    assert sync.notice is None and not visible_boxes()

    # Closing the workspace stops it: no indicator, no more tries.
    window.close()
    qtbot.waitUntil(lambda: window.workspace is None and window.worker.idle, timeout=20_000)
    assert sync.indicator.isHidden() and not sync.view.joined


def test_a_refused_password_is_said_once_without_blocking_the_window(qtbot, window, team):
    path, _bob, _pid = team
    open_and_wait(qtbot, window, path)
    sync = window.team_sync
    qtbot.waitUntil(lambda: sync.view.joined, timeout=10_000)
    sync.sync_now("wrong password")
    qtbot.waitUntil(lambda: sync.view.state == "refused", timeout=20_000)
    assert indicator_text(window) == "Sync refused"
    assert "refused this user name or password" in sync.indicator.toolTip()
    notice = sync.notice
    assert notice is not None and notice.isVisible() and not notice.isModal()
    assert window.isEnabled()  # the window goes on working beside the message
    notice.close()

    sync.sync_now()
    qtbot.waitUntil(lambda: sync.view.state == "refused" and window.worker.idle, timeout=20_000)
    assert not visible_boxes()  # told once per run

    sync.sync_now(MEMBER_PASSWORD)  # the right one: synced again
    qtbot.waitUntil(lambda: sync.view.state == "synced", timeout=20_000)
    assert sync.view.message == ""
