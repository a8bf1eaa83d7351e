"""``desktop-crm report``: each report's JSON on the hand-checked deals, files, one-line errors.

The deals are ``test_funnel_maths``'s hand-checked set (its numbers worked out there); the
command reads with the system's clock, so the tests stand it at that set's NOW.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop_crm.cli import main
from desktop_crm.domain.clock import FixedClock
from desktop_crm.services.workspace.handle import create_workspace, open_workspace
from desktop_crm.store.models import SalesTarget, User
from tests.unit.test_funnel_maths import DEALS, NOW
from tests.unit.test_report_charts import chinese_names
from tests.unit.test_reports_service import write_deals

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
Q1 = ("--from", "2025-01-01", "--to", "2025-03-31")


def run(capsys, *args):
    try:
        code = main([str(a) for a in args])
    except SystemExit as stop:  # argparse's own errors
        code = stop.code
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys, *args):
    code, out, err = run(capsys, "report", *args, "--json")
    assert (code, err) == (0, ""), err
    return json.loads(out)


@pytest.fixture(autouse=True)
def at_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command's reader reads the system clock: stand it at the hand-checked set's NOW."""
    monkeypatch.setattr(
        "desktop_crm.services.workspace.reading.SystemClock", lambda: FixedClock(NOW, "UTC")
    )


@pytest.fixture
def sales(tmp_path: Path) -> Iterator[Path]:
    """A closed workspace holding the hand-checked deals and a target for Bob in March."""
    path = tmp_path / "sales.crm"
    ws = create_workspace(path, clock=FixedClock(NOW, "UTC"))
    try:
        write_deals(ws, DEALS)
        with ws.store.unit_of_work("target") as (s, _rec):
            bob = s.scalars(select(User.id).where(User.name == "Bob")).one()
            s.add(
                SalesTarget(
                    user_id=bob,
                    period_start=date(2025, 3, 1),
                    period_end=date(2025, 3, 31),
                    amount=Decimal(5000),
                )
            )
    finally:
        ws.close(backup_if_changed=False)
    yield path


def test_funnel_json_is_the_stages_in_order(capsys, sales: Path) -> None:
    assert as_json(capsys, sales, "funnel", *Q1) == [
        {"stage": "Qualified", "probability": 10, "reached": 6, "conversion": 0.8333,
         "avg_days": 4.0},
        {"stage": "Needs analysis", "probability": 25, "reached": 5, "conversion": 1.0,
         "avg_days": 5.3},
        {"stage": "Proposal sent", "probability": 50, "reached": 5, "conversion": 0.6,
         "avg_days": 25.0},
        {"stage": "Negotiation", "probability": 75, "reached": 3, "conversion": 0.6667,
         "avg_days": 13.7},
    ]  # fmt: skip
    # December 2024 holds one deal made then; the pipeline named, case ignored.
    december = as_json(capsys, sales, "funnel", "--from", "2024-12-01", "--to", "2024-12-31",
                       "--pipeline", " SALES ")  # fmt: skip
    assert december[0]["reached"] == 1


def test_forecast_won_lost_win_rate_sales_targets_json(capsys, sales: Path) -> None:
    assert as_json(capsys, sales, "forecast", *Q1[:2], "--to", "2025-06-30") == [
        {"month": "2025-04", "count": 2, "amount": "2000.00", "weighted": "1000.00",
         "other_currencies": {"USD": {"amount": "1000.00", "weighted": "100.00"}}},
        {"month": "2025-05", "count": 1, "amount": "4000.00", "weighted": "3000.00",
         "other_currencies": {}},
    ]  # fmt: skip
    assert as_json(capsys, sales, "won-lost", *Q1) == {
        "won": {"count": 2, "amount": "4000.00", "other_currencies": {}},
        "lost": {"count": 2, "amount": "800.00", "other_currencies": {},
                 "by_reason": {"no budget": 1, "price": 1}},
        "by_source": {"referral": {"won": 2, "lost": 0}, "": {"won": 0, "lost": 1},
                      "website": {"won": 0, "lost": 1}},
    }  # fmt: skip
    assert as_json(capsys, sales, "win-rate", *Q1) == [
        {"owner": "Ann", "won": 1, "lost": 0, "win_rate": 1.0},
        {"owner": "Bob", "won": 1, "lost": 2, "win_rate": 0.3333},
    ]
    assert as_json(capsys, sales, "sales", *Q1, "--by", "quarter") == [
        {"owner": "Ann", "period": "2025-Q1", "count": 1, "amount": "1000.00",
         "other_currencies": {}},
        {"owner": "Bob", "period": "2025-Q1", "count": 1, "amount": "3000.00",
         "other_currencies": {}},
    ]  # fmt: skip
    assert as_json(capsys, sales, "targets", *Q1) == [
        {"owner": "Ann", "month": "2025-01", "target": "0.00", "won": "1000.00",
         "collected": "0.00", "other_currencies": {}},
        {"owner": "Bob", "month": "2025-03", "target": "5000.00", "won": "3000.00",
         "collected": "0.00", "other_currencies": {}},
    ]  # fmt: skip


def test_the_default_period_is_this_year(capsys, sales: Path) -> None:
    code, out, err = run(capsys, "report", sales, "won-lost")
    assert (code, err) == (0, "")
    assert (
        out.splitlines()[0] == "Won-lost: every pipeline, 2025-01-01 to 2025-12-31, amounts in CNY"
    )
    # The deal made in December 2024 is not in this year's funnel.
    assert as_json(capsys, sales, "funnel")[0]["reached"] == 6
    # The forecast looks ahead: this month and the eleven after it.
    code, out, err = run(capsys, "report", sales, "forecast")
    month = NOW.date().replace(day=1)
    assert f"{month} to " in out.splitlines()[0] and (code, err) == (0, "")


def test_the_text_table_is_aligned(capsys, sales: Path) -> None:
    code, out, _err = run(capsys, "report", sales, "forecast", "--to", "2025-06-30")
    assert code == 0
    assert out.splitlines()[1:] == [
        "Month    Deals  Amount CNY  Weighted CNY",
        "2025-04      2     2000.00       1000.00",
        "2025-05      1     4000.00       3000.00",
        "Deals in USD are kept apart, not converted (see --json).",
    ]


def test_every_report_on_an_empty_workspace(capsys, tmp_path: Path) -> None:
    path = tmp_path / "empty.crm"
    create_workspace(path).close(backup_if_changed=False)
    funnel = as_json(capsys, path, "funnel")
    assert [(r["stage"], r["reached"], r["conversion"], r["avg_days"]) for r in funnel] == [
        ("Qualified", 0, None, None),
        ("Needs analysis", 0, None, None),
        ("Proposal sent", 0, None, None),
        ("Negotiation", 0, None, None),
    ]
    for kind in ("forecast", "win-rate", "sales", "targets"):
        assert as_json(capsys, path, kind) == [], kind
    assert as_json(capsys, path, "won-lost") == {
        "won": {"count": 0, "amount": "0.00", "other_currencies": {}},
        "lost": {"count": 0, "amount": "0.00", "other_currencies": {}, "by_reason": {}},
        "by_source": {},
    }
    code, out, _err = run(capsys, "report", path, "sales")
    assert code == 0 and out.splitlines()[-1] == "Nothing to report in this period."
    xlsx = tmp_path / "empty.xlsx"
    assert run(capsys, "report", path, "targets", "--xlsx", xlsx)[0] == 0
    assert [list(r) for r in load_workbook(xlsx).active.iter_rows(values_only=True)] == [
        ["Owner", "Month", "Target CNY", "Won CNY", "Collected CNY"]
    ]
    png = tmp_path / "empty.png"
    assert run(capsys, "report", path, "funnel", "--png", png)[0] == 0
    assert png.read_bytes().startswith(PNG_MAGIC)


def test_xlsx_holds_the_table_as_numbers(capsys, sales: Path, tmp_path: Path) -> None:
    target = tmp_path / "funnel.xlsx"
    code, out, err = run(capsys, "report", sales, "funnel", *Q1, "--xlsx", target)
    assert (code, err) == (0, "") and str(target) in out
    sheet = load_workbook(target).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["Stage", "Probability %", "Reached", "Conversion", "Avg days"]
    assert rows[1] == ["Qualified", 10, 6, 0.8333, 4]
    assert rows[4] == ["Negotiation", 75, 3, 0.6667, 13.7]
    assert sheet.title == "Funnel"
    won = tmp_path / "won.xlsx"
    assert run(capsys, "report", sales, "won-lost", *Q1, "--xlsx", won)[0] == 0
    first = next(load_workbook(won).active.iter_rows(min_row=2, values_only=True))
    assert list(first) == ["All closed deals", 2, 2, 4000, 800]


def test_png_with_chinese_labels(capsys, sales: Path, tmp_path: Path) -> None:
    ws = open_workspace(sales, FixedClock(NOW, "UTC"))
    try:
        chinese_names(ws)
    finally:
        ws.close(backup_if_changed=False)
    target = tmp_path / "漏斗.png"
    code, out, err = run(
        capsys, "report", sales, "funnel", *Q1, "--png", target, "--language", "zh"
    )
    assert (code, err) == (0, ""), err
    assert out == f"Wrote the funnel chart to {target}.\n"
    data = target.read_bytes()
    assert data.startswith(PNG_MAGIC) and len(data) > 20_000
    assert not list(tmp_path.glob("*.part"))


def test_it_reads_while_the_app_holds_the_file(capsys, sales: Path) -> None:
    ws = open_workspace(sales, FixedClock(NOW, "UTC"))  # holds the lock
    try:
        assert as_json(capsys, sales, "win-rate", *Q1)[1]["owner"] == "Bob"
    finally:
        ws.close(backup_if_changed=False)


@pytest.mark.parametrize(
    ("args", "exit_code", "says"),
    [
        (("funnel", "--pipeline", "Nope"), 1, "No pipeline is called “Nope”."),
        (("sales", "--from", "2025-02-30"), 2, "--from '2025-02-30' is not a day"),
        (("sales", "--to", "soon"), 2, "--to 'soon' is not a day"),
        (("sales", "--from", "2025-03-01", "--to", "2025-02-01"), 2, "is before --from"),
        (("sales", "--png", "{tmp}/nowhere/x.png"), 2, "does not exist"),
        (("sales", "--xlsx", "{tmp}"), 2, "is a folder"),
        (("sales", "--json", "--png", "{tmp}/x.png"), 2, "not allowed with"),
        (("profits",), 2, "invalid choice"),
    ],
)
def test_errors_are_one_line(capsys, sales: Path, tmp_path: Path, args, exit_code, says) -> None:
    filled = [str(a).replace("{tmp}", str(tmp_path)) for a in args]
    code, out, err = run(capsys, "report", sales, *filled)
    assert code == exit_code
    assert says in err and "Traceback" not in err
    if exit_code == 1:
        assert err.count("\n") == 1 and out == ""
    assert not list(tmp_path.glob("*.png")) and not list(tmp_path.glob("*.xlsx"))


def test_a_missing_workspace_is_one_line(capsys, tmp_path: Path) -> None:
    code, _out, err = run(capsys, "report", tmp_path / "none.crm", "funnel")
    assert code != 0 and err.startswith("desktop-crm: ") and err.count("\n") == 1


def test_matplotlib_is_imported_only_for_png(sales: Path, tmp_path: Path) -> None:
    code = (
        "import sys\nfrom desktop_crm.cli import main\n"
        f"main(['report', {str(sales)!r}, 'funnel', *sys.argv[1:]])\n"
        "print('matplotlib' in sys.modules)"
    )
    for extra, imported in (
        (["--json"], "False"),
        (["--xlsx", str(tmp_path / "f.xlsx")], "False"),
        (["--png", str(tmp_path / "f.png")], "True"),
    ):
        done = subprocess.run(
            [sys.executable, "-c", code, *extra], capture_output=True, text=True, check=True
        )
        assert done.stdout.split()[-1] == imported, (extra, done.stdout)
