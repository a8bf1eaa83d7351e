"""Writing a deal from the editor: checked values, a new deal's number and first stage.

Stage changes go through :func:`desktop_crm.services.deals.moves.enter_stage` (an edit that
picks another stage moves the deal as a drag would).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.common.lookups import live
from desktop_crm.services.deals.dto import DealDraft
from desktop_crm.services.deals.moves import live_stage
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.store.models import Company, Deal, Person, Pipeline, Stage, User

TITLE_MAX = 300
SOURCE_MAX = 200
AMOUNT_MAX = Decimal("1e15")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class CheckedDeal:
    """A draft's values, checked, with its pipeline, stage and currency resolved."""

    title: str
    company_id: str | None
    person_id: str | None
    amount: Decimal
    currency: str
    expected_close: date | None
    owner_id: str | None
    source: str | None
    stage: Stage
    notes: str | None


def checked(session: Session, draft: DealDraft) -> CheckedDeal:
    """``draft`` checked against the workspace.

    Raises:
        ValidationError: No title (or too long), a negative or huge amount, a bad currency, a
            stage of another pipeline than the one named.
        NotFoundError: A company, person, owner, pipeline or stage that does not exist.
    """
    title = draft.title.strip()
    if not title:
        raise ValidationError("A deal needs a title.", field="title")
    if len(title) > TITLE_MAX:
        raise ValidationError(f"A title has at most {TITLE_MAX} characters.", field="title")
    amount = Decimal(draft.amount)
    if not amount.is_finite() or amount < 0 or amount >= AMOUNT_MAX:
        raise ValidationError("An amount is a number from 0.", field="amount")
    source = (draft.source or "").strip() or None
    if source is not None and len(source) > SOURCE_MAX:
        raise ValidationError(f"A source has at most {SOURCE_MAX} characters.", field="source")
    for model, record_id in ((Company, draft.company_id), (Person, draft.person_id)):
        if record_id is not None:
            live(session, model, record_id)
    if draft.owner_id is not None and session.get(User, draft.owner_id) is None:
        raise ValidationError("No such user.", field="owner_id")
    stage = _stage(session, draft)
    pipeline = session.get(Pipeline, stage.pipeline_id)
    currency = (draft.currency or "").strip().upper() or _currency_of(session, pipeline)
    if not _CURRENCY.match(currency):
        raise ValidationError("A currency is a three-letter code such as CNY.", field="currency")
    return CheckedDeal(
        title=title,
        company_id=draft.company_id,
        person_id=draft.person_id,
        amount=amount,
        currency=currency,
        expected_close=draft.expected_close,
        owner_id=draft.owner_id,
        source=source,
        stage=stage,
        notes=draft.notes.strip() or None,
    )


def write_fields(deal: Deal, values: CheckedDeal) -> None:
    """Everything but the stage (moves set that) onto ``deal``."""
    deal.title = values.title
    deal.company_id = values.company_id
    deal.person_id = values.person_id
    deal.amount = values.amount
    deal.currency = values.currency
    deal.expected_close = values.expected_close
    deal.owner_id = values.owner_id
    deal.source = values.source
    deal.notes = values.notes


def label_name(deal: Deal) -> str:
    """What an operation's label calls the deal: its number, else its title."""
    return deal.number or deal.title


def _stage(session: Session, draft: DealDraft) -> Stage:
    if draft.stage_id is not None:
        stage = live_stage(session, draft.stage_id)
        if draft.pipeline_id is not None and stage.pipeline_id != draft.pipeline_id:
            raise ValidationError("The stage is in another pipeline.", field="stage_id")
        return stage
    pipeline_id = draft.pipeline_id
    if pipeline_id is None:
        pipeline_id = session.scalar(
            select(Pipeline.id)
            .where(Pipeline.deleted_at.is_(None))
            .order_by(Pipeline.is_default.desc(), Pipeline.position, Pipeline.id)
        )
        if pipeline_id is None:
            raise ValidationError("The workspace has no pipeline.", field="pipeline_id")
    live(session, Pipeline, pipeline_id)
    first = session.scalars(
        select(Stage)
        .where(Stage.pipeline_id == pipeline_id, Stage.kind == "open", Stage.deleted_at.is_(None))
        .order_by(Stage.position, Stage.id)
    ).first()
    if first is None:
        raise ValidationError("The pipeline has no open stage.", field="pipeline_id")
    return first


def _currency_of(session: Session, pipeline: Pipeline | None) -> str:
    if pipeline is not None and pipeline.currency:
        return pipeline.currency
    return str(read_setting(session, "currency.default"))
