"""A deals import keeps status, closed day and stage together, as every stage change does."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.vocab import DealStatus
from desktop_crm.services.deals.dto import DealFilter
from desktop_crm.services.importing.dto import ImportReport
from desktop_crm.services.workspace.handle import Workspace, create_workspace
from tests.sheets import write_xlsx

NOW = datetime(2026, 3, 1, 4, 0, tzinfo=UTC)  # noon in Shanghai
TODAY = date(2026, 3, 1)
HEADERS = ["商机名称", "客户名称", "金额", "销售阶段", "状态", "成交日期", "输单原因"]


@pytest.fixture
def ws(ws_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Workspace]:
    monkeypatch.setenv("TZ", "Asia/Shanghai")  # a day starts at this machine's midnight
    handle = create_workspace(ws_path, "zh", clock=FixedClock(NOW, "Asia/Shanghai"))
    yield handle
    handle.close(backup_if_changed=False)


def _by_title(ws: Workspace) -> dict[str, str]:
    return {d.title: d.id for d in ws.deals.page(DealFilter(), limit=50)}


def _import(ws: Workspace, path: Path, rows: list[list[object]], **kw: Any) -> ImportReport:
    sheet = write_xlsx(path, HEADERS, rows)
    return ws.imports.import_file(sheet, entity="deals", today=TODAY, **kw)


def test_reimport_into_won_or_lost_closes_the_deal_and_back_to_open_reopens_it(ws, tmp_path):
    first = [
        ["官网改版", "远山设计", 50000, "方案报价", "", "", ""],
        ["品牌手册", "远山设计", 12000, "方案报价", "", "", ""],
    ]
    assert _import(ws, tmp_path / "a.xlsx", first).failed == 0
    deals = _by_title(ws)

    moved = [
        ["官网改版", "远山设计", 50000, "赢单", "", date(2026, 2, 20), ""],
        ["品牌手册", "远山设计", 12000, "输单", "", "", ""],  # no reason: none needed on import
    ]
    report = _import(ws, tmp_path / "b.xlsx", moved, duplicates="overwrite")
    assert (report.failed, report.updated) == (0, 2)
    won = ws.deals.summary(deals["官网改版"])
    assert (won.stage, won.status, won.closed_on, won.probability) == (
        "赢单",
        DealStatus.WON,
        date(2026, 2, 20),  # the sheet's closing day
        100,
    )
    assert [v.stage for v in ws.deals.stage_history(deals["官网改版"])] == ["方案报价", "赢单"]
    lost = ws.deals.summary(deals["品牌手册"])
    assert (lost.stage, lost.status, lost.closed_on, lost.lost_reason) == (
        "输单",
        DealStatus.LOST,
        TODAY,  # no closing day given: the day of the move
        None,
    )

    back = [["官网改版", "远山设计", 50000, "商务谈判", "", "", ""]]
    assert _import(ws, tmp_path / "c.xlsx", back, duplicates="overwrite").updated == 1
    reopened = ws.deals.summary(deals["官网改版"])
    assert (reopened.stage, reopened.status, reopened.closed_on) == (
        "商务谈判",
        DealStatus.OPEN,
        None,
    )


def test_reimport_sets_a_closed_deals_closing_day_but_never_an_open_ones(ws, tmp_path):
    rows = [
        ["年度合作", "青木科技", 8000, "赢单", "", "", ""],
        ["展会", "青木科技", 3000, "需求确认", "", "", ""],
    ]
    assert _import(ws, tmp_path / "a.xlsx", rows).failed == 0
    deals = _by_title(ws)
    assert ws.deals.summary(deals["年度合作"]).closed_on == TODAY
    again = [
        ["年度合作", "青木科技", 8000, "", "", date(2026, 1, 9), ""],
        ["展会", "青木科技", 3000, "", "", date(2026, 1, 9), "太贵"],
    ]
    _import(ws, tmp_path / "b.xlsx", again, duplicates="overwrite")
    assert ws.deals.summary(deals["年度合作"]).closed_on == date(2026, 1, 9)
    fair = ws.deals.summary(deals["展会"])  # no stage named: it stays where it is, open
    assert (fair.stage, fair.status, fair.closed_on, fair.lost_reason) == (
        "需求确认",
        DealStatus.OPEN,
        None,
        None,
    )


def test_a_status_contradicting_the_stage_is_a_problem_a_status_alone_picks_the_stage(ws, tmp_path):
    rows = [
        ["矛盾", "远山设计", 1000, "方案报价", "won", "", ""],
        ["只有状态", "远山设计", 2000, "", "赢单", "", ""],
        ["丢了", "远山设计", 3000, "", "lost", "", ""],
        ["一致", "远山设计", 4000, "输单", "输单", "", "太贵"],
    ]
    report = _import(ws, tmp_path / "a.xlsx", rows)
    assert report.failed == 1
    assert "方案报价" in report.problems[0] and "won" in report.problems[0]
    deals = _by_title(ws)
    assert "矛盾" not in deals
    only = ws.deals.summary(deals["只有状态"])
    assert (only.stage, only.status, only.closed_on) == ("赢单", DealStatus.WON, TODAY)
    gone = ws.deals.summary(deals["丢了"])
    assert (gone.stage, gone.status, gone.lost_reason) == ("输单", DealStatus.LOST, None)
    assert ws.deals.summary(deals["一致"]).lost_reason == "太贵"


def test_a_history_not_ending_in_the_closed_stage_ends_on_the_closing_day(ws, tmp_path):
    sheet = write_xlsx(
        tmp_path / "h.xlsx",
        ["商机名称", "客户名称", "金额", "状态", "成交日期", "阶段历史"],
        [
            ["官网改版", "远山设计", 50000, "won", date(2026, 2, 20), "初步接洽 2026-01-05"],
            ["品牌手册", "远山设计", 9000, "", "", "初步接洽 2026-01-10; 赢单 2026-02-03"],
            ["年度合作", "青木科技", 8000, "", "", ""],
        ],
    )
    report = ws.imports.import_file(sheet, entity="deals", today=TODAY)
    assert report.failed == 0
    deals = _by_title(ws)

    website = ws.deals.stage_history(deals["官网改版"])
    assert [(v.stage, v.entered) for v in website] == [
        ("初步接洽", datetime(2026, 1, 4, 16, 0, tzinfo=UTC)),
        ("赢单", datetime(2026, 2, 19, 16, 0, tzinfo=UTC)),  # 20 Feb, Shanghai midnight
    ]
    summary = ws.deals.summary(deals["官网改版"])
    assert (summary.status, summary.closed_on) == (DealStatus.WON, date(2026, 2, 20))
    # No created column: made when its history starts, so the funnel counts it in January.
    assert summary.created_at == datetime(2026, 1, 4, 16, 0, tzinfo=UTC)

    brochure = ws.deals.summary(deals["品牌手册"])  # closed the day its history says
    assert (brochure.stage, brochure.closed_on) == ("赢单", date(2026, 2, 3))

    plain = deals["年度合作"]  # no history: made and moved at the import, together
    moved = ws.deals.stage_history(plain)
    assert [v.entered for v in moved] == [ws.deals.summary(plain).created_at]
