"""The composition root: parse arguments, build the app, open a workspace, show the window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from desktop_crm.services.workspace.error_log import data_dir, setup_logging
from ui.empty_state import DEMO_FILE
from ui.error_hooks import install_error_hooks
from ui.gui_thread_gc import collect_on_gui_thread
from ui.icons import app_icon
from ui.main_window import MainWindow
from ui.resources import resources_dir
from ui.screens import SCREEN_KEYS
from ui.startup_marks import watch_first_paint
from ui.theme import follow_system_color_scheme
from ui.worker import DbWorker
from ui.workspace_files import choose_workspace

TRANSLATIONS = resources_dir("translations")
STYLE = """
QListWidget#sidebar { font-size: 14px; padding-top: 8px; }
QListWidget#sidebar::item { padding: 7px 10px; }
QLabel#viewTitle { font-size: 22px; font-weight: 600; margin-bottom: 8px; }
QLabel#placeholderNotice { color: #8a6d00; background: #fff8e1; padding: 8px 12px;
    border-radius: 4px; margin-top: 12px; }
QFrame#tile { background: palette(base); border-radius: 6px; }
QLabel#tileValue { font-size: 26px; font-weight: 600; }
QLabel#tileCaption { color: palette(placeholder-text); }
"""


LANGUAGES = ("en", "zh", "zh_CN")
WORKSPACE_SUFFIX = ".crm"
SCREENSHOT_SIZE = (1180, 740)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"desktop-crm: {message} (see --help)\n")  # one line, as the CLI's


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Options of the GUI (subcommands are handled by the CLI)."""
    parser = _Parser(prog="desktop-crm", description="Desktop CRM")
    parser.add_argument("--workspace", type=Path, help="open this workspace file")
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="FILE.png",
        help="render the main window to a PNG and exit",
    )
    parser.add_argument("--view", choices=SCREEN_KEYS, default="today", help="screen to show")
    parser.add_argument("--language", choices=LANGUAGES, help="UI language for this run")
    parser.add_argument(
        "--tray",
        action="store_true",
        help="start hidden in the system tray (as at login); reminders still fire",
    )
    parser.add_argument(
        "--size",
        type=_size,
        default=SCREENSHOT_SIZE,
        metavar="WxH",
        help="window size for --screenshot (default 1180x740; the minimum is 900x560)",
    )
    return parser.parse_args(list(argv))


def _size(text: str) -> tuple[int, int]:
    """``WxH`` as a pair of pixels."""
    width, sep, height = text.lower().partition("x")
    if not (sep and width.isdigit() and height.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 1180x740")
    return int(width), int(height)


class ScreenshotSettings(QSettings):
    """The user's preferences, read but never written: a screenshot changes nothing on disk.

    What the window would remember (last workspace, geometry, columns) is kept in memory for
    this run only.
    """

    def __init__(self) -> None:
        super().__init__()
        self._overlay: dict[str, Any] = {}

    def setValue(self, key: str, value: Any) -> None:
        """Remember ``value`` for this run only."""
        self._overlay[key] = value

    def value(self, key: str, defaultValue: Any = None, type: Any = None) -> Any:
        """The value set in this run, else the stored one."""
        if key in self._overlay:
            return self._overlay[key]
        if type is not None:
            return super().value(key, defaultValue, type)
        return super().value(key, defaultValue)


def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Load the translation for ``language`` ("" = the system's); English needs none."""
    code = language or QLocale.system().name()
    if not code.startswith("zh"):
        english = QTranslator(app)  # plural forms only: "1 person", "3 people"
        if english.load(str(TRANSLATIONS / "desktop_crm_en.qm")):
            app.installTranslator(english)
        return None
    qt_own = QTranslator(app)  # Qt's own buttons (Back, Next, Cancel, Yes, No...)
    if qt_own.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
    translator = QTranslator(app)
    if translator.load(str(TRANSLATIONS / "desktop_crm_zh_CN.qm")):
        app.installTranslator(translator)
        return translator
    return None


def run(argv: Sequence[str]) -> int:
    """Start the GUI; return the exit code."""
    args = parse_args(argv)
    shooting = args.screenshot is not None
    if shooting and os.environ.get("QT_QPA_PLATFORM") is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    if not shooting:  # a screenshot makes no log folder; an error still finds one lazily
        setup_logging()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    # Before anything else: macOS may hand over the document that launched the app at once.
    file_open = FileOpenRequests(app)
    install_error_hooks(app)
    collect_on_gui_thread(app)
    app.setApplicationName("Desktop CRM")
    app.setOrganizationName("Desktop CRM")
    # Wayland's app id and X11's class: the desktop matches the window to the installed
    # desktop-crm.desktop (its icon in the dock, its name in the task switcher).
    app.setDesktopFileName("desktop-crm")
    settings = ScreenshotSettings() if shooting else QSettings()
    install_translator(app, args.language or str(settings.value("ui/language", "")))
    app.setStyleSheet(STYLE)
    follow_system_color_scheme(app)
    app.setWindowIcon(app_icon())
    worker = DbWorker()
    window = MainWindow(worker, settings)
    window.show_view(args.view)
    watch_first_paint(window)  # only for the benchmarks, when DESKTOP_CRM_STARTUP_MARKS is set
    code = 0

    if args.screenshot is not None:
        file_open.uninstall()  # a screenshot opens only the workspace it names
        if args.workspace is None:
            print("desktop-crm: --screenshot needs --workspace PATH", file=sys.stderr)
            return 2
        window.backup_on_close = False  # nothing on disk changes but the PNG
        return _screenshot(
            app, window, worker, args.workspace, args.screenshot, args.view, args.size
        )

    _enable_reminders(window, args.tray)
    window.team_sync.enable()  # a joined workspace syncs by itself (a screenshot does not)
    if not (args.tray and window.reminders.tray is not None):  # no tray: a window to close
        window.show()
    QTimer.singleShot(0, lambda: _open_initial(window, settings, args.workspace, None, file_open))
    code = app.exec()
    file_open.uninstall()
    worker.shutdown()
    return code


def _enable_reminders(window: MainWindow, in_tray: bool) -> None:
    """Reminders for this run, with the tray icon where the desktop has a tray."""
    from ui.reminders.tray import AppTray, tray_available

    window.reminders.started_in_tray = in_tray
    # A window that only hides on close would cancel the logout: let the session end it.
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.commitDataRequest.connect(lambda _manager: window.session_ending())
    window.reminders.enable(AppTray(window) if tray_available() else None)


class FileOpenRequests(QObject):
    """Workspaces the system asks the app to open (macOS: a double-clicked ``.crm`` file).

    macOS opens a document with an Apple event, which Qt delivers to the application as a
    ``QEvent.FileOpen``, not on the command line. One that arrives before the window is ready
    waits as :attr:`pending` (the start workspace); after :meth:`attach`, each opens in the
    window as File > Open does.

    Args:
        app: The application whose events are watched (until :meth:`uninstall`).

    Attributes:
        pending: A workspace asked for before the window took requests.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self.pending: Path | None = None
        self._window: MainWindow | None = None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Take a file-open event for a workspace; let every other event pass."""
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        name = event.file() or event.url().toLocalFile()
        if not name or Path(name).suffix.lower() != WORKSPACE_SUFFIX:
            return False  # not ours: Qt's default handling (none) applies
        self.request(Path(name))
        return True

    def request(self, path: Path) -> None:
        """Open ``path`` in the window, or keep it for the start if there is none yet."""
        if self._window is None:
            self.pending = path
        else:
            open_requested(self._window, path)

    def take_pending(self) -> Path | None:
        """The workspace asked for before the window was ready (once)."""
        path, self.pending = self.pending, None
        return path

    def attach(self, window: MainWindow) -> None:
        """From now on, requests open in ``window`` (one already waiting opens now)."""
        self._window = window
        path = self.take_pending()
        if path is not None:
            open_requested(window, path)

    def uninstall(self) -> None:
        """Stop watching the application's events."""
        self._app.removeEventFilter(self)
        self._window = None


def open_requested(window: MainWindow, path: Path) -> None:
    """Open a workspace the system asked for: in front, as File > Open would.

    A first-run question still on screen is answered by the request; the workspace already
    open is only brought to the front.
    """
    from ui.first_run import FirstRunDialog

    for dialog in window.findChildren(FirstRunDialog):
        if dialog.isVisible():
            dialog.reject()
    window.bring_up()
    current = window.workspace
    if current is not None and current.path.resolve() == path.resolve():
        return
    window.open_workspace(path)


def _open_initial(
    window: MainWindow,
    settings: QSettings,
    path: Path | None,
    default: Path | None = None,
    file_open: FileOpenRequests | None = None,
) -> None:
    """Open the named, last or default workspace, or ask how to start (first run).

    A workspace the system asked for before the window was ready (``file_open``) is the one
    named; later requests open as they come.
    """
    from ui.first_run import FirstRunDialog

    if file_open is not None:
        path = file_open.take_pending() or path
        file_open.attach(window)
    if path is not None:
        window.open_workspace(path)
        return
    last = settings.value("workspace/last")
    if last and Path(str(last)).exists():
        window.open_workspace(Path(str(last)))
        return
    default = default or _default_workspace()
    if default.exists():
        window.open_workspace(default)
        return
    window.show()  # started in the tray with nothing to open: the first run asks
    dialog = FirstRunDialog(window)
    dialog.exec()
    if dialog.choice == "demo":
        window.open_workspace(default.with_name(DEMO_FILE), "demo")
    elif dialog.choice == "new":
        window.open_workspace(default, "new")
    elif dialog.choice == "open":
        choose_workspace(window)


def _default_workspace() -> Path:
    return data_dir() / "workspace.crm"


def _screenshot(
    app: QApplication,
    window: MainWindow,
    worker: DbWorker,
    path: Path,
    target: Path,
    view: str,
    size: tuple[int, int] = SCREENSHOT_SIZE,
) -> int:
    result = {"code": 0}

    def grab_when_idle() -> None:
        if not worker.idle:
            QTimer.singleShot(20, grab_when_idle)
            return
        window.show_view(view)
        app.processEvents()
        if not window.grab().save(str(target)):
            print(f"desktop-crm: could not write {target}", file=sys.stderr)
            result["code"] = 1
        window.close()
        QTimer.singleShot(0, lambda: _quit_when_closed(app, window, worker))

    def failed(exc: BaseException) -> None:
        from ui.messages import error_text

        print(f"desktop-crm: {error_text(exc)}", file=sys.stderr)
        result["code"] = 1
        app.quit()

    window.workspaceOpened.connect(lambda _p: QTimer.singleShot(0, grab_when_idle))
    window.openFailed.connect(failed)
    window.resize(*size)  # never below the window's minimum size
    window.show()
    window.open_workspace(path)
    app.exec()
    worker.shutdown()
    return result["code"]


def _quit_when_closed(app: QApplication, window: MainWindow, worker: DbWorker) -> None:
    if window.workspace is None and worker.idle:
        app.quit()
    else:
        QTimer.singleShot(20, lambda: _quit_when_closed(app, window, worker))
