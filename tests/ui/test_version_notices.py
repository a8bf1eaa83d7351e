"""Update notices in the window (issue 15): a workspace last written by a newer Desktop CRM is
refused with the version to install, in English and Chinese."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_crm import __version__
from desktop_crm.domain.errors import SchemaTooNewError
from desktop_crm.services.workspace.handle import open_workspace
from tests.unit.test_version_notices import digest, made_by_a_newer_app, newer_record
from ui.app import TRANSLATIONS, install_translator
from ui.messages import error_text

WORKSPACE_SOURCE = (
    "%1 was last written by Desktop CRM %2 (this is %3): install Desktop CRM %2 or newer to "
    "open it; the file was not changed."
)


def refusal(path) -> SchemaTooNewError:
    with pytest.raises(SchemaTooNewError) as caught:
        open_workspace(path)
    return caught.value


def shipped_translation(source: str) -> bool:
    """Whether the shipped Chinese translation holds ``source`` yet (merged by the lead)."""
    ts = ET.parse(TRANSLATIONS / "desktop_crm_zh_CN.ts")
    return any(m.findtext("source") == source for m in ts.iter("message"))


def test_the_window_names_the_version_to_install(qtbot, window, ws_path, monkeypatch):
    made_by_a_newer_app(ws_path, newer_record())
    before = digest(ws_path)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    window.open_workspace(ws_path)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert shown == [
        f"{ws_path} was last written by Desktop CRM 0.3.0 (this is {__version__}): install "
        "Desktop CRM 0.3.0 or newer to open it; the file was not changed."
    ]
    assert window.workspace is None
    assert digest(ws_path) == before


def test_without_a_record_the_window_says_a_newer_version_as_before(qtbot, ws_path):
    made_by_a_newer_app(ws_path, None)
    assert error_text(refusal(ws_path)) == (
        f"{ws_path} was written by a newer version of Desktop CRM. Update Desktop CRM to open "
        "it; the file was not changed."
    )


@pytest.mark.skipif(
    not shipped_translation(WORKSPACE_SOURCE),
    reason="the Chinese text (in /tmp/zh23/updates.tsv) is not merged into the .ts yet",
)
def test_the_version_to_install_in_chinese(qtbot, ws_path):
    made_by_a_newer_app(ws_path, newer_record())
    exc = refusal(ws_path)
    app = QApplication.instance()
    translator = install_translator(app, "zh_CN")
    assert translator is not None
    try:
        text = error_text(exc)
    finally:
        app.removeTranslator(translator)
    assert text == (
        f"{ws_path} 最后由 Desktop CRM 0.3.0 写入（当前版本为 {__version__}）：请安装 "
        "Desktop CRM 0.3.0 或更新版本后再打开；文件未被改动。"
    )
