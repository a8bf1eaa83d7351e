"""Starting in the tray at login: the per-OS entries, written into temporary folders."""

from __future__ import annotations

import configparser
import plistlib
import subprocess
from pathlib import Path

import pytest

from ui.reminders import autostart

COMMAND = ["/opt/my apps/python3", "-m", "ui.launcher", "--tray"]


def _exec_arguments(line: str) -> list[str]:
    """Split a Desktop Entry Exec value as a launcher does (spec: string escapes, quoting)."""
    # First the string-value escapes (\\ -> \), then the quoting rules, then %% -> %.
    text, i, unescaped = line, 0, []
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            escapes = {"s": " ", "n": "\n", "t": "\t", "r": "\r"}
            unescaped.append(escapes.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            unescaped.append(text[i])
            i += 1
    text = "".join(unescaped)
    args: list[str] = []
    current, quoted, started, i = [], False, False, 0
    while i < len(text):
        c = text[i]
        if quoted:
            if c == "\\" and i + 1 < len(text) and text[i + 1] in '"`$\\':
                current.append(text[i + 1])
                i += 1
            elif c == '"':
                quoted = False
            else:
                current.append(c)
        elif c == '"':
            quoted, started = True, True
        elif c == " ":
            if started:
                args.append("".join(current))
            current, started = [], False
        else:
            current.append(c)
            started = True
        i += 1
    if started:
        args.append("".join(current))
    return [a.replace("%%", "%") for a in args]


def test_linux_entry_respects_xdg_config_home_and_runs_the_app_in_the_tray(tmp_path):
    config = tmp_path / "cfg"
    env = {"XDG_CONFIG_HOME": str(config)}
    assert not autostart.is_enabled(system="linux", home=tmp_path, env=env)
    where = autostart.enable(COMMAND, system="linux", home=tmp_path, env=env)
    path = config / "autostart" / "desktop-crm.desktop"
    assert where == str(path) and path.exists()
    assert autostart.is_enabled(system="linux", home=tmp_path, env=env)
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(path, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Name"] == "Desktop CRM"
    assert _exec_arguments(section["Exec"]) == COMMAND
    autostart.disable(system="linux", home=tmp_path, env=env)
    assert not path.exists()
    assert not autostart.is_enabled(system="linux", home=tmp_path, env=env)
    autostart.disable(system="linux", home=tmp_path, env=env)  # twice: nothing to remove


def test_linux_entry_defaults_to_dot_config_and_ignores_a_relative_xdg_home(tmp_path):
    for env in ({}, {"XDG_CONFIG_HOME": "relative/dir"}):
        path = autostart.entry_path("linux", tmp_path, env)
        assert path == tmp_path / ".config" / "autostart" / "desktop-crm.desktop"


def test_exec_line_quotes_spaces_quotes_dollars_percents_and_backslashes():
    awkward = ['/home/王 芳/bin/py"th$on', "C:\\x", "100%", "--tray"]
    exec_line = autostart.desktop_entry(awkward).split("Exec=", 1)[1].splitlines()[0]
    assert _exec_arguments(exec_line) == awkward
    # The spec: \" and \$ inside quotes, and every backslash escaped once more.
    assert '"/home/王 芳/bin/py\\\\"th\\\\$on"' in exec_line
    assert "100%%" in exec_line


def test_macos_launch_agent_runs_at_load(tmp_path):
    where = autostart.enable(COMMAND, system="darwin", home=tmp_path)
    path = tmp_path / "Library" / "LaunchAgents" / "com.desktopcrm.app.plist"
    assert where == str(path)
    agent = plistlib.loads(path.read_bytes())
    assert agent["Label"] == "com.desktopcrm.app"
    assert agent["ProgramArguments"] == COMMAND
    assert agent["RunAtLoad"] is True
    assert autostart.is_enabled(system="darwin", home=tmp_path)
    autostart.disable(system="darwin", home=tmp_path)
    assert not path.exists() and not autostart.is_enabled(system="darwin", home=tmp_path)


class FakeRunKey:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def test_windows_run_value_is_one_quoted_command_line(tmp_path):
    key = FakeRunKey()
    command = [r"C:\Program Files\Desktop CRM\desktop-crm.exe", "--tray"]
    where = autostart.enable(command, system="win32", home=tmp_path, run_key=key)
    assert where.endswith(r"CurrentVersion\Run\Desktop CRM")
    assert key.values == {"Desktop CRM": '"C:\\Program Files\\Desktop CRM\\desktop-crm.exe" --tray'}
    assert autostart.is_enabled(system="win32", run_key=key)
    assert not list(tmp_path.iterdir())  # nothing written to disk on Windows
    autostart.disable(system="win32", run_key=key)
    assert key.values == {} and not autostart.is_enabled(system="win32", run_key=key)


def test_the_command_is_the_running_app_with_tray(tmp_path):
    assert autostart.launch_command("/x/desktop-crm", frozen=True) == ["/x/desktop-crm", "--tray"]
    assert autostart.launch_command("/venv/bin/python", frozen=False, system="linux") == [
        "/venv/bin/python",
        "-m",
        "ui.launcher",
        "--tray",
    ]
    python = tmp_path / "python.exe"
    python.touch()
    (tmp_path / "pythonw.exe").touch()
    windows = autostart.launch_command(str(python), frozen=False, system="win32")
    assert windows == [str(tmp_path / "pythonw.exe"), "-m", "ui.launcher", "--tray"]


def test_the_written_linux_command_starts_the_launcher(tmp_path):
    """The entry's command really is this app: ``-m ui.launcher --help`` answers as desktop-crm."""
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    autostart.enable(system="linux", home=tmp_path, env=env)
    entry = (tmp_path / "autostart" / "desktop-crm.desktop").read_text(encoding="utf-8")
    args = _exec_arguments(entry.split("Exec=", 1)[1].splitlines()[0])
    assert args[-1] == "--tray"
    done = subprocess.run(
        [*args[:-1], "--help"], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0 and "--workspace PATH" in done.stdout


@pytest.mark.parametrize("system", ["linux", "darwin"])
def test_enabling_twice_keeps_one_entry(tmp_path, system):
    env = {"XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    first = autostart.enable(COMMAND, system=system, home=tmp_path, env=env)
    second = autostart.enable(COMMAND, system=system, home=tmp_path, env=env)
    assert first == second
    assert len(list(Path(first).parent.iterdir())) == 1
