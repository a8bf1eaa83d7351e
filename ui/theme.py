"""Follow the system's light or dark colour scheme where the platform style does not.

Windows 11, macOS and the desktop styles of KDE and GNOME switch palettes themselves.
The Fusion style (the default on most Linux desktops) keeps its light palette whatever the
system says: there the app sets a dark Fusion palette for a dark scheme, and returns to the
standard palette for a light one. Icons from :mod:`ui.icons` read the palette when they are
painted, so they re-tint with it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

_FOLLOWING = "desktop_crm_follows_color_scheme"  # QApplication properties
_OVERRIDDEN = "desktop_crm_palette_overridden"

# (role, active and inactive colour, disabled colour)
_DARK: tuple[tuple[QPalette.ColorRole, str, str], ...] = (
    (QPalette.ColorRole.Window, "#2d2d2d", "#2d2d2d"),
    (QPalette.ColorRole.WindowText, "#e8e8e8", "#7f7f7f"),
    (QPalette.ColorRole.Base, "#1e1e1e", "#262626"),
    (QPalette.ColorRole.AlternateBase, "#262626", "#262626"),
    (QPalette.ColorRole.Text, "#e8e8e8", "#7f7f7f"),
    (QPalette.ColorRole.PlaceholderText, "#8c8c8c", "#5f5f5f"),
    (QPalette.ColorRole.Button, "#363636", "#2d2d2d"),
    (QPalette.ColorRole.ButtonText, "#e8e8e8", "#7f7f7f"),
    (QPalette.ColorRole.BrightText, "#ffffff", "#ffffff"),
    (QPalette.ColorRole.Light, "#4a4a4a", "#4a4a4a"),
    (QPalette.ColorRole.Midlight, "#3e3e3e", "#3e3e3e"),
    (QPalette.ColorRole.Mid, "#8a8a8a", "#5f5f5f"),  # read as caption text by app.STYLE
    (QPalette.ColorRole.Dark, "#1a1a1a", "#1a1a1a"),
    (QPalette.ColorRole.Shadow, "#0d0d0d", "#0d0d0d"),
    (QPalette.ColorRole.Highlight, "#2f7fc1", "#4a4a4a"),
    (QPalette.ColorRole.HighlightedText, "#ffffff", "#9a9a9a"),
    (QPalette.ColorRole.Accent, "#2f7fc1", "#4a4a4a"),
    (QPalette.ColorRole.Link, "#5eaef0", "#5f7f9a"),
    (QPalette.ColorRole.LinkVisited, "#b08ce8", "#7f6f9a"),
    (QPalette.ColorRole.ToolTipBase, "#3a3a3a", "#3a3a3a"),
    (QPalette.ColorRole.ToolTipText, "#e8e8e8", "#e8e8e8"),
)


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style."""
    palette = QPalette()
    for role, normal, disabled in _DARK:
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, role, QColor(normal))
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return palette


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` draws light text on dark windows."""
    window = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def apply_color_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """Give ``app`` a palette matching ``scheme`` if its style and platform do not.

    Only the Fusion style is changed; an Unknown scheme leaves the platform's palette.
    """
    if app.style().name().lower() != "fusion":
        return
    if app.property(_OVERRIDDEN):
        app.setPalette(QPalette())  # back to the platform's own palette, to judge it afresh
        app.setProperty(_OVERRIDDEN, False)
    platform_dark = is_dark(app.palette())
    if scheme == Qt.ColorScheme.Dark and not platform_dark:
        app.setPalette(dark_palette())
        app.setProperty(_OVERRIDDEN, True)
    elif scheme == Qt.ColorScheme.Light and platform_dark:
        app.setPalette(app.style().standardPalette())
        app.setProperty(_OVERRIDDEN, True)


def follow_system_color_scheme(app: QApplication) -> None:
    """Match the system's colour scheme now and whenever it changes (Qt 6.5 or later)."""
    hints = app.styleHints()
    if not hasattr(hints, "colorScheme"):  # Qt before 6.5 does not know the scheme
        return
    apply_color_scheme(app, hints.colorScheme())
    if app.property(_FOLLOWING):
        return
    app.setProperty(_FOLLOWING, True)

    def changed(_scheme: Qt.ColorScheme) -> None:
        # Let Qt update the platform palette first, then read the scheme it settled on.
        QTimer.singleShot(0, app, lambda: apply_color_scheme(app, hints.colorScheme()))

    hints.colorSchemeChanged.connect(changed)
