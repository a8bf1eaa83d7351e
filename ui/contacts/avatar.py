"""Round avatars: the contact's photo, or initials on a colour taken from the name."""

from __future__ import annotations

import zlib

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPixmap

_COLOURS = ("#1565c0", "#2e7d32", "#6a1b9a", "#c62828", "#ef6c00", "#00838f", "#4e342e")


def initials(name: str) -> str:
    """Two Latin initials ("Sarah Lee": "SL") or the last two CJK characters ("王芳芳": "芳芳")."""
    text = name.strip()
    if not text:
        return "?"
    if any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return text[-2:] if len(text) > 2 else text
    words = text.split()
    return "".join(w[0] for w in words[:2]).upper()


def avatar(name: str, photo: bytes | None, size: int = 64) -> QPixmap:
    """A round avatar of ``size`` pixels."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    clip = QPainterPath()
    clip.addEllipse(QRectF(0, 0, size, size))
    painter.setClipPath(clip)
    image = QImage.fromData(photo) if photo else QImage()
    if not image.isNull():
        scaled = image.scaled(
            size,
            size,
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )
        painter.drawImage((size - scaled.width()) // 2, (size - scaled.height()) // 2, scaled)
    else:
        painter.fillRect(
            0, 0, size, size, QColor(_COLOURS[zlib.crc32(name.encode()) % len(_COLOURS)])
        )
        font = QFont()
        font.setPixelSize(int(size * 0.36))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.end()
    return pixmap
