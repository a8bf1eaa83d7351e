"""Fill unfinished messages from tab-separated lists of translations, then refresh as usual.

Run ``uv run python resources/translations/fill_translations.py FILE.tsv…``. Each line of a
``.tsv`` is ``context<TAB>source<TAB>Chinese``; a file named ``*.en-plurals.tsv`` holds
``context<TAB>source<TAB>singular<TAB>plural`` (or ``singular|plural``) for the English plural
forms. A message is matched by context and source, else by source alone. Written for work
split among several people who each list the strings they added; ``update_translations.py``
runs before and after, so the ``.qm`` files come out compiled.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
UPDATE = HERE / "update_translations.py"

Table = dict[tuple[str, str], list[str]]


def _read(paths: list[Path], plurals: bool) -> tuple[Table, dict[str, list[str]]]:
    by_context: Table = {}
    by_source: dict[str, list[str]] = {}
    for path in paths:
        if path.name.endswith(".en-plurals.tsv") != plurals:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 3:
                continue
            context, source, *forms = parts
            if len(forms) == 1 and plurals:
                forms = forms[0].split("|")
            by_context[(context, source)] = forms
            by_source.setdefault(source, forms)
    return by_context, by_source


def _fill(ts_path: Path, by_context: Table, by_source: dict[str, list[str]]) -> int:
    ts = ET.parse(ts_path)
    filled = 0
    for context in ts.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                continue
            source = message.findtext("source") or ""
            # A list's line for this very context wins, even over a translation that
            # update_translations.py guessed from another context ("Title" is not always 职位).
            forms = by_context.get((name, source))
            if not forms and translation.get("type") == "unfinished":
                forms = by_source.get(source)
            if not forms:
                continue
            if message.get("numerus") == "yes":
                slots = list(translation) or [ET.SubElement(translation, "numerusform")]
                for slot, form in zip(slots, forms, strict=False):
                    slot.text = form
            else:
                translation.text = forms[0]
            translation.attrib.pop("type", None)
            filled += 1
    ts.write(ts_path, encoding="utf-8", xml_declaration=True)
    with ts_path.open("r+", encoding="utf-8") as file:  # lupdate's doctype, which ET drops
        text = file.read().replace("?>\n<TS", "?>\n<!DOCTYPE TS>\n<TS", 1)
        file.seek(0)
        file.write(text)
        file.truncate()
    return filled


def main(paths: list[Path]) -> int:
    """Refresh, fill from ``paths``, refresh again; print what is still unfinished."""
    subprocess.run([sys.executable, str(UPDATE)], check=False, capture_output=True)
    for ts_path, plurals in (
        (HERE / "desktop_crm_zh_CN.ts", False),
        (HERE / "desktop_crm_en.ts", True),
    ):
        filled = _fill(ts_path, *_read(paths, plurals))
        print(f"{ts_path.name}: {filled} filled")
    return subprocess.run([sys.executable, str(UPDATE)], check=False).returncode


if __name__ == "__main__":
    sys.exit(main([Path(p) for p in sys.argv[1:]]))
