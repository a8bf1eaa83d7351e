"""The language the UI runs in, for what the core writes in words (exports, demo data)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_crm.domain.choices import Language


def ui_language() -> Language:
    """``zh`` when the Chinese translation is loaded, else ``en``.

    Read from the loaded translation itself (its "en" is "zh"), so it always matches the
    words on screen, whether the language came from Preferences, ``--language`` or the system.
    """
    return "zh" if QCoreApplication.translate("Language", "en") == "zh" else "en"
