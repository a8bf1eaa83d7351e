"""Desktop notifications of due follow-ups, and the words they are shown in.

The notifications go through ``QSystemTrayIcon.showMessage`` rather than a library such as
desktop-notifier:

- no extra dependency, and no asyncio event loop to run beside Qt's (desktop-notifier's API is
  async; in a Qt app it needs qasync or a thread of its own);
- the same tray icon also carries the due-count badge and the menu (Open, Today, Plan
  follow-up…, Quit), and its ``messageClicked`` signal opens the item;
- Qt hands the message to each system's own notification service: Windows' toast notifications
  (from the tray icon), macOS Notification Center, and on Linux the freedesktop
  ``org.freedesktop.Notifications`` D-Bus service (through the StatusNotifierItem tray), with a
  balloon of Qt's own as the fallback.

What it cannot do everywhere is carry buttons (Snooze 15 minutes…), so the always-on-top
reminder window (:mod:`ui.reminders.reminder_window`) offers Open, Complete and Snooze for every
reminder shown. Tests use a recording notifier: offscreen Qt has no tray.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol
from zoneinfo import ZoneInfo

from ui.followups.texts import DAY_FORMAT, due_text
from ui.translation_context import TranslationContext

if TYPE_CHECKING:
    from desktop_crm.services.followups.dto import FollowUpRow, Reminder
    from ui.reminders.tray import AppTray

SHOWN_IN_BODY = 3
"""Subjects listed in a grouped notification; the rest are counted."""


class ReminderTexts(TranslationContext):
    """Translation context of the reminders' texts."""


@dataclass(frozen=True)
class Notification:
    """One desktop notification.

    Attributes:
        title: Its first line (the subject, or how many are due).
        body: What follows (contact and due time, or the first subjects).
        follow_up_id: The follow-up clicking it opens ("" for a group: the reminder window).
    """

    title: str
    body: str
    follow_up_id: str


class Notifier(Protocol):
    """Shows desktop notifications (the tray's, or a recording fake in tests)."""

    def notify(self, notification: Notification) -> None:
        """Show ``notification``; clicking it reports its ``follow_up_id``."""
        ...


def when_text(row: FollowUpRow, now: datetime, zone: ZoneInfo) -> str:
    """When a follow-up is due, as the lists say it, with "Today" for today's date.

    ``Today 10:00``, ``2026-11-22``; a call planned in another zone names its planned wall
    time too (``Today 02:00 (09:00 Shanghai)``): after a flight the reminder keeps its moment.
    """
    text = due_text(row, zone, short=True)
    today = now.astimezone(zone).date().strftime(DAY_FORMAT)
    if text.startswith(today):
        return ReminderTexts.tr("Today") + text[len(today) :]
    return text


def notification_for(reminders: Sequence[Reminder], now: datetime, zone: ZoneInfo) -> Notification:
    """The one notification for ``reminders`` coming due together (several are grouped)."""
    if len(reminders) == 1:
        row = reminders[0].follow_up
        parts = [p for p in (row.contact, when_text(row, now, zone)) if p]
        return Notification(row.subject, " · ".join(parts), row.id)
    title = ReminderTexts.tr("%n follow-ups are due", "", len(reminders))
    # Each with whom it is for: two "催款" lines are told apart by their contacts.
    lines = [
        " · ".join(p for p in (r.follow_up.subject, r.follow_up.contact) if p)
        for r in reminders[:SHOWN_IN_BODY]
    ]
    rest = len(reminders) - SHOWN_IN_BODY
    if rest > 0:
        lines.append(ReminderTexts.tr("and %n more", "", rest))
    return Notification(title, "\n".join(lines), "")


class TrayNotifier:
    """Notifications as the tray icon's messages; a click calls ``on_click(follow_up_id)``.

    Args:
        tray: The app's tray icon (shown: a hidden one cannot show messages).
        on_click: Called with the clicked message's follow-up id ("" for a group).
    """

    def __init__(self, tray: AppTray, on_click: Callable[[str], None]) -> None:
        self._tray = tray
        self._last = ""
        self._on_click = on_click
        tray.messageClicked.connect(lambda: self._on_click(self._last))

    def notify(self, notification: Notification) -> None:
        """Show ``notification`` as a message from the tray icon."""
        self._last = notification.follow_up_id
        self._tray.show_message(notification.title, notification.body)
