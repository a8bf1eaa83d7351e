"""Saved views of the contact lists: a name, a filter, a sort and columns.

Kept in the workspace settings, so saving or removing one is an undoable operation and the
views travel with the workspace.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from datetime import date
from typing import Any

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.contact_lists.dto import COLUMNS, ContactFilter, SavedView
from desktop_crm.services.settings.workspace_settings import SettingsService

KEY = "contacts.saved_views"


class SavedViewsService:
    """List, save and remove saved views."""

    def __init__(self, settings: SettingsService) -> None:
        self._settings = settings

    def all(self) -> list[SavedView]:
        """Every saved view, in the order they were saved."""
        return [_from_json(v) for v in self._settings.get(KEY) or []]

    def save(self, view: SavedView) -> ChangeResult:
        """Add ``view``, replacing one of the same name."""
        name = view.name.strip()
        if not name:
            raise ValidationError("A saved view needs a name.", field="name")
        if view.sort not in COLUMNS or any(c not in COLUMNS for c in view.columns):
            raise ValidationError("Unknown column in the view.", field="columns")
        views = [v for v in self.all() if v.name != name]
        views.append(SavedView(name, view.filter, view.sort, view.descending, view.columns))
        return self._settings.update({KEY: [_to_json(v) for v in views]})

    def remove(self, name: str) -> ChangeResult:
        """Delete the view called ``name``."""
        views = [v for v in self.all() if v.name != name]
        return self._settings.update({KEY: [_to_json(v) for v in views]})


def _to_json(view: SavedView) -> dict[str, Any]:
    flt = {
        k: (v.isoformat() if isinstance(v, date) else v)
        for k, v in asdict(view.filter).items()
        if v not in (None, "")
    }
    return {
        "name": view.name,
        "filter": flt,
        "sort": view.sort,
        "descending": view.descending,
        "columns": list(view.columns),
    }


def _from_json(data: dict[str, Any]) -> SavedView:
    known = {f.name for f in fields(ContactFilter)}
    raw = {k: v for k, v in (data.get("filter") or {}).items() if k in known}
    for key in ("created_from", "created_to"):
        if raw.get(key):
            raw[key] = date.fromisoformat(raw[key])
    return SavedView(
        str(data.get("name", "")),
        ContactFilter(**raw),
        str(data.get("sort", "name")),
        bool(data.get("descending", False)),
        tuple(data.get("columns") or ()),
    )
