"""The main window: sidebar, screens, menus, shortcuts, status bar, undo/redo, search."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QToolBar,
    QWidget,
)

from desktop_crm.domain.errors import CrmError
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.search.dto import SearchHit
from ui.contacts.contacts_view import ContactsView
from ui.messages import error_text
from ui.search_box import GlobalSearch
from ui.settings_dialog import SettingsDialog
from ui.shell import Shell
from ui.views.placeholder import PlaceholderView
from ui.views.today import TodayView
from ui.views.workspace_view import WorkspaceView
from ui.worker import DbWorker

if TYPE_CHECKING:  # the services (and SQLAlchemy) load on the worker, off the start path
    from desktop_crm.services.workspace.handle import Workspace

VIEWS = ("today", "contacts", "pipeline", "quotes", "contracts", "products", "reports", "settings")
BACKUP_CHECK_MS = 10 * 60 * 1000  # the hourly backup is checked every ten minutes


class MainWindow(Shell):
    """The application window. All database work goes through :attr:`worker`.

    Args:
        worker: The database worker.
        settings: Per-computer preferences (geometry, last workspace, language).

    Attributes:
        workspace: The open workspace, or ``None``; only jobs on the worker touch it.

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
        self.workspace: Workspace | None = None
        self._closing = False
        self._painted = False
        self._after_first_paint: list[Callable[[], None]] = []
        self.setWindowTitle(self.tr("Desktop CRM"))
        self.setMinimumSize(QSize(900, 560))
        self.worker.failed.connect(self.show_error)

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(170)
        self.stack = QStackedWidget()
        self.today_view = TodayView()
        self.contacts_view = ContactsView(worker, settings, self.mutate)
        self.contacts_view.searchFocused.connect(self.prepare_search)
        self.contacts_view.openRequested.connect(self.open_card)
        self.contacts_view.newRequested.connect(lambda kind: self.edit_contact(kind, None))
        self.contacts_view.duplicatesRequested.connect(self.show_duplicates)
        self.contacts_view.exportRequested.connect(self.export_contacts)
        self.contacts_view.saveViewRequested.connect(self.save_view)
        self.contacts_view.mergeRequested.connect(self.merge_people)
        self._cards: list[Any] = []
        self.settings_view = WorkspaceView()
        self.placeholders: dict[str, PlaceholderView] = {}
        titles = self._titles()
        descriptions = self._descriptions()
        icons = {
            "today": QStyle.StandardPixmap.SP_FileDialogDetailedView,
            "contacts": QStyle.StandardPixmap.SP_DirHomeIcon,
            "pipeline": QStyle.StandardPixmap.SP_ArrowRight,
            "quotes": QStyle.StandardPixmap.SP_FileIcon,
            "contracts": QStyle.StandardPixmap.SP_DialogSaveButton,
            "products": QStyle.StandardPixmap.SP_DriveHDIcon,
            "reports": QStyle.StandardPixmap.SP_FileDialogContentsView,
            "settings": QStyle.StandardPixmap.SP_FileDialogListView,
        }
        for name in VIEWS:
            item = QListWidgetItem(self.style().standardIcon(icons[name]), titles[name])
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.sidebar.addItem(item)
            if name == "today":
                widget: QWidget = self.today_view
            elif name == "contacts":
                widget = self.contacts_view
            elif name == "settings":
                widget = self.settings_view
            else:
                widget = self.placeholders.setdefault(
                    name, PlaceholderView(titles[name], descriptions[name])
                )
            self.stack.addWidget(widget)
        self.sidebar.currentRowChanged.connect(self._on_view_changed)
        self.sidebar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.sidebar.customContextMenuRequested.connect(self._sidebar_menu)
        self.saved_views: list[Any] = []

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.search = GlobalSearch()
        self.search.focused.connect(self.prepare_search)
        self.search.queryChanged.connect(self._run_search)
        self.search.hitChosen.connect(self._open_hit)
        toolbar = QToolBar(self.tr("Search"))
        toolbar.setObjectName("searchBar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.search)
        self.addToolBar(toolbar)

        self.status_path = QLabel()
        self.status_counts = QLabel()
        self.statusBar().addWidget(self.status_path, 1)
        self.statusBar().addPermanentWidget(self.status_counts)
        self.worker.busyChanged.connect(self._on_busy)

        self._build_menus(titles)
        self.settings_view.backupRequested.connect(self.backup_now)
        self.settings_view.restoreRequested.connect(self.restore_backup)
        self.settings_view.preferencesRequested.connect(self.open_settings)

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

    def _titles(self) -> dict[str, str]:
        return {
            "today": self.tr("Today"),
            "contacts": self.tr("Contacts"),
            "pipeline": self.tr("Pipeline"),
            "quotes": self.tr("Quotes"),
            "contracts": self.tr("Contracts"),
            "products": self.tr("Products"),
            "reports": self.tr("Reports"),
            "settings": self.tr("Settings"),
        }

    def _descriptions(self) -> dict[str, str]:
        return {
            "contacts": self.tr(
                "Companies and people with their phones, emails, tags, notes "
                "and a timeline of everything that happened."
            ),
            "pipeline": self.tr(
                "Deals moving through stages on a kanban board, with conversion and forecast."
            ),
            "quotes": self.tr("Quotes with product lines, discounts and tax, printed to PDF."),
            "contracts": self.tr("Contracts, payment plans and payments received."),
            "products": self.tr("The products and services you sell, with prices and tax."),
            "reports": self.tr("Sales, activity and follow-up reports; any list to Excel."),
        }

    def _build_menus(self, titles: dict[str, str]) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_action = self._action(
            self.tr("&New Workspace…"), self.new_workspace, QKeySequence.StandardKey.New
        )
        self.open_action = self._action(
            self.tr("&Open Workspace…"), self.choose_workspace, QKeySequence.StandardKey.Open
        )
        self.demo_action = self._action(self.tr("Open &Demo Workspace…"), self.new_demo)
        self.import_action = self._action(self.tr("&Import…"), self.choose_import, "Ctrl+I")
        self.export_menu = QMenu(self.tr("&Export"), self)
        lists = {
            "deals": self.tr("&Deals…"),
            "quotes": self.tr("&Quotes…"),
            "activities": self.tr("&Activities…"),
            "products": self.tr("&Products…"),
        }
        for entity, text in lists.items():
            self.export_menu.addAction(self._action(text, lambda e=entity: self.export_records(e)))
        self.export_menu.addSeparator()
        self.export_menu.addAction(
            self._action(self.tr("&Whole Workspace…"), self.export_whole_workspace)
        )
        self.template_menu = QMenu(self.tr("Import &Templates"), self)
        templates = {
            "people": self.tr("&People…"),
            "companies": self.tr("&Companies…"),
            "deals": self.tr("&Deals…"),
            "products": self.tr("P&roducts…"),
        }
        for entity, text in templates.items():
            self.template_menu.addAction(self._action(text, lambda e=entity: self.save_template(e)))
        self.backup_action = self._action(self.tr("&Back Up Now"), self.backup_now, "Ctrl+B")
        self.restore_action = self._action(self.tr("&Restore from Backup…"), self.choose_backup)
        quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        for action in (
            self.new_action,
            self.open_action,
            self.demo_action,
            None,
            self.import_action,
            self.export_menu,
            self.template_menu,
            None,
            self.backup_action,
            self.restore_action,
            None,
            quit_action,
        ):
            if action is None:
                file_menu.addSeparator()
            elif isinstance(action, QMenu):
                file_menu.addMenu(action)
            else:
                file_menu.addAction(action)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(self.tr("&Undo"), self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(self.tr("&Redo"), self.redo, "Ctrl+Shift+Z")
        self.search_action = self._action(self.tr("&Search…"), self.focus_search, "Ctrl+K")
        self.settings_action = self._action(
            self.tr("Se&ttings…"), self.open_settings, QKeySequence.StandardKey.Preferences
        )
        if self.settings_action.shortcut().isEmpty():
            self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        for action in (
            self.undo_action,
            self.redo_action,
            None,
            self.search_action,
            self.settings_action,
        ):
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)

        view_menu = bar.addMenu(self.tr("&View"))
        for index, name in enumerate(VIEWS):
            view_menu.addAction(
                self._action(titles[name], lambda n=name: self.show_view(n), f"Ctrl+{index + 1}")
            )
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About Desktop CRM"), self._about))

    def _action(self, text: str, slot: Callable[[], Any], shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _set_workspace_actions(self, enabled: bool) -> None:
        self.export_menu.setEnabled(enabled)
        for action in (
            self.import_action,
            self.backup_action,
            self.restore_action,
            self.search_action,
            self.settings_action,
        ):
            action.setEnabled(enabled)
        self.search.setEnabled(enabled)
        if not enabled:
            self.undo_action.setEnabled(False)
            self.redo_action.setEnabled(False)

    # --- opening and closing ------------------------------------------------------------------

    def open_workspace(self, path: Path, how: str = "open", contacts: int = 300) -> None:
        """Open (or create: ``how`` = ``new`` / ``demo``) a workspace on the worker."""
        if self.isVisible() and not self._painted:
            # Loading the store imports SQLAlchemy on the worker; started before the first
            # paint, it competes for the GIL and delays the window (cold start goal: 1 s).
            self._after_first_paint.append(lambda: self.open_workspace(path, how, contacts))
            return
        previous = self.workspace
        self.workspace = None
        self._set_workspace_actions(False)
        language = "zh" if self.settings.value("ui/language", "") == "zh_CN" else "en"

        def job() -> Workspace:
            # Imported here, on the worker: the services pull in SQLAlchemy.
            from desktop_crm.services.workspace import handle as ws_service

            if previous is not None:
                previous.close()
            if how == "new":
                return ws_service.create_workspace(path, language)
            if how == "demo":
                from desktop_crm.services.demo.demo_data import create_demo_workspace

                return create_demo_workspace(path, contacts, language="zh")
            return ws_service.open_workspace(path)

        self.statusBar().showMessage(self.tr("Opening %1…").replace("%1", str(path)))
        self.worker.submit(job, self._on_opened, self._on_open_failed)

    def _on_opened(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.settings.setValue("workspace/last", str(workspace.path))
        self.setWindowTitle(self.tr("%1 — Desktop CRM").replace("%1", workspace.path.stem))
        self.status_path.setText(str(workspace.path))
        self.settings_view.show_workspace(str(workspace.path))
        self.statusBar().clearMessage()
        self._set_workspace_actions(True)
        self._backup_timer.start()
        self.contacts_view.set_workspace(workspace)
        self.refresh()
        self.workspaceOpened.emit(str(workspace.path))

    def _on_open_failed(self, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        self.openFailed.emit(exc)
        if (
            isinstance(exc, CrmError)
            and exc.code == "workspace.damaged"
            and exc.params.get("backup")
        ):
            answer = QMessageBox.question(
                self,
                self.tr("Damaged workspace"),
                error_text(exc)
                + "\n\n"
                + self.tr(
                    "Restore the newest good backup? The damaged file is kept beside it, renamed."
                ),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._restore(Path(exc.params["path"]), Path(exc.params["backup"]))
            return
        self.show_error(exc)

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
        if self.workspace is None or self._closing:
            event.accept()
            return
        # Back up and release the file on the worker, then close for real.
        event.ignore()
        self._closing = True
        self._backup_timer.stop()
        self.statusBar().showMessage(self.tr("Backing up and closing…"))
        workspace, self.workspace = self.workspace, None
        self.worker.submit(workspace.close, lambda _r: self.close(), lambda _e: self.close())

    # --- refreshing ---------------------------------------------------------------------------

    def refresh(self, changed: ChangeResult | None = None) -> None:
        """Reload what the screens and actions show (after opening or any change)."""
        ws = self.workspace
        if ws is None:
            return
        if changed is not None:
            self.contacts_view.refresh()
            for card in self._cards:
                card.reload()
        today = date.today()
        self.worker.submit(lambda: ws.today.summary(today), self.today_view.show_summary)
        self.worker.submit(ws.today.info, self._show_info)
        self._load_saved_views()
        self.worker.submit(
            lambda: (ws.history.next_undo(), ws.history.next_redo()), self._show_undo_state
        )
        if self.current_view() == "settings":
            self._load_settings_view()

    def _load_settings_view(self) -> None:
        ws = self.workspace
        if ws is not None:
            self.worker.submit(ws.backups.list, self.settings_view.show_backups)
            self.worker.submit(lambda: ws.history.recent(100), self.settings_view.show_history)

    def _show_info(self, info: Any) -> None:
        self.status_counts.setText(
            self.tr("%1 people · %2 companies · %3 open deals")
            .replace("%1", f"{info.people:,}")
            .replace("%2", f"{info.companies:,}")
            .replace("%3", f"{info.open_deals:,}")
        )
        self.placeholders["pipeline"].set_figures(
            self.tr("%1 open deals.").replace("%1", f"{info.open_deals:,}")
        )
        self.placeholders["quotes"].set_figures(
            self.tr("%1 quotes.").replace("%1", f"{info.quotes:,}")
        )
        self.placeholders["products"].set_figures(
            self.tr("%1 products.").replace("%1", f"{info.products:,}")
        )

    def _show_undo_state(self, state: tuple[Any, Any]) -> None:
        undo, redo = state
        self.undo_action.setEnabled(undo is not None)
        self.redo_action.setEnabled(redo is not None)
        self.undo_action.setText(
            self.tr("&Undo %1").replace("%1", undo.label) if undo else self.tr("&Undo")
        )
        self.redo_action.setText(
            self.tr("&Redo %1").replace("%1", redo.label) if redo else self.tr("&Redo")
        )

    def _on_busy(self, busy: bool) -> None:
        if busy:
            self.statusBar().showMessage(self.tr("Working…"))
        elif self.statusBar().currentMessage() == self.tr("Working…"):
            self.statusBar().clearMessage()

    # --- commands -----------------------------------------------------------------------------

    def _sidebar_key(self, row: int) -> str:
        item = self.sidebar.item(max(row, 0))
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else "today"

    def current_view(self) -> str:
        """The name of the screen shown (a saved view counts as ``contacts``)."""
        key = self._sidebar_key(self.sidebar.currentRow())
        return "contacts" if key.startswith("saved:") else key

    def show_view(self, name: str) -> None:
        """Switch to the screen called ``name`` (one of :data:`VIEWS`)."""
        for row in range(self.sidebar.count()):
            if self._sidebar_key(row) == name:
                self.sidebar.setCurrentRow(row)
                return

    def _on_view_changed(self, row: int) -> None:
        key = self._sidebar_key(row)
        if key.startswith("saved:"):
            self.stack.setCurrentWidget(self.contacts_view)
            name = key.split(":", 1)[1]
            view = next((v for v in self.saved_views if v.name == name), None)
            if view is not None:
                self.contacts_view.apply_view(view)
            return
        self.stack.setCurrentIndex(VIEWS.index(key))
        if key == "settings":
            self._load_settings_view()

    def _load_saved_views(self) -> None:
        ws = self.workspace
        if ws is not None:
            self.worker.submit(ws.saved_views.all, self._show_saved_views, background=True)

    def _show_saved_views(self, views: list[Any]) -> None:
        """List saved views under Contacts in the sidebar."""
        current = self._sidebar_key(self.sidebar.currentRow())
        self.saved_views = views
        self.sidebar.blockSignals(True)
        for row in reversed(range(self.sidebar.count())):
            if self._sidebar_key(row).startswith("saved:"):
                self.sidebar.takeItem(row)
        at = VIEWS.index("contacts") + 1
        for offset, view in enumerate(views):
            item = QListWidgetItem("    " + view.name)
            item.setData(Qt.ItemDataRole.UserRole, f"saved:{view.name}")
            item.setToolTip(self.tr("Saved view"))
            self.sidebar.insertItem(at + offset, item)
        for row in range(self.sidebar.count()):
            if self._sidebar_key(row) == current:
                self.sidebar.setCurrentRow(row)
        self.sidebar.blockSignals(False)

    def save_view(self, view: Any) -> None:
        """Save the contact list's current filter, sort and columns under a name."""
        self.mutate(
            lambda ws: ws.saved_views.save(view),
            self.tr("View “%1” saved.").replace("%1", view.name),
        )

    def _sidebar_menu(self, pos: Any) -> None:
        item = self.sidebar.itemAt(pos)
        key = str(item.data(Qt.ItemDataRole.UserRole)) if item else ""
        if not key.startswith("saved:"):
            return
        name = key.split(":", 1)[1]
        menu = QMenu(self)
        remove = menu.addAction(self.tr("Remove view “%1”").replace("%1", name))
        remove.triggered.connect(
            lambda: self.mutate(lambda ws: ws.saved_views.remove(name), self.tr("View removed."))
        )
        menu.popup(self.sidebar.mapToGlobal(pos))

    def undo(self) -> None:
        """Undo the newest operation (Ctrl+Z)."""
        self.mutate(lambda ws: ws.history.undo(), self.tr("Undone."))

    def redo(self) -> None:
        """Redo the operation undone last (Ctrl+Shift+Z)."""
        self.mutate(lambda ws: ws.history.redo(), self.tr("Redone."))

    def mutate(self, fn: Callable[[Workspace], ChangeResult], done_message: str) -> None:
        """Run a change on the worker, then refresh what it changed."""
        ws = self.workspace
        if ws is None:
            return

        def done(result: ChangeResult) -> None:
            self.statusBar().showMessage(done_message, 4000)
            self.refresh(result)

        self.worker.submit(lambda: fn(ws), done, self.show_error)

    def prepare_search(self) -> None:
        """Load what short search queries need, in the background, once a box is focused.

        Not at start: it costs memory the user may never need.
        """
        ws = self.workspace
        if ws is not None:
            self.worker.submit(ws.search.prepare, background=True)

    def focus_search(self) -> None:
        """Put the cursor in the global search box (Ctrl+K)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _run_search(self, query: str) -> None:
        ws = self.workspace
        if ws is not None:
            self.worker.submit(
                lambda: ws.search.global_search(query, 20),
                lambda hits: self.search.show_hits(query, hits),
            )

    def _open_hit(self, hit: SearchHit) -> None:
        if hit.kind in ("person", "company"):
            self.open_card(hit.kind, hit.id)
            return
        self.show_view("pipeline" if hit.kind == "deal" else "quotes")
        self.statusBar().showMessage(hit.title, 5000)

    def open_card(self, kind: str, record_id: str) -> Any:
        """Show the card of a person or company (raising it if already open)."""
        from ui.contacts.card_dialog import CardDialog

        ws = self.workspace
        if ws is None:
            return None
        for card in self._cards:
            if card.record_id == record_id:
                card.raise_()
                card.activateWindow()
                return card
        card = CardDialog(self.worker, ws, kind, record_id, self.mutate, self)
        card.openRequested.connect(self.open_card)
        card.editRequested.connect(self.edit_contact)
        card.finished.connect(lambda _r, c=card: self._cards.remove(c))
        self._cards.append(card)
        card.show()
        return card

    def choose_import(self) -> None:
        """Ask for a file and import it (File > Import…)."""
        from ui.contacts.import_export import choose_import

        choose_import(self)

    def apply_changes(self, changes: ChangeResult) -> None:
        """Refresh what ``changes`` touched."""
        self.refresh(changes)

    def export_records(self, entity: str) -> None:
        """Ask where, then export every deal, quote, activity or product (File > Export)."""
        from ui.contacts.import_export import choose_record_export

        choose_record_export(self, entity)

    def export_whole_workspace(self) -> None:
        """Ask where, then write every table of the workspace to one workbook."""
        from ui.contacts.import_export import choose_workspace_export

        choose_workspace_export(self)

    def save_template(self, entity: str) -> None:
        """Ask where, then write an import template (File > Import Templates)."""
        from ui.contacts.import_export import choose_template

        choose_template(self, entity)

    def export_contacts(self, resolve: Any, count: int) -> None:
        """Ask where, then export these people as vCard."""
        from ui.contacts.import_export import choose_export

        choose_export(self, self.contacts_view, resolve, count)

    def merge_people(self, resolve: Any) -> None:
        """Open the merge dialog for the people a job resolves (the list's selection)."""
        from ui.contacts.duplicates_dialog import MergeDialog

        ws = self.workspace
        if ws is None:
            return

        def open_dialog(ids: list[str]) -> None:
            dialog = MergeDialog(self.worker, ws, ids, self)
            dialog.mergeRequested.connect(
                lambda keep, others, choices: self.mutate(
                    lambda w: w.duplicates.merge(keep, others, choices), self.tr("Merged.")
                )
            )
            dialog.show()
            self._merge_dialog = dialog

        self.worker.submit(lambda: resolve(ws), open_dialog, self.show_error)

    def show_duplicates(self) -> Any:
        """Open the duplicates screen."""
        from ui.contacts.duplicates_dialog import DuplicatesDialog

        ws = self.workspace
        if ws is None:
            return None
        dialog = DuplicatesDialog(self.worker, ws, self.mutate, self)
        dialog.show()
        return dialog

    def edit_person(self, person_id: str | None) -> Any:
        """Open the person editor (``None``: a new person)."""
        return self.edit_contact("person", person_id)

    def edit_contact(self, kind: str, record_id: str | None) -> Any:
        """Open the editor for a person or company (``None``: a new one)."""
        from ui.contacts.person_editor import PersonEditor

        ws = self.workspace
        if ws is None:
            return None
        editor = PersonEditor(self.worker, ws, record_id, self, kind=kind)
        editor.saved.connect(lambda result: self._after_save(result, kind, record_id is None))
        editor.openRequested.connect(self.open_card)
        editor.show()
        return editor

    def _after_save(self, result: ChangeResult, kind: str, created: bool) -> None:
        self.statusBar().showMessage(self.tr("Saved."), 4000)
        self.refresh(result)
        if created and result.ids:
            self.open_card(kind, result.ids[0])

    def backup_now(self) -> None:
        """Take a verified backup on the worker."""
        ws = self.workspace
        if ws is None:
            return

        def done(info: Any) -> None:
            self.statusBar().showMessage(
                self.tr("Backup saved: %1").replace("%1", info.path.name), 6000
            )
            if self.current_view() == "settings":
                self._load_settings_view()

        self.worker.submit(lambda: ws.backups.backup_now("manual"), done, self.show_error)

    def _hourly_backup(self) -> None:
        ws = self.workspace
        if ws is not None:
            self.worker.submit(lambda: ws.backups.backup_if_due(datetime.now(UTC)), background=True)

    def choose_backup(self) -> None:
        """Pick a backup file and restore it."""
        if self.workspace is None:
            return
        folder = self.workspace.path.with_name(self.workspace.path.stem + "-backups")
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from Backup"),
            str(folder),
            self.tr("Desktop CRM backups (*.crmbak);;All files (*)"),
        )
        if name:
            self.restore_backup(name)

    def restore_backup(self, backup_path: str) -> None:
        """Ask, then replace the open workspace with ``backup_path`` (after backing it up)."""
        if self.workspace is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore backup"),
            self.tr(
                "Replace the current data with the backup %1? The current data is backed "
                "up first, so this can be reversed."
            ).replace("%1", Path(backup_path).name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._restore(self.workspace.path, Path(backup_path))

    def _restore(self, path: Path, backup_file: Path) -> None:
        ws, self.workspace = self.workspace, None
        self._set_workspace_actions(False)

        def job() -> Workspace:
            from desktop_crm.services.workspace.handle import open_workspace, restore_workspace

            if ws is not None:
                ws.close(backup_if_changed=False)  # restore takes its own backup first
            restore_workspace(path, backup_file)
            return open_workspace(path)

        def done(workspace: Workspace) -> None:
            self._on_opened(workspace)
            self.statusBar().showMessage(self.tr("Backup restored."), 6000)

        self.worker.submit(job, done, self._on_open_failed)

    def open_settings(self) -> None:
        """Show the settings dialog and save what changed."""
        ws = self.workspace
        if ws is None:
            return
        self.worker.submit(ws.settings.all, self._show_settings_dialog, self.show_error)

    def _show_settings_dialog(self, values: dict[str, Any]) -> None:
        ws = self.workspace
        dialog = SettingsDialog(values, str(self.settings.value("ui/language", "")), self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted or ws is None:
            return
        self.settings.setValue("ui/language", dialog.language())
        changed = dialog.workspace_values()
        if changed:
            self.mutate(lambda w: w.settings.update(changed), self.tr("Settings saved."))

    def new_workspace(self) -> None:
        """Ask for a file name and create an empty workspace there."""
        self._create_as(self.tr("New Workspace"), "workspace.crm", "new")

    def new_demo(self) -> None:
        """Ask for a file name and create a demo workspace there."""
        self._create_as(self.tr("Demo Workspace"), "demo.crm", "demo")

    def _create_as(self, title: str, suggested: str, how: str) -> None:
        name, _f = QFileDialog.getSaveFileName(
            self, title, str(Path.home() / suggested), self.tr("Desktop CRM workspaces (*.crm)")
        )
        if name:
            self.open_workspace(Path(name), how)

    def choose_workspace(self) -> None:
        """Ask for a workspace file and open it."""
        name, _f = QFileDialog.getOpenFileName(
            self,
            self.tr("Open Workspace"),
            str(Path.home()),
            self.tr("Desktop CRM workspaces (*.crm);;All files (*)"),
        )
        if name:
            self.open_workspace(Path(name))

    def show_error(self, exc: BaseException) -> None:
        """Tell the user what went wrong, in their language."""
        QMessageBox.warning(self, self.tr("Desktop CRM"), error_text(exc))

    def _about(self) -> None:
        from desktop_crm import __version__

        QMessageBox.about(
            self,
            self.tr("About Desktop CRM"),
            self.tr("Desktop CRM %1\nAn offline-first CRM for small teams.").replace(
                "%1", __version__
            ),
        )
