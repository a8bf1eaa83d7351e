"""``desktop-crm today``: every Today list as at a moment, on a real workspace file."""

from __future__ import annotations

import hashlib
import json
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from desktop_crm.cli.commands import main
from desktop_crm.domain.vocab import ActivityKind, ContactStatus, Level
from desktop_crm.services.workspace.handle import create_workspace, open_workspace
from tests import drafts
from tests.unit.test_today_lists import MONDAY, at, days_ago, deal, plan, stages

KEYS = [
    "overdue",
    "due_today",
    "next_7_days",
    "stale_customers",
    "stale_deals",
    "returning_to_pool",
    "overdue_instalments",
    "birthdays",
]
FOLLOW_UP_FIELDS = {
    "id", "kind", "subject", "due_on", "due_at", "zone", "overdue", "remind_at", "repeat",
    "person_id", "person", "company_id", "company", "deal_id", "deal", "owner_id", "owner",
    "phone", "notes",
}  # fmt: skip
ITEM_FIELDS = {
    "stale_customers": {
        "kind", "id", "name", "level", "last_contacted_at", "days_waited", "limit_days",
        "phone", "owner_id", "owner",
    },
    "stale_deals": {
        "id", "number", "title", "company_id", "company", "person_id", "person", "stage_id",
        "stage", "entered_stage_at", "days_in_stage", "rotting_days", "amount", "currency",
        "owner_id", "owner",
    },
    "returning_to_pool": {"kind", "id", "name", "owner", "returns_on", "days_left"},
    "overdue_instalments": {
        "contract_id", "contract_number", "customer", "due_on", "unpaid", "currency",
        "days_overdue",
    },
    "birthdays": {"id", "name", "birthday", "on", "age", "phone"},
}  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def today_json(capsys: pytest.CaptureFixture[str], path: Path, *extra: str) -> dict[str, Any]:
    code, out, err = run(capsys, "today", path, "--json", *extra)
    assert code == 0, err
    found: dict[str, Any] = json.loads(out)
    return found


def subjects(found: dict[str, Any]) -> dict[str, list[str]]:
    return {key: [item["subject"] for item in found[key]] for key in KEYS[:3]}


@pytest.fixture
def filled(ws_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace with follow-ups, a stale customer, a rotting deal and a birthday."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    ws = create_workspace(ws_path)
    try:
        pid = ws.people.save(
            drafts.person(
                "王芳",
                status=ContactStatus.CUSTOMER,
                level=Level.A,
                birthday=date(1990, 11, 25),
                phones=[("mobile", "138 0013 8000")],
            )
        ).ids[0]
        ws.cards.log_activity(
            "person", pid, ActivityKind.CALL, occurred_at=at(MONDAY - timedelta(days=9), 10)
        )
        plan(ws, "timed", MONDAY, time(15, 30), person_id=pid)
        plan(ws, "all day", MONDAY)
        plan(ws, "next week", MONDAY + timedelta(days=3), time(22, 30))
        s = stages(ws, {"Qualified": 5})
        deal(ws, "网站改版", s["Qualified"], [(None, s["Qualified"], days_ago(8))], number="D-7")
    finally:
        ws.close(backup_if_changed=False)
    return ws_path


def test_json_is_an_object_of_the_eight_lists(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = today_json(capsys, filled, "--at", "2026-11-23T15:30:00+08:00")
    assert list(found) == KEYS
    assert subjects(found) == {
        "overdue": ["timed"],
        "due_today": ["all day"],
        "next_7_days": ["next week"],
    }
    (timed,) = found["overdue"]
    assert set(timed) == FOLLOW_UP_FIELDS
    assert timed["due_at"] == "2026-11-23T07:30:00+00:00" and timed["due_on"] == "2026-11-23"
    assert (timed["person"], timed["phone"], timed["overdue"]) == ("王芳", "138 0013 8000", True)
    assert found["due_today"][0]["due_at"] is None
    (customer,) = found["stale_customers"]
    assert set(customer) == ITEM_FIELDS["stale_customers"]
    assert (customer["name"], customer["days_waited"], customer["limit_days"]) == ("王芳", 9, 7)
    assert customer["last_contacted_at"] == "2026-11-14T02:00:00+00:00"
    (rotting,) = found["stale_deals"]
    assert set(rotting) == ITEM_FIELDS["stale_deals"]
    assert (rotting["number"], rotting["days_in_stage"], rotting["rotting_days"]) == ("D-7", 8, 5)
    assert rotting["amount"] == "12800.50" and rotting["currency"] == "CNY"
    (birthday,) = found["birthdays"]
    assert set(birthday) == ITEM_FIELDS["birthdays"]
    assert birthday["on"] == "2026-11-25" and birthday["birthday"] == "1990-11-25"
    assert birthday["age"] == 36
    assert found["returning_to_pool"] == [] and found["overdue_instalments"] == []


def test_at_with_z_or_an_offset_is_one_moment(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = subjects(today_json(capsys, filled, "--at", "2026-11-23T07:29:59Z"))
    assert before["overdue"] == [] and before["due_today"] == ["all day", "timed"]
    assert subjects(today_json(capsys, filled, "--at", "2026-11-23T07:30Z")) == subjects(
        today_json(capsys, filled, "--at", "2026-11-23T02:30:00-05:00")
    )
    after = subjects(today_json(capsys, filled, "--at", "2026-11-24T00:00+08:00"))
    assert after["overdue"] == ["all day", "timed"]


def test_a_naive_at_is_local_time_in_tz(
    filled: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # 10:00 in Shanghai is before the 15:30 call; 10:00 in New York is 23:00 in Shanghai.
    assert subjects(today_json(capsys, filled, "--at", "2026-11-23T10:00"))["overdue"] == []
    monkeypatch.setenv("TZ", "America/New_York")
    found = subjects(today_json(capsys, filled, "--at", "2026-11-23T10:00"))
    assert found["overdue"] == ["timed"]
    # The all-day one is due on Monday in New York until its midnight (a date is its midnight).
    assert found["due_today"] == ["all day"]
    assert subjects(today_json(capsys, filled, "--at", "2026-11-24"))["overdue"] == [
        "all day",
        "timed",
    ]


@pytest.mark.parametrize("value", ["tomorrow", "2026-13-01", "23/11/2026 10:00", ""])
def test_a_bad_at_is_one_line_and_exit_2(
    filled: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    code, out, err = run(capsys, "today", filled, "--at", value, "--json")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "--at" in err and "Traceback" not in err


def test_works_while_the_app_holds_the_file_and_changes_nothing(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    digest = hashlib.sha256(filled.read_bytes()).hexdigest()
    ws = open_workspace(filled)  # the app: holds the lock
    try:
        found = today_json(capsys, filled, "--at", "2026-11-23T15:30+08:00")
        assert [i["subject"] for i in found["overdue"]] == ["timed"]
    finally:
        ws.close(backup_if_changed=False)
    code, _out, err = run(capsys, "today", filled)
    assert code == 0, err
    assert hashlib.sha256(filled.read_bytes()).hexdigest() == digest


def test_text_output_is_a_readable_summary(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "today", filled, "--at", "2026-11-23T15:30+08:00")
    assert code == 0
    assert "Today Mon 2026-11-23, as at 15:30 (Asia/Shanghai)." in out
    assert "Overdue: 1\n  2026-11-23 15:30  call     timed — 王芳 · 138 0013 8000" in out
    assert "Stale customers: 1\n  王芳 (A): 9 days without contact, limit 7" in out
    assert "Stale deals: 1\n  D-7 网站改版 (-): 8 days in Qualified, limit 5; 12800.50 CNY" in out
    assert "Birthdays: 1\n  Wed 11-25  王芳 turns 36 · 138 0013 8000" in out


def test_instalments_and_every_item_field_on_the_demo(
    demo_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    found = today_json(capsys, demo_path, "--at", "2027-06-01T09:00+08:00")
    assert list(found) == KEYS
    assert found["overdue_instalments"] and found["stale_customers"]
    for key, fields in ITEM_FIELDS.items():
        for item in found[key]:
            assert set(item) == fields
    for key in KEYS[:3]:
        for item in found[key]:
            assert set(item) == FOLLOW_UP_FIELDS
    for item in found["overdue_instalments"]:
        assert Decimal(item["unpaid"]) > 0 and date.fromisoformat(item["due_on"])
    # The command line lists all of them, not the app's first 200.
    assert len(found["stale_customers"]) == len({c["id"] for c in found["stale_customers"]})
