"""``python -m desktop_crm.cli``: the command line."""

import sys

from desktop_crm.cli.commands import main

if __name__ == "__main__":
    sys.exit(main())
