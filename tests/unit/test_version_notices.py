# ruff: noqa: F811 - the hub fixtures are imported by name, as pytest finds them
"""Update notices (issue 15): a workspace or a team hub made by a newer Desktop CRM names the
version to install, in the error, the command line's one line and the hub's refusal."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from desktop_crm import __version__
from desktop_crm.cli.commands import main
from desktop_crm.domain.errors import HubError, HubVersionError, SchemaTooNewError
from desktop_crm.hub.setup import init_hub
from desktop_crm.services.team.outbox import pending_count
from desktop_crm.services.workspace.handle import check_workspace, create_workspace, open_workspace
from desktop_crm.services.workspace.reading import open_for_reading
from desktop_crm.services.workspace.writer_mark import mark_written_by
from desktop_crm.store import schema
from tests.hub_fixtures import MEMBER_PASSWORD, first_laptop, hub, pg  # noqa: F401

NEWER = schema.SCHEMA_VERSION + 2
NEWER_APP = "0.3.0"


def written_by(path: Path) -> object:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        row = conn.execute("SELECT value FROM local_state WHERE key = 'written_by'").fetchone()
    return None if row is None else json.loads(row[0])


def digest(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def made_by_a_newer_app(path: Path, record: str | None) -> Path:
    """A workspace as a newer app leaves it: a newer schema, and ``record`` as its writer."""
    create_workspace(path).close(backup_if_changed=False)
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {NEWER}")
        conn.execute("DELETE FROM local_state WHERE key = 'written_by'")
        if record is not None:
            conn.execute("INSERT INTO local_state (key, value) VALUES ('written_by', ?)", (record,))
    with sqlite3.connect(path) as conn:  # everything in the main file: digests compare it all
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def newer_record(app: str = NEWER_APP, schema_number: int = NEWER) -> str:
    return json.dumps({"app": app, "schema": schema_number})


def test_a_new_workspace_records_this_version_and_opening_again_writes_nothing(ws_path):
    create_workspace(ws_path).close(backup_if_changed=False)
    assert written_by(ws_path) == {"app": __version__, "schema": schema.SCHEMA_VERSION}
    ws = open_workspace(ws_path)
    try:
        assert mark_written_by(ws.store) is False  # unchanged: no write
    finally:
        ws.close(backup_if_changed=False)


def test_opening_a_file_an_other_version_wrote_records_this_one(ws_path):
    create_workspace(ws_path).close(backup_if_changed=False)
    with sqlite3.connect(ws_path) as conn:
        conn.execute(
            "UPDATE local_state SET value = ? WHERE key = 'written_by'",
            (json.dumps({"app": "0.0.9", "schema": schema.SCHEMA_VERSION}),),
        )
    open_workspace(ws_path).close(backup_if_changed=False)
    assert written_by(ws_path) == {"app": __version__, "schema": schema.SCHEMA_VERSION}
    with sqlite3.connect(ws_path) as conn:  # a file from before the record: it gets one
        conn.execute("DELETE FROM local_state WHERE key = 'written_by'")
    open_workspace(ws_path).close(backup_if_changed=False)
    assert written_by(ws_path) == {"app": __version__, "schema": schema.SCHEMA_VERSION}


def test_reading_a_file_does_not_record_a_writer(ws_path):
    create_workspace(ws_path).close(backup_if_changed=False)
    with sqlite3.connect(ws_path) as conn:
        conn.execute("DELETE FROM local_state WHERE key = 'written_by'")
    reader = open_for_reading(ws_path)
    reader.close()
    assert written_by(ws_path) is None


def test_a_migration_records_the_version_that_upgraded_the_file(ws_path):
    create_workspace(ws_path).close(backup_if_changed=False)
    schema.downgrade(ws_path, "0011")
    with sqlite3.connect(ws_path) as conn:
        conn.execute(
            "UPDATE local_state SET value = ? WHERE key = 'written_by'",
            (json.dumps({"app": "0.0.9", "schema": 11}),),
        )
    assert schema.read_header(ws_path).user_version == 11
    reader = open_for_reading(ws_path)  # upgrading even for a read: the new schema is ours
    reader.close()
    assert written_by(ws_path) == {"app": __version__, "schema": schema.SCHEMA_VERSION}


def test_a_file_from_a_newer_app_names_the_version_to_install_and_stays_untouched(ws_path):
    made_by_a_newer_app(ws_path, newer_record())
    before = digest(ws_path)
    with pytest.raises(SchemaTooNewError) as caught:
        open_workspace(ws_path)
    assert str(caught.value) == (
        f"{ws_path.name} was last written by Desktop CRM 0.3.0 (this is {__version__}): "
        "install Desktop CRM 0.3.0 or newer to open it; the file was not changed."
    )
    assert caught.value.params["written_by"] == "0.3.0"
    assert caught.value.params["this_version"] == __version__
    assert caught.value.params["found"] == NEWER
    with pytest.raises(SchemaTooNewError, match=r"Desktop CRM 0\.3\.0 or newer"):
        open_for_reading(ws_path)
    report = check_workspace(ws_path)
    assert not report.ok and report.code == "workspace.too_new" and "0.3.0" in report.problem
    assert digest(ws_path) == before


@pytest.mark.parametrize(
    "record",
    [
        None,  # written before the record was kept
        "not json",
        json.dumps(["0.3.0", NEWER]),
        json.dumps({"app": "0.3.0"}),  # no schema: cannot tell it wrote this one
        newer_record(schema_number=NEWER - 1),  # recorded for another schema
        newer_record(app="<b>0.3.0</b> please"),
        newer_record(app=""),
        json.dumps({"app": 3, "schema": NEWER}),
    ],
)
def test_without_a_usable_record_the_message_says_a_newer_version(ws_path, record):
    made_by_a_newer_app(ws_path, record)
    before = digest(ws_path)
    with pytest.raises(SchemaTooNewError) as caught:
        open_workspace(ws_path)
    assert "newer Desktop CRM" in str(caught.value) and "the file was not changed" in str(
        caught.value
    )
    assert caught.value.params["written_by"] is None
    assert digest(ws_path) == before


def test_a_file_without_local_state_is_still_refused_plainly(tmp_path):
    path = tmp_path / "bare.crm"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE people (id)")
        conn.execute(f"PRAGMA application_id = {0x43524D31}")
        conn.execute(f"PRAGMA user_version = {NEWER}")
    with pytest.raises(SchemaTooNewError, match="newer Desktop CRM"):
        schema.classify(path)


def test_the_command_line_says_the_version_in_one_line(ws_path, capsys):
    made_by_a_newer_app(ws_path, newer_record())
    for argv in (["history", ws_path], ["check", ws_path], ["search", ws_path, "x"]):
        code = main([str(a) for a in argv])
        _out, err = capsys.readouterr()
        assert code != 0, argv
        assert err == (
            f"desktop-crm: {ws_path.name} was last written by Desktop CRM 0.3.0 (this is "
            f"{__version__}): install Desktop CRM 0.3.0 or newer to open it; the file was not "
            "changed.\n"
        ), argv


# --- the team hub ---------------------------------------------------------------------------


def hub_meta(hub) -> dict[str, str]:
    with hub.admin() as conn:
        return {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM crm.meta")}


def set_up_by_a_newer_app(hub, app: str | None = NEWER_APP) -> None:
    """The hub as a newer app's ``hub init`` leaves it: a newer schema, and its version."""
    with hub.admin() as conn:
        conn.execute("UPDATE crm.meta SET value = %s WHERE key = 'schema'", (str(NEWER),))
        conn.execute("DELETE FROM crm.meta WHERE key = 'app_version'")
        if app is not None:
            conn.execute("INSERT INTO crm.meta VALUES ('app_version', %s)", (app,))
        conn.commit()


HUB_NEEDS = (
    f"The team hub needs Desktop CRM 0.3.0 or newer (this is {__version__}): update the app. "
    "Your changes wait on this computer."
)


def test_hub_init_records_the_app_version_that_set_the_hub_up(hub):
    assert hub_meta(hub)["app_version"] == __version__
    with hub.admin() as conn:  # again at the same schema, by another version: kept
        assert init_hub(conn, schema.SCHEMA_VERSION, app_version="0.0.9").startswith("up to")
    assert hub_meta(hub)["app_version"] == __version__
    with hub.admin() as conn:  # a hub set up before the record: it gets one
        conn.execute("DELETE FROM crm.meta WHERE key = 'app_version'")
        conn.commit()
        init_hub(conn, schema.SCHEMA_VERSION)
    assert hub_meta(hub)["app_version"] == __version__
    with hub.admin() as conn:  # upgraded to a new schema: the upgrading version is recorded
        assert init_hub(conn, NEWER, app_version=NEWER_APP).startswith("upgraded")
    assert hub_meta(hub)["app_version"] == NEWER_APP and hub_meta(hub)["schema"] == str(NEWER)


def test_a_hub_set_up_by_a_newer_app_names_the_version_to_install(hub, tmp_path):
    laptop = first_laptop(hub, tmp_path, "alice")
    try:
        laptop.add_person("韩梅梅")
        set_up_by_a_newer_app(hub)
        with pytest.raises(HubVersionError) as caught:
            laptop.sync()
        assert str(caught.value) == HUB_NEEDS
        assert caught.value.params["needed"] == NEWER_APP
        assert caught.value.params["this_version"] == __version__
        assert caught.value.params["reason"] == "app_older"
        with laptop.store.read() as session:
            assert pending_count(session) == 1  # the change waits for the update
        needs = r"needs Desktop CRM 0\.3\.0 or newer"
        with laptop.hub.client("alice") as client, pytest.raises(HubVersionError, match=needs):
            client.hello(None, schema.SCHEMA_VERSION)  # as joining asks
    finally:
        laptop.close()


@pytest.mark.parametrize("app", [None, "", "0.3.0; DROP TABLE people", "x" * 80, __version__])
def test_a_hub_that_does_not_say_its_version_is_refused_as_before(hub, tmp_path, app):
    laptop = first_laptop(hub, tmp_path, "alice")
    try:
        set_up_by_a_newer_app(hub, app)
        with pytest.raises(HubVersionError) as caught:
            laptop.sync()
        assert str(caught.value).startswith("Update the app: this hub needs Desktop CRM with")
        assert caught.value.params["needed"] is None
    finally:
        laptop.close()


def test_an_older_hub_still_says_to_run_hub_init(hub, tmp_path):
    laptop = first_laptop(hub, tmp_path, "alice")
    try:
        with hub.admin() as conn:
            conn.execute(
                "UPDATE crm.meta SET value = %s WHERE key = 'schema'",
                (str(schema.SCHEMA_VERSION - 1),),
            )
            conn.commit()
        with pytest.raises(HubVersionError, match="hub init") as caught:
            laptop.sync()
        assert caught.value.params["reason"] == "hub_older"
        assert "needed" not in caught.value.params
    finally:
        laptop.close()


def test_hub_init_refuses_a_newer_hub_naming_the_version_and_changes_nothing(hub):
    set_up_by_a_newer_app(hub)
    before = hub_meta(hub)
    with hub.admin() as conn, pytest.raises(HubError) as caught:
        init_hub(conn, schema.SCHEMA_VERSION)
    assert str(caught.value) == (
        f"The team hub needs Desktop CRM 0.3.0 or newer (this is {__version__}): update the "
        "app to set it up; the hub was not changed."
    )
    assert caught.value.params["reason"] == "hub_newer"
    assert caught.value.params["needed"] == NEWER_APP
    assert hub_meta(hub) == before
    set_up_by_a_newer_app(hub, None)
    with hub.admin() as conn, pytest.raises(HubError, match="newer Desktop CRM") as caught:
        init_hub(conn, schema.SCHEMA_VERSION)
    assert caught.value.params["needed"] is None


def test_sync_and_hub_init_on_the_command_line_say_the_version_in_one_line(
    hub, tmp_path, monkeypatch, capsys
):
    from tests.hub import server as hub_server

    laptop = first_laptop(hub, tmp_path, "alice")
    laptop.add_person("李雷")
    path = laptop.ws.path
    laptop.close()
    set_up_by_a_newer_app(hub)
    monkeypatch.setenv("DESKTOP_CRM_HUB_PASSWORD", MEMBER_PASSWORD)
    code = main(["sync", str(path)])
    out, err = capsys.readouterr()
    assert code == 1 and out == "" and err == f"desktop-crm: {HUB_NEEDS}\n"
    monkeypatch.setenv("DESKTOP_CRM_HUB_PASSWORD", hub_server.ADMIN_PASSWORD)
    code = main(["hub", "init", hub.url, "--user", hub_server.ADMIN])
    out, err = capsys.readouterr()
    assert code == 1 and err.count("\n") == 1
    assert "needs Desktop CRM 0.3.0 or newer" in err and "not changed" in err
    ws = open_workspace(path)
    try:
        with ws.store.read() as session:
            assert pending_count(session) == 1
    finally:
        ws.close(backup_if_changed=False)
