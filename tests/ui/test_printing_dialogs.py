"""The Print / PDF dialog and the template dialog, over fakes of the printing service."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QColorDialog, QFileDialog, QMessageBox

from desktop_crm.documents.pdf import render_pdf
from desktop_crm.documents.samples import sample_document, sample_profile
from desktop_crm.documents.templates import shipped_templates
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.printing.dto import TemplateInfo
from ui.printing.document_dialog import DocumentDialog
from ui.printing.template_dialog import TemplateDialog, inline


def shipped() -> list[TemplateInfo]:
    return [TemplateInfo(s.name, s.kind, True, s) for s in shipped_templates()]


def render_to(path: Path, spec, kind: str, language: str, paper: str) -> Path:
    render_pdf(sample_document(kind, language), spec, sample_profile(language), path, paper=paper)
    return path


class FakeTemplates:
    """The printing service as the template dialog sees it; renders the real sample."""

    def __init__(self, infos: list[TemplateInfo]) -> None:
        self.infos = list(infos)
        self.calls: list[tuple] = []

    def templates(self, kind=None):
        return [t for t in self.infos if kind is None or t.kind == kind]

    def add_template(self, spec, source):
        self.calls.append(("add", spec, source))
        self.infos.append(TemplateInfo(spec.name, spec.kind, False, spec))
        return ChangeResult(frozenset({"document_templates"}))

    def save_template(self, spec, *, name=None):
        self.calls.append(("save", spec, name))
        return ChangeResult(frozenset({"document_templates"}))

    def delete_template(self, name):
        self.calls.append(("delete", name))
        return ChangeResult(frozenset({"document_templates"}))

    def render_sample(self, spec, language, paper, out):
        self.calls.append(("render", language, paper))
        return render_to(out, spec, spec.kind, language, paper)


# The Print / PDF dialog -------------------------------------------------------------------


@pytest.fixture
def renders(tmp_path):
    made: list[tuple[str, str, str]] = []
    by_name = {t.name: t.spec for t in shipped()}

    def render(template: str, language: str, paper: str) -> Path:
        made.append((template, language, paper))
        out = tmp_path / f"render-{len(made)}.pdf"
        return render_to(out, by_name[template], "quote", language, paper)

    return made, render


@pytest.fixture
def document_dialog(qtbot, renders):
    _made, render = renders
    dialog = DocumentDialog(
        "quote",
        "Quote Q-2025-0042",
        shipped(),
        render,
        template="quote-modern",
        language="zh",
        file_name="Q-2025-0042.pdf",
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.current_file() is not None, timeout=10_000)
    return dialog


def test_document_dialog_offers_the_kind_s_templates_and_starts_with_the_given_choice(
    document_dialog, renders
):
    made, _render = renders
    names = [
        document_dialog.template_box.itemData(i)
        for i in range(document_dialog.template_box.count())
    ]
    assert names == ["quote-classic", "quote-modern"]
    assert document_dialog.choice() == ("quote-modern", "zh", "A4")
    assert made == [("quote-modern", "zh", "A4")]
    assert document_dialog.view.page_count() >= 1
    assert document_dialog.print_button.isEnabled() and document_dialog.save_button.isEnabled()


def test_changing_the_paper_renders_again(qtbot, document_dialog, renders):
    made, _render = renders
    first = document_dialog.current_file()
    document_dialog.paper_box.setCurrentIndex(document_dialog.paper_box.findData("Letter"))
    # The file on screen is not the chosen one any more: nothing to print until it is.
    assert document_dialog.current_file() is None
    assert not document_dialog.print_button.isEnabled()
    qtbot.waitUntil(lambda: document_dialog.current_file() is not None, timeout=10_000)
    assert made[-1] == ("quote-modern", "zh", "Letter")
    assert document_dialog.current_file() != first
    width, height = document_dialog.view.canvas.pdf.page_sizes[0].toTuple()
    assert (round(width), round(height)) == (612, 792)


def test_quick_changes_render_once(qtbot, document_dialog, renders):
    made, _render = renders
    before = len(made)
    document_dialog.language_box.setCurrentIndex(document_dialog.language_box.findData("en"))
    document_dialog.template_box.setCurrentIndex(
        document_dialog.template_box.findData("quote-classic")
    )
    qtbot.waitUntil(lambda: document_dialog.current_file() is not None, timeout=10_000)
    assert made[before:] == [("quote-classic", "en", "A4")]


def test_save_as_copies_the_preview_and_tells_the_caller(
    qtbot, monkeypatch, document_dialog, tmp_path
):
    target = tmp_path / "saved" / "Q-2025-0042.pdf"
    target.parent.mkdir()
    asked: list[str] = []

    def ask(_parent, _title, proposal, _filter):
        asked.append(proposal)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(ask))
    with qtbot.waitSignal(document_dialog.printed) as told:
        document_dialog.save_button.click()
    assert told.args == ["pdf", "quote-modern", "zh", "A4"]
    assert asked[0].endswith("Q-2025-0042.pdf")
    assert target.read_bytes() == document_dialog.current_file().read_bytes()
    assert "Q-2025-0042.pdf" in document_dialog.status.text()


def test_print_uses_the_file_on_screen(qtbot, monkeypatch, document_dialog):
    import ui.printing.document_dialog as module

    printed: list[Path] = []
    monkeypatch.setattr(module, "print_pdf", lambda path, *_a: printed.append(path) or True)
    with qtbot.waitSignal(document_dialog.printed) as told:
        document_dialog.print_button.click()
    assert printed == [document_dialog.current_file()]
    assert told.args == ["printer", "quote-modern", "zh", "A4"]


def test_a_failed_render_says_why_and_offers_nothing_to_print(qtbot):
    def broken(_template, _language, _paper):
        from desktop_crm.domain.errors import ValidationError

        raise ValidationError("The quote has no lines.")

    dialog = DocumentDialog("contract", "Contract", shipped(), broken)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "no lines" in dialog.view.notice.text(), timeout=10_000)
    assert not dialog.print_button.isEnabled()
    assert dialog.choice()[0] == "contract-standard"


# The template dialog ----------------------------------------------------------------------


@pytest.fixture
def port() -> FakeTemplates:
    return FakeTemplates(shipped())


def open_template_dialog(qtbot, port, info, **kwargs) -> TemplateDialog:
    dialog = TemplateDialog(port, info, [t.name for t in port.infos], write=inline, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.view.page_count() > 0, timeout=10_000)
    return dialog


def test_template_dialog_copies_a_shipped_template_and_saves_the_changes(qtbot, monkeypatch, port):
    classic = next(t for t in port.infos if t.name == "quote-classic")
    dialog = open_template_dialog(qtbot, port, classic)
    assert dialog.name_edit.text() == "Classic quote (my copy)"
    assert not dialog.delete_button.isVisible()
    dialog.name_edit.setText("Studio quote")
    dialog.title_edits["zh"].setText("报价确认单")
    dialog.label_edits["en"]["total"].setText("Grand total")
    monkeypatch.setattr(
        QColorDialog,
        "getColor",
        staticmethod(
            lambda *a, **k: __import__("PySide6.QtGui", fromlist=["QColor"]).QColor("#AA3300")
        ),
    )
    dialog.accent.click()
    dialog.logo.setChecked(False)
    dialog.font_size.setValue(10.5)
    dialog.paper.setCurrentIndex(dialog.paper.findData("Letter"))
    # Untick the unit price and put the amount first.
    items = dialog.column_list.list
    for row in range(items.count()):
        if items.item(row).data(Qt.ItemDataRole.UserRole) == "unit_price":
            items.item(row).setCheckState(Qt.CheckState.Unchecked)
    amount_row = next(
        r for r in range(items.count()) if items.item(r).data(Qt.ItemDataRole.UserRole) == "amount"
    )
    items.setCurrentRow(amount_row)
    for _ in range(amount_row):
        dialog.column_list.up.click()
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save_button.click()
    kind, spec, source = port.calls[-1]
    assert (kind, source) == ("add", "quote-classic")
    assert saved.args[0] == "Studio quote"
    assert spec.name == "Studio quote"
    assert spec.title == {"en": "Quotation", "zh": "报价确认单"} or spec.title["zh"] == "报价确认单"
    assert spec.labels["en"]["total"] == "Grand total"
    assert spec.labels["zh"]["total"] == classic.spec.labels["zh"]["total"]
    assert spec.accent_colour == "#aa3300"
    assert spec.show_logo is False
    assert spec.font_size == 10.5
    assert spec.paper == "Letter"
    assert spec.columns[0] == "amount" and "unit_price" not in spec.columns
    assert dialog.result() == TemplateDialog.DialogCode.Accepted


def test_the_preview_follows_the_changes_after_a_pause(qtbot, port):
    classic = next(t for t in port.infos if t.name == "quote-classic")
    dialog = open_template_dialog(qtbot, port, classic)
    renders = [c for c in port.calls if c[0] == "render"]
    assert renders == [("render", "en", "A4")]
    first = dialog.view.path
    dialog.texts.setCurrentIndex(1)  # the Chinese texts: a Chinese sample
    dialog.paper.setCurrentIndex(dialog.paper.findData("Letter"))
    dialog.font_size.setValue(11)
    qtbot.waitUntil(
        lambda: [c for c in port.calls if c[0] == "render"][-1] == ("render", "zh", "Letter"),
        timeout=5000,
    )
    # Three quick changes, one render.
    assert len([c for c in port.calls if c[0] == "render"]) == 2
    qtbot.waitUntil(lambda: dialog.view.path != first, timeout=5000)
    assert "报价" in "".join(p.extract_text() for p in PdfReader(dialog.view.path).pages)


def test_a_bad_label_is_refused_before_saving(qtbot, port):
    classic = next(t for t in port.infos if t.name == "quote-classic")
    dialog = open_template_dialog(qtbot, port, classic)
    dialog.label_edits["en"]["page"].setText("Page")  # lost its %1 and %2
    assert not dialog.save_button.isEnabled()
    assert "%1" in dialog.problem.text()
    dialog.label_edits["en"]["page"].setText("Page %1 / %2")
    assert dialog.save_button.isEnabled() and dialog.problem.text() == ""


def test_a_taken_name_is_refused(qtbot, port):
    classic = next(t for t in port.infos if t.name == "quote-classic")
    dialog = open_template_dialog(qtbot, port, classic)
    dialog.name_edit.setText("QUOTE-MODERN")
    dialog.save()
    assert "exists already" in dialog.problem.text()
    assert not [c for c in port.calls if c[0] in ("add", "save")]


def test_a_workspace_template_is_saved_in_place_and_can_be_deleted(qtbot, monkeypatch, port):
    classic = next(t for t in port.infos if t.name == "quote-classic")
    port.add_template(__import__("dataclasses").replace(classic.spec, name="Mine"), "quote-classic")
    mine = port.infos[-1]
    dialog = open_template_dialog(qtbot, port, mine)
    assert dialog.name_edit.text() == "Mine"
    assert dialog.delete_button.isVisibleTo(dialog)
    dialog.name_edit.setText("Mine, renamed")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert port.calls[-1][0] == "save" and port.calls[-1][2] == "Mine"
    assert port.calls[-1][1].name == "Mine, renamed"

    dialog = open_template_dialog(qtbot, port, mine)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    with qtbot.waitSignal(dialog.deleted) as deleted:
        dialog.delete_button.click()
    assert deleted.args[0] == "Mine"
    assert port.calls[-1] == ("delete", "Mine")


def test_without_a_sample_render_the_preview_says_so(qtbot, port):
    from ui.printing.ports import SampleRenderMissing

    def missing(*_args):
        raise SampleRenderMissing

    port.render_sample = missing
    classic = next(t for t in port.infos if t.name == "quote-classic")
    dialog = TemplateDialog(port, classic, write=inline)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "not available" in dialog.view.notice.text(), timeout=5000)
