"""Error codes from the core turned into translated, plain-language messages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_crm.domain.errors import CrmError
from desktop_crm.services.workspace.error_log import log_unexpected
from ui.text_fill import fill


def error_text(exc: BaseException, doing: str = "") -> str:
    """A one-paragraph message for the user, in their language.

    Errors the core raises on purpose say what is wrong. Anything else is a bug or a surprise:
    its details (traceback, SQL, values) go to the error log, and the user reads one sentence
    and where that log is.

    Args:
        exc: The error.
        doing: What failed, translated and fitting "Could not %1", e.g. "import people.xlsx".
    """
    if not isinstance(exc, CrmError):
        if isinstance(exc, OSError) and exc.filename and exc.strerror:
            return fill(
                QCoreApplication.translate("Messages", "Could not use %1: %2."),
                exc.filename,
                exc.strerror,
            )
        return unexpected_text(exc, doing)
    p = exc.params
    path = p.get("path", "")
    code = exc.code
    if code == "workspace.locked":
        return fill(
            QCoreApplication.translate(
                "Messages",
                "This workspace is already open in another Desktop CRM window (process %1). "
                "Close it there first.",
            ),
            p.get("pid", "?"),
        )
    if code == "workspace.damaged":
        return fill(
            QCoreApplication.translate("Messages", "The workspace file %1 is damaged: %2"),
            path,
            p.get("detail", ""),
        )
    if code == "workspace.too_new":
        if p.get("written_by"):
            return fill(
                QCoreApplication.translate(
                    "Messages",
                    "%1 was last written by Desktop CRM %2 (this is %3): install Desktop CRM %2 "
                    "or newer to open it; the file was not changed.",
                ),
                path,
                p["written_by"],
                p.get("this_version", ""),
            )
        return fill(
            QCoreApplication.translate(
                "Messages",
                "%1 was written by a newer version of Desktop CRM. Update Desktop CRM to open "
                "it; the file was not changed.",
            ),
            path,
        )
    if code == "workspace.foreign":
        return fill(
            QCoreApplication.translate("Messages", "%1 is not a Desktop CRM workspace."), path
        )
    if code == "workspace.missing":
        return fill(QCoreApplication.translate("Messages", "There is no workspace at %1."), path)
    if code == "history.empty":
        return QCoreApplication.translate("Messages", "Nothing to undo or redo.")
    if code == "history.conflict":
        return QCoreApplication.translate(
            "Messages",
            "This cannot be undone because later edits changed the same data. Nothing was changed.",
        )
    if code == "backup.failed":
        return fill(
            QCoreApplication.translate("Messages", "The backup failed: %1"),
            p.get("detail", exc.message),
        )
    if code == "storage.failed":
        return fill(
            QCoreApplication.translate(
                "Messages", "The workspace could not be written: %1. Nothing was changed."
            ),
            p.get("detail", ""),
        )
    if code == "operation.cancelled":
        return QCoreApplication.translate("Messages", "Cancelled. Nothing was written.")
    return exc.message


def unexpected_text(exc: BaseException, doing: str = "") -> str:
    """Log ``exc`` in full and return the one sentence users see (no class names, no SQL)."""
    log = log_unexpected(exc, doing)
    if log is None:
        return QCoreApplication.translate(
            "Messages",
            "An unexpected error stopped this, and its details could not be written to a log.",
        )
    if doing:
        return fill(
            QCoreApplication.translate(
                "Messages", "Could not %1: an unexpected error happened. The details are in %2."
            ),
            doing,
            log,
        )
    return fill(
        QCoreApplication.translate(
            "Messages", "An unexpected error stopped this. The details are in %1."
        ),
        log,
    )
