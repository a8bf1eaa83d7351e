"""The command line: the same services as the app, no Qt imported.

``commands`` holds the parser, ``main`` and the workspace commands; other modules here hold a
group of commands each (registered in ``commands.GROUP_MODULES``).
"""

from desktop_crm.cli.commands import COMMANDS, build_parser, main
from desktop_crm.cli.common import EXIT_DAMAGED, EXIT_ERROR, EXIT_OK, EXIT_USAGE

__all__ = [
    "COMMANDS",
    "EXIT_DAMAGED",
    "EXIT_ERROR",
    "EXIT_OK",
    "EXIT_USAGE",
    "build_parser",
    "main",
]
