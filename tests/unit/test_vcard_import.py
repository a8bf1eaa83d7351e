"""vCard import of every real-world sample, checked against MANIFEST.md's expectations."""

import dataclasses
import json
import quopri
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
    # the two nameless cards are one note, naming its examples
    assert any("2 cards have no name" in n and "“john.doe@company.com”" in n for n in data["notes"])


def test_vcards_under_another_name_are_read_as_vcards(workspace, tmp_path):
    disguised = tmp_path / "contacts.txt"
    disguised.write_bytes((VCARDS / "fk_v3Utf16Bom.vcf").read_bytes())  # UTF-16 with a BOM
    report = workspace.imports.import_file(disguised)
    assert report.created >= 1 and report.failed == 0
    with pytest.raises(ValidationError, match="without a preview"):
        workspace.imports.preview(disguised)


# --- quoted-printable bytes in a legacy codepage with no CHARSET (The Bat!, old Outlook) -------


def qp(text, codec):
    """``text`` in ``codec``, quoted-printable on one line, as old Windows exporters wrote it."""
    return quopri.encodestring(text.encode(codec)).replace(b"=\n", b"").decode("ascii")


def legacy_vcf(cards, codec):
    """A vCard 2.1 file whose QP values are ``codec`` bytes and that declares no CHARSET."""
    out = []
    for name, street in cards:
        out += ["BEGIN:VCARD", "VERSION:2.1", f"FN;ENCODING=QUOTED-PRINTABLE:{qp(name, codec)}"]
        if street:
            out.append(f"ADR;HOME;ENCODING=QUOTED-PRINTABLE:;;{qp(street, codec)};;;;")
        out += ["EMAIL:someone@example.com", "END:VCARD"]
    return ("\r\n".join(out) + "\r\n").encode("ascii")


def stored_text(contact):
    """Every text a contact carries, however deep in it."""
    found = []

    def walk(value):
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(k)
                walk(v)
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v)

    walk(dataclasses.asdict(contact))
    return found


LEGACY_CASES = {
    "polish-cp1250": (
        "cp1250",
        [("Piotr Iksiński", None), ("Paweł Wiśniewski", "ul. Świętokrzyska 5, Łódź")],
    ),
    "polish-iso-8859-2": ("iso8859_2", [("Paweł Wiśniewski", "Łódź"), ("Piotr Iksiński", None)]),
    "czech-cp1250": (
        "cp1250",
        [("Jiří Dvořák", "Václavské náměstí 12"), ("Věra Nováková", None)],
    ),
    "russian-cp1251": ("cp1251", [("Иван Петров", "Москва, ул. Тверская, д. 7")]),
    "russian-koi8-r": ("koi8_r", [("Ольга Смирнова", "Санкт-Петербург"), ("Пётр Иванов", None)]),
}


@pytest.mark.parametrize("case", LEGACY_CASES)
def test_undeclared_legacy_quoted_printable_is_guessed_per_file(case):
    codec, cards = LEGACY_CASES[case]
    parsed = read_vcards(legacy_vcf(cards, codec))
    assert [(c.name, c.addresses[0].street if c.addresses else None) for c in parsed.contacts] == (
        cards
    )
    assert not any("\ufffd" in t for c in parsed.contacts for t in stored_text(c))


def test_one_polish_name_alone_is_not_read_as_spanish():
    data = legacy_vcf([("Piotr Iksiński", None)], "cp1250")
    assert b"FN;ENCODING=QUOTED-PRINTABLE:Piotr Iksi=F1ski" in data  # as The Bat! writes it
    assert read_vcards(data).contacts[0].name == "Piotr Iksiński"
    polish = legacy_vcf([("Paweł Wiśniewski", None)], "cp1250")
    assert b"Pawe=B3 Wi=9Cniewski" in polish
    assert read_vcards(polish).contacts[0].name == "Paweł Wiśniewski"
    # The same byte F1 before a vowel is Spanish ñ in Windows-1252.
    assert read_vcards(legacy_vcf([("José Muñoz", None)], "cp1252")).contacts[0].name == (
        "José Muñoz"
    )


def test_utf8_quoted_printable_without_charset_is_unchanged():
    cards = [("Zoë Łukasik-Ñúñez", "Straße 1, Kraków"), ("Иван Петров", None), ("王芳", "杭州")]
    parsed = read_vcards(legacy_vcf(cards, "utf-8"))
    assert [(c.name, c.addresses[0].street if c.addresses else None) for c in parsed.contacts] == (
        cards
    )


def test_utf8_and_legacy_cards_in_one_file_each_read_right():
    data = legacy_vcf([("Zoë Łukasik", None)], "utf-8") + legacy_vcf(
        [("Paweł Wiśniewski", "Łódź")], "cp1250"
    )
    assert [c.name for c in read_vcards(data).contacts] == ["Zoë Łukasik", "Paweł Wiśniewski"]


def test_bytes_no_codepage_defines_never_become_replacement_characters():
    # 0x81 and 0x98 mean nothing in Windows-1250 (nor 0x98 in 1251): a stray one in a note.
    note = qp("Spotkanie w Łodzi", "cp1250") + "=81=98"
    data = legacy_vcf([("Paweł Wiśniewski", None)], "cp1250").replace(
        b"EMAIL:", f"NOTE;ENCODING=QUOTED-PRINTABLE:{note}\r\nEMAIL:".encode()
    )
    card = read_vcards(data).contacts[0]
    assert card.name == "Paweł Wiśniewski"
    assert card.notes == "Spotkanie w Łodzi\x81\x98"  # the rest of the note read, strays kept
    assert not any("\ufffd" in t for t in stored_text(card))


def test_import_of_a_legacy_quoted_printable_file_stores_searchable_names(workspace, tmp_path):
    path = tmp_path / "the_bat.vcf"
    path.write_bytes(
        legacy_vcf(
            [("Piotr Iksiński", "ul. Świętokrzyska 5"), ("Paweł Wiśniewski", None)], "cp1250"
        )
    )
    report = workspace.imports.import_file(path, today=TODAY)
    assert report.created == 2 and report.failed == 0
    with sqlite3.connect(workspace.path) as conn:
        names = sorted(r[0] for r in conn.execute("SELECT name FROM people"))
        streets = [r[0] for r in conn.execute("SELECT street FROM addresses")]
        texts = [
            v
            for (v,) in conn.execute(
                "SELECT name FROM people UNION ALL SELECT street FROM addresses"
            )
        ]
    assert names == ["Paweł Wiśniewski", "Piotr Iksiński"]
    assert streets == ["ul. Świętokrzyska 5"]
    assert not any("\ufffd" in (t or "") for t in texts)
    assert [h.title for h in workspace.search.contacts("Iksiński")] == ["Piotr Iksiński"]
