"""Every real-world sample imports again after its import is undone, exactly as the first time.

Tombstones of the undone import (people, companies, tags, custom fields, product codes) must
not get in the way: the second import reports the same counts, problems and notes, and the
exports read the same. What may differ is what identifies rows or moments, not data:

- record ids (the vCard ``UID``), which are new rows;
- customer numbers (``No.``): numbers are never reused, so the second import draws the next ones;
- the ``Created`` day (the clock may pass midnight between the imports).

Files that cannot be imported (the password-protected workbook, sheets without a name column)
must fail the same way both times and leave the workspace unchanged.
"""

import csv
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop_crm.domain.errors import CrmError
from desktop_crm.services.contact_lists.dto import ContactFilter
from desktop_crm.services.workspace.handle import Workspace
from tests.conftest import REALWORLD, TODAY

PRODUCT_SHEETS = {  # the MANIFEST describes these as product templates
    "easyexcel_t01_import_template_merged_title.xls",
    "easyexcel_t02_title_row_leading_zero.xlsx",
}
VARYING_COLUMNS = {"No.", "Created"}


def _manifest_files() -> list[str]:
    text = (REALWORLD / "MANIFEST.md").read_text(encoding="utf-8")
    return sorted(re.findall(r"^[0-9a-f]{64}\s+(\S+)$", text, flags=re.MULTILINE))


def test_the_manifest_lists_every_sample():
    on_disk = sorted(str(p.relative_to(REALWORLD)) for p in REALWORLD.rglob("*") if p.is_file())
    assert _manifest_files() == [f for f in on_disk if f != "MANIFEST.md"]


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = [
            {k: v for k, v in row.items() if k not in VARYING_COLUMNS} for row in csv.DictReader(f)
        ]
    return sorted(rows, key=repr)


def _exports(ws: Workspace, folder: Path) -> dict[str, Any]:
    """What the workspace holds, as its exports write it, without ids, numbers or days."""
    folder.mkdir()
    out: dict[str, Any] = {}
    for kind in ("person", "company"):
        target = folder / f"{kind}.csv"
        ws.exports.export_list(target, "csv", ContactFilter(kind=kind))
        out[kind] = _csv(target)
    vcf = folder / "people.vcf"
    ws.exports.export_people_vcard(vcf)
    cards = vcf.read_bytes().decode("utf-8").split("BEGIN:VCARD")
    out["vcards"] = sorted(re.sub(r"UID:[^\r\n]*\r\n", "", card) for card in cards)
    products = folder / "products.csv"
    ws.exports.export_records(products, "csv", "products")
    out["products"] = _csv(products)
    with sqlite3.connect(f"file:{ws.path}?mode=ro", uri=True) as db:
        out["custom"] = sorted(
            db.execute(
                "SELECT d.entity, d.label, d.kind, v.value FROM custom_field_values v "
                "JOIN custom_field_defs d ON d.id = v.field_id "
                "WHERE v.deleted_at IS NULL AND d.deleted_at IS NULL"
            ).fetchall()
        )
    return out


def _import(ws: Workspace, path: Path) -> tuple[Any, ...]:
    entity = "products" if path.name in PRODUCT_SHEETS else "people"
    try:
        report = ws.imports.import_file(path, entity=entity, today=TODAY)
    except CrmError as exc:
        return ("refused", type(exc).__name__, exc.code, exc.message)
    counts = (report.created, report.updated, report.skipped, report.failed)
    return ("imported", counts, report.problems, report.notes)


def _operations(ws: Workspace) -> int:
    return len(ws.history.recent(10_000))


@pytest.mark.parametrize("name", _manifest_files())
def test_import_undo_import_again_gives_the_same_result(workspace, tmp_path, name):
    ws = workspace
    path = REALWORLD / name
    history = _operations(ws)
    first = _import(ws, path)
    if first[0] == "refused":
        assert _operations(ws) == history  # nothing written
        assert _import(ws, path) == first
        assert _operations(ws) == history
        return
    exported = _exports(ws, tmp_path / "first")
    assert first[1][0] > 0, "a sample that imports should create something"
    ws.history.undo()
    again = _import(ws, path)
    assert again == first
    assert _exports(ws, tmp_path / "again") == exported
