"""Reading tables from the real-world sheets: formats, encodings, headers, data ends, refusals."""

from datetime import date, timedelta

import pytest

from desktop_crm.domain.errors import FileFormatError
from desktop_crm.spreadsheet.tables import decode_text, layout, read_table
from tests.conftest import REALWORLD

SHEETS = REALWORLD / "sheets"


def table(name):
    t = read_table(SHEETS / name)
    return t, layout(t.rows)


def test_1904_dates_without_header():
    t, lay = table("calamine_date_1904.xlsx")
    assert lay.header_row is None and lay.columns == ("Column 1", "Column 2")
    assert [t.rows[i][0] for i in lay.data_rows] == [
        date(2021, 1, 1),
        date(2021, 1, 2),
        timedelta(days=10, hours=15, minutes=10, seconds=10),
    ]
    assert [t.rows[i][1] for i in lay.data_rows] == [15, 16, 17]


def test_header_found_under_empty_formatted_rows_and_titles():
    t, lay = table("calamine_header-row.xlsx")
    assert lay.header_row == 8 and lay.columns == ("Columns", "Column A", "Column B", "Column C")
    assert [t.rows[i] for i in lay.data_rows] == [["put data here", 1, 2, 3]]
    t, lay = table("easyexcel_t01_import_template_merged_title.xls")
    assert t.kind == "xls" and lay.header_row == 1 and lay.columns[:2] == ("材质*", "等级")
    assert len(lay.data_rows) == 1 and len(lay.columns) == 18
    t, lay = table("easyexcel_t02_title_row_leading_zero.xlsx")
    assert lay.header_row == 1 and len(lay.data_rows) == 1  # trailing formatted rows ignored
    assert "原料中成分含 量（%）" in lay.columns  # newline in a header folded
    row = t.rows[lay.data_rows[0]]
    assert row[1] == "01502200"  # leading zero kept


def test_blank_row_inside_the_data_is_not_its_end():
    t, lay = table("messytables_blank_line_libreoffice.ods")
    assert t.kind == "ods" and lay.columns == ("Name", "Age", "When")
    assert [t.rows[i][:2] for i in lay.data_rows] == [["Bob", 20], ["Jane", 23], ["Ian", 34]]
    assert t.rows[lay.data_rows[0]][2] == date(2010, 10, 10)


@pytest.mark.parametrize(
    ("name", "encoding", "delimiter", "rows", "probe"),
    [
        ("easyexcel_office_utf8_bom.csv", "utf-8", ",", 10, "姓名"),
        ("fkcontacts_Google.csv", "utf-8", ",", 1, "Given Name"),
        ("fkcontacts_Outlook365.csv", "cp1252", ",", 6, "First Name"),
        ("fkcontacts_ThunderbirdAnsi.csv", "cp1252", ",", 1, "Primäre E-Mail-Adresse"),
        ("fkcontacts_WindowsLiveMail.csv", "utf-8", ";", 1, "Straße (geschäftlich)"),
        ("thunderbird_shiftjis_addressbook.csv", "cp932", ",", 1, "Display Name"),
    ],
)
def test_text_files_encodings_and_delimiters(name, encoding, delimiter, rows, probe):
    t, lay = table(name)
    assert (t.encoding, t.delimiter) == (encoding, delimiter)
    assert lay.header_row == 0 and probe in lay.columns and len(lay.data_rows) == rows
    assert not lay.columns[0].startswith("\ufeff")  # the BOM is not part of the first header


def test_values_survive_legacy_encodings():
    t, lay = table("thunderbird_shiftjis_addressbook.csv")
    row = dict(zip(lay.columns, t.rows[lay.data_rows[0]], strict=False))
    assert row["First Name"] == "権兵衛" and row["Display Name"] == "名無しの権兵衛"
    t, lay = table("fkcontacts_Outlook365.csv")
    assert any(
        "Thüringen" in (c or "") for i in lay.data_rows for c in t.rows[i] if isinstance(c, str)
    )
    t, lay = table("fkcontacts_ThunderbirdAnsi.csv")
    assert lay.columns[-1] == f"Column {len(lay.columns)}"  # the unnamed trailing column


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("张三,上海市浦东新区,电话", "gb18030"),
        ("陳大文,台北市,電話,地址", "big5"),
        ("名無しの権兵衛,東京都", "cp932"),
        ("Фамилия,Имя,Город\nИванов,Иван,Москва\nПетров,Пётр,Санкт-Петербург\n", "cp1251"),
        ("Thüringen,Straße,Crème brûlée", "cp1252"),
        ("王芳,杭州", "utf-16"),
    ],
)
def test_decode_text(text, encoding):
    data = text.encode(encoding)
    decoded, found = decode_text(data)
    assert decoded == text and found.startswith(encoding.split("-")[0])


def test_bad_files_are_refused_clearly(tmp_path):
    with pytest.raises(FileFormatError, match="password-protected"):
        read_table(SHEETS / "calamine_pass_protected.xlsx")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"  \n")
    with pytest.raises(FileFormatError, match="empty"):
        read_table(empty)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(FileFormatError, match=r"cannot be read|damaged"):
        read_table(broken)
    photo = tmp_path / "photo.csv"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    with pytest.raises(FileFormatError, match="is a PNG image, not a table"):
        read_table(photo)
    binary = tmp_path / "data.csv"
    binary.write_bytes(b"name,phone\n\x07\x00\x13" + bytes(200))
    with pytest.raises(FileFormatError, match="binary"):
        read_table(binary)


def test_a_csv_that_is_really_xls_is_read_as_excel(tmp_path):
    disguised = tmp_path / "contacts.csv"
    disguised.write_bytes((SHEETS / "easyexcel_t01_import_template_merged_title.xls").read_bytes())
    t, lay = layout_of(disguised)
    assert t.kind == "xls" and lay.columns[0] == "材质*"


def layout_of(path):
    t = read_table(path)
    return t, layout(t.rows)


def test_chart_and_hidden_sheets_are_not_offered_first(tmp_path):
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference

    book = Workbook()
    old = book.active
    old.title, old.sheet_state = "Old", "hidden"
    old.append(["Name", "Email"])
    old.append(["Former", "former@example.com"])
    chart_sheet = book.create_chartsheet("Chart", 0)
    data = book.create_sheet("Contacts")
    data.append(["Name", "Email"])
    data.append(["Ann", "ann@example.com"])
    chart = BarChart()
    chart.add_data(Reference(data, min_col=1, min_row=1, max_row=2))
    chart_sheet.add_chart(chart)
    path = tmp_path / "book.xlsx"
    book.save(path)
    t = read_table(path)
    assert (t.name, t.sheets) == ("Contacts", ("Contacts", "Old"))  # no chart; hidden last
    assert t.rows[1] == ["Ann", "ann@example.com"]
    assert read_table(path, "Old").rows[1] == ["Former", "former@example.com"]
    with pytest.raises(FileFormatError, match="no sheet called “Chart”"):
        read_table(path, "Chart")


def test_excel_csv_conventions_sep_line_and_text_formulas(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(
        b'sep=;\r\nName;Phone;Amount\r\nAnn;="0123456789";1.234,50\r\nBo;="+49 30 1234";"12,5"\r\n'
    )
    t = read_table(path)
    lay = layout(t.rows)
    assert t.delimiter == ";" and lay.columns == ("Name", "Phone", "Amount")
    assert [t.rows[i] for i in lay.data_rows] == [
        ["Ann", "0123456789", "1.234,50"],
        ["Bo", "+49 30 1234", "12,5"],
    ]
