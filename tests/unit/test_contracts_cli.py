"""The contract commands: names, flags and JSON fields checked from outside, one-line errors."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_crm.cli import main
from desktop_crm.domain.amount_words import chinese_capitals
from desktop_crm.domain.vocab import QuoteStatus
from desktop_crm.services.contracts.dto import PaymentDraft
from desktop_crm.services.printing.dto import CompanyProfileData
from desktop_crm.services.printing.service import PrintingService
from desktop_crm.services.workspace.handle import create_workspace, open_workspace
from tests.unit.test_contracts_core import TOTAL, make_quote, quotes_of

FIELDS = ["number", "quote", "customer", "currency", "total", "paid", "outstanding", "overdue"]


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def quotes(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A closed workspace with quotes: sent, draft, rejected, expired, and one in yen."""
    path = tmp_path / "studio.crm"
    ws = create_workspace(path, "zh")
    try:
        PrintingService(ws.store).save_profile(
            CompanyProfileData(name="上海云启信息技术有限公司", bank_name="招商银行上海张江支行")
        )
        # The commands reckon expiry on the real date: quotes stay valid a month from it.
        valid = date.today() + timedelta(days=30)
        made = {
            "sent": make_quote(ws, contact="李雷", valid_until=valid),
            "draft": make_quote(ws, customer="B 公司", status="draft", valid_until=valid),
            "rejected": make_quote(ws, customer="C 公司", status="rejected", valid_until=valid),
            "expired": make_quote(
                ws, customer="D 公司", valid_until=date.today() - timedelta(days=1)
            ),
            "yen": make_quote(ws, customer="Tokyo KK", currency="JPY", valid_until=valid),
        }
    finally:
        ws.close(backup_if_changed=False)
    return path, made


def test_contract_from_quote_with_a_plan_then_contracts_json(quotes, capsys):
    path, made = quotes
    code, out, err = run(
        capsys, "contract-from-quote", path, made["sent"], "--plan", "30%:2020-01-15,70%:2099-03-01"
    )
    assert (code, err) == (0, "")
    number = out.strip()
    assert number.startswith("HT-") and "\n" not in number
    code, out, _ = run(capsys, "contract-from-quote", path, made["draft"], "--json")
    data = json.loads(out)
    assert code == 0 and data["number"] != number and data["created"] >= 2
    assert {"created", "updated", "skipped", "failed", "operation_id", "number"} <= set(data)
    run(capsys, "contract-from-quote", path, made["yen"])
    ws = open_workspace(path)
    try:
        assert quotes_of(ws).get_by_number(made["draft"]).status is QuoteStatus.ACCEPTED
        ws.contracts.record_payment(number, PaymentDraft(Decimal(1000), date.today()))
    finally:
        ws.close(backup_if_changed=False)
    code, out, _ = run(capsys, "contracts", path, "--json")
    listed = json.loads(out)
    assert code == 0 and isinstance(listed, list) and len(listed) == 3
    assert all(list(item) == FIELDS for item in listed)
    [ours] = [x for x in listed if x["number"] == number]
    deposit = Decimal("1303.21")  # 30% of 4,344.03, due in 2020: long overdue
    assert ours == {
        "number": number,
        "quote": made["sent"],
        "customer": "远山设计",
        "currency": "CNY",
        "total": str(TOTAL),
        "paid": "1000.00",
        "outstanding": str(TOTAL - 1000),
        "overdue": str(deposit - 1000),
    }
    [yen] = [x for x in listed if x["currency"] == "JPY"]
    assert "." not in yen["total"] and yen["paid"] == "0" and yen["overdue"] == "0"
    code, out, _ = run(capsys, "contracts", path)
    assert code == 0 and number in out and "远山设计" in out


@pytest.mark.parametrize(
    ("quote", "plan", "message"),
    [
        ("Q-9999", None, "there is no quote Q-9999"),
        ("sent", "30%:2027-01-15,60%:2027-03-01", "10% short of 100%"),
        ("sent", "1000:2027-01-15", "3,344.03 CNY short of the total 4,344.03 CNY"),
        ("sent", "30%:2027-13-01,70%:2027-03-01", "“30%:2027-13-01”"),
        ("sent", "30%", "“30%” is not VALUE:DATE"),
        ("rejected", None, "was rejected"),
        ("expired", None, "expired on"),
    ],
)
def test_contract_from_quote_errors_are_one_line(quotes, capsys, quote, plan, message):
    path, made = quotes
    args = ["contract-from-quote", path, made.get(quote, quote)]
    if plan:
        args += ["--plan", plan]
    code, out, err = run(capsys, *args)
    assert code != 0 and out == "" and err.count("\n") == 1, err
    assert err.startswith("desktop-crm: ") and message in err and "Traceback" not in err


def test_contract_pdf_shows_parties_lines_instalments_and_capitals(quotes, capsys, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    path, made = quotes
    _, out, _ = run(
        capsys, "contract-from-quote", path, made["sent"], "--plan", "30%:2027-01-15,70%:2027-03-01"
    )
    number = out.strip()
    pdf = tmp_path / "合同.pdf"
    code, out, err = run(capsys, "contract-pdf", path, number, pdf, "--paper", "Letter")
    assert (code, err) == (0, "") and pdf.read_bytes().startswith(b"%PDF")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    flat = "".join(text.split())
    for expected in (number, "远山设计", "李雷", "上海云启信息技术有限公司", "品牌设计", "印刷"):
        assert expected in flat, expected
    for expected in ("2027年1月15日", "2027年3月1日", "1,303.21", "3,040.82", "4,344.03"):
        assert expected in flat, expected
    capitals = chinese_capitals(TOTAL)
    assert capitals.startswith("人民币") and capitals in flat
    # English on request; a quote template or an unknown one is refused in one line.
    english = tmp_path / "en.pdf"  # kept for a look: pdftoppm
    assert run(capsys, "contract-pdf", path, number, english, "--language", "en")[0] == 0
    words = "".join(page.extract_text() for page in pypdf.PdfReader(english).pages)
    assert "Payment schedule" in words and "品牌设计" in words  # lines stay as written
    for template, message in (("quote-classic", "not contracts"), ("nope", "no template")):
        code, _, err = run(capsys, "contract-pdf", path, number, tmp_path / "x.pdf",
                           "--template", template)  # fmt: skip
        assert code != 0 and err.count("\n") == 1 and message in err, err
    code, _, err = run(capsys, "contract-pdf", path, "HT-0000", tmp_path / "y.pdf")
    assert code != 0 and "there is no contract HT-0000" in err
    ws = open_workspace(path)
    try:
        contract_id = ws.contracts.get(number).id
        log = PrintingService(ws.store).print_log(contract_id)
    finally:
        ws.close(backup_if_changed=False)
    assert [(e.kind, e.paper, e.language) for e in log] == [
        ("contract", "A4", "en"),
        ("contract", "Letter", "zh"),
    ]
