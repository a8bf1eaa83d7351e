"""The app icon: the committed PNG/ICO/ICNS are renders of the SVG, and the app loads them."""

from __future__ import annotations

import importlib.util
import io
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image, ImageChops
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
APP_DIR = ROOT / "resources" / "icons" / "app"


def make_icons() -> ModuleType:
    """installers/make_icons.py (a script, not a package module)."""
    spec = importlib.util.spec_from_file_location(
        "make_icons", ROOT / "installers" / "make_icons.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rgba(path_or_bytes: Path | bytes) -> Image.Image:
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else path_or_bytes.read_bytes()
    return Image.open(io.BytesIO(data)).convert("RGBA")


def largest_difference(a: Image.Image, b: Image.Image) -> int:
    extrema = ImageChops.difference(a, b).getextrema()
    return max(high for _low, high in extrema)  # type: ignore[union-attr]


def test_each_committed_png_is_a_fresh_render_of_the_svg(qapp: QApplication) -> None:
    icons = make_icons()
    for size in icons.PNG_SIZES:
        committed = rgba(APP_DIR / "png" / f"desktop-crm-{size}.png")
        assert committed.size == (size, size)
        fresh = rgba(icons.render_png(icons.SVG, size))
        # Anti-aliasing may differ by a shade between Qt builds; a changed drawing differs a lot.
        assert largest_difference(committed, fresh) <= 8, f"run installers/make_icons.py ({size})"


def test_the_icon_reads_at_16_px_a_blue_tile_with_a_white_card() -> None:
    image = rgba(APP_DIR / "png" / "desktop-crm-16.png")
    corner = image.getpixel((0, 0))
    assert corner[3] < 128  # rounded corners: transparent
    red, _green, blue, alpha = image.getpixel((8, 1))  # the tile above the card
    assert alpha == 255 and blue > 150 and red < 90  # our blue (#2f6fb3 family)
    card = image.getpixel((12, 10))  # the card, right of the person, below the lines
    assert min(card[:3]) > 220
    person = image.getpixel((5, 7))  # the person's head on the card
    assert person[2] > person[0] + 60


def test_the_ico_holds_every_windows_size_each_rendered_for_its_size() -> None:
    icons = make_icons()
    ico = Image.open(icons.ICO)
    assert ico.format == "ICO"
    assert ico.info["sizes"] == {(s, s) for s in (16, 24, 32, 48, 64, 128, 256)}
    ico.size = (16, 16)  # type: ignore[misc]  # Pillow's way to pick a frame
    small = ico.convert("RGBA")
    # The 16 px frame is the hinted render, not the 256 px one scaled down.
    assert largest_difference(small, rgba(APP_DIR / "png" / "desktop-crm-16.png")) <= 8


def test_the_icns_holds_retina_sizes_up_to_1024() -> None:
    icons = make_icons()
    icns = Image.open(icons.ICNS)
    assert icns.format == "ICNS"
    sizes = set(icns.info["sizes"])
    assert {(512, 512, 2), (512, 512, 1), (256, 256, 1), (128, 128, 1), (16, 16, 2)} <= sizes
    icns.size = (512, 512)
    icns.load(scale=2)
    assert icns.size == (1024, 1024)
    corner, centre = icns.getpixel((0, 0)), icns.getpixel((512, 700))
    assert corner[3] == 0 and min(centre[:3]) > 220  # type: ignore[index]


def test_make_icons_writes_every_file_into_a_chosen_folder(
    qapp: QApplication, tmp_path: Path
) -> None:
    icons = make_icons()
    assert icons.main(["--out", str(tmp_path)]) == 0
    for size in icons.PNG_SIZES:
        assert rgba(tmp_path / "png" / f"desktop-crm-{size}.png").size == (size, size)
    assert Image.open(tmp_path / "desktop-crm.ico").format == "ICO"
    assert Image.open(tmp_path / "desktop-crm.icns").format == "ICNS"


def test_app_icon_offers_every_size_in_its_own_colours(qapp: QApplication) -> None:
    from ui.icons import APP_ICON_SIZES, app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} == set(APP_ICON_SIZES)
    image = icon.pixmap(QSize(16, 16)).toImage()
    expected = QImage(str(APP_DIR / "png" / "desktop-crm-16.png"))
    assert image.convertToFormat(QImage.Format.Format_ARGB32) == expected.convertToFormat(
        QImage.Format.Format_ARGB32
    )


def test_app_icon_comes_from_a_frozen_bundle_and_falls_back_to_the_svg(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.icons import app_icon

    bundle_app = tmp_path / "resources" / "icons" / "app"
    bundle_app.mkdir(parents=True)
    shutil.copy(APP_DIR / "desktop-crm.svg", bundle_app)  # PNGs missing: the SVG serves
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    icon = app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} != {16, 24, 32, 48, 64, 128, 256, 512}
    pixel = icon.pixmap(QSize(64, 64)).toImage().pixelColor(32, 4)
    assert pixel.alpha() == 255 and pixel.blue() > 150 and pixel.red() < 90

    shutil.copytree(APP_DIR / "png", bundle_app / "png")
    (bundle_app / "png" / "desktop-crm-512.png").unlink()  # what the bundle holds is used
    sizes = {s.width() for s in app_icon().availableSizes()}
    assert sizes == {16, 24, 32, 48, 64, 128, 256}
