"""The bundled Lucide icons: files, rendering, palette tinting, and the dark-mode palette."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QToolButton

from ui import icons, theme
from ui.icons import ICONS, icon, icon_colour, icon_path, icons_dir


@pytest.fixture
def app_palette(qapp: QApplication) -> Iterator[QApplication]:
    """Let a test change the application palette; put the original back afterwards."""
    original = QPalette(qapp.palette())
    yield qapp
    qapp.setPalette(original)
    qapp.setProperty("desktop_crm_palette_overridden", False)


def light_palette() -> QPalette:
    palette = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Window, QColor("#f0f0f0"))
        palette.setColor(group, QPalette.ColorRole.WindowText, QColor("#101010"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#a0a0a0"))
    return palette


def ink(image: QImage, min_alpha: int = 200) -> list[QColor]:
    """The colours of the clearly drawn (mostly opaque) pixels."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    colours = (image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width()))
    return [c for c in colours if c.alpha() > min_alpha]


def test_every_semantic_name_resolves_to_a_bundled_svg() -> None:
    for name in ICONS:
        path = icon_path(name)
        assert path.is_file(), f"{name}: {path} is missing"
        assert 'stroke="currentColor"' in path.read_text(encoding="utf-8"), name


def test_the_folder_holds_only_the_icons_in_use() -> None:
    files = {p.stem for p in icons_dir().glob("*.svg")}
    assert files == set(ICONS.values())


def test_the_licence_ships_with_the_icons() -> None:
    licence = icons_dir() / "LICENSE"
    assert licence.is_file()
    assert "ISC License" in licence.read_text(encoding="utf-8")
    readme = (icons_dir() / "README.md").read_text(encoding="utf-8")
    for name, file in ICONS.items():
        assert f"| `{name}` | `{file}.svg` |" in readme


def test_an_unknown_name_raises_key_error_listing_the_valid_names() -> None:
    with pytest.raises(KeyError, match="contacts") as raised:
        icon("floppy")
    assert "floppy" in str(raised.value)
    assert "follow_up" in str(raised.value)


def test_the_folder_is_found_inside_a_pyinstaller_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = tmp_path / "resources" / "icons"
    bundled.mkdir(parents=True)
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert icons_dir() == bundled


@pytest.mark.parametrize("name", sorted(ICONS))
def test_each_icon_renders_at_16_and_32_pixels(qapp: QApplication, name: str) -> None:
    qicon = icon(name)
    assert not qicon.isNull()
    for size in (16, 32):
        pixmap = qicon.pixmap(size)
        assert pixmap.size() == QSize(size, size)
        drawn = ink(pixmap.toImage(), min_alpha=64)
        assert len(drawn) >= size, f"{name} at {size}px draws almost nothing"


def test_hidpi_pixmaps_are_rendered_at_device_resolution(qapp: QApplication) -> None:
    pixmap = icon("contacts").pixmap(QSize(24, 24), 2.0)
    assert pixmap.devicePixelRatio() == 2.0
    assert pixmap.size() == QSize(48, 48)
    assert len(icon("contacts").availableSizes()) == len(icons.SIZES)


def test_icons_take_the_text_colour_of_the_palette(app_palette: QApplication) -> None:
    qicon = icon("products")  # one icon, kept across the palette change
    app_palette.setPalette(light_palette())
    light = ink(qicon.pixmap(32).toImage())
    assert light and all(c.lightness() < 80 for c in light)

    app_palette.setPalette(theme.dark_palette())
    dark = ink(qicon.pixmap(32).toImage())
    assert dark and all(c.lightness() > 180 for c in dark)


def test_disabled_icons_use_the_disabled_text_colour(app_palette: QApplication) -> None:
    app_palette.setPalette(light_palette())
    qicon = icon("delete")
    disabled = ink(qicon.pixmap(QSize(32, 32), QIcon.Mode.Disabled).toImage())
    expected = icon_colour(QIcon.Mode.Disabled)
    assert expected.name() == "#a0a0a0"
    assert disabled and all(abs(c.lightness() - expected.lightness()) < 24 for c in disabled)


def test_icons_paint_into_widgets(qtbot, app_palette: QApplication) -> None:
    app_palette.setPalette(light_palette())
    button = QToolButton()
    button.setIcon(icon("search"))
    button.setIconSize(QSize(24, 24))
    button.setAutoRaise(True)
    qtbot.addWidget(button)
    button.show()
    assert any(c.lightness() < 80 for c in ink(button.grab().toImage()))

    image = QImage(20, 20, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    icon("call").paint(painter, image.rect())
    painter.end()
    assert ink(image)


def test_a_changed_copy_of_an_icon_keeps_working(qapp: QApplication) -> None:
    original = icon("tag")
    copy = QIcon(original)
    copy.addPixmap(QPixmap(8, 8))  # detaches: Qt clones the engine
    assert not copy.pixmap(16).isNull()
    assert not original.pixmap(16).isNull()


def test_a_dark_scheme_gives_fusion_a_dark_palette_and_light_takes_it_back(
    app_palette: QApplication,
) -> None:
    if app_palette.style().name().lower() != "fusion":
        pytest.skip("the dark palette is only set for the Fusion style")
    app_palette.setPalette(QPalette())  # the platform's own (light) palette
    assert not theme.is_dark(app_palette.palette())

    theme.apply_color_scheme(app_palette, Qt.ColorScheme.Dark)
    assert theme.is_dark(app_palette.palette())
    assert icon_colour().lightness() > 180

    theme.apply_color_scheme(app_palette, Qt.ColorScheme.Light)
    assert not theme.is_dark(app_palette.palette())
    assert icon_colour().lightness() < 80


def test_following_the_system_scheme_keeps_the_palette_when_it_is_unknown(
    app_palette: QApplication,
) -> None:
    before = app_palette.palette().color(QPalette.ColorRole.Window)
    theme.follow_system_color_scheme(app_palette)
    theme.follow_system_color_scheme(app_palette)  # twice is harmless
    if app_palette.styleHints().colorScheme() == Qt.ColorScheme.Unknown:
        assert app_palette.palette().color(QPalette.ColorRole.Window) == before
