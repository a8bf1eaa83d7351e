"""Followups commands (being built: see issue 12)."""

from __future__ import annotations

from typing import Any

COMMANDS: dict[str, tuple[str, str]] = {}


def add_parsers(sub: Any) -> None:
    """Add the followups commands to the CLI's subparsers."""
