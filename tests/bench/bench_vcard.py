"""vCard import: the 1,000-card real-world sample, into a new workspace and a 100k one."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from tests.bench.bench_startup import ensure_workspace
from tests.bench.figures import Figure, median_of

SAMPLE = (
    Path(__file__).resolve().parents[2].parent / "shared/fixtures/realworld/vcard/fk_LargeFile.vcf"
)


def run(workdir: Path) -> list[Figure]:
    """Time ``import_file`` (parse, backup, insert, index) a few times."""
    from desktop_crm.services.workspace.handle import create_workspace, open_workspace

    times = []
    for i in range(3):
        path = workdir / f"vcard{i}.crm"
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        shutil.rmtree(workdir / f"vcard{i}-backups", ignore_errors=True)
        ws = create_workspace(path)
        try:
            start = time.perf_counter()
            report = ws.imports.import_file(SAMPLE)
            times.append(time.perf_counter() - start)
            assert report.created == 1000
        finally:
            ws.close(backup_if_changed=False)
    value, spread = median_of(times)
    figures = [Figure("vCard import, 1,000 cards, new workspace", value, "s", 2, spread)]
    big = ensure_workspace(workdir)
    copy = workdir / "vcard-100k.crm"
    shutil.copy(big, copy)
    ws = open_workspace(copy)
    try:
        start = time.perf_counter()
        ws.imports.import_file(SAMPLE)
        figures.append(
            Figure(
                "vCard import, 1,000 cards, into 100k contacts",
                time.perf_counter() - start,
                "s",
                None,
                "includes the verified pre-import backup of the big file",
            )
        )
    finally:
        ws.close(backup_if_changed=False)
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(str(copy) + suffix).unlink(missing_ok=True)
        shutil.rmtree(workdir / "vcard-100k-backups", ignore_errors=True)
    return figures
