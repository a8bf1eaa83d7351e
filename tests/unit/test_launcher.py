"""The entry point: its checks before Qt (display, libraries, a bundle's too), its file argument."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui import launcher
from ui.launcher import NO_DISPLAY, XCB_LIBRARIES, display_problem, qt_import_problem


def loads_all_but(*missing):
    return lambda soname: soname not in missing


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is for Linux")
def test_no_display_is_one_line_and_exit_2(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    proc = subprocess.run(
        [sys.executable, "-m", "ui.launcher", "--workspace", str(tmp_path / "w.crm")],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.splitlines() == [NO_DISPLAY] and "Traceback" not in proc.stderr


def test_missing_xcb_libraries_are_named_with_their_packages():
    problem = display_problem(
        [],
        {"DISPLAY": ":0"},
        "linux",
        loads_all_but("libxcb-icccm.so.4", "libxcb-keysyms.so.1"),
    )
    assert problem is not None and "\n" not in problem
    assert "(libxcb-icccm.so.4, libxcb-keysyms.so.1)" in problem
    assert problem.endswith("sudo apt-get install libxcb-icccm4 libxcb-keysyms1)")


def test_what_is_not_checked():
    everything = loads_all_but()
    nothing = loads_all_but(*XCB_LIBRARIES)
    assert display_problem([], {"DISPLAY": ":0"}, "linux", everything) is None
    # Other platforms, and Qt platforms other than xcb, are not ours to judge.
    assert display_problem([], {}, "darwin", nothing) is None
    assert display_problem([], {}, "win32", nothing) is None
    assert display_problem([], {"QT_QPA_PLATFORM": "offscreen"}, "linux", nothing) is None
    assert display_problem(["--screenshot", "x.png"], {}, "linux", nothing) is None
    # A Wayland session uses Qt's wayland plugin.
    wayland = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"}
    assert display_problem([], wayland, "linux", nothing) is None
    assert display_problem([], {"WAYLAND_DISPLAY": "wayland-0"}, "linux", nothing) is None
    # xcb asked for by name still needs a display and its libraries.
    assert display_problem([], {"QT_QPA_PLATFORM": "xcb"}, "linux", everything) == NO_DISPLAY
    xcb = {"QT_QPA_PLATFORM": "xcb", **wayland}
    assert "libxcb-cursor0" in (display_problem([], xcb, "linux", nothing) or "")


def test_pyside6_failing_to_load_a_system_library_is_one_line():
    exc = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    assert qt_import_problem(exc) == (
        "desktop-crm: Qt cannot start: the system library libEGL.so.1 is missing "
        "(Debian, Ubuntu: sudo apt-get install libegl1)"
    )
    assert qt_import_problem(ImportError("cannot import name 'X' from 'ui.app'")) is None


def test_every_library_checked_is_one_qt_needs():
    """The list matches the plugin's own needs (readelf), where PySide6 ships it."""
    import shutil
    from pathlib import Path

    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    qpa = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6XcbQpa.so.6"
    readelf = shutil.which("readelf")
    if not (plugin.exists() and qpa.exists() and readelf):
        pytest.skip("no Linux PySide6 xcb plugin or no readelf here")
    needed = set()
    for lib in (plugin, qpa):
        out = subprocess.run([readelf, "-d", str(lib)], capture_output=True, text=True).stdout
        needed |= {
            line.split("[", 1)[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line
        }
    system = {
        n
        for n in needed
        if "Qt6" not in n
        and not n.startswith(("libc.", "libm.", "libstdc++", "libgcc_s", "ld-"))
        and not n.startswith(("libglib-2.0", "libgthread-2.0"))  # QtCore's own needs
    }
    assert system <= set(XCB_LIBRARIES), system - set(XCB_LIBRARIES)


# --- the file argument (what the OS file associations pass) -------------------------------------


@pytest.fixture
def started(monkeypatch):
    """What the app would be started with (``ui.app.run`` replaced); the CLI must not run."""
    import ui.app

    calls: list[list[str]] = []
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # past the display check
    monkeypatch.setattr(ui.app, "run", lambda argv: calls.append(list(argv)) or 0)
    monkeypatch.setattr("desktop_crm.cli.main", lambda argv: pytest.fail(f"CLI got {argv}"))
    return calls


def test_a_workspace_path_opens_the_app_as_workspace_does(started, tmp_path, monkeypatch):
    # As Windows passes "%1": one argument, spaces and Chinese kept, any case of .crm.
    spaced = r"C:\Users\李 雷\Documents\客户 资料 2026.CRM"
    assert launcher.main([spaced]) == 0
    existing = tmp_path / "工作 空间.crm"
    existing.write_bytes(b"")
    assert launcher.main([str(existing), "--view", "deals"]) == 0
    # Any existing file (a copy renamed, a backup): the app says what is wrong with it.
    other = tmp_path / "客户 copy.bak"
    other.write_bytes(b"x")
    assert launcher.main(["--language", "zh_CN", str(other)]) == 0
    assert started == [
        ["--workspace", spaced],
        ["--workspace", str(existing), "--view", "deals"],
        ["--workspace", str(other), "--language", "zh_CN"],
    ]


def test_a_command_name_stays_a_command(monkeypatch, tmp_path):
    """A file named like a command in the current folder does not shadow the command."""
    ran: list[list[str]] = []
    monkeypatch.setattr("desktop_crm.cli.main", lambda argv: ran.append(list(argv)) or 0)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "check").write_text("not a workspace")
    assert launcher.main(["check", "w.crm"]) == 0
    assert launcher.main(["no-such-thing"]) == 0  # not a file: the CLI names the command
    assert ran == [["check", "w.crm"], ["no-such-thing"]]
    assert not launcher.is_workspace_argument("check", ["check"])
    assert launcher.is_workspace_argument("check", ["init"])  # a file here, no such command
    assert launcher.is_workspace_argument("missing.Crm", ["init"])
    assert not launcher.is_workspace_argument("missing.txt", ["init"])


def test_a_double_clicked_workspace_with_spaces_and_chinese_opens(tmp_path):
    """The real launcher, as a file association starts it: the window opens on that file."""
    from desktop_crm.services.workspace.handle import create_workspace

    path = tmp_path / "我的 客户" / "工作 空间.crm"
    path.parent.mkdir()
    create_workspace(path).close(backup_if_changed=False)
    png = tmp_path / "shot.png"
    proc = subprocess.run(
        [sys.executable, "-m", "ui.launcher", str(path), "--screenshot", str(png)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.returncode == 0, proc.stderr
    assert png.stat().st_size > 0 and "Traceback" not in proc.stderr


# --- libraries a frozen build carries ---------------------------------------------------------

FAKE_SONAME = "libdesktop-crm-test-only.so.7"  # on no system


def a_real_library() -> Path:
    for folder in ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64"):
        for name in ("libz.so.1", "libxcb.so.1"):
            if (Path(folder) / name).is_file():
                return Path(folder) / name
    pytest.skip("no libz.so.1 or libxcb.so.1 found to copy")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="shared objects of Linux")
@pytest.mark.parametrize("inside", [".", "PySide6/Qt/lib"])
def test_a_library_in_the_bundle_counts_as_present(tmp_path, monkeypatch, inside):
    import shutil

    bundle = tmp_path / "bundle"
    assert not launcher.can_load(FAKE_SONAME)
    (bundle / inside).mkdir(parents=True, exist_ok=True)
    shutil.copy(a_real_library(), bundle / inside / FAKE_SONAME)
    # Not frozen: the bundle is not looked at.
    assert launcher.bundled_library(FAKE_SONAME) == []
    assert not launcher.can_load(FAKE_SONAME)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert launcher.bundled_library(FAKE_SONAME) == [str(bundle / inside / FAKE_SONAME)]
    assert launcher.can_load(FAKE_SONAME)
    libraries = {FAKE_SONAME: "libdesktop-crm-test7"}
    assert launcher.missing_libraries(libraries) == []
    assert launcher.missing_libraries({"libnot-bundled-either.so.3": "x"}) == [
        "libnot-bundled-either.so.3"
    ]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="shared objects of Linux")
def test_a_broken_file_in_the_bundle_does_not_count(tmp_path, monkeypatch):
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / FAKE_SONAME).write_bytes(b"not an ELF file")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert launcher.bundled_library(FAKE_SONAME) == [str(bundle / FAKE_SONAME)]
    assert not launcher.can_load(FAKE_SONAME)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is for Linux")
def test_the_display_check_counts_the_bundles_xcb_libraries(tmp_path, monkeypatch):
    """With every xcb library in the bundle the check passes, whatever the system lacks."""
    import shutil

    bundle = tmp_path / "bundle"
    (bundle / "PySide6/Qt/lib").mkdir(parents=True)
    real = a_real_library()
    for soname in XCB_LIBRARIES:
        shutil.copy(real, bundle / "PySide6/Qt/lib" / soname)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)

    def bundle_only(soname: str) -> bool:  # as on a system with none of them
        return bool(launcher.bundled_library(soname)) and launcher.can_load(soname)

    assert display_problem([], {"DISPLAY": ":0"}, "linux", bundle_only) is None
    (bundle / "PySide6/Qt/lib" / "libxcb-cursor.so.0").unlink()
    problem = display_problem([], {"DISPLAY": ":0"}, "linux", bundle_only) or ""
    assert "(libxcb-cursor.so.0)" in problem


def test_version_prints_the_version_without_a_display(capsys, monkeypatch) -> None:
    from desktop_crm import __version__

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    for flag in ("--version", "-V"):
        assert launcher.main([flag]) == 0
        assert capsys.readouterr().out == f"desktop-crm {__version__}\n"
