"""The deal editor: a new deal, or an existing one with its stage history and Won / Lost / Reopen.

Open it with :func:`open_deal_editor` (the board, the deals list, a card's "New deal…", the
deal's view). Everything it shows is read on the worker's reader; saving runs on the writer as
one undoable operation. A problem the service finds is shown in the editor, on its field, and
nothing typed is lost. Won, Lost and Reopen act on the deal at once (each its own undoable
step); the fields typed meanwhile stay as typed, to be saved or not.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.errors import CancelledError, CrmError, NotFoundError, ValidationError
from desktop_crm.domain.vocab import DealStatus
from desktop_crm.services.deals.dto import DealDraft, StageVisit
from desktop_crm.services.deals.edit_values import DealValues
from desktop_crm.services.pipelines.dto import PipelineInfo
from ui.alive import while_open
from ui.deals.editor_form import DealForm
from ui.deals.lost_reason import LostReasonDialog, ask_lost_reason
from ui.deals.texts import outcome_of
from ui.messages import error_text
from ui.problem_label import problem_label
from ui.text_fill import fill

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop_crm.services.common.dto import ChangeResult
    from desktop_crm.services.workspace.handle import Workspace
    from ui.shell import Shell

MARKED = "border: 1px solid #c62828; background: #ffebee;"
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class EditorData:
    """What the editor shows, read in one go on the reader.

    Attributes:
        pipelines: The workspace's pipelines with their stages.
        owners: The users a deal may be given to, ``(id, name)``.
        reasons: The workspace's lost reasons.
        zone: The zone moments show in.
        values: The deal's values (``None`` for a new deal).
        history: Its stage history.
        company: The name of the customer company of a new deal's draft ("").
        person: The name of its person ("").
    """

    pipelines: list[PipelineInfo]
    owners: list[tuple[str, str]]
    reasons: list[str]
    zone: ZoneInfo
    values: DealValues | None = None
    history: list[StageVisit] = field(default_factory=list)
    company: str = ""
    person: str = ""


def read_editor_data(ws: Workspace, deal_id: str | None, draft: DealDraft) -> EditorData:
    """Everything the editor shows (on the reader).

    Raises:
        NotFoundError: The deal no longer exists.
    """
    reads = ws.reads
    values = reads.deal_values.values(deal_id) if deal_id is not None else None
    history = reads.deals.stage_history(deal_id) if deal_id is not None else []
    names = {"company": "", "person": ""}
    if values is None:
        for kind, record_id in (("company", draft.company_id), ("person", draft.person_id)):
            if record_id:
                with contextlib.suppress(NotFoundError):  # gone since: left empty
                    names[kind] = reads.cards.card(kind, record_id).name  # type: ignore[arg-type]
    return EditorData(
        pipelines=reads.pipelines.pipelines(),
        owners=list(reads.contact_list.facets("person").owners),
        reasons=reads.pipelines.lost_reasons(),
        zone=reads.clock.zone(),
        values=values,
        history=history,
        company=names["company"],
        person=names["person"],
    )


def open_deal_editor(
    shell: Shell,
    deal_id: str | None = None,
    *,
    company_id: str | None = None,
    person_id: str | None = None,
    stage_id: str | None = None,
) -> DealEditor | None:
    """Edit a deal (raising its editor when open already), or start a new one.

    Args:
        shell: The main window.
        deal_id: The deal to edit; ``None`` starts a new deal.
        company_id: A new deal's customer company.
        person_id: A new deal's person (the contact at the company, or the customer).
        stage_id: A new deal's stage (the board's column), else its pipeline's first.

    Returns:
        The editor, or ``None`` without a workspace.
    """
    ws = shell.workspace
    if ws is None:
        return None
    if deal_id is not None:
        for editor in shell.findChildren(DealEditor):
            if editor.deal_id == deal_id and editor.isVisible():
                editor.raise_()
                editor.activateWindow()
                return editor
    draft = DealDraft(title="", company_id=company_id, person_id=person_id, stage_id=stage_id)
    editor = DealEditor(shell, ws, deal_id, draft)
    editor.show()
    return editor


class DealEditor(QDialog):
    """A new deal, or an existing one, with its history and its outcome.

    Args:
        shell: The main window (worker, refreshing after a change, status messages).
        workspace: The open workspace.
        deal_id: The deal edited; ``None`` for a new one.
        draft: A new deal's starting values (its customer, its stage).

    Attributes:
        deal_id: The deal edited (``None`` until a new one is saved).
        form: The fields.
        data: What was read last (``None`` until read).
        result_change: What the last save changed.

    Signals:
        loaded(object): The editor's :class:`EditorData` arrived and is shown.
        saved(object): The deal was saved (the :class:`ChangeResult`).
        changed(object): Won, Lost or Reopen changed it (the :class:`ChangeResult`).
    """

    loaded = Signal(object)
    saved = Signal(object)
    changed = Signal(object)

    def __init__(
        self, shell: Shell, workspace: Workspace, deal_id: str | None, draft: DealDraft
    ) -> None:
        super().__init__(shell)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._shell, self._workspace = shell, workspace
        self.deal_id = deal_id
        self._draft = draft
        self.data: EditorData | None = None
        self.result_change: ChangeResult | None = None
        self._busy = False
        self.setWindowTitle(self.tr("New deal") if deal_id is None else self.tr("Edit deal"))
        self.setMinimumWidth(560)

        root = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.status.setVisible(deal_id is not None)
        root.addWidget(self.status)
        self.form = DealForm(shell.worker, workspace, self)
        root.addWidget(self.form)

        self.history_box = QGroupBox(self.tr("Stage history"))
        history_layout = QVBoxLayout(self.history_box)
        self.history = QTreeWidget()
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels([self.tr("Stage"), self.tr("Entered"), self.tr("Days")])
        self.history.headerItem().setTextAlignment(2, _RIGHT)
        header = self.history.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.history.setMaximumHeight(130)
        history_layout.addWidget(self.history)
        self.history_box.setVisible(deal_id is not None)
        root.addWidget(self.history_box)

        self.problem = problem_label()
        root.addWidget(self.problem)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.won_button = self._action(self.tr("Won"), role, self.win)
        self.lost_button = self._action(self.tr("Lost…"), role, self.lose)
        self.reopen_button = self._action(self.tr("Reopen"), role, self.reopen)
        root.addWidget(self.buttons)
        self._enable(False)
        self.reload()

    def _action(
        self, text: str, role: QDialogButtonBox.ButtonRole, slot: Callable[[], object]
    ) -> QPushButton:
        button = self.buttons.addButton(text, role)
        button.clicked.connect(lambda _c=False: slot())
        button.setVisible(self.deal_id is not None)
        return button

    # --- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the deal, the pipelines, owners and lost reasons again (fills every field)."""
        self._read(self._loaded)

    def _read(self, done: Callable[[EditorData], None]) -> None:
        ws, deal_id, draft = self._workspace, self.deal_id, self._draft
        self._shell.worker.read(
            lambda: read_editor_data(ws, deal_id, draft),
            while_open(self, done),
            while_open(self, self._load_failed),
        )

    def _loaded(self, data: EditorData) -> None:
        self.data = data
        self.form.set_choices(data.pipelines, data.owners)
        if data.values is not None:
            values = data.values
            self.form.fill(values.draft, values.company_name, values.person_name, new=False)
            title = values.number or values.draft.title
            self.setWindowTitle(fill(self.tr("Edit deal %1"), title))
        else:
            self.form.fill(self._draft, data.company, data.person, new=True)
        self._show_state(data)
        self._enable(True)
        self.form.title.setFocus()
        self.loaded.emit(data)

    def _show_state(self, data: EditorData) -> None:
        """The status line, the history and the outcome buttons (not the fields)."""
        values = data.values
        if values is None:
            return
        text = outcome_of(values.status, values.closed_on)
        if values.status is DealStatus.LOST and values.lost_reason:
            text = fill(self.tr("%1: %2"), text, values.lost_reason)
        if values.number:
            text = fill(self.tr("%1 · %2"), values.number, text)
        self.status.setText(text)
        self.history.clear()
        for visit in data.history:
            entered = visit.entered.astimezone(data.zone).strftime("%Y-%m-%d %H:%M")
            item = QTreeWidgetItem([visit.stage or self.tr("(deleted stage)"), entered])
            item.setText(2, str(visit.days))
            item.setTextAlignment(2, _RIGHT)
            self.history.addTopLevelItem(item)

    def _load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, CancelledError):  # the workspace closed under the read
            self.close()
            return
        if isinstance(exc, NotFoundError):
            self.form.set_read_only(True)
            self._show_problem(None, self.tr("This deal no longer exists."))
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
            for button in (self.won_button, self.lost_button, self.reopen_button):
                button.setEnabled(False)
            return
        self._show_problem(None, error_text(exc))

    def _enable(self, ready: bool) -> None:
        """Buttons follow the deal: Won and Lost for an open one, Reopen for a closed one."""
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ready)
        values = self.data.values if self.data is not None else None
        is_open = values is not None and values.status is DealStatus.OPEN
        self.won_button.setEnabled(ready and is_open)
        self.lost_button.setEnabled(ready and is_open)
        self.reopen_button.setEnabled(ready and values is not None and not is_open)

    # --- saving -------------------------------------------------------------------------------

    def save(self) -> None:
        """Save on the worker; a problem comes back shown here, with everything kept."""
        if self._busy or self.data is None:
            return
        self._show_problem(None)
        try:
            draft = self.form.draft()
        except ValueError as exc:
            self._show_problem(self.form.amount, str(exc))
            return
        ws, deal_id = self._workspace, self.deal_id

        def job() -> ChangeResult:
            if deal_id is None:
                return ws.deals.create(draft)
            return ws.deals.update(deal_id, draft)

        self._run(job, self._saved)

    def _saved(self, result: ChangeResult) -> None:
        self.result_change = result
        if self.deal_id is None:
            self.deal_id = result.ids[0] if result.ids else None
            self._shell.show_status(self.tr("Deal added."), 4000)
        else:
            self._shell.show_status(self.tr("Deal saved."), 4000)
        self._shell.apply_changes(result)
        self.saved.emit(result)
        self.accept()

    # --- the outcome --------------------------------------------------------------------------

    def win(self) -> None:
        """Mark the deal won (one undoable step); the editor stays open."""
        deal_id, ws = self.deal_id, self._workspace
        if deal_id is not None:
            self._run(lambda: ws.deals.win(deal_id), self._outcome)

    def lose(self) -> LostReasonDialog | None:
        """Ask why, then mark the deal lost for that reason (one undoable step)."""
        if self.deal_id is None or self.data is None or self._busy:
            return None
        values = self.data.values
        name = self.form.title.text().strip() or (values.number if values else "") or ""
        return ask_lost_reason(self, self.data.reasons, self._lose_for, deal=name)

    def _lose_for(self, reason: str) -> None:
        deal_id, ws = self.deal_id, self._workspace
        if deal_id is not None:
            self._run(lambda: ws.deals.lose(deal_id, reason), self._outcome)

    def reopen(self) -> None:
        """Reopen a won or lost deal into the open stage it was closed from."""
        deal_id, ws = self.deal_id, self._workspace
        if deal_id is not None:
            self._run(lambda: ws.deals.reopen(deal_id), self._outcome)

    def _outcome(self, result: ChangeResult) -> None:
        self._shell.apply_changes(result)
        self.changed.emit(result)
        # The status, stage and history change; the fields keep what was typed.
        self._read(self._state_read)

    def _state_read(self, data: EditorData) -> None:
        self.data = data
        if data.values is not None:
            stage_id = data.values.draft.stage_id
            if stage_id is not None:
                self.form.show_stage(stage_id)
        self._show_state(data)
        self._enable(True)
        self.loaded.emit(data)

    # --- running and problems -----------------------------------------------------------------

    def _run(self, job: Callable[[], ChangeResult], done: Callable[[ChangeResult], None]) -> None:
        if self._busy:
            return
        self._busy = True
        self._enable(False)

        def finished(result: ChangeResult) -> None:
            self._busy = False
            done(result)

        self._shell.worker.submit(job, while_open(self, finished), while_open(self, self._failed))

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._enable(True)
        field_name = exc.params.get("field") if isinstance(exc, CrmError) else None
        self._show_problem(self.form.widget_of(field_name), self.problem_text(exc))

    def problem_text(self, exc: BaseException) -> str:
        """What went wrong, in the user's language (the service's words for the rest)."""
        if isinstance(exc, ValidationError):
            texts = {
                "title": self.tr("Give the deal a title (at most 300 characters)."),
                "amount": self.tr("The amount is a number from 0."),
                "currency": self.tr("A currency is a three-letter code such as CNY."),
                "source": self.tr("The source is too long (at most 200 characters)."),
                "owner_id": self.tr("This owner is no longer a user of the workspace."),
            }
            found = texts.get(str(exc.params.get("field")))
            if found is not None:
                return found
        if isinstance(exc, NotFoundError):
            return self.tr("The customer, owner, pipeline or stage no longer exists.")
        return error_text(exc)

    def _show_problem(self, widget: QWidget | None, text: str = "") -> None:
        for each in (self.form.title, self.form.customer, self.form.amount, self.form.source):
            each.setStyleSheet("")
        for box in (self.form.currency, self.form.owner, self.form.pipeline, self.form.stage):
            box.setStyleSheet("")
        if isinstance(widget, (QLineEdit, QComboBox)):
            widget.setStyleSheet(MARKED)
            widget.setFocus()
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
