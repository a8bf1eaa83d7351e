"""The user guide's text: ``resources/guide/<language>.md`` cut into its sections.

Each section is a ``## Title {#id}`` heading and what follows it; the ids are the same in
every language, so a link such as ``[Backups](#backups)`` works in each, and a caller can ask
for a section by id whatever the UI's language. Text before the first section (the title and
the introduction) goes at the top of the first section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_crm.domain.choices import Language
from ui.resources import read_resource

#: Guide file per UI language (``ui.language.ui_language``).
FILES: dict[str, str] = {"en": "en.md", "zh": "zh_CN.md"}

_HEADING = re.compile(r"^## +(?P<title>.+?)\s*\{#(?P<id>[a-z0-9-]+)\}\s*$", re.MULTILINE)
_FENCE = re.compile(r"^```.*?^```\s*$", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class GuideSection:
    """One section of the guide.

    Attributes:
        id: Its language-independent id (``backups``).
        title: Its heading as written, without the id.
        markdown: The section as Markdown, its heading included.
    """

    id: str
    title: str
    markdown: str


def split_sections(text: str) -> list[GuideSection]:
    """The sections of a guide written in Markdown (see the module's docstring)."""
    fenced = [m.span() for m in _FENCE.finditer(text)]
    headings = [
        m for m in _HEADING.finditer(text) if not any(a <= m.start() < b for a, b in fenced)
    ]
    if not headings:
        return [GuideSection("guide", "", text)] if text.strip() else []
    preface = text[: headings[0].start()].strip()
    sections = []
    for n, match in enumerate(headings):
        end = headings[n + 1].start() if n + 1 < len(headings) else len(text)
        body = text[match.end() : end].strip()
        title = match.group("title")
        markdown = f"## {title}\n\n{body}\n"
        if n == 0 and preface:
            markdown = f"{preface}\n\n{markdown}"
        sections.append(GuideSection(match.group("id"), title, markdown))
    return sections


def load_guide(language: Language) -> list[GuideSection]:
    """The guide in ``language`` (English when there is none in it), cut into sections."""
    text = read_resource("guide", FILES.get(language, FILES["en"]))
    if not text and language != "en":
        text = read_resource("guide", FILES["en"])
    return split_sections(text)
