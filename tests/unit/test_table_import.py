"""Importing people from the real-world spreadsheets: counts, values, duplicates, undo, errors."""

from datetime import date

import pytest
from openpyxl import load_workbook

from desktop_crm.domain.errors import FileFormatError, ValidationError
from desktop_crm.services.contact_lists.dto import ContactFilter
from tests.conftest import REALWORLD, TODAY

SHEETS = REALWORLD / "sheets"


def people(ws, **flt):
    rows = ws.contact_list.rows(ws.contact_list.ids(ContactFilter(**flt)))
    return {r.name: ws.cards.card("person", r.id) for r in rows}


def test_outlook_export_with_us_dates_and_leading_zero_postcode(workspace):
    report = workspace.imports.import_file(SHEETS / "fkcontacts_Outlook365.csv", today=TODAY)
    assert (report.created, report.failed) == (8, 0)  # 6 people and their 2 companies
    found = people(workspace)
    assert len(found) == 6
    mustermann = next(c for n, c in found.items() if "Mustermann" in n)
    assert "Home Postal Code: 01067" in mustermann.notes  # unmapped, kept as text with its 0
    birthdays = {c.birthday for c in found.values() if c.birthday}
    assert date(1984, 6, 5) in birthdays or date(1981, 1, 20) in birthdays  # M/D/Y read right
    assert "Other State: Thüringen" in mustermann.notes  # decoded as Windows-1252


def test_google_export_splits_multiple_values_and_keeps_the_rest(workspace):
    report = workspace.imports.import_file(SHEETS / "fkcontacts_Google.csv", today=TODAY)
    assert report.created == 2 and report.failed == 0
    [card] = people(workspace).values()
    assert card.name == "Dr. Max Middle Name Mustermann jr." and card.birthday == date(1972, 1, 31)
    assert len(card.emails) >= 3  # " ::: " separated addresses split
    assert "business 3@golker.de" in (card.notes or "")  # an invalid email is kept, not lost
    assert card.tags  # Group Membership


def test_thunderbird_split_birthday_and_shift_jis(workspace):
    workspace.imports.import_file(SHEETS / "fkcontacts_ThunderbirdAnsi.csv", today=TODAY)
    workspace.imports.import_file(SHEETS / "thunderbird_shiftjis_addressbook.csv", today=TODAY)
    found = people(workspace)
    max_ = next(c for n, c in found.items() if "Mustermann" in n)
    assert max_.birthday == date(1972, 1, 31)
    assert "名無しの権兵衛" in found
    assert [e.value for e in found["名無しの権兵衛"].emails] == ["名無しの権兵衛@host.invalid"]


def test_blank_row_inside_data_and_unmapped_columns_kept_in_notes(workspace):
    report = workspace.imports.import_file(SHEETS / "messytables_blank_line_libreoffice.ods")
    assert report.created == 3
    found = people(workspace)
    assert set(found) == {"Bob", "Jane", "Ian"}
    assert "Age: 20" in found["Bob"].notes and "When: 2010-10-10" in found["Bob"].notes


def test_chinese_csv_in_gbk(workspace, tmp_path):
    path = tmp_path / "客户.csv"
    path.write_bytes(
        (
            "姓名,手机,公司,邮箱,客户等级,标签,备注\n"
            "王芳,13800138000,远山设计,wf@studio.cn,A级,VIP；老客户,喜欢极简\n"
            "张三,1.39E+10,远山设计,,B,,\n"
        ).encode("gbk")
    )
    report = workspace.imports.import_file(path, today=TODAY)
    assert report.created == 3  # two people, one company
    found = people(workspace)
    assert found["王芳"].level == "A" and found["王芳"].tags == ("VIP", "老客户")
    assert found["王芳"].company == "远山设计" and found["王芳"].phones[0].value == "13800138000"
    assert workspace.search.contacts("13800138000")[0].title == "王芳"


def test_sheet_without_header_imports_by_its_values(workspace, tmp_path):
    path = tmp_path / "名单.csv"
    path.write_text(
        "张三,13800138000,zs@example.com,北京\n李四,139 0013 9000,ls@example.com,上海\n",
        encoding="utf-8",
    )
    report = workspace.imports.import_file(path, today=TODAY)
    assert (report.created, report.failed) == (2, 0)
    zhang = people(workspace)["张三"]
    assert zhang.phones[0].value == "13800138000" and zhang.emails[0].value == "zs@example.com"
    assert "北京" in zhang.notes  # an unmapped column is kept, never dropped


@pytest.mark.parametrize(
    "name",
    [
        "calamine_date_1904.xlsx",
        "calamine_header-row.xlsx",
        "easyexcel_t01_import_template_merged_title.xls",
        "easyexcel_t02_title_row_leading_zero.xlsx",
    ],
)
def test_sheets_without_contacts_are_refused_with_a_reason(workspace, name):
    with pytest.raises(ValidationError, match="no column looks like a name"):
        workspace.imports.import_file(SHEETS / name)
    assert workspace.today.info().people == 0


def test_protected_and_broken_files_write_nothing(workspace, tmp_path):
    with pytest.raises(FileFormatError, match="password"):
        workspace.imports.import_file(SHEETS / "calamine_pass_protected.xlsx")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04broken")
    with pytest.raises(FileFormatError):
        workspace.imports.import_file(broken)
    assert workspace.history.recent(5)[0].kind == "system"


def test_duplicate_policies_and_undo_restores_updated_people(workspace, tmp_path):
    first = tmp_path / "a.csv"
    first.write_text("Name,Email,Title\nAnn Lee,ann@x.com,\nBob Ma,bob@x.com,CTO\n")
    workspace.imports.import_file(first, today=TODAY)
    again = tmp_path / "b.csv"
    again.write_text(
        "Name,Email,Title,Phone\nAnn Lee,ANN@x.com,CEO,13800138000\n"
        "Bob Ma,bob@x.com,CEO,\nCai Yi,cai@x.com,,\n"
    )
    skip = workspace.imports.import_file(again, dry_run=True)
    assert (skip.created, skip.skipped, skip.updated) == (1, 2, 0)
    filled = workspace.imports.import_file(again, duplicates="fill", today=TODAY)
    assert (filled.created, filled.updated, filled.skipped) == (1, 1, 1)  # Bob: nothing new
    found = people(workspace)
    assert found["Ann Lee"].title == "CEO" and found["Bob Ma"].title == "CTO"  # fill: empty only
    assert [p.value for p in found["Ann Lee"].phones] == ["13800138000"]
    workspace.history.undo(filled.operation_id)
    found = people(workspace)
    assert set(found) == {"Ann Lee", "Bob Ma"} and found["Ann Lee"].title is None
    assert found["Ann Lee"].phones == ()
    over = workspace.imports.import_file(again, duplicates="overwrite", today=TODAY)
    assert over.updated == 2 and people(workspace)["Bob Ma"].title == "CEO"
    assert over.created == 1  # Cai Yi again: the undo took the first one back
    made = workspace.imports.import_file(again, duplicates="create", today=TODAY)
    assert made.created == 3


def test_failed_rows_go_to_the_error_workbook(workspace, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("Name,Email,Comment\nAnn,ann@x.com,ok\n,,just a note\n")
    report = workspace.imports.import_file(path, today=TODAY)
    assert (report.created, report.failed) == (1, 1)
    assert report.problems == ("row 3: no name, email or phone; see the error workbook",)
    sheet = load_workbook(report.error_workbook).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Row", "Reason", "Name", "Email", "Comment")
    assert rows[1] == (3, "no name, email or phone", None, None, "just a note")


# --- sheets whose header names nobody: Japanese, and headers in languages not known here -------

JAPANESE_PEOPLE = [
    ("山田 太郎", "株式会社山田商事", "東京都千代田区丸の内1-1-1", "yamada@yamada-shoji.co.jp"),
    ("佐藤 花子", "トヨタ自動車株式会社", "愛知県豊田市トヨタ町1番地", "h.sato@toyota.example.jp"),
    ("鈴木一郎", "株式会社日立製作所", "東京都千代田区丸の内1-6-6", "suzuki@hitachi.example.jp"),
    ("佐々木 さくら", "ソニー株式会社", "東京都港区港南1-7-1", "sakura@sony.example.jp"),
    ("高橋健", "合同会社アルファ", "大阪府大阪市北区梅田2-4-9", "ken@alpha.example.jp"),
    ("田中 美咲", "有限会社たなか", "福岡県福岡市博多区博多駅前3-2-1", "misaki@tanaka.example.jp"),
]


def write_shift_jis(path, header, rows):
    text = "\r\n".join(",".join(r) for r in [header, *rows]) + "\r\n"
    path.write_bytes(text.encode("shift_jis"))


@pytest.mark.parametrize(
    "header",
    [
        ("氏名", "会社名", "住所", "メール"),  # known headers
        ("担当者", "取引先", "送付先", "連絡先"),  # headers not known: found by the values
    ],
)
def test_shift_jis_sheet_with_japanese_headers_stores_names(workspace, tmp_path, header):
    path = tmp_path / "顧客リスト.csv"
    write_shift_jis(path, header, JAPANESE_PEOPLE)
    report = workspace.imports.import_file(path, today=TODAY)
    assert report.failed == 0 and not any("has no name" in n for n in report.note_lines())
    found = people(workspace)
    assert set(found) == {name for name, *_ in JAPANESE_PEOPLE}
    for name, company, street, email in JAPANESE_PEOPLE:
        card = found[name]
        assert card.company == company
        assert [a.street for a in card.addresses] == [street]
        assert [e.value for e in card.emails] == [email]


def test_sheet_with_japanese_headers_of_every_kind(workspace, tmp_path):
    path = tmp_path / "名簿.csv"
    header = ("氏名", "フリガナ", "会社名", "部署", "役職", "郵便番号", "住所", "電話番号")
    header += ("携帯電話", "メールアドレス", "備考")
    row = ("山田 太郎", "ヤマダ タロウ", "株式会社山田商事", "営業部", "部長", "100-0005")
    row += ("東京都千代田区丸の内1-1-1", "03-1234-5678", "090-1234-5678")
    row += ("yamada@example.jp", "紹介")
    write_shift_jis(path, header, [row])
    assert workspace.imports.import_file(path, today=TODAY).failed == 0
    card = people(workspace)["山田 太郎"]
    assert (card.company, card.department, card.title) == ("株式会社山田商事", "営業部", "部長")
    assert card.addresses[0].postcode == "100-0005"
    assert {(p.label, p.value) for p in card.phones} >= {("mobile", "090-1234-5678")}
    assert "03-1234-5678" in {p.value for p in card.phones}
    assert "紹介" in card.notes and "フリガナ: ヤマダ タロウ" in card.notes  # reading kept aside


def test_headers_in_other_languages_find_name_company_and_address_by_values(workspace, tmp_path):
    korean = tmp_path / "고객.csv"
    korean.write_text(
        "이름,회사,주소,전화\n"
        "김민준,삼성전자 주식회사,서울특별시 강남구 테헤란로 123,+82 10-1234-5678\n"
        "이서연,(주)엘지,부산광역시 해운대구 센텀로 45,+82 10-2345-6789\n"
        "박지훈,현대자동차(주),서울특별시 서초구 헌릉로 12,+82 10-3456-7890\n",
        encoding="utf-8",
    )
    vietnamese = tmp_path / "khach_hang.csv"
    vietnamese.write_text(
        "Họ và tên,Công ty,Địa chỉ,Thư điện tử\n"
        'Nguyễn Văn An,Công ty TNHH ABC,"123 Nguyễn Huệ, Quận 1",an.nguyen@abc.vn\n'
        'Trần Thị Bích Ngọc,Công ty Cổ phần XYZ,"45 Lê Lợi, Phường Bến Nghé",ngoc.tran@xyz.vn\n'
        'Lê Hoàng Minh,Cty TNHH Minh Phát,"8 Đường Trần Phú, Đà Nẵng",minh.le@mp.vn\n',
        encoding="utf-8",
    )
    for path in (korean, vietnamese):
        report = workspace.imports.import_file(path, today=TODAY)
        assert report.failed == 0 and not any("has no name" in n for n in report.note_lines())
    found = people(workspace)
    assert found["김민준"].company == "삼성전자 주식회사"
    assert found["김민준"].addresses[0].street == "서울특별시 강남구 테헤란로 123"
    assert found["Trần Thị Bích Ngọc"].company == "Công ty Cổ phần XYZ"
    assert found["Nguyễn Văn An"].addresses[0].street == "123 Nguyễn Huệ, Quận 1"
