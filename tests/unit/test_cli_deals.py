"""``desktop-crm deals`` and ``deal-move``: JSON fields, filters, moves, one-line errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_crm.cli import main
from desktop_crm.services.deals.dto import DealDraft
from desktop_crm.services.workspace.handle import create_workspace, open_workspace
from tests import drafts

FIELDS = [
    "number",
    "title",
    "stage",
    "status",
    "amount",
    "currency",
    "probability",
    "expected_close",
    "owner",
]


def run(capsys, *args):
    try:
        code = main([str(a) for a in args])
    except SystemExit as stop:  # argparse's own errors
        code = stop.code
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def deals(tmp_path: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    """A closed Chinese workspace with three deals; their numbers by title."""
    path = tmp_path / "sales.crm"
    ws = create_workspace(path, "zh")
    try:
        company = ws.people.save_company(drafts.company("远山设计")).ids[0]
        stage = {s.name: s.id for s in ws.pipelines.default().stages}
        made = {
            "服务器": DealDraft(
                "服务器",
                company_id=company,
                amount=Decimal("12500.5"),
                expected_close=date(2026, 12, 31),
            ),
            "桌椅": DealDraft("桌椅", amount=Decimal(800), stage_id=stage["方案报价"]),
            "Yen": DealDraft("Yen", amount=Decimal(980), currency="JPY"),
        }
        ids = {title: ws.deals.create(draft).ids[0] for title, draft in made.items()}
        numbers = {title: ws.deals.summary(i).number for title, i in ids.items()}
    finally:
        ws.close(backup_if_changed=False)
    yield path, numbers


def test_deals_json_lists_every_deal_with_the_contract_fields(capsys, deals):
    path, numbers = deals
    code, out, err = run(capsys, "deals", path, "--json")
    assert (code, err) == (0, "")
    listed = json.loads(out)
    assert [d["number"] for d in listed] == sorted(numbers.values())
    assert all(list(d) == FIELDS for d in listed)
    servers = next(d for d in listed if d["title"] == "服务器")
    assert servers == servers | {
        "stage": "初步接洽",
        "status": "open",
        "amount": "12500.50",
        "currency": "CNY",
        "probability": 10,
        "expected_close": "2026-12-31",
    }
    assert servers["owner"]
    assert next(d for d in listed if d["title"] == "Yen")["amount"] == "980"
    code, out, _ = run(capsys, "deals", path, "--stage", "方案报价", "--json")
    assert [d["title"] for d in json.loads(out)] == ["桌椅"]
    code, out, _ = run(capsys, "deals", path, "--status", "won", "--json")
    assert json.loads(out) == []
    code, out, _ = run(capsys, "deals", path)
    assert code == 0 and "服务器" in out and "12500.50" in out


def test_deal_move_moves_wins_and_loses(capsys, deals):
    path, numbers = deals
    number = numbers["服务器"]
    code, out, err = run(capsys, "deal-move", path, number, "商务谈判", "--json")
    assert (code, err) == (0, "")
    moved = json.loads(out)
    assert (moved["stage"], moved["status"], moved["probability"]) == ("商务谈判", "open", 75)
    assert moved["operation_id"]
    code, out, _ = run(capsys, "deal-move", path, number.lower(), "won")
    assert code == 0 and "赢单" in out
    code, out, err = run(capsys, "deal-move", path, numbers["桌椅"], "lost", "--reason", "价格太高")
    assert code == 0
    code, out, _ = run(capsys, "deals", path, "--status", "lost", "--json")
    assert [(d["title"], d["stage"], d["probability"]) for d in json.loads(out)] == [
        ("桌椅", "输单", 0)
    ]
    ws = open_workspace(path)
    try:
        lost = ws.deals.summary(ws.deals.id_of(numbers["桌椅"]))
        history = [v.stage for v in ws.deals.stage_history(ws.deals.id_of(number))]
        ws.history.undo()  # the CLI's move is one undoable operation like any other
        assert ws.deals.summary(ws.deals.id_of(numbers["桌椅"])).status == "open"
    finally:
        ws.close(backup_if_changed=False)
    assert (lost.lost_reason, lost.closed_on is not None) == ("价格太高", True)
    assert history == ["初步接洽", "商务谈判", "赢单"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("D-NOPE", "商务谈判"), "No deal numbered D-NOPE"),
        (("{服务器}", "Nowhere"), "No stage “Nowhere”"),
        (("{服务器}", "lost"), "lost needs --reason"),
        (("{服务器}", "输单"), "lost needs --reason"),  # the lost stage by its name
    ],
)
def test_deal_move_errors_are_one_line(capsys, deals, args, message):
    path, numbers = deals
    args = tuple(a.format(**numbers) for a in args)
    code, out, err = run(capsys, "deal-move", path, *args)
    assert code != 0 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_deals_unknown_stage_is_a_one_line_error(capsys, deals):
    path, _numbers = deals
    code, out, err = run(capsys, "deals", path, "--stage", "Nowhere")
    assert code == 2 and out == ""
    assert "No stage “Nowhere”" in err and len(err.strip().splitlines()) == 1
    assert "(stages: 初步接洽, 需求确认" in err  # in pipeline order
