"""Importing contact files and exporting lists, with progress, cancel and a plain report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from desktop_crm.domain.progress import CancelToken
from desktop_crm.services.importing.vcard_import import is_vcard_file
from ui.shell import Shell

if TYPE_CHECKING:
    from desktop_crm.services.importing.dto import ImportReport
    from ui.contacts.contacts_view import ContactsView
    from ui.imports.import_wizard import ImportWizard


def run_import(window: Shell, path: Path, **options: Any) -> QProgressDialog | None:
    """Import ``path`` on the worker with a progress dialog that can cancel.

    Args:
        window: The main window.
        path: The file.
        **options: For ``import_file``: entity, sheet, mapping, date_orders, duplicates...
    """
    ws = window.workspace
    if ws is None:
        return None
    token = CancelToken()
    progress = QProgressDialog(
        window.tr("Importing %1…").replace("%1", path.name), window.tr("Cancel"), 0, 100, window
    )
    progress.setWindowTitle(window.tr("Import"))
    progress.setMinimumDuration(300)
    progress.canceled.connect(token.cancel)
    timer = QTimer(progress)
    timer.setInterval(100)
    timer.timeout.connect(
        lambda: token.total and progress.setValue(int(100 * token.done / token.total))
    )
    timer.start()

    def done(report: ImportReport) -> None:
        timer.stop()
        progress.reset()
        if report.operation_id:
            window.apply_changes(report.changes())
        show_report(window, report)

    def failed(exc: BaseException) -> None:
        timer.stop()
        progress.reset()
        window.show_error(exc)

    window.worker.submit(
        lambda: ws.imports.import_file(path, progress=token, **options), done, failed
    )
    return progress


def report_text(parent: QWidget, report: ImportReport) -> str:
    """The import summary a user reads."""
    lines = [
        parent.tr("%1: %2 created, %3 updated, %4 skipped, %5 failed.")
        .replace("%1", report.source.name)
        .replace("%2", str(report.created))
        .replace("%3", str(report.updated))
        .replace("%4", str(report.skipped))
        .replace("%5", str(report.failed))
    ]
    lines += [f"• {line}" for line in (*report.problems, *report.notes)[:30]]
    extra = len(report.problems) + len(report.notes) - 30
    if extra > 0:
        lines.append(parent.tr("…and %1 more.").replace("%1", str(extra)))
    if report.error_workbook:
        lines.append(
            parent.tr("Rows that could not be imported are listed in %1.").replace(
                "%1", str(report.error_workbook)
            )
        )
    if report.operation_id:
        lines.append(parent.tr("Edit > Undo takes the whole import back."))
    return "\n".join(lines)


def show_report(parent: QWidget, report: ImportReport) -> None:
    """Tell the user what the import did."""
    QMessageBox.information(parent, parent.tr("Import finished"), report_text(parent, report))


def choose_import(window: Shell) -> None:
    """Ask for a file; vCards import at once, tables through the import wizard."""
    name, _f = QFileDialog.getOpenFileName(
        window,
        window.tr("Import"),
        str(Path.home()),
        window.tr(
            "Spreadsheets and contact files (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.htm *.html "
            "*.xml *.fods *.ldif *.vcf *.vcard)"
            ";;All files (*)"
        ),
    )
    if name:
        open_import(window, Path(name))


def open_import(window: Shell, path: Path) -> ImportWizard | None:
    """Import ``path``: a vCard at once, a table after the wizard's mapping and preview."""
    ws = window.workspace
    if ws is None:
        return None
    if is_vcard_file(path):
        run_import(window, path)
        return None
    from ui.imports.import_wizard import ImportWizard

    wizard = ImportWizard(window.worker, ws, path, window)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.importRequested.connect(lambda options: run_import(window, path, **options))
    wizard.show()
    return wizard


def choose_export(window: Shell, view: ContactsView, record_ids_job: object, count: int) -> None:
    """Ask for a file and export: the list as .xlsx/.csv, or the people as vCard."""
    filters = {
        window.tr("Excel workbook (*.xlsx)"): "xlsx",
        window.tr("CSV, UTF-8 (*.csv)"): "csv",
        window.tr("vCard 3.0 (*.vcf)"): "3.0",
        window.tr("vCard 4.0 (*.vcf)"): "4.0",
    }
    name, chosen = QFileDialog.getSaveFileName(
        window,
        window.tr("Export %n contact(s)", "", count),
        str(Path.home() / "contacts.xlsx"),
        ";;".join(filters),
    )
    if not name:
        return
    kind = filters.get(chosen, "xlsx")
    if kind in ("xlsx", "csv"):
        run_list_export(window, view, Path(name), kind)
    else:
        run_export(window, Path(name), record_ids_job, kind)


def run_list_export(window: Shell, view: ContactsView, target: Path, fmt: str) -> None:
    """Export the Contacts screen's list as it is shown (filter, sort, columns, headers)."""
    ws = window.workspace
    if ws is None:
        return
    flt, columns = view.current_filter(), list(view.model.columns)
    sort, descending, headers = view.model.sort_key, view.model.descending, dict(view.headers)
    window.worker.submit(
        lambda: ws.exports.export_list(target, fmt, flt, columns, sort, descending, headers),
        _finished(window, window.tr("Exported %1 contacts to %2.").replace("%2", target.name)),
        window.show_error,
    )


def run_export(window: Shell, target: Path, record_ids_job: object, version: str) -> None:
    """Export on the worker and say how many were written."""
    ws = window.workspace
    if ws is None:
        return
    resolve = record_ids_job

    def job() -> int:
        ids = resolve(ws)  # type: ignore[operator]
        return ws.exports.export_people_vcard(target, ids, version)

    window.worker.submit(
        job,
        _finished(window, window.tr("Exported %1 contacts to %2.").replace("%2", target.name)),
        window.show_error,
    )


def _finished(window: Shell, text: str) -> Callable[[Any], None]:
    return lambda n: window.statusBar().showMessage(text.replace("%1", str(n)), 8000)


def choose_record_export(window: Shell, entity: str) -> None:
    """Ask for a file and export every deal, quote, activity or product to it."""
    ws = window.workspace
    if ws is None:
        return
    filters = {window.tr("Excel workbook (*.xlsx)"): "xlsx", window.tr("CSV, UTF-8 (*.csv)"): "csv"}
    name, chosen = QFileDialog.getSaveFileName(
        window, window.tr("Export"), str(Path.home() / f"{entity}.xlsx"), ";;".join(filters)
    )
    if not name:
        return
    target, fmt = Path(name), filters.get(chosen, "xlsx")
    if target.suffix.lower() in (".xlsx", ".csv"):
        fmt = target.suffix.lower()[1:]
    window.worker.submit(
        lambda: ws.exports.export_records(target, fmt, entity),
        _finished(window, window.tr("Exported %1 rows to %2.").replace("%2", target.name)),
        window.show_error,
    )


def choose_workspace_export(window: Shell) -> None:
    """Ask for a file and write the whole workspace to it, a sheet per table."""
    ws = window.workspace
    if ws is None:
        return
    name, _f = QFileDialog.getSaveFileName(
        window,
        window.tr("Export Whole Workspace"),
        str(Path.home() / f"{ws.path.stem}-export.xlsx"),
        window.tr("Excel workbook (*.xlsx)"),
    )
    if not name:
        return
    target = Path(name).with_suffix(".xlsx")
    window.statusBar().showMessage(window.tr("Exporting the workspace…"))
    window.worker.submit(
        lambda: ws.exports.export_workspace(target),
        _finished(
            window,
            window.tr("Wrote %1 rows to %2; import it into a new workspace to move it.").replace(
                "%2", target.name
            ),
        ),
        window.show_error,
    )


def choose_template(window: Shell, entity: str) -> None:
    """Ask for a file and write an import template (English or Chinese) to it."""
    filters = {window.tr("English template (*.xlsx)"): "en", "中文模板 (*.xlsx)": "zh"}
    chinese = QLocale().language() == QLocale.Language.Chinese or (
        QCoreApplication.translate("Labels", "Lead") != "Lead"  # the Chinese UI is on
    )
    default = "中文模板 (*.xlsx)" if chinese else window.tr("English template (*.xlsx)")
    name, chosen = QFileDialog.getSaveFileName(
        window,
        window.tr("Save Import Template"),
        str(Path.home() / f"{entity}-template.xlsx"),
        ";;".join(filters),
        default,
    )
    if not name:
        return
    target, language = Path(name).with_suffix(".xlsx"), filters.get(chosen, "en")

    def job() -> None:
        from desktop_crm.services.exporting.exports import write_template

        write_template(target, entity, language)

    window.worker.submit(
        job,
        lambda _r: window.statusBar().showMessage(
            window.tr("Template saved as %1.").replace("%1", str(target)), 8000
        ),
        window.show_error,
    )
