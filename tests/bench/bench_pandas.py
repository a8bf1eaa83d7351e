"""pandas on the import benchmark's sheet: a plain ``read_excel`` + ``to_sql``, nothing else.

The import benchmark compares against pandas; this one shows what pandas itself costs on the
same 100,000 x 15 workbook when called plainly (default engine and types), read and write timed
apart, and how the engine and ``dtype=str`` change it. Each run is a fresh process.
"""

from __future__ import annotations

import json
import os
import statistics
from pathlib import Path

from tests.bench.bench_import import child, sheet_of
from tests.bench.figures import Figure

PLAIN = r"""
import json, sqlite3, sys, time
from pathlib import Path
import pandas as pd
target, sheet, options = Path(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
target.unlink(missing_ok=True)
start = time.perf_counter()
frame = pd.read_excel(sheet, **options)
read = time.perf_counter() - start
with sqlite3.connect(target) as db:
    frame.to_sql("people", db, index=False)
total = time.perf_counter() - start
target.unlink()
print(json.dumps({"seconds": total, "read": read, "write": total - read,
                  "engine": options.get("engine") or pd.ExcelFile(sheet).engine,
                  "pandas": pd.__version__}))
"""
VARIANTS = {
    "plain read_excel + to_sql": {},
    "engine=openpyxl, dtype=str (as bench_import)": {"engine": "openpyxl", "dtype": "str"},
    "engine=calamine": {"engine": "calamine"},
}


def run(workdir: Path) -> list[Figure]:
    """Time each variant ``BENCH_RUNS`` times (default 1) on the import benchmark's sheet."""
    sheet = sheet_of(workdir)
    runs = int(os.environ.get("BENCH_RUNS", "1"))
    figures: list[Figure] = []
    for label, options in VARIANTS.items():
        marks = [
            child(PLAIN, str(workdir / "pandas-plain.sqlite"), str(sheet), json.dumps(options))
            for _ in range(runs)
        ]
        detail = (
            f"pandas {marks[0]['pandas']}, engine {marks[0]['engine']}; read "
            f"{statistics.median(m['read'] for m in marks):.1f} s + to_sql "
            f"{statistics.median(m['write'] for m in marks):.1f} s, n={runs}"
        )
        seconds = statistics.median(m["seconds"] for m in marks)
        figures.append(Figure(f"pandas: {label}", seconds, "s", None, detail))
    return figures
