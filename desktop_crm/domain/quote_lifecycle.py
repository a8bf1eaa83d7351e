"""A quote's life: draft → sent → accepted / rejected / expired, and when an edit is a revision.

* Only a draft is edited in place. Editing a sent (or expired, or rejected) quote makes the next
  revision — rev 2, rev 3… — a new draft, and every earlier revision stays readable and
  printable as it was sent. An accepted quote is not edited: its contract is.
* A sent quote expires by itself once its valid-until day has passed; a draft does not (it was
  never offered), and accepted or rejected quotes keep their outcome.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.vocab import QuoteStatus

QuoteAction = Literal["send", "accept", "reject", "reopen"]

_MOVES: dict[tuple[QuoteStatus, QuoteAction], QuoteStatus] = {
    (QuoteStatus.DRAFT, "send"): QuoteStatus.SENT,
    (QuoteStatus.SENT, "send"): QuoteStatus.SENT,  # sent again (a reminder): stays sent
    (QuoteStatus.SENT, "accept"): QuoteStatus.ACCEPTED,
    (QuoteStatus.SENT, "reject"): QuoteStatus.REJECTED,
    # A customer may still accept a quote that expired a day ago; the user decides.
    (QuoteStatus.EXPIRED, "accept"): QuoteStatus.ACCEPTED,
    (QuoteStatus.EXPIRED, "reject"): QuoteStatus.REJECTED,
    (QuoteStatus.REJECTED, "reopen"): QuoteStatus.SENT,
    (QuoteStatus.ACCEPTED, "reopen"): QuoteStatus.SENT,
}


def move(status: QuoteStatus, action: QuoteAction) -> QuoteStatus:
    """The status after ``action``.

    Raises:
        ValidationError: ``action`` makes no sense from ``status`` (e.g. accepting a draft
            that was never sent); ``params`` name both.
    """
    try:
        return _MOVES[(status, action)]
    except KeyError:
        raise ValidationError(
            f"{_article(status.value)} {status.value} quote cannot be {_PAST[action]}",
            field="status",
            status=status.value,
            action=action,
        ) from None


_PAST: dict[QuoteAction, str] = {
    "send": "sent",
    "accept": "accepted",
    "reject": "rejected",
    "reopen": "reopened",
}


def _article(word: str) -> str:
    """``an`` before a vowel sound, else ``a`` (every status is a plain English word)."""
    return "an" if word[:1] in "aeiou" else "a"


def status_on(status: QuoteStatus, valid_until: date | None, today: date) -> QuoteStatus:
    """``status`` as it stands on ``today``: a sent quote past its valid-until day is expired."""
    if status is QuoteStatus.SENT and valid_until is not None and today > valid_until:
        return QuoteStatus.EXPIRED
    return status


def edit_makes_revision(status: QuoteStatus) -> bool:
    """Whether editing a quote in ``status`` starts its next revision instead of changing it.

    Raises:
        ValidationError: The quote is accepted: change its contract instead.
    """
    if status is QuoteStatus.ACCEPTED:
        raise ValidationError(
            "an accepted quote is not edited: change its contract, or reopen it first",
            field="status",
            status=status.value,
        )
    return status is not QuoteStatus.DRAFT
