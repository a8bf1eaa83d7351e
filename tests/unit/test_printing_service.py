"""Printing: the company profile, workspace templates beside shipped ones, rendering, the log."""

from __future__ import annotations

import base64
import io

import pytest
from pypdf import PdfReader

from desktop_crm.documents.samples import sample_document
from desktop_crm.documents.templates import TemplateError, with_changes
from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.archive.workbook import tables
from desktop_crm.services.printing.dto import CompanyProfileData

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def _text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_the_company_profile_round_trips_with_its_logo(workspace):
    printing = workspace.printing
    assert printing.profile() == CompanyProfileData()
    profile = CompanyProfileData(
        name="星河设计有限公司",
        logo=PNG,
        address_lines=("深圳市南山区科技园路1号", ""),
        tax_id="91440300MA5XXXXXX",
        bank_name="招商银行深圳分行",
        bank_account="7559 1234 5678 901",
        default_terms="报价有效期30天。",
        quote_template="quote-modern",
    )
    printing.save_profile(profile)
    stored = workspace.settings.get("company.profile")
    assert stored["logo"] == base64.b64encode(PNG).decode("ascii")  # JSON holds text
    read = printing.profile()
    assert read == CompanyProfileData(
        **{**profile.__dict__, "address_lines": profile.address_lines[:1]}
    )
    assert read.for_documents().logo == PNG and read.default_template("quote") == "quote-modern"
    assert read.default_template("contract") == "contract-standard"
    with pytest.raises(ValidationError, match="PNG or JPEG"):
        printing.save_profile(CompanyProfileData(logo=b"GIF89a"))
    with pytest.raises(ValidationError, match="is for contracts"):
        printing.save_profile(CompanyProfileData(quote_template="contract-standard"))
    workspace.history.undo()
    assert printing.profile() == CompanyProfileData()


def test_workspace_templates_beside_shipped_ones(workspace):
    printing = workspace.printing
    shipped = {t.name for t in printing.templates()}
    assert {"quote-classic", "quote-modern", "contract-standard"} <= shipped
    assert {t.name for t in printing.templates("contract")} == {"contract-standard"}
    made = printing.duplicate_template("quote-classic", "  星河 报价 ")
    assert made.entities == {"document_templates"}
    mine = printing.template("星河 报价")
    assert (mine.shipped, mine.kind, mine.spec.name) == (False, "quote", "星河 报价")
    changed = with_changes(mine.spec, accent_colour="#aa0000", labels={"zh": {"total": "合计金额"}})
    printing.save_template(changed)
    assert printing.template("星河 报价").spec.accent_colour == "#aa0000"
    assert [t.name for t in printing.templates() if not t.shipped] == ["星河 报价"]
    for bad in ("quote-classic", "QUOTE-CLASSIC", "星河 报价", " "):
        with pytest.raises(ValidationError):
            printing.duplicate_template("quote-modern", bad)
    with pytest.raises(ValidationError, match="cannot be changed; duplicate it first"):
        printing.save_template(printing.template("quote-modern").spec)
    with pytest.raises(ValidationError, match="cannot be deleted"):
        printing.delete_template("quote-modern")
    with pytest.raises(TemplateError, match="There is no template “nope”"):
        printing.template("nope")
    renamed = with_changes(printing.template("星河 报价").spec, name="星河报价2")
    printing.save_template(renamed, name="星河 报价")
    assert printing.template("星河报价2").spec.accent_colour == "#aa0000"
    printing.delete_template("星河报价2")
    with pytest.raises(TemplateError):
        printing.template("星河报价2")
    workspace.history.undo()
    assert printing.template("星河报价2").shipped is False


def test_rendering_with_a_changed_template(workspace, tmp_path):
    printing = workspace.printing
    printing.duplicate_template("quote-classic", "mine")
    spec = printing.template("mine").spec
    printing.save_template(with_changes(spec, labels={"zh": {"total": "合计金额"}}))
    document = sample_document(language="zh")
    out = tmp_path / "mine.pdf"
    info = printing.render(document, "mine", out)
    assert info.pages >= 1 and "合计金额" in _text(out.read_bytes())
    buffer = io.BytesIO()
    printing.render(document, "quote-classic", buffer, paper="Letter")
    assert "合计金额" not in _text(buffer.getvalue())
    with pytest.raises(TemplateError, match="is for contracts, not quotes"):
        printing.render(document, "contract-standard", out)
    with pytest.raises(TemplateError, match="A4 or Letter"):
        printing.render(document, "mine", out, paper="A5")


def test_the_print_log_is_no_edit(workspace):
    printing = workspace.printing
    before = workspace.history.recent(5)
    first = printing.log_print(
        kind="quote", record_id="01a00000-0000-7000-8000-000000000001", revision=1,
        template="quote-classic", language="zh", paper="A4", destination="pdf",
    )  # fmt: skip
    second = printing.log_print(
        kind="quote", record_id="01a00000-0000-7000-8000-000000000001", revision=2,
        template="mine", language="en", paper="Letter", destination="printer",
    )  # fmt: skip
    printing.log_print(
        kind="contract", record_id="01a00000-0000-7000-8000-000000000002", revision=1,
        template="contract-standard", language="zh", paper="A4", destination="pdf",
    )  # fmt: skip
    assert workspace.history.recent(5) == before  # nothing to undo
    log = printing.print_log("01a00000-0000-7000-8000-000000000001")
    assert [e.id for e in log] == [second.id, first.id]
    assert log[0].destination == "printer" and log[0].actor is not None
    assert log[0].at.tzinfo is not None


def test_templates_and_the_print_log_travel_with_the_workspace_export():
    names = {t.name for t in tables()}
    assert {"document_templates", "print_log", "quote_revisions", "quote_lines"} <= names
