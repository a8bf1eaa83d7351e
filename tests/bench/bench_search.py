"""Search-as-you-type on a 100,000-contact workspace: p95 per query of 1 to 4 characters."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from tests.bench.bench_startup import ensure_workspace
from tests.bench.figures import Figure

QUERIES = {
    "Chinese 1 char": ["王", "芳", "李", "上", "张", "陈"],
    "Chinese 2 chars": ["王芳", "李娜", "上海", "张伟", "设计", "星辰"],
    "Chinese 3 chars": ["王欣怡", "上海星", "设计工", "陈思远"],
    "Chinese 4 chars": ["上海星辰", "设计总监", "文化传媒", "王子涵"],
    "Latin 1 char": ["s", "j", "m", "a"],
    "Latin 2 chars": ["sa", "jo", "wf", "zs"],
    "Latin 3 chars": ["sar", "joh", "wan", "138"],
    "Latin 4 chars": ["sara", "wang", "zhan", "1380"],
}


def run(workdir: Path) -> list[Figure]:
    """Time each query as typed (every prefix), through the service the UI calls."""
    from desktop_crm.services.workspace.handle import open_workspace

    path = ensure_workspace(workdir)
    ws = open_workspace(path)
    figures = []
    try:
        start = time.perf_counter()
        ws.search.prepare()  # the app does this on the worker right after opening
        figures.append(
            Figure("search keys load (once per change)", (time.perf_counter() - start) * 1000, "ms")
        )
        everything = []
        for label, queries in QUERIES.items():
            times = []
            for query in queries:
                for _ in range(3):
                    start = time.perf_counter()
                    ws.search.contacts(query, 50)
                    times.append((time.perf_counter() - start) * 1000)
            everything += times
            p95 = statistics.quantiles(times, n=20)[18]
            figures.append(
                Figure(
                    f"search p95, {label}",
                    p95,
                    "ms",
                    20,
                    f"median {statistics.median(times):.1f} ms",
                )
            )
        p95 = statistics.quantiles(everything, n=20)[18]
        figures.append(Figure("search p95, all queries", p95, "ms", 20))
    finally:
        ws.close(backup_if_changed=False)
    return figures
