"""The frozen programs' entry point: the same launcher as ``uv run desktop-crm``.

Run as ``desktop-crm-cli`` (the console program on Windows, a link elsewhere) without
arguments, it prints the help rather than opening the window.
"""

import sys
from pathlib import Path

from ui.launcher import main

if __name__ == "__main__":
    args = sys.argv[1:]
    if not args and Path(sys.argv[0]).stem.lower().endswith("-cli"):
        args = ["--help"]
    sys.exit(main(args))
