r"""Start Desktop CRM in the tray when the user logs in, the usual way on each system.

- Linux and other XDG desktops: ``$XDG_CONFIG_HOME/autostart/desktop-crm.desktop`` (``~/.config``
  when unset), an entry GNOME, KDE, Xfce and the rest read at login.
- Windows: the value ``Desktop CRM`` under
  ``HKCU\Software\Microsoft\Windows\CurrentVersion\Run`` (what Settings > Apps > Startup
  lists and can switch off), written through ``winreg``.
- macOS: ``~/Library/LaunchAgents/com.desktopcrm.app.plist``, a LaunchAgent with ``RunAtLoad``
  (launchd loads it at the next login).

The command is the running app itself with ``--tray``: the frozen executable, else this Python
with ``-m ui.launcher`` (``pythonw.exe`` on Windows, so no console window opens). No Qt here:
the functions only write and remove files (and the registry value), so they are tested on any
system with temporary folders and a fake registry key.
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

APP_NAME = "Desktop CRM"
DESKTOP_FILE = "desktop-crm.desktop"
LAUNCH_AGENT_LABEL = "com.desktopcrm.app"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
TRAY_FLAG = "--tray"

# Characters that make a Desktop Entry Exec argument need quoting (Desktop Entry spec, "The
# Exec key"); inside double quotes, these four are escaped with a backslash.
_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
_EXEC_ESCAPED = frozenset('"`$\\')


class RunKey(Protocol):
    """The per-user ``Run`` registry key (a fake in tests, ``winreg`` on Windows)."""

    def get(self, name: str) -> str | None:
        """The value ``name``, or ``None``."""
        ...

    def set(self, name: str, value: str) -> None:
        """Write the string value ``name``."""
        ...

    def delete(self, name: str) -> None:
        """Remove the value ``name`` if present."""
        ...


class WindowsRunKey:
    """The per-user ``Run`` key, through the standard library's ``winreg`` (Windows only)."""

    def get(self, name: str) -> str | None:
        """The value ``name``, or ``None``."""
        if sys.platform != "win32":
            raise OSError("The registry is Windows'.")
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                value, _kind = winreg.QueryValueEx(key, name)
        except OSError:
            return None
        return str(value)

    def set(self, name: str, value: str) -> None:
        """Write the string value ``name``."""
        if sys.platform != "win32":
            raise OSError("The registry is Windows'.")
        import winreg

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def delete(self, name: str) -> None:
        """Remove the value ``name`` if present."""
        if sys.platform != "win32":
            raise OSError("The registry is Windows'.")
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, name)
        except FileNotFoundError:
            pass


def launch_command(
    executable: str | None = None, *, frozen: bool | None = None, system: str | None = None
) -> list[str]:
    """The command that starts this app in the tray.

    Args:
        executable: The running program (``sys.executable`` by default).
        frozen: Whether it is a frozen build (PyInstaller sets ``sys.frozen``).
        system: ``sys.platform`` by default; on Windows ``pythonw.exe`` is preferred.
    """
    exe = executable or sys.executable
    if frozen if frozen is not None else bool(getattr(sys, "frozen", False)):
        return [exe, TRAY_FLAG]
    if (system or sys.platform).startswith("win"):
        windowless = Path(exe).with_name("pythonw.exe")
        if Path(exe).name.lower() == "python.exe" and windowless.exists():
            exe = str(windowless)
    return [exe, "-m", "ui.launcher", TRAY_FLAG]


def desktop_entry(command: Sequence[str]) -> str:
    """The XDG autostart entry that runs ``command``."""
    exec_line = " ".join(_exec_argument(arg) for arg in command)
    return "\n".join(
        (
            "[Desktop Entry]",
            "Type=Application",
            f"Name={APP_NAME}",
            "Comment=Follow-up reminders on time",
            f"Exec={exec_line}",
            "Terminal=false",
            "X-GNOME-Autostart-enabled=true",
            "",
        )
    )


def _exec_argument(arg: str) -> str:
    """One Exec argument: quoted if needed, ``%`` doubled, then escaped as a string value."""
    if any(c in _EXEC_RESERVED for c in arg) or not arg:
        arg = '"' + "".join("\\" + c if c in _EXEC_ESCAPED else c for c in arg) + '"'
    # The value is read as a string first (backslash escapes), then split into arguments.
    return arg.replace("%", "%%").replace("\\", "\\\\")


def launch_agent(command: Sequence[str]) -> bytes:
    """The macOS LaunchAgent property list that runs ``command`` at login."""
    return plistlib.dumps(
        {
            "Label": LAUNCH_AGENT_LABEL,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
    )


def windows_command_line(command: Sequence[str]) -> str:
    """``command`` as one Windows command line (quoted as ``CreateProcess`` splits it)."""
    return subprocess.list2cmdline(list(command))


def entry_path(
    system: str | None = None, home: Path | None = None, env: Mapping[str, str] | None = None
) -> Path | None:
    """Where the login entry lives on ``system`` (``None`` on Windows: the registry)."""
    system = system or sys.platform
    home = home or Path.home()
    env = os.environ if env is None else env
    if system.startswith("win"):
        return None
    if system == "darwin":
        return home / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"
    config = env.get("XDG_CONFIG_HOME", "").strip()
    # The spec: a relative XDG_CONFIG_HOME is invalid and ignored.
    base = Path(config) if config and Path(config).is_absolute() else home / ".config"
    return base / "autostart" / DESKTOP_FILE


def enable(
    command: Sequence[str] | None = None,
    *,
    system: str | None = None,
    home: Path | None = None,
    env: Mapping[str, str] | None = None,
    run_key: RunKey | None = None,
) -> str:
    """Start ``command`` (this app with ``--tray`` by default) at login.

    Returns:
        Where it was written: a file path, or the registry value's name.

    Raises:
        OSError: The file or registry value could not be written.
    """
    command = list(command or launch_command(system=system))
    path = entry_path(system, home, env)
    if path is None:
        (run_key or WindowsRunKey()).set(APP_NAME, windows_command_line(command))
        return f"HKCU\\{RUN_KEY}\\{APP_NAME}"
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".plist":
        path.write_bytes(launch_agent(command))
    else:
        path.write_text(desktop_entry(command), encoding="utf-8")
    return str(path)


def disable(
    *,
    system: str | None = None,
    home: Path | None = None,
    env: Mapping[str, str] | None = None,
    run_key: RunKey | None = None,
) -> None:
    """Stop starting at login (nothing happens if it was not set up).

    Raises:
        OSError: The file or registry value could not be removed.
    """
    path = entry_path(system, home, env)
    if path is None:
        (run_key or WindowsRunKey()).delete(APP_NAME)
    else:
        path.unlink(missing_ok=True)


def is_enabled(
    *,
    system: str | None = None,
    home: Path | None = None,
    env: Mapping[str, str] | None = None,
    run_key: RunKey | None = None,
) -> bool:
    """Whether the app is set to start at login (the entry exists)."""
    path = entry_path(system, home, env)
    if path is None:
        try:
            return (run_key or WindowsRunKey()).get(APP_NAME) is not None
        except OSError:  # not on Windows
            return False
    return path.exists()
