"""Deal words as shown: statuses and stages, in the user's language."""

from __future__ import annotations

from datetime import date

from desktop_crm.domain.vocab import DealStatus
from desktop_crm.services.deals.dto import DealSummary
from ui.text_fill import fill
from ui.translation_context import TranslationContext


class DealText(TranslationContext):
    """The translation context of deal words shared by the deal view and the cards."""


def status_label(status: DealStatus) -> str:
    """A deal's status in the user's language."""
    labels = {
        DealStatus.OPEN: DealText.tr("Open"),
        DealStatus.WON: DealText.tr("Won"),
        DealStatus.LOST: DealText.tr("Lost"),
    }
    return labels[status]


def stage_text(deal: DealSummary) -> str:
    """Its stage; an open deal's with the stage's win probability: "Proposal sent (50%)"."""
    if not deal.stage or deal.status is not DealStatus.OPEN:
        return deal.stage
    return fill(DealText.tr("%1 (%2%)"), deal.stage, deal.probability)


def outcome_text(deal: DealSummary) -> str:
    """The status, with the day a closed deal was won or lost ("Won on 2026-11-01")."""
    return outcome_of(deal.status, deal.closed_on)


def outcome_of(status: DealStatus, closed_on: date | None) -> str:
    """A status, with the day a closed deal was won or lost ("Lost on 2026-11-01")."""
    if status is DealStatus.OPEN or closed_on is None:
        return status_label(status)
    day = closed_on.isoformat()
    if status is DealStatus.WON:
        return fill(DealText.tr("Won on %1"), day)
    return fill(DealText.tr("Lost on %1"), day)
