"""``desktop-crm followups``: JSON fields, both ends included, statuses, one-line errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from desktop_crm.cli import main
from desktop_crm.domain.vocab import ActivityKind
from desktop_crm.services.followups.dto import FollowUpDraft
from desktop_crm.services.workspace.handle import Workspace, create_workspace, open_workspace
from tests import drafts

FIELDS = [
    "id",
    "due_on",
    "due_at",
    "time",
    "kind",
    "subject",
    "status",
    "overdue",
    "person",
    "company",
    "deal",
    "owner",
    "phone",
    "repeat",
]
PAST = date(2020, 3, 2)  # overdue whenever the tests run
FUTURE = date(2099, 3, 2)


def run(capsys, *args):
    try:
        code = main([str(a) for a in args])
    except SystemExit as stop:  # argparse's own errors
        code = stop.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def planned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, dict]]:
    """A closed workspace with follow-ups around PAST and FUTURE; the machine in Shanghai."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    path = tmp_path / "calls.crm"
    ws = create_workspace(path, "zh")
    try:
        company = ws.people.save_company(drafts.company("远山设计")).ids[0]
        person = ws.people.save(
            drafts.person("王芳", phones=[("mobile", "138 0013 8000")], company_id=company)
        ).ids[0]

        def plan(**kw) -> str:
            values = {"subject": "回访", "due_on": PAST, "person_id": person} | kw
            return ws.followups.plan(FollowUpDraft(**values)).ids[0]

        ids = {
            "before": plan(due_on=PAST - timedelta(days=1), subject="前一天"),
            "timed": plan(
                due_time=time(9, 30), zone="Asia/Shanghai", subject="电话", repeat="weekly"
            ),
            "all_day": plan(kind=ActivityKind.VISIT, subject="拜访"),
            "last": plan(due_on=PAST + timedelta(days=2), subject="最后一天"),
            "after": plan(due_on=PAST + timedelta(days=3), subject="之后"),
            "future": plan(due_on=FUTURE, subject="将来", company_id=company, person_id=None),
            "done": plan(due_on=PAST + timedelta(days=1), subject="已完成"),
            "cancelled": plan(due_on=PAST + timedelta(days=1), subject="已取消"),
        }
        ws.followups.complete(ids["done"], "谈妥了")
        ws.followups.cancel(ids["cancelled"])
    finally:
        ws.close(backup_if_changed=False)
    yield path, ids


def test_json_lists_planned_ones_due_between_both_ends_included(planned, capsys):
    path, ids = planned
    code, out, err = run(
        capsys, "followups", path, "--from", PAST, "--to", PAST + timedelta(days=2), "--json"
    )
    assert (code, err) == (0, "")
    listed = json.loads(out)
    assert [item["id"] for item in listed] == [ids["all_day"], ids["timed"], ids["last"]]
    assert all(list(item) == FIELDS for item in listed)
    all_day, timed, _ = listed
    assert all_day == {
        "id": ids["all_day"],
        "due_on": "2020-03-02",
        "due_at": None,
        "time": None,
        "kind": "visit",
        "subject": "拜访",
        "status": "planned",
        "overdue": True,
        "person": "王芳",
        "company": "远山设计",
        "deal": "",
        "owner": all_day["owner"],
        "phone": "138 0013 8000",
        "repeat": None,
    }
    assert all_day["owner"]  # the local user
    assert (timed["due_at"], timed["time"], timed["repeat"]) == (
        "2020-03-02T01:30:00+00:00",
        "09:30",
        "FREQ=WEEKLY;INTERVAL=1",
    )


def test_times_are_local_to_the_machine_zone(planned, capsys, monkeypatch):
    path, ids = planned
    monkeypatch.setenv("TZ", "Europe/Berlin")
    code, out, _ = run(capsys, "followups", path, "--from", PAST, "--to", PAST, "--json")
    timed = next(item for item in json.loads(out) if item["id"] == ids["timed"])
    assert (code, timed["due_at"], timed["time"]) == (0, "2020-03-02T01:30:00+00:00", "02:30")


def test_statuses_and_open_ends(planned, capsys):
    path, ids = planned

    def listed(*extra) -> list[str]:
        code, out, err = run(capsys, "followups", path, *extra, "--json")
        assert (code, err) == (0, "")
        return [item["id"] for item in json.loads(out)]

    assert listed("--status", "done") == [ids["done"]]
    assert listed("--status", "cancelled") == [ids["cancelled"]]
    assert listed("--from", FUTURE) == [ids["future"]]
    assert listed("--to", PAST - timedelta(days=1)) == [ids["before"]]
    assert len(listed()) == 6  # planned, every day
    assert len(listed("--status", "all")) == 8
    _, out, _ = run(capsys, "followups", path, "--status", "done", "--json")
    (done,) = json.loads(out)
    assert (done["status"], done["overdue"]) == ("done", False)  # past, not late
    _, out, _ = run(capsys, "followups", path, "--from", FUTURE, "--json")
    (future,) = json.loads(out)
    assert (future["person"], future["company"], future["overdue"]) == ("", "远山设计", False)


def test_text_table_and_nothing_found(planned, capsys):
    path, _ = planned
    code, out, err = run(capsys, "followups", path, "--from", PAST, "--to", PAST)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["Due", "Time", "Kind", "Subject"]
    assert "09:30" in lines[2] and "电话" in lines[2] and "138 0013 8000" in lines[2]
    assert "拜访" in lines[1] and "overdue" in lines[1]
    code, out, _ = run(capsys, "followups", path, "--from", "2030-01-01", "--to", "2030-01-31")
    assert (code, out) == (0, "No follow-ups.\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2020-13-01"], "--from “2020-13-01” is not a date (YYYY-MM-DD)"),
        (["--to", "tomorrow"], "--to “tomorrow” is not a date (YYYY-MM-DD)"),
        (["--from", "2020-03-05", "--to", "2020-03-01"], "--to 2020-03-01 is before --from"),
        (["--status", "late"], "invalid choice"),
    ],
)
def test_bad_arguments_are_one_line_errors_with_exit_2(planned, capsys, args, message):
    path, _ = planned
    code, out, err = run(capsys, "followups", path, *args, "--json")
    assert (code, out) == (2, "")
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_missing_workspace_is_a_one_line_error(tmp_path, capsys):
    code, out, err = run(capsys, "followups", tmp_path / "none.crm", "--json")
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1


def test_works_while_the_app_holds_the_workspace(planned, capsys):
    path, ids = planned
    app: Workspace = open_workspace(path)  # holds the lock, as the app does
    try:
        company = app.followups.get(ids["future"]).company_id
        app.followups.plan(FollowUpDraft("刚计划", FUTURE + timedelta(days=1), company_id=company))
        code, out, err = run(capsys, "followups", path, "--from", FUTURE, "--json")
    finally:
        app.close(backup_if_changed=False)
    assert (code, err) == (0, "")
    assert [item["subject"] for item in json.loads(out)] == ["将来", "刚计划"]
