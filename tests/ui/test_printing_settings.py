"""The company profile and the quote settings in Settings: shown, saved, undone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog

from desktop_crm.documents.templates import shipped_templates
from desktop_crm.services.printing.company_profile import profile_from_json
from desktop_crm.services.printing.dto import CompanyProfileData, TemplateInfo
from tests.ui.conftest import open_and_wait
from ui.workspace_settings.company_profile import logo_bytes
from ui.workspace_settings.settings_dialog import SettingsDialog


def shipped() -> list[TemplateInfo]:
    return [TemplateInfo(s.name, s.kind, True, s) for s in shipped_templates()]


def png(path: Path, width: int = 120, height: int = 40) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f4e79"))
    assert image.save(str(path), "PNG")
    return path


def fill_in(dialog: SettingsDialog, monkeypatch, logo: Path) -> None:
    page = dialog.company
    page.name.setText("  上海云启  信息技术有限公司 ")
    page.address.setPlainText("上海市浦东新区张江路 88 号\n\n邮编 201203")
    page.tax_id.setText("91310115MA1K3XXXXX")
    page.bank_name.setText("招商银行上海张江支行")
    page.bank_account.setText("1219 0888 6610 901")
    page.phone.setText("021-5080 1234")
    page.email.setText("sales@yunqi.example.cn")
    page.footer_text.setText("谢谢惠顾")
    page.default_terms.setPlainText("1. 以上价格含税。")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(logo), ""))
    )
    page.choose_logo_button.click()
    quotes = dialog.quotes
    quotes.rounding_buttons["per_rate"].setChecked(True)
    quotes.quote_template.setCurrentIndex(quotes.quote_template.findData("quote-modern"))


def test_the_dialog_returns_the_profile_and_the_rounding_rule(qtbot, monkeypatch, tmp_path):
    settings = {"phone.default_region": "CN", "followup.stale_days": 30,
                "backup.keep_recent": 10, "backup.keep_daily": 7, "backup.keep_weekly": 8,
                "numbering.customer": "C{seq:4}", "numbering.deal": "D{seq:4}",
                "numbering.quote": "Q{seq:4}", "numbering.contract": "H{seq:4}",
                "quotes.tax_rounding": "per_line", "company.profile": {}}  # fmt: skip
    dialog = SettingsDialog(settings, "", templates=shipped())
    qtbot.addWidget(dialog)
    assert dialog.workspace_values() == {}  # nothing changed: nothing saved
    assert dialog.quotes.rounding_buttons["per_line"].isChecked()
    assert dialog.company.logo_preview.text() == "No logo"
    fill_in(dialog, monkeypatch, png(tmp_path / "logo.png"))
    assert dialog.company.logo_preview.pixmap().width() > 0
    values = dialog.workspace_values()
    assert values["quotes.tax_rounding"] == "per_rate"
    profile = profile_from_json(values["company.profile"])
    assert profile.name == "上海云启 信息技术有限公司"
    assert profile.address_lines == ("上海市浦东新区张江路 88 号", "邮编 201203")
    assert profile.tax_id == "91310115MA1K3XXXXX"
    assert profile.contact is None and profile.website is None
    assert profile.logo == (tmp_path / "logo.png").read_bytes()
    assert profile.quote_template == "quote-modern" and profile.contract_template is None
    dialog.company.remove_logo_button.click()
    assert profile_from_json(dialog.workspace_values()["company.profile"]).logo is None


def test_the_dialog_shows_a_saved_profile(qtbot):
    from desktop_crm.services.printing.company_profile import profile_to_json

    saved = CompanyProfileData(
        name="Northwind", address_lines=("12 Harbour St", "Bristol"), email="a@b.example",
        contract_template="contract-standard",
    )  # fmt: skip
    settings = {"quotes.tax_rounding": "per_rate", "company.profile": profile_to_json(saved),
                "phone.default_region": "GB", "followup.stale_days": 30,
                "backup.keep_recent": 10, "backup.keep_daily": 7, "backup.keep_weekly": 8,
                **{f"numbering.{k}": "X{seq:4}" for k in ("customer", "deal", "quote",
                                                          "contract")}}  # fmt: skip
    dialog = SettingsDialog(settings, "", templates=shipped())
    qtbot.addWidget(dialog)
    assert dialog.company.address.toPlainText() == "12 Harbour St\nBristol"
    assert dialog.quotes.rounding_buttons["per_rate"].isChecked()
    assert dialog.quotes.contract_template.currentData() == "contract-standard"
    assert dialog.quotes.quote_template.currentData() == ""
    assert dialog.workspace_values() == {}


def test_a_huge_logo_is_scaled_down_and_a_non_image_refused(tmp_path):
    big = logo_bytes(png(tmp_path / "big.png", 3000, 1000))
    image = QImage.fromData(big)
    assert (image.width(), image.height()) == (1200, 400)
    (tmp_path / "logo.gif").write_bytes(b"GIF89a....")
    import pytest

    from desktop_crm.domain.errors import ValidationError

    with pytest.raises(ValidationError):
        logo_bytes(tmp_path / "logo.gif")


def test_settings_save_the_profile_and_rounding_as_one_undoable_change(
    qtbot, window, workspace, monkeypatch, tmp_path
):
    path = workspace.path
    workspace.close(backup_if_changed=False)
    open_and_wait(qtbot, window, path)
    logo = png(tmp_path / "logo.png")

    def fake_exec(dialog):
        # The templates came from the workspace's printing service.
        assert dialog.quotes.quote_template.findData("quote-modern") >= 0
        fill_in(dialog, monkeypatch, logo)
        return SettingsDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    window.screens["settings"].preferences_action.trigger()
    qtbot.waitUntil(lambda: window.worker.idle and "Change settings" in window.undo_action.text())
    ws = window.workspace
    profile = ws.printing.profile()
    assert profile.name == "上海云启 信息技术有限公司"
    assert profile.logo == logo.read_bytes()
    assert profile.default_template("quote") == "quote-modern"
    assert ws.settings.get("quotes.tax_rounding") == "per_rate"
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.worker.idle and "Redo" in window.redo_action.text())
    qtbot.waitUntil(lambda: ws.printing.profile() == CompanyProfileData())
    assert ws.settings.get("quotes.tax_rounding") == "per_line"
