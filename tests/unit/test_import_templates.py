"""Import templates: every column is recognised and the example row imports cleanly."""

import pytest
from openpyxl import load_workbook

from desktop_crm.cli import main
from tests.conftest import TODAY


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("entity", ["people", "companies", "deals", "products"])
def test_template_maps_every_column_and_imports_its_example(workspace, tmp_path, entity, language):
    target = tmp_path / f"{entity}-{language}.xlsx"
    assert main(["template", str(target), "--entity", entity, "--language", language]) == 0
    book = load_workbook(target)
    assert len(book.sheetnames) == 2  # the sheet to fill in, and the notes
    preview = workspace.imports.preview(target, entity=entity)
    assert preview.header_row == 1 and preview.total_rows == 1
    assert set(preview.mapping) == set(range(len(preview.columns))), preview.columns
    assert preview.problem_count == 0
    report = workspace.imports.import_file(target, entity=entity, today=TODAY)
    assert report.failed == 0 and report.created >= 1 and not report.notes
