"""Exporting the deals list as shown (filter, sort) to .xlsx or .csv, with progress.

The rows are the deal service's list pages (``services.deals.list_export``), written on the
writer with the shared progress dialog, as the Contacts list exports.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from desktop_crm.domain.choices import ExportFormat
from desktop_crm.services.deals.dto import DealFilter
from desktop_crm.services.deals.list_export import export_deal_list
from ui.choices import EXPORT_FORMATS, as_choice
from ui.imports.file_transfer import FileTransfer, finished_message
from ui.language import ui_language
from ui.progress_dialog import ProgressRun, run_with_progress
from ui.text_fill import fill

if TYPE_CHECKING:
    from ui.shell import Shell


def ask_export_target(shell: Shell) -> tuple[Path, ExportFormat] | None:
    """Ask for a file to export deals to: its path and format (``None``: cancelled)."""
    filters: dict[str, ExportFormat] = {
        FileTransfer.tr("Excel workbook (*.xlsx)"): "xlsx",
        FileTransfer.tr("CSV, UTF-8 (*.csv)"): "csv",
    }
    name, chosen = QFileDialog.getSaveFileName(
        shell,
        FileTransfer.tr("Export"),
        str(Path.home() / "deals.xlsx"),
        ";;".join(filters),
    )
    if not name:
        return None
    target = Path(name)
    # The name's own suffix wins over the filter chosen.
    fmt = as_choice(target.suffix.lower()[1:], EXPORT_FORMATS) or filters.get(chosen, "xlsx")
    return target, fmt


def run_deal_export(
    shell: Shell,
    target: Path,
    fmt: ExportFormat,
    flt: DealFilter,
    sort: str,
    descending: bool,
    headers: dict[str, str],
) -> ProgressRun | None:
    """Export the deals ``flt`` lets through, sorted so, to ``target``, with progress.

    ``headers`` are the list's column titles (the user's language).
    """
    ws = shell.workspace
    if ws is None:
        return None
    language = ui_language()
    return run_with_progress(
        shell,
        FileTransfer.tr("Export"),
        fill(FileTransfer.tr("Exporting to %1…"), target.name),
        lambda token: export_deal_list(
            ws.deals,
            target,
            fmt,
            flt,
            sort,
            descending,
            headers=headers,
            language=language,
            progress=token,
        ),
        finished_message(
            shell,
            lambda n: fill(FileTransfer.tr("Exported %n deals to %1.", "", n), target.name),
        ),
        shell.show_error,
    )
