"""The frozen app: bundle size (and what takes it), cold start to a painted window on 100k.

The start is timed as a user sees it: from launching ``desktop-crm --workspace W --view today
--screenshot F`` to the process having painted the window with Today filled and written it out
(so the figure is an upper bound of "start to painted window": it includes the PNG and exit).
The same command from the source tree is timed beside it.
"""

from __future__ import annotations

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
        _start_seconds(
            command, workspace, workdir / "warm.png"
        )  # the file cache, as on a 2nd start
        times = [
            _start_seconds(command, workspace, workdir / f"{name}{i}.png") for i in range(RUNS)
        ]
        value, spread = median_of(times)
        goal = 1.5 if name == "frozen" else None
        figures.append(
            Figure(
                f"{name} app: start to painted Today, 100k, screenshot written",
                value,
                "s",
                goal,
                spread,
            )
        )
    return figures
