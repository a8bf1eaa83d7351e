"""Checked conversions from what Qt hands back to the codes the core's services take.

The services take closed sets of codes as ``Literal`` types (``desktop_crm.domain.choices``).
A value read from a widget (``currentData()``, a file dialog's filter, a signal's argument) is
``Any`` or ``str`` to mypy: ``one_of`` checks it at run time and gives it the precise type, so
a wrong value fails here, where it was read, rather than deep in a service.
"""

from __future__ import annotations

from typing import TypeVar, get_args

from desktop_crm.domain.choices import (
    RECORD_KINDS,
    ExportFormat,
    ImportEntity,
    RecordKind,
)

C = TypeVar("C", bound=str)

EXPORT_FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)
IMPORT_ENTITIES: tuple[ImportEntity, ...] = get_args(ImportEntity)


def as_choice(value: object, choices: tuple[C, ...]) -> C | None:
    """``value`` as the one of ``choices`` it equals, or ``None`` when it is none of them."""
    for choice in choices:
        if value == choice:
            return choice
    return None


def one_of(value: object, choices: tuple[C, ...]) -> C:
    """``value`` as the one of ``choices`` it equals.

    Raises:
        ValueError: ``value`` is none of them.
    """
    found = as_choice(value, choices)
    if found is None:
        raise ValueError(f"{value!r} is not one of {', '.join(choices)}")
    return found


def record_kind(value: object) -> RecordKind:
    """``value`` as ``person`` or ``company`` (``ValueError`` for anything else)."""
    return one_of(value, RECORD_KINDS)
