"""The Conflicts screen: each field two laptops changed apart, with both values, who and when.

Keep mine, keep theirs, or type a new value: each decision is one undoable operation through
the team service, set here at once; the next sync tells the hub and the other laptops. The
list is read on the reader and reloads when a sync brings conflicts (``sync_conflicts``) or a
record it names changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from desktop_crm.services.common.dto import ChangeResult
from ui.conflicts.conflict_values import edit_text, problem_text
from ui.conflicts.conflicts_model import (
    BY,
    FIELD,
    MINE,
    RECORD,
    THEIRS,
    ConflictRow,
    ConflictsModel,
    make_row,
)
from ui.list_table import list_header, list_table
from ui.messages import error_text
from ui.screen import Screen
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.team.dto import ConflictView
    from desktop_crm.services.workspace.handle import Workspace
    from desktop_crm.services.workspace.reading import WorkspaceReads
    from ui.shell import Shell

Choice = Literal["mine", "theirs", "value"]
Loaded = tuple[bool, list["ConflictView"], dict[str, str]]
LONG_TEXT_FIELDS = frozenset({"notes", "body", "description", "terms"})
ID_NAMES_USERS = frozenset({"owner_id", "user_id"})
ID_NAMES_STAGES = frozenset({"stage_id", "pipeline_id"})


def load_conflicts(reads: WorkspaceReads) -> Loaded:
    """Whether the workspace is joined, its open conflicts, names of the ids they hold."""
    joined = reads.team.status().state != "alone"
    conflicts = reads.team.conflicts() if joined else []
    fields = {c.field for c in conflicts}
    names: dict[str, str] = {}
    if fields & ID_NAMES_USERS:
        names.update((owner.id, owner.name) for owner in reads.targets.owners())
    if fields & ID_NAMES_STAGES:
        for pipeline in reads.pipelines.pipelines():
            names[pipeline.id] = pipeline.name
            names.update((stage.id, stage.name) for stage in pipeline.stages)
    return joined, conflicts, names


class ConflictsScreen(Screen):
    """Open conflicts of a team workspace, decided one at a time.

    Attributes:
        model: The listed conflicts.
        table: Their table.
        keep_mine_button: Keep this laptop's value.
        keep_theirs_button: Keep the other laptop's value.
        type_button: Type a new value.
        empty: What shows instead of an empty table.
    """

    key = "conflicts"
    icon_name = "conflicts"
    watches = frozenset(
        {
            "sync_conflicts",
            "people",
            "companies",
            "deals",
            "quotes",
            "contracts",
            "products",
            "users",
            "stages",
            "pipelines",
        }
    )

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        layout, top = list_header(self, self.title())
        top.addStretch(1)
        self.count_label = QLabel()
        top.addWidget(self.count_label)
        layout.addLayout(top)
        self.hint = QLabel(
            self.tr(
                "Two team members changed the same field on their laptops before syncing. "
                "Both values are kept until you decide; your decision reaches everyone at "
                "the next sync."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setObjectName("hint")
        layout.addWidget(self.hint)

        self.model = ConflictsModel()
        self.table = list_table(self.model)
        header = self.table.horizontalHeader()
        for column, width in ((RECORD, 220), (FIELD, 130), (MINE, 190), (THEIRS, 190), (BY, 110)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(RECORD, QHeaderView.ResizeMode.Interactive)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setObjectName("emptyState")
        self.empty.setMargin(24)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

        self.buttons = QWidget()
        buttons = QHBoxLayout(self.buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.keep_mine_button = QPushButton(self.tr("Keep Mine"))
        self.keep_theirs_button = QPushButton(self.tr("Keep Theirs"))
        self.type_button = QPushButton(self.tr("Type a Value…"))
        self.keep_mine_button.clicked.connect(lambda: self.resolve("mine"))
        self.keep_theirs_button.clicked.connect(lambda: self.resolve("theirs"))
        self.type_button.clicked.connect(self.type_value)
        for button in (self.keep_mine_button, self.keep_theirs_button, self.type_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._loaded = False
        self._show_empty(False)
        self._update_buttons()

    def title(self) -> str:
        """The screen's name."""
        return self.tr("Conflicts")

    # --- loading ------------------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Forget the list; load it when shown."""
        self._loaded = False
        self.model.set_rows([])
        self._update_buttons()
        if workspace is not None and self.isVisible():
            self.reload()

    def changed(self, changes: ChangeResult) -> None:
        """Reload while shown; else when next shown."""
        self._loaded = False
        if self.isVisible():
            self.reload()

    def shown(self) -> None:
        """Load the conflicts the first time the screen shows after a change."""
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        """Read the open conflicts again (on the reader)."""
        ws = self.shell.workspace
        if ws is None:
            return
        reads = ws.reads
        self._loaded = True
        self.shell.worker.read(lambda: load_conflicts(reads), self._show)

    def _show(self, loaded: Loaded) -> None:
        joined, conflicts, names = loaded
        chosen = self.selected()
        rows = [make_row(conflict, names) for conflict in conflicts]
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n open conflict(s)", "", len(rows)) if rows else "")
        self._show_empty(not rows, joined)
        ids = [row.id for row in rows]
        if chosen is not None and chosen.id in ids:
            self.table.selectRow(ids.index(chosen.id))
        elif rows:
            self.table.selectRow(0)
        self._update_buttons()

    def _show_empty(self, empty: bool, joined: bool = True) -> None:
        if joined:
            text = self.tr(
                "No conflicts. Everything your team changed on their laptops fits together."
            )
        else:
            text = self.tr(
                "This workspace works alone. Once it belongs to a team (Settings → Team), "
                "fields that two people change on their laptops before syncing show up here "
                "for you to decide."
            )
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty if empty else self.table)
        # With nothing to decide, the explanation and the buttons would only be noise.
        self.hint.setVisible(not empty)
        self.buttons.setVisible(not empty)

    # --- deciding -----------------------------------------------------------------------------

    def selected(self) -> ConflictRow | None:
        """The conflict chosen in the table, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.model.rows):
            return None
        return self.model.rows[rows[0].row()]

    def resolve(self, choice: Choice, value: str | None = None) -> None:
        """Decide the chosen conflict: keep mine, keep theirs, or ``value`` (typed)."""
        row = self.selected()
        if row is None or self.shell.workspace is None:
            return
        ws = self.shell.workspace
        conflict_id = row.id

        def job() -> ChangeResult:
            view = ws.team.resolve(conflict_id, choice, value)
            return ChangeResult(
                None,
                updated=1,
                entities=frozenset({"sync_conflicts", view.entity}),
                ids=(view.row_id,),
            )

        def done(result: ChangeResult) -> None:
            self.shell.show_status(fill(self.tr("Decided: %1 of %2."), row.field, row.record))
            self.shell.apply_changes(result)

        self.shell.worker.submit(job, done, self._refused)

    def type_value(self) -> None:
        """Ask for a new value of the chosen conflict's field, then decide with it."""
        row = self.selected()
        if row is None or not row.typable:
            return
        label = fill(self.tr("New value of %1 for %2:"), row.field, row.record)
        start = edit_text(row.conflict.theirs)
        if row.conflict.field in LONG_TEXT_FIELDS:
            text, ok = QInputDialog.getMultiLineText(self, self.tr("Type a Value"), label, start)
        else:
            text, ok = QInputDialog.getText(
                self, self.tr("Type a Value"), label, QLineEdit.EchoMode.Normal, start
            )
        if ok:
            self.resolve("value", text)

    def _refused(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Conflicts"), problem_text(exc) or error_text(exc))

    def _update_buttons(self) -> None:
        row = self.selected()
        for button in (self.keep_mine_button, self.keep_theirs_button):
            button.setEnabled(row is not None)
        self.type_button.setEnabled(row is not None and row.typable)
