"""The team mode CLI on a real hub: hub init, join, sync, conflicts, resolve (issue 14)."""

from __future__ import annotations

import json

import psycopg
import pytest

from desktop_crm.cli.commands import main
from desktop_crm.services.workspace.handle import create_workspace, open_workspace
from desktop_crm.store.models import Person
from tests import drafts
from tests.conftest import TODAY
from tests.hub import server as hub_server
from tests.hub_fixtures import MEMBER_PASSWORD


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def empty_db(pg):
    with psycopg.connect(pg.admin_dsn(), autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS cli_hub WITH (FORCE)")
        conn.execute("CREATE DATABASE cli_hub")
    return pg.url("cli_hub")


def test_hub_init_is_idempotent_and_needs_the_admins_password(empty_db, monkeypatch, capsys):
    monkeypatch.setenv("DESKTOP_CRM_HUB_PASSWORD", "wrong")
    code, _out, err = run(capsys, "hub", "init", empty_db, "--user", hub_server.ADMIN)
    assert code == 1 and err.count("\n") == 1 and "wrong user or password" in err
    monkeypatch.setenv("DESKTOP_CRM_HUB_PASSWORD", hub_server.ADMIN_PASSWORD)
    assert run(capsys, "hub", "init", empty_db, "--user", hub_server.ADMIN)[1].startswith(
        "Hub created"
    )
    assert "up to date" in run(capsys, "hub", "init", empty_db, "--user", hub_server.ADMIN)[1]
    monkeypatch.setenv("DESKTOP_CRM_NEW_MEMBER_PASSWORD", "pw-dana")
    code, out, _err = run(capsys, "hub", "add-user", empty_db, "dana", "--user", hub_server.ADMIN)
    assert code == 0 and "dana" in out


def test_join_sync_conflicts_resolve_from_the_command_line(hub, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DESKTOP_CRM_HUB_PASSWORD", MEMBER_PASSWORD)
    first, second = tmp_path / "alice.crm", tmp_path / "bob.crm"
    ws = create_workspace(first)
    pid = ws.people.save(drafts.person("李雷", title="A"), today=TODAY).ids[0]
    ws.close(backup_if_changed=False)
    code, out, _ = run(capsys, "join", first, hub.url, "--user", "alice", "--json")
    assert code == 0 and json.loads(out)["uploaded"] > 0
    code, out, _ = run(capsys, "join", second, hub.url, "--user", "bob")
    assert code == 0 and "bob.crm" in out
    # The same field edited on both, offline: through the scripted edit command.
    number = _number(first, pid)
    assert run(capsys, "edit", first, number, "title=甲")[0] == 0
    assert run(capsys, "edit", second, number, "title=乙")[0] == 0
    code, out, _ = run(capsys, "sync", first, "--json")
    assert code == 0 and json.loads(out)["pushed"] >= 1
    code, out, _ = run(capsys, "sync", second, "--json")
    report = json.loads(out)
    assert report["conflicts"] == 1
    code, out, _ = run(capsys, "conflicts", second, "--json")
    [conflict] = json.loads(out)
    assert set(conflict) == {
        "id",
        "number",
        "field",
        "mine",
        "theirs",
        "base",
        "changed_by",
        "changed_at",
    }
    assert (conflict["number"], conflict["field"], conflict["mine"], conflict["theirs"]) == (
        number,
        "title",
        "乙",
        "甲",
    )
    assert conflict["base"] == "A" and conflict["changed_by"] == "alice"
    code, _out, err = run(capsys, "resolve", second, conflict["id"][:8])
    assert code == 2 and err.count("\n") == 1
    assert run(capsys, "resolve", second, conflict["id"][:8], "mine")[0] == 0
    assert run(capsys, "sync", second)[0] == 0
    code, out, _ = run(capsys, "sync", first)
    assert out.startswith("pushed 0, pulled")
    assert json.loads(run(capsys, "conflicts", first, "--json")[1]) == []
    shown = json.loads(run(capsys, "show", first, number, "--json")[1])
    assert shown["fields"]["title"] == "乙"


def _number(path, pid):
    ws = open_workspace(path)
    try:
        with ws.store.read() as session:
            return session.get(Person, pid).number
    finally:
        ws.close(backup_if_changed=False)


def test_errors_are_one_line(hub, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DESKTOP_CRM_HUB_PASSWORD", MEMBER_PASSWORD)
    ws = create_workspace(tmp_path / "solo.crm")
    ws.close(backup_if_changed=False)
    code, _out, err = run(capsys, "sync", tmp_path / "solo.crm")
    assert code == 1 and err == "desktop-crm: This workspace has not joined a team hub.\n"
    code, _out, err = run(capsys, "join", tmp_path / "new.crm", hub.url, "--user", "alice")
    assert code == 1 and "empty" in err and err.count("\n") == 1
    code, _out, err = run(
        capsys, "join", tmp_path / "solo.crm", "postgresql://127.0.0.1:1/nowhere", "--user", "x"
    )
    assert code == 1 and "cannot be reached" in err and err.count("\n") == 1
    code, _out, err = run(
        capsys, "join", tmp_path / "solo.crm", "postgresql://u:p@h/db", "--user", "x"
    )
    assert code == 1 and "not in the address" in err
