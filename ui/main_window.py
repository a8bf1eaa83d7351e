"""The main window: composes the registered screens with a sidebar, menus, search and status bar.

It owns the workspace's life (open, restore, close), undo and redo, and routes what each change
touched to the screens that show it. What a screen shows and does lives in its own package.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from desktop_crm.domain.choices import RecordKind
from desktop_crm.services.common.dto import ChangeResult
from ui.deals.deal_dialog import refresh_deal_dialogs
from ui.help.menu import help_menu_items
from ui.imports.file_transfer import file_menu_items
from ui.language import ui_language
from ui.messages import error_text
from ui.reminders.controller import Reminders
from ui.screen import MenuItem, MenuName, Screen
from ui.screens import SCREENS
from ui.search_box import GlobalSearch, SearchRouter
from ui.shell import Shell
from ui.sidebar import Sidebar
from ui.status_bar import StatusBar
from ui.team.join_dialog import join_team_action
from ui.team.sync_driver import TeamSync
from ui.text_fill import fill
from ui.undo_redo import UndoRedo
from ui.worker import DbWorker
from ui.workspace_files import (
    offer_another_workspace,
    offer_backup_of_damaged,
    workspace_menu_items,
)
from ui.workspace_settings.calendar_export import CalendarKeeper
from ui.workspace_settings.settings_screen import SettingsScreen

if TYPE_CHECKING:  # the services (and SQLAlchemy) load on the worker, off the start path
    from desktop_crm.domain.clock import Clock
    from desktop_crm.services.workspace.handle import Workspace
    from ui.contacts.contacts_screen import ContactsScreen
    from ui.contacts.contacts_view import ContactsView

BACKUP_CHECK_MS = 10 * 60 * 1000  # the hourly backup is checked every ten minutes
COUNTED = frozenset({"people", "companies", "deals", "stages"})
"""Tables behind the status bar's counts."""


class MainWindow(Shell):
    """The application window. All database work goes through :attr:`worker`.

    Args:
        worker: The database worker.
        settings: Per-computer preferences (geometry, last workspace, language).

    Attributes:
        screens: The registered screens by key, in sidebar order.

    Signals:
        workspaceOpened(str): A workspace finished opening (its path).
        openFailed(object): Opening a workspace raised this error.
    """

    workspaceOpened = Signal(str)
    openFailed = Signal(object)

    def __init__(self, worker: DbWorker, settings: QSettings) -> None:
        super().__init__()
        self.worker = worker
        self.settings = settings
        self.workspace = None
        self.clock: Clock | None = None  # what workspaces open with; tests set a FixedClock
        self._closing = False
        self.backup_on_close = True  # a screenshot run turns it off: it changes nothing on disk
        self._painted = False
        self._after_first_paint: list[Callable[[], None]] = []
        self.setWindowTitle(self.tr("Desktop CRM"))
        self.setMinimumSize(QSize(900, 560))
        self.worker.failed.connect(self.show_error)

        self.screens: dict[str, Screen] = {cls.key: cls(self) for cls in SCREENS}
        self.sidebar = Sidebar()
        self.sidebar.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        for key, screen in self.screens.items():
            self.sidebar.add_screen(key, screen.icon(), screen.title())
            self.stack.addWidget(screen)
            screen.childrenChanged.connect(
                lambda items, k=key: self.sidebar.set_children(k, items, self.tr("Saved view"))
            )
        self.sidebar.picked.connect(self._on_picked)
        self.sidebar.menuRequested.connect(
            lambda key, child, menu: self.screens[key].child_menu(child, menu)
        )

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.search = GlobalSearch()
        self.search_router = SearchRouter(self, self.search)
        toolbar = QToolBar(self.tr("Search"))
        toolbar.setObjectName("searchBar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.search)
        self.addToolBar(toolbar)

        self.contacts.view.searchFocused.connect(self.search_router.prepare)

        self.status = StatusBar()
        self.setStatusBar(self.status)
        self.worker.busyChanged.connect(self.status.set_busy)
        # Team mode: background sync with the hub and its indicator (ui/team; ui.app enables it).
        self.team_sync = TeamSync(self)
        self.status.addPermanentWidget(self.team_sync.indicator)
        self.team_sync.conflictsChanged.connect(lambda n: self.sidebar.set_badge("conflicts", n))

        self._quitting = False  # Quit, not a close that only hides the window in the tray
        self.reminders = Reminders(self)  # switched on by ui.app for a real run
        self.reminders.dueCountChanged.connect(lambda n: self.sidebar.set_badge("today", n))
        self.reminders.openFollowUp.connect(self.open_follow_up)
        self.reminders.showRequested.connect(self.bring_up)
        self.reminders.planRequested.connect(self.plan_follow_up)
        self.reminders.quitRequested.connect(self.quit)
        settings_screen = self.screens.get("settings")
        if isinstance(settings_screen, SettingsScreen):
            settings_screen.dialogOpened.connect(self.reminders.add_preferences)

        self.calendar_keeper = CalendarKeeper(self)  # rewrites the kept .ics after changes
        self._workspace_actions: list[QAction | QMenu] = []
        self._build_menus()
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(BACKUP_CHECK_MS)
        self._backup_timer.timeout.connect(self._hourly_backup)
        self._set_workspace_actions(False)
        self.sidebar.setCurrentRow(0)
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 740)

    # --- construction -------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        screen_items: dict[MenuName, list[MenuItem]] = {"file": [], "edit": [], "view": []}
        for screen in self.screens.values():
            for menu, items in screen.menu_items().items():
                screen_items[menu] += items
        self._workspace_actions += [i for items in screen_items.values() for i in items if i]
        transfer = file_menu_items(self)
        self._workspace_actions += transfer
        self.history = UndoRedo(self)
        self.undo_action, self.redo_action = self.history.undo_action, self.history.redo_action
        self.search_action = self._action(self.tr("&Search…"), self.search_router.focus, "Ctrl+K")
        self._workspace_actions.append(self.search_action)
        # Plan a follow-up for what is in front (a card, the selected contacts) from any window.
        self.plan_follow_up_action = self._action(
            self.tr("Plan &Follow-up…"), self.plan_follow_up_here, "Ctrl+Shift+F"
        )
        self.plan_follow_up_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self._workspace_actions.append(self.plan_follow_up_action)
        menus: dict[str, list[MenuItem]] = {
            self.tr("&File"): [
                *workspace_menu_items(self),
                join_team_action(self),
                None,
                *transfer,
                None,
                *screen_items["file"],
                None,
                self._action(self.tr("&Quit"), self.quit, QKeySequence.StandardKey.Quit),
            ],
            self.tr("&Edit"): [
                self.undo_action,
                self.redo_action,
                None,
                self.search_action,
                self.plan_follow_up_action,
                *screen_items["edit"],
            ],
            self.tr("&View"): [*self._screen_actions(), *screen_items["view"]],
            self.tr("&Help"): help_menu_items(self),  # the user guide (F1) and About
        }
        for title, items in menus.items():
            added = bar.addMenu(title)
            for item in items:
                if item is None:
                    added.addSeparator()
                elif isinstance(item, QMenu):
                    added.addMenu(item)
                else:
                    added.addAction(item)
                    self.addAction(item)  # shortcuts work while the menu bar is hidden

    def _screen_actions(self) -> list[QAction]:
        """View > one entry per screen, Ctrl+1 for the first."""
        return [
            self._action(screen.title(), partial(self.show_view, key), f"Ctrl+{n + 1}")
            for n, (key, screen) in enumerate(self.screens.items())
        ]

    def _action(self, text: str, slot: Callable[[], Any], shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _set_workspace_actions(self, enabled: bool) -> None:
        for action in self._workspace_actions:
            action.setEnabled(enabled)
        self.search.setEnabled(enabled)
        if not enabled:
            self.history.disable()

    @property
    def contacts(self) -> ContactsScreen:
        """The Contacts screen (cards and editors open through it)."""
        return self.screens["contacts"]  # type: ignore[return-value]

    @property
    def contacts_view(self) -> ContactsView:
        """The Contacts screen's list."""
        return self.contacts.view

    # --- opening and closing ------------------------------------------------------------------

    def open_workspace(self, path: Path, how: str = "open", contacts: int = 300) -> None:
        """Open (or create: ``how`` = ``new`` / ``demo``) a workspace on the worker."""
        if self.isVisible() and not self._painted:
            # Loading the store imports SQLAlchemy on the worker; started before the first
            # paint, it competes for the GIL and delays the window (cold start goal: 1 s).
            self._after_first_paint.append(lambda: self.open_workspace(path, how, contacts))
            return
        previous = self._release_workspace()
        language = ui_language()  # a new workspace's pipeline and demo data, as on screen
        clock = self.clock

        def job() -> Workspace:
            # Imported here, on the worker: the services pull in SQLAlchemy.
            from desktop_crm.services.workspace import handle

            if previous is not None:
                previous.close()
            if how == "new":
                return handle.create_workspace(path, language, clock)
            if how == "demo":
                from desktop_crm.services.demo.demo_data import create_demo_workspace

                return create_demo_workspace(path, contacts, language=language)
            return handle.open_workspace(path, clock)

        self.statusBar().showMessage(fill(self.tr("Opening %1…"), str(path)))
        self.worker.submit(job, self._on_opened, self._on_open_failed)

    def _release_workspace(self) -> Workspace | None:
        previous, self.workspace = self.workspace, None
        self.reminders.stop()
        self.team_sync.stop()
        self._set_workspace_actions(False)
        for screen in self.screens.values():
            screen.set_workspace(None)
        return previous

    def _on_opened(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.settings.setValue("workspace/last", str(workspace.path))
        self.setWindowTitle(fill(self.tr("%1 — Desktop CRM"), workspace.path.stem))
        self.status.show_workspace(str(workspace.path))
        self._set_workspace_actions(True)
        self._backup_timer.start()
        for screen in self.screens.values():
            screen.set_workspace(workspace)
        self._load_status(ChangeResult(None))
        # The PDF renderer and its font load in the background once the screens are filled,
        # so the first quote printed does not wait a third of a second for them.
        self.worker.read(workspace.reads.printing.prepare, background=True)
        self.reminders.start(workspace)  # first check: "While you were away"
        self.team_sync.opened(workspace)  # joined to a hub: sync soon, then every 30 s
        self.calendar_keeper.opened()  # the calendar file kept, if one is
        self.workspaceOpened.emit(str(workspace.path))

    def _on_open_failed(self, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        self.openFailed.emit(exc)
        if not (offer_backup_of_damaged(self, exc) or offer_another_workspace(self, exc)):
            self.show_error(exc)

    def restore(self, path: Path, backup_file: Path) -> None:
        """Replace the workspace at ``path`` with ``backup_file`` (backed up first), reopen it."""
        ws = self._release_workspace()

        def job() -> Workspace:
            from desktop_crm.services.workspace.handle import open_workspace, restore_workspace

            if ws is not None:
                ws.close(backup_if_changed=False)  # restore takes its own backup first
            restore_workspace(path, backup_file)
            return open_workspace(path, self.clock)

        def done(workspace: Workspace) -> None:
            self._on_opened(workspace)
            self.statusBar().showMessage(self.tr("Backup restored."), 6000)

        self.worker.submit(job, done, self._on_open_failed)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Start deferred work once the window has been painted for the first time."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            for job in self._after_first_paint:
                QTimer.singleShot(0, job)
            self._after_first_paint.clear()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Back up and release the workspace on the worker before the window goes."""
        self.settings.setValue("window/geometry", self.saveGeometry())
        if not self._quitting and not self._closing and self.reminders.keeps_running():
            event.ignore()  # keep running in the tray: reminders still fire
            self.hide()
            return
        if self.workspace is None or self._closing:
            event.accept()
            self.reminders.shutdown()
            if self._quitting:  # a hidden window's close does not end the app by itself
                QApplication.quit()
            return
        # Back up and release the file on the worker, then close for real.
        event.ignore()
        self._closing = True
        self._backup_timer.stop()
        self.statusBar().showMessage(self.tr("Backing up and closing…"))
        workspace, self.workspace = self.workspace, None
        self.reminders.stop()
        self.team_sync.stop()
        backup = self.backup_on_close
        self.worker.submit(
            lambda: workspace.close(backup_if_changed=backup), self._closed, self._closed
        )

    def _closed(self, _result: object) -> None:
        self.close()

    def quit(self) -> None:
        """Quit for real (File > Quit, the tray's Quit), even if closing keeps it in the tray."""
        self._quitting = True
        self.close()

    def session_ending(self) -> None:
        """The user logs out or shuts down: closing ends the app rather than hiding it."""
        self._quitting = True

    def bring_up(self, key: str = "") -> None:
        """Show the window (from the tray, or minimised) in front, at the screen ``key``."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        if key:
            self.show_view(key)

    def open_follow_up(self, follow_up_id: str) -> None:
        """Show Today and the follow-up (a reminder's Open, a clicked notification)."""
        from ui.followups import open_follow_up  # the dialogs load when first used

        self.bring_up("today")
        if self.workspace is not None:
            open_follow_up(self, follow_up_id)

    def plan_follow_up(self) -> None:
        """Plan a follow-up from the tray's "Plan follow-up…": the window comes up first."""
        self.bring_up()
        if self.workspace is not None:
            self.plan_follow_up_here()

    def plan_follow_up_here(self) -> None:
        """Plan a follow-up for the card in front or the selected contacts (Ctrl+Shift+F)."""
        from ui.followups import follow_up_actions

        follow_up_actions(self).plan_here()

    def _hourly_backup(self) -> None:
        ws = self.workspace
        if ws is not None:
            self.worker.submit(lambda: ws.backups.backup_if_due(datetime.now(UTC)), background=True)

    # --- changes ------------------------------------------------------------------------------

    def mutate(self, fn: Callable[[Workspace], ChangeResult], done_message: str) -> None:
        """Run a change on the worker, then refresh what it changed."""
        ws = self.workspace
        if ws is None:
            return

        def done(result: ChangeResult) -> None:
            self.statusBar().showMessage(done_message, 4000)
            self.apply_changes(result)

        self.worker.submit(lambda: fn(ws), done, self.show_error)

    def apply_changes(self, changes: ChangeResult) -> None:
        """Refresh only the screens (and open cards) that show what ``changes`` touched."""
        if self.workspace is None:
            return
        for screen in self.screens.values():
            if screen.watching(changes):
                screen.changed(changes)
        refresh_deal_dialogs(self, changes)
        self._load_status(changes)
        self.reminders.refresh()  # the due count, and anything the change made due
        self.calendar_keeper.changed(changes)
        self.team_sync.changed(changes)  # a local change goes to the hub after a quiet moment

    def _load_status(self, changes: ChangeResult) -> None:
        ws = self.workspace
        if ws is None:
            return
        # On the reader, which sees what the writer committed: fresh after each change.
        if not changes.entities or changes.entities & COUNTED:
            self.worker.read(ws.reads.today.info, self.status.show_counts)
        self.history.refresh()

    # --- the sidebar --------------------------------------------------------------------------

    def current_view(self) -> str:
        """The key of the screen shown."""
        return self.sidebar.current_screen()

    def show_view(self, key: str) -> None:
        """Switch to the screen with ``key``."""
        self.sidebar.select(key)

    def _on_picked(self, key: str, child: str) -> None:
        screen = self.screens[key]
        self.stack.setCurrentWidget(screen)
        if child:
            screen.open_child(child)
        else:
            screen.shown()

    # --- cards and messages --------------------------------------------------------------------

    def open_card(self, kind: RecordKind, record_id: str) -> Any:
        """Show the card of a person or company (raising it if already open)."""
        return self.contacts.open_card(kind, record_id)

    def edit_contact(self, kind: RecordKind, record_id: str | None) -> Any:
        """Open the editor for a person or company (``None``: a new one)."""
        return self.contacts.edit_contact(kind, record_id)

    def show_error(self, exc: BaseException) -> None:
        """Tell the user what went wrong, in their language."""
        QMessageBox.warning(self, self.tr("Desktop CRM"), error_text(exc))
