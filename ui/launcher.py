"""The ``desktop-crm`` entry point: subcommands go to the Qt-free CLI, the rest starts the app."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to the CLI (no Qt loaded) or the GUI."""
    args = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in args if not a.startswith("-")), None)
    from desktop_crm.cli import COMMANDS

    if first in COMMANDS:
        from desktop_crm.cli import main as cli_main

        return cli_main(args)
    from ui.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
