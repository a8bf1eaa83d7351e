"""The Linux build: PyInstaller's folder, its self-test offscreen, the tarball and install.sh.

One build per run (a minute or two; .ci/run starts it before the tests, see tests/bundle_build.py).
"""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.bundle_build import bundle_report
from ui.launcher import XCB_LIBRARIES

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(1800),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux build"),
]

STEPS = (
    "sqlite", "workspace", "contacts", "follow-up", "calendar", "deal", "chart", "quote-pdf",
    "xlsx", "undo", "backup", "translations", "window",
)  # fmt: skip
# Libraries of XCB_LIBRARIES every X11 desktop has, left to the system on purpose (the spec's
# SYSTEM_LIBRARIES: they must match the X server and the GL drivers).
FROM_THE_SYSTEM = {"libxcb.so.1", "libX11.so.6", "libGL.so.1"}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    return bundle_report(tmp_path_factory.mktemp("bundle"))


@pytest.fixture(scope="module")
def folder(report: dict[str, object]) -> Path:
    return Path(str(report["folder"]))


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment like a user's: no source tree on the path, its own home and data folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "UV"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", DESKTOP_CRM_DATA_DIR="")
    env.pop("DESKTOP_CRM_DATA_DIR")
    env.pop("XDG_DATA_HOME", None)
    env.update(extra)
    return env


def test_the_frozen_app_passes_its_self_test_offscreen(folder: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    done = subprocess.run(
        [str(folder / "desktop-crm"), "--self-test"],
        cwd=tmp_path,  # not the source tree: the bundle must carry all it reads
        env=clean_env(home),
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert lines == [f"ok: {step}" for step in STEPS], done.stdout
    assert not (home / ".local" / "share" / "Desktop CRM").exists()  # the user's data untouched


def test_the_command_line_program_runs_commands(folder: Path, tmp_path: Path) -> None:
    cli = folder / "desktop-crm-cli"
    env = clean_env(tmp_path)
    shown = subprocess.run([str(cli)], env=env, capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0 and "COMMAND" in shown.stdout  # no arguments: the help
    workspace = tmp_path / "演示 workspace.crm"
    made = subprocess.run(
        [str(cli), "demo", str(workspace), "--contacts", "30"],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    # Search by pinyin initials and a Chinese name: the bundled pypinyin and SQLite's FTS5.
    for query in ("wang", "王"):
        found = subprocess.run(
            [str(cli), "search", str(workspace), query, "--json"],
            env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert found.returncode == 0, found.stderr
        assert "王" in found.stdout, (query, found.stdout)
    # Alembic's scripts are read by path from the bundle: an old file migrates (here: none is
    # older, so check the bundle has them where the store looks).
    assert (folder / "_internal/desktop_crm/store/migrations/env.py").is_file()
    assert sorted((folder / "_internal/desktop_crm/store/migrations/versions").glob("0001_*.py"))


def test_the_bundle_carries_the_xcb_libraries_qt_needs(folder: Path) -> None:
    internal = folder / "_internal"
    carried = {p.name for p in internal.rglob("*.so*")}
    missing = [s for s in XCB_LIBRARIES if s not in FROM_THE_SYSTEM and s not in carried]
    assert not missing, f"not in the bundle: {missing}"
    plugin = internal / "PySide6/Qt/plugins/platforms/libqxcb.so"
    linked = subprocess.run(
        ["ldd", str(plugin)],
        env={**os.environ, "LD_LIBRARY_PATH": str(internal)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    unresolved = [line for line in linked.splitlines() if "not found" in line]
    assert not unresolved, unresolved
    xcb_utils = [
        line for line in linked.splitlines() if "libxcb-cursor" in line or "libxcb-icccm" in line
    ]
    assert xcb_utils and all(str(internal) in line for line in xcb_utils), xcb_utils


def test_every_library_in_the_bundle_is_a_loadable_elf(folder: Path, tmp_path: Path) -> None:
    """Stripping a library auditwheel patched breaks it; the loader then refuses it outright.

    Each one is opened by the dynamic loader in a child (with the bundle on the library path);
    an unresolved symbol or a missing system library is no damage (a plugin for GTK, a module
    that needs the bundle's Python), a refused ELF is.
    """
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import ctypes, pathlib, sys\n"
        "bad = []\n"
        "for path in sorted(pathlib.Path(sys.argv[1]).rglob('*.so*')):\n"
        "    if path.is_symlink() or not path.is_file():\n"
        "        continue\n"
        "    try:\n"
        "        ctypes.CDLL(str(path))\n"
        "    except OSError as exc:\n"
        "        text = str(exc)\n"
        "        if 'undefined symbol' not in text and 'cannot open shared object' not in text:\n"
        "            bad.append(text)\n"
        "print('\\n'.join(bad), flush=True)\n"
        "import os; os._exit(0)  # extension modules loaded bare may crash Python's exit\n",
        "utf-8",
    )
    internal = folder / "_internal"
    done = subprocess.run(
        [sys.executable, str(probe), str(internal)],
        env={**os.environ, "LD_LIBRARY_PATH": str(internal)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "", done.stdout


def test_unused_qt_and_system_libraries_stay_out(folder: Path, report: dict[str, object]) -> None:
    names = {p.name for p in (folder / "_internal").rglob("*") if not p.is_dir()}
    for unwanted in ("libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6Network.so.6", "libc.so.6",
                     "libstdc++.so.6", "libglib-2.0.so.0", "libfontconfig.so.1"):  # fmt: skip
        assert unwanted not in names
    assert not [p for p in folder.rglob("*") if p.is_symlink() and not p.exists()]
    assert int(str(report["bytes"])) > 50_000_000  # the report measured the real folder


def test_the_tarball_installs_and_uninstalls_keeping_the_data(
    report: dict[str, object], tmp_path: Path
) -> None:
    if "package" not in report:
        pytest.fail("build.py made no tarball")
    with tarfile.open(str(report["package"])) as tar:
        tar.extractall(tmp_path / "unpacked", filter="tar")
    (top,) = (tmp_path / "unpacked").iterdir()
    home = tmp_path / "张 home"  # a space and Chinese in the path the menu entry runs
    data = home / ".local/share/Desktop CRM"
    data.mkdir(parents=True)
    (data / "workspace.crm").write_bytes(b"kept")
    env = clean_env(home, PATH=os.environ["PATH"])
    installed = subprocess.run(
        ["sh", str(top / "install.sh")], env=env, capture_output=True, text=True, timeout=300
    )
    assert installed.returncode == 0, installed.stderr
    app = home / ".local/lib/desktop-crm/desktop-crm"
    entry = home / ".local/share/applications/desktop-crm.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(entry, encoding="utf-8")
    section = parser["Desktop Entry"]
    # A string value first (backslashes doubled), then arguments (the path in quotes).
    assert shlex.split(section["Exec"].replace("\\\\", "\\")) == [str(app), "%f"]
    assert section["Icon"] == "desktop-crm"
    assert "application/x-desktop-crm-workspace" in section["MimeType"]
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True)
        assert checked.returncode == 0, checked.stdout
    mime = home / ".local/share/mime/packages/desktop-crm-workspace.xml"
    assert '<glob pattern="*.crm"/>' in mime.read_text("utf-8")
    icons = sorted((home / ".local/share/icons/hicolor").glob("*/apps/desktop-crm.*"))
    assert any("256x256" in str(p) for p in icons) and any("48x48" in str(p) for p in icons)
    cli = home / ".local/bin/desktop-crm-cli"
    ran = subprocess.run([str(cli), "--help"], env=env, capture_output=True, text=True)
    assert ran.returncode == 0 and "desktop-crm" in ran.stdout

    removed = subprocess.run(
        ["sh", str(top / "uninstall.sh")], env=env, capture_output=True, text=True, timeout=120
    )
    assert removed.returncode == 0, removed.stderr
    assert not app.exists() and not entry.exists() and not cli.exists() and not mime.exists()
    assert (data / "workspace.crm").read_bytes() == b"kept"
