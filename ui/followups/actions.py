"""What a user does to a follow-up, wherever it is shown (card, Today, reminders, lists).

One :class:`FollowUpActions` per main window (:func:`follow_up_actions`): every service call
runs on the shell's worker (reads on ``ws.reads``, changes through ``shell.mutate`` or, where
the dialog must hear the answer, on the worker with the same refresh ``mutate`` does).
Dialogs are window-modal but never block (``open()``), so the methods return at once; those
that open one return it (tests and callers may wait on it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from desktop_crm.domain.clock import local_today
from desktop_crm.domain.followup_time import Snooze
from desktop_crm.domain.vocab import ActivityKind, FollowUpStatus
from desktop_crm.services.followups.dto import Completion, FollowUpDraft, FollowUpRow
from desktop_crm.services.search.dto import SearchHit
from ui.followups.complete_dialog import CompleteDialog
from ui.followups.plan_dialog import Linked, PlanDialog, empty_draft
from ui.followups.reschedule_dialog import RescheduleDialog
from ui.followups.snooze import SnoozePickDialog, snooze_menu
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.shell import Shell

NEXT_AFTER = timedelta(days=7)  # the next follow-up offered after completing one
MAX_TARGETS = 200  # contacts planned for at once from a list selection


def follow_up_actions(shell: Shell) -> FollowUpActions:
    """The window's follow-up actions (made on first use, kept as the window's child)."""
    found = shell.findChild(FollowUpActions, FollowUpActions.OBJECT_NAME)
    if isinstance(found, FollowUpActions):
        return found
    return FollowUpActions(shell)


def phone_url(phone: str) -> QUrl:
    """A ``tel:`` link for a phone as typed (digits and a leading +)."""
    digits = "".join(ch for ch in phone if ch.isdigit() or ch == "+")
    return QUrl(f"tel:{digits}")


class FollowUpActions(QObject):
    """Plan, edit, complete, snooze, reschedule, cancel, open, copy and call follow-ups.

    Args:
        shell: The main window (worker, workspace, mutate, errors).
    """

    OBJECT_NAME = "followUpActions"

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.setObjectName(self.OBJECT_NAME)
        self.shell = shell

    def _workspace(self) -> Workspace | None:
        return self.shell.workspace

    def _parent(self) -> QWidget:
        """Dialogs belong to the window the user is in (a card), else the main window."""
        active = QApplication.activeWindow()
        return active if active is not None and active.isVisible() else self.shell

    # --- planning -----------------------------------------------------------------------------

    def plan(
        self,
        prefill: FollowUpDraft | None = None,
        *,
        linked: Linked | None = None,
        targets: Sequence[SearchHit] = (),
    ) -> PlanDialog | None:
        """Open the plan dialog, filled from ``prefill`` (``None``: empty, due tomorrow).

        Args:
            prefill: What to start from.
            linked: The names of its person, company and deal, when the caller knows them.
            targets: Several contacts: one follow-up is planned for each.
        """
        ws = self._workspace()
        if ws is None:
            return None
        draft = prefill or empty_draft(ws)
        dialog = PlanDialog(
            self.shell, ws, draft, linked=linked, targets=targets, parent=self._parent()
        )
        dialog.show()
        return dialog

    def plan_for(self, targets: Sequence[SearchHit]) -> PlanDialog | None:
        """Plan one follow-up for each of these contacts (people or companies)."""
        ws = self._workspace()
        if ws is None or not targets:
            return None
        if len(targets) > MAX_TARGETS:
            QMessageBox.information(
                self._parent(),
                self.tr("Plan follow-ups"),
                fill(
                    self.tr("Select at most %1 contacts to plan a follow-up for each of them."),
                    MAX_TARGETS,
                ),
            )
            return None
        draft = empty_draft(ws)
        if len(targets) == 1:
            hit = targets[0]
            draft = replace(
                draft,
                person_id=hit.id if hit.kind == "person" else None,
                company_id=hit.id if hit.kind == "company" else None,
            )
        return self.plan(draft, targets=targets, linked=Linked())

    def plan_here(self) -> PlanDialog | None:
        """Plan for what the user looks at: the card in front, the selected contacts, or none."""
        ws = self._workspace()
        if ws is None:
            return None
        target = self._contact_in_front()
        if target is not None:
            kind, record_id, name = target
            if kind == "person":
                draft = replace(empty_draft(ws), person_id=record_id)
                return self.plan(draft, linked=Linked(person=name))
            draft = replace(empty_draft(ws), company_id=record_id)
            return self.plan(draft, linked=Linked(company=name))
        selected = self._selected_contacts()
        if selected:
            return self.plan_for(selected)
        return self.plan()

    def _contact_in_front(self) -> tuple[str, str, str] | None:
        """The card in front, as ``(kind, id, name)``: windows that show one contact say so.

        A card (``ui.contacts``) offers ``follow_up_target()``; asked for by name, so this
        package needs not import the contacts package, which imports it.
        """
        active = QApplication.activeWindow()
        target = getattr(active, "follow_up_target", None)
        if active is None or not active.isVisible() or not callable(target):
            return None
        found: tuple[str, str, str] = target()
        return found

    def _selected_contacts(self) -> list[SearchHit]:
        """The contacts selected in the Contacts list, when it is the screen shown."""
        current = getattr(self.shell, "current_view", None)
        screen = getattr(self.shell, "screens", {}).get("contacts")
        if screen is None or not callable(current) or current() != "contacts":
            return []
        selected: list[SearchHit] = screen.selected_contacts()
        return selected

    # --- editing and opening ------------------------------------------------------------------

    def edit(self, follow_up_id: str) -> None:
        """Open a follow-up in the edit dialog (read on the reader first)."""
        ws = self._workspace()
        if ws is None:
            return
        self.shell.worker.read(
            lambda: ws.reads.followups.get(follow_up_id),
            self._show_edit,
            self.shell.show_error,
        )

    def _show_edit(self, row: FollowUpRow) -> None:
        self.edit_row(row)

    def edit_row(self, row: FollowUpRow) -> PlanDialog | None:
        """Open a follow-up read already in the edit dialog (done ones read-only)."""
        ws = self._workspace()
        if ws is None:
            return None
        dialog = PlanDialog(
            self.shell,
            ws,
            row.draft(),
            row.id,
            linked=Linked(person=row.person, company=row.company, deal=row.deal),
            parent=self._parent(),
        )
        if row.status != FollowUpStatus.PLANNED:
            dialog.show_finished(row)
        dialog.show()
        return dialog

    def open(self, follow_up_id: str) -> None:
        """Show a follow-up (its edit dialog)."""
        self.edit(follow_up_id)

    def open_card(self, row: FollowUpRow) -> None:
        """Open the card of the follow-up's person, else its company."""
        if row.person_id:
            self.shell.open_card("person", row.person_id)
        elif row.company_id:
            self.shell.open_card("company", row.company_id)

    # --- completing ---------------------------------------------------------------------------

    def complete(self, row: FollowUpRow) -> CompleteDialog | None:
        """Ask the outcome and complete; then offer to plan the next one (unless repeating)."""
        ws = self._workspace()
        if ws is None:
            return None
        dialog = CompleteDialog(row, ws.clock.zone(), self._parent())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.complete_now(
                row, dialog.outcome_text(), dialog.kind(), plan_next=dialog.wants_next()
            )
        )
        dialog.open()
        return dialog

    def complete_now(
        self,
        row: FollowUpRow,
        outcome: str = "",
        activity_kind: ActivityKind | None = None,
        *,
        plan_next: bool = False,
    ) -> None:
        """Complete without asking; with ``plan_next``, then open the plan dialog for the next."""
        ws = self._workspace()
        if ws is None:
            return

        def done(completion: Completion) -> None:
            self.shell.apply_changes(completion.change)
            if completion.next_due_on is not None:
                self.shell.show_status(
                    fill(
                        self.tr("Follow-up completed. The next one is due on %1."),
                        completion.next_due_on.isoformat(),
                    )
                )
            else:
                self.shell.show_status(self.tr("Follow-up completed."))
            if plan_next and completion.next_id is None:
                self.plan(self.next_draft(row), linked=_linked(row))

        self.shell.worker.submit(
            lambda: ws.followups.complete(row.id, outcome, activity_kind=activity_kind),
            done,
            self.shell.show_error,
        )

    def next_draft(self, row: FollowUpRow) -> FollowUpDraft:
        """The next follow-up offered after ``row``: the same contact, deal and kind, in a week."""
        ws = self._workspace()
        today = local_today(ws.clock) if ws is not None else row.due_on
        return replace(row.draft(), due_on=today + NEXT_AFTER, notes="", repeat=None)

    # --- snoozing, rescheduling, cancelling ---------------------------------------------------

    def snooze(self, row: FollowUpRow, choice: Snooze | None = None) -> SnoozePickDialog | None:
        """Snooze its reminder by ``choice``; ``None``: ask for a moment."""
        ws = self._workspace()
        if ws is None:
            return None
        if choice is not None:
            picked = Snooze(choice)
            self.shell.mutate(
                lambda w: w.followups.snooze_for(row.id, picked), self.tr("Reminder snoozed.")
            )
            return None
        dialog = SnoozePickDialog(ws.clock.now(), ws.clock.zone(), self._parent())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.snooze_until(row, dialog.until()))
        dialog.open()
        return dialog

    def snooze_until(self, row: FollowUpRow, until: Any) -> None:
        """Remind of ``row`` again at the moment ``until``."""
        self.shell.mutate(lambda w: w.followups.snooze(row.id, until), self.tr("Reminder snoozed."))

    def snooze_menu(self, row: FollowUpRow, parent: QWidget | None = None) -> QMenu:
        """A menu of the snooze choices (and "Pick a time…") for ``row``."""
        return snooze_menu(lambda c: self.snooze(row, c), lambda: self.snooze(row), parent)

    def reschedule(self, row: FollowUpRow) -> RescheduleDialog | None:
        """Ask a new day and time and move it there."""
        ws = self._workspace()
        if ws is None:
            return None
        dialog = RescheduleDialog(row, ws.clock.zone(), local_today(ws.clock), self._parent())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            day, wall, zone = dialog.values()
            self.shell.mutate(
                lambda w: w.followups.reschedule(row.id, day, wall, zone),
                fill(self.tr("Moved to %1."), day.isoformat()),
            )

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def cancel(self, row: FollowUpRow) -> None:
        """Cancel it, after asking."""
        if not self.confirm(
            self.tr("Cancel follow-up"),
            fill(self.tr("Cancel the follow-up “%1”? You can undo this with Ctrl+Z."), row.subject),
        ):
            return
        self.shell.mutate(lambda w: w.followups.cancel(row.id), self.tr("Follow-up cancelled."))

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question (tests answer it by replacing this)."""
        answer = QMessageBox.question(self._parent(), title, text)
        return answer == QMessageBox.StandardButton.Yes

    # --- the phone ----------------------------------------------------------------------------

    def copy_phone(self, row: FollowUpRow) -> None:
        """Put the follow-up's phone on the clipboard."""
        if not row.phone:
            self.shell.show_status(self.tr("No phone number for this follow-up."))
            return
        QGuiApplication.clipboard().setText(row.phone)
        self.shell.show_status(fill(self.tr("Copied %1."), row.phone))

    def call_phone(self, row: FollowUpRow) -> None:
        """Dial the follow-up's phone (a tel: link, handed to the system's phone app)."""
        if not row.phone:
            self.shell.show_status(self.tr("No phone number for this follow-up."))
            return
        QDesktopServices.openUrl(phone_url(row.phone))

    # --- menus --------------------------------------------------------------------------------

    def context_menu(self, row: FollowUpRow, parent: QWidget | None = None) -> QMenu:
        """Everything one can do to ``row``, as a context menu."""
        menu = QMenu(parent)
        planned = row.status == FollowUpStatus.PLANNED
        items: tuple[tuple[str, Callable[[], object], bool], ...] = (
            (self.tr("Complete…"), lambda: self.complete(row), planned),
            (self.tr("Reschedule…"), lambda: self.reschedule(row), planned),
            (self.tr("Edit…") if planned else self.tr("Open…"), lambda: self.edit_row(row), True),
            (self.tr("Cancel follow-up…"), lambda: self.cancel(row), planned),
        )
        for text, slot, enabled in items[:2]:
            action = menu.addAction(text)
            action.setEnabled(enabled)
            action.triggered.connect(lambda _c=False, s=slot: s())
        snooze = self.snooze_menu(row, menu)
        snooze.setEnabled(planned)
        menu.addMenu(snooze)
        for text, slot, enabled in items[2:]:
            action = menu.addAction(text)
            action.setEnabled(enabled)
            action.triggered.connect(lambda _c=False, s=slot: s())
        menu.addSeparator()
        for text, slot in (
            (self.tr("Copy phone"), lambda: self.copy_phone(row)),
            (self.tr("Call"), lambda: self.call_phone(row)),
        ):
            action = menu.addAction(text)
            action.setEnabled(bool(row.phone))
            action.triggered.connect(lambda _c=False, s=slot: s())
        if row.person_id or row.company_id:
            action = menu.addAction(self.tr("Open card"))
            action.triggered.connect(lambda _c=False: self.open_card(row))
        return menu


def _linked(row: FollowUpRow) -> Linked:
    return Linked(person=row.person, company=row.company, deal=row.deal)
