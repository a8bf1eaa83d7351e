"""The Help menu: the user guide (F1) and About Desktop CRM."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from ui.screen import MenuItem
from ui.shell import Shell


def help_menu_items(shell: Shell) -> list[MenuItem]:
    """Help > User Guide (F1; Cmd+? on macOS) and About Desktop CRM."""
    translate = QCoreApplication.translate
    guide = QAction(translate("MainWindow", "&User Guide"), shell)
    guide.setObjectName("helpUserGuide")
    guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    guide.triggered.connect(lambda _checked=False: show_guide(shell))
    about = QAction(translate("MainWindow", "&About Desktop CRM"), shell)
    about.setObjectName("helpAbout")
    about.setMenuRole(QAction.MenuRole.AboutRole)  # macOS puts it in the application menu
    about.triggered.connect(lambda _checked=False: show_about(shell))
    return [guide, None, about]


def show_guide(shell: Shell) -> None:
    """Open the guide; its window and the guide's text load when first asked for."""
    from ui.help.help_window import show_guide as bring_up

    bring_up(shell)


def show_about(shell: Shell) -> None:
    """Open About; loaded when first asked for, off the window's start path."""
    from ui.about.about_dialog import show_about as open_about

    open_about(shell)
