"""List export to .xlsx and .csv, and the round trip back through import."""

from datetime import datetime

from openpyxl import load_workbook

from desktop_crm.cli import main
from desktop_crm.services.contact_lists.dto import ContactFilter
from desktop_crm.services.contacts.dto import Labelled, PersonDraft
from desktop_crm.services.workspace.handle import create_workspace
from tests.conftest import TODAY


def test_xlsx_has_a_usable_header_real_dates_and_phones_as_text(workspace, tmp_path):
    workspace.people.save(
        PersonDraft(
            name="王芳",
            phones=(Labelled("mobile", "13800138000"),),
            emails=(Labelled("work", "wf@x.cn"),),
        ),
        today=TODAY,
    )
    target = tmp_path / "people.xlsx"
    assert workspace.exports.export_list(target, "xlsx") == 1
    sheet = load_workbook(target).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Name", "No.", "Company"] and sheet[1][0].font.b
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    row = {h: c for h, c in zip(header, sheet[2], strict=True)}
    assert row["Phone"].value == "13800138000" and row["Phone"].data_type == "s"
    assert isinstance(row["Created"].value, datetime)


def test_csv_is_utf8_with_bom_and_follows_filter_and_columns(workspace, tmp_path):
    for name, status in (("王芳", "customer"), ("Ann", "lead")):
        workspace.people.save(PersonDraft(name=name, status=status), today=TODAY)
    target = tmp_path / "customers.csv"
    count = workspace.exports.export_list(
        target,
        "csv",
        ContactFilter(status="customer"),
        ["name", "status"],
        headers={"name": "姓名"},
    )
    assert count == 1
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert target.read_text(encoding="utf-8-sig").splitlines() == ["姓名,status", "王芳,Customer"]


def test_exported_people_import_into_an_empty_workspace(demo_path, tmp_path, capsys):
    target = tmp_path / "all.xlsx"
    assert main(["export", str(demo_path), str(target), "--entity", "people"]) == 0
    fresh = create_workspace(tmp_path / "fresh.crm")
    try:
        report = fresh.imports.import_file(target, today=TODAY)
        assert report.failed == 0
        original = {(r.name, r.phone, r.email) for r in _rows(demo_path)}
        again = {
            (r.name, r.phone, r.email)
            for r in fresh.contact_list.rows(fresh.contact_list.ids(ContactFilter()))
        }
        assert again == original
    finally:
        fresh.close(backup_if_changed=False)
    capsys.readouterr()
    assert main(["export", str(demo_path), str(tmp_path / "c.csv"), "--entity", "companies"]) == 0
    assert "12 companies" in capsys.readouterr().out


def _rows(path):
    from desktop_crm.services.workspace.handle import open_workspace

    ws = open_workspace(path)
    try:
        return ws.contact_list.rows(ws.contact_list.ids(ContactFilter()))
    finally:
        ws.close(backup_if_changed=False)


def test_deals_quotes_activities_and_products_lists(demo_path, tmp_path, capsys):
    import sqlite3
    from decimal import Decimal

    with sqlite3.connect(demo_path) as db:
        counts = {
            t: db.execute(f"SELECT count(*) FROM {t} WHERE deleted_at IS NULL").fetchone()[0]
            for t in ("deals", "quotes", "activities", "products")
        }
        won = db.execute("SELECT count(*) FROM deals WHERE status='won' AND deleted_at IS NULL")
        won_count = won.fetchone()[0]
    for entity, count in counts.items():
        target = tmp_path / f"{entity}.xlsx"
        assert main(["export", str(demo_path), str(target), "--entity", entity]) == 0
        assert len(list(load_workbook(target).active.iter_rows())) == count + 1
    deals = load_workbook(tmp_path / "deals.xlsx").active
    header = [c.value for c in deals[1]]
    first = dict(zip(header, [c.value for c in deals[2]], strict=True))
    assert isinstance(first["Amount"], int | float) and first["Stage"]  # numbers, stage names
    assert isinstance(first["Expected close"], datetime)  # a real date
    products = load_workbook(tmp_path / "products.xlsx").active
    assert products["A2"].data_type == "s"  # codes stay text
    target = tmp_path / "won.csv"
    assert (
        main(
            [
                "export",
                str(demo_path),
                str(target),
                "--entity",
                "deals",
                "--status",
                "won",
                "--columns",
                "number,amount",
            ]
        )
        == 0
    )
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "No.,Amount" and len(lines) == won_count + 1
    quotes = load_workbook(tmp_path / "quotes.xlsx").active
    header = [c.value for c in quotes[1]]
    row = dict(zip(header, [c.value for c in quotes[2]], strict=True))
    assert Decimal(str(row["Net"])) + Decimal(str(row["Tax"])) == Decimal(str(row["Total"]))
    capsys.readouterr()
    assert main(["export", str(demo_path), str(tmp_path / "x.csv"), "--entity", "invoices"]) == 2
    assert main(["export", str(demo_path), str(tmp_path / "w.csv"), "--entity", "workspace"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "cannot export invoices" in err[0] and "as xlsx" in err[1]
