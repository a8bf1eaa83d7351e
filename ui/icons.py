"""The app's icons: Lucide SVGs tinted with the palette's text colour when painted.

``icon("contacts")`` returns a QIcon whose engine renders the SVG on demand, at any size
and device pixel ratio, in the *current* application palette's colour: the icons follow a
switch between light and dark palettes without being rebuilt. Rendered pixmaps are cached
per (name, colour, size) in QPixmapCache.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
    QPixmapCache,
)
from PySide6.QtSvg import QSvgRenderer

from ui.resources import resources_dir

#: Semantic name -> Lucide file (resources/icons/<file>.svg). resources/icons/README.md
#: lists the same mapping for people.
ICONS: dict[str, str] = {
    # sidebar
    "today": "calendar-check",
    "contacts": "users",
    "pool": "waves",  # the lead pool, 公海: "the open sea"
    "pipeline": "square-kanban",
    "quotes": "receipt-text",
    "contracts": "file-pen-line",
    "products": "package",
    "reports": "chart-column",
    "settings": "settings",
    "conflicts": "git-compare-arrows",
    # toolbar and menus
    "search": "search",
    "undo": "undo-2",
    "redo": "redo-2",
    "import": "file-input",
    "export": "file-output",
    "backup": "database-backup",
    "restore": "archive-restore",
    "new_workspace": "file-plus",
    "open_workspace": "folder-open",
    "add_person": "user-plus",
    "add_company": "building-complex-plus",
    "duplicates": "copy",
    "tag": "tag",
    "delete": "trash",
    "edit": "pencil",
    # activities on a card
    "call": "phone",
    "email": "mail",
    "note": "notebook-pen",
    "follow_up": "alarm-clock",
    # lists
    "filter": "funnel",
    "columns": "columns-3",
    # team sync in the status bar
    "sync_ok": "cloud-check",
    "sync_running": "refresh-cw",
    "sync_offline": "cloud-off",
    "sync_problem": "cloud-alert",
    "sync_pending": "cloud-upload",
    # the application itself
    "app": "contact-round",
}

#: The sizes (logical pixels) the icons are drawn for; any other size renders too.
SIZES: tuple[int, ...] = (16, 20, 24, 32, 48)


def icons_dir() -> Path:
    """The folder of the SVG files, from a source tree, a wheel or a PyInstaller bundle."""
    return resources_dir("icons")


def icon_path(name: str) -> Path:
    """The SVG file of the semantic icon ``name``; KeyError names the valid ones."""
    try:
        file = ICONS[name]
    except KeyError:
        valid = ", ".join(sorted(ICONS))
        raise KeyError(f"unknown icon {name!r}; valid names: {valid}") from None
    return icons_dir() / f"{file}.svg"


#: Sizes of the app icon's PNGs (resources/icons/app/png, made by installers/make_icons.py).
APP_ICON_SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon_svg() -> Path:
    """The app icon's own drawing (in colour: never tinted)."""
    return icons_dir() / "app" / "desktop-crm.svg"


def app_icon() -> QIcon:
    """The application's icon (window, taskbar, About), in its own colours.

    Built from the pre-rendered PNGs, so each size is the one drawn for it (16 px is hinted
    to the pixel grid) and no SVG is parsed at start; falls back to the SVG when the PNGs
    are missing (a checkout before ``installers/make_icons.py`` ran).
    """
    result = QIcon()
    folder = icons_dir() / "app" / "png"
    for size in APP_ICON_SIZES:
        png = folder / f"desktop-crm-{size}.png"
        if png.is_file():
            result.addFile(str(png), QSize(size, size))
    if result.isNull():
        result = QIcon(str(app_icon_svg()))
    return result


def icon(name: str) -> QIcon:
    """A QIcon for the semantic ``name``, tinted with the application palette when painted."""
    icon_path(name)  # fail now on an unknown name, not at paint time
    return QIcon(_TintedSvgEngine(name))


def icon_colour(mode: QIcon.Mode = QIcon.Mode.Normal) -> QColor:
    """The colour icons are drawn in for ``mode``, from the current application palette."""
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)


def tinted_pixmap(name: str, size: QSize, colour: QColor, scale: float = 1.0) -> QPixmap:
    """``name`` drawn in ``colour`` at ``size`` logical pixels for a ``scale`` device ratio."""
    device = QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale)))
    argb = colour.name(QColor.NameFormat.HexArgb)
    key = f"desktop-crm-icon:{name}:{argb}:{device.width()}x{device.height()}@{scale:g}"
    pixmap = QPixmap()
    if not QPixmapCache.find(key, pixmap):
        pixmap = _render(name, device, colour)
        pixmap.setDevicePixelRatio(scale)
        QPixmapCache.insert(key, pixmap)
    return pixmap


@cache
def _svg_text(name: str) -> str:
    return icon_path(name).read_text(encoding="utf-8")


def _render(name: str, device: QSize, colour: QColor) -> QPixmap:
    svg = _svg_text(name).replace("currentColor", colour.name(QColor.NameFormat.HexRgb))
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    pixmap = QPixmap(device)
    pixmap.fill(Qt.GlobalColor.transparent)
    side = min(device.width(), device.height())  # square glyphs, centred
    target = QRectF(
        (device.width() - side) / 2, (device.height() - side) / 2, float(side), float(side)
    )
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setOpacity(colour.alphaF())
    renderer.render(painter, target)
    painter.end()
    return pixmap


class _TintedSvgEngine(QIconEngine):
    """Renders one SVG in the palette colour of the moment, at whatever size is asked."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        """Draw into ``rect`` at the painter's device pixel ratio."""
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        pixmap = self.scaledPixmap(rect.size(), mode, state, scale)
        painter.drawPixmap(rect, pixmap)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        """The icon at ``size`` device pixels."""
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        """The icon at ``size`` logical pixels for a ``scale`` device pixel ratio."""
        return tinted_pixmap(self._name, size, icon_colour(mode), scale)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        """Square, within ``size``: vector glyphs scale to any size."""
        side = min(size.width(), size.height())
        return QSize(side, side)

    def availableSizes(
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:
        """The sizes the glyphs are designed to be legible at."""
        return [QSize(s, s) for s in SIZES]

    def clone(self) -> QIconEngine:
        """A copy for a detaching QIcon (one that is changed while it shares this engine).

        The QIcon owns the copy, but PySide does not keep the Python half of an object
        returned from a virtual alive: without a reference here Python would free it while
        Qt still paints with it (a crash). References go once Qt has deleted the copy.
        """
        _live_clones[:] = [engine for engine in _live_clones if shiboken6.isValid(engine)]
        engine = _TintedSvgEngine(self._name)
        _live_clones.append(engine)
        return engine

    def key(self) -> str:
        """The engine's kind."""
        return "desktop_crm_tinted_svg"

    def iconName(self) -> str:
        """The semantic name the icon was asked by."""
        return self._name

    def isNull(self) -> bool:
        """Never null: the name was checked when the icon was made."""
        return False


_live_clones: list[_TintedSvgEngine] = []

__all__ = [
    "APP_ICON_SIZES",
    "ICONS",
    "SIZES",
    "app_icon",
    "app_icon_svg",
    "icon",
    "icon_colour",
    "icon_path",
    "icons_dir",
    "tinted_pixmap",
]
