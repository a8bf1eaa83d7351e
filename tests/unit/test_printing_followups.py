"""Printing follow-ups: sample previews of unsaved templates, adding a template in one step,
printing and contracts on the readers, and documents whose template was deleted.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest
from pypdf import PdfReader

from desktop_crm.cli import main
from desktop_crm.documents import document_data, templates
from desktop_crm.documents.templates import TemplateError, with_changes
from desktop_crm.domain.errors import StorageError, ValidationError
from desktop_crm.services.contracts.dto import ContractChanges, ContractFilter
from desktop_crm.services.printing import dto
from desktop_crm.services.printing.dto import CompanyProfileData
from desktop_crm.services.workspace.handle import Workspace, create_workspace, open_workspace
from desktop_crm.services.workspace.reading import open_for_reading
from tests.conftest import TODAY
from tests.unit.test_contracts_core import make_quote, quotes_of


def _text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def _spec(ws: Workspace, source: str, name: str, **changes: object) -> dto.TemplateSpec:
    return with_changes(ws.printing.template(source).spec, name=name, **changes)


def _contract(ws: Workspace) -> str:
    """A contract of a new sent quote; its number."""
    result = ws.contracts.from_quote(make_quote(ws), today=TODAY)
    return ws.contracts.get(result.ids[0], TODAY).number


# --- the types the UI names ---------------------------------------------------------------


def test_the_dto_module_names_the_template_types():
    assert dto.TemplateSpec is templates.TemplateSpec
    assert dto.DocumentKind is document_data.DocumentKind


# --- sample previews ------------------------------------------------------------------------


def test_a_sample_previews_an_unsaved_template_with_a_made_up_company(workspace, tmp_path):
    printing = workspace.printing
    spec = _spec(workspace, "quote-classic", "未保存", title={"en": "Our Offer"})
    out = tmp_path / "preview.pdf"
    info = printing.render_sample(spec, out, language="en")
    text = _text(out.read_bytes())
    assert info.pages >= 1 and info.font_source in ("shipped", "system", "cid")
    # The unsaved title, the sample's lines, and the sample company while the profile is empty.
    for expected in ("Our Offer", "Q-2025-0042", "Rack server", "Northwind Systems Ltd."):
        assert expected in text, expected
    with pytest.raises(TemplateError, match="There is no template “未保存”"):
        printing.template("未保存")  # previewing saves nothing
    assert workspace.history.recent(1)[0].label.startswith("Create")  # nor is it an edit


def test_a_sample_is_headed_with_the_saved_profile_and_takes_paper_and_language(workspace):
    printing = workspace.printing
    printing.save_profile(CompanyProfileData(name="星河设计有限公司", footer_text="星河页脚"))
    spec = _spec(workspace, "quote-modern", "现代", title={"zh": "报价确认书"})
    buffer = io.BytesIO()
    printing.render_sample(spec, buffer, language="zh", paper="Letter")
    page = PdfReader(io.BytesIO(buffer.getvalue())).pages[0]
    assert round(float(page.mediabox.width)) == 612  # Letter, not the template's A4
    text = _text(buffer.getvalue())
    assert "星河设计有限公司" in text and "报价确认书" in text and "机架式服务器" in text
    assert "Northwind" not in text and "上海云启" not in text
    contract = printing.template("contract-standard").spec
    text = _text(_sample(printing, contract, "en"))
    assert "HT-2025-0042" in text and "Payment schedule" in text
    with pytest.raises(TemplateError, match="A4 or Letter"):
        printing.render_sample(spec, io.BytesIO(), language="en", paper="A5")


def _sample(printing, spec, language) -> bytes:
    buffer = io.BytesIO()
    printing.render_sample(spec, buffer, language=language)
    return buffer.getvalue()


def test_a_sample_to_a_path_that_cannot_be_written_fails_clearly(workspace, tmp_path):
    spec = workspace.printing.template("quote-classic").spec
    with pytest.raises(StorageError, match="could not be written"):
        workspace.printing.render_sample(spec, tmp_path / "no" / "dir.pdf", language="en")


# --- adding a template ----------------------------------------------------------------------


def test_adding_a_changed_template_is_one_undoable_step(workspace):
    printing = workspace.printing
    spec = _spec(workspace, "quote-modern", "  星河   报价 ", accent_colour="#aa0000")
    made = printing.add_template(spec)
    assert made.entities == {"document_templates"} and len(made.ids) == 1
    mine = printing.template("星河 报价")
    assert (mine.name, mine.shipped, mine.kind) == ("星河 报价", False, "quote")
    assert mine.spec == replace(spec, name="星河 报价")  # stored whole, name tidied
    workspace.history.undo()  # one step takes it all back
    with pytest.raises(TemplateError):
        printing.template("星河 报价")
    workspace.history.redo()
    assert printing.template("星河 报价").spec.accent_colour == "#aa0000"
    for taken in ("星河 报价", "QUOTE-CLASSIC", "contract-standard"):
        with pytest.raises(ValidationError, match="exists already"):
            printing.add_template(replace(spec, name=taken))
    with pytest.raises(ValidationError, match="at most 100 characters"):
        printing.add_template(replace(spec, name="x" * 101))
    # Duplicating still works, and names stay unique across both ways in.
    printing.duplicate_template("contract-standard", "我的合同")
    assert printing.template("我的合同").spec == replace(
        printing.template("contract-standard").spec, name="我的合同"
    )
    with pytest.raises(ValidationError, match="exists already"):
        printing.add_template(_spec(workspace, "contract-standard", "我的合同"))
    assert [t.name for t in printing.templates() if not t.shipped] == ["我的合同", "星河 报价"]


# --- the readers ----------------------------------------------------------------------------


def test_the_app_readers_print_and_list_contracts_but_write_nothing(workspace):
    number = _contract(workspace)
    reads = workspace.reads
    assert [t.name for t in reads.printing.templates("contract")] == ["contract-standard"]
    assert reads.printing.template("quote-classic").shipped
    assert reads.printing.profile() == CompanyProfileData()
    assert reads.contracts.open_list(ContractFilter(), TODAY).count == 1
    [row] = reads.contracts.page(ContractFilter(), TODAY)
    assert row.number == number and reads.contracts.get(number, TODAY).id == row.id
    document = reads.contracts.document(number, today=TODAY)
    info = reads.printing.render(document, "contract-standard", io.BytesIO())
    assert info.pages >= 1
    spec = reads.printing.template("quote-classic").spec
    assert reads.printing.render_sample(spec, io.BytesIO(), language="zh").pages >= 1
    assert reads.printing.print_log(row.id) == []
    # Writes on the reader's connection fail as the store's writes fail: a StorageError.
    with pytest.raises(StorageError, match="could not be written"):
        reads.printing.add_template(replace(spec, name="mine"))
    with pytest.raises(StorageError, match="could not be written"):
        reads.printing.log_print(
            kind="contract",
            record_id=row.id,
            revision=1,
            template="contract-standard",
            language="zh",
            paper="A4",
            destination="pdf",
        )
    with pytest.raises(StorageError, match="could not be written"):
        reads.contracts.edit(number, ContractChanges(title="Changed"))
    assert workspace.contracts.get(number, TODAY).title != "Changed"
    assert [t.name for t in workspace.printing.templates() if not t.shipped] == []


def test_the_cli_reader_lists_contracts_while_the_app_holds_the_file(ws_path, capsys):
    ws = create_workspace(ws_path, "zh")
    try:
        number = _contract(ws)
        reader = open_for_reading(ws_path)  # the app holds the lock
        try:
            assert not reader.locked
            assert [r.number for r in reader.contracts.page(ContractFilter(), TODAY)] == [number]
            assert {t.name for t in reader.printing.templates("quote")} >= {"quote-classic"}
            with pytest.raises(StorageError):
                reader.printing.add_template(_spec(ws, "quote-classic", "mine"))
        finally:
            reader.close()
        code = main(["contracts", str(ws_path), "--json"])
        out, err = capsys.readouterr()
        assert (code, err) == (0, "")
        assert [item["number"] for item in json.loads(out)] == [number]
    finally:
        ws.close(backup_if_changed=False)


# --- a template deleted since ---------------------------------------------------------------


def _quote_with_template(ws: Workspace, template: str) -> str:
    quotes = quotes_of(ws)
    qid = quotes.id_of(make_quote(ws))
    quotes.update(qid, replace(quotes.get(qid).draft, template=template))
    return qid


def test_a_quote_whose_template_was_deleted_prints_with_the_default(workspace, tmp_path):
    printing = workspace.printing
    printing.add_template(_spec(workspace, "quote-modern", "mine"))
    printing.add_template(_spec(workspace, "quote-modern", "house", title={"zh": "本公司报价"}))
    qid = _quote_with_template(workspace, "mine")
    quotes = quotes_of(workspace)
    assert quotes.print_pdf(qid, tmp_path / "a.pdf").template == "mine"
    printing.delete_template("mine")
    # No default chosen: the shipped quote design.
    assert quotes.print_pdf(qid, tmp_path / "b.pdf").template == "quote-classic"
    printing.save_profile(CompanyProfileData(quote_template="house"))
    result = quotes.print_pdf(qid, tmp_path / "c.pdf")
    assert result.template == "house" and "本公司报价" in _text((tmp_path / "c.pdf").read_bytes())
    printing.delete_template("house")  # the profile's default went too: the shipped one
    assert quotes.print_pdf(qid, tmp_path / "d.pdf").template == "quote-classic"
    assert [e.template for e in quotes.print_log(qid)] == [
        "quote-classic",
        "house",
        "quote-classic",
        "mine",
    ]
    # A template asked for by name must exist, and be a quote's.
    with pytest.raises(TemplateError, match="There is no template “mine”"):
        quotes.print_pdf(qid, tmp_path / "e.pdf", template="mine")
    with pytest.raises(TemplateError, match="is for contracts"):
        quotes.print_pdf(qid, tmp_path / "e.pdf", template="contract-standard")
    assert not (tmp_path / "e.pdf").exists()


def test_a_stored_template_of_the_other_kind_falls_back_too(workspace):
    printing = workspace.printing
    assert printing.template_for("quote", stored="contract-standard").name == "quote-classic"
    assert printing.template_for("contract", stored="gone").name == "contract-standard"
    assert printing.template_for("contract", "contract-standard", "gone").shipped


def test_a_contract_whose_template_was_deleted_prints_with_the_default(workspace, tmp_path):
    printing = workspace.printing
    printing.add_template(_spec(workspace, "contract-standard", "我的合同"))
    number = _contract(workspace)
    workspace.contracts.edit(number, ContractChanges(template="我的合同"))
    printing.delete_template("我的合同")
    info = workspace.contracts.write_pdf(number, tmp_path / "合同.pdf")
    assert info.pages >= 1
    contract_id = workspace.contracts.get(number, TODAY).id
    [entry] = printing.print_log(contract_id)
    assert (entry.template, entry.paper) == ("contract-standard", "A4")
    with pytest.raises(TemplateError, match="There is no template “我的合同”"):
        workspace.contracts.write_pdf(number, tmp_path / "x.pdf", template="我的合同")


def test_the_cli_falls_back_for_a_deleted_template_but_not_for_a_named_one(
    ws_path, tmp_path, capsys
):
    ws = create_workspace(ws_path, "zh")
    try:
        ws.printing.add_template(_spec(ws, "quote-classic", "gone"))
        number = quotes_of(ws).get(_quote_with_template(ws, "gone")).number
        ws.printing.delete_template("gone")
    finally:
        ws.close(backup_if_changed=False)
    out_pdf = tmp_path / "q.pdf"
    assert _cli(capsys, ["quote-pdf", ws_path, number, out_pdf, "--json"])[0] == 0
    code, out, err = _cli(
        capsys, ["quote-pdf", ws_path, number, tmp_path / "x.pdf", "--template", "gone"]
    )
    assert code != 0 and out == "" and err.count("\n") == 1, err
    assert "There is no template “gone”; use one of quote-classic" in err and "Traceback" not in err
    ws = open_workspace(ws_path)
    try:
        quote_id = ws.quotes.id_of(number)
        assert [e.template for e in ws.quotes.print_log(quote_id)] == ["quote-classic"]
    finally:
        ws.close(backup_if_changed=False)


def _cli(capsys, args: list[object]) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err
