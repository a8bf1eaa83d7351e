"""A compressed, verified backup of the 100,000-contact workspace: size and time; restore time.

Each run is a fresh process (so peak RSS is the backup's own) taking a backup exactly as the
app does (backup API, quick check, zstd, read-back), timed from call to return. One more
process times the same steps one after another, to show where the time goes, and a plain
uncompressed backup (what earlier versions wrote) is timed as the baseline.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.bench.bench_startup import ensure_workspace
from tests.bench.figures import Figure, median_of

MB = 1_000_000

BACKUP = r"""
import json, resource, sys, time
from pathlib import Path
from desktop_crm.store import backup
workspace, dest, restore_to = (Path(a) for a in sys.argv[1:4])
start = time.perf_counter()
made = backup.make_backup(workspace, "bench", dest=dest)
seconds = time.perf_counter() - start
start = time.perf_counter()
backup.restore_into(restore_to, made.path)
restore = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "size": made.size, "restore": restore,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
# The same steps, one after another, each timed: where the time goes.
STAGES = r"""
import json, sys, time
from pathlib import Path
from desktop_crm.store import backup, schema
workspace, folder = Path(sys.argv[1]), Path(sys.argv[2])
raw, part = folder / "stages.sqlite", folder / "stages.crmbak.zst"
marks = {}
t = time.perf_counter()
backup._copy_with_backup_api(workspace, raw, durable=False)
marks["copy with the backup API"] = time.perf_counter() - t
t = time.perf_counter()
assert schema.copy_check(raw) == "ok"
marks["quick_check + foreign key check (the backup's)"] = time.perf_counter() - t
t = time.perf_counter()
assert schema.integrity_check(raw) == "ok"
marks["integrity_check + foreign keys (restore only)"] = time.perf_counter() - t
t = time.perf_counter()
backup._compress(raw, part, raw.stat().st_size)
marks[f"zstd level {backup.LEVEL}, threads={backup.THREADS}, fsync"] = time.perf_counter() - t
t = time.perf_counter()
assert backup.verify_compressed(part, raw.stat().st_size) == "ok"
marks["read back (streaming decompress)"] = time.perf_counter() - t
raw.unlink(); part.unlink()
print(json.dumps(marks))
"""


def _child(code: str, *args: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def run(workdir: Path) -> list[Figure]:
    """Back up the shared 100,000-contact demo workspace (made if missing)."""
    figures: list[Figure] = []
    workspace = ensure_workspace(workdir, figures)
    folder = workdir / "bench-backup"
    folder.mkdir(exist_ok=True)
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    dest, restored = folder / "bench.crmbak.zst", folder / "restored.crm"
    made = [_child(BACKUP, workspace, dest, restored) for _ in range(runs)]
    plain = [_child(BACKUP, workspace, folder / "bench.crmbak", restored) for _ in range(runs)]
    stages = _child(STAGES, workspace, folder)
    for path in (dest, folder / "bench.crmbak", restored):
        path.unlink(missing_ok=True)

    db_size = workspace.stat().st_size
    size = max(m["size"] for m in made)
    seconds, spread = median_of([m["seconds"] for m in made])
    restore, restore_spread = median_of([m["restore"] for m in made])
    plain_seconds, plain_spread = median_of([m["seconds"] for m in plain])
    figures += [
        Figure("workspace file (100,000 contacts)", db_size / MB, "MB"),
        Figure("compressed backup on disk", size / MB, "MB", 70, f"{db_size / size:.1f}x smaller"),
        Figure("backup written and verified", seconds, "s", 2, spread),
        Figure("backup: peak RSS", max(m["rss_mb"] for m in made), "MB", None),
        Figure("restore from the compressed backup", restore, "s", None, restore_spread),
        Figure(
            "plain .crmbak backup (before zstd), same checks",
            plain_seconds,
            "s",
            None,
            plain_spread,
        ),
    ]
    figures += [Figure(f"  stage: {name}", value, "s") for name, value in stages.items()]
    return figures
