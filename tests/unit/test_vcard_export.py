"""vCard export: what we write, our reader and a third-party parser read back whole."""

from datetime import date

import pytest
import vobject

from desktop_crm.cli import main
from desktop_crm.spreadsheet.vcard_reader import read_vcards
from desktop_crm.store.models import Address, Person, Tag, Tagging
from tests import drafts
from tests.conftest import REALWORLD, TODAY

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.fixture
def rich(workspace):
    studio = drafts.company("星辰设计; Studio, Ltd")
    company = workspace.people.save_company(studio, today=TODAY).ids[0]
    pid = workspace.people.save(
        drafts.person(
            "王芳",
            company_id=company,
            title="设计总监",
            phones=(
                ("mobile", "+86 138-0013-8000"),
                ("work fax", "010-1234"),
                ("微信电话", "139 0000 1111"),
            ),
            emails=(("work", "wangfang@studio.cn"),),
            notes="喜欢极简风格。\n第二行; 带分号, 和逗号",
        ),
        today=TODAY,
    ).ids[0]
    with workspace.store.unit_of_work("extras") as (s, _r):
        p = s.get(Person, pid)
        p.family_name, p.given_name = "王", "芳"
        p.birthday = date(1990, 2, 28)
        p.wechat = "wf_1990"
        p.website = "https://studio.cn"
        p.photo = PNG
        s.add(
            Address(
                person_id=pid,
                label="work",
                street="淮海中路 1 号\n3 楼",
                city="上海",
                postcode="200000",
                country="中国",
            )
        )
        tag = Tag(name="VIP")
        s.add(tag)
        s.flush()
        s.add(Tagging(tag_id=tag.id, person_id=pid))
    return workspace


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_round_trip_through_our_reader(rich, tmp_path, version):
    target = tmp_path / f"out{version}.vcf"
    assert rich.exports.export_people_vcard(target, version=version) == 1
    raw = target.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded, never mid-character
    card = read_vcards(raw).contacts[0]
    assert card.name == "王芳" and (card.family_name, card.given_name) == ("王", "芳")
    assert card.organization == "星辰设计; Studio, Ltd" and card.title == "设计总监"
    assert card.phones == [
        ("mobile", "+86 138-0013-8000"),
        ("work fax", "010-1234"),
        ("微信电话", "139 0000 1111"),
    ]
    assert card.emails == [("work", "wangfang@studio.cn")]
    assert card.notes == "喜欢极简风格。\n第二行; 带分号, 和逗号"
    assert card.birthday == date(1990, 2, 28) and card.wechat == "wf_1990"
    assert card.categories == ["VIP"] and card.photo == PNG
    address = card.addresses[0]
    assert (address.street, address.city, address.postcode) == (
        "淮海中路 1 号\n3 楼",
        "上海",
        "200000",
    )


def test_version_3_is_read_by_a_third_party_parser(rich, tmp_path):
    target = tmp_path / "out.vcf"
    rich.exports.export_people_vcard(target, version="3.0")
    card = vobject.readOne(target.read_text(encoding="utf-8"))
    assert card.fn.value == "王芳"
    assert card.org.value == ["星辰设计; Studio, Ltd"]
    assert [t.value for t in card.contents["tel"]][:1] == ["+86 138-0013-8000"]
    assert card.tel.params["TYPE"] == ["CELL"]
    assert card.email.value == "wangfang@studio.cn"
    assert card.adr.value.city == "上海"
    assert card.photo.value == PNG


def test_real_world_samples_survive_import_export_import(workspace, tmp_path):
    for name in ("ezvcard_John_Doe_IPHONE.vcf", "fk_v4.vcf", "fk_Ukrainian.vcf"):
        workspace.imports.import_file(REALWORLD / "vcard" / name, today=TODAY)
    target = tmp_path / "all.vcf"
    assert workspace.exports.export_people_vcard(target) == 4
    again = read_vcards(target.read_bytes()).contacts
    originals = {
        c.name: c
        for f in ("ezvcard_John_Doe_IPHONE.vcf", "fk_v4.vcf", "fk_Ukrainian.vcf")
        for c in read_vcards((REALWORLD / "vcard" / f).read_bytes()).contacts
    }
    for card in again:
        first = originals[card.name]
        assert card.phones == first.phones and card.emails == first.emails
        assert len(card.addresses) == len(first.addresses)
        assert (card.photo is None) == (first.photo is None)


def test_cli_export(tmp_path, capsys):
    path = tmp_path / "w.crm"
    main(["demo", str(path), "--contacts", "12"])
    capsys.readouterr()
    target = tmp_path / "people.vcf"
    assert (
        main(["export", str(path), str(target), "--entity", "people", "--format", "vcf", "--json"])
        == 0
    )
    assert '"exported": 12' in capsys.readouterr().out
    assert len(read_vcards(target.read_bytes()).contacts) == 12
    assert main(["export", str(path), str(tmp_path / "x.vcf"), "--entity", "deals"]) == 2
    assert "deals can be exported as xlsx or csv" in capsys.readouterr().err
    assert main(["export", str(path), str(tmp_path / "c.vcf"), "--entity", "companies"]) == 2
