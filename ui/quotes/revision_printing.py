"""Print / PDF of a quote at any revision, the latest or an earlier one kept as it was sent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_crm.services.quotes.dto import QuoteDetail
from ui.printing.document_printing import show_document_dialog

if TYPE_CHECKING:
    from ui.shell import Shell


def print_quote(shell: Shell, detail: QuoteDetail, revision: int | None = None) -> None:
    """Show the Print / PDF dialog of ``detail``'s quote at ``revision`` (else its latest)."""
    latest = detail.revisions[-1].revision if detail.revisions else detail.revision
    show_document_dialog(
        shell,
        "quote",
        detail.id,
        detail.number,
        revision=latest if revision is None else revision,
        earlier=revision is not None and revision != latest,
        language=detail.language,
        template=detail.draft.template,
    )
