"""Run every ``bench_*.py`` module here (or those named) and print their figures.

Each module has ``run(workdir: Path) -> list[Figure]``. Goals are printed beside figures; a
missed goal is marked but does not fail anything (benchmarks inform, tests decide).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import tempfile
from pathlib import Path

from tests.bench.figures import Figure


def main() -> int:
    """Run the benchmarks and print a table."""
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    parser = argparse.ArgumentParser(prog="python -m tests.bench")
    parser.add_argument("only", nargs="*", help=f"benchmarks to run (of {', '.join(names)})")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    chosen = [n for n in names if not args.only or any(o in n for o in args.only)]
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="crm-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    missed = 0
    for name in chosen:
        module = importlib.import_module(f"tests.bench.{name}")
        print(f"== {name}", flush=True)
        figures: list[Figure] = module.run(workdir)
        for figure in figures:
            print("  " + figure.line(), flush=True)
            missed += not figure.met
    print(f"{missed} goal(s) missed." if missed else "All goals met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
