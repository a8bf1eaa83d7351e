"""How follow-ups read on screen: kinds, due moments in local time, repeats in plain words."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from desktop_crm.domain.followup_time import wall_time
from desktop_crm.domain.local_zone import zone as zone_named
from desktop_crm.domain.repeat import Repeat, occurrences, repeat_of
from desktop_crm.domain.vocab import ActivityKind
from desktop_crm.services.followups.dto import FOLLOW_UP_KINDS, FollowUpRow
from ui.text_fill import fill
from ui.translation_context import TranslationContext

DAY_FORMAT = "%Y-%m-%d"
TIME_FORMAT = "%H:%M"


class FollowUpTexts(TranslationContext):
    """Translation context of the follow-up texts made outside a widget."""


def kind_labels() -> dict[ActivityKind, str]:
    """The activity kinds in the user's language, the words the card uses for them."""
    # The card's own words (context CardDialog), so a call reads the same everywhere.
    translate = QCoreApplication.translate
    return {
        ActivityKind.CALL: translate("CardDialog", "Call"),
        ActivityKind.MEETING: translate("CardDialog", "Meeting"),
        ActivityKind.VISIT: translate("CardDialog", "Visit"),
        ActivityKind.EMAIL: translate("CardDialog", "Email"),
        ActivityKind.MESSAGE: translate("CardDialog", "Message"),
        ActivityKind.NOTE: translate("CardDialog", "Note"),
    }


def follow_up_kinds() -> list[tuple[ActivityKind, str]]:
    """The kinds a follow-up may be, with their words, in the order offered."""
    labels = kind_labels()
    return [(kind, labels[kind]) for kind in FOLLOW_UP_KINDS]


def weekday_names() -> list[str]:
    """Monday to Sunday in the user's language."""
    return [
        FollowUpTexts.tr("Monday"),
        FollowUpTexts.tr("Tuesday"),
        FollowUpTexts.tr("Wednesday"),
        FollowUpTexts.tr("Thursday"),
        FollowUpTexts.tr("Friday"),
        FollowUpTexts.tr("Saturday"),
        FollowUpTexts.tr("Sunday"),
    ]


def repeat_text(repeat: Repeat) -> str:
    """A repeat in plain words ("Every 2 weeks", "Every Monday")."""
    n = repeat.every
    if repeat.weekday is not None:
        day = weekday_names()[repeat.weekday]
        if n == 1:
            return fill(FollowUpTexts.tr("Every %1"), day)
        return fill(FollowUpTexts.tr("Every %n weeks on %1", "", n), day)
    if n == 1:
        ones = {
            "days": FollowUpTexts.tr("Every day"),
            "weeks": FollowUpTexts.tr("Every week"),
            "months": FollowUpTexts.tr("Every month"),
        }
        return ones[repeat.unit]
    if repeat.unit == "days":
        return FollowUpTexts.tr("Every %n days", "", n)
    if repeat.unit == "weeks":
        return FollowUpTexts.tr("Every %n weeks", "", n)
    return FollowUpTexts.tr("Every %n months", "", n)


def rule_text(rule: str | None) -> str:
    """A stored RRULE body in plain words ("" for none; the rule itself if not one of ours)."""
    if not rule:
        return ""
    try:
        return repeat_text(repeat_of(rule))
    except ValueError:
        return rule


def repeat_summary(repeat: Repeat | None, start: date, count: int = 2) -> str:
    """What a repeat starting on ``start`` does: "Every 2 weeks, next on 2026-12-07, 2026-12-21".

    ``start`` is the first occurrence (the follow-up being planned); the days after it are
    computed by ``domain.repeat.occurrences``, as the service will plan them.
    """
    if repeat is None:
        return FollowUpTexts.tr("Does not repeat")
    days = occurrences(repeat.rule(start), start, start, count)
    if not days:
        return repeat_text(repeat)
    return fill(
        FollowUpTexts.tr("%1, then on %2"),
        repeat_text(repeat),
        ", ".join(d.strftime(DAY_FORMAT) for d in days),
    )


def elsewhere(moment: datetime, planned: str | None, local: ZoneInfo) -> str:
    """The wall time in the zone it was planned in, when that reads differently from here.

    "09:00 Asia/Shanghai" for a call planned in Shanghai and shown in Berlin; "" when the
    planned zone shows the same wall time (or there is none).
    """
    if not planned or planned == local.key:
        return ""
    there_day, there = wall_time(moment, zone_named(planned))
    here_day, here = wall_time(moment, local)
    if (there_day, there) == (here_day, here):
        return ""
    text = there.strftime(TIME_FORMAT)
    if there_day != here_day:
        text = f"{there_day.strftime(DAY_FORMAT)} {text}"
    return f"{text} {planned}"


def due_text(row: FollowUpRow, local: ZoneInfo, *, short: bool = False) -> str:
    """When a follow-up is due, in local time ("2026-11-24", "2026-11-24 14:00").

    A timed one planned in another zone says its wall time there too:
    "2026-11-24 02:00 (09:00 Asia/Shanghai)"; ``short`` names the zone by its city
    ("09:00 Shanghai"), for lists.
    """
    if row.due_at is None:
        return row.due_on.strftime(DAY_FORMAT)
    day, wall = wall_time(row.due_at, local)
    text = f"{day.strftime(DAY_FORMAT)} {wall.strftime(TIME_FORMAT)}"
    there = elsewhere(row.due_at, row.zone, local)
    if there and short and row.zone:
        there = there.replace(row.zone, row.zone.rsplit("/", 1)[-1].replace("_", " "))
    return f"{text} ({there})" if there else text


def zone_note(day: date, wall: time, planned: ZoneInfo, local: ZoneInfo) -> str:
    """For the dialogs: "09:00 Asia/Shanghai = 02:00 here" when the zones read differently."""
    from desktop_crm.domain.followup_time import moment_of

    if planned.key == local.key:
        return ""
    moment = moment_of(day, wall, planned)
    here_day, here = wall_time(moment, local)
    there = wall.strftime(TIME_FORMAT)
    shown = here.strftime(TIME_FORMAT)
    if here_day != day:
        shown = f"{here_day.strftime(DAY_FORMAT)} {shown}"
    if (here_day, here) == (day, wall.replace(second=0, microsecond=0)):
        return ""
    return fill(FollowUpTexts.tr("%1 %2 = %3 here"), there, planned.key, shown)


def status_text(row: FollowUpRow) -> str:
    """Planned (or overdue), done, cancelled, in the user's language."""
    if row.status == "done":
        return FollowUpTexts.tr("Done")
    if row.status == "cancelled":
        return FollowUpTexts.tr("Cancelled")
    return FollowUpTexts.tr("Overdue") if row.overdue else FollowUpTexts.tr("Planned")
