"""The Contacts screen as the main window sees it, with the cards, editors and dialogs it opens."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu, QVBoxLayout

from ui.choices import record_kind
from ui.contacts.contacts_view import ContactsView
from ui.empty_state import wire_start_panel
from ui.screen import Screen
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.domain.choices import RecordKind
    from desktop_crm.services.common.dto import ChangeResult
    from desktop_crm.services.contact_lists.dto import SavedView
    from desktop_crm.services.search.dto import SearchHit
    from desktop_crm.services.workspace.handle import Workspace
    from ui.contacts.card_dialog import CardDialog
    from ui.progress_dialog import ProgressRun
    from ui.shell import Shell

LIST_TABLES = frozenset(
    {"people", "companies", "phones", "emails", "addresses", "tags", "taggings", "users"}
)
"""Tables whose rows the contact lists show."""
CARD_TABLES = LIST_TABLES | {
    "activities",
    "follow_ups",
    "custom_field_defs",
    "custom_field_values",
    "deals",
    "quotes",
    "contracts",
}
"""Tables whose rows a contact card shows."""


class ContactsScreen(Screen):
    """People and companies in lists; their cards, editors, duplicates and saved views."""

    key = "contacts"
    icon_name = "contacts"
    watches: ClassVar[frozenset[str]] = CARD_TABLES | {"settings"}

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = ContactsView(shell.worker, shell.settings, shell.mutate)
        layout.addWidget(self.view)
        self.cards: list[CardDialog] = []
        self.saved_views: list[SavedView] = []
        self._merge_dialog: Any = None
        self.view.openRequested.connect(self._open_requested)
        self.view.newRequested.connect(lambda kind: self.edit_contact(record_kind(kind), None))
        self.view.duplicatesRequested.connect(self.show_duplicates)
        self.view.exportRequested.connect(self.export_contacts)
        self.view.saveViewRequested.connect(self.save_view)
        self.view.mergeRequested.connect(self.merge_people)
        self.view.deleteRequested.connect(self._delete_requested)
        wire_start_panel(shell, self.view.start_panel)  # its add button asks the view for New
        table = self.view.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._row_menu)

    def title(self) -> str:
        """The screen's name."""
        return self.tr("Contacts")

    def set_workspace(self, workspace: Workspace | None) -> None:
        """List the opened workspace's contacts and saved views."""
        for card in list(self.cards):
            card.close()
        self.view.set_workspace(workspace)
        if workspace is not None:
            self._load_saved_views(workspace)

    def changed(self, changes: ChangeResult) -> None:
        """Reload the list, the open cards and the saved views as far as they changed."""
        everything = not changes.entities
        if everything or changes.entities & LIST_TABLES:
            self.view.refresh()
        if everything or changes.entities & CARD_TABLES:
            for card in self.cards:
                card.reload()
        ws = self.shell.workspace
        if ws is not None and (everything or "settings" in changes.entities):
            self._load_saved_views(ws)

    # --- saved views in the sidebar -------------------------------------------------------

    def _load_saved_views(self, ws: Workspace) -> None:
        self.shell.worker.read(ws.reads.saved_views.all, self._show_saved_views, background=True)

    def _show_saved_views(self, views: list[SavedView]) -> None:
        self.saved_views = views
        self.childrenChanged.emit([(view.name, view.name) for view in views])

    def open_child(self, key: str) -> None:
        """Show the saved view called ``key``."""
        view = next((v for v in self.saved_views if v.name == key), None)
        if view is not None:
            self.view.apply_view(view)

    def child_menu(self, key: str, menu: QMenu) -> None:
        """Offer to remove the saved view ``key``."""
        remove = menu.addAction(fill(self.tr("Remove view “%1”"), key))
        remove.triggered.connect(
            lambda: self.shell.mutate(
                lambda ws: ws.saved_views.remove(key), self.tr("View removed.")
            )
        )

    def save_view(self, view: SavedView) -> None:
        """Save the contact list's current filter, sort and columns under a name."""
        self.shell.mutate(
            lambda ws: ws.saved_views.save(view),
            fill(self.tr("View “%1” saved."), view.name),
        )

    # --- follow-ups from the list ----------------------------------------------------------

    def selected_contacts(self) -> list[SearchHit]:
        """The selected rows as contacts to plan follow-ups for (rows still loading left out)."""
        from desktop_crm.services.search.dto import SearchHit

        hits: list[SearchHit] = []
        for position in self.view.selected_rows():
            row = self.view.model.record(position)
            if row is not None:
                hits.append(SearchHit(record_kind(row.kind), row.id, row.name, row.company or ""))
        return hits

    def _row_menu(self, pos: QPoint) -> None:
        """The list's context menu: open the card, plan follow-ups for the selection."""
        from ui.followups import follow_up_actions

        table = self.view.table
        index = table.indexAt(pos)
        if not index.isValid():
            return
        if index.row() not in self.view.selected_rows():
            table.selectRow(index.row())
        selected = self.selected_contacts()
        menu = QMenu(table)
        open_card = menu.addAction(self.tr("Open card"))
        open_card.setEnabled(len(selected) == 1)
        open_card.triggered.connect(
            lambda: self.open_card(record_kind(selected[0].kind), selected[0].id)
        )
        plan = menu.addAction(
            self.tr("Plan follow-up…")
            if len(selected) <= 1
            else self.tr("Plan a follow-up for each of %n contacts…", "", len(selected))
        )
        plan.setShortcut("Ctrl+Shift+F")
        plan.setEnabled(bool(selected))
        plan.triggered.connect(lambda: follow_up_actions(self.shell).plan_for(selected))
        menu.exec(table.viewport().mapToGlobal(pos))

    # --- cards, editors and dialogs -------------------------------------------------------

    # Signals carry the kind as plain text: it is checked where it comes back from Qt.

    def _open_requested(self, kind: str, record_id: str) -> None:
        self.open_card(record_kind(kind), record_id)

    def _edit_requested(self, kind: str, record_id: str) -> None:
        self.edit_contact(record_kind(kind), record_id)

    def _delete_requested(self, kind: str, resolve: Any, count: int) -> None:
        self.delete_contacts(record_kind(kind), resolve, count)

    def open_card(self, kind: RecordKind, record_id: str) -> CardDialog | None:
        """Show the card of a person or company (raising it if already open)."""
        from ui.contacts.card_dialog import CardDialog

        ws = self.shell.workspace
        if ws is None:
            return None
        for card in self.cards:
            if card.record_id == record_id:
                card.raise_()
                card.activateWindow()
                return card
        card = CardDialog(self.shell.worker, ws, kind, record_id, self.shell.mutate, self.shell)
        card.openRequested.connect(self._open_requested)
        card.editRequested.connect(self._edit_requested)
        card.finished.connect(lambda _r, c=card: self.cards.remove(c))
        self.cards.append(card)
        card.show()
        return card

    def edit_contact(self, kind: RecordKind, record_id: str | None) -> Any:
        """Open the editor for a person or company (``None``: a new one)."""
        from ui.contacts.person_editor import PersonEditor

        ws = self.shell.workspace
        if ws is None:
            return None
        editor = PersonEditor(self.shell.worker, ws, record_id, self.shell, kind=kind)
        editor.saved.connect(lambda result: self._after_save(result, kind, record_id is None))
        editor.openRequested.connect(self._open_requested)
        editor.show()
        return editor

    def _after_save(self, result: ChangeResult, kind: RecordKind, created: bool) -> None:
        self.shell.show_status(self.tr("Saved."), 4000)
        self.shell.apply_changes(result)
        if created and result.ids:
            self.open_card(kind, result.ids[0])

    def show_duplicates(self) -> Any:
        """Open the duplicates screen."""
        from ui.contacts.duplicates_dialog import DuplicatesDialog

        ws = self.shell.workspace
        if ws is None:
            return None
        dialog = DuplicatesDialog(self.shell, ws)
        dialog.show()
        return dialog

    def merge_people(self, resolve: Any) -> None:
        """Open the merge dialog for the people a job resolves (the list's selection)."""
        from ui.contacts.duplicates_dialog import MergeDialog

        ws = self.shell.workspace
        if ws is None:
            return

        def open_dialog(ids: list[str]) -> None:
            dialog = MergeDialog(self.shell.worker, ws, ids, self.shell)
            dialog.mergeRequested.connect(
                lambda keep, others, choices: self.shell.mutate(
                    lambda w: w.duplicates.merge(keep, others, choices), self.tr("Merged.")
                )
            )
            dialog.show()
            self._merge_dialog = dialog

        self.shell.worker.submit(lambda: resolve(ws), open_dialog, self.shell.show_error)

    def delete_contacts(self, kind: RecordKind, resolve: Any, count: int) -> ProgressRun | None:
        """Delete the people or companies a job resolves, with progress and Cancel.

        Deleting 100,000 takes a while; a cancel leaves every one of them (one transaction).
        """
        from ui.progress_dialog import run_with_progress

        ws = self.shell.workspace
        if ws is None:
            return None

        def done(result: ChangeResult) -> None:
            self.shell.show_status(self.tr("Deleted."), 4000)
            self.shell.apply_changes(result)

        return run_with_progress(
            self.shell,
            self.tr("Delete contacts"),
            self.tr("Deleting %n contacts…", "", count),
            lambda token: ws.contacts.delete(kind, resolve(ws), progress=token),
            done,
        )

    def export_contacts(self, resolve: Any, count: int) -> None:
        """Ask where, then export these people (vCard, or the list as shown to a sheet)."""
        from ui.contacts.contact_export import choose_export

        choose_export(self.shell, self.view, resolve, count)
