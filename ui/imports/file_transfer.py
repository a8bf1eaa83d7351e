"""Importing contact files and exporting lists, with progress, cancel and a plain report."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from desktop_crm.domain.choices import ExportFormat, ImportEntity, Language, RecordList
from ui.choices import EXPORT_FORMATS, as_choice
from ui.language import ui_language
from ui.progress_dialog import ProgressRun, run_with_progress
from ui.shell import Shell
from ui.text_fill import fill
from ui.translation_context import TranslationContext
from ui.workspace_settings.calendar_export import choose_calendar_export

if TYPE_CHECKING:
    from desktop_crm.services.importing.dto import ImportReport
    from ui.imports.import_wizard import ImportWizard


class FileTransfer(TranslationContext):
    """The translation context of importing and exporting, for the functions below."""


def run_import(window: Shell, path: Path, **options: Any) -> ProgressRun | None:
    """Import ``path`` on the worker with the shared progress dialog (Cancel keeps nothing).

    Args:
        window: The main window.
        path: The file.
        **options: For ``import_file``: entity, sheet, mapping, date_orders, duplicates...
    """
    ws = window.workspace
    if ws is None:
        return None

    def done(report: ImportReport) -> None:
        if report.operation_id:
            window.apply_changes(report.changes())
        show_report(window, report)

    return run_with_progress(
        window,
        FileTransfer.tr("Import"),
        fill(FileTransfer.tr("Importing %1…"), path.name),
        lambda token: ws.imports.import_file(path, progress=token, **options),
        done,
        lambda exc: window.show_error(exc),
    )


def report_text(parent: QWidget, report: ImportReport) -> str:
    """The import summary a user reads."""
    from ui.imports.import_summary import done_counts, note_text

    counts = done_counts(report)
    lines = [fill(FileTransfer.tr("%1: %2."), report.source.name, counts)]
    notes = [note_text(note) for note in report.notes]  # repeats are one note already
    lines += [f"• {line}" for line in (*report.problems, *notes)[:30]]
    extra = len(report.problems) + len(report.notes) - 30
    if extra > 0:
        lines.append(fill(FileTransfer.tr("…and %1 more."), str(extra)))
    if report.error_workbook:
        lines.append(
            fill(
                FileTransfer.tr("Rows that could not be imported are listed in %1."),
                str(report.error_workbook),
            )
        )
    if report.operation_id:
        lines.append(FileTransfer.tr("Edit > Undo takes the whole import back."))
    return "\n".join(lines)


def show_report(parent: QWidget, report: ImportReport) -> None:
    """Tell the user what the import did."""
    QMessageBox.information(
        parent,
        FileTransfer.tr("Import finished"),
        report_text(parent, report),
    )


def choose_import(window: Shell) -> None:
    """Ask for a file; vCards import at once, tables through the import wizard."""
    name, _f = QFileDialog.getOpenFileName(
        window,
        FileTransfer.tr("Import"),
        str(Path.home()),
        FileTransfer.tr(
            "Spreadsheets and contact files (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.htm *.html "
            "*.xml *.fods *.ldif *.vcf *.vcard)"
            ";;All files (*)",
        ),
    )
    if name:
        open_import(window, Path(name))


def open_import(window: Shell, path: Path) -> ImportWizard | None:
    """Import ``path``: a vCard at once, a table after the wizard's mapping and preview."""
    ws = window.workspace
    if ws is None:
        return None
    # Imported here: the services load SQLAlchemy, which the window's start path does without.
    from desktop_crm.services.importing.vcard_import import is_vcard_file

    if is_vcard_file(path):
        run_import(window, path)
        return None
    from ui.imports.import_wizard import ImportWizard

    wizard = ImportWizard(window.worker, ws, path, window)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.importRequested.connect(lambda options: run_import(window, path, **options))
    wizard.show()
    return wizard


def finished_message(window: Shell, text: Callable[[int], str]) -> Callable[[int], None]:
    """A job's done-callback that shows ``text(result)`` in the status bar."""
    return lambda n: window.statusBar().showMessage(text(n), 8000)


def choose_record_export(window: Shell, entity: RecordList) -> None:
    """Ask for a file and export every deal, quote, activity or product to it."""
    ws = window.workspace
    if ws is None:
        return
    filters: dict[str, ExportFormat] = {
        FileTransfer.tr("Excel workbook (*.xlsx)"): "xlsx",
        FileTransfer.tr("CSV, UTF-8 (*.csv)"): "csv",
    }
    name, chosen = QFileDialog.getSaveFileName(
        window,
        FileTransfer.tr("Export"),
        str(Path.home() / f"{entity}.xlsx"),
        ";;".join(filters),
    )
    if not name:
        return
    target = Path(name)
    # The name's own suffix wins over the filter chosen.
    fmt = as_choice(target.suffix.lower()[1:], EXPORT_FORMATS) or filters.get(chosen, "xlsx")
    language = ui_language()  # statuses and kinds in the words on screen
    run_with_progress(
        window,
        FileTransfer.tr("Export"),
        fill(FileTransfer.tr("Exporting to %1…"), target.name),
        lambda token: ws.exports.export_records(
            target, fmt, entity, language=language, progress=token
        ),
        finished_message(
            window,
            lambda n: fill(FileTransfer.tr("Exported %Ln rows to %1.", "", n), target.name),
        ),
    )


def choose_workspace_export(window: Shell) -> None:
    """Ask for a file and write the whole workspace to it, a sheet per table."""
    ws = window.workspace
    if ws is None:
        return
    name, _f = QFileDialog.getSaveFileName(
        window,
        FileTransfer.tr("Export Whole Workspace"),
        str(Path.home() / f"{ws.path.stem}-export.xlsx"),
        FileTransfer.tr("Excel workbook (*.xlsx)"),
    )
    if not name:
        return
    target = Path(name).with_suffix(".xlsx")
    run_with_progress(
        window,
        FileTransfer.tr("Export Whole Workspace"),
        FileTransfer.tr("Exporting the workspace…"),
        lambda token: ws.exports.export_workspace(target, progress=token),
        finished_message(
            window,
            lambda n: fill(
                FileTransfer.tr(
                    "Wrote %Ln rows to %1; import it into a new workspace to move it.",
                    None,
                    n,
                ),
                target.name,
            ),
        ),
        window.show_error,
    )


def choose_template(window: Shell, entity: ImportEntity) -> None:
    """Ask for a file and write an import template (English or Chinese) to it."""
    filters: dict[str, Language] = {
        FileTransfer.tr("English template (*.xlsx)"): "en",
        "中文模板 (*.xlsx)": "zh",
    }
    chinese = ui_language() == "zh"
    default = "中文模板 (*.xlsx)" if chinese else FileTransfer.tr("English template (*.xlsx)")
    name, chosen = QFileDialog.getSaveFileName(
        window,
        FileTransfer.tr("Save Import Template"),
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
            fill(FileTransfer.tr("Template saved as %1."), str(target)),
            8000,
        ),
        window.show_error,
    )


def file_menu_items(window: Shell) -> list[QAction | QMenu]:
    """File > Import…, Export (lists and the whole workspace) and Import Templates."""

    def action(text: str, slot: Callable[[], object], shortcut: str | None = None) -> QAction:
        made = QAction(text, window)
        if shortcut:
            made.setShortcut(QKeySequence(shortcut))
        made.triggered.connect(lambda _checked=False: slot())
        return made

    import_action = action(
        FileTransfer.tr("&Import…"),
        lambda: choose_import(window),
        "Ctrl+I",
    )
    export_menu = QMenu(FileTransfer.tr("&Export"), window)
    lists: dict[RecordList, str] = {
        "deals": FileTransfer.tr("&Deals…"),
        "quotes": FileTransfer.tr("&Quotes…"),
        "activities": FileTransfer.tr("&Activities…"),
        "products": FileTransfer.tr("&Products…"),
    }
    for record_list, text in lists.items():
        export_menu.addAction(action(text, partial(choose_record_export, window, record_list)))
    export_menu.addAction(
        action(FileTransfer.tr("&Calendar (.ics)…"), lambda: choose_calendar_export(window))
    )
    export_menu.addSeparator()
    export_menu.addAction(
        action(
            FileTransfer.tr("&Whole Workspace…"),
            lambda: choose_workspace_export(window),
        )
    )
    template_menu = QMenu(FileTransfer.tr("Import &Templates"), window)
    templates: dict[ImportEntity, str] = {
        "people": FileTransfer.tr("&People…"),
        "companies": FileTransfer.tr("&Companies…"),
        "deals": FileTransfer.tr("&Deals…"),
        "products": FileTransfer.tr("P&roducts…"),
        "quotes": FileTransfer.tr("&Quotes…"),
        "payments": FileTransfer.tr("P&ayments…"),
        "followups": FileTransfer.tr("&Follow-ups…"),
    }
    for entity, text in templates.items():
        template_menu.addAction(action(text, partial(choose_template, window, entity)))
    return [import_action, export_menu, template_menu]
