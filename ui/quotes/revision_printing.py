"""Print / PDF of a quote at any revision, the latest or an earlier one kept as it was sent.

The latest revision goes through the shared ``show_document_dialog``. Its renderer always
draws the latest revision, so an earlier one is rendered here with ``document(revision=…)``
in the same dialog, and its print log entry names that revision.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QTemporaryDir, QTimer

from desktop_crm.domain.choices import Language
from desktop_crm.services.printing.dto import TemplateInfo
from desktop_crm.services.quotes.dto import QuoteDetail
from ui.choices import one_of
from ui.printing.document_dialog import DocumentDialog, RenderFn
from ui.printing.document_printing import offer_customizing, show_document_dialog
from ui.printing.ports import LANGUAGES, PAPERS, Paper
from ui.text_fill import fill
from ui.translation_context import TranslationContext

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.shell import Shell


class RevisionPrinting(TranslationContext):
    """Translation context of this module's messages."""


def print_quote(shell: Shell, detail: QuoteDetail, revision: int | None = None) -> None:
    """Show the Print / PDF dialog of ``detail``'s quote at ``revision`` (else its latest)."""
    latest = detail.revisions[-1].revision if detail.revisions else detail.revision
    if revision is None or revision == latest:
        show_document_dialog(
            shell,
            "quote",
            detail.id,
            detail.number,
            revision=latest,
            language=detail.language,
            template=detail.draft.template,
        )
        return
    _show_earlier(shell, detail, revision)


def _renderer(ws: Workspace, quote_id: str, revision: int, folder: Path) -> RenderFn:
    count = 0

    def render(template: str, language: Language, paper: Paper) -> Path:
        nonlocal count
        count += 1
        out = folder / f"revision-{revision}-{count}.pdf"
        document = ws.quotes.document(quote_id, revision=revision, language=language)
        ws.printing.render(document, template, out, paper=paper)
        return out

    return render


def _show_earlier(shell: Shell, detail: QuoteDetail, revision: int) -> None:
    ws = shell.workspace
    if ws is None:
        return
    quote_id = detail.id

    def show(templates: list[TemplateInfo]) -> None:
        if shell.workspace is not ws:
            return
        temp = QTemporaryDir(QDir.tempPath() + "/desktop-crm-print-XXXXXX")
        dialog = DocumentDialog(
            "quote",
            fill(RevisionPrinting.tr("Quote %1, revision %2"), detail.number, revision),
            templates,
            _renderer(ws, quote_id, revision, Path(temp.path())),
            template=detail.draft.template,
            language=detail.language,
            file_name=f"{detail.number}-rev{revision}.pdf",
            run=shell.worker.submit,
            parent=shell,
            customizable=True,
        )
        offer_customizing(shell, dialog, "quote")

        def log(destination: str, used: str, lang: str, paper: str) -> None:
            shell.worker.submit(
                lambda: ws.printing.log_print(
                    kind="quote",
                    record_id=quote_id,
                    revision=revision,
                    template=used,
                    language=one_of(lang, LANGUAGES),
                    paper=one_of(paper, PAPERS),
                    destination="printer" if destination == "printer" else "pdf",
                ),
                None,
                shell.show_error,
            )

        dialog.printed.connect(log)
        dialog.exec()
        dialog.deleteLater()
        temp.remove()

    # Shown after the job is delivered: a modal dialog inside its callback keeps the worker busy.
    shell.worker.submit(
        lambda: ws.printing.templates("quote"),
        lambda found: QTimer.singleShot(0, lambda: show(found)),
        shell.show_error,
    )
