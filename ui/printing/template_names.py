"""Names users read for template, language and paper codes."""

from __future__ import annotations

from desktop_crm.services.printing.dto import TemplateInfo
from ui.text_fill import fill
from ui.translation_context import TranslationContext


class PrintingNames(TranslationContext):
    """Translation context of the names below."""


def shipped_name(name: str) -> str:
    """The translated name of a shipped template (its file stem when unknown)."""
    names = {
        "quote-classic": PrintingNames.tr("Classic quote"),
        "quote-modern": PrintingNames.tr("Modern quote"),
        "contract-standard": PrintingNames.tr("Standard contract"),
    }
    return names.get(name, name)


def template_label(info: TemplateInfo) -> str:
    """How a template is listed: shipped ones by their translated name and marked so."""
    if info.shipped:
        return fill(PrintingNames.tr("%1 (built in)"), shipped_name(info.name))
    return info.name


def language_name(code: str) -> str:
    """A document language, each in its own script so either reader finds theirs."""
    return {"en": "English", "zh": "中文"}.get(code, code)


def paper_name(code: str) -> str:
    """A paper size with its dimensions."""
    return {
        "A4": PrintingNames.tr("A4 (210 × 297 mm)"),
        "Letter": PrintingNames.tr("Letter (8.5 × 11 in)"),
    }.get(code, code)
