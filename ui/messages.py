"""Error codes from the core turned into translated, plain-language messages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_crm.domain.errors import CrmError


def _t(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def error_text(exc: BaseException) -> str:
    """A one-paragraph message for the user; unknown errors keep their own text."""
    if not isinstance(exc, CrmError):
        return _t("Something went wrong: %1").replace("%1", str(exc) or type(exc).__name__)
    p = exc.params
    path = str(p.get("path", ""))
    texts = {
        "workspace.locked": _t(
            "This workspace is already open in another Desktop CRM window (process %1). "
            "Close it there first."
        ).replace("%1", str(p.get("pid", "?"))),
        "workspace.damaged": _t("The workspace file %1 is damaged: %2").replace("%1", path)
        .replace("%2", str(p.get("detail", ""))),
        "workspace.too_new": _t(
            "%1 was written by a newer version of Desktop CRM. Update Desktop CRM to open it; "
            "the file was not changed."
        ).replace("%1", path),
        "workspace.foreign": _t("%1 is not a Desktop CRM workspace.").replace("%1", path),
        "workspace.missing": _t("There is no workspace at %1.").replace("%1", path),
        "history.empty": _t("Nothing to undo or redo."),
        "history.conflict": _t(
            "This cannot be undone because later edits changed the same data. Nothing was "
            "changed."
        ),
        "backup.failed": _t("The backup failed: %1").replace("%1", str(p.get("detail", ""))),
        "operation.cancelled": _t("Cancelled. Nothing was written."),
    }
    return texts.get(exc.code, exc.message)
