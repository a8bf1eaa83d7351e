"""A quote's life cycle: moves, expiry by itself, and when an edit makes a revision."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.quote_lifecycle import edit_makes_revision, move, status_on
from desktop_crm.domain.vocab import QuoteStatus as S


def test_the_usual_path() -> None:
    assert move(S.DRAFT, "send") is S.SENT
    assert move(S.SENT, "accept") is S.ACCEPTED
    assert move(S.SENT, "reject") is S.REJECTED
    assert move(S.EXPIRED, "accept") is S.ACCEPTED
    assert move(S.REJECTED, "reopen") is S.SENT


@pytest.mark.parametrize(
    ("status", "action"), [(S.DRAFT, "accept"), (S.DRAFT, "reject"), (S.ACCEPTED, "send")]
)
def test_moves_that_make_no_sense_are_refused(status: S, action) -> None:
    with pytest.raises(ValidationError) as caught:
        move(status, action)
    assert caught.value.params == {"field": "status", "status": status.value, "action": action}


def test_a_sent_quote_expires_by_itself_after_its_last_valid_day() -> None:
    until = date(2027, 1, 31)
    assert status_on(S.SENT, until, date(2027, 1, 31)) is S.SENT  # valid through that day
    assert status_on(S.SENT, until, date(2027, 2, 1)) is S.EXPIRED
    assert status_on(S.DRAFT, until, date(2027, 3, 1)) is S.DRAFT  # never offered
    assert status_on(S.ACCEPTED, until, date(2027, 3, 1)) is S.ACCEPTED
    assert status_on(S.SENT, None, date(2099, 1, 1)) is S.SENT


def test_editing_anything_but_a_draft_makes_a_revision() -> None:
    assert not edit_makes_revision(S.DRAFT)
    assert all(edit_makes_revision(s) for s in (S.SENT, S.EXPIRED, S.REJECTED))
    with pytest.raises(ValidationError):
        edit_makes_revision(S.ACCEPTED)


@pytest.mark.parametrize(
    ("status", "action", "message"),
    [
        (S.DRAFT, "accept", "a draft quote cannot be accepted"),
        (S.DRAFT, "reopen", "a draft quote cannot be reopened"),
        (S.SENT, "reopen", "a sent quote cannot be reopened"),
        (S.ACCEPTED, "send", "an accepted quote cannot be sent"),
        (S.ACCEPTED, "reject", "an accepted quote cannot be rejected"),
        (S.REJECTED, "accept", "a rejected quote cannot be accepted"),
        (S.EXPIRED, "send", "an expired quote cannot be sent"),
        (S.EXPIRED, "reopen", "an expired quote cannot be reopened"),
    ],
)
def test_refusals_read_as_english(status: S, action, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        move(status, action)
    assert caught.value.message == message


def test_every_refusal_takes_the_right_article() -> None:
    for status in S:
        for action in ("send", "accept", "reject", "reopen"):
            try:
                move(status, action)
            except ValidationError as refused:
                article = refused.message.split()[0]
                assert article == ("an" if status.value[0] in "aeiou" else "a"), refused.message
