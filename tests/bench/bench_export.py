"""Export of 100,000 people to .xlsx: time and peak memory, against pandas.to_excel (issue 4)."""

from __future__ import annotations

import os
import statistics
from pathlib import Path

from tests.bench.bench_import import CHILD, ROWS, child, sheet_of
from tests.bench.figures import Figure

OURS = r"""
import json, resource, sys, time
from pathlib import Path
from desktop_crm.services.workspace.handle import open_workspace
ws = open_workspace(Path(sys.argv[1]))
start = time.perf_counter()
count = ws.exports.export_list(Path(sys.argv[2]), "xlsx")
seconds = time.perf_counter() - start
ws.close(backup_if_changed=False)
print(json.dumps({"seconds": seconds, "count": count,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
# The same rows and columns, already in a DataFrame, written by pandas (openpyxl engine).
PANDAS = r"""
import json, resource, sys, time
from pathlib import Path
import pandas as pd
from desktop_crm.services.contact_lists.dto import COLUMNS, ContactFilter
from desktop_crm.services.workspace.handle import open_workspace
ws = open_workspace(Path(sys.argv[1]))
rows = ws.contact_list.rows(ws.contact_list.ids(ContactFilter()))
frame = pd.DataFrame([[getattr(r, c) for c in COLUMNS] for r in rows], columns=list(COLUMNS))
for column in ("created_at", "last_contacted_at"):
    frame[column] = pd.to_datetime(frame[column], utc=True).dt.tz_localize(None)
ws.close(backup_if_changed=False)
start = time.perf_counter()
frame.to_excel(sys.argv[2], index=False, engine="openpyxl")
print(json.dumps({"seconds": time.perf_counter() - start,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(workdir: Path) -> list[Figure]:
    """Export the people of the import benchmark's workspace (made if missing)."""
    workspace = workdir / "import.crm"
    if not workspace.exists():
        child(CHILD, str(workspace), str(sheet_of(workdir)))
    runs = int(os.environ.get("BENCH_RUNS", "1"))
    ours = [child(OURS, str(workspace), str(workdir / "export.xlsx")) for _ in range(runs)]
    assert all(m["count"] >= ROWS for m in ours)
    pandas = [child(PANDAS, str(workspace), str(workdir / "pandas.xlsx")) for _ in range(runs)]
    seconds = statistics.median(m["seconds"] for m in ours)
    baseline = statistics.median(m["seconds"] for m in pandas)
    return [
        Figure(f"export {ROWS:,} people to .xlsx (median of {runs})", seconds, "s", 15),
        Figure("export: peak RSS", max(m["rss_mb"] for m in ours), "MB", 400),
        Figure("pandas DataFrame.to_excel(openpyxl), same rows", baseline, "s", None),
        Figure("export time / pandas time", seconds / baseline, "x", 0.6),
    ]
