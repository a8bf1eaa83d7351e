"""The Contacts screen: people or companies, filtered, sorted, selected and acted on."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from desktop_crm.domain.choices import BulkField, RecordKind
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.contact_lists.dto import (
    COLUMNS,
    ContactFilter,
    ContactRow,
    Facets,
    SavedView,
)
from ui.choices import record_kind
from ui.contacts.labels import Mutation, status_labels
from ui.contacts.list_model import ContactTableModel
from ui.empty_state import NoMatchPanel, StartPanel
from ui.list_table import filter_edit, list_header, list_table
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker


class ContactsView(QWidget):
    """Lists of people and companies with a filter bar and bulk actions.

    Args:
        worker: Where database work runs.
        settings: Per-computer preferences (the chosen columns).
        mutate: Runs a change on the worker, then refreshes the window.

    Signals:
        openRequested(str, str): Show the card of (kind, id).
        searchFocused: The filter box got the focus (time to load the search keys).
        newRequested(str): The user asked for a new person or company.
        duplicatesRequested: The user asked for the duplicates screen.
        exportRequested(object, int): Export people: a job resolving their ids, and how many.
        saveViewRequested(object): Save the current list as a named :class:`SavedView`.
        mergeRequested(object): Merge the selected people (a job resolving their ids).
        deleteRequested(str, object, int): Delete the selected people or companies (their kind,
            a job resolving their ids, and how many), with progress.
    """

    openRequested = Signal(str, str)
    searchFocused = Signal()
    newRequested = Signal(str)
    duplicatesRequested = Signal()
    exportRequested = Signal(object, int)
    saveViewRequested = Signal(object)
    mergeRequested = Signal(object)
    deleteRequested = Signal(str, object, int)

    def __init__(self, worker: DbWorker, settings: QSettings, mutate: Mutation) -> None:
        super().__init__()
        self._worker = worker
        self._settings = settings
        self._mutate = mutate
        self._workspace: Workspace | None = None
        self.statuses = status_labels()
        self.headers = {
            "name": self.tr("Name"),
            "number": self.tr("No."),
            "company": self.tr("Company"),
            "title": self.tr("Title"),
            "phone": self.tr("Phone"),
            "email": self.tr("Email"),
            "city": self.tr("City"),
            "tags": self.tr("Tags"),
            "status": self.tr("Status"),
            "level": self.tr("Level"),
            "owner": self.tr("Owner"),
            "source": self.tr("Source"),
            "created_at": self.tr("Created"),
            "last_contacted_at": self.tr("Last contact"),
        }
        self.model = ContactTableModel(worker, self.headers, self.display)
        self.model.loaded.connect(self._on_loaded)

        layout, top = list_header(self, self.tr("Contacts"))
        self.kind_box = QComboBox()
        self.kind_box.addItem(self.tr("People"), "person")
        self.kind_box.addItem(self.tr("Companies"), "company")
        top.addWidget(self.kind_box)
        self.search = filter_edit(self.tr("Filter by name, pinyin, phone, email, tag…"))
        self.search.installEventFilter(self)
        top.addWidget(self.search, 1)
        self.count_label = QLabel()
        top.addWidget(self.count_label)
        self.new_button = QPushButton(self.tr("New…"))
        self.new_button.setToolTip(self.tr("A new person or company, as the list shows"))
        self.new_button.clicked.connect(lambda: self.newRequested.emit(self.current_kind()))
        top.addWidget(self.new_button)
        self.duplicates_button = QPushButton(self.tr("Duplicates…"))
        self.duplicates_button.clicked.connect(self.duplicatesRequested)
        top.addWidget(self.duplicates_button)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Export the selected people, or the whole list"))
        self.export_button.clicked.connect(self.export)
        top.addWidget(self.export_button)
        layout.addLayout(top)

        filters = QHBoxLayout()
        self.status_box = self._combo(self.tr("Any status"), list(self.statuses.items()))
        self.level_box = self._combo(self.tr("Any level"), [(v, v) for v in "ABC"])
        self.tag_box = self._combo(self.tr("Any tag"), [])
        self.city_box = self._combo(self.tr("Any city"), [])
        self.source_box = self._combo(self.tr("Any source"), [])
        self.owner_box = self._combo(self.tr("Any owner"), [])
        self.created_box = self._combo(
            self.tr("Any time"),
            [
                ("7", self.tr("Added in the last 7 days")),
                ("30", self.tr("Added in the last 30 days")),
                ("365", self.tr("Added in the last year")),
            ],
        )
        self.filter_boxes = (
            self.status_box,
            self.level_box,
            self.tag_box,
            self.city_box,
            self.source_box,
            self.owner_box,
            self.created_box,
        )
        for box in self.filter_boxes:
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            filters.addWidget(box)
        self.quiet_check = QCheckBox(self.tr("Quiet for"))
        self.quiet_check.setToolTip(self.tr("Only contacts nobody has contacted for this long"))
        self.quiet_days = QSpinBox()
        self.quiet_days.setRange(1, 3650)
        self.quiet_days.setValue(30)
        self.quiet_days.setSuffix(self.tr(" days"))
        filters.addWidget(self.quiet_check)
        filters.addWidget(self.quiet_days)
        save_view = QPushButton(self.tr("Save view…"))
        save_view.setToolTip(self.tr("Keep these filters, sort and columns in the sidebar"))
        save_view.clicked.connect(self._ask_save_view)
        filters.addWidget(save_view)
        clear = QPushButton(self.tr("Clear"))
        clear.setToolTip(self.tr("Clear all filters"))
        clear.clicked.connect(self.clear_filters)
        filters.addWidget(clear)
        filters.addStretch(1)
        layout.addLayout(filters)

        self.bulk_bar = QWidget()
        bulk = QHBoxLayout(self.bulk_bar)
        bulk.setContentsMargins(0, 0, 0, 0)
        self.selection_label = QLabel()
        bulk.addWidget(self.selection_label)
        self.tag_button = QPushButton(self.tr("Tag…"))
        self.tag_button.clicked.connect(self._bulk_tag)
        bulk.addWidget(self.tag_button)
        self.status_button = self._menu_button(
            self.tr("Set status"), list(self.statuses.items()), "status"
        )
        self.level_button = self._menu_button(
            self.tr("Set level"), [(v, v) for v in "ABC"], "level"
        )
        self.owner_button = self._menu_button(self.tr("Assign owner"), [], "owner_id")
        for button in (self.status_button, self.level_button, self.owner_button):
            bulk.addWidget(button)
        self.merge_button = QPushButton(self.tr("Merge…"))
        self.merge_button.setToolTip(self.tr("Merge the selected people into one"))
        self.merge_button.clicked.connect(
            lambda: self.mergeRequested.emit(self.model.resolver(self.selected_rows()))
        )
        bulk.addWidget(self.merge_button)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self._bulk_delete)
        bulk.addWidget(self.delete_button)
        bulk.addStretch(1)
        layout.addWidget(self.bulk_bar)
        # The bar keeps its room while hidden: rows never move when a click selects one, so
        # the second click of a double-click lands on the row the first one did.
        policy = self.bulk_bar.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.bulk_bar.setSizePolicy(policy)
        self.bulk_bar.hide()

        self.table = list_table(self.model, multi=True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._choose_columns)
        self.table.doubleClicked.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        # An empty workspace shows how to start; a filter that matches nothing says so.
        self.start_panel = StartPanel()
        self.start_panel.addRequested.connect(lambda: self.newRequested.emit(self.current_kind()))
        self.no_match = NoMatchPanel()
        self.no_match.clearRequested.connect(self.clear_filters)
        self.body = QStackedWidget()
        for widget in (self.table, self.start_panel, self.no_match):
            self.body.addWidget(widget)
        layout.addWidget(self.body, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        for box in (self.kind_box, *self.filter_boxes):
            box.currentIndexChanged.connect(self._on_filter_changed)
        self.quiet_check.toggled.connect(self._on_filter_changed)
        self.quiet_days.valueChanged.connect(self._on_quiet_days_changed)
        self._load_columns()

    # --- wiring -------------------------------------------------------------------------------

    def eventFilter(self, watched: Any, event: Any) -> bool:
        """Tell when the filter box is focused."""
        if watched is self.search and event.type() == event.Type.FocusIn:
            self.searchFocused.emit()
        return super().eventFilter(watched, event)

    def _combo(self, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox()
        box.addItem(everything, None)
        for value, text in items:
            box.addItem(text, value)
        return box

    def _menu_button(
        self, text: str, items: list[tuple[str, str]], field: BulkField
    ) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        button.setMenu(menu)
        self._fill_menu(menu, items, field)
        return button

    def _fill_menu(self, menu: QMenu, items: list[tuple[str, str]], field: BulkField) -> None:
        menu.clear()
        for value, text in items:
            action = menu.addAction(text)
            action.triggered.connect(lambda _c=False, v=value, t=text: self._bulk_set(field, v, t))

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Show the lists of ``workspace``."""
        self._workspace = workspace
        self.body.setCurrentWidget(self.table)
        self.model.set_workspace(workspace)
        self.refresh_facets()

    def refresh(self) -> None:
        """Reload after a change elsewhere."""
        self.model.reload()
        self.refresh_facets()

    def refresh_facets(self) -> None:
        """Reload the values the filter combos offer."""
        ws = self._workspace
        if ws is not None:
            kind = self.current_kind()
            self._worker.read(
                lambda: ws.reads.contact_list.facets(kind), self._show_facets, background=True
            )

    def _show_facets(self, facets: Facets) -> None:
        for box, values in (
            (self.tag_box, [(t, t) for t in facets.tags]),
            (self.city_box, [(c, c) for c in facets.cities]),
            (self.source_box, [(s, s) for s in facets.sources]),
            (self.owner_box, list(facets.owners)),
        ):
            current = box.currentData()
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            for value, text in values:
                box.addItem(text, value)
            box.setCurrentIndex(max(0, box.findData(current)) if current else 0)
            box.blockSignals(False)
        self._fill_menu(self.owner_button.menu(), list(facets.owners), "owner_id")
        # Until the team shares the workspace there is one owner: no need to filter by it.
        self.owner_box.setVisible(len(facets.owners) > 1)
        self.owner_button.setVisible(len(facets.owners) > 1)

    # --- filters ------------------------------------------------------------------------------

    def current_kind(self) -> RecordKind:
        """``person`` or ``company``."""
        return record_kind(self.kind_box.currentData())

    def current_filter(self) -> ContactFilter:
        """The filter the bar describes."""
        created = self.created_box.currentData()
        return ContactFilter(
            kind=self.current_kind(),
            text=self.search.text().strip(),
            status=self.status_box.currentData(),
            level=self.level_box.currentData(),
            tag=self.tag_box.currentData(),
            owner_id=self.owner_box.currentData(),
            city=self.city_box.currentData(),
            source=self.source_box.currentData(),
            created_from=date.today() - timedelta(days=int(created)) if created else None,
            not_contacted_days=self.quiet_days.value() if self.quiet_check.isChecked() else None,
        )

    def apply_filters(self) -> None:
        """Show what the filter bar describes."""
        self.model.set_filter(self.current_filter())

    def _on_quiet_days_changed(self, _days: int) -> None:
        if self.quiet_check.isChecked():
            self._on_filter_changed()

    def _on_filter_changed(self, *_args: Any) -> None:
        if self.sender() is self.kind_box:
            self._load_columns()
            self.refresh_facets()
        self.apply_filters()

    def current_state(self, name: str) -> SavedView:
        """The list as it is now, as a view called ``name``."""
        return SavedView(
            name,
            self.current_filter(),
            self.model.sort_key,
            self.model.descending,
            tuple(self.model.columns),
        )

    def _ask_save_view(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save view"), self.tr("Name:"))
        if ok and name.strip():
            self.saveViewRequested.emit(self.current_state(name.strip()))

    def apply_view(self, view: SavedView) -> None:
        """Show the list as ``view`` describes."""
        flt = view.filter
        widgets = [
            self.kind_box,
            *self.filter_boxes,
            self.quiet_check,
            self.quiet_days,
            self.search,
        ]
        for widget in widgets:
            widget.blockSignals(True)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(flt.kind)))
        for box, value in (
            (self.status_box, flt.status),
            (self.level_box, flt.level),
            (self.tag_box, flt.tag),
            (self.city_box, flt.city),
            (self.source_box, flt.source),
            (self.owner_box, flt.owner_id),
        ):
            index = box.findData(value) if value else 0
            if index < 0:  # not offered yet (facets still loading): offer it
                box.addItem(str(value), value)
                index = box.count() - 1
            box.setCurrentIndex(index)
        days = (date.today() - flt.created_from).days if flt.created_from else None
        self.created_box.setCurrentIndex(
            max(0, self.created_box.findData(str(days))) if days is not None else 0
        )
        self.quiet_check.setChecked(flt.not_contacted_days is not None)
        if flt.not_contacted_days is not None:
            self.quiet_days.setValue(flt.not_contacted_days)
        self.search.setText(flt.text)
        for widget in widgets:
            widget.blockSignals(False)
        if view.columns:
            self.model.set_columns(list(view.columns))
            self._size_columns()
        self.model.sort_key, self.model.descending = view.sort, view.descending
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        if view.sort in self.model.columns:
            header.setSortIndicator(
                self.model.columns.index(view.sort),
                Qt.SortOrder.DescendingOrder if view.descending else Qt.SortOrder.AscendingOrder,
            )
        header.blockSignals(False)
        self.model.set_filter(flt)

    def clear_filters(self) -> None:
        """Show everyone again."""
        for box in self.filter_boxes:
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.quiet_check.blockSignals(True)
        self.quiet_check.setChecked(False)
        self.quiet_check.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply_filters()

    def _on_loaded(self, count: int) -> None:
        if self.current_kind() == "person":
            self.count_label.setText(self.tr("%Ln people", "", count))
        else:
            self.count_label.setText(self.tr("%Ln companies", "", count))
        self._show_body(count)
        self._on_selection()

    def _show_body(self, count: int) -> None:
        """The list; or, when it is empty, how to start or how to see everyone again."""
        if self._workspace is None:
            return  # nothing open (set_workspace shows the table)
        if count:
            self.body.setCurrentWidget(self.table)
        elif self.current_filter() == ContactFilter(kind=self.current_kind()):
            self.start_panel.show_kind(self.current_kind())
            self.body.setCurrentWidget(self.start_panel)
        else:
            self.body.setCurrentWidget(self.no_match)

    # --- columns ------------------------------------------------------------------------------

    def _columns_key(self) -> str:
        return f"contacts/columns/{self.current_kind()}"

    def _load_columns(self) -> None:
        saved = self._settings.value(self._columns_key())
        if isinstance(saved, str):
            saved = saved.split(",")
        default = (
            ["name", "company", "title", "phone", "email", "city", "status", "last_contacted_at"]
            if self.current_kind() == "person"
            else [
                "name",
                "company",
                "phone",
                "email",
                "city",
                "status",
                "level",
                "last_contacted_at",
            ]
        )
        self.model.set_columns(list(saved) if saved else default)
        self._size_columns()

    def _size_columns(self) -> None:
        widths = {
            "name": 150,
            "company": 200,
            "title": 120,
            "phone": 140,
            "email": 200,
            "city": 80,
            "status": 80,
            "level": 50,
            "number": 80,
            "tags": 120,
        }
        for i, key in enumerate(self.model.columns):
            self.table.setColumnWidth(i, widths.get(key, 110))

    def _choose_columns(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for key in COLUMNS:
            action = menu.addAction(self.headers[key])
            action.setCheckable(True)
            action.setChecked(key in self.model.columns)
            action.setEnabled(key != "name")
            action.toggled.connect(lambda on, k=key: self.toggle_column(k, on))
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    def toggle_column(self, key: str, shown: bool) -> None:
        """Show or hide a column; the choice is remembered."""
        columns = [c for c in self.model.columns if c != key]
        if shown:
            columns.append(key)
        self.model.set_columns(columns)
        self._settings.setValue(self._columns_key(), ",".join(self.model.columns))
        self._size_columns()

    # --- formatting ---------------------------------------------------------------------------

    def display(self, row: ContactRow, key: str) -> str:
        """A row's value for column ``key`` as shown."""
        if key == "status":
            return self.statuses.get(row.status or "", row.status or "")
        if key in ("created_at", "last_contacted_at"):
            moment = getattr(row, key)
            return moment.astimezone().strftime("%Y-%m-%d") if moment else ""
        return str(getattr(row, key) or "")

    # --- selection and bulk actions -----------------------------------------------------------

    def selected_rows(self) -> list[int]:
        """Positions of the selected rows."""
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def _on_selection(self, *_args: Any) -> None:
        count = len(self.selected_rows())
        self.bulk_bar.setVisible(count > 0)
        self.merge_button.setVisible(self.current_kind() == "person" and 2 <= count <= 10)
        self.selection_label.setText(self.tr("%n selected", "", count))

    def _open_index(self, index: Any) -> None:
        row = self.model.record(index.row())
        if row is not None:
            self.openRequested.emit(row.kind, row.id)

    def export(self) -> None:
        """Export the selection, or everyone in the list, as vCard."""
        rows = self.selected_rows() or list(range(self.model.rowCount()))
        if rows and self.current_kind() == "person":
            self.exportRequested.emit(self.model.resolver(rows), len(rows))

    def _bulk(self, fn: Callable[[Workspace, list[str]], ChangeResult], message: str) -> None:
        resolve = self.model.resolver(self.selected_rows())
        self._mutate(lambda ws: fn(ws, resolve(ws)), message)

    def _bulk_set(self, field: BulkField, value: str, text: str) -> None:
        kind = self.current_kind()
        self._bulk(
            lambda ws, ids: ws.contacts.set_field(kind, ids, field, value),
            fill(self.tr("Changed to %1."), text),
        )

    def _bulk_tag(self) -> None:
        tags = [self.tag_box.itemText(i) for i in range(1, self.tag_box.count())]
        name, ok = QInputDialog.getItem(
            self, self.tr("Tag contacts"), self.tr("Tag:"), tags, 0, True
        )
        if ok and name.strip():
            kind = self.current_kind()
            self._bulk(
                lambda ws, ids: ws.contacts.add_tag(kind, ids, name),
                fill(self.tr("Tagged with %1."), name.strip()),
            )

    def _bulk_delete(self) -> None:
        count = len(self.selected_rows())
        answer = QMessageBox.question(
            self,
            self.tr("Delete contacts"),
            self.tr("Delete %n contacts? You can undo this with Ctrl+Z.", "", count),
        )
        if answer == QMessageBox.StandardButton.Yes:
            rows = self.selected_rows()
            self.deleteRequested.emit(self.current_kind(), self.model.resolver(rows), len(rows))
