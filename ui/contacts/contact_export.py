"""Exporting contacts: the list as it is shown (xlsx, csv), or the chosen people as vCard."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from desktop_crm.domain.choices import ExportFormat
from desktop_crm.domain.progress import CancelToken
from ui.choices import EXPORT_FORMATS, as_choice
from ui.imports.file_transfer import FileTransfer, finished_message
from ui.language import ui_language
from ui.progress_dialog import ProgressRun, run_with_progress
from ui.shell import Shell
from ui.text_fill import fill

if TYPE_CHECKING:
    from ui.contacts.contacts_view import ContactsView


def choose_export(window: Shell, view: ContactsView, record_ids_job: object, count: int) -> None:
    """Ask for a file and export: the list as .xlsx/.csv, or the people as vCard."""
    filters = {
        FileTransfer.tr("Excel workbook (*.xlsx)"): "xlsx",
        FileTransfer.tr("CSV, UTF-8 (*.csv)"): "csv",
        FileTransfer.tr("vCard 3.0 (*.vcf)"): "3.0",
        FileTransfer.tr("vCard 4.0 (*.vcf)"): "4.0",
    }
    name, chosen = QFileDialog.getSaveFileName(
        window,
        FileTransfer.tr("Export %n contacts", "", count),
        str(Path.home() / "contacts.xlsx"),
        ";;".join(filters),
    )
    if not name:
        return
    kind = filters.get(chosen, "xlsx")
    fmt = as_choice(kind, EXPORT_FORMATS)
    if fmt is not None:
        run_list_export(window, view, Path(name), fmt)
    else:
        run_export(window, Path(name), record_ids_job, kind)


def run_list_export(
    window: Shell, view: ContactsView, target: Path, fmt: ExportFormat
) -> ProgressRun | None:
    """Export the Contacts screen's list as shown (filter, sort, columns), with progress."""
    ws = window.workspace
    if ws is None:
        return None
    flt, columns = view.current_filter(), list(view.model.columns)
    sort, descending, headers = view.model.sort_key, view.model.descending, dict(view.headers)
    language = ui_language()  # statuses in the words on screen
    return run_with_progress(
        window,
        FileTransfer.tr("Export"),
        fill(FileTransfer.tr("Exporting to %1…"), target.name),
        lambda token: ws.exports.export_list(
            target, fmt, flt, columns, sort, descending, headers, progress=token, language=language
        ),
        finished_message(
            window,
            lambda n: fill(FileTransfer.tr("Exported %Ln contacts to %1.", "", n), target.name),
        ),
        window.show_error,
    )


def run_export(
    window: Shell, target: Path, record_ids_job: object, version: str
) -> ProgressRun | None:
    """Export people as vCard on the worker, with progress; say how many were written."""
    ws = window.workspace
    if ws is None:
        return None
    resolve = record_ids_job

    def job(token: CancelToken) -> int:
        ids = resolve(ws)  # type: ignore[operator]
        return ws.exports.export_people_vcard(target, ids, version, progress=token)

    return run_with_progress(
        window,
        FileTransfer.tr("Export"),
        fill(FileTransfer.tr("Exporting to %1…"), target.name),
        job,
        finished_message(
            window,
            lambda n: fill(FileTransfer.tr("Exported %Ln contacts to %1.", "", n), target.name),
        ),
        window.show_error,
    )
