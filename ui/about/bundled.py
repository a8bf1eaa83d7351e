"""Files shipped in ``resources/`` (licences, the user guide), found in a checkout or a bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The ``resources`` folder: in a PyInstaller bundle, else beside the ``ui`` package."""
    bundle = getattr(sys, "_MEIPASS", None)  # set by a PyInstaller-frozen executable
    if bundle is not None:
        frozen = Path(bundle) / "resources"
        if frozen.is_dir():
            return frozen
    return Path(__file__).resolve().parents[2] / "resources"


def read_resource(*parts: str) -> str:
    """The text of ``resources/<parts…>`` (UTF-8); ``""`` when the file is missing.

    A missing licence or guide page must not stop the app: the dialog shows what it has.
    """
    try:
        return resources_dir().joinpath(*parts).read_text(encoding="utf-8")
    except OSError:
        return ""
