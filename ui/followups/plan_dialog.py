"""Plan a follow-up, or edit a planned one: who, what, when (a day, optionally a time), repeat.

Opened from anywhere with a prefilled :class:`FollowUpDraft` (a card's contact, a deal and its
customer, the contacts selected in a list: one follow-up each). Saving runs on the worker; a
problem the service finds is shown in the dialog, on its field, and nothing typed is lost.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.clock import local_today
from desktop_crm.domain.errors import CrmError, NotFoundError, ValidationError
from desktop_crm.domain.vocab import ActivityKind, FollowUpStatus
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.followups.dto import FollowUpDraft, FollowUpRow
from desktop_crm.services.search.dto import SearchHit
from ui.alive import while_open
from ui.followups.due_editor import DueEditor
from ui.followups.repeat_editor import RepeatEditor
from ui.followups.texts import follow_up_kinds
from ui.messages import error_text
from ui.problem_label import problem_label
from ui.quotes.record_picker import RecordPicker, find_customers, find_deals
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.shell import Shell

MARKED = "border: 1px solid #c62828; background: #ffebee;"
NOTES_HEIGHT = 70


@dataclass(frozen=True)
class Linked:
    """The names of the records a draft links to, to show them in the pickers.

    Attributes:
        person: The person's name ("" without one).
        company: The company's name ("").
        deal: The deal's title ("").
    """

    person: str = ""
    company: str = ""
    deal: str = ""


def describe(ws: Workspace, draft: FollowUpDraft) -> Linked:
    """The names of the draft's person, company and deal (on the reader; gone ones: "")."""
    names = {"person": "", "company": "", "deal": ""}
    for kind, record_id in (("person", draft.person_id), ("company", draft.company_id)):
        if record_id:
            with contextlib.suppress(NotFoundError):  # gone since: shown without a name
                names[kind] = ws.reads.cards.card(kind, record_id).name  # type: ignore[arg-type]
    if draft.deal_id:
        with contextlib.suppress(NotFoundError):
            names["deal"] = ws.reads.deals.summary(draft.deal_id).title
    return Linked(**names)


def empty_draft(ws: Workspace) -> FollowUpDraft:
    """A new follow-up with nothing chosen yet: a call tomorrow."""
    return FollowUpDraft(subject="", due_on=local_today(ws.clock) + timedelta(days=1))


class PlanDialog(QDialog):
    """Plan one follow-up (or one for each of several contacts), or edit a planned one.

    Args:
        shell: The main window (worker, workspace, refreshing after the change).
        workspace: The open workspace.
        draft: The values to start from.
        follow_up_id: The follow-up edited; ``None`` plans a new one.
        linked: The names of the draft's records, if known (else they are read).
        targets: Several contacts (person or company hits) to plan one follow-up each for;
            the draft's own person and company are then ignored.
        parent: The window it belongs to (the shell by default).

    Attributes:
        result_change: What saving changed (``None`` until saved).

    Signals:
        saved(object): Saved; the :class:`ChangeResult`.
    """

    saved = Signal(object)

    def __init__(
        self,
        shell: Shell,
        workspace: Workspace,
        draft: FollowUpDraft,
        follow_up_id: str | None = None,
        *,
        linked: Linked | None = None,
        targets: Sequence[SearchHit] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent or shell)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._shell, self._workspace = shell, workspace
        self.follow_up_id = follow_up_id
        self.targets = list(targets)
        self._draft = draft
        self.result_change: ChangeResult | None = None
        self._saving = False
        local = workspace.clock.zone()
        if follow_up_id is not None:
            self.setWindowTitle(self.tr("Edit follow-up"))
        elif len(self.targets) > 1:
            self.setWindowTitle(self.tr("Plan %n follow-ups", "", len(self.targets)))
        else:
            self.setWindowTitle(self.tr("Plan follow-up"))
        self.setMinimumWidth(520)

        root = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.contact = RecordPicker(shell.worker, find_customers, self)
        self.contact.set_workspace(workspace)
        self.contact.setPlaceholderText(self.tr("Type a name, phone or number…"))
        self.targets_label = QLabel()
        self.targets_label.setWordWrap(True)
        if len(self.targets) > 1:
            self.contact.hide()
            names = ", ".join(hit.title for hit in self.targets[:8])
            more = len(self.targets) - 8
            if more > 0:
                names = fill(self.tr("%1 and %2 more"), names, more)
            # The service plans one follow-up per operation: Undo takes them back one by one.
            self.targets_label.setText(
                fill(self.tr("One follow-up for each of %1 contacts: %2"), len(self.targets), names)
                + "\n"
                + self.tr("Each is planned as its own step: Undo takes them back one at a time.")
            )
            form.addRow(self.tr("Contacts"), self.targets_label)
        else:
            form.addRow(self.tr("Contact"), self.contact)
        self.deal = RecordPicker(shell.worker, find_deals, self)
        self.deal.set_workspace(workspace)
        self.deal.setPlaceholderText(self.tr("Optional: type a deal's title or number…"))
        form.addRow(self.tr("Deal"), self.deal)
        self.kind = QComboBox()
        for kind, text in follow_up_kinds():
            self.kind.addItem(text, kind.value)
        form.addRow(self.tr("Type"), self.kind)
        self.subject = QLineEdit()
        self.subject.setPlaceholderText(self.tr("What to do, e.g. send the new price list"))
        form.addRow(self.tr("Subject"), self.subject)
        self.due = DueEditor(local, self)
        form.addRow(self.tr("Due"), self.due)
        self.repeat = RepeatEditor(self)
        form.addRow(self.tr("Repeat"), self.repeat)
        self.series_note = QLabel(
            self.tr(
                "A new day moves this one only: the series keeps its days. "
                "Change the repeat to change the series."
            )
        )
        self.series_note.setObjectName("hint")
        self.series_note.setWordWrap(True)
        form.addRow("", self.series_note)
        self._series_row = form.rowCount() - 1
        form.setRowVisible(self._series_row, False)
        self.owner = QComboBox()
        self.owner.addItem(self.tr("Me"), None)
        form.addRow(self.tr("Owner"), self.owner)
        self._owner_row = form.rowCount() - 1
        form.setRowVisible(self._owner_row, False)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Notes (optional)"))
        self.notes.setFixedHeight(NOTES_HEIGHT)
        form.addRow(self.tr("Notes"), self.notes)
        self.form = form
        root.addLayout(form)
        self.problem = problem_label()
        root.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        root.addWidget(self.buttons)

        # A new repeat counts from the due day; an occurrence of a series, from the series'.
        self._in_series = follow_up_id is not None and bool(draft.repeat)
        self.due.changed.connect(self._due_changed)
        self._fill(draft, linked or Linked())
        if linked is None and (draft.person_id or draft.company_id or draft.deal_id):
            ws = workspace
            shell.worker.read(
                lambda: describe(ws, draft), while_open(self, self._show_linked), lambda _e: None
            )
        shell.worker.read(
            lambda: ws_owners(workspace),
            while_open(self, self._show_owners),
            lambda _e: None,
            background=True,
        )

    # --- filling ------------------------------------------------------------------------------

    def _fill(self, draft: FollowUpDraft, linked: Linked) -> None:
        self.subject.setText(draft.subject)
        self.kind.setCurrentIndex(max(0, self.kind.findData(ActivityKind(draft.kind).value)))
        self._first_day = draft.due_on
        self.due.set_due(draft.due_on, draft.due_time, draft.zone)
        self.repeat.set_start(draft.due_on)
        try:
            self.repeat.set_repeat(draft.repeat)
        except ValueError:
            self.repeat.set_repeat(None)
        self.notes.setPlainText(draft.notes)
        self._show_linked(linked)

    def _due_changed(self) -> None:
        if self._in_series:
            self.form.setRowVisible(self._series_row, self.due.day() != self._first_day)
        else:
            self.repeat.set_start(self.due.day())

    def _show_linked(self, linked: Linked) -> None:
        draft = self._draft
        if len(self.targets) == 1:
            self.contact.set_chosen(self.targets[0])
        elif draft.person_id and not self.contact.chosen:
            subtitle = linked.company if draft.company_id else ""
            self.contact.set_chosen(SearchHit("person", draft.person_id, linked.person, subtitle))
        elif draft.company_id and not self.contact.chosen:
            self.contact.set_chosen(SearchHit("company", draft.company_id, linked.company))
        if draft.deal_id and not self.deal.chosen:
            self.deal.set_chosen(SearchHit("deal", draft.deal_id, linked.deal))

    def _show_owners(self, owners: list[tuple[str, str]]) -> None:
        for owner_id, name in owners:
            self.owner.addItem(name, owner_id)
        if self._draft.owner_id:
            found = self.owner.findData(self._draft.owner_id)
            if found >= 0:
                self.owner.setCurrentIndex(found)
        # One user (no team yet): the follow-up is always theirs, nothing to choose.
        self.form.setRowVisible(self._owner_row, len(owners) > 1)

    def show_finished(self, row: FollowUpRow) -> None:
        """Show a done or cancelled follow-up read-only: what came of it and when."""
        done = row.status == FollowUpStatus.DONE
        when = row.done_at.astimezone(self._workspace.clock.zone()) if row.done_at else None
        moment = when.strftime("%Y-%m-%d %H:%M") if when else ""
        if done:
            text = fill(self.tr("Done %1."), moment)
            if row.outcome:
                text += " " + fill(self.tr("Outcome: %1"), row.outcome)
        else:
            text = fill(self.tr("Cancelled %1."), moment)
        self.setWindowTitle(self.tr("Follow-up"))
        for index in range(self.form.rowCount()):
            field = self.form.itemAt(index, QFormLayout.ItemRole.FieldRole)
            widget = field.widget() if field is not None else None
            if widget is not None:
                widget.setEnabled(False)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.problem.setStyleSheet("")
        self.problem.setText(text)
        self.problem.show()

    # --- saving -------------------------------------------------------------------------------

    def draft(self) -> FollowUpDraft:
        """The follow-up as filled in (for one contact: the chosen one)."""
        person_id = company_id = None
        chosen = self.contact.chosen
        if chosen is not None and chosen.kind == "person":
            person_id = chosen.id
            # The same person as before keeps the company the follow-up had.
            if chosen.id == self._draft.person_id:
                company_id = self._draft.company_id
        elif chosen is not None and chosen.kind == "company":
            company_id = chosen.id
        deal = self.deal.chosen
        owner = self.owner.currentData()
        return FollowUpDraft(
            subject=self.subject.text(),
            due_on=self.due.day(),
            due_time=self.due.wall(),
            zone=self.due.zone(),
            kind=ActivityKind(str(self.kind.currentData())),
            notes=self.notes.toPlainText(),
            person_id=person_id,
            company_id=company_id,
            deal_id=deal.id if deal is not None else None,
            owner_id=str(owner) if owner else None,
            repeat=self.repeat.rule(),
        )

    def drafts(self) -> list[FollowUpDraft]:
        """One draft per contact planned for (several selected contacts), else the one."""
        draft = self.draft()
        if len(self.targets) <= 1:
            return [draft]
        return [
            replace(
                draft,
                person_id=hit.id if hit.kind == "person" else None,
                company_id=hit.id if hit.kind == "company" else None,
            )
            for hit in self.targets
        ]

    def save(self) -> None:
        """Save on the worker; a problem comes back shown here, with everything kept."""
        if self._saving:
            return
        self._mark(None)
        ws, follow_up_id, drafts = self._workspace, self.follow_up_id, self.drafts()
        self._saving = True
        self.buttons.setEnabled(False)

        def job() -> ChangeResult:
            if follow_up_id is not None:
                return ws.followups.update(follow_up_id, drafts[0])
            return ws.followups.plan_many(drafts)

        self._shell.worker.submit(
            job, while_open(self, self._saved), while_open(self, self._failed)
        )

    def _saved(self, result: ChangeResult) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        self.result_change = result
        if self.follow_up_id is not None:
            message = self.tr("Follow-up changed.")
        else:
            message = self.tr("%n follow-ups planned.", "", max(1, len(self.targets)))
        self._shell.show_status(message, 4000)
        self._shell.apply_changes(result)
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        field = exc.params.get("field") if isinstance(exc, CrmError) else None
        self._mark(self._field_widget(field), self.problem_text(exc))

    def problem_text(self, exc: BaseException) -> str:
        """What went wrong, in the user's language (the service's words for the rest)."""
        if isinstance(exc, ValidationError):
            field = exc.params.get("field")
            texts = {
                "person_id": self.tr("Choose a person, a company or a deal from the list."),
                "subject": self.tr("The subject is too long (at most 300 characters)."),
                "zone": self.tr("The time zone is unknown on this computer."),
                "repeat": self.tr("This repeat cannot be planned."),
                "status": self.tr("This follow-up is done or cancelled: it can no longer change."),
            }
            if field in texts:
                return texts[str(field)]
        if isinstance(exc, NotFoundError):
            return self.tr("A linked person, company, deal or owner no longer exists.")
        return error_text(exc)

    def _field_widget(self, field: object) -> QWidget | None:
        widgets: dict[object, QWidget] = {
            "person_id": self.deal if len(self.targets) > 1 else self.contact,
            "subject": self.subject,
            "zone": self.due,
            "repeat": self.repeat,
            "kind": self.kind,
        }
        return widgets.get(field)

    def _mark(self, widget: QWidget | None, text: str = "") -> None:
        for each in (self.contact, self.deal, self.subject, self.kind):
            each.setStyleSheet("")
        if isinstance(widget, (QLineEdit, QComboBox)):
            widget.setStyleSheet(MARKED)
            widget.setFocus()
        self.problem.setText(text)
        self.problem.setVisible(bool(text))


def ws_owners(ws: Workspace) -> list[tuple[str, str]]:
    """The users a follow-up may be given to, ``(id, name)`` (on the reader)."""
    return list(ws.reads.contact_list.facets("person").owners)
