"""What a screen of the main window declares, so the window can be built from a list of them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

if TYPE_CHECKING:
    from desktop_crm.services.common.dto import ChangeResult
    from desktop_crm.services.workspace.handle import Workspace
    from ui.shell import Shell

MenuName = Literal["file", "edit", "view"]
MenuItem = QAction | QMenu | None
"""An action, a submenu, or ``None`` for a separator."""


class Screen(QWidget):
    """A screen in the sidebar: what it shows, which menus it adds, which changes it shows.

    Subclasses set the class attributes and override the hooks they need. The main window
    builds its sidebar, the View menu and the screens' menu entries from :data:`ui.screens.SCREENS`
    and, after every change, calls :meth:`changed` only on screens whose :attr:`watches` meet the
    change's entities.

    Attributes:
        key: A stable name (``--view`` on the command line, saved window state).
        icon_name: A semantic icon name (see :mod:`ui.icons`).
        watches: Tables whose changes this screen shows (``people``, ``deals``...).

    Signals:
        childrenChanged(list): ``(key, label)`` pairs to list under this screen in the sidebar
            (the contacts screen's saved views).
    """

    key: ClassVar[str]
    icon_name: ClassVar[str]
    watches: ClassVar[frozenset[str]] = frozenset()

    childrenChanged = Signal(list)

    def __init__(self, shell: Shell) -> None:
        super().__init__()
        self.shell = shell

    def title(self) -> str:
        """The screen's name in the sidebar and the View menu, in the user's language."""
        raise NotImplementedError

    def icon(self) -> QIcon:
        """The sidebar icon."""
        from ui.icons import icon

        return icon(self.icon_name)

    def menu_items(self) -> dict[MenuName, list[MenuItem]]:
        """Entries this screen adds to the window's menus (made once, after construction)."""
        return {}

    def set_workspace(self, workspace: Workspace | None) -> None:
        """A workspace was opened (or closed: ``None``); load what the screen shows."""

    def changed(self, changes: ChangeResult) -> None:
        """Something this screen watches changed: reload what it shows of it."""

    def shown(self) -> None:
        """The screen became the current one (load what is only loaded on demand)."""

    def open_child(self, key: str) -> None:
        """Show one of the entries this screen listed with :attr:`childrenChanged`."""

    def child_menu(self, key: str, menu: QMenu) -> None:
        """Fill the sidebar's context menu for one of this screen's entries."""

    def watching(self, changes: ChangeResult) -> bool:
        """Whether ``changes`` touch what this screen shows (no entities: assume they do)."""
        return not changes.entities or bool(self.watches & changes.entities)

    def action(self, text: str, slot: Callable[[], Any], shortcut: Any = None) -> QAction:
        """An action owned by this screen (for :meth:`menu_items`)."""
        action = QAction(text, self.shell)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action
