"""Import of 100,000 people x 15 columns from .xlsx: time and peak memory (issue 4 goals)."""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
from pathlib import Path

from tests.bench.figures import Figure

ROWS = 100_000
HEADERS = [
    "姓名",
    "手机",
    "公司",
    "职位",
    "邮箱",
    "城市",
    "地址",
    "备注",
    "标签",
    "来源",
    "客户等级",
    "生日",
    "微信",
    "部门",
    "网站",
]
CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from desktop_crm.services.workspace.handle import create_workspace
path = Path(sys.argv[1])
for suffix in ("", "-wal", "-shm"):
    Path(str(path) + suffix).unlink(missing_ok=True)
ws = create_workspace(path)
start = time.perf_counter()
report = ws.imports.import_file(Path(sys.argv[2]))
seconds = time.perf_counter() - start
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
floor = storage_floor(path)
start = time.perf_counter()
ws.history.undo(report.operation_id)
undo = time.perf_counter() - start
ws.close(backup_if_changed=False)
print(json.dumps({"seconds": seconds, "created": report.created, "rss_mb": rss_mb,
                  "undo": undo, "floor": floor}))
"""

# The storage work alone: the rows the import stored, written again into a new workspace by
# plain executemany (nothing read, checked, matched or computed), then the FTS build and the
# commit. No import of this schema can be faster than this on the same machine.
FLOOR = r"""
import sqlite3, time
def storage_floor(imported):
    tables = ("companies", "people", "phones", "emails", "addresses", "tags", "taggings",
              "search_docs")
    source = sqlite3.connect(imported)
    rows = {}
    for table in tables:
        cursor = source.execute(f"SELECT * FROM {table}")
        rows[table] = ([d[0] for d in cursor.description], cursor.fetchall())
    source.close()
    target = imported.with_name("floor.crm")
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    create_workspace(target).close(backup_if_changed=False)
    db = sqlite3.connect(target, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    start = time.perf_counter()
    db.execute("BEGIN")
    for table, (columns, values) in rows.items():
        marks = ", ".join("?" * len(columns))
        db.execute(f"DELETE FROM {table}")
        db.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values)
    db.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
    db.execute("COMMIT")
    seconds = time.perf_counter() - start
    db.close()
    return seconds
"""
CHILD = FLOOR + CHILD


def make_sheet(target: Path) -> None:
    """A realistic Chinese customer list (written once, reused)."""
    from desktop_crm.spreadsheet.table_writer import write_xlsx

    rnd = random.Random(1)
    family, given = (
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗",
        ["芳", "伟", "娜", "敏", "静", "子涵", "欣怡"],
    )

    def rows():  # type: ignore[no-untyped-def]
        for i in range(ROWS):
            yield [
                rnd.choice(family) + rnd.choice(given),
                f"1{rnd.choice('3589')}{i:09d}",
                f"公司{i % 5000}",
                "经理",
                f"u{i}@ex{i % 997}.com",
                rnd.choice(["上海", "北京", "杭州"]),
                f"{i}号",
                "备注",
                rnd.choice(["VIP", "老客户", ""]),
                "展会",
                rnd.choice("ABC"),
                f"19{rnd.randint(60, 99)}-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}",
                f"wx{i}",
                "销售部",
                f"www.ex{i}.com",
            ]

    write_xlsx(target, HEADERS, HEADERS, rows())


# What a user would do instead: pandas reads the sheet and writes a plain table (no checks,
# no matching, no index) - measured in the same run for the ratio goal.
PANDAS = r"""
import json, resource, sqlite3, sys, time
from pathlib import Path
import pandas as pd
target = Path(sys.argv[1])
target.unlink(missing_ok=True)
start = time.perf_counter()
frame = pd.read_excel(sys.argv[2], engine="openpyxl", dtype=str)
with sqlite3.connect(target) as db:
    frame.to_sql("people", db, index=False)
print(json.dumps({"seconds": time.perf_counter() - start,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def sheet_of(workdir: Path) -> Path:
    """The benchmark sheet, written once per work folder."""
    sheet = workdir / f"people-{ROWS}.xlsx"
    if not sheet.exists():
        make_sheet(sheet)
    return sheet


def child(code: str, *args: str) -> dict[str, float]:
    """Run ``code`` in a fresh process; its last line of JSON."""
    out = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, capture_output=True, text=True
    ).stdout
    marks: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return marks


def run(workdir: Path) -> list[Figure]:
    """Import the sheet into a new workspace in a fresh process (``BENCH_RUNS`` times)."""
    sheet = sheet_of(workdir)
    runs = int(os.environ.get("BENCH_RUNS", "1"))
    ours = [child(CHILD, str(workdir / "import.crm"), str(sheet)) for _ in range(runs)]
    assert all(m["created"] >= ROWS for m in ours)
    pandas = [child(PANDAS, str(workdir / "pandas.sqlite"), str(sheet)) for _ in range(runs)]
    seconds = statistics.median(m["seconds"] for m in ours)
    baseline = statistics.median(m["seconds"] for m in pandas)
    return [
        Figure(
            f"import {ROWS:,} people x 15 columns from .xlsx (median of {runs})", seconds, "s", 8
        ),
        Figure("import: peak RSS", max(m["rss_mb"] for m in ours), "MB", 400),
        Figure(
            "storage alone: same rows by executemany + FTS",
            statistics.median(m["floor"] for m in ours),
            "s",
            None,
        ),
        Figure("undo of that import", statistics.median(m["undo"] for m in ours), "s", None),
        Figure("pandas read_excel(openpyxl) + to_sql, same sheet", baseline, "s", None),
        Figure("import time / pandas time", seconds / baseline, "x", 0.4),
    ]
