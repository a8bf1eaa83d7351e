"""Search: CJK substrings of any length, pinyin, phone digits, and an index that follows edits."""

import pytest

from desktop_crm.domain.text import (
    has_cjk,
    name_pinyin,
    normalize,
    phone_query_digits,
    phrase_pinyin,
)
from desktop_crm.store.models import Address, Person, Tag, Tagging
from tests import drafts
from tests.conftest import TODAY


@pytest.fixture
def people(workspace):
    ws = workspace
    acme = ws.people.save_company(drafts.company("重庆星辰设计有限公司"), today=TODAY).ids[0]
    ids = {}
    for name, phone, email, company in [
        ("王芳", "+86 138-0013-8000", "wangfang@studio.cn", acme),
        ("张三", "(010) 6552 9988", "zs@example.com", None),
        ("王芳芳", "139 1234 5678", None, None),
        ("Sarah Lee", "+44 7700 900123", "sarah.lee@northwind.co.uk", None),
        ("单雄信", "13700001111", None, None),
    ]:
        ids[name] = ws.people.save(
            drafts.person(
                name,
                company_id=company,
                phones=(("mobile", phone),),
                emails=(("work", email),) if email else (),
            ),
            today=TODAY,
        ).ids[0]
    with ws.store.unit_of_work("extras") as (s, _r):
        s.add(Address(person_id=ids["张三"], city="上海", street="淮海中路 1 号"))
        tag = Tag(name="VIP")
        s.add(tag)
        s.flush()
        s.add(Tagging(tag_id=tag.id, person_id=ids["Sarah Lee"]))
        s.get(Person, ids["王芳芳"]).notes = "喜欢极简风格的包装设计"
    return ids


def names(ws, query, **kw):
    return [h.title for h in ws.search.contacts(query, **kw)]


def test_pinyin_keys():
    assert name_pinyin("张三") == ("zhangsan", "zs")
    assert name_pinyin("单雄信")[0] == "shanxiongxin"  # surname reading
    assert phrase_pinyin("重庆星辰") == ("chongqingxingchen", "cqxc")  # read in context
    assert phone_query_digits("+86 138-0013") == "861380013"
    assert phone_query_digits("王芳") is None and phone_query_digits("12") is None


def test_normalised_text_keys():
    assert normalize("  Ａｂｃ\u3000DEF\xa0 王\t芳\n") == "abc def 王 芳"  # width, case, spaces
    assert normalize("Straße  ÉCOLE") == "strasse école"
    assert normalize(" Plain  ASCII ") == "plain ascii"
    assert has_cjk("abc 王") and has_cjk("\u3400") and not has_cjk("abc ｱ é")


def test_one_and_two_character_chinese_queries(workspace, people):
    assert names(workspace, "王芳") == ["王芳", "王芳芳"]  # exact name first
    assert names(workspace, "王")[:2] == ["王芳", "王芳芳"]
    assert names(workspace, "芳") == ["王芳", "王芳芳"]
    assert names(workspace, "上海") == ["张三"]  # city
    assert names(workspace, "重庆")[0] == "重庆星辰设计有限公司"
    assert "王芳" in names(workspace, "星辰")  # people carry their company's name


def test_pinyin_full_and_initials(workspace, people):
    assert names(workspace, "zhangsan") == ["张三"]
    assert names(workspace, "zs")[0] == "张三"
    assert names(workspace, "wangfang")[:2] == ["王芳", "王芳芳"]
    assert names(workspace, "wff") == ["王芳芳"]
    assert names(workspace, "shanxiong") == ["单雄信"]
    assert names(workspace, "chongqing") == ["重庆星辰设计有限公司"]


@pytest.mark.parametrize(
    "query", ["13800138000", "+86 138-0013-8000", "8613800138000", "138 0013", "0013-8000"]
)
def test_phone_digits_whatever_the_format(workspace, people, query):
    assert names(workspace, query) == ["王芳"]


def test_latin_email_tag_notes_and_case(workspace, people):
    assert names(workspace, "sarah") == ["Sarah Lee"]
    assert names(workspace, "SARAH LEE") == ["Sarah Lee"]
    assert names(workspace, "northwind.co") == ["Sarah Lee"]
    assert names(workspace, "vip") == ["Sarah Lee"]
    assert names(workspace, "极简风格") == ["王芳芳"]
    assert names(workspace, "6552 9988") == ["张三"]
    assert names(workspace, "nobody-like-this") == []
    assert names(workspace, "%") == [] and names(workspace, "  ") == []


def test_kinds_and_limit(workspace, people):
    assert names(workspace, "重庆", kinds=("company",)) == ["重庆星辰设计有限公司"]
    assert names(workspace, "王", limit=1) == ["王芳"]


def test_index_follows_edits_deletes_and_undo(workspace, people):
    ws = workspace
    drafts.edit(ws.people, people["张三"], name="张叁")
    assert names(ws, "张三") == [] and names(ws, "张叁") == ["张叁"]
    ws.history.undo()
    assert names(ws, "张三") == ["张三"]
    ws.contacts.delete_people([people["王芳"]])
    assert names(ws, "王芳") == ["王芳芳"]
    ws.history.undo()
    assert names(ws, "王芳") == ["王芳", "王芳芳"]
    from desktop_crm.store.models import Company

    with ws.store.unit_of_work("rename company") as (s, _r):
        company = s.get(Company, ws.cards.card("person", people["王芳"]).company_id)
        company.name = "成都远山设计"
    assert "王芳" in names(ws, "远山") and "王芳" not in names(ws, "星辰")


def test_imported_contacts_are_searchable(workspace):
    from tests.conftest import REALWORLD

    workspace.imports.import_file(REALWORLD / "vcard" / "fk_Ukrainian.vcf")
    workspace.imports.import_file(REALWORLD / "vcard" / "aosp_v21_japanese_2.vcf")
    assert names(workspace, "Кличко") == ["Віталій Володимирович Кличко"]
    assert names(workspace, "київ") == ["Віталій Володимирович Кличко"]
    assert len(names(workspace, "安藤")) == 1


def test_global_search_spans_deals_and_quotes(demo_path):
    from desktop_crm.services.workspace.handle import open_workspace

    ws = open_workspace(demo_path)
    try:
        hits = ws.search.global_search("Q-")
        assert hits and all(h.kind == "quote" for h in hits)
        assert ws.search.global_search("D-2026")[0].kind == "deal"
    finally:
        ws.close(backup_if_changed=False)


@pytest.mark.parametrize(
    "typed",
    [
        "13800138000",
        "138 0013 8000",
        "+86 138-0013-8000",
        "0086 13800138000",
        "8613800138000",
        "(+86) 13800138000",
    ],
)
def test_chinese_mobile_fast_path_agrees_with_phonenumbers(typed):
    import phonenumbers

    from desktop_crm.domain.phones import normalize_phone

    expected = phonenumbers.format_number(
        phonenumbers.parse(typed, "CN"), phonenumbers.PhoneNumberFormat.E164
    )
    assert normalize_phone(typed, "CN") == expected == "+8613800138000"


def test_fast_path_leaves_other_countries_alone():
    from desktop_crm.domain.phones import normalize_phone

    assert normalize_phone("+1 13800138000", "CN") is None or not normalize_phone(
        "+1 13800138000", "CN"
    ).startswith("+86")
    assert normalize_phone("13800138000", "US") != "+8613800138000"
