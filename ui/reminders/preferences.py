"""The Reminders preferences of this computer: keep running in the tray, start at login."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from ui.reminders import autostart

KEEP_IN_TRAY = "reminders/keep_in_tray"
"""QSettings key: closing the window keeps the app running in the tray."""


def keep_in_tray(settings: QSettings) -> bool:
    """Whether closing the window keeps the app in the tray (this computer's choice)."""
    return bool(settings.value(KEEP_IN_TRAY, False, type=bool))


class ReminderPreferences(QGroupBox):
    """The "Reminders" group of the settings dialog (per computer, not per workspace).

    Args:
        tray: Whether this desktop has a system tray (without one both choices are offered
            but say that they need one).
    """

    def __init__(self, tray: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Reminders"))
        self.keep = QCheckBox(self.tr("Keep running in the tray when the window is closed"))
        self.at_login = QCheckBox(self.tr("Start Desktop CRM in the tray when I log in"))
        note = QLabel(
            self.tr("Reminders appear while Desktop CRM runs, also with its window closed.")
            if tray
            else self.tr(
                "No system tray was found on this desktop: reminders appear only while the "
                "window is open."
            )
        )
        note.setWordWrap(True)
        note.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.keep)
        layout.addWidget(self.at_login)
        layout.addWidget(note)

    def load(self, settings: QSettings) -> None:
        """Show this computer's choices (start at login: whether its entry exists)."""
        self.keep.setChecked(keep_in_tray(settings))
        self.at_login.setChecked(autostart.is_enabled())

    def save(self, settings: QSettings) -> str:
        """Keep the choices: the setting, and the login entry written or removed.

        Returns:
            What went wrong writing the login entry ("" if nothing).
        """
        settings.setValue(KEEP_IN_TRAY, self.keep.isChecked())
        wanted = self.at_login.isChecked()
        try:
            if wanted != autostart.is_enabled():
                if wanted:
                    autostart.enable()
                else:
                    autostart.disable()
        except OSError as exc:
            return str(exc)
        return ""
