"""Templates a workspace keeps of its own (``document_templates`` rows) beside the shipped ones.

A workspace template is a shipped one duplicated and changed; it is stored as the template's
JSON form, so it travels with the workspace's export like any other row. Names are unique
among all templates, shipped ones included, ignoring case: a name always means one design.
"""

from __future__ import annotations

import json
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_crm.documents.templates import (
    TemplateError,
    TemplateSpec,
    shipped_templates,
    template_from_json,
    template_to_json,
)
from desktop_crm.services.printing.dto import TemplateInfo
from desktop_crm.store.models import DocumentTemplate


@cache
def shipped() -> dict[str, TemplateSpec]:
    """The shipped templates by lower-cased name (read once per process)."""
    return {spec.name.lower(): spec for spec in shipped_templates()}


def spec_of(row: DocumentTemplate) -> TemplateSpec:
    """The design a workspace template row holds.

    Raises:
        TemplateError: The stored JSON is no valid template (a file edited elsewhere).
    """
    return template_from_json(json.dumps(row.spec, ensure_ascii=False))


def stored_form(spec: TemplateSpec) -> dict[str, object]:
    """``spec`` as a row's ``spec`` column holds it (the template file's JSON)."""
    data: dict[str, object] = json.loads(template_to_json(spec))
    return data


def live_row(session: Session, name: str) -> DocumentTemplate | None:
    """The workspace's live template called ``name`` (ignoring case), if any."""
    return session.scalars(
        select(DocumentTemplate).where(
            func.lower(DocumentTemplate.name) == name.strip().lower(),
            DocumentTemplate.deleted_at.is_(None),
        )
    ).first()


def all_templates(session: Session) -> list[TemplateInfo]:
    """Every template: the shipped ones, then the workspace's, each by name.

    A workspace template whose JSON no longer reads is left out rather than breaking the list.
    """
    found = [TemplateInfo(s.name, s.kind, True, s) for s in shipped().values()]
    rows = session.scalars(
        select(DocumentTemplate)
        .where(DocumentTemplate.deleted_at.is_(None))
        .order_by(func.lower(DocumentTemplate.name))
    )
    for row in rows:
        try:
            spec = spec_of(row)
        except TemplateError:
            continue
        found.append(TemplateInfo(row.name, spec.kind, False, spec))
    return found


def resolve(session: Session, name: str) -> TemplateInfo:
    """The template called ``name``: the workspace's own first, then a shipped one.

    Raises:
        TemplateError: There is no template of that name.
    """
    row = live_row(session, name)
    if row is not None:
        spec = spec_of(row)
        return TemplateInfo(row.name, spec.kind, False, spec)
    found = shipped().get(name.strip().lower())
    if found is None:
        raise TemplateError(f"There is no template “{name}”.", template=name)
    return TemplateInfo(found.name, found.kind, True, found)
