"""Rendering quotes to PDF: a 50-line and a 500-line quote warm, and the first PDF of a process.

The documents are the made-up Chinese quote of ``documents.samples`` (CNY, sections, an
optional line, 大写), priced by ``domain.quote_totals``, with the classic template. Warm figures
are medians of renders in this process after one untimed render. The first PDF is timed in
fresh processes: from the call (font registration included: what the first export of a session
waits for once the app has imported the documents package) and from the start of the process
(reportlab, num2words and the package imported too).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.figures import Figure, median_of

FIRST = r"""
import io, json, time
start, cpu = time.perf_counter(), time.process_time()
from desktop_crm.documents.pdf import render_pdf
from desktop_crm.documents.samples import sample_document, sample_profile
from desktop_crm.documents.templates import load_template
imported = time.perf_counter()
doc = sample_document("quote", "zh", lines=50)
template, profile = load_template("quote-classic"), sample_profile("zh")
call, call_cpu = time.perf_counter(), time.process_time()
info = render_pdf(doc, template, profile, io.BytesIO())
done, done_cpu = time.perf_counter(), time.process_time()
print(json.dumps({"imports": imported - start, "call": done - call, "total": done - start,
                  "call_cpu": done_cpu - call_cpu, "total_cpu": done_cpu - cpu,
                  "source": info.font_source}))
"""


def _first_pdf() -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", FIRST], check=True, capture_output=True, text=True
    ).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def _warm(lines: int, runs: int) -> tuple[list[float], list[float], int]:
    """Seconds (wall, CPU) of ``runs`` renders of a ``lines``-line quote, and its pages.

    The CPU time is printed beside the wall time: on a busy machine it shows what the render
    itself costs.
    """
    from desktop_crm.documents.pdf import render_pdf
    from desktop_crm.documents.samples import sample_document, sample_profile
    from desktop_crm.documents.templates import load_template

    doc = sample_document("quote", "zh", lines=lines)
    template, profile = load_template("quote-classic"), sample_profile("zh")
    pages = render_pdf(doc, template, profile, io.BytesIO()).pages
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        render_pdf(doc, template, profile, io.BytesIO())
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return times, cpu, pages


def run(workdir: Path) -> list[Figure]:
    """Time the renders (``workdir`` is not needed: the PDFs are written to memory)."""
    del workdir
    runs = int(os.environ.get("BENCH_RUNS", "5"))
    firsts = [_first_pdf() for _ in range(runs)]

    def ms(values: list[float]) -> list[float]:
        return [v * 1000 for v in values]

    call, call_spread = median_of(ms([f["call"] for f in firsts]))
    call_cpu, _ = median_of(ms([f["call_cpu"] for f in firsts]))
    total, total_spread = median_of(ms([f["total"] for f in firsts]))
    total_cpu, _ = median_of(ms([f["total_cpu"] for f in firsts]))
    imports, _ = median_of(ms([f["imports"] for f in firsts]))
    small, small_cpu, small_pages = _warm(50, max(runs * 4, 10))
    small_ms, small_spread = median_of(ms(small))
    large, large_cpu, large_pages = _warm(500, runs)
    large_ms, large_spread = median_of(ms(large))
    source = firsts[0]["source"]
    return [
        Figure(
            "50-line quote, warm",
            small_ms,
            "ms",
            50,
            f"{small_pages} pages, cpu {median_of(ms(small_cpu))[0]:.0f} ms, {small_spread}",
        ),
        Figure(
            "500-line quote, warm",
            large_ms,
            "ms",
            500,
            f"{large_pages} pages, cpu {median_of(ms(large_cpu))[0]:.0f} ms, {large_spread}",
        ),
        Figure(
            "first PDF of a process: the call (font loading)",
            call,
            "ms",
            400,
            f"font {source}, cpu {call_cpu:.0f} ms, {call_spread}",
        ),
        Figure(
            "first PDF of a process: imports + call",
            total,
            "ms",
            400,
            f"imports {imports:.0f} ms, cpu {total_cpu:.0f} ms, {total_spread}",
        ),
    ]
