"""One version: pyproject.toml's (which the installers read) is the app's."""

from __future__ import annotations

import tomllib
from importlib.metadata import version
from pathlib import Path

import desktop_crm

ROOT = Path(__file__).resolve().parents[2]


def test_the_app_says_the_version_pyproject_declares() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    assert desktop_crm.__version__ == declared
    assert version("desktop-crm") == declared  # the installed metadata the bundle copies
