"""Column mapping of real exports, and cell values as spreadsheets hold them."""

from datetime import date
from decimal import Decimal

import pytest

from desktop_crm.spreadsheet import cells
from desktop_crm.spreadsheet.mapping import birthday_parts, guess_mapping
from desktop_crm.spreadsheet.tables import layout, read_table
from desktop_crm.spreadsheet.value_guessing import guess_from_values
from tests.conftest import REALWORLD


def mapped(name):
    t = read_table(REALWORLD / "sheets" / name)
    lay = layout(t.rows)
    return {lay.columns[i]: f for i, f in guess_mapping(lay.columns).items()}, lay.columns


def test_known_export_layouts_are_recognised():
    google, _ = mapped("fkcontacts_Google.csv")
    assert google["E-mail 1 - Value"] == "email" and google["Phone 1 - Value"] == "phone"
    assert google["Organization 1 - Name"] == "company" and google["Group Membership"] == "tags"
    outlook, _ = mapped("fkcontacts_Outlook365.csv")
    assert outlook["Job Title"] == "title" and "Title" not in outlook  # Title is Mr/Dr there
    assert outlook["Mobile Phone"] == "mobile" and outlook["Business Postal Code"] == "postcode"
    thunderbird, columns = mapped("fkcontacts_ThunderbirdAnsi.csv")
    assert thunderbird["Primäre E-Mail-Adresse"] == "email"
    assert thunderbird["Mobil-Tel.-Nr."] == "mobile" and "Geburtstag" not in thunderbird
    assert set(birthday_parts(columns)) == {"birthyear", "birthmonth", "birthday_day"}
    live_mail, _ = mapped("fkcontacts_WindowsLiveMail.csv")
    assert live_mail["Name"] == "name" and live_mail["Firma"] == "company"


def test_other_tools_headers():
    yahoo = ["First", "Last", "Email", "Alternate Email 1", "Category", "Work City", "Work ZIP"]
    got = {yahoo[i]: f for i, f in guess_mapping(yahoo).items()}
    assert got == {
        "First": "given_name",
        "Last": "family_name",
        "Email": "email",
        "Alternate Email 1": "email2",
        "Category": "tags",
        "Work City": "city",
        "Work ZIP": "postcode",
    }
    crm = ["first_name", "last_name", "email_address", "phone_number", "company_name"]
    assert list(guess_mapping(crm).values()) == [
        "given_name",
        "family_name",
        "email",
        "phone",
        "company",
    ]


def test_traditional_chinese_headers():
    columns = ["姓名", "行動電話", "市話", "公司名稱", "電子郵件", "備註", "標籤", "郵遞區號"]
    got = {columns[i]: f for i, f in guess_mapping(columns).items()}
    assert got == {
        "姓名": "name",
        "行動電話": "mobile",
        "市話": "phone",
        "公司名稱": "company",
        "電子郵件": "email",
        "備註": "notes",
        "標籤": "tags",
        "郵遞區號": "postcode",
    }


def test_values_show_emails_phones_and_headerless_names():
    values = [
        ["张三", "李四", "欧阳娜娜"],
        ["13800138000", "139 0013 9000", "+86 137-0000-1111"],
        ["zs@example.com", "ls@example.com", "oy@example.cn"],
        ["+44 20 7946 0958", "(030) 123 4567", "212-555-0100"],
        ["2010-10-10", "2012-01-01", "2015-11-11"],  # dates are not phones
        ["0001234", "0001235", "0001236"],  # nor are codes
    ]
    assert guess_from_values({}, values, headerless=True) == {
        0: "name",
        1: "mobile",
        2: "email",
        3: "phone",
    }
    # A header that names no person (a language not known here) but heads a contact list:
    # the values find the name as in a sheet without a header.
    assert guess_from_values({2: "email"}, values, headerless=False) == {
        0: "name",
        1: "mobile",
        2: "email",
        3: "phone",
    }
    # A header that names the person: the other columns are what their headers say, or left.
    assert guess_from_values({2: "email", 5: "name"}, values, headerless=False) == {
        1: "mobile",
        2: "email",
        3: "phone",
        5: "name",
    }
    # Under a header without emails or phones, short Chinese words are as likely products.
    products = [["螺栓", "螺母", "垫圈", "螺钉"], ["不锈钢", "碳钢", "铜", "铝"]]
    assert guess_from_values({}, products, headerless=False) == {}


def test_japanese_headers():
    columns = ["氏名", "フリガナ", "会社名", "部署", "役職", "郵便番号", "住所", "電話番号"]
    columns += ["携帯電話", "メールアドレス", "備考", "携帯メール"]
    got = {columns[i]: f for i, f in guess_mapping(columns).items()}
    assert got == {
        "氏名": "name",  # フリガナ is the reading of the name: kept in the notes, not the name
        "会社名": "company",
        "部署": "department",
        "役職": "title",
        "郵便番号": "postcode",
        "住所": "street",
        "電話番号": "phone",
        "携帯電話": "mobile",
        "メールアドレス": "email",
        "備考": "notes",
        "携帯メール": "email2",
    }
    short = ["名前", "会社", "メール", "電話", "携帯電話番号", "姓", "名"]
    assert list(guess_mapping(short).values()) == [
        "name",
        "company",
        "email",
        "phone",
        "mobile",
        "family_name",
        "given_name",
    ]


def test_values_find_name_company_and_address_under_unknown_headers():
    emails = ["jsmith@acme.com", "mary.jones@globex.de", "peter@initech.com", "tclark@hooli.com"]
    english = [
        ["John Smith", "Mary Jones", "Peter Brown", "Tom Clark"],
        ["Acme Inc.", "Globex GmbH", "Initech LLC", "Hooli Ltd"],
        ["10 Downing Street", "221B Baker St", "Hauptstraße 5", "12 rue de Rivoli"],
        emails,
    ]
    assert guess_from_values({}, english, headerless=False) == {
        0: "name",
        1: "company",
        2: "street",
        3: "email",
    }
    korean = [
        ["김민준", "이서연", "박지훈", "최수아"],
        ["서울특별시 강남구 테헤란로 123", "부산광역시 해운대구 우동 45", "서울 마포구 월드컵로 1"],
        ["+82 10-1234-5678", "+82 10-2345-6789", "+82 10-3456-7890", "+82 10-4567-8901"],
    ]
    assert guess_from_values({}, korean, headerless=False) == {0: "name", 1: "street", 2: "phone"}
    # "First Last" values the emails do not spell (job titles here) are not taken for names.
    titles = ["Sales Manager", "Chief Executive", "Account Director", "Lead Engineer"]
    assert guess_from_values({}, [titles, emails], headerless=False) == {1: "email"}
    # Short Chinese words that repeat down the list are cities (or companies), not names.
    cities = ["北京", "上海", "北京", "北京", "上海"]
    assert guess_from_values({1: "email"}, [cities, emails], headerless=False) == {1: "email"}


def test_chinese_headers():
    columns = [
        "姓名*",
        "手机号码",
        "公司/单位",
        "邮箱",
        "地址",
        "备注",
        "标签",
        "来源",
        "负责人",
        "客户等级",
        "联系人",
        "办公电话",
        "微信号",
        "生日",
    ]
    got = {columns[i]: f for i, f in guess_mapping(columns).items()}
    assert got == {
        "姓名*": "name",
        "手机号码": "mobile",
        "公司/单位": "company",
        "邮箱": "email",
        "地址": "street",
        "备注": "notes",
        "标签": "tags",
        "来源": "source",
        "负责人": "owner",
        "客户等级": "level",
        "办公电话": "phone",
        "微信号": "wechat",
        "生日": "birthday",
    }


def test_phones_stored_as_numbers_keep_every_digit():
    assert cells.phone_text(13800138000.0) == "13800138000"
    assert cells.phone_text(1.38e10) == "13800000000"
    assert cells.phone_text("+86 138-0013-8000") == "+86 138-0013-8000"
    assert cells.text(0.1) == "0.1" and cells.text(12.0) == "12"


def test_several_values_in_one_cell():
    assert cells.split_values("a@x.cn; b@y.cn ::: c@z.cn") == ["a@x.cn", "b@y.cn", "c@z.cn"]
    assert cells.split_values("13800138000，13900139000") == ["13800138000", "13900139000"]
    assert cells.split_values(None) == []


@pytest.mark.parametrize(
    ("samples", "order"),
    [
        (["2026-03-01", "2026/3/2"], "YMD"),
        (["25/12/2026", "01/02/2026"], "DMY"),
        (["6/5/1984", "1/20/1981", "6/3/2005"], "MDY"),
        (["01/02/2026"], "DMY"),
        (["1985-12-01", "03/04/1990", "31/02/1990"], "DMY"),  # ISO dates do not decide
    ],
)
def test_date_order_of_a_column(samples, order):
    assert cells.date_order(samples) == order


def test_dates_text_serials_and_bad_ones():
    assert cells.parse_date("6/5/1984", "MDY") == date(1984, 6, 5)
    assert cells.parse_date("5/6/1984", "DMY") == date(1984, 6, 5)
    assert cells.parse_date("1985-12-01", "MDY") == date(1985, 12, 1)  # year first is clear
    assert cells.parse_date("2026年3月1日") == date(2026, 3, 1)
    assert cells.parse_date("19720131") == date(1972, 1, 31)
    assert cells.parse_date(45000) == date(2023, 3, 15)  # 1900 system
    assert cells.parse_date(43462, date1904=True) == date(2022, 12, 29)  # 1904 system
    with pytest.raises(ValueError, match="real date"):
        cells.parse_date("2026-02-30")
    with pytest.raises(ValueError):
        cells.parse_date("soon")


def test_amounts_percentages_and_yes_no():
    assert cells.parse_amount("¥12,345.50") == Decimal("12345.50")
    assert cells.parse_amount("3.5万") == Decimal("35000")
    # Decimal commas as Europeans write them, and other thousands marks.
    assert cells.parse_amount("1.234,50 €") == Decimal("1234.50")
    assert cells.parse_amount("12,5") == Decimal("12.5")
    assert cells.parse_amount("0,75") == Decimal("0.75")
    assert cells.parse_amount("12,345") == Decimal("12345")
    assert cells.parse_amount("1,234,567.8") == Decimal("1234567.8")
    assert cells.parse_amount("1 234,50") == Decimal("1234.50")
    assert cells.parse_amount("1'234.50") == Decimal("1234.50")
    assert cells.parse_amount("EUR 99") == Decimal("99") and cells.parse_amount("¥1，200元") == 1200
    assert cells.parse_percent("12,5%") == Decimal("12.5")
    assert cells.parse_amount(0.1) == Decimal("0.1")
    assert cells.parse_percent("12.5%") == Decimal("12.5")
    assert cells.parse_percent(0.125) == Decimal("12.5")
    assert cells.parse_bool("是") is True and cells.parse_bool("No") is False
    with pytest.raises(ValueError):
        cells.parse_amount("a lot")
    with pytest.raises(ValueError):
        cells.parse_bool("maybe")
