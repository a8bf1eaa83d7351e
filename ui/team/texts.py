"""Team mode's words: the hub's refusals and the TLS modes in the user's language.

The core's hub errors carry a ``reason`` code and an English one-line message; the UI words
the reasons it knows (so a Chinese user reads Chinese) and falls back to the message.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate

from desktop_crm.domain.errors import (
    HubError,
    HubUnreachableError,
    HubVersionError,
    ValidationError,
)
from desktop_crm.domain.local_zone import zone
from ui.amounts import ui_locale
from ui.messages import error_text
from ui.text_fill import fill
from ui.translation_context import TranslationContext

TLS_MODES = ("prefer", "require", "verify-full", "disable")
"""The TLS modes offered, the default first (the hub's address may name ``verify-ca`` too)."""


class TeamTexts(TranslationContext):
    """Translation context of team mode's module-level texts."""


def moment_text(moment: datetime, now: datetime | None = None) -> str:
    """A moment in local time: "14:30" today, "Yesterday 14:30", else its day and time."""
    here = zone(None)
    local = moment.astimezone(here)
    today = (now or datetime.now(here)).astimezone(here).date()
    clock = f"{local.hour:02}:{local.minute:02}"
    day = local.date()
    if day == today:
        return clock
    if (today - day).days == 1:
        return fill(TeamTexts.tr("Yesterday %1"), clock)
    # Date formats are translated: Chinese reads "3月4日 14:30", not "4 Mar 14:30".
    pattern = TeamTexts.tr("d MMM") if day.year == today.year else TeamTexts.tr("d MMM yyyy")
    return fill(
        TeamTexts.tr("%1 %2", "a day, then a time"),
        ui_locale().toString(QDate(day.year, day.month, day.day), pattern),
        clock,
    )


def tls_labels() -> dict[str, str]:
    """What each TLS mode means, in the user's language."""
    return {
        "prefer": TeamTexts.tr("Encrypt when the hub offers it"),
        "require": TeamTexts.tr("Always encrypt"),
        "verify-full": TeamTexts.tr("Always encrypt and check the hub's certificate"),
        "verify-ca": TeamTexts.tr("Always encrypt and check the certificate's issuer"),
        "disable": TeamTexts.tr("Never encrypt (only on a trusted network)"),
    }


def hub_error_text(exc: BaseException) -> str:
    """One paragraph saying why the hub (or the address) was refused, in the user's language."""
    if isinstance(exc, HubVersionError):
        return _version_text(exc)
    if isinstance(exc, HubUnreachableError):
        return TeamTexts.tr(
            "The team hub cannot be reached (offline, or the address is wrong). Your changes "
            "are kept and sent when it can be reached."
        )
    if isinstance(exc, HubError):
        worded = _reasons().get(str(exc.params.get("reason", "")))
        return worded if worded is not None else exc.message
    if isinstance(exc, ValidationError):
        field = exc.params.get("field")
        if field == "url":
            return TeamTexts.tr(
                "Enter the hub's address as postgresql://host:port/database (no user name or "
                "password in it)."
            )
        if field == "tls":
            return TeamTexts.tr("Choose one of the offered encryption modes.")
        if field == "path":
            return TeamTexts.tr(
                "A file is already there. The team's workspace is downloaded into a new file: "
                "choose another name."
            )
    return error_text(exc)


def _version_text(exc: HubVersionError) -> str:
    """The hub and the app differ: which version to install, or that the hub needs upgrading."""
    needed = exc.params.get("needed")
    if needed:
        return fill(
            TeamTexts.tr(
                "The team hub needs Desktop CRM %1 or newer (this is %2): update the app. Your "
                "changes wait on this computer."
            ),
            needed,
            exc.params.get("this_version", ""),
        )
    if exc.params.get("reason") == "hub_older":
        return TeamTexts.tr(
            "The team hub was set up by an older Desktop CRM: whoever looks after it should run "
            "'desktop-crm hub init' from this version to upgrade it. Your changes wait on this "
            "computer."
        )
    return TeamTexts.tr(
        "This Desktop CRM and the team hub are of different versions. Update the app "
        "(everyone on the team should use the same version); nothing was lost."
    )


def _reasons() -> dict[str, str]:
    return {
        "auth": TeamTexts.tr("The hub refused this user name or password."),
        "permission": TeamTexts.tr(
            "This user may not use the team hub. Ask whoever set up the hub to add you as a member."
        ),
        "database": TeamTexts.tr("The hub's server has no database of that name."),
        "not_empty": TeamTexts.tr(
            "The hub already holds a team's workspace. Use File → Join a Team Workspace… to "
            "download it into a new file; two workspaces are never merged."
        ),
        "joined": TeamTexts.tr("This workspace is joined to another hub already."),
        "empty": TeamTexts.tr(
            "The hub is empty: join it from an existing workspace (Settings → Team) to upload "
            "that workspace first."
        ),
        "seeding": TeamTexts.tr(
            "The first laptop is still uploading the team's workspace; try again when it has "
            "finished."
        ),
        "other_hub": TeamTexts.tr(
            "The hub now holds another team's workspace (it was replaced); this workspace "
            "cannot sync with it."
        ),
        "not_joined": TeamTexts.tr(
            "The hub does not know this laptop (it may have been replaced); this workspace "
            "cannot sync with it."
        ),
        "password": TeamTexts.tr(
            "No password is known for the team hub: enter it in Settings → Team and press Sync Now."
        ),
        "keychain": TeamTexts.tr(
            "This computer has no keychain to keep the hub password in; it is used for this "
            "session only."
        ),
        "hub_newer": TeamTexts.tr("The hub was set up by a newer Desktop CRM: update the app."),
    }
