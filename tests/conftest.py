"""Fixtures shared by every test: real workspace files in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop_crm.services.workspace.handle import Workspace, create_workspace

# Team mode's fixtures (a real PostgreSQL, fresh hub databases) for any test that names them.
pytest_plugins = ["tests.hub_fixtures"]

REALWORLD = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "realworld"
TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def user_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The user data folder (error log, default workspace): a temporary one, never the real one.

    Set in the environment, so subprocesses (the CLI, the launcher) use it too.
    """
    from desktop_crm.services.workspace.error_log import DATA_DIR_ENV

    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    return folder


@pytest.fixture(autouse=True)
def user_config_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Where Qt keeps preferences (QSettings): a temporary folder, never the user's.

    ``XDG_CONFIG_HOME`` is where Qt on Linux (and other Unix) writes them; subprocesses (the
    launcher, ``--screenshot``) inherit it. In-process settings are redirected by
    ``tests/ui/conftest.py``.
    """
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    return tmp_path / "studio.crm"


@pytest.fixture
def workspace(ws_path: Path) -> Iterator[Workspace]:
    ws = create_workspace(ws_path)
    yield ws
    ws.close(backup_if_changed=False)


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    from desktop_crm.services.demo.demo_data import create_demo_workspace

    path = tmp_path / "demo.crm"
    create_demo_workspace(path, 120, today=TODAY).close(backup_if_changed=False)
    return path
