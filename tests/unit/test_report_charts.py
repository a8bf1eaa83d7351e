"""Report charts in the core: a matplotlib figure per report, labelled in English or Chinese."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_crm.domain.clock import FixedClock
from desktop_crm.services.reports.chart_spec import CHART_TEXTS, chart_spec
from desktop_crm.services.reports.dto import REPORT_KINDS
from desktop_crm.services.workspace.handle import Workspace, create_workspace
from tests.unit.test_funnel_maths import DEALS, END, NOW, START
from tests.unit.test_reports_service import write_deals

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = create_workspace(tmp_path / "charts.crm", clock=FixedClock(NOW, "UTC"))
    yield workspace
    workspace.close(backup_if_changed=False)


def _report(ws: Workspace, kind: str):  # type: ignore[no-untyped-def]
    call = getattr(ws.reports, kind)
    return call(start=START, end=END)


def test_the_chart_spec_names_what_the_report_counts(ws: Workspace) -> None:
    write_deals(ws, DEALS)
    chinese_names(ws)
    spec = chart_spec(_report(ws, "funnel"), CHART_TEXTS["zh"])
    assert spec.kind == "funnel"
    assert spec.title == "到达各阶段的商机（新建 6，赢单 2）"
    assert spec.categories == ("初步接洽", "需求确认", "方案报价", "商务谈判")
    assert spec.series[0].values == (6.0, 5.0, 5.0, 3.0)  # the hand-checked reached counts
    assert spec.notes == (
        "83.3 % 进入下一阶段",
        "100.0 % 进入下一阶段",
        "60.0 % 进入下一阶段",
        "66.7 % 赢单",  # the last open stage converts to Won
    )
    english = chart_spec(_report(ws, "win_rate"))
    assert (english.title, english.categories) == ("Win rate by owner", ("张伟", "李娜"))
    assert english.series[0].values == (100.0, 33.33)


def test_each_report_writes_a_png_with_chinese_labels(ws: Workspace, tmp_path: Path) -> None:
    from desktop_crm.services.reports.charts import report_figure, write_png

    write_deals(ws, DEALS)
    chinese_names(ws)
    for kind in REPORT_KINDS:
        target = tmp_path / f"{kind}.png"
        assert write_png(_report(ws, kind), target, "zh") == target
        data = target.read_bytes()
        assert data.startswith(PNG_MAGIC) and len(data) > 5_000, kind
        assert not list(tmp_path.glob("*.part"))
    figure = report_figure(_report(ws, "won_lost"), "zh")
    titles = [axes.title.get_text() for axes in figure.axes]
    assert titles == ["按原因的输单", "按来源的赢单与输单"]
    assert [t.get_text() for t in figure.axes[1].get_xticklabels()] == [
        "referral",
        "（无来源）",
        "website",
    ]


def test_a_missing_folder_is_an_os_error(ws: Workspace, tmp_path: Path) -> None:
    from desktop_crm.services.reports.charts import write_png

    with pytest.raises(OSError):
        write_png(_report(ws, "forecast"), tmp_path / "nowhere" / "f.png", "en")


def test_the_chart_spec_does_not_import_matplotlib() -> None:
    code = (
        "import sys; import desktop_crm.services.reports.chart_spec; "
        "print('matplotlib' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def chinese_names(ws: Workspace) -> None:
    """Give the stages, the pipeline and the owners Chinese names (after the deals are written)."""
    from sqlalchemy import text

    from desktop_crm.services.workspace.handle import DEFAULT_STAGES

    with ws.store.unit_of_work("rename") as (s, _rec):
        for (en, *_), (zh, *_) in zip(DEFAULT_STAGES["en"], DEFAULT_STAGES["zh"], strict=True):
            s.execute(text("UPDATE stages SET name = :zh WHERE name = :en"), {"zh": zh, "en": en})
        s.execute(text("UPDATE pipelines SET name = '销售流程'"))
        s.execute(text("UPDATE users SET name = '张伟' WHERE name = 'Ann'"))
        s.execute(text("UPDATE users SET name = '李娜' WHERE name = 'Bob'"))
