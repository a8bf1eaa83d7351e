"""Fonts that print Chinese in every PDF, found and registered with reportlab.

reportlab embeds TrueType outlines only (``glyf``); it cannot read CFF/OpenType outlines such as
Noto Sans CJK or Source Han Sans, so those are skipped. The order: a font shipped with the app
(``resources/fonts``), then the usual system fonts of each OS, and only when none is usable
reportlab's built-in CID font STSong-Light, which PDF readers draw from their own fonts (nothing
is embedded, so how it looks depends on the reader).
"""

from __future__ import annotations

import sys
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from fontTools.ttLib import TTFont as ToolsFont

SHIPPED_FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
SHIPPED_FONT = SHIPPED_FONTS / "WenQuanYiMicroHei-GBK.ttf"
SHIPPED_FAMILY = "WenQuanYi Micro Hei"
CID_FALLBACK = "STSong-Light"
# Characters a usable font must have: common hanzi, full-width punctuation and the yuan sign.
PROBE = "报价单合同人民币壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整，。：￥"

_SYSTEM_FONTS: dict[str, tuple[str, ...]] = {
    "win32": (
        "C:/Windows/Fonts/msyh.ttc",
        "C:/Windows/Fonts/simhei.ttf",
        "C:/Windows/Fonts/simsun.ttc",
        "C:/Windows/Fonts/Deng.ttf",
    ),
    "darwin": (
        "/System/Library/Fonts/STHeiti Medium.ttc",
        "/System/Library/Fonts/STHeiti Light.ttc",
        "/Library/Fonts/Arial Unicode.ttf",
        "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    ),
    "linux": (
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
        "/usr/share/fonts/truetype/arphic/ukai.ttc",
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
        "/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf",
    ),
}


@dataclass(frozen=True)
class FontChoice:
    """The font documents draw Chinese with.

    Attributes:
        source: ``shipped`` (bundled with the app), ``system`` or ``cid`` (not embedded).
        path: The font file; ``None`` for the CID fallback.
        subfont: The face's index inside a ``.ttc`` collection.
        family: The font's family name as it calls itself (or the CID font's name).
    """

    source: Literal["shipped", "system", "cid"]
    path: Path | None
    subfont: int
    family: str

    @property
    def embedded(self) -> bool:
        """Whether the glyphs drawn are embedded in the PDF (always, except for the CID font)."""
        return self.path is not None


def system_font_paths(platform: str = sys.platform) -> tuple[Path, ...]:
    """The usual places of Chinese TrueType fonts on ``platform``, best first."""
    key = "linux" if platform.startswith("linux") else platform
    return tuple(Path(p) for p in _SYSTEM_FONTS.get(key, _SYSTEM_FONTS["linux"]))


def usable_face(path: Path, probe: str = PROBE) -> tuple[int, str] | None:
    """The first face of ``path`` with TrueType outlines covering ``probe``.

    Returns:
        ``(subfont, family)``, or ``None`` when the file is missing or unreadable, has CFF
        outlines, or lacks Chinese.
    """
    # fontTools is imported here, not at the top: printing with the trusted shipped font never
    # needs it, and its import would add ~40 ms to the first PDF of a session.
    from fontTools.ttLib import TTLibError

    try:
        faces = _faces(path)
    except (OSError, TTLibError, AssertionError, ValueError):
        return None
    for index, font in enumerate(faces):
        try:
            if "glyf" not in font or "CFF " in font:
                continue
            cmap = font.getBestCmap() or {}
            if all(ord(char) in cmap for char in probe):
                return index, str(font["name"].getDebugName(1) or path.stem)
        finally:
            font.close()
    return None


def _faces(path: Path) -> list[ToolsFont]:
    """Every face of a font file, read lazily (tables load when first touched)."""
    from fontTools.ttLib import TTCollection, TTFont

    with path.open("rb") as file:
        is_collection = file.read(4) == b"ttcf"
    if not is_collection:
        return [TTFont(str(path), lazy=True)]

    return list(TTCollection(str(path), lazy=True).fonts)


def choose_font(
    shipped: Iterable[Path] | None = None, system: Sequence[Path] | None = None
) -> FontChoice:
    """The best usable font: shipped, then system, else the CID fallback."""
    if shipped is None:
        shipped = sorted(SHIPPED_FONTS.glob("*.tt[fc]")) if SHIPPED_FONTS.is_dir() else []
    candidates: list[tuple[Literal["shipped", "system"], Path]] = [("shipped", p) for p in shipped]
    candidates += [("system", p) for p in (system_font_paths() if system is None else system)]
    for source, path in candidates:
        if not path.is_file():
            continue
        face = usable_face(path)
        if face is not None:
            return FontChoice(source, path, face[0], face[1])
    return FontChoice("cid", None, 0, CID_FALLBACK)


@cache
def default_font() -> FontChoice:
    """The font this process draws Chinese with (chosen once).

    The shipped font is trusted without reading its cmap: ``test_document_fonts`` proves it
    covers GB2312 and the probe, and the check would cost the first PDF of a session ~0.15 s.
    """
    if SHIPPED_FONT.is_file():
        return FontChoice("shipped", SHIPPED_FONT, 0, SHIPPED_FAMILY)
    return choose_font()


@cache
def registered_name(choice: FontChoice) -> str:
    """Register ``choice`` once per process under a name of its own; return that name."""
    if choice.path is None:
        return register(choice)
    digest = zlib.crc32(f"{choice.path}#{choice.subfont}".encode())
    return register(choice, f"CRM-CJK-{choice.source}-{digest:08x}")


def register(choice: FontChoice, name: str = "CRM-CJK") -> str:
    """Register ``choice`` with reportlab under ``name`` (once); return the name to draw with."""
    from reportlab.pdfbase import pdfmetrics

    if choice.path is None:
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        if CID_FALLBACK not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
        return CID_FALLBACK
    if name not in pdfmetrics.getRegisteredFontNames():
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont(name, str(choice.path), subfontIndex=choice.subfont))
    return name
