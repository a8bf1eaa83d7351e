"""vCard import of every real-world sample, checked against MANIFEST.md's expectations."""

import json
import sqlite3

import pytest

from desktop_crm.cli import main
from desktop_crm.domain.errors import ValidationError
from desktop_crm.spreadsheet.vcard_reader import read_vcards
from tests.conftest import REALWORLD, TODAY

VCARDS = REALWORLD / "vcard"


def read(name):
    return read_vcards((VCARDS / name).read_bytes())


@pytest.mark.parametrize(
    ("name", "count"),
    [
        ("aosp_v21_japanese_2.vcf", 1),
        ("ezvcard_John_Doe_ANDROID.vcf", 6),
        ("ezvcard_John_Doe_GMAIL.vcf", 1),
        ("ezvcard_John_Doe_IPHONE.vcf", 1),
        ("ezvcard_John_Doe_MS_OUTLOOK.vcf", 1),
        ("ezvcard_rfc2426-example.vcf", 2),
        ("fk_LargeFile.vcf", 1000),
        ("fk_Ukrainian.vcf", 1),
        ("fk_v3Utf16Bom.vcf", 2),
        ("fk_v4.vcf", 2),
    ],
)
def test_every_sample_reads_with_the_expected_number_of_cards(name, count):
    parsed = read(name)
    assert len(parsed.contacts) == count
    assert parsed.problems == []


def test_android_nameless_cards_are_named_from_email_and_qp_is_decoded():
    cards = read("ezvcard_John_Doe_ANDROID.vcf").contacts
    assert [c.name for c in cards[:2]] == ["john.doe@company.com", "jane.doe@company.com"]
    assert all(c.named_from == "email" for c in cards[:2])
    assert cards[0].categories == ["My Contacts"]
    assert cards[2].name == "Ñ Ñ Ñ Ñ Ñ"  # QP, CHARSET=UTF-8
    long = cards[3]
    assert long.name.count("Ñ") == 11  # joined across QP soft line breaks
    assert long.notes.count("Ñ") > 20 and "\n\n" in long.notes  # repeated NOTE kept
    assert [p[0] for p in long.phones] == ["mobile", "home", "mobile", "home"]
    assert cards[4].websites == ["www.company.com", "http://www.company.com"]


def test_iphone_grouped_labels_photo_and_unescaped_comma():
    card = read("ezvcard_John_Doe_IPHONE.vcf").contacts[0]
    assert len(card.phones) == 7 and ("assistant", "905-222-1234") in card.phones
    assert len(card.addresses) == 2
    assert card.addresses[1].street == "Street4\nBuilding 6\nFloor 8"
    assert card.photo[:3] == b"\xff\xd8\xff" and card.photo[-2:] == b"\xff\xd9"
    assert card.given_name == "John Richter James"  # N additional names, comma-separated
    assert (card.organization, card.department) == ("IBM", "Accounting")


def test_gmail_escapes_and_extended_address():
    card = read("ezvcard_John_Doe_GMAIL.vcf").contacts[0]
    assert card.websites == ["http://www.ibm.com"]
    assert card.addresses[0].street.startswith("Crescent moon drive\n555-asd\nNice Area, Albaney")
    assert card.notes.endswith("Favotire Color: Blue")


def test_outlook_basic_date_and_blank_line_terminated_photo():
    card = read("ezvcard_John_Doe_MS_OUTLOOK.vcf").contacts[0]
    assert card.organization == "IBM" and card.emails == [("email", "john.doe@ibm.cm")]
    assert str(card.birthday) == "1980-03-22"
    assert card.photo[:3] == b"\xff\xd8\xff"


def test_rfc_example_mixed_case_and_folded_postcode():
    frank, tim = read("ezvcard_rfc2426-example.vcf").contacts
    assert (frank.name, tim.name) == ("Frank Dawson", "Tim Howes")
    assert tim.addresses[0].postcode == "94043"


def test_legacy_charsets_declared_and_undeclared():
    ukrainian = read("fk_Ukrainian.vcf").contacts[0]
    assert ukrainian.name == "Віталій Володимирович Кличко"
    assert ukrainian.addresses[0].city == "Київ"
    japanese = read("aosp_v21_japanese_2.vcf").contacts[0]
    assert japanese.family_name == "安藤" and "ロイド" in japanese.name
    assert japanese.addresses[0].street == "東京都渋谷区桜丘町26-1セルリアンタワー6階"
    assert japanese.addresses[0].postcode == "150-8512"
    assert japanese.notes == "メモ"


def test_utf16_with_bom_and_google_labels():
    folker, kms = read("fk_v3Utf16Bom.vcf").contacts
    assert folker.name == "Folker Kinzel"
    assert kms.name == "KMS Außenstelle" and (kms.family_name, kms.given_name) == ("KMS", "WSF")
    assert ("home fax", "03443-333440") in kms.phones
    assert kms.emails == [("email", "blablö@blub.com")]


def test_v4_invalid_birthday_is_reported_not_fatal():
    gerda, max_ = read("fk_v4.vcf").contacts
    assert gerda.organization == "KiTa Öhrdingen"
    assert max_.birthday is None and "19723101" in max_.warnings[0]
    assert len(max_.emails) == 4 and len(max_.phones) == 10


def test_utf16_without_bom_and_broken_cards_are_reported_and_skipped():
    text = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:好的\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:no name at all\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:cut off\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王芳\r\nTEL:13800138000\r\nEND:VCARD\r\n"
    )
    parsed = read_vcards(text.encode("utf-16-le"))
    assert [c.name for c in parsed.contacts] == ["好的", "王芳"]
    assert [(p.index, p.line) for p in parsed.problems] == [(2, 5), (3, 9)]
    assert "no name" in parsed.problems[0].message and "END" in parsed.problems[1].message


def test_import_all_samples_into_a_workspace(workspace):
    created = 0
    for path in sorted(VCARDS.glob("*.vcf")):
        report = workspace.imports.import_file(path, today=TODAY)
        assert report.failed == 0 and report.operation_id
        created += report.created
    people = workspace.today.info().people
    assert people == 1017  # every card of every sample
    with sqlite3.connect(workspace.path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM people")}
        e164 = dict(conn.execute("SELECT value, e164 FROM phones"))
        tags = [r[0] for r in conn.execute("SELECT name FROM tags")]
        batches = conn.execute("SELECT count(*) FROM import_batches").fetchone()[0]
        ibm = conn.execute("SELECT count(*) FROM companies WHERE name = 'IBM'").fetchone()[0]
    assert {"Віталій Володимирович Кличко", "Frank Dawson", "KMS Außenstelle"} <= names
    assert e164["+1-919-676-9515"] == "+19196769515"
    assert e164["Privattelefon"] is None  # kept as typed, not a number
    assert tags == ["My Contacts"] and batches == 10
    assert ibm == 1  # one company reused across imports


def test_an_import_is_one_undoable_operation_after_a_backup(workspace):
    report = workspace.imports.import_file(VCARDS / "fk_LargeFile.vcf", today=TODAY)
    assert report.created == 1000
    from desktop_crm.store.backup import list_backups

    assert [b.reason for b in list_backups(workspace.path)] == ["pre-import"]
    workspace.history.undo(report.operation_id)
    assert workspace.today.info().people == 0


def test_dry_run_writes_nothing(workspace):
    report = workspace.imports.import_file(VCARDS / "fk_v4.vcf", dry_run=True)
    assert report.dry_run and report.created == 4 and report.operation_id is None  # 2 + 2 orgs
    assert workspace.today.info().people == 0 and workspace.history.recent(5)[0].kind == "system"


def test_unsupported_and_empty_files_are_refused(workspace, tmp_path):
    from desktop_crm.domain.errors import FileFormatError

    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300))
    with pytest.raises(FileFormatError, match="is a PNG image, not a table"):
        workspace.imports.import_file(picture)
    empty = tmp_path / "empty.vcf"
    empty.write_bytes(b"")
    with pytest.raises(ValidationError, match="holds no vCard"):
        workspace.imports.import_file(empty)


def test_cli_import_json(tmp_path, capsys):
    path = tmp_path / "w.crm"
    main(["init", str(path)])
    capsys.readouterr()
    code = main(["import", str(path), str(VCARDS / "ezvcard_John_Doe_ANDROID.vcf"), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["created"] == 8 and data["failed"] == 0 and data["operation_id"]
    assert any("named “john.doe@company.com”" in n for n in data["notes"])


def test_vcards_under_another_name_are_read_as_vcards(workspace, tmp_path):
    disguised = tmp_path / "contacts.txt"
    disguised.write_bytes((VCARDS / "fk_v3Utf16Bom.vcf").read_bytes())  # UTF-16 with a BOM
    report = workspace.imports.import_file(disguised)
    assert report.created >= 1 and report.failed == 0
    with pytest.raises(ValidationError, match="without a preview"):
        workspace.imports.preview(disguised)
