"""Everything the parts of one rendering share: the document, its template's words, the theme."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property

from reportlab.pdfbase import pdfmetrics

from desktop_crm.documents import formatting
from desktop_crm.documents.document_data import CompanyProfile, Document
from desktop_crm.documents.templates import TemplateSpec
from desktop_crm.documents.theme import Theme, is_cjk


@dataclass
class RenderContext:
    """One rendering's inputs and the helpers that read them.

    Attributes:
        doc: What is printed.
        template: How it looks and what its fixed texts say.
        profile: Our company.
        theme: Font, sizes and colours.
        width: The width of the page's frame, in points.
    """

    doc: Document
    template: TemplateSpec
    profile: CompanyProfile
    theme: Theme
    width: float

    def label(self, key: str) -> str:
        """The template's text for ``key`` in the document's language."""
        return self.template.label(self.doc.language, key)

    @property
    def zh(self) -> bool:
        """Whether the document is in Chinese."""
        return self.doc.language == "zh"

    def money(self, amount: Decimal) -> str:
        """``amount`` with the currency's sign: ``¥12,345.60``."""
        return formatting.money_with_sign(amount, self.doc.currency, self.has_glyphs)

    def number(self, amount: Decimal) -> str:
        """``amount`` without a sign, for table cells: ``12,345.60``."""
        return formatting.money(amount, self.doc.currency)

    def day(self, value: date) -> str:
        """``value`` written the document's language's way."""
        return formatting.day(value, self.doc.language)

    def bracketed(self, text: str) -> str:
        """``(text)``, with full-width brackets in Chinese."""
        return f"（{text}）" if self.zh else f"({text})"

    def labelled(self, key: str, value: str) -> str:
        """``Tel.: value`` in English, ``电话：value`` (full-width colon, no space) in Chinese."""
        label = self.label(key)
        return f"{label}：{value}" if self.zh else f"{label}: {value}"

    @cached_property
    def _glyphs(self) -> dict[int, int] | None:
        face = getattr(pdfmetrics.getFont(self.theme.font), "face", None)
        return getattr(face, "charToGlyph", None)

    def has_glyphs(self, text: str) -> bool:
        """Whether the document font draws every character of ``text``.

        A TrueType font is asked; of the CID font (drawn by the reader from its own fonts) only
        ASCII, CJK, full-width forms and the yuan sign are relied on.
        """
        glyphs = self._glyphs
        if glyphs is None:
            return all(" " <= c <= "~" or c == "¥" or is_cjk(c) for c in text)
        return all(ord(char) in glyphs for char in text)
