"""The self-test's Qt steps: the Chinese translation loads, the main window opens and paints.

They run after the service steps (``desktop_crm.services.selftest``) on the sample workspace
those left behind, through the app's own start (``ui.app.run``, its ``--screenshot`` path, which
renders offscreen and writes nothing but the PNG). Qt's preferences are redirected into the
run's folder first, so the user's are neither read nor written.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from PySide6.QtCore import QSettings, QTranslator
from PySide6.QtGui import QImage

from desktop_crm.services.selftest.dto import SelfTestPlace, StepFailed

# A string of the main window and its Chinese, from resources/translations/*_zh_CN.ts.
KNOWN = ("MainWindow", "&File", "文件(&F)")
LANGUAGE = "zh_CN"
# A painted window has text, icons and frames: many colours. A blank one has one or two.
MIN_COLOURS = 8


def check_translations(_place: SelfTestPlace) -> None:
    """The shipped zh_CN translation loads and translates a string of the main window.

    Raises:
        StepFailed: The file is missing or does not load, or gives another translation.
    """
    from ui.app import TRANSLATIONS

    qm = TRANSLATIONS / f"desktop_crm_{LANGUAGE}.qm"
    translator = QTranslator()
    if not translator.load(str(qm)):
        raise StepFailed(f"{qm} does not load" + ("" if qm.is_file() else " (missing)"))
    context, source, expected = KNOWN
    got = translator.translate(context, source)
    if got != expected:
        raise StepFailed(f"{qm.name} translates {source!r} as {got!r}, not {expected!r}")


def check_window(place: SelfTestPlace) -> None:
    """The main window opens on the sample workspace and paints a non-blank image offscreen.

    Raises:
        StepFailed: The app could not open the workspace, wrote no image, or a blank one.
    """
    from ui.app import run

    isolate_settings(place.folder / "settings")
    png = place.folder / "window.png"
    argv = ["--workspace", str(place.workspace), "--screenshot", str(png), "--language", LANGUAGE]
    said = io.StringIO()
    with contextlib.redirect_stderr(said):
        code = run(argv)
    if code != 0:
        lines = said.getvalue().strip().splitlines()
        last = lines[-1].removeprefix("desktop-crm: ") if lines else ""
        raise StepFailed(last or f"the app ended with exit code {code}")
    image = QImage(str(png))
    if image.isNull():
        raise StepFailed(f"the window's image {png.name} was not written")
    colours = distinct_colours(image)
    if colours < MIN_COLOURS:
        raise StepFailed(f"the window painted a blank image ({colours} colours)")


def isolate_settings(folder: Path) -> None:
    """Make this process's ``QSettings()`` an .ini file in ``folder`` (not the user's).

    ``QSettings()`` uses the default format: as an .ini file it goes where ``setPath`` says on
    every platform (the native format would be the registry on Windows).
    """
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


def distinct_colours(image: QImage, samples: int = 64) -> int:
    """How many colours a ``samples`` × ``samples`` grid over ``image`` meets."""
    width, height = image.width(), image.height()
    if width == 0 or height == 0:
        return 0
    return len(
        {
            image.pixel(x * width // samples, y * height // samples)
            for x in range(samples)
            for y in range(samples)
        }
    )
