"""The ``desktop-crm`` entry point: subcommands go to the Qt-free CLI, the rest starts the app.

``desktop-crm PATH`` with a workspace file (``.crm``, or any existing file that is not a
command's name) opens the app on it, as ``--workspace PATH`` does: that is how the file
associations the installers register hand over a double-clicked file. ``--self-test`` runs
the self-test (``ui/self_test.py``).

Before Qt is loaded it checks what Qt would otherwise abort on (exit 134, several lines that
blame an installed library): no display at all, or the X11 (xcb) platform plugin's system
libraries missing. Either is one line saying what to do, and exit code 2. In a frozen build
(PyInstaller) the libraries the bundle carries count as present.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping, Sequence

EXIT_NO_DISPLAY = 2
EXIT_USAGE = 2
SELF_TEST = "--self-test"
WORKSPACE_SUFFIX = ".crm"
# Folders of a PyInstaller bundle (``sys._MEIPASS``) that hold shared libraries: its top, and
# PySide6's own library folder (where the Qt libraries land).
BUNDLE_LIBRARY_FOLDERS = (".", "PySide6/Qt/lib")

# Options of the app that take a value: the value is not a command.
_VALUE_OPTIONS = ("--workspace", "--screenshot", "--view", "--language", "--size")

# What Qt's xcb platform plugin (libqxcb.so and libQt6XcbQpa.so.6 of PySide6 6.9-6.11) loads
# beyond what QtGui itself needs, found with ``readelf -d``; soname -> Debian/Ubuntu package.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libGL.so.1": "libgl1",
}
# What QtGui and QtWidgets load on any platform (a missing one fails the import of PySide6).
QT_GUI_LIBRARIES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libdbus-1.so.3": "libdbus-1-3",
}
NO_DISPLAY = (
    "desktop-crm: no display found: run it in a desktop session "
    "(or use the command line: desktop-crm --help)"
)


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to the CLI (no Qt loaded) or the GUI."""
    args = list(sys.argv[1:] if argv is None else argv)
    from desktop_crm.cli import COMMANDS, build_parser
    from desktop_crm.cli import main as cli_main

    if SELF_TEST in args:
        return _self_test(args)
    if args in (["--version"], ["-V"]):
        from desktop_crm import __version__

        print(f"desktop-crm {__version__}")
        return 0
    first = _first_positional(args)
    if first is not None and is_workspace_argument(first, COMMANDS):
        args = workspace_args(args)
    elif first is not None:  # a command (an unknown one is the CLI's to name)
        return cli_main(args)
    if "-h" in args or "--help" in args:
        build_parser().print_help()  # the app's options and every command, without Qt
        return 0
    problem = display_problem(args)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_NO_DISPLAY
    try:
        from ui.app import run
    except ImportError as exc:
        message = qt_import_problem(exc)
        if message is None:
            raise
        print(message, file=sys.stderr)
        return EXIT_NO_DISPLAY
    return run(args)


def _self_test(args: Sequence[str]) -> int:
    """Run ``--self-test`` (alone: it makes its own workspace)."""
    if list(args) != [SELF_TEST]:
        print(f"desktop-crm: {SELF_TEST} takes no other arguments", file=sys.stderr)
        return EXIT_USAGE
    from ui.self_test import main as self_test

    problem = display_problem([])
    if problem == NO_DISPLAY:  # the app's advice does not fit here: say how to run them
        problem = "no display found (QT_QPA_PLATFORM=offscreen runs these steps without one)"
    return self_test(qt_problem=problem, import_problem=qt_import_problem)


def is_workspace_argument(arg: str, commands: Sequence[str]) -> bool:
    """Whether a positional argument names a workspace file to open rather than a command.

    A command's name is always the command (even if a file of that name is in the current
    folder); anything ending in ``.crm`` (any case) is a workspace, existing or not (the app
    says what is wrong with it); so is any other existing file (the app checks it).
    """
    if arg in commands:
        return False
    return arg.lower().endswith(WORKSPACE_SUFFIX) or os.path.isfile(arg)


def workspace_args(args: Sequence[str]) -> list[str]:
    """``args`` with their first positional argument given as ``--workspace PATH`` instead."""
    rest = list(args)
    at = _first_positional_index(rest)
    if at is None:
        return rest
    path = rest.pop(at)
    return ["--workspace", path, *rest]


def _first_positional(args: Sequence[str]) -> str | None:
    """The first argument that is neither an option nor an option's value."""
    at = _first_positional_index(args)
    return None if at is None else args[at]


def _first_positional_index(args: Sequence[str]) -> int | None:
    skip = False
    for at, arg in enumerate(args):
        if skip:
            skip = False
        elif arg in _VALUE_OPTIONS:
            skip = True
        elif not arg.startswith("-"):
            return at
    return None


def can_load(soname: str) -> bool:
    """Whether the dynamic loader finds and loads ``soname``, as Qt's plugin loader would.

    In a frozen build the copy the bundle carries is tried first: the app finds it there even
    where the system has none (the bundle's folders are on its library path).
    """
    for path in bundled_library(soname):
        try:
            ctypes.CDLL(path)
        except OSError:
            continue
        return True
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def bundled_library(soname: str, bundle: str | None = None) -> list[str]:
    """The copies of ``soname`` a frozen build carries (none when not frozen).

    Args:
        soname: The library's file name, e.g. ``libxcb-cursor.so.0``.
        bundle: The bundle's folder; ``sys._MEIPASS`` when frozen by PyInstaller.
    """
    if bundle is None:
        if not getattr(sys, "frozen", False):
            return []
        bundle = getattr(sys, "_MEIPASS", None) or os.path.dirname(sys.executable)
    candidates = (os.path.join(bundle, folder, soname) for folder in BUNDLE_LIBRARY_FOLDERS)
    return [os.path.normpath(path) for path in candidates if os.path.isfile(path)]


def display_problem(
    argv: Sequence[str],
    env: Mapping[str, str] | None = None,
    system: str | None = None,
    load: Callable[[str], bool] = can_load,
) -> str | None:
    """The one line to print instead of starting Qt on a Linux display it cannot use, or None.

    Args:
        argv: The app's arguments (``--screenshot`` renders offscreen and needs no display).
        env: The environment (``os.environ`` by default).
        system: ``sys.platform`` by default; only Linux is checked.
        load: Tells whether a shared library loads (tests pass a fake one).
    """
    env = os.environ if env is None else env
    if not (system or sys.platform).startswith("linux"):
        return None
    if any(a == "--screenshot" or a.startswith("--screenshot=") for a in argv):
        return None
    # "xcb", "xcb:option=value" or a fallback list "wayland;xcb": Qt tries the first first.
    platform = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip().lower()
    if platform not in ("", "xcb"):
        return None  # offscreen, wayland, vnc...: not ours to judge
    display, wayland = env.get("DISPLAY", "").strip(), env.get("WAYLAND_DISPLAY", "").strip()
    if not display and not wayland:
        return NO_DISPLAY
    if not platform and wayland and (not display or env.get("XDG_SESSION_TYPE") == "wayland"):
        return None  # a Wayland session: Qt uses its wayland plugin, not xcb
    missing = missing_libraries(XCB_LIBRARIES, load)
    if not missing:
        return None
    packages = " ".join(dict.fromkeys(XCB_LIBRARIES[m] for m in missing))
    return (
        f"desktop-crm: Qt's X11 display support needs system libraries that are missing "
        f"({', '.join(missing)}); install them (Debian, Ubuntu: sudo apt-get install {packages})"
    )


def missing_libraries(
    libraries: Mapping[str, str], load: Callable[[str], bool] = can_load
) -> list[str]:
    """The sonames among ``libraries`` that do not load."""
    return [soname for soname in libraries if not load(soname)]


def qt_import_problem(exc: ImportError) -> str | None:
    """One line for PySide6 failing to load a system library, or None for any other error."""
    text = str(exc)
    if "cannot open shared object file" not in text:
        return None
    soname = text.split(":", 1)[0].strip()
    package = QT_GUI_LIBRARIES.get(soname) or XCB_LIBRARIES.get(soname)
    advice = f" (Debian, Ubuntu: sudo apt-get install {package})" if package else ""
    return f"desktop-crm: Qt cannot start: the system library {soname} is missing{advice}"


if __name__ == "__main__":
    sys.exit(main())
