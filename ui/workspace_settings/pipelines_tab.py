"""The settings dialog's Pipelines tab: pipelines, their stages in order, and the lost reasons.

Unlike the dialog's other tabs, nothing here waits for OK: each change (a renamed pipeline, a
stage's probability, a new order, a deleted stage and its deals moved, the lost reasons) is
saved at once through the pipeline service as one undoable operation, and the tab is filled
again from what the workspace then holds. A refused change is explained under the controls
and the stored values show again. The results carry their entities (``stages``,
``pipelines``, ``deals``, ``settings``), so the board and the reports refresh themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.problem_label import problem_label
from ui.text_fill import fill
from ui.workspace_settings.lost_reasons import LostReasonsBox
from ui.workspace_settings.pipeline_problems import problem_text
from ui.workspace_settings.stage_delete_dialog import StageDeleteDialog
from ui.workspace_settings.stage_table import NAME_MAX, StageTable
from ui.workspace_settings.tab_widgets import button, hint_label

if TYPE_CHECKING:
    from desktop_crm.services.common.dto import ChangeResult
    from desktop_crm.services.pipelines.dto import PipelineInfo, StageDraft, StageInfo
    from desktop_crm.services.workspace.handle import Workspace
    from ui.shell import Shell

Loaded = tuple[list["PipelineInfo"], list[str]]


class PipelinesTab(QWidget):
    """Edits the workspace's pipelines and lost reasons, each change saved at once.

    Args:
        values: The workspace settings (``SettingsService.all()``): its currency is the one a
            pipeline without its own uses.

    Attributes:
        stages: The chosen pipeline's stages.
        reasons: The lost reasons.
    """

    def __init__(self, values: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shell: Shell | None = None
        self._pipelines: list[PipelineInfo] = []
        self._workspace_currency = str(values.get("currency.default") or "")
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Changes here are saved at once, each as one step that Edit › Undo takes back."
                )
            )
        )

        # --- the pipeline -------------------------------------------------------------------
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Pipeline:")))
        self.chooser = QComboBox()
        self.chooser.setMinimumContentsLength(16)
        self.chooser.currentIndexChanged.connect(self._pipeline_chosen)
        row.addWidget(self.chooser, 1)
        self.add_pipeline_button = button(self.tr("Add pipeline…"), self.add_pipeline)
        self.rename_button = button(self.tr("Rename…"), self.rename_pipeline)
        row.addWidget(self.add_pipeline_button)
        row.addWidget(self.rename_button)
        layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Currency:")))
        self.currency = QLineEdit()
        self.currency.setMaxLength(3)
        self.currency.setFixedWidth(self.fontMetrics().horizontalAdvance("MMMMM") + 16)
        self.currency.editingFinished.connect(self.save_currency)
        row.addWidget(self.currency)
        self.currency_hint = QLabel()
        self.currency_hint.setObjectName("hint")
        row.addWidget(self.currency_hint, 1)
        layout.addLayout(row)

        # --- its stages ---------------------------------------------------------------------
        box = QGroupBox(self.tr("Stages"))
        box_layout = QVBoxLayout(box)
        self.stages = StageTable()
        self.stages.stageEdited.connect(self.save_stage)
        self.stages.itemSelectionChanged.connect(self._update_buttons)
        box_layout.addWidget(self.stages)
        row = QHBoxLayout()
        self.up_button = button(self.tr("Move up"), lambda: self.move_stage(-1))
        self.down_button = button(self.tr("Move down"), lambda: self.move_stage(1))
        self.add_stage_button = button(self.tr("Add stage…"), self.add_stage)
        self.delete_stage_button = button(self.tr("Delete stage…"), self.delete_stage)
        self.colour_button = button(self.tr("Colour…"), lambda: self.stages.choose_colour())
        for widget in (self.up_button, self.down_button, self.add_stage_button,
                       self.delete_stage_button, self.colour_button):  # fmt: skip
            row.addWidget(widget)
        row.addStretch(1)
        box_layout.addLayout(row)
        box_layout.addWidget(
            hint_label(
                self.tr(
                    "A deal takes its stage's win probability whenever it enters the stage; a "
                    "new probability applies to the deals in the stage at once. A deal waiting "
                    "longer than the rotting days is marked on the board."
                )
            )
        )
        layout.addWidget(box, 1)

        # --- lost reasons -------------------------------------------------------------------
        self.reasons = LostReasonsBox()
        self.reasons.reasonsChanged.connect(self.save_reasons)
        layout.addWidget(self.reasons)

        self.problem = problem_label()
        layout.addWidget(self.problem)
        self._update_buttons()

    # --- loading ----------------------------------------------------------------------------

    def attach(self, shell: Shell) -> None:
        """Work on ``shell``'s workspace: read its pipelines and lost reasons."""
        self._shell = shell
        # Read once the dialog's loop runs, as the Follow-ups tab does: the worker is idle while
        # the dialog opens, so the status bar does not say "Working…" over it.
        QTimer.singleShot(0, self, self.reload)

    def reload(self, pipeline_id: str | None = None, stage_id: str | None = None) -> None:
        """Read the pipelines and reasons again; choose ``pipeline_id`` and ``stage_id``."""
        shell = self._shell
        ws = shell.workspace if shell is not None else None
        if shell is None or ws is None:
            return
        reads = ws.reads

        def load() -> Loaded:
            return reads.pipelines.pipelines(), reads.pipelines.lost_reasons()

        def show(found: Loaded) -> None:
            if shiboken6.isValid(self):
                self.show_pipelines(*found, pipeline_id=pipeline_id, stage_id=stage_id)

        shell.worker.read(load, show, self._say)

    def show_pipelines(
        self,
        pipelines: Sequence[PipelineInfo],
        reasons: Sequence[str],
        *,
        pipeline_id: str | None = None,
        stage_id: str | None = None,
    ) -> None:
        """Show ``pipelines`` (choosing ``pipeline_id``, else the one chosen) and ``reasons``."""
        keep = pipeline_id or self.pipeline_id()
        self._pipelines = list(pipelines)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for info in self._pipelines:
            self.chooser.addItem(info.name, info.id)
        index = self.chooser.findData(keep) if keep is not None else -1
        self.chooser.setCurrentIndex(max(0, index) if self._pipelines else -1)
        self.chooser.blockSignals(False)
        self._show_pipeline(stage_id)
        self.reasons.show_reasons(reasons)

    def _pipeline_chosen(self) -> None:
        self.problem.hide()
        self._show_pipeline(None)

    def _show_pipeline(self, stage_id: str | None) -> None:
        info = self.pipeline()
        self.stages.show_stages(info.stages if info is not None else (), stage_id)
        own = info.currency if info is not None and info.own_currency else ""
        self.currency.setText(own)
        self.currency.setPlaceholderText(self._workspace_currency)
        self.currency_hint.setText(
            fill(self.tr("Empty: the workspace's currency (%1)."), self._workspace_currency)
            if self._workspace_currency
            else self.tr("Empty: the workspace's currency.")
        )
        self._update_buttons()

    def pipeline_id(self) -> str | None:
        """The chosen pipeline's id."""
        data = self.chooser.currentData()
        return str(data) if data is not None else None

    def pipeline(self) -> PipelineInfo | None:
        """The chosen pipeline."""
        wanted = self.pipeline_id()
        return next((p for p in self._pipelines if p.id == wanted), None)

    def _update_buttons(self) -> None:
        attached = self._shell is not None and bool(self._pipelines)
        self.add_pipeline_button.setEnabled(self._shell is not None)
        for widget in (self.rename_button, self.currency, self.add_stage_button):
            widget.setEnabled(attached)
        self.reasons.setEnabled(self._shell is not None)
        chosen = attached and self.stages.selected_stage() is not None
        self.up_button.setEnabled(attached and self.stages.moved_ids(-1) is not None)
        self.down_button.setEnabled(attached and self.stages.moved_ids(1) is not None)
        self.colour_button.setEnabled(chosen)
        deletable = attached and self.stages.can_delete()
        self.delete_stage_button.setEnabled(deletable)
        self.delete_stage_button.setToolTip(
            ""
            if deletable or not chosen
            else self.tr("A pipeline keeps its won and lost stages and at least one open stage.")
        )

    # --- changing the pipeline --------------------------------------------------------------

    def add_pipeline(self) -> None:
        """Ask for a name and add a pipeline with a copy of the default pipeline's stages."""
        name = self._ask_name(self.tr("Add pipeline"), self.tr("Name of the new pipeline:"), "")
        if name:
            self._run(
                lambda ws: ws.pipelines.add_pipeline(name),
                self.tr("Pipeline added."),
                select_new_pipeline=True,
            )

    def rename_pipeline(self) -> None:
        """Ask for the chosen pipeline's new name."""
        info = self.pipeline()
        if info is None:
            return
        name = self._ask_name(self.tr("Rename pipeline"), self.tr("New name:"), info.name)
        if name and name != info.name:
            own = info.currency if info.own_currency else None
            self._run(
                lambda ws: ws.pipelines.edit_pipeline(info.id, name, currency=own),
                self.tr("Pipeline renamed."),
            )

    def save_currency(self) -> None:
        """Save the currency typed for the chosen pipeline (empty: the workspace's)."""
        info = self.pipeline()
        if info is None:
            return
        code = self.currency.text().strip().upper() or None
        if code == (info.currency if info.own_currency else None):
            return
        self._run(
            lambda ws: ws.pipelines.edit_pipeline(info.id, info.name, currency=code),
            self.tr("Currency saved."),
        )

    # --- changing the stages ----------------------------------------------------------------

    def save_stage(self, stage_id: str, draft: StageDraft) -> None:
        """Save a stage edited in the table."""
        self._run(
            lambda ws: ws.pipelines.edit_stage(stage_id, draft),
            self.tr("Stage saved."),
            stage_id=stage_id,
        )

    def move_stage(self, step: int) -> None:
        """Move the selected stage up (-1) or down (+1)."""
        info, stage, ids = (
            self.pipeline(),
            self.stages.selected_stage(),
            self.stages.moved_ids(step),
        )
        if info is None or stage is None or ids is None:
            return
        self._run(
            lambda ws: ws.pipelines.reorder_stages(info.id, ids),
            self.tr("Stages reordered."),
            stage_id=stage.id,
        )

    def add_stage(self) -> None:
        """Ask for a name; add an open stage after the selected open one (else before Won)."""
        info = self.pipeline()
        if info is None:
            return
        name = self._ask_name(self.tr("Add stage"), self.tr("Name of the new stage:"), "")
        if not name:
            return
        from desktop_crm.services.pipelines.dto import StageDraft

        probability, before_id = self.stages.place_for_new()
        draft = StageDraft(name, probability)
        self._run(
            lambda ws: ws.pipelines.add_stage(info.id, draft, before_id=before_id),
            self.tr("Stage added."),
            select_new_stage=True,
        )

    def delete_stage(self) -> None:
        """Delete the selected stage; if it holds deals, ask which stage they move to."""
        shell, stage = self._shell, self.stages.selected_stage()
        ws = shell.workspace if shell is not None else None
        if shell is None or ws is None or stage is None:
            return
        from desktop_crm.services.deals.dto import DealFilter

        reads = ws.reads

        def counted(count: int) -> None:
            if shiboken6.isValid(self):
                self._confirm_delete(stage, count)

        shell.worker.read(
            lambda: reads.deals.count(DealFilter(stage_id=stage.id)), counted, self._say
        )

    def _confirm_delete(self, stage: StageInfo, count: int) -> None:
        others = [s for s in self.stages.stages() if s.id != stage.id]
        asked = StageDeleteDialog.ask(self, stage, count, others, self.reasons.reasons())
        if asked is not None:
            self._delete(stage, *asked)

    def _delete(self, stage: StageInfo, target_id: str | None, reason: str | None) -> None:
        self._run(
            lambda ws: ws.pipelines.delete_stage(
                stage.id, target_stage_id=target_id, reason=reason
            ),
            fill(self.tr("Stage %1 deleted."), stage.name),
            stage_id=target_id,
        )

    # --- lost reasons -----------------------------------------------------------------------

    def save_reasons(self, reasons: list[str]) -> None:
        """Save the whole list of lost reasons."""
        self._run(lambda ws: ws.pipelines.set_lost_reasons(reasons), self.tr("Lost reasons saved."))

    # --- running a change -------------------------------------------------------------------

    def _ask_name(self, title: str, label: str, start: str) -> str:
        text, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, start)
        return text.strip()[:NAME_MAX] if ok else ""

    def _run(
        self,
        change: Callable[[Workspace], ChangeResult],
        message: str,
        *,
        stage_id: str | None = None,
        select_new_pipeline: bool = False,
        select_new_stage: bool = False,
    ) -> None:
        """Save ``change`` on the writer; then refresh the window and this tab."""
        shell = self._shell
        ws = shell.workspace if shell is not None else None
        if shell is None or ws is None:
            return
        self.problem.hide()
        keep = self.pipeline_id()

        def done(result: ChangeResult) -> None:
            shell.show_status(message, 4000)
            shell.apply_changes(result)
            if not shiboken6.isValid(self):
                return
            new = result.ids[0] if result.ids else None
            self.reload(
                new if select_new_pipeline else keep,
                new if select_new_stage else stage_id,
            )

        shell.worker.submit(lambda: change(ws), done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self._say(exc)
        if shiboken6.isValid(self):
            self.reload()  # the stored values again, in place of the refused edit

    def _say(self, exc: BaseException) -> None:
        if shiboken6.isValid(self):
            self.problem.setText(problem_text(exc))
            self.problem.show()
