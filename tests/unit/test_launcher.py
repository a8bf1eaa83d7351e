"""The entry point's checks before Qt: no display, missing X11 libraries, PySide6 not loading."""

import os
import subprocess
import sys

import pytest

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
