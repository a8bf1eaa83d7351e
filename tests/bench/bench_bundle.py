"""The frozen app: bundle size (and what takes it), cold start to a painted window on 100k.

The start is timed from launching ``desktop-crm --workspace W`` to the main window's first paint
(the app writes that moment when ``DESKTOP_CRM_STARTUP_MARKS`` names a file), and to Today
filled (``--screenshot``: the window painted with Today's rows, written out, the process ended).
The same commands from the source tree are timed beside them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.bench_startup import ensure_workspace
from tests.bench.figures import Figure, median_of
from tests.bundle_build import bundle_report

RUNS = 5
SIZE_GOAL_MB = 150


def _start_seconds(command: list[str], workspace: Path, shot: Path) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    begin = time.perf_counter()
    subprocess.run(
        [*command, "--workspace", str(workspace), "--view", "today", "--screenshot", str(shot)],
        check=True,
        env=env,
        timeout=120,
        stdout=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - begin
    if not shot.exists() or shot.stat().st_size < 10_000:
        raise RuntimeError(f"no screenshot from {command[0]}")
    return elapsed


def _painted_seconds(command: list[str], workspace: Path, marks: Path) -> float:
    """Launch to the main window's first paint (the app writes it: ui/startup_marks.py)."""
    marks.unlink(missing_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DESKTOP_CRM_STARTUP_MARKS": str(marks)}
    begin = time.time()
    process = subprocess.Popen(
        [*command, "--workspace", str(workspace)], env=env, stdout=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while not marks.exists() or not marks.read_text("utf-8"):
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"{command[0]} never painted its window")
            time.sleep(0.005)
        return float(json.loads(marks.read_text("utf-8"))["painted"]) - begin
    finally:
        process.kill()
        process.wait()


def run(workdir: Path) -> list[Figure]:
    """Build (or take the prebuilt bundle), measure its size and its start."""
    report = bundle_report(workdir / "bundle")
    folder = Path(str(report["folder"]))
    figures = [
        Figure(
            "frozen bundle, unpacked (Linux)", int(str(report["bytes"])) / 1e6, "MB", SIZE_GOAL_MB
        )
    ]
    for label, size in report["groups"].items():  # type: ignore[attr-defined]
        figures.append(Figure(f"  of which {label}", size / 1e6, "MB", None))
    if "package_bytes" in report:
        figures.append(
            Figure("tarball download", int(str(report["package_bytes"])) / 1e6, "MB", None)
        )
    workspace = ensure_workspace(workdir)
    commands = {
        "frozen": [str(folder / "desktop-crm")],
        "source": [sys.executable, "-m", "ui.launcher"],
    }
    for name, command in commands.items():
        _start_seconds(command, workspace, workdir / "warm.png")  # the file cache, warm
        painted = [
            _painted_seconds(command, workspace, workdir / "marks.json") for _ in range(RUNS)
        ]
        value, spread = median_of(painted)
        goal = 1.5 if name == "frozen" else None
        figures.append(
            Figure(f"{name} app: launch to painted main window, 100k", value, "s", goal, spread)
        )
        filled = [
            _start_seconds(command, workspace, workdir / f"{name}{i}.png") for i in range(RUNS)
        ]
        value, spread = median_of(filled)
        label = f"{name} app: launch to Today filled, screenshot written, 100k"
        figures.append(Figure(label, value, "s", None, spread))
    return figures
