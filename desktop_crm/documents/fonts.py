"""Fonts that print Chinese in every PDF, found and registered with reportlab.

reportlab embeds TrueType outlines only (``glyf``); it cannot read CFF/OpenType outlines such as
Noto Sans CJK or Source Han Sans, so those are skipped. The order: a font shipped with the app
(``resources/fonts``), then the usual system fonts of each OS, and only when none is usable
reportlab's built-in CID font STSong-Light, which PDF readers draw from their own fonts (nothing
is embedded, so how it looks depends on the reader).

A character the document font lacks (Korean, Greek, a rare hanzi outside the shipped GBK subset)
is drawn in a fallback font that has it: the first TrueType face among ``fallback_font_paths``
whose cmap holds it. Those cmaps are read only when such a character turns up, one file at a
time, and remembered for the process (see :class:`Coverage`).
"""

from __future__ import annotations

import re
import sys
import threading
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


# Fonts with wide coverage tried after the Chinese ones for what the document font lacks.
_EXTRA_FALLBACKS: dict[str, tuple[str, ...]] = {
    "win32": (
        "C:/Windows/Fonts/malgun.ttf",
        "C:/Windows/Fonts/simsunb.ttf",
        "C:/Windows/Fonts/arial.ttf",
        "C:/Windows/Fonts/seguisym.ttf",
        "C:/Windows/Fonts/seguiemj.ttf",
    ),
    "darwin": (
        "/System/Library/Fonts/AppleSDGothicNeo.ttc",
        "/System/Library/Fonts/Supplemental/Arial.ttf",
        "/System/Library/Fonts/Apple Symbols.ttf",
    ),
    "linux": (
        "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
        "/usr/share/fonts/truetype/unfonts-core/UnDotum.ttf",
        "/usr/share/fonts/truetype/hanazono/HanaMinB.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",
    ),
}
_TAG = re.compile(r"(<[^>]*>)")


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


def fallback_font_paths(platform: str = sys.platform) -> tuple[Path, ...]:
    """Where to look, in order, for a character the document font lacks on ``platform``.

    The Chinese fonts of :func:`system_font_paths` first (WenQuanYi Micro Hei matches the
    shipped subset), then fonts with wide coverage (Korean, Greek, symbols).
    """
    key = "linux" if platform.startswith("linux") else platform
    extra = _EXTRA_FALLBACKS.get(key, _EXTRA_FALLBACKS["linux"])
    return system_font_paths(platform) + tuple(Path(p) for p in extra)


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


_REGISTERING = threading.Lock()


def registered_name(choice: FontChoice) -> str:
    """Register ``choice`` once per process under a name of its own; return that name.

    Safe from several threads: the app warms the renderer on its reader while a print may
    start on its writer, and reportlab's font registry is one per process.
    """
    with _REGISTERING:
        return _registered_name(choice)


@cache
def _registered_name(choice: FontChoice) -> str:
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
    registered = pdfmetrics.getRegisteredFontNames()
    if name not in registered:
        from reportlab.pdfbase.ttfonts import TTFont

        font = TTFont(name, str(choice.path), subfontIndex=choice.subfont)
        # reportlab takes a second font with a face name it knows for the first one (the system
        # WenQuanYi Micro Hei for the shipped subset): give this one a name of its own.
        taken = {getattr(pdfmetrics.getFont(n), "face", None) for n in registered}
        if font.face.name in {getattr(face, "name", None) for face in taken}:
            font.face.name += f"-{zlib.crc32(name.encode()):08x}".encode()
        pdfmetrics.registerFont(font)
    return name


@dataclass(frozen=True)
class FallbackFace:
    """A TrueType face that may draw what the document font lacks.

    Attributes:
        path: The font file.
        subfont: The face's index inside a ``.ttc`` collection.
        chars: The characters its cmap maps.
    """

    path: Path
    subfont: int
    chars: frozenset[str]

    @property
    def name(self) -> str:
        """The name it is registered with reportlab under."""
        digest = zlib.crc32(f"{self.path}#{self.subfont}".encode())
        return f"CRM-Fallback-{digest:08x}"


def _first_truetype_face(path: Path) -> FallbackFace | None:
    """The first face of ``path`` with TrueType outlines, with its characters; ``None`` if none."""
    from fontTools.ttLib import TTLibError

    try:
        faces = _faces(path)
    except (OSError, TTLibError, AssertionError, ValueError):
        return None
    found: FallbackFace | None = None
    for index, font in enumerate(faces):
        try:
            if found is None and "glyf" in font and "CFF " not in font:
                cmap = font.getBestCmap() or {}
                found = FallbackFace(path, index, frozenset(map(chr, cmap)))
        except (TTLibError, AssertionError, ValueError, KeyError):
            continue
        finally:
            font.close()
    return found


class _Fallbacks:
    """The fallback faces of this process, read one file at a time as characters need them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.reset(None)

    def reset(self, paths: Sequence[Path] | None) -> None:
        """Look in ``paths`` from now on (``fallback_font_paths()`` when ``None``)."""
        with self._lock:
            self._paths = None if paths is None else tuple(paths)
            self._pending: list[Path] | None = None
            self._faces: list[FallbackFace] = []
            self._by_char: dict[str, str | None] = {}

    def font_for(self, char: str) -> str | None:
        """The registered name of the first fallback face that draws ``char``, or ``None``."""
        known = self._by_char.get(char, "")
        if known != "":
            return known
        with self._lock:
            if self._pending is None:
                paths = fallback_font_paths() if self._paths is None else self._paths
                self._pending = [p for p in paths if p.is_file()]
            face = next((f for f in self._faces if char in f.chars), None)
            while face is None and self._pending:
                loaded = _first_truetype_face(self._pending.pop(0))
                if loaded is not None:
                    self._faces.append(loaded)
                    face = loaded if char in loaded.chars else None
            name = None
            if face is not None:
                name = register(FontChoice("system", face.path, face.subfont, face.name), face.name)
            self._by_char[char] = name
            return name


_FALLBACKS = _Fallbacks()


def use_fallback_fonts(paths: Sequence[Path] | None) -> None:
    """Look for missing characters in ``paths`` (``None``: the usual places of this OS)."""
    _FALLBACKS.reset(paths)


@cache
def _drawn_by(font: str) -> frozenset[str] | None:
    """The characters the registered TrueType font ``font`` draws; ``None`` for a CID font."""
    from reportlab.pdfbase import pdfmetrics

    face = getattr(pdfmetrics.getFont(font), "face", None)
    glyphs: dict[int, int] | None = getattr(face, "charToGlyph", None)
    if glyphs is None:
        return None
    return frozenset(map(chr, glyphs))


def _cid_draws(char: str) -> bool:
    """Whether the CID font is relied on for ``char``: ASCII, the yuan sign and GBK.

    STSong-Light is drawn by the reader from its Adobe-GB1 font, which covers GBK.
    """
    if char < "\x80" or char == "¥":
        return True
    try:
        char.encode("gbk")
    except UnicodeEncodeError:
        return False
    return True


class Coverage:
    """What the document font of one rendering draws, the fallback for the rest, what is lost.

    Checking a string costs one ``isascii`` call for ASCII and a set comparison otherwise; the
    font's character set is built once per process, the first time a string is not ASCII.

    Attributes:
        font: The registered document font.
        missing: Characters no font draws (printed as a box), in the order they turned up.
    """

    def __init__(self, font: str) -> None:
        self.font = font
        self.missing: dict[str, None] = {}

    def lacks(self, text: str) -> bool:
        """Whether ``text`` holds a character the document font does not draw."""
        if text.isascii():
            return False
        chars = _drawn_by(self.font)
        if chars is None:
            return not all(_cid_draws(c) for c in text)
        return not chars.issuperset(text)

    def _draws(self, char: str) -> bool:
        chars = _drawn_by(self.font)
        if chars is None:
            return _cid_draws(char)
        return char < "\x80" or char in chars

    def runs(self, text: str) -> list[tuple[str, str]]:
        """``text`` cut into ``(font, part)`` runs, each part drawn in its font.

        A character no font has stays in the document font's run and is noted in ``missing``.
        """
        if not self.lacks(text):
            return [(self.font, text)]
        out: list[tuple[str, str]] = []
        for char in text:
            font = self.font
            if not self._draws(char) and not char.isspace():
                found = _FALLBACKS.font_for(char)
                if found is None:
                    self.missing[char] = None
                else:
                    font = found
            if out and out[-1][0] == font:
                out[-1] = (font, out[-1][1] + char)
            else:
                out.append((font, char))
        return out

    def markup(self, body: str) -> str:
        """Paragraph markup ``body`` with what the document font lacks put in fallback fonts."""
        if not self.lacks(body):
            return body
        parts = []
        for piece in _TAG.split(body):
            if piece.startswith("<") or not self.lacks(piece):
                parts.append(piece)
                continue
            for font, text in self.runs(piece):
                parts.append(text if font == self.font else f'<font name="{font}">{text}</font>')
        return "".join(parts)
