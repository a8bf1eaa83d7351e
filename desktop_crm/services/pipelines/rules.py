"""What a stage and a pipeline must be: checked values, and the shape every pipeline keeps."""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.deals.dto import STAGE_KINDS
from desktop_crm.services.pipelines.dto import StageDraft

NAME_MAX = 200
ROTTING_MAX = 3650
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def clean_name(name: str, what: str = "stage") -> str:
    """A trimmed pipeline or stage name.

    Raises:
        ValidationError: Empty or longer than 200 characters.
    """
    text = name.strip()
    if not text:
        raise ValidationError(f"A {what} needs a name.", field="name")
    if len(text) > NAME_MAX:
        raise ValidationError(f"A {what} name has at most {NAME_MAX} characters.", field="name")
    return text


def clean_currency(currency: str | None) -> str | None:
    """An ISO currency code in capitals, or ``None`` (the workspace's).

    Raises:
        ValidationError: Not three letters.
    """
    if currency is None or not currency.strip():
        return None
    code = currency.strip().upper()
    if not _CURRENCY.match(code):
        raise ValidationError("A currency is a three-letter code such as CNY.", field="currency")
    return code


def clean_stage(draft: StageDraft) -> StageDraft:
    """``draft`` checked, with its name trimmed and its colour in lower case.

    Raises:
        ValidationError: An empty name, a probability outside 0–100, rotting days outside
            1–3650, a colour that is not ``#rrggbb``, an unknown kind.
    """
    if draft.kind not in STAGE_KINDS:
        raise ValidationError(f"Unknown stage kind {draft.kind}.", field="kind")
    probability = draft.probability
    if isinstance(probability, bool) or not isinstance(probability, int):
        raise ValidationError("A probability is a whole percent.", field="probability")
    if not 0 <= probability <= 100:
        raise ValidationError("A probability is from 0 to 100 %.", field="probability")
    rotting = draft.rotting_days
    if rotting is not None and not 1 <= rotting <= ROTTING_MAX:
        raise ValidationError(
            f"Rotting days are from 1 to {ROTTING_MAX}, or none.", field="rotting_days"
        )
    colour = draft.colour.strip() if draft.colour else None
    if colour and not _COLOUR.match(colour):
        raise ValidationError("A colour is written #rrggbb.", field="colour")
    return StageDraft(
        name=clean_name(draft.name),
        probability=probability,
        rotting_days=rotting,
        colour=colour.lower() if colour else None,
        kind=draft.kind,
    )


def check_shape(stages: Sequence[tuple[str, str]]) -> None:
    """Refuse a pipeline's stages (``(name, kind)`` pairs) that break its shape.

    A pipeline keeps at least one open stage, exactly one won and one lost stage, and no two
    stages named alike (case ignored).

    Raises:
        ValidationError: Which rule the stages break.
    """
    kinds = [kind for _name, kind in stages]
    if "open" not in kinds:
        raise ValidationError("A pipeline keeps at least one open stage.", field="stages")
    for kind in ("won", "lost"):
        if kinds.count(kind) != 1:
            raise ValidationError(
                f"A pipeline has exactly one {kind} stage.", field="stages", kind=kind
            )
    names = [name.casefold() for name, _kind in stages]
    for name, _kind in stages:
        if names.count(name.casefold()) > 1:
            raise ValidationError(f"Two stages are called {name}.", field="name", name=name)
