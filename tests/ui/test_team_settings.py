# ruff: noqa: F811 - the hub fixtures are imported by name, as pytest finds them
"""Settings → Team and File → Join a Team Workspace… against a real PostgreSQL hub: joining
uploads this workspace to an empty hub or downloads the team's into a new file; a hub with data,
a wrong password and an existing file are refused in the dialog; passwords are never written to
the workspace or the app's settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from desktop_crm.services.workspace.handle import create_workspace
from desktop_crm.store.models import Person
from tests import drafts
from tests.hub_fixtures import (  # noqa: F401
    MEMBER_PASSWORD,
    first_laptop,
    hub,
    joining_laptop,
    pg,
)
from tests.ui.conftest import open_and_wait
from ui.team.join_dialog import JoinDialog, show_join_dialog
from ui.team.team_settings import TeamTab
from ui.workspace_settings.settings_dialog import SettingsDialog


@pytest.fixture
def studio(tmp_path: Path) -> tuple[Path, str]:
    """A workspace with one person, not joined to any hub."""
    path = tmp_path / "studio.crm"
    ws = create_workspace(path, "en")
    pid = ws.people.save(drafts.person("王小明")).ids[0]
    ws.close(backup_if_changed=False)
    return path, pid


def team_tab(qtbot, window) -> TeamTab:
    dialog = SettingsDialog(window.workspace.settings.all(), "")
    qtbot.addWidget(dialog)
    tab = dialog.team
    tab.attach(window)
    tab.keep_alive = dialog  # the tab lives as long as its dialog
    return tab


def fill_form(form, url: str, user: str, password: str) -> None:
    form.address.setText(url)
    form.user.setText(user)
    form.password.setText(password)


def no_password_in(*paths: Path) -> bool:
    secret = MEMBER_PASSWORD.encode()
    return all(secret not in p.read_bytes() for p in paths if p.exists())


def test_the_team_tab_joins_this_workspace_to_an_empty_hub(
    qtbot, window, hub, studio, tmp_path, qt_settings
):
    path, pid = studio
    open_and_wait(qtbot, window, path)
    tab = team_tab(qtbot, window)
    qtbot.waitUntil(lambda: tab.isEnabled() and window.worker.idle)
    assert tab.pages.currentIndex() == 0  # not joined: the join form
    assert tab.form.password.echoMode() == QLineEdit.EchoMode.Password
    assert [tab.form.tls.itemData(i) for i in range(tab.form.tls.count())] == [
        "prefer",
        "require",
        "verify-full",
        "disable",
    ]
    assert window.team_sync.indicator.isHidden()

    fill_form(tab.form, hub.url, "alice", MEMBER_PASSWORD)
    tab.join_button.click()
    qtbot.waitUntil(lambda: tab.pages.currentIndex() == 1 and window.worker.idle, timeout=30_000)
    assert "records uploaded" in tab.done_label.text()
    assert tab.user_label.text() == "alice" and hub.database in tab.url_label.text()
    assert tab.state_label.text().startswith("Synced") and tab.pending_label.text() == "0"
    assert window.team_sync.indicator.isVisible()

    # The hub now holds this workspace: a second laptop downloads the person.
    bob = joining_laptop(hub, tmp_path, "bob")
    try:
        assert bob.get(Person, pid).name == "王小明"
    finally:
        bob.close()

    # Sync Now with the password kept for this run only.
    tab.sync_button.click()
    qtbot.waitUntil(
        lambda: window.team_sync.view.last_sync is not None and window.worker.idle,
        timeout=20_000,
    )
    assert tab.last_label.text() not in ("", "Not synced yet")
    qt_settings.sync()
    assert no_password_in(path, path.with_name(path.name + "-wal"), Path(qt_settings.fileName()))


def test_the_team_tab_refuses_a_hub_that_holds_a_team_already(qtbot, window, hub, studio, tmp_path):
    first_laptop(hub, tmp_path, "alice").close()  # the team's workspace is on the hub
    path, _pid = studio
    open_and_wait(qtbot, window, path)
    tab = team_tab(qtbot, window)
    qtbot.waitUntil(lambda: tab.isEnabled() and window.worker.idle)
    fill_form(tab.form, hub.url, "bob", MEMBER_PASSWORD)
    tab.join_button.click()
    qtbot.waitUntil(lambda: not tab.problem.isHidden() and window.worker.idle, timeout=30_000)
    assert "already holds a team's workspace" in tab.problem.text()
    assert "Join a Team Workspace" in tab.problem.text()
    assert tab.pages.currentIndex() == 0 and tab.join_button.isEnabled()
    assert not window.team_sync.view.joined


def test_the_team_tab_asks_for_the_address_before_joining(qtbot, window, studio):
    path, _pid = studio
    open_and_wait(qtbot, window, path)
    tab = team_tab(qtbot, window)
    qtbot.waitUntil(lambda: tab.isEnabled() and window.worker.idle)
    tab.join_button.click()
    assert tab.problem.text() == "Enter the hub's address."
    assert window.worker.idle


def click_join(dialog: JoinDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_join_a_team_workspace_downloads_it_into_a_new_file_and_opens_it(
    qtbot, window, hub, tmp_path, studio
):
    alice = first_laptop(hub, tmp_path, "alice")
    pid = alice.add_person("李雷")
    alice.sync()
    alice.close()
    open_and_wait(qtbot, window, studio[0])  # another workspace is open meanwhile

    action = next(a for a in window.menuBar().actions()[0].menu().actions() if "Team" in a.text())
    assert action.isEnabled()
    dialog = show_join_dialog(window)
    target = tmp_path / "bob.crm"

    fill_form(dialog.form, hub.url, "bob", "wrong")
    dialog.path.setText(str(target))
    click_join(dialog)
    qtbot.waitUntil(lambda: dialog.problem.isVisible() and window.worker.idle, timeout=30_000)
    assert "refused this user name or password" in dialog.problem.text()
    assert dialog.isVisible() and dialog.buttons.isEnabled()

    dialog.form.password.setText(MEMBER_PASSWORD)
    click_join(dialog)
    qtbot.waitUntil(
        lambda: window.workspace is not None and window.workspace.path == target, timeout=30_000
    )
    qtbot.waitUntil(lambda: window.team_sync.view.joined and window.worker.idle, timeout=20_000)
    assert window.team_sync.view.user == "bob"
    with window.workspace.store.read() as session:
        assert session.get(Person, pid).name == "李雷"
    # The password typed serves this run's syncs (no keychain here), and went nowhere on disk.
    window.team_sync.sync_now()
    qtbot.waitUntil(lambda: window.team_sync.view.state == "synced", timeout=20_000)
    assert no_password_in(target, target.with_name(target.name + "-wal"))


def test_join_refuses_a_file_that_is_already_there(qtbot, window, hub, tmp_path):
    dialog = JoinDialog(window)
    qtbot.addWidget(dialog)
    taken = tmp_path / "taken.crm"
    taken.write_bytes(b"x")
    fill_form(dialog.form, hub.url, "bob", MEMBER_PASSWORD)
    dialog.path.setText(str(taken))
    click_join(dialog)
    assert "A file is already there" in dialog.problem.text()
    assert window.worker.idle and taken.read_bytes() == b"x"
