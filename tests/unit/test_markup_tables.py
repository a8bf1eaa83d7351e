"""Tables saved as markup under spreadsheet names (HTML "Excel exports", Excel 2003 XML)."""

import zipfile
from datetime import date

import pytest

from desktop_crm.domain.errors import FileFormatError
from desktop_crm.services.contact_lists.dto import ContactFilter
from desktop_crm.spreadsheet.tables import layout, read_table
from tests.conftest import TODAY

# What a web system's "Export to Excel" writes: a GBK page named .xls, with a merged title,
# a company cell merged down over two rows, line breaks, entities and a script.
HTML_EXPORT = """<html xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>客户列表</title><style>td {mso-number-format:"\\@";}</style></head>
<body><script>var rows = "<tr><td>not data</td></tr>";</script>
<table border="1">
<tr><td colspan="5">客户列表 (导出于 2024-03-01)</td></tr>
<tr><th>姓名</th><th>公司</th><th>手机</th><th>电话</th><th>备注</th></tr>
<tr><td>王芳</td><td rowspan="2">远山&amp;设计</td><td>13800138000</td>
    <td>0755-12345678</td><td>第一行<br>第二行</td></tr>
<tr><td>张&nbsp;三</td><td>13900139000</td><td></td><td>  喜欢
    极简 </td></tr>
</table></body></html>"""

SPREADSHEET_XML = """<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">
 <Worksheet ss:Name="Notes"><Table><Row><Cell><Data ss:Type="String">read me</Data></Cell>
 </Row></Table></Worksheet>
 <Worksheet ss:Name="Contacts">
  <Table>
   <Row><Cell ss:MergeAcross="3"><Data ss:Type="String">Contacts 2024</Data></Cell></Row>
   <Row ss:Index="3">
    <Cell><Data ss:Type="String">Name</Data></Cell>
    <Cell><Data ss:Type="String">Mobile</Data></Cell>
    <Cell><Data ss:Type="String">Birthday</Data></Cell>
    <Cell><Data ss:Type="String">E-mail</Data></Cell>
   </Row>
   <Row>
    <Cell><Data ss:Type="String"><html:B>Ann</html:B> Lee</Data></Cell>
    <Cell><Data ss:Type="Number">4915112345678</Data></Cell>
    <Cell><Data ss:Type="DateTime">1988-07-04T00:00:00.000</Data></Cell>
    <Cell><Data ss:Type="String">ann@example.com</Data></Cell>
   </Row>
   <Row>
    <Cell><Data ss:Type="String">Bo Chen</Data></Cell>
    <Cell ss:Index="4"><Data ss:Type="String">bo@example.com</Data></Cell>
   </Row>
  </Table>
 </Worksheet>
</Workbook>"""


def people(ws):
    rows = ws.contact_list.rows(ws.contact_list.ids(ContactFilter()))
    return {r.name: ws.cards.card("person", r.id) for r in rows}


def test_html_export_named_xls_is_read_as_its_table(tmp_path):
    path = tmp_path / "customers.xls"
    path.write_bytes(HTML_EXPORT.encode("gbk"))
    t = read_table(path)
    lay = layout(t.rows)
    assert (t.kind, t.encoding, t.sheets) == ("html", "gb2312", ("Table 1",))
    assert lay.header_row == 1 and lay.columns == ("姓名", "公司", "手机", "电话", "备注")
    first, second = (t.rows[i] for i in lay.data_rows)
    assert first == ["王芳", "远山&设计", "13800138000", "0755-12345678", "第一行\n第二行"]
    # The merged company cell leaves its column empty below it: the phones stay in place.
    assert second == ["张 三", None, "13900139000", None, "喜欢 极简"]


def test_html_export_imports_people_with_phones_as_written(workspace, tmp_path):
    path = tmp_path / "customers.xls"
    path.write_bytes(HTML_EXPORT.encode("gbk"))
    report = workspace.imports.import_file(path, today=TODAY)
    assert (report.created, report.failed) == (3, 0)  # two people and their company
    found = people(workspace)
    assert found["王芳"].company == "远山&设计"
    assert [p.value for p in found["王芳"].phones] == ["13800138000", "0755-12345678"]
    assert found["张 三"].phones[0].value == "13900139000"


def test_excel_2003_xml_workbook_with_sheets_gaps_and_merges(workspace, tmp_path):
    path = tmp_path / "contacts.xml"
    path.write_text(SPREADSHEET_XML, encoding="utf-8")
    t = read_table(path, "Contacts")
    lay = layout(t.rows)
    assert (t.kind, t.sheets) == ("xml", ("Notes", "Contacts"))
    assert lay.header_row == 2 and lay.columns == ("Name", "Mobile", "Birthday", "E-mail")
    assert t.rows[3] == ["Ann Lee", 4915112345678, date(1988, 7, 4), "ann@example.com"]
    assert t.rows[4] == ["Bo Chen", None, None, "bo@example.com"]
    report = workspace.imports.import_file(path, sheet="Contacts", today=TODAY)
    assert (report.created, report.failed) == (2, 0)
    ann = people(workspace)["Ann Lee"]
    assert ann.birthday == date(1988, 7, 4) and ann.phones[0].value == "4915112345678"


def test_html_without_closing_tags_still_gives_its_rows(tmp_path):
    path = tmp_path / "old.xls"
    path.write_text(
        "<html><head><title>Export</title><body><table><tr><th>Name<th>Email"
        "<tr><td>Ann<td>ann@example.com<tr><td>Bo<br/>Chen<td>bo@example.com</table>",
        encoding="utf-8",
    )
    t = read_table(path)
    assert t.rows == [
        ["Name", "Email"],
        ["Ann", "ann@example.com"],
        ["Bo\nChen", "bo@example.com"],
    ]


def test_documents_that_are_not_tables_are_refused_by_name(workspace, tmp_path):
    pdf = tmp_path / "contacts.csv"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n")
    with pytest.raises(FileFormatError, match="is a PDF document, not a table"):
        read_table(pdf)
    scan = tmp_path / "scan.TIF"
    scan.write_bytes(b"II*\x00\x08\x00\x00\x00" + bytes(100))
    with pytest.raises(FileFormatError, match="is a TIFF image, not a table"):
        read_table(scan)
    word = tmp_path / "contacts.xlsx"
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    with pytest.raises(FileFormatError, match="is a Word document, not a table"):
        workspace.imports.import_file(word)
    archive_path = tmp_path / "export.xlsx"
    with zipfile.ZipFile(archive_path, "w") as archive:
        archive.writestr("export/客户.csv", "姓名\n王芳\n")
    with pytest.raises(FileFormatError, match=r"ZIP archive \(holding export/客户.csv\).*Unpack"):
        read_table(archive_path)
    page = tmp_path / "page.xls"
    page.write_text("<html><body><p>No table here</p></body></html>", encoding="utf-8")
    with pytest.raises(FileFormatError, match="web page without any table"):
        read_table(page)
    broken = tmp_path / "broken.xml"
    broken.write_text(SPREADSHEET_XML[:600], encoding="utf-8")
    with pytest.raises(FileFormatError, match="Excel 2003 XML workbook that cannot be read"):
        read_table(broken)
    assert workspace.today.info().people == 0


FLAT_ODS = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:body><office:spreadsheet>
  <table:table table:name="联系人">
   <table:table-row>
    <table:table-cell table:number-columns-spanned="2" office:value-type="string">
     <text:p>客户名单</text:p></table:table-cell>
    <table:covered-table-cell/>
    <table:table-cell table:number-columns-repeated="1022"/>
   </table:table-row>
   <table:table-row>
    <table:table-cell office:value-type="string"><text:p>姓名</text:p></table:table-cell>
    <table:table-cell office:value-type="string"><text:p>手机</text:p></table:table-cell>
    <table:table-cell office:value-type="string"><text:p>生日</text:p></table:table-cell>
    <table:table-cell office:value-type="string"><text:p>备注</text:p></table:table-cell>
    <table:table-cell table:number-columns-repeated="1020"/>
   </table:table-row>
   <table:table-row>
    <table:table-cell office:value-type="string"><text:p>王<text:s text:c="2"/>芳</text:p>
    </table:table-cell>
    <table:table-cell office:value-type="float" office:value="13800138000">
     <text:p>13800138000</text:p></table:table-cell>
    <table:table-cell office:value-type="date" office:date-value="1990-03-04">
     <text:p>1990/3/4</text:p></table:table-cell>
    <table:table-cell office:value-type="string"><text:p>第一行</text:p><text:p>第二行</text:p>
    </table:table-cell>
   </table:table-row>
   <table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>
   <table:table-row>
    <table:table-cell office:value-type="string"><text:p>李雷</text:p></table:table-cell>
    <table:table-cell table:number-columns-repeated="2"/>
    <table:table-cell office:value-type="string"><text:p>VIP</text:p></table:table-cell>
   </table:table-row>
   <table:table-row table:number-rows-repeated="1048570">
    <table:table-cell table:number-columns-repeated="1024"/></table:table-row>
  </table:table>
 </office:spreadsheet></office:body>
</office:document>"""


def test_flat_opendocument_spreadsheet(workspace, tmp_path):
    path = tmp_path / "contacts.fods"
    path.write_text(FLAT_ODS, encoding="utf-8")
    t = read_table(path)
    lay = layout(t.rows)
    assert (t.kind, t.sheets, len(t.rows)) == ("fods", ("联系人",), 6)  # padding left out
    assert lay.header_row == 1 and lay.columns == ("姓名", "手机", "生日", "备注")
    assert t.rows[2] == ["王  芳", 13800138000, date(1990, 3, 4), "第一行\n第二行"]
    assert lay.data_rows == (2, 5)  # blank rows inside the data skipped, not its end
    report = workspace.imports.import_file(path, today=TODAY)
    assert (report.created, report.failed) == (2, 0)
    wang = people(workspace)["王  芳"]
    assert wang.birthday == date(1990, 3, 4) and wang.phones[0].value == "13800138000"
    text_document = tmp_path / "letter.fods"
    text_document.write_text(
        FLAT_ODS.replace("<office:spreadsheet>", "<office:text>").replace(
            "</office:spreadsheet>", "</office:text>"
        ),
        encoding="utf-8",
    )
    with pytest.raises(FileFormatError, match="not a spreadsheet"):
        read_table(text_document)


def test_html_cells_merged_across_and_down_keep_every_column_in_place(tmp_path):
    path = tmp_path / "grid.html"
    path.write_text(
        "<table><tr><td>a1</td><td colspan=2>b1</td><td>d1</td></tr>"
        "<tr><td rowspan=3>a2</td><td colspan=2 rowspan=2>b2</td><td>d2</td></tr>"
        "<tr><td>d3</td></tr>"
        "<tr><td>b4</td><td colspan=bad>c4</td><td>d4</td></tr></table>",
        encoding="utf-8",
    )
    assert read_table(path).rows == [
        ["a1", "b1", None, "d1"],
        ["a2", "b2", None, "d2"],
        [None, None, None, "d3"],
        [None, "b4", "c4", "d4"],
    ]


def test_each_html_table_is_a_sheet_named_by_its_caption(tmp_path):
    path = tmp_path / "report.htm"
    path.write_text(
        "<table><caption>客户 <b>2024</b></caption><tr><td>a</td><td>b</td></tr></table>"
        "<table><tr><td>x</td></tr></table>",
        encoding="utf-8",
    )
    assert read_table(path).sheets == ("客户 2024", "Table 2")
    assert read_table(path, "Table 2").rows == [["x"]]
