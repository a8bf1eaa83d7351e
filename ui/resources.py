"""The ``resources/`` folder (icons, translations, licences, guide), in a checkout or a bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir(*parts: str) -> Path:
    """``resources/<parts…>``: in a PyInstaller bundle when it has it, else beside ``ui``."""
    bundle = getattr(sys, "_MEIPASS", None)  # set by a PyInstaller-frozen executable
    if bundle is not None:
        frozen = Path(bundle, "resources", *parts)
        if frozen.is_dir():
            return frozen
    return Path(__file__).resolve().parents[1].joinpath("resources", *parts)


def read_resource(*parts: str) -> str:
    """The text of ``resources/<parts…>`` (UTF-8); ``""`` when the file is missing.

    A missing licence or guide page must not stop the app: the dialog shows what it has.
    """
    try:
        return resources_dir().joinpath(*parts).read_text(encoding="utf-8")
    except OSError:
        return ""
