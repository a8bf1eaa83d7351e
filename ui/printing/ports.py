"""What the printing dialogs need of the core, as a small protocol the tests can fake.

The UI may not import ``desktop_crm.documents``, where the template class lives: a template
reaches the UI as ``TemplateInfo.spec`` and is read through :class:`TemplateDesign`, and a
changed copy is made with :func:`template_with_changes`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, cast

from desktop_crm.domain.choices import Language
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.printing.dto import TemplateInfo

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace

Kind = Literal["quote", "contract"]
KINDS: tuple[Kind, ...] = ("quote", "contract")
Paper = Literal["A4", "Letter"]
PAPERS: tuple[Paper, ...] = ("A4", "Letter")
LANGUAGES: tuple[Language, ...] = ("en", "zh")


class TemplateDesign(Protocol):
    """A template's design as the dialogs read it (the core's ``TemplateSpec``)."""

    @property
    def name(self) -> str:
        """What users call it."""

    @property
    def kind(self) -> Kind:
        """``quote`` or ``contract``."""

    @property
    def title(self) -> Mapping[str, str]:
        """The heading per language."""

    @property
    def labels(self) -> Mapping[str, Mapping[str, str]]:
        """Every fixed text per language and key."""

    @property
    def accent_colour(self) -> str:
        """``#rrggbb`` of headings, rules and the table header."""

    @property
    def text_colour(self) -> str:
        """``#rrggbb`` of body text."""

    @property
    def columns(self) -> tuple[str, ...]:
        """The line table's columns, in order."""

    @property
    def paper(self) -> str:
        """``A4`` or ``Letter``."""

    @property
    def font_size(self) -> float:
        """Body text size in points."""

    @property
    def show_logo(self) -> bool:
        """Whether the company's logo is printed."""


def template_with_changes(spec: TemplateDesign, **changes: Any) -> TemplateDesign:
    """A copy of ``spec`` with ``changes`` (whole fields), checked as the core checks templates.

    Raises:
        CrmError: A value the core refuses (``TemplateError``), with its one-sentence reason.
    """
    # The template is a frozen dataclass whose __post_init__ checks every value.
    return cast(TemplateDesign, dataclasses.replace(cast(Any, spec), **changes))


class TemplatePort(Protocol):
    """The templates of a workspace, as the template dialog uses them."""

    def templates(self, kind: Kind | None = None) -> list[TemplateInfo]:
        """Shipped templates, then the workspace's own."""

    def add_template(self, spec: TemplateDesign, source: str) -> ChangeResult:
        """Store a new workspace template ``spec``, made from the template ``source``."""

    def save_template(self, spec: TemplateDesign, *, name: str | None = None) -> ChangeResult:
        """Store changes to the workspace's template ``name`` (``spec.name`` by default)."""

    def delete_template(self, name: str) -> ChangeResult:
        """Remove the workspace's template ``name`` (undoable)."""

    def render_sample(
        self, spec: TemplateDesign, language: Language, paper: Paper, out: Path
    ) -> Path:
        """Write a made-up document laid out by ``spec`` to ``out``; return ``out``."""


class SampleRenderMissing(Exception):
    """The core cannot render a template that is not saved yet (see the printing service)."""


class WorkspaceTemplates:
    """:class:`TemplatePort` over an open workspace's printing service.

    Call its methods on the worker (writes on the writer, templates and renders on either).
    """

    def __init__(self, workspace: Workspace) -> None:
        self._printing: Any = workspace.printing

    def templates(self, kind: Kind | None = None) -> list[TemplateInfo]:
        """Shipped templates, then the workspace's own."""
        found: list[TemplateInfo] = self._printing.templates(kind)
        return found

    def add_template(self, spec: TemplateDesign, source: str) -> ChangeResult:
        """Store ``spec`` (made from ``source``) as a new workspace template: one undo step."""
        del source  # the spec already holds everything taken from it
        result: ChangeResult = self._printing.add_template(spec)
        return result

    def save_template(self, spec: TemplateDesign, *, name: str | None = None) -> ChangeResult:
        """Store changes to the workspace's template ``name`` (``spec.name`` by default)."""
        result: ChangeResult = self._printing.save_template(spec, name=name)
        return result

    def delete_template(self, name: str) -> ChangeResult:
        """Remove the workspace's template ``name`` (undoable)."""
        result: ChangeResult = self._printing.delete_template(name)
        return result

    def render_sample(
        self, spec: TemplateDesign, language: Language, paper: Paper, out: Path
    ) -> Path:
        """A made-up document laid out by ``spec``, once the service can render one.

        Raises:
            SampleRenderMissing: The printing service has no ``render_sample`` yet.
        """
        render = getattr(self._printing, "render_sample", None)
        if render is None:
            raise SampleRenderMissing
        render(spec, out, language=language, paper=paper)
        return out
