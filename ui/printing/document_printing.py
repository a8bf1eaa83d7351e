"""Open the Print / PDF and template dialogs over the open workspace.

The Quotes and Contracts screens call these, so they share one way of rendering previews and
of logging prints.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QDir, QTemporaryDir, QTimer
from PySide6.QtWidgets import QWidget

from desktop_crm.domain.choices import Language
from desktop_crm.services.common.dto import ChangeResult
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


def document_renderer(
    ws: Workspace, kind: Kind, record_id: str, folder: Path, earlier: int | None = None
) -> RenderFn:
    """Renders the quote or contract ``record_id`` into ``folder``, one new file per choice.

    ``earlier``: a quote's earlier revision to draw as it was kept, instead of its current one.
    Runs on the reader (renders only read); it does not write the print log: a preview is not
    a printing.
    """
    count = 0
    reads = ws.reads

    def render(template: str, language: Language, paper: Paper) -> Path:
        nonlocal count
        count += 1
        out = folder / f"preview-{count}.pdf"
        if kind == "quote":
            document = reads.quotes.document(record_id, revision=earlier, language=language)
        else:
            document = reads.contracts.document(record_id, language=language)
        reads.printing.render(document, template, out, paper=paper)
        return out

    return render


def show_document_dialog(
    shell: Shell,
    kind: Kind,
    record_id: str,
    number: str,
    *,
    revision: int = 1,
    earlier: bool = False,
    language: Language = "en",
    template: str | None = None,
) -> None:
    """Load the templates, then show the Print / PDF dialog of one quote or contract.

    ``revision`` is the one printed; ``earlier`` when it is a quote's earlier revision, drawn
    as it was kept. Printing or saving writes the print log entry (which revision, template,
    language, paper).
    """
    ws = shell.workspace
    if ws is None:
        return

    def show(templates: list[TemplateInfo]) -> None:
        if shell.workspace is not ws:
            return
        temp = QTemporaryDir(QDir.tempPath() + "/desktop-crm-print-XXXXXX")
        if earlier:
            title = fill(DocumentPrinting.tr("Quote %1, revision %2"), number, revision)
        elif kind == "quote":
            title = fill(DocumentPrinting.tr("Quote %1"), number)
        else:
            title = fill(DocumentPrinting.tr("Contract %1"), number)
        dialog = DocumentDialog(
            kind,
            title,
            templates,
            document_renderer(
                ws, kind, record_id, Path(temp.path()), revision if earlier else None
            ),
            template=template,
            language=language,
            file_name=f"{number}-rev{revision}.pdf" if earlier else f"{number}.pdf",
            run=shell.worker.read,
            customizable=True,
            parent=shell,
        )
        offer_customizing(shell, dialog, kind)

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


def offer_customizing(shell: Shell, dialog: DocumentDialog, kind: Kind) -> None:
    """Answer the dialog's Customize… with the template dialog, then hand back the templates.

    After a save the templates are re-read (on the worker, as the dialog's were) and the saved
    one is chosen; after a delete the dialog keeps its choice if it can.
    """

    def reload(select: str | None) -> None:
        ws = shell.workspace
        if ws is None:
            return

        def offer(found: list[TemplateInfo]) -> None:
            if shiboken6.isValid(dialog):
                dialog.set_templates(found, select)

        shell.worker.submit(lambda: ws.printing.templates(kind), offer, shell.show_error)

    dialog.customizeRequested.connect(
        lambda name: show_template_dialog(
            shell,
            name,
            parent=dialog,
            on_saved=reload,
            on_deleted=lambda _name: reload(None),
        )
    )


def show_template_dialog(
    shell: Shell,
    template: TemplateInfo | str,
    *,
    parent: QWidget | None = None,
    on_saved: Callable[[str], None] | None = None,
    on_deleted: Callable[[str], None] | None = None,
) -> None:
    """Show the template dialog for ``template`` (a shipped one is copied, never changed).

    Args:
        shell: The main window (its worker and workspace).
        template: The template, or its name (looked up among the workspace's templates).
        parent: The window the dialog opens over (default: the main window).
        on_saved: Called with the template's name once it is saved (a new one or changes).
        on_deleted: Called with the name of the workspace template once it is deleted.
    """
    ws = shell.workspace
    if ws is None:
        return
    port = WorkspaceTemplates(ws)

    def show(templates: list[TemplateInfo]) -> None:
        if shell.workspace is not ws or (parent is not None and not shiboken6.isValid(parent)):
            return
        info = (
            template
            if isinstance(template, TemplateInfo)
            else next((t for t in templates if t.name == template), None)
        )
        if info is None:
            shell.show_status(
                fill(DocumentPrinting.tr("There is no template called “%1” any more."), template)
            )
            return
        dialog = TemplateDialog(
            port,
            info,
            [t.name for t in templates],
            read=shell.worker.submit,
            write=shell.worker.submit,
            parent=parent or shell,
        )

        def saved(name: str, changes: ChangeResult) -> None:
            shell.apply_changes(changes)
            if on_saved is not None:
                on_saved(name)

        def deleted(name: str, changes: ChangeResult) -> None:
            shell.apply_changes(changes)
            if on_deleted is not None:
                on_deleted(name)

        dialog.saved.connect(saved)
        dialog.deleted.connect(deleted)
        dialog.exec()
        dialog.deleteLater()

    shell.worker.submit(
        port.templates,
        lambda found: QTimer.singleShot(0, lambda: show(found)),
        shell.show_error,
    )
