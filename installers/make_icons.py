"""Render the app icon (resources/icons/app/desktop-crm.svg) into the files installers need.

Run from the repository root after changing the SVG, then commit what it writes::

    uv run python installers/make_icons.py

It writes the hicolor PNG sizes (``resources/icons/app/png/desktop-crm-<N>.png``; the Linux
.desktop entry and the app's window icon use them), ``installers/windows/desktop-crm.ico``
(16-256 px) and ``installers/macos/desktop-crm.icns``. Qt draws every size straight from the
vector (no bitmap is scaled down, so 16 px stays sharp); Pillow only packs the ICO and ICNS.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "app" / "desktop-crm.svg"
PNG_DIR = ROOT / "resources" / "icons" / "app" / "png"
ICO = ROOT / "installers" / "windows" / "desktop-crm.ico"
ICNS = ROOT / "installers" / "macos" / "desktop-crm.icns"

#: hicolor theme sizes (freedesktop icon theme spec); also what the window icon is built from.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: Windows Explorer, taskbar and Start menu use 16-256; 256 is the largest an ICO holds.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: Finder and the Dock pick from these (1024 is 512@2x).
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def png_path(size: int, folder: Path = PNG_DIR) -> Path:
    """Where the ``size`` px PNG goes."""
    return folder / f"desktop-crm-{size}.png"


def render_png(svg: Path, size: int) -> bytes:
    """``svg`` drawn at ``size`` x ``size`` px on transparency, as PNG bytes (Qt, offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        _keep.append(QGuiApplication(sys.argv[:1]))
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide takes the format as str here, though its stubs say bytes.
    image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


_keep: list[object] = []  # the QGuiApplication made here lives as long as the process


def make_icons(
    svg: Path = SVG, png_dir: Path = PNG_DIR, ico: Path = ICO, icns: Path = ICNS
) -> list[Path]:
    """Write the PNGs, the ICO and the ICNS from ``svg``; return the files written."""
    from PIL import Image

    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | set(ICNS_SIZES))
    rendered = {size: render_png(svg, size) for size in sizes}
    images = {size: Image.open(io.BytesIO(data)).convert("RGBA") for size, data in rendered.items()}
    written: list[Path] = []

    png_dir.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        target = png_path(size, png_dir)
        target.write_bytes(rendered[size])
        written.append(target)

    # Each size in the ICO and ICNS is its own render (append_images), not a resized 256/1024.
    ico.parent.mkdir(parents=True, exist_ok=True)
    largest = images[max(ICO_SIZES)]
    largest.save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    written.append(ico)

    icns.parent.mkdir(parents=True, exist_ok=True)
    images[max(ICNS_SIZES)].save(
        icns,
        format="ICNS",
        append_images=[images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    written.append(icns)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: write every icon file (or into ``--out`` for a trial run)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SVG, help="the icon's SVG")
    parser.add_argument(
        "--out", type=Path, help="write png/, desktop-crm.ico and .icns here instead"
    )
    args = parser.parse_args(argv)
    if args.out is None:
        written = make_icons(args.svg)
    else:
        written = make_icons(
            args.svg, args.out / "png", args.out / "desktop-crm.ico", args.out / "desktop-crm.icns"
        )
    for path in written:
        print(f"{path}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
