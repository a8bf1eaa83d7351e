"""Open the Print / PDF and template dialogs over the open workspace.

The Quotes and Contracts screens call these, so they share one way of rendering previews and
of logging prints.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QTemporaryDir, QTimer

from desktop_crm.domain.choices import Language
from desktop_crm.services.printing.dto import TemplateInfo
from ui.choices import one_of
from ui.printing.document_dialog import DocumentDialog, RenderFn
from ui.printing.ports import LANGUAGES, PAPERS, Kind, Paper, WorkspaceTemplates
from ui.printing.template_dialog import TemplateDialog
from ui.text_fill import fill
from ui.translation_context import TranslationContext

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.shell import Shell


class DocumentPrinting(TranslationContext):
    """Translation context of this module's messages."""


def document_renderer(ws: Workspace, kind: Kind, record_id: str, folder: Path) -> RenderFn:
    """Renders the quote or contract ``record_id`` into ``folder``, one new file per choice.

    It does not write the print log: a preview is not a printing.
    """
    count = 0

    def render(template: str, language: Language, paper: Paper) -> Path:
        nonlocal count
        count += 1
        out = folder / f"preview-{count}.pdf"
        if kind == "quote":
            document = ws.quotes.document(record_id, language=language)
        else:
            document = ws.contracts.document(record_id, language=language)
        ws.printing.render(document, template, out, paper=paper)
        return out

    return render


def show_document_dialog(
    shell: Shell,
    kind: Kind,
    record_id: str,
    number: str,
    *,
    revision: int = 1,
    language: Language = "en",
    template: str | None = None,
) -> None:
    """Load the templates, then show the Print / PDF dialog of one quote or contract.

    Printing or saving writes the print log entry (which revision, template, language, paper).
    """
    ws = shell.workspace
    if ws is None:
        return

    def show(templates: list[TemplateInfo]) -> None:
        if shell.workspace is not ws:
            return
        temp = QTemporaryDir(QDir.tempPath() + "/desktop-crm-print-XXXXXX")
        title = (
            fill(DocumentPrinting.tr("Quote %1"), number)
            if kind == "quote"
            else fill(DocumentPrinting.tr("Contract %1"), number)
        )
        dialog = DocumentDialog(
            kind,
            title,
            templates,
            document_renderer(ws, kind, record_id, Path(temp.path())),
            template=template,
            language=language,
            file_name=f"{number}.pdf",
            # Renders read through the writer's services until the reader has a printing
            # service of its own (Workspace.reads.printing).
            run=shell.worker.submit,
            parent=shell,
        )

        def log(destination: str, used: str, lang: str, paper: str) -> None:
            def write() -> object:
                return ws.printing.log_print(
                    kind=kind,
                    record_id=record_id,
                    revision=revision,
                    template=used,
                    language=one_of(lang, LANGUAGES),
                    paper=one_of(paper, PAPERS),
                    destination="printer" if destination == "printer" else "pdf",
                )

            shell.worker.submit(write, None, shell.show_error)

        dialog.printed.connect(log)
        dialog.exec()
        dialog.deleteLater()
        temp.remove()

    # Shown after the job is delivered: a modal dialog inside its callback keeps the worker busy.
    shell.worker.submit(
        lambda: ws.printing.templates(kind),
        lambda found: QTimer.singleShot(0, lambda: show(found)),
        shell.show_error,
    )


def show_template_dialog(shell: Shell, template: TemplateInfo) -> None:
    """Show the template dialog for ``template`` (a shipped one is copied, never changed)."""
    ws = shell.workspace
    if ws is None:
        return
    port = WorkspaceTemplates(ws)

    def show(templates: list[TemplateInfo]) -> None:
        dialog = TemplateDialog(
            port,
            template,
            [t.name for t in templates],
            read=shell.worker.submit,
            write=shell.worker.submit,
            parent=shell,
        )
        dialog.saved.connect(lambda _name, changes: shell.apply_changes(changes))
        dialog.deleted.connect(lambda _name, changes: shell.apply_changes(changes))
        dialog.exec()
        dialog.deleteLater()

    shell.worker.submit(
        port.templates,
        lambda found: QTimer.singleShot(0, lambda: show(found)),
        shell.show_error,
    )
