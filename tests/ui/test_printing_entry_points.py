"""The ways to the template dialog: Customize… in Print / PDF and in Settings → Quotes.

Over the real demo workspace; the modal template dialog is replaced by one that changes a
copy of the template and saves it through its port, as a user would.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QTabWidget

from tests.ui.conftest import open_and_wait
from ui.printing.document_dialog import DocumentDialog
from ui.printing.document_printing import show_document_dialog
from ui.printing.template_dialog import TemplateDialog
from ui.workspace_settings.settings_dialog import SettingsDialog

NEW_NAME = "Studio quote"
WAIT = 30_000


@pytest.fixture
def demo_window(qtbot, window, demo_path):
    open_and_wait(qtbot, window, demo_path)
    return window


def grab(widget, path: Path) -> None:
    image = widget.grab()
    assert not image.isNull()
    assert image.save(str(path))


@pytest.fixture
def save_a_copy(qtbot, monkeypatch, tmp_path):
    """Replace the template dialog's exec: change the copy, save it, wait for the write."""
    opened: list[str] = []  # the window titles (the dialogs are deleted once closed)

    def fake_exec(dialog: TemplateDialog) -> int:
        opened.append(dialog.windowTitle())
        dialog.show()
        dialog.name_edit.setText(NEW_NAME)
        dialog.label_edits["en"]["total"].setText("Grand total")
        dialog.font_size.setValue(11)
        qtbot.waitUntil(
            lambda: not dialog.renders.busy and dialog.view.rendered_size(1) is not None,
            timeout=WAIT,
        )
        grab(dialog, tmp_path / f"template-dialog-{len(opened)}.png")
        with qtbot.waitSignal(dialog.saved, timeout=WAIT) as saved:
            dialog.save_button.click()
        assert saved.args[0] == NEW_NAME
        return dialog.result()

    monkeypatch.setattr(TemplateDialog, "exec", fake_exec)
    return opened


def test_customize_in_print_dialog_selects_the_saved_copy(
    qtbot, monkeypatch, demo_window, save_a_copy, tmp_path
):
    ws = demo_window.workspace
    quote = ws.quotes.page(limit=1)[0]
    seen: dict[str, object] = {}

    def fake_exec(dialog: DocumentDialog) -> int:
        dialog.show()
        qtbot.waitUntil(lambda: dialog.current_file() is not None, timeout=WAIT)
        assert dialog.customize_button.isVisible() and dialog.customize_button.isEnabled()
        seen["before"] = dialog.template_box.currentData()
        dialog.customize_button.click()
        qtbot.waitUntil(
            lambda: (
                dialog.template_box.currentData() == NEW_NAME
                and dialog.current_file() is not None
                and dialog.view.rendered_size(1) is not None
            ),
            timeout=WAIT,
        )
        seen["choice"] = dialog.choice()
        seen["names"] = [
            dialog.template_box.itemData(i) for i in range(dialog.template_box.count())
        ]
        grab(dialog, tmp_path / "document-dialog.png")
        return DocumentDialog.DialogCode.Rejected

    monkeypatch.setattr(DocumentDialog, "exec", fake_exec)
    show_document_dialog(demo_window, "quote", quote.id, quote.number, revision=quote.revision)
    qtbot.waitUntil(lambda: "choice" in seen and demo_window.worker.idle, timeout=WAIT)

    assert save_a_copy == ["New template"]  # a shipped template was copied
    assert seen["choice"][0] == NEW_NAME
    assert NEW_NAME in seen["names"] and seen["before"] in seen["names"]
    mine = next(t for t in ws.printing.templates("quote") if t.name == NEW_NAME)
    assert not mine.shipped
    assert mine.spec.labels["en"]["total"] == "Grand total"
    assert mine.spec.font_size == 11
    assert "template" in demo_window.undo_action.text().casefold()


def test_customize_in_settings_makes_the_copy_the_quote_default_and_delete_undoes_it(
    qtbot, monkeypatch, demo_window, save_a_copy, tmp_path
):
    ws = demo_window.workspace
    rounds: list[str] = []

    def quotes_tab(dialog: SettingsDialog) -> None:
        dialog.show()
        tabs = dialog.findChild(QTabWidget)
        tabs.setCurrentWidget(dialog.quotes)

    def customize_exec(dialog: SettingsDialog) -> int:
        quotes_tab(dialog)
        page = dialog.quotes
        assert page.customize_quote_button.isEnabled()
        assert page.customize_contract_button.isEnabled()
        page.customize_quote_button.click()
        qtbot.waitUntil(lambda: page.quote_template.currentData() == NEW_NAME, timeout=WAIT)
        # The other combo keeps its choice.
        assert page.contract_template.currentData() == ""
        grab(dialog, tmp_path / "settings-quotes.png")
        rounds.append("customized")
        return SettingsDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", customize_exec)
    demo_window.screens["settings"].preferences_action.trigger()
    qtbot.waitUntil(
        lambda: (
            rounds == ["customized"]
            and demo_window.worker.idle
            and ws.printing.profile().default_template("quote") == NEW_NAME
        ),
        timeout=WAIT,
    )
    assert NEW_NAME in [t.name for t in ws.printing.templates("quote")]

    # Customize… on a workspace template opens it for editing, with Delete.
    def delete_exec(dialog: TemplateDialog) -> int:
        dialog.show()
        assert dialog.delete_button.isVisible()
        monkeypatch.setattr(
            QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
        )
        with qtbot.waitSignal(dialog.deleted, timeout=WAIT):
            dialog.delete_button.click()
        return dialog.result()

    def delete_round(dialog: SettingsDialog) -> int:
        quotes_tab(dialog)
        page = dialog.quotes
        assert page.quote_template.currentData() == NEW_NAME
        page.customize_quote_button.click()
        qtbot.waitUntil(lambda: page.quote_template.currentData() == "", timeout=WAIT)
        assert page.quote_template.findData(NEW_NAME) < 0
        rounds.append("deleted")
        return SettingsDialog.DialogCode.Accepted

    monkeypatch.setattr(TemplateDialog, "exec", delete_exec)
    monkeypatch.setattr(SettingsDialog, "exec", delete_round)
    demo_window.screens["settings"].preferences_action.trigger()
    qtbot.waitUntil(
        lambda: (
            rounds[-1] == "deleted"
            and demo_window.worker.idle
            and ws.printing.profile().quote_template is None
        ),
        timeout=WAIT,
    )
    assert NEW_NAME not in [t.name for t in ws.printing.templates("quote")]


def test_an_earlier_revision_previews_as_it_was_kept(demo_path, tmp_path):
    from pypdf import PdfReader

    from desktop_crm.services.quotes.dto import LineDraft
    from desktop_crm.services.workspace.handle import open_workspace
    from ui.printing.document_printing import document_renderer

    ws = open_workspace(demo_path)
    try:
        quote = next(q for q in ws.quotes.page() if q.status == "draft")
        ws.quotes.set_status(quote.id, "send")
        draft = ws.quotes.get(quote.id).draft
        extra = LineDraft(description="Rev two only", quantity=Decimal(1), unit_price=Decimal(9))
        ws.quotes.update(quote.id, replace(draft, lines=(*draft.lines, extra)))
        assert ws.quotes.get(quote.id).revision == 2

        def text(earlier):
            render = document_renderer(ws, "quote", quote.id, tmp_path, earlier)
            pdf = render("quote-classic", "en", "A4")
            return "".join(page.extract_text() for page in PdfReader(pdf).pages)

        assert "Rev two only" in text(None)
        assert "Rev two only" not in text(1)
    finally:
        ws.close(backup_if_changed=False)
