"""What each Today row offers, and doing it: buttons on the row, its context menu, its keys.

Follow-ups act through the window's shared :class:`ui.followups.actions.FollowUpActions`
(complete, reschedule, snooze, cancel, copy and call), so a follow-up reads and behaves the
same on Today, on a card and in a reminder. The other rows open what they are about (a card,
a deal, a contract) or plan a follow-up prefilled with their contact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from desktop_crm.domain.clock import local_today
from desktop_crm.domain.vocab import ActivityKind
from desktop_crm.services.contracts.dto import OverdueInstalment
from desktop_crm.services.followups.dto import FollowUpDraft, FollowUpRow
from desktop_crm.services.today.dto import StaleDeal
from ui.followups.actions import follow_up_actions, phone_url
from ui.text_fill import fill
from ui.today.today_rows import TodayRow
from ui.translation_context import TranslationContext

if TYPE_CHECKING:
    from ui.shell import Shell

ActionCode = Literal[
    "complete",
    "reschedule",
    "snooze",
    "open_card",
    "copy_phone",
    "call",
    "log_call",
    "plan",
    "open_deal",
    "open_contract",
    "edit",
    "cancel",
]


@dataclass(frozen=True)
class RowAction:
    """Something a row offers.

    Attributes:
        code: What it does.
        text: Its menu entry ("Reschedule…").
        button: Its button's text on the row ("" with an icon: an icon-only button; ``None``:
            in the context menu only).
        icon: The icon of an icon-only button (``ui.icons`` name).
        menu: The button opens a menu (Snooze ▾).
    """

    code: ActionCode
    text: str
    button: str | None = None
    icon: str = ""
    menu: bool = False


class TodayActionTexts(TranslationContext):
    """Translation context of the rows' actions."""


def row_actions(row: TodayRow) -> list[RowAction]:
    """What ``row`` offers, buttons first in the order they stand on the row."""
    card = row.contact() is not None
    phone = bool(row.phone)
    found: list[RowAction] = []

    def add(action: RowAction, when: bool = True) -> None:
        if when:
            found.append(action)

    open_card = RowAction(
        "open_card", TodayActionTexts.tr("Open card"), TodayActionTexts.tr("Open")
    )
    copy = RowAction("copy_phone", TodayActionTexts.tr("Copy phone"), "", "duplicates")
    call = RowAction("call", TodayActionTexts.tr("Call"), "", "call")
    plan = RowAction("plan", TodayActionTexts.tr("Plan follow-up…"), TodayActionTexts.tr("Plan"))
    if row.kind == "follow_up":
        item = row.item
        add(
            RowAction("complete", TodayActionTexts.tr("Complete…"), TodayActionTexts.tr("Complete"))
        )
        add(
            RowAction(
                "reschedule", TodayActionTexts.tr("Reschedule…"), TodayActionTexts.tr("Reschedule")
            )
        )
        add(
            RowAction(
                "snooze", TodayActionTexts.tr("Snooze"), TodayActionTexts.tr("Snooze ▾"), menu=True
            )
        )
        add(open_card, card)
        add(copy, phone)
        add(call, phone)
        deal = isinstance(item, FollowUpRow) and bool(item.deal_id)
        add(RowAction("open_deal", TodayActionTexts.tr("Open deal")), deal)
        add(RowAction("edit", TodayActionTexts.tr("Edit follow-up…")))
        add(RowAction("cancel", TodayActionTexts.tr("Cancel follow-up…")))
    elif row.kind == "stale_customer":
        add(
            RowAction(
                "log_call", TodayActionTexts.tr("Log a call…"), TodayActionTexts.tr("Log call")
            )
        )
        add(plan)
        add(open_card)
        add(copy, phone)
        add(call, phone)
    elif row.kind == "stale_deal":
        add(
            RowAction(
                "open_deal", TodayActionTexts.tr("Open deal"), TodayActionTexts.tr("Open deal")
            )
        )
        add(RowAction("open_card", TodayActionTexts.tr("Open card")), card)
    elif row.kind == "pool":
        add(open_card)
        add(plan)
    elif row.kind == "instalment":
        add(
            RowAction(
                "open_contract",
                TodayActionTexts.tr("Open contract"),
                TodayActionTexts.tr("Open contract"),
            )
        )
    elif row.kind == "birthday":
        add(open_card)
        add(copy, phone)
        add(RowAction("call", TodayActionTexts.tr("Call")), phone)
    return found


def default_action(row: TodayRow) -> ActionCode | None:
    """What Enter (and a double click) does: open what the row is about."""
    if row.kind == "instalment":
        return "open_contract"
    if row.kind == "stale_deal":
        return "open_deal"
    if row.contact() is not None:
        return "open_card"
    if row.kind == "follow_up":
        item = row.item
        return "open_deal" if isinstance(item, FollowUpRow) and item.deal_id else "edit"
    return None


class TodayActions(QObject):
    """Does what a Today row's buttons, menu and keys ask for.

    Args:
        shell: The main window.
        open_contract: Shows a contract by id (the Today screen's way to the Contracts screen).
        parent: The widget menus open over.

    Attributes:
        menu: The last menu opened (the snooze menu or a row's context menu).
        dialog: The last dialog a follow-up action opened (complete, reschedule), if any.
    """

    def __init__(self, shell: Shell, open_contract: Callable[[str], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.shell = shell
        self._open_contract = open_contract
        self._parent = parent
        self.menu: QMenu | None = None
        self.dialog: object = None

    def run(self, code: str, row: TodayRow, at: QPoint | None = None) -> None:
        """Do ``code`` for ``row``; a menu (snooze) opens at the global position ``at``."""
        item = row.item
        shared = follow_up_actions(self.shell)
        if isinstance(item, FollowUpRow):
            follow_up: Callable[[FollowUpRow], object] | None = {
                "complete": shared.complete,
                "reschedule": shared.reschedule,
                "cancel": shared.cancel,
                "copy_phone": shared.copy_phone,
                "call": shared.call_phone,
            }.get(code)
            if follow_up is not None:
                self.dialog = follow_up(item)
                return
            if code == "snooze":
                self._popup(self._snooze_menu(row, self._parent), at)
                return
            if code == "edit":
                shared.open(item.id)
                return
        if code == "open_card":
            found = row.contact()
            if found is not None:
                self.shell.open_card(*found)
        elif code == "open_deal":
            self._open_deal(row)
        elif code == "open_contract" and isinstance(item, OverdueInstalment):
            self._open_contract(item.contract_id)
        elif code == "copy_phone":
            copy_phone(self.shell, row.phone)
        elif code == "call":
            call_phone(row.phone)
        elif code == "plan":
            self.dialog = shared.plan(self.prefill(row))
        elif code == "log_call":
            self._log_call(row)

    def context_menu(self, row: TodayRow, parent: QWidget) -> QMenu:
        """Every action of ``row`` (Snooze as a submenu), in a menu the caller shows."""
        menu = QMenu(parent)
        for action in row_actions(row):
            if action.code == "snooze":
                sub = self._snooze_menu(row, menu)
                sub.setTitle(action.text)
                menu.addMenu(sub)
                continue
            if action.code in ("edit", "open_deal") and row.kind == "follow_up":
                menu.addSeparator()
            entry = menu.addAction(action.text)
            entry.setObjectName(action.code)
            entry.triggered.connect(lambda _c=False, code=action.code: self.run(code, row))
        self.menu = menu
        return menu

    def prefill(self, row: TodayRow) -> FollowUpDraft:
        """A call due today with the row's contact, for "Plan follow-up"."""
        ws = self.shell.workspace
        today = local_today(ws.clock) if ws is not None else date.today()
        found = row.contact()
        person = found[1] if found is not None and found[0] == "person" else None
        company = found[1] if found is not None and found[0] == "company" else None
        return FollowUpDraft(
            subject="",
            due_on=today,
            kind=ActivityKind.CALL,
            person_id=person,
            company_id=company,
        )

    def _snooze_menu(self, row: TodayRow, parent: QWidget) -> QMenu:
        assert isinstance(row.item, FollowUpRow)
        menu = follow_up_actions(self.shell).snooze_menu(row.item, parent)
        self.menu = menu
        return menu

    def _popup(self, menu: QMenu, at: QPoint | None) -> None:
        self.menu = menu
        menu.popup(at if at is not None else self._parent.mapToGlobal(QPoint(0, 0)))

    def _open_deal(self, row: TodayRow) -> None:
        from ui.deals.deal_dialog import open_deal

        item = row.item
        deal_id = item.id if isinstance(item, StaleDeal) else None
        if isinstance(item, FollowUpRow):
            deal_id = item.deal_id
        if deal_id:
            open_deal(self.shell, deal_id)

    def _log_call(self, row: TodayRow) -> None:
        """Open the card with its call form ready (the card logs it, as everywhere)."""
        found = row.contact()
        if found is None:
            return
        card = self.shell.open_card(*found)
        buttons = getattr(card, "log_buttons", None)
        if isinstance(buttons, dict) and ActivityKind.CALL.value in buttons:
            buttons[ActivityKind.CALL.value].click()


def copy_phone(shell: Shell, phone: str) -> None:
    """Put ``phone`` on the clipboard and say so in the status bar."""
    if not phone:
        return
    QGuiApplication.clipboard().setText(phone)
    shell.show_status(fill(TodayActionTexts.tr("Copied %1."), phone))


def call_phone(phone: str) -> None:
    """Hand ``phone`` to the system's dialler (a tel: link: softphones, phone links)."""
    if phone:
        QDesktopServices.openUrl(phone_url(phone))
