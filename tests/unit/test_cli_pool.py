"""``desktop-crm pool`` and ``desktop-crm recycle`` on real workspace files.

The commands read the system's clock: the workspace is written with a clock ten days back, so
its claims and contacts are ten days old when the commands run.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_crm.cli.commands import main
from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.vocab import ActivityKind, ContactStatus, Level
from desktop_crm.services.workspace.handle import create_workspace, open_workspace
from desktop_crm.store.lock import WorkspaceLock
from tests import drafts

POOL_FIELDS = [
    "kind",
    "id",
    "number",
    "name",
    "company",
    "level",
    "status",
    "last_contact",
    "phone",
]
RETURNED_FIELDS = ["kind", "id", "number", "name", "owner", "rule_days"]


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def pool_file(ws_path: Path) -> tuple[Path, dict[str, str], datetime]:
    """A closed workspace: two records in the pool, two held and due back, one held and not."""
    then = datetime.now(UTC) - timedelta(days=10)
    ws = create_workspace(ws_path, "zh", FixedClock(then))
    try:
        ws.settings.update({"pool.rules": [{"level": "A", "days": 7}]})
        ids = {
            "pooled": ws.people.save(
                drafts.person("张伟", phones=[("手机", "138 0013 8000")], company_name="云启科技")
            ).ids[0],
            "claimed": ws.people.save(drafts.person("李娜", level=Level.A)).ids[0],
            "contacted": ws.people.save(drafts.person("王芳", level=Level.A)).ids[0],
            "kept": ws.people.save(drafts.person("赵敏", level=Level.B)).ids[0],
        }
        ws.pool.release("person", ids["pooled"])
        ws.pool.release("person", ids["claimed"])
        ws.pool.claim("person", ids["claimed"])  # claimed ten days ago
        ws.cards.log_activity("person", ids["contacted"], ActivityKind.CALL, occurred_at=then)
    finally:
        ws.close(backup_if_changed=False)
    return ws_path, ids, then


def pool_json(capsys: pytest.CaptureFixture[str], path: Path) -> list[dict[str, object]]:
    code, out, err = run(capsys, "pool", path, "--json")
    assert (code, err) == (0, "")
    listed: list[dict[str, object]] = json.loads(out)
    return listed


def test_pool_lists_the_records_nobody_holds(pool_file, capsys):
    path, ids, _then = pool_file
    [item] = pool_json(capsys, path)
    assert list(item) == POOL_FIELDS
    assert item == {
        "kind": "person",
        "id": ids["pooled"],
        "number": item["number"],
        "name": "张伟",
        "company": "云启科技",
        "level": None,
        "status": ContactStatus.LEAD.value,
        "last_contact": None,
        "phone": "138 0013 8000",
    }
    assert isinstance(item["number"], str) and item["number"]
    code, out, _ = run(capsys, "pool", path)
    assert code == 0 and "张伟" in out and "云启科技" in out and "138 0013 8000" in out


def test_recycle_dry_run_then_for_real_then_again(pool_file, capsys):
    path, ids, then = pool_file
    code, out, err = run(capsys, "recycle", path, "--dry-run", "--json")
    assert (code, err) == (0, "")
    dry = json.loads(out)
    assert dry["count"] == 2 and dry["operation_id"] is None
    assert {r["id"] for r in dry["returned"]} == {ids["claimed"], ids["contacted"]}
    assert len(pool_json(capsys, path)) == 1  # nothing changed

    code, out, err = run(capsys, "recycle", path, "--json")
    assert (code, err) == (0, "")
    done = json.loads(out)
    assert list(done) == ["returned", "count", "operation_id"]
    assert done["count"] == 2 and done["operation_id"]
    assert all(list(r) == RETURNED_FIELDS for r in done["returned"])
    assert {(r["name"], r["rule_days"], r["kind"]) for r in done["returned"]} == {
        ("李娜", 7, "person"),
        ("王芳", 7, "person"),
    }
    assert all(r["owner"] for r in done["returned"])
    listed = {item["id"]: item for item in pool_json(capsys, path)}
    assert set(listed) == {ids["pooled"], ids["claimed"], ids["contacted"]}
    assert listed[ids["contacted"]]["last_contact"] == then.isoformat()

    code, out, _ = run(capsys, "recycle", path)
    assert (code, out.strip()) == (0, "Nothing is due back in the pool.")

    code, out, err = run(capsys, "undo", path, done["operation_id"], "--yes")
    assert code == 0, err
    assert [item["id"] for item in pool_json(capsys, path)] == [ids["pooled"]]
    ws = open_workspace(path)
    try:
        assert ws.pool.held() == 4  # back with their owner (and 赵敏, and the company)
    finally:
        ws.close(backup_if_changed=False)


def test_recycle_text_output(pool_file, capsys):
    path, _ids, _then = pool_file
    code, out, _ = run(capsys, "recycle", path, "--dry-run")
    assert code == 0 and out.startswith("Would return 2 records to the pool.")
    code, out, _ = run(capsys, "recycle", path)
    lines = out.splitlines()
    assert code == 0 and lines[0] == "Returned 2 records to the pool."
    assert any("李娜" in line and line.rstrip().endswith("7") for line in lines)
    assert lines[-1].startswith("Operation ") and "undo" in lines[-1]


def test_reading_works_while_the_app_holds_the_file_and_recycling_does_not(pool_file, capsys):
    path, ids, _then = pool_file
    lock = WorkspaceLock(path)
    lock.acquire()
    try:
        assert [item["id"] for item in pool_json(capsys, path)] == [ids["pooled"]]
        code, out, _ = run(capsys, "recycle", path, "--dry-run", "--json")
        assert code == 0 and json.loads(out)["count"] == 2
        code, out, err = run(capsys, "recycle", path, "--json")
        assert code == 1 and out == "" and "already open" in err
        assert err.startswith("desktop-crm: ") and err.count("\n") == 1
    finally:
        lock.release()


def test_one_line_errors(tmp_path, capsys):
    for command in ("pool", "recycle"):
        code, out, err = run(capsys, command, tmp_path / "missing.crm")
        assert code == 1 and out == "" and err.startswith("desktop-crm: ")
        assert err.count("\n") == 1 and "Traceback" not in err
    empty = tmp_path / "empty.crm"
    create_workspace(empty).close(backup_if_changed=False)
    code, out, _ = run(capsys, "pool", empty)
    assert (code, out.strip()) == (0, "The pool is empty.")
    code, out, _ = run(capsys, "pool", empty, "--json")
    assert (code, json.loads(out)) == (0, [])
