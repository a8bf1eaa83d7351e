"""What the About dialog shows: versions and the folders a user (or support) needs to find."""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import qVersion

from desktop_crm import __version__
from desktop_crm.services.workspace.error_log import data_dir, log_path

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace


@dataclass(frozen=True)
class AboutDetails:
    """Versions and paths of this run.

    Attributes:
        version: The app's version.
        python: The Python version.
        qt: The Qt version the app runs on.
        pyside: The PySide6 version.
        system: The operating system, as :func:`platform.platform` names it.
        frozen: Whether this is an installed (PyInstaller) build rather than a source checkout.
        data_folder: The user data folder (default workspace, logs).
        backups_folder: Where the open workspace's backups go; ``None`` with none open.
        log_file: The error log; ``None`` when no folder could take it.
        workspace: The open workspace file, if any.
    """

    version: str
    python: str
    qt: str
    pyside: str
    system: str
    frozen: bool
    data_folder: Path
    backups_folder: Path | None
    log_file: Path | None
    workspace: Path | None


def collect(workspace: Workspace | None) -> AboutDetails:
    """The details of this run, with the folders of ``workspace`` (the open one) if any.

    The backups folder is asked of the workspace's backup service, which is where backups are
    written; it only computes a path (no database access), so the GUI thread may ask.
    """
    return AboutDetails(
        version=__version__,
        python=platform.python_version(),
        qt=qVersion(),
        pyside=PySide6.__version__,
        system=platform.platform(terse=True),
        frozen=bool(getattr(sys, "frozen", False)),
        data_folder=data_dir(),
        backups_folder=workspace.backups.folder() if workspace is not None else None,
        log_file=log_path(),
        workspace=workspace.path if workspace is not None else None,
    )
