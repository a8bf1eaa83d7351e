"""The PyInstaller build the bundle test and benchmark use: made here, or by .ci/run beforehand.

``.ci/run`` starts ``installers/build.py`` in the background before the tests (the build takes a
minute or two on the second core while the tests run on the first) and sets
``DESKTOP_CRM_BUNDLE_REPORT`` to where its JSON report will appear; without it the build is
made on demand.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT_ENV = "DESKTOP_CRM_BUNDLE_REPORT"
WAIT_SECONDS = 1500  # the background build on a loaded CI machine


class BuildFailed(RuntimeError):
    """The build did not finish; the message ends with its log's tail."""


def prebuilt_report() -> dict[str, object] | None:
    """The report of the build .ci/run started (waiting for it), or None when there is none."""
    target = os.environ.get(REPORT_ENV, "").strip()
    if not target:
        return None
    report = Path(target)
    failed = report.with_name("failed")
    log = report.with_name("build.log")
    deadline = time.monotonic() + WAIT_SECONDS
    while not report.exists():
        if failed.exists():
            raise BuildFailed("the background build failed:\n" + _tail(log))
        if time.monotonic() > deadline:
            raise BuildFailed(f"the background build did not finish in {WAIT_SECONDS} s")
        time.sleep(2)
    return json.loads(report.read_text("utf-8"))


def build(root: Path, package: bool = True) -> dict[str, object]:
    """Build into ``root`` (dist/ and work/) and return build.py's JSON report."""
    command = [
        sys.executable, str(ROOT / "installers" / "build.py"), "--json",
        "--dist", str(root / "dist"), "--work", str(root / "work"),
    ]  # fmt: skip
    if not package:
        command.append("--no-package")
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        raise BuildFailed(f"build.py exited {done.returncode}:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def bundle_report(root: Path, package: bool = True) -> dict[str, object]:
    """The prebuilt report if .ci/run made one, else a fresh build in ``root``."""
    return prebuilt_report() or build(root, package)


def _tail(log: Path) -> str:
    try:
        return log.read_text("utf-8", errors="replace")[-3000:]
    except OSError:
        return "(no build log)"
