"""People and companies for tests, written the way the editor writes them.

There is no test-only write path: tests build the editor's drafts and save them with
``Workspace.people`` (``PeopleService``), the service the person editor calls.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.contacts.dto import CompanyDraft, Labelled, PersonDraft
from desktop_crm.services.contacts.person_editing import PeopleService


def _labelled(pairs: Iterable[tuple[str, str]]) -> tuple[Labelled, ...]:
    return tuple(Labelled(label, value) for label, value in pairs)


def person(
    name: str,
    *,
    phones: Iterable[tuple[str, str]] = (),
    emails: Iterable[tuple[str, str]] = (),
    **fields: Any,
) -> PersonDraft:
    """A new person's draft; phones and emails as ``(label, value)`` pairs."""
    return PersonDraft(name, phones=_labelled(phones), emails=_labelled(emails), **fields)


def company(
    name: str,
    *,
    phones: Iterable[tuple[str, str]] = (),
    emails: Iterable[tuple[str, str]] = (),
    **fields: Any,
) -> CompanyDraft:
    """A new company's draft; phones and emails as ``(label, value)`` pairs."""
    return CompanyDraft(name, phones=_labelled(phones), emails=_labelled(emails), **fields)


def edit(people: PeopleService, person_id: str, **changes: Any) -> ChangeResult:
    """Change some fields of a stored person as the editor does: its draft, changed, saved."""
    return people.save(replace(people.draft(person_id), **changes))
