# ruff: noqa: F811 - the hub fixtures are imported by name, as pytest finds them
"""Update notices in the window (issue 15): a workspace last written by a newer Desktop CRM is
refused with the version to install, and a team hub set up by a newer one says which version it
needs (status-bar indicator, its message, Settings → Team), in English and Chinese."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_crm import __version__
from desktop_crm.domain.errors import HubVersionError, SchemaTooNewError
from desktop_crm.services.workspace.handle import open_workspace
from tests.hub_fixtures import MEMBER_PASSWORD, first_laptop, hub, pg  # noqa: F401
from tests.ui.conftest import open_and_wait
from tests.ui.test_team_settings import team_tab
from tests.unit.test_version_notices import (
    HUB_NEEDS,
    digest,
    made_by_a_newer_app,
    newer_record,
    set_up_by_a_newer_app,
)
from ui.app import TRANSLATIONS, install_translator
from ui.messages import error_text
from ui.team.texts import hub_error_text

WORKSPACE_SOURCE = (
    "%1 was last written by Desktop CRM %2 (this is %3): install Desktop CRM %2 or newer to "
    "open it; the file was not changed."
)
HUB_SOURCE = (
    "The team hub needs Desktop CRM %1 or newer (this is %2): update the app. Your changes wait "
    "on this computer."
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


def test_the_indicator_and_the_team_tab_say_the_version_the_hub_needs(qtbot, window, hub, tmp_path):
    alice = first_laptop(hub, tmp_path, "alice")
    alice.add_person("王小明")
    path = alice.ws.path
    alice.close()
    set_up_by_a_newer_app(hub)
    open_and_wait(qtbot, window, path)
    sync = window.team_sync
    qtbot.waitUntil(lambda: sync.view.joined, timeout=10_000)
    sync.sync_now(MEMBER_PASSWORD)
    qtbot.waitUntil(lambda: sync.view.state == "refused" and window.worker.idle, timeout=20_000)
    assert sync.indicator.text() == "Sync refused"
    assert sync.indicator.toolTip().splitlines()[-1] == HUB_NEEDS
    assert "waiting to be sent" in sync.indicator.toolTip()  # the change kept for later
    notice = sync.notice
    assert notice is not None and notice.text() == HUB_NEEDS
    assert notice.icon() == QMessageBox.Icon.Critical and not notice.isModal()
    notice.close()

    tab = team_tab(qtbot, window)
    qtbot.waitUntil(lambda: tab.pages.currentIndex() == 1 and window.worker.idle, timeout=10_000)
    assert tab.problem.text() == HUB_NEEDS and not tab.problem.isHidden()
    assert tab.pending_label.text() == "1"


def test_an_older_hub_asks_for_hub_init_and_an_unsaid_version_stays_general(qtbot):
    older = HubVersionError("The hub is older than this app.", reason="hub_older")
    assert "'desktop-crm hub init' from this version" in hub_error_text(older)
    unsaid = HubVersionError("Update the app.", reason="app_older", needed=None)
    assert hub_error_text(unsaid).startswith("This Desktop CRM and the team hub are of different")


@pytest.mark.skipif(
    not shipped_translation(HUB_SOURCE),
    reason="the Chinese text (in /tmp/zh23/updates.tsv) is not merged into the .ts yet",
)
def test_the_version_the_hub_needs_in_chinese(qtbot):
    exc = HubVersionError("x", reason="app_older", needed="0.3.0", this_version=__version__)
    app = QApplication.instance()
    translator = install_translator(app, "zh_CN")
    assert translator is not None
    try:
        text = hub_error_text(exc)
    finally:
        app.removeTranslator(translator)
    assert text == (
        f"团队中心需要 Desktop CRM 0.3.0 或更新版本（当前版本为 {__version__}）：请更新应用。"
        "您的修改保存在这台电脑上，等待上传。"
    )
