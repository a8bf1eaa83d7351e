"""``show``, ``edit`` and ``delete`` by number: fields by name, one operation, one-line errors.

Every command runs through the CLI's ``main`` on a real workspace file, closed between commands
as a script would leave it (or held open where the app holding it is the point).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from desktop_crm.cli import main
from desktop_crm.services.contacts.dto import AddressData
from desktop_crm.services.contacts.users import add_users
from desktop_crm.services.deals.dto import DealDraft
from desktop_crm.services.quotes.dto import LineDraft, QuoteDraft
from desktop_crm.services.workspace.handle import Workspace, create_workspace, open_workspace
from tests import drafts

# The commands reckon "today" on the real date: the records' days sit around it.
TODAY = date.today()
VALID = TODAY + timedelta(days=30)


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in args])
    except SystemExit as stop:  # argparse's own errors
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@dataclass(frozen=True)
class Studio:
    """A closed workspace and the numbers of its records."""

    path: Path
    person: str
    company: str
    deal: str
    quote: str
    contracted_quote: str
    contract: str


def _quote(ws: Workspace, company_id: str, person_id: str | None, description: str) -> str:
    line = LineDraft(
        description=description,
        quantity=Decimal(2),
        unit="项",
        unit_price=Decimal("1000"),
        tax_rate=Decimal(13),
    )
    draft = QuoteDraft(
        company_id=company_id,
        person_id=person_id,
        issued_on=TODAY,
        valid_until=VALID,
        lines=(line,),
        notes="含安装",
    )
    quote_id = ws.quotes.create(draft).ids[0]
    return ws.quotes.get(quote_id).number


@pytest.fixture
def studio(tmp_path: Path) -> Iterator[Studio]:
    """A closed Chinese workspace: a company, its person, a deal, two quotes, a contract."""
    path = tmp_path / "studio.crm"
    ws = create_workspace(path, "zh")
    try:
        with ws.store.unit_of_work("add a user") as (session, rec):
            add_users(session, rec, ["李经理"])
        company_id = ws.people.save_company(
            drafts.company(
                "远山设计",
                phones=[("work", "010-88886666")],
                addresses=(AddressData(city="北京"),),
                level="A",
            )
        ).ids[0]
        person_id = ws.people.save(
            drafts.person(
                "王芳",
                company_id=company_id,
                title="设计总监",
                phones=[("mobile", "13800138000")],
                emails=[("work", "wangfang@yuanshan.cn")],
                addresses=(AddressData(city="上海"),),
                tags=("VIP",),
                birthday=date(1990, 5, 4),
            )
        ).ids[0]
        stages = {s.name: s.id for s in ws.pipelines.default().stages}
        deal_id = ws.deals.create(
            DealDraft(
                "官网改版",
                company_id=company_id,
                person_id=person_id,
                amount=Decimal("12500.5"),
                expected_close=date(2027, 3, 31),
                stage_id=stages["需求确认"],
                source="转介绍",
            )
        ).ids[0]
        quote = _quote(ws, company_id, person_id, "品牌设计")
        contracted = _quote(ws, company_id, person_id, "画册设计")
        contract_id = ws.contracts.from_quote(contracted, f"50%:{TODAY},50%:{VALID}").ids[0]
        made = Studio(
            path=path,
            person=ws.cards.card("person", person_id).number or "",
            company=ws.cards.card("company", company_id).number or "",
            deal=ws.deals.summary(deal_id).number or "",
            quote=quote,
            contracted_quote=contracted,
            contract=ws.contracts.get(contract_id).number,
        )
    finally:
        ws.close(backup_if_changed=False)
    yield made


def shown(capsys: pytest.CaptureFixture[str], studio: Studio, number: str) -> dict[str, Any]:
    code, out, err = run(capsys, "show", studio.path, number, "--json")
    assert (code, err) == (0, ""), err
    data: dict[str, Any] = json.loads(out)
    return data


def history(capsys: pytest.CaptureFixture[str], studio: Studio) -> list[dict[str, Any]]:
    code, out, _err = run(capsys, "history", studio.path, "--json")
    assert code == 0
    ops: list[dict[str, Any]] = json.loads(out)
    return ops


def assert_has(found: dict[str, Any], expected: dict[str, Any]) -> None:
    """``found`` holds every key of ``expected`` with its value (and may hold more)."""
    assert {key: found.get(key) for key in expected} == expected


def one_line_error(code: int, out: str, err: str, *needles: str) -> None:
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("desktop-crm: "), err
    assert "Traceback" not in err and "SELECT" not in err
    for needle in needles:
        assert needle in err, err


# --- show ----------------------------------------------------------------------------------


def test_show_person_json_names_every_field(studio, capsys):
    data = shown(capsys, studio, studio.person)
    assert list(data) == ["number", "kind", "fields"]
    assert (data["number"], data["kind"]) == (studio.person, "person")
    fields = data["fields"]
    assert_has(
        fields,
        {
            "name": "王芳",
            "company": "远山设计",
            "title": "设计总监",
            "status": "lead",
            "birthday": "1990-05-04",
            "phone": "13800138000",
            "email": "wangfang@yuanshan.cn",
            "city": "上海",
            "tags": ["VIP"],
        },
    )
    assert fields["phones"] == [{"label": "mobile", "value": "13800138000"}]
    assert fields["owner"] and fields["owner"] != "李经理"  # the local user, by name
    ids = [v for v in fields.values() if isinstance(v, str) and len(v) == 36 and v.count("-") == 4]
    assert ids == []  # foreign keys as names, never ids


def test_show_person_text_is_field_value_lines(studio, capsys):
    code, out, err = run(capsys, "show", studio.path, studio.person.lower())  # case ignored
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:3] == [f"number: {studio.person}", "kind: person", "name: 王芳"]
    assert "company: 远山设计" in lines and "birthday: 1990-05-04" in lines
    assert "phones.1: label=mobile, value=13800138000" in lines
    assert all(": " in line or line.endswith(":") for line in lines)


def test_show_company(studio, capsys):
    data = shown(capsys, studio, studio.company)
    assert data["kind"] == "company"
    fields = data["fields"]
    assert (fields["name"], fields["level"], fields["city"]) == ("远山设计", "A", "北京")
    assert fields["phone"] == "010-88886666" and fields["people"] == ["王芳"]
    code, out, _ = run(capsys, "show", studio.path, studio.company)
    assert code == 0 and "people: 王芳" in out.splitlines()


def test_show_deal_amounts_days_and_moments(studio, capsys):
    data = shown(capsys, studio, studio.deal)
    assert data["kind"] == "deal"
    fields = data["fields"]
    assert_has(
        fields,
        {
            "title": "官网改版",
            "company": "远山设计",
            "person": "王芳",
            "amount": "12500.50",
            "currency": "CNY",
            "stage": "需求确认",
            "probability": 25,
            "status": "open",
            "expected_close": "2027-03-31",
            "source": "转介绍",
        },
    )
    assert fields["created_at"].endswith("+00:00")
    code, out, _ = run(capsys, "show", studio.path, studio.deal)
    assert code == 0 and "amount: 12500.50" in out.splitlines()


def test_show_quote(studio, capsys):
    data = shown(capsys, studio, studio.quote)
    assert data["kind"] == "quote"
    fields = data["fields"]
    assert_has(
        fields,
        {
            "status": "draft",
            "customer": "远山设计",
            "contact": "王芳",
            "issued_on": TODAY.isoformat(),
            "valid_until": VALID.isoformat(),
            "subtotal": "2000.00",
            "tax": "260.00",
            "total": "2260.00",
            "notes": "含安装",
        },
    )
    (line,) = fields["lines"]
    assert_has(line, {"description": "品牌设计", "quantity": "2", "unit_price": "1000"})
    assert line["total"] == "2260.00"


def test_show_contract(studio, capsys):
    data = shown(capsys, studio, studio.contract)
    assert data["kind"] == "contract"
    fields = data["fields"]
    assert_has(
        fields,
        {
            "quote": studio.contracted_quote,
            "customer": "远山设计",
            "contact": "王芳",
            "total": "2260.00",
            "paid": "0.00",
            "outstanding": "2260.00",
        },
    )
    assert [i["due_on"] for i in fields["instalments"]] == [TODAY.isoformat(), VALID.isoformat()]
    assert [i["amount"] for i in fields["instalments"]] == ["1130.00", "1130.00"]


def test_show_works_while_the_app_holds_the_workspace(studio, capsys):
    app = open_workspace(studio.path)  # holds the lock, as the app does
    try:
        code, out, err = run(capsys, "show", studio.path, studio.deal, "--json")
    finally:
        app.close(backup_if_changed=False)
    assert (code, err) == (0, "")
    assert json.loads(out)["fields"]["title"] == "官网改版"


def test_show_an_unknown_number_is_a_one_line_error(studio, capsys):
    one_line_error(*run(capsys, "show", studio.path, "C-99999"), "C-99999")


# --- edit ----------------------------------------------------------------------------------


def test_edit_of_several_fields_is_one_operation_undone_in_one_step(studio, capsys):
    before = shown(capsys, studio, studio.person)
    ops = len(history(capsys, studio))
    code, out, err = run(
        capsys,
        "edit",
        studio.path,
        studio.person,
        "city=深圳",
        "phone=13900139000",
        "level=b",
        "status=customer",
        "owner=李经理",
        "birthday=1991-06-07",
        "company=新客户有限公司",
        "tags=VIP,重点",
        "--json",
    )
    assert (code, err) == (0, ""), err
    result = json.loads(out)
    assert result["kind"] == "person" and result["operation_id"]
    assert result["fields"] == [
        "city",
        "phone",
        "level",
        "status",
        "owner",
        "birthday",
        "company",
        "tags",
    ]
    fields = shown(capsys, studio, studio.person)["fields"]
    assert_has(
        fields,
        {
            "city": "深圳",
            "phone": "13900139000",
            "level": "B",
            "status": "customer",
            "owner": "李经理",
            "birthday": "1991-06-07",
            "company": "新客户有限公司",
            "tags": ["VIP", "重点"],
        },
    )
    after = history(capsys, studio)
    assert len(after) == ops + 1 and after[0]["id"] == result["operation_id"]
    assert after[0]["kind"] == "edit"
    code, _out, err = run(capsys, "undo", studio.path)
    assert (code, err) == (0, "")
    assert shown(capsys, studio, studio.person) == before


def test_edit_of_a_company_with_its_owner_is_one_operation(studio, capsys):
    before = shown(capsys, studio, studio.company)
    ops = len(history(capsys, studio))
    code, out, err = run(
        capsys, "edit", studio.path, studio.company, "owner=李经理", "city=天津", "name=远山设计院"
    )
    assert (code, err) == (0, ""), err
    assert out.startswith(f"Edited company {studio.company} (远山设计院): owner, city, name")
    fields = shown(capsys, studio, studio.company)["fields"]
    assert (fields["owner"], fields["city"], fields["name"]) == ("李经理", "天津", "远山设计院")
    after = history(capsys, studio)
    assert len(after) == ops + 1 and after[0]["kind"] == "edit"
    assert run(capsys, "undo", studio.path)[0] == 0
    assert shown(capsys, studio, studio.company) == before


def test_edit_a_deal_moves_it_through_the_deal_service(studio, capsys):
    before = shown(capsys, studio, studio.deal)
    code, _out, err = run(
        capsys,
        "edit",
        studio.path,
        studio.deal,
        "amount=88,000.5",
        "stage=商务谈判",
        "expected_close=2027-06-30",
        "owner=李经理",
        "notes=第二期",
    )
    assert (code, err) == (0, ""), err
    fields = shown(capsys, studio, studio.deal)["fields"]
    assert_has(
        fields,
        {
            "amount": "88000.50",
            "stage": "商务谈判",
            "probability": 75,  # follows the stage, as a move on the board
            "expected_close": "2027-06-30",
            "owner": "李经理",
            "notes": "第二期",
        },
    )
    assert run(capsys, "undo", studio.path)[0] == 0
    assert shown(capsys, studio, studio.deal) == before


def test_edit_quote_and_contract_headers(studio, capsys):
    later = (VALID + timedelta(days=10)).isoformat()
    code, _out, err = run(
        capsys, "edit", studio.path, studio.quote, f"valid_until={later}", "terms=预付五成"
    )
    assert (code, err) == (0, ""), err
    fields = shown(capsys, studio, studio.quote)["fields"]
    assert (fields["valid_until"], fields["terms"], fields["revision"]) == (later, "预付五成", 1)
    code, _out, err = run(
        capsys,
        "edit",
        studio.path,
        studio.contract,
        "title=画册设计合同",
        "status=active",
        f"signed_on={TODAY}",
        "language=zh",
    )
    assert (code, err) == (0, ""), err
    fields = shown(capsys, studio, studio.contract)["fields"]
    assert_has(
        fields,
        {
            "title": "画册设计合同",
            "status": "active",
            "signed_on": TODAY.isoformat(),
            "language": "zh",
        },
    )


def test_edit_of_a_sent_quote_makes_its_next_revision_as_the_editor_does(studio, capsys):
    ws = open_workspace(studio.path)
    try:
        ws.quotes.set_status(ws.quotes.id_of(studio.quote), "send")
    finally:
        ws.close(backup_if_changed=False)
    before = shown(capsys, studio, studio.quote)
    assert (before["fields"]["status"], before["fields"]["revision"]) == ("sent", 1)
    code, _out, err = run(capsys, "edit", studio.path, studio.quote, "notes=含安装与培训")
    assert (code, err) == (0, ""), err
    fields = shown(capsys, studio, studio.quote)["fields"]
    assert_has(fields, {"status": "draft", "revision": 2, "notes": "含安装与培训"})
    assert history(capsys, studio)[0]["label_code"] == "revise_quote"
    assert run(capsys, "undo", studio.path)[0] == 0
    assert shown(capsys, studio, studio.quote) == before


@pytest.mark.parametrize(
    ("target", "changes", "needles"),
    [
        ("person", ["nickname=小王"], ["nickname", "editable: name, company"]),
        ("deal", ["probability=90"], ["follows the deal's stage", "editable: title"]),
        ("deal", ["expected_close=2027-02-30"], ["2027-02-30", "YYYY-MM-DD"]),
        ("person", ["birthday=5/4/1990"], ["5/4/1990", "YYYY-MM-DD"]),
        ("deal", ["amount=十万"], ["十万", "not an amount"]),
        ("deal", ["amount=-5"], ["amount"]),
        ("deal", ["stage=签约"], ["签约", "“初步接洽”", "“输单”"]),
        ("deal", ["owner=张三"], ["张三", "李经理"]),
        ("person", ["status=vip"], ["vip", "“lead”"]),
        ("person", ["email=not-an-email"], ["not-an-email"]),
        ("contract", ["status=signed"], ["signed", "“active”"]),
        ("quote", ["currency="], ["currency cannot be empty"]),
        # A later field refused after earlier ones were set: the whole edit rolls back.
        ("person", ["city=深圳", "phone=abc"], ["abc"]),
        ("deal", ["title=新标题", "stage=输单"], ["lose the deal"]),
    ],
)
def test_a_refused_edit_is_one_line_and_changes_nothing(studio, capsys, target, changes, needles):
    number = getattr(studio, target)
    before = shown(capsys, studio, number)
    ops = history(capsys, studio)
    one_line_error(*run(capsys, "edit", studio.path, number, *changes), *needles)
    assert shown(capsys, studio, number) == before
    assert history(capsys, studio) == ops


def test_edit_an_unknown_number_exits_1(studio, capsys):
    code, out, err = run(capsys, "edit", studio.path, "D-1999-0001", "amount=5")
    one_line_error(code, out, err, "D-1999-0001")
    assert code == 1


def test_edit_without_an_equals_sign_is_a_usage_error(studio, capsys):
    code, out, err = run(capsys, "edit", studio.path, studio.deal, "amount")
    one_line_error(code, out, err, "FIELD=VALUE")
    assert code == 2


def test_chinese_values_round_trip(studio, capsys):
    notes = "客户要求：周五前交付「初稿」，电话联系 👍"
    code, _out, err = run(
        capsys,
        "edit",
        studio.path,
        studio.person,
        "name=王 芳芳",
        f"notes={notes}",
        "title=首席设计师",
    )
    assert (code, err) == (0, ""), err
    fields = shown(capsys, studio, studio.person)["fields"]
    assert (fields["name"], fields["notes"], fields["title"]) == ("王 芳芳", notes, "首席设计师")
    code, out, _ = run(capsys, "show", studio.path, studio.person)
    assert f"notes: {notes}" in out.splitlines()


def test_edits_refused_while_the_app_holds_the_workspace(studio, capsys):
    app = open_workspace(studio.path)
    try:
        edit = run(capsys, "edit", studio.path, studio.deal, "amount=1")
        delete = run(capsys, "delete", studio.path, studio.deal)
    finally:
        app.close(backup_if_changed=False)
    for result in (edit, delete):
        one_line_error(*result, "already open")
        assert result[0] == 1
    assert shown(capsys, studio, studio.deal)["fields"]["amount"] == "12500.50"


# --- delete --------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["person", "company", "deal", "quote", "contract"])
def test_delete_then_undo_brings_it_back(studio, capsys, target):
    number = getattr(studio, target)
    before = shown(capsys, studio, number)
    code, out, err = run(capsys, "delete", studio.path, number, "--json")
    assert (code, err) == (0, ""), err
    result = json.loads(out)
    assert result["number"] == number and result["kind"] == before["kind"]
    assert result["deleted"] >= 1 and result["operation_id"]
    one_line_error(*run(capsys, "show", studio.path, number), number)
    code, _out, err = run(capsys, "undo", studio.path)  # one record: no --yes asked
    assert (code, err) == (0, ""), err
    assert shown(capsys, studio, number) == before


def test_delete_prints_what_it_deleted(studio, capsys):
    code, out, err = run(capsys, "delete", studio.path, studio.deal)
    assert (code, err) == (0, "")
    assert out.startswith(f"Deleted deal {studio.deal} (官网改版)")


def test_delete_an_unknown_number_exits_1(studio, capsys):
    code, out, err = run(capsys, "delete", studio.path, "Q-1999-0001")
    one_line_error(code, out, err, "Q-1999-0001")
    assert code == 1


def test_delete_a_quote_with_a_contract_is_refused_by_its_service(studio, capsys):
    one_line_error(
        *run(capsys, "delete", studio.path, studio.contracted_quote), "delete the contract first"
    )
    assert shown(capsys, studio, studio.contracted_quote)["kind"] == "quote"
