"""A deals workbook's stage-history column writes the deal's stage changes on those days."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_crm.domain.clock import FixedClock
from desktop_crm.services.deals.dto import DealFilter
from desktop_crm.services.workspace.handle import Workspace, create_workspace
from tests.sheets import write_xlsx

NOW = datetime(2026, 3, 1, 4, 0, tzinfo=UTC)  # noon in Shanghai


@pytest.fixture
def ws(ws_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Workspace]:
    monkeypatch.setenv("TZ", "Asia/Shanghai")  # a day starts at this machine's midnight
    handle = create_workspace(ws_path, "zh", clock=FixedClock(NOW, "Asia/Shanghai"))
    yield handle
    handle.close(backup_if_changed=False)


def _by_title(ws: Workspace) -> dict[str, str]:
    return {d.title: d.id for d in ws.deals.page(DealFilter(), limit=50)}


def test_stage_history_pairs_become_stage_changes(ws, tmp_path):
    sheet = write_xlsx(
        tmp_path / "商机.xlsx",
        ["商机名称", "客户名称", "金额", "销售阶段", "阶段历史", "来源"],
        [
            [
                "官网改版",
                "远山设计",
                50000,
                "",
                "初步接洽 2026-01-05; 方案报价 2026-02-10",
                "转介绍",
            ],
            [
                "品牌手册",
                "远山设计",
                12000,
                "商务谈判",
                "初步接洽：2026/1/20；需求确认 2026年2月1日",
                "",
            ],
            [
                "年度合作",
                "青木科技",
                8000,
                "",
                "初步接洽 2026-01-05; 不存在 2026-01-09; 方案报价",
                "",
            ],
            ["展会", "青木科技", 3000, "需求确认", "", ""],
        ],
    )
    report = ws.imports.import_file(sheet, entity="deals")
    assert report.failed == 0
    deals = _by_title(ws)

    website = ws.deals.summary(deals["官网改版"])
    # No stage given: the deal is in the last stage its history names, at its probability.
    assert (website.stage, website.probability, website.source) == ("方案报价", 50, "转介绍")
    history = ws.deals.stage_history(deals["官网改版"])
    assert [(v.stage, v.entered, v.days) for v in history] == [
        ("初步接洽", datetime(2026, 1, 4, 16, 0, tzinfo=UTC), 36),  # 5 Jan, Shanghai midnight
        ("方案报价", datetime(2026, 2, 9, 16, 0, tzinfo=UTC), 19),  # until now (1 March)
    ]

    # A history that does not end in the deal's stage ends with a move there at the import.
    brochure = ws.deals.stage_history(deals["品牌手册"])
    assert [v.stage for v in brochure] == ["初步接洽", "需求确认", "商务谈判"]
    assert brochure[1].entered.astimezone(UTC).date() == date(2026, 1, 31)  # 1 Feb local
    assert ws.deals.summary(deals["品牌手册"]).probability == 75

    # Pairs naming no stage, or no date, are kept in the notes; the rest are written.
    yearly = ws.deals.summary(deals["年度合作"])
    assert [v.stage for v in ws.deals.stage_history(deals["年度合作"])] == ["初步接洽"]
    assert "阶段历史: 不存在 2026-01-09" in yearly.notes and "阶段历史: 方案报价" in yearly.notes
    assert yearly.stage == "初步接洽"

    fair = ws.deals.stage_history(deals["展会"])  # no history: its stage, from the import
    assert [v.stage for v in fair] == ["需求确认"]
    assert ws.deals.summary(deals["展会"]).probability == 25
    assert ws.deals.summary(deals["展会"]).amount == Decimal(3000)

    ws.history.undo(report.operation_id)
    assert _by_title(ws) == {}
