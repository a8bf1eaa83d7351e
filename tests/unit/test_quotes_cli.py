"""``desktop-crm quotes`` and ``quote-pdf``: the JSON contract, the PDF's text, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal as D

import pytest
from pypdf import PdfReader

from desktop_crm.cli import main
from desktop_crm.services.quotes.dto import LineDraft, QuoteDraft
from desktop_crm.services.workspace.handle import create_workspace, open_workspace
from tests.drafts import company, person

FIELDS = {
    "number", "revision", "customer", "status", "currency", "subtotal", "discount", "tax",
    "tax_by_rate", "total",
}  # fmt: skip


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filled(ws_path):
    """Three quotes: Chinese in CNY (sent, then revised), English in JPY, English in USD."""
    ws = create_workspace(ws_path)
    try:
        cid = ws.people.save_company(company("深圳星河设计工作室")).ids[0]
        pid = ws.people.save(person("王芳", company_id=cid)).ids[0]
        eid = ws.people.save_company(company("Harbour Lights Ltd")).ids[0]
        lines = (
            LineDraft(kind="section", description="品牌设计服务"),
            LineDraft(
                description="标志设计（含三轮修改）",
                quantity=D(1),
                unit="项",
                unit_price=D("10000"),
                tax_rate=D(13),
                discount=D(10),
            ),
            LineDraft(
                description="宣传册印刷",
                quantity=D(200),
                unit="册",
                unit_price=D("22.60"),
                tax_rate=D(13),
                price_includes_tax=True,
            ),
        )
        zh = ws.quotes.create(
            QuoteDraft(company_id=cid, person_id=pid, lines=lines, terms="预付50%。")
        ).ids[0]
        ws.quotes.set_status(zh, "send")
        ws.quotes.update(zh, replace(ws.quotes.get(zh).draft, lines=lines[:2]))
        yen = LineDraft(description="Logo", quantity=D(3), unit_price=D("333.5"), tax_rate=D(10))
        ws.quotes.create(QuoteDraft(company_id=eid, currency="JPY", lines=(yen,)))
        usd = LineDraft(description="Website design", unit_price=D("1200"), tax_rate=D(0))
        ws.quotes.create(QuoteDraft(company_id=eid, currency="USD", lines=(usd,)))
        numbers = [r.number for r in ws.quotes.page(sort="number", descending=False)]
    finally:
        ws.close(backup_if_changed=False)
    return ws_path, numbers


def test_quotes_json_fields_exactly(filled, capsys):
    path, numbers = filled
    code, out, err = run(capsys, "quotes", path, "--json")
    assert code == 0 and err == ""
    listed = json.loads(out)
    assert [q["number"] for q in listed] == numbers
    assert all(set(q) == FIELDS for q in listed)
    zh, yen, usd = listed
    assert zh == {
        "number": numbers[0],
        "revision": 2,
        "customer": "深圳星河设计工作室",
        "status": "draft",
        "currency": "CNY",
        "subtotal": "9000.00",
        "discount": "1000.00",
        "tax": "1170.00",
        "tax_by_rate": {"13%": "1170.00"},
        "total": "10170.00",
    }
    assert (yen["subtotal"], yen["tax"], yen["total"], yen["tax_by_rate"]) == (
        "1001", "100", "1101", {"10%": "100"},
    )  # fmt: skip
    assert (usd["total"], usd["tax_by_rate"], usd["discount"]) == (
        "1200.00",
        {"0%": "0.00"},
        "0.00",
    )
    code, out, _ = run(capsys, "quotes", path)
    assert code == 0 and numbers[0] in out and "深圳星河设计工作室" in out and "10170.00" in out


def _text(pdf):
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_quote_pdf_holds_the_lines_totals_and_chinese(filled, tmp_path, capsys):
    path, numbers = filled
    out_pdf = tmp_path / "报价.pdf"
    code, out, err = run(capsys, "quote-pdf", path, numbers[0], out_pdf, "--json")
    assert code == 0 and err == "", err
    result = json.loads(out)
    assert result["revision"] == 2 and result["template"] == "quote-classic"
    assert result["pages"] >= 1 and result["path"] == str(out_pdf) and result["language"] == "zh"
    text = _text(out_pdf)
    for expected in ("品牌设计服务", "标志设计", "9,000.00", "10,170.00", "1,170.00", "王芳"):
        assert expected in text, expected
    assert "宣传册印刷" not in text  # revision 2 dropped that line
    assert "壹万零壹佰柒拾元整" in text  # 大写

    old = tmp_path / "rev1.pdf"
    code, out, _ = run(
        capsys, "quote-pdf", path, numbers[0], old, "--revision", "1", "--language", "en",
        "--paper", "Letter", "--template", "quote-modern",
    )  # fmt: skip
    assert code == 0 and "rev 1" in out
    text = _text(old)
    assert "宣传册印刷" in text and "14,690.00" in text and "Quotation" in text
    assert "fourteen thousand, six hundred and ninety yuan" in " ".join(text.lower().split())
    ws = open_workspace(path)
    try:
        qid = ws.quotes.id_of(numbers[0])
        log = ws.quotes.print_log(qid)
        assert [(e.revision, e.template, e.language, e.paper, e.destination) for e in log] == [
            (1, "quote-modern", "en", "Letter", "pdf"),
            (2, "quote-classic", "zh", "A4", "pdf"),
        ]
        assert ws.history.recent(1)[0].label.startswith("Add quote")  # printing is no edit
    finally:
        ws.close(backup_if_changed=False)

    english = tmp_path / "en.pdf"
    assert run(capsys, "quote-pdf", path, numbers[1], english)[0] == 0
    text = _text(english)
    assert "Harbour Lights Ltd" in text and "1,101" in text and "Logo" in text


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("Q-1999-0042", "x.pdf"), "no quote Q-1999-0042 in this workspace"),
        (
            ("{first}", "x.pdf", "--template", "nope"),
            "There is no template “nope”; use one of quote-classic, quote-modern",
        ),
        (("{first}", "x.pdf", "--template", "contract-standard"), "is for contracts"),
        (("{first}", "missing/dir/x.pdf"), "could not be written"),
        (("{first}", "x.pdf", "--revision", "9"), "has no revision 9"),
    ],
)
def test_errors_are_one_line_and_non_zero(filled, tmp_path, capsys, extra, message):
    path, numbers = filled
    args = [a.format(first=numbers[0]) for a in extra]
    args[1] = str(tmp_path / args[1])
    code, out, err = run(capsys, "quote-pdf", path, *args)
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err, err
    assert "Traceback" not in err


def test_a_subprocess_error_has_no_traceback(filled, tmp_path):
    path, _ = filled
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_crm.cli",
            "quote-pdf",
            str(path),
            "Q-0",
            str(tmp_path / "a.pdf"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.strip() == "desktop-crm: no quote Q-0 in this workspace"
