"""The third-party notices match the licences the installed packages declare."""

from __future__ import annotations

import importlib.metadata as metadata
import re
from pathlib import Path

import pytest

LEGAL = Path(__file__).resolve().parents[2] / "resources" / "legal"
NOTICES = (LEGAL / "THIRD-PARTY-NOTICES.md").read_text(encoding="utf-8")

#: distribution -> the name its row in the notices starts with.
ROWS = {
    "SQLAlchemy": "SQLAlchemy",
    "alembic": "alembic",
    "numpy": "numpy",
    "python-calamine": "python-calamine",
    "psycopg": "psycopg 3",
    "keyring": "keyring",
    "rapidfuzz": "rapidfuzz",
    "phonenumbers": "phonenumbers",
    "zstandard": "zstandard",
    "icalendar": "icalendar",
    "platformdirs": "platformdirs",
    "pillow": "Pillow",
    "tzlocal": "tzlocal",
    "python-dateutil": "python-dateutil",
}
#: Packages that declare no SPDX expression: the words of their License field or classifier.
DECLARED = {
    "PySide6-Essentials": ("LGPL-3.0", "Qt 6 (through PySide6)"),
    "shiboken6": ("LGPL-3.0", "PySide6 (PySide6-Essentials) and shiboken6"),
    "openpyxl": ("MIT", "openpyxl"),
    "fonttools": ("MIT", "fonttools"),
    "pypinyin": ("MIT", "pypinyin"),
    "charset-normalizer": ("MIT", "charset-normalizer"),
    "reportlab": ("BSD", "reportlab"),
    "pypdfium2": ("BSD-3-Clause", "pypdfium2"),
}


def row(name: str) -> str:
    """The notices' table row for ``name``."""
    rows = [line for line in NOTICES.splitlines() if line.startswith(f"| {name} ")]
    assert len(rows) == 1, name
    return rows[0]


@pytest.mark.parametrize("dist", sorted(ROWS))
def test_a_declared_spdx_licence_is_the_one_in_the_notices(dist: str) -> None:
    expression = metadata.metadata(dist)["License-Expression"]
    assert expression, f"{dist} no longer declares an SPDX expression"
    first = re.split(r" (?:AND|OR) ", expression)[0]
    assert first in row(ROWS[dist]), (dist, expression)


@pytest.mark.parametrize("dist", sorted(DECLARED))
def test_a_declared_licence_field_agrees_with_the_notices(dist: str) -> None:
    words, name = DECLARED[dist]
    meta = metadata.metadata(dist)
    declared = " ".join([meta.get("License") or "", *(meta.get_all("Classifier") or [])])
    assert words in declared or words.split("-")[0] in declared, (dist, declared[:200])
    assert words in row(name)


def test_num2words_is_lgpl_2_1_as_its_copying_file_says() -> None:
    files = metadata.files("num2words") or []
    copying = next(f for f in files if f.name == "COPYING")
    assert "Version 2.1" in copying.read_text()
    assert "LGPL-2.1" in row("num2words")


def test_the_brief_s_components_are_all_named() -> None:
    for name in (
        "PySide6",
        "SQLAlchemy",
        "alembic",
        "reportlab",
        "matplotlib",
        "numpy",
        "openpyxl",
        "python-calamine",
        "psycopg",
        "libpq",
        "keyring",
        "pypdfium2",
        "PDFium",
        "fonttools",
        "pypinyin",
        "rapidfuzz",
        "phonenumbers",
        "zstandard",
        "icalendar",
        "platformdirs",
        "Pillow",
        "charset-normalizer",
        "num2words",
        "tzlocal",
        "python-dateutil",
        "WenQuanYi Micro Hei",
        "Lucide",
    ):
        assert name in NOTICES, name
    for path in ("resources/fonts/LICENSE-Apache-2.0.txt", "resources/icons/LICENSE"):
        assert f"`{path}`" in NOTICES
        assert (LEGAL.parents[1] / path).is_file(), path


def test_the_app_licence_is_mit_with_our_copyright() -> None:
    text = (LEGAL / "LICENSE.txt").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n\nCopyright (c) 2026 Desktop CRM contributors\n")
    assert 'THE SOFTWARE IS PROVIDED "AS IS"' in text
