"""Refresh the translation sources from the UI code, keeping translations of moved strings.

Run ``uv run python resources/translations/update_translations.py``. It runs ``pyside6-lupdate``
over every module of ``ui/`` (for English, plural forms only), fills each new message whose
source text already has a translation (a string moved between classes keeps it), drops messages
no longer used, prints what is left unfinished, and compiles each ``.qm``.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def _key(message: ET.Element) -> tuple[str, str]:
    source = message.findtext("source") or ""
    comment = message.findtext("comment") or ""
    return source, comment


def _known(ts: ET.ElementTree) -> dict[tuple[str, str], ET.Element]:
    known: dict[tuple[str, str], ET.Element] = {}
    for message in ts.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") == "unfinished":
            continue
        if translation.text or len(translation):
            known.setdefault(_key(message), translation)
    return known


def update(ts_path: Path) -> list[str]:
    """Refresh ``ts_path``; return the source texts still unfinished."""
    known = _known(ET.parse(ts_path))
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    # English needs only its plural forms ("1 person", "3 people"); the source text is English.
    plural_only = ["-pluralonly"] if ts_path.stem.endswith("_en") else []
    subprocess.run(
        ["pyside6-lupdate", "-no-obsolete", *plural_only, *sources, "-ts", str(ts_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    ts = ET.parse(ts_path)
    unfinished = []
    for message in ts.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        old = known.get(_key(message))
        if old is not None and len(old) == len(translation):
            translation.text = old.text
            for new_form, old_form in zip(translation, old, strict=True):
                new_form.text = old_form.text
            del translation.attrib["type"]
        else:
            unfinished.append(_key(message)[0])
    ts.write(ts_path, encoding="utf-8", xml_declaration=True)
    with ts_path.open("r+", encoding="utf-8") as file:  # lupdate's doctype, which ET drops
        text = file.read().replace("?>\n<TS", "?>\n<!DOCTYPE TS>\n<TS", 1)
        file.seek(0)
        file.write(text)
        file.truncate()
    subprocess.run(
        ["pyside6-lrelease", str(ts_path), "-qm", str(ts_path.with_suffix(".qm"))],
        check=True,
        capture_output=True,
    )
    return unfinished


if __name__ == "__main__":
    left = []
    for path in sorted(HERE.glob("*.ts")):
        left += [f"{path.name}: {text}" for text in update(path)]
    print("\n".join(left) or "every message is translated")
    sys.exit(1 if left else 0)
