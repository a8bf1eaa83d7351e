"""One set of rules for every writer of people: editor, import (table and vCard), merge, demo.

The same person data, whoever writes it, ends with the same stored phone and E.164 form, the
same company row, the same tag row and consecutive customer numbers.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_crm.domain import contact_values as cv
from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.contacts.dto import CompanyDraft, Labelled, PersonDraft
from desktop_crm.services.demo.demo_data import create_demo_workspace
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.services.workspace.handle import Workspace
from desktop_crm.store.models import Email, Person, Phone
from tests.conftest import TODAY

WANG = PersonDraft(
    "王芳",
    company_name="ACME Ltd",
    phones=(Labelled("mobile", " 138 0013 8000 "),),
    emails=(Labelled("work", "WangFang@Studio.CN"),),
    tags=("VIP",),
)


def rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute(sql).fetchall()


def live(path: Path, table: str, columns: str) -> list[tuple]:
    return rows(path, f"SELECT {columns} FROM {table} WHERE deleted_at IS NULL ORDER BY 1")


def numbers(path: Path) -> list[str]:
    return sorted(
        n for (n,) in rows(path, "SELECT number FROM people UNION ALL SELECT number FROM companies")
    )


def test_editor_table_import_and_vcard_import_store_the_same_values(
    workspace: Workspace, tmp_path: Path
) -> None:
    workspace.people.save(WANG, today=TODAY)
    sheet = tmp_path / "people.csv"
    sheet.write_text(
        "姓名,公司,手机,邮箱,标签\n王芳,acme  ltd ,138 0013 8000,WangFang@studio.cn,vip\n",
        encoding="utf-8",
    )
    report = workspace.imports.import_file(sheet, today=TODAY, duplicates="create")
    assert report.failed == 0
    card = tmp_path / "wang.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王芳\r\nORG:ＡＣＭＥ Ltd\r\n"
        "TEL;TYPE=CELL:138 0013 8000\r\nEMAIL:WangFang@STUDIO.cn\r\n"
        "CATEGORIES:Vip\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    workspace.imports.import_file(card, today=TODAY)

    path = workspace.path
    people = live(path, "people", "name, family_name, given_name, company_id")
    assert len(people) == 3
    [(company_id, company_name)] = live(path, "companies", "id, name")  # one ACME, not three
    assert company_name == "ACME Ltd"
    assert {p[:3] for p in people} == {("王芳", "王", "芳")}
    assert {p[3] for p in people} == {company_id}
    assert set(live(path, "phones", "value, e164")) == {("138 0013 8000", "+8613800138000")}
    assert set(live(path, "emails", "value")) == {("WangFang@studio.cn",)}
    [(tag_id, tag_name)] = live(path, "tags", "id, name")  # one VIP, not three
    assert tag_name == "VIP"
    assert set(live(path, "taggings", "tag_id")) == {(tag_id,)}
    assert len(live(path, "taggings", "person_id")) == 3
    assert numbers(path) == [f"C-{n:05d}" for n in range(1, 5)]  # 3 people, 1 company

    # The editor, given the name typed differently, finds the same company too.
    workspace.people.save(replace(WANG, name="李四", company_name=" acme LTD"), today=TODAY)
    assert len(live(path, "companies", "id")) == 1
    assert numbers(path) == [f"C-{n:05d}" for n in range(1, 6)]


def test_merge_stores_moved_phones_and_emails_by_the_same_rules(workspace: Workspace) -> None:
    keep = workspace.people.save(WANG, today=TODAY).ids[0]
    other = workspace.people.save(PersonDraft("Wang Fang"), today=TODAY).ids[0]
    # Rows written before the rules existed: no E.164 form, an upper-case domain.
    with workspace.store.unit_of_work("legacy rows") as (session, _rec):
        session.add(Phone(person_id=other, label="work", value="021 6123 4567", position=0))
        session.add(Phone(person_id=other, label="mobile", value="13800138000", position=1))
        session.add(Email(person_id=other, label="home", value="wf@HOME.CN", position=0))
    workspace.duplicates.merge(keep, [other], {"name": other})

    path = workspace.path
    assert live(path, "people", "name, family_name, given_name") == [("Wang Fang", "Fang", "Wang")]
    phones = live(path, "phones", "value, e164")
    # The same number typed twice is one phone (the kept person's), the new one normalised.
    assert sorted(phones) == [
        ("021 6123 4567", "+862161234567"),
        ("138 0013 8000", "+8613800138000"),
    ]
    assert sorted(live(path, "emails", "value")) == [("WangFang@studio.cn",), ("wf@home.cn",)]


def test_demo_data_follows_the_rules(tmp_path: Path) -> None:
    ws = create_demo_workspace(tmp_path / "demo.crm", 400, today=TODAY)
    try:
        path = ws.path
        with ws.store.read() as session:
            region = str(read_setting(session, "phone.default_region"))
        for value, e164 in live(path, "phones", "value, e164"):
            assert e164 == cv.phone_e164(value, region), value
        companies = live(path, "companies", "name")
        assert len({cv.company_key(n) for (n,) in companies}) == len(companies) == 40
        tags = live(path, "tags", "name")
        assert len({cv.tag_key(n) for (n,) in tags}) == len(tags) == 5
        assert numbers(path) == [f"C-{n:05d}" for n in range(1, 441)]
        for name, family, given in live(path, "people", "name, family_name, given_name"):
            assert cv.join_name(family, given) == name
        # After the demo, the editor's company by name is the demo's company.
        name = companies[0][0]
        ws.people.save(PersonDraft("New", company_name=f"  {name.upper()} "), today=TODAY)
        assert len(live(path, "companies", "name")) == 40
    finally:
        ws.close(backup_if_changed=False)


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("王芳", ("王", "芳")),
        ("欧阳娜娜", ("欧阳", "娜娜")),
        ("Mary Ann Lee", ("Lee", "Mary Ann")),
        ("Lee, Mary Ann", ("Lee", "Mary Ann")),
        ("Cher", (None, "Cher")),
        ("  ", (None, None)),
    ],
)
def test_name_splitting(name: str, parts: tuple[str | None, str | None]) -> None:
    assert cv.split_name(name) == parts


def test_value_rules() -> None:
    assert (
        cv.company_key("ACME Ltd") == cv.company_key("acme ltd ") == cv.company_key("ＡＣＭＥ　Ltd")
    )
    assert cv.company_name("  ACME   Ltd ") == "ACME Ltd"
    assert cv.tag_key("VIP") == cv.tag_key(" vip ") and cv.tag_key("V IP") != cv.tag_key("VIP")
    assert cv.email_value(" LiWei@Example.COM ") == "LiWei@example.com"
    assert cv.phone_value(" +86 138 0013 8000 ") == "+86 138 0013 8000"
    assert cv.phone_e164("138 0013 8000", "CN") == "+8613800138000"
    assert cv.name_parts("", "Lee", "Ann") == ("Ann Lee", "Lee", "Ann")
    assert cv.name_parts("张三", None, None) == ("张三", "张", "三")


def test_person_editor_is_the_only_create_path(workspace: Workspace) -> None:
    assert not hasattr(workspace.contacts, "create_person")
    assert not hasattr(workspace.contacts, "update_person")
    pid = workspace.people.save(WANG, today=TODAY).ids[0]
    draft = workspace.people.draft(pid)
    assert (draft.name, draft.phones[0].value, draft.emails[0].value) == (
        "王芳",
        "138 0013 8000",
        "WangFang@studio.cn",
    )
    with workspace.store.read() as session:
        person = session.get(Person, pid)
        assert person is not None and person.number == "C-00002"  # the company came first


def test_company_editor_refuses_a_name_another_company_has(workspace: Workspace) -> None:
    acme = workspace.people.save_company(CompanyDraft("  ACME   Ltd "), today=TODAY).ids[0]
    assert live(workspace.path, "companies", "name") == [("ACME Ltd",)]
    with pytest.raises(ValidationError) as caught:
        workspace.people.save_company(CompanyDraft("acme ltd"), today=TODAY)
    [problem] = caught.value.params["problems"]
    assert (problem.field, problem.code, problem.value) == ("name", "exists", "acme ltd")
    # Its own name, typed differently, is no clash; the stored name follows the edit.
    workspace.people.save_company(CompanyDraft("Acme Ltd", id=acme), today=TODAY)
    assert live(workspace.path, "companies", "name") == [("Acme Ltd",)]


def test_bulk_tagging_finds_the_editors_tag(workspace: Workspace) -> None:
    pid = workspace.people.save(WANG, today=TODAY).ids[0]
    other = workspace.people.save(PersonDraft("李四"), today=TODAY).ids[0]
    workspace.contacts.add_tag("person", [pid, other], " vip ")
    assert live(workspace.path, "tags", "name") == [("VIP",)]
    assert len(live(workspace.path, "taggings", "id")) == 2
