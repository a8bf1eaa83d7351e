"""The printing service: company profile, templates, rendering to PDF and the print log."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from sqlalchemy.orm import Session

from desktop_crm.documents.document_data import CompanyProfile, Document, DocumentKind
from desktop_crm.documents.samples import sample_document, sample_profile
from desktop_crm.documents.templates import TemplateError, TemplateSpec, duplicate
from desktop_crm.domain.choices import Language
from desktop_crm.domain.errors import StorageError, ValidationError
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.services.common.changes import change_result
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.printing import print_log, workspace_templates
from desktop_crm.services.printing.company_profile import (
    SETTING,
    profile_to_json,
    read_profile,
)
from desktop_crm.services.printing.dto import (
    DEFAULT_TEMPLATES,
    CompanyProfileData,
    Destination,
    PrintLogEntry,
    TemplateInfo,
)
from desktop_crm.services.printing.workspace_templates import live_row, shipped, stored_form
from desktop_crm.services.settings.workspace_settings import SettingsService
from desktop_crm.store.models import DocumentTemplate
from desktop_crm.store.store import Store
from desktop_crm.store.types import utc_now

if TYPE_CHECKING:
    # reportlab takes a third of a second to import: the app and the CLI load it only when
    # something is printed (or ``prepare`` warms it up when the app is idle).
    from desktop_crm.documents.pdf import RenderInfo

NAME_LENGTH = 100


class PrintingService:
    """Print quotes and contracts: the profile they are headed with, templates, the log."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # --- the company profile -------------------------------------------------------------

    def profile(self) -> CompanyProfileData:
        """The workspace's company profile (empty until saved)."""
        with self._store.read() as session:
            return read_profile(session)

    def save_profile(self, profile: CompanyProfileData) -> ChangeResult:
        """Store ``profile`` as one undoable change of settings.

        Raises:
            ValidationError: The logo is neither a PNG nor a JPEG image, or a default template
                does not exist or is of the wrong kind.
        """
        for kind, name in (
            ("quote", profile.quote_template),
            ("contract", profile.contract_template),
        ):
            if name:
                found = self.template(name)
                if found.kind != kind:
                    raise ValidationError(
                        f"The template “{name}” is for {found.kind}s, not {kind}s.",
                        field=f"{kind}_template",
                    )
        return SettingsService(self._store).update({SETTING: profile_to_json(profile)})

    # --- templates -----------------------------------------------------------------------

    def templates(self, kind: DocumentKind | None = None) -> list[TemplateInfo]:
        """The shipped templates, then the workspace's own (of ``kind`` only, if given)."""
        with self._store.read() as session:
            found = workspace_templates.all_templates(session)
        return [t for t in found if kind is None or t.kind == kind]

    def template(self, name: str) -> TemplateInfo:
        """The template called ``name``, the workspace's own before a shipped one.

        Raises:
            TemplateError: There is no such template.
        """
        with self._store.read() as session:
            return workspace_templates.resolve(session, name)

    def duplicate_template(self, source: str, new_name: str) -> ChangeResult:
        """Copy the template ``source`` into the workspace as ``new_name`` (one undoable step).

        Raises:
            TemplateError: There is no template ``source``.
            ValidationError: ``new_name`` is empty, too long or taken.
        """
        name = _clean_name(new_name)
        return self._add(duplicate(self.template(source).spec, name))

    def add_template(self, spec: TemplateSpec) -> ChangeResult:
        """Store ``spec`` as a new workspace template called ``spec.name`` (one undoable step).

        The template dialog makes ``spec`` from a shipped or workspace template and the user's
        changes; adding it whole keeps it one step in the undo history.

        Raises:
            ValidationError: ``spec.name`` is empty, too long or taken.
        """
        name = _clean_name(spec.name)
        return self._add(replace(spec, name=name) if name != spec.name else spec)

    def _add(self, spec: TemplateSpec) -> ChangeResult:
        with self._store.unit_of_work(op_label(LabelCode.ADD_TEMPLATE, name=spec.name)) as (
            session,
            rec,
        ):
            _refuse_taken(session, spec.name)
            row = DocumentTemplate(name=spec.name, kind=spec.kind, spec=stored_form(spec))
            session.add(row)
            session.flush()
        return change_result(rec, [row.id])

    def template_for(
        self, kind: DocumentKind, requested: str | None = None, stored: str | None = None
    ) -> TemplateInfo:
        """The template a ``kind`` document prints with.

        Args:
            kind: ``quote`` or ``contract``.
            requested: A name the user chose for this printing; it must exist.
            stored: The name the document keeps (its own choice, made earlier). That template
                may have been deleted (or renamed) since: then the document prints with the
                default instead of not printing at all.

        Returns:
            ``requested``, else ``stored``, else the company profile's default for ``kind``,
            else the shipped default of ``kind``.

        Raises:
            TemplateError: ``requested`` does not exist or is for the other kind.
        """
        with self._store.read() as session:
            if requested:
                chosen = workspace_templates.resolve(session, requested)
                _check_kind(chosen, kind)
                return chosen
            profile_default = read_profile(session).default_template(kind)
            # Best first; the profile's default may have been deleted since, too.
            for name in (stored, profile_default, DEFAULT_TEMPLATES[kind]):
                found = _usable(session, name, kind)
                if found is not None:
                    return found
        return _first_shipped(kind)

    def save_template(self, spec: TemplateSpec, *, name: str | None = None) -> ChangeResult:
        """Store changes to the workspace's template ``name`` (``spec.name`` by default).

        ``spec.name`` differing from ``name`` renames it. Shipped templates do not change:
        duplicate one first.

        Raises:
            ValidationError: ``name`` is a shipped template or no workspace template, or the
                new name is taken.
        """
        current = (name or spec.name).strip()
        new_name = _clean_name(spec.name)
        spec = replace(spec, name=new_name) if new_name != spec.name else spec
        label = op_label(LabelCode.EDIT_TEMPLATE, name=new_name)
        with self._store.unit_of_work(label) as (session, rec):
            row = live_row(session, current)
            if row is None:
                if current.lower() in shipped():
                    raise ValidationError(
                        f"The shipped template “{current}” cannot be changed; duplicate it first.",
                        field="name",
                    )
                raise ValidationError(f"There is no template “{current}”.", field="name")
            if new_name.lower() != row.name.lower():
                _refuse_taken(session, new_name)
            if spec.kind != row.kind:
                raise ValidationError(
                    f"The template “{row.name}” is for {row.kind}s; it cannot become a "
                    f"{spec.kind} template.",
                    field="kind",
                )
            row.name = new_name
            row.spec = stored_form(spec)
        return change_result(rec, [row.id])

    def delete_template(self, name: str) -> ChangeResult:
        """Remove the workspace's template ``name`` (undoable).

        Raises:
            ValidationError: ``name`` is a shipped template or no workspace template.
        """
        with self._store.unit_of_work(op_label(LabelCode.DELETE_TEMPLATE, name=name)) as (
            session,
            rec,
        ):
            row = live_row(session, name)
            if row is None:
                shipped_one = name.strip().lower() in shipped()
                raise ValidationError(
                    f"The shipped template “{name}” cannot be deleted."
                    if shipped_one
                    else f"There is no template “{name}”.",
                    field="name",
                )
            row.deleted_at = utc_now()
        return change_result(rec, [row.id])

    # --- rendering and the log -----------------------------------------------------------

    def prepare(self) -> None:
        """Load the PDF renderer and its font now, so the first PDF asked for comes quickly.

        They take a third of a second; the app calls this on a worker once it is idle.
        """
        from desktop_crm.documents.pdf import prepare

        prepare()

    def render(
        self,
        document: Document,
        template_name: str,
        out: Path | BinaryIO,
        *,
        paper: str | None = None,
    ) -> RenderInfo:
        """Lay ``document`` out with the template ``template_name`` and write the PDF to ``out``.

        A file is written whole or not at all: the PDF is made in memory first.

        Raises:
            TemplateError: No such template, one for another kind of document, or a paper
                other than A4 or Letter.
            StorageError: ``out`` cannot be written.
        """
        with self._store.read() as session:
            template = workspace_templates.resolve(session, template_name)
            profile = read_profile(session).for_documents()
        _check_kind(template, document.kind)
        from desktop_crm.documents.pdf import render_pdf

        return _write(out, lambda to: render_pdf(document, template.spec, profile, to, paper=paper))

    def render_sample(
        self,
        spec: TemplateSpec,
        out: Path | BinaryIO,
        *,
        language: Language,
        paper: str | None = None,
    ) -> RenderInfo:
        """Lay a made-up document of ``spec``'s kind out with ``spec``, which need not be saved.

        The template dialog's live preview. The document is headed with the workspace's company
        profile, or with a made-up company while the profile is still empty. Nothing is logged.

        Args:
            spec: The design, as the dialog holds it.
            out: Where the PDF goes (a path is written whole or not at all).
            language: The language of the sample's texts and of ``spec``'s labels.
            paper: ``A4`` or ``Letter``, overriding ``spec.paper``.

        Raises:
            TemplateError: ``paper`` is neither A4 nor Letter.
            StorageError: ``out`` cannot be written.
        """
        with self._store.read() as session:
            profile = read_profile(session).for_documents()
        if profile == CompanyProfile():  # nothing saved yet: an empty header previews badly
            profile = sample_profile(language)
        document = sample_document(spec.kind, language)
        from desktop_crm.documents.pdf import render_pdf

        return _write(out, lambda to: render_pdf(document, spec, profile, to, paper=paper))

    def log_print(
        self,
        *,
        kind: DocumentKind,
        record_id: str,
        revision: int,
        template: str,
        language: str,
        paper: str,
        destination: Destination,
    ) -> PrintLogEntry:
        """Note that a document was printed or saved (outside the undo history)."""
        return print_log.write_entry(
            self._store,
            kind=kind,
            record_id=record_id,
            revision=revision,
            template=template,
            language=language,
            paper=paper,
            destination=destination,
        )

    def print_log(self, record_id: str) -> list[PrintLogEntry]:
        """Every printing of one quote or contract, newest first."""
        with self._store.read() as session:
            return print_log.entries(session, record_id)


def _write(out: Path | BinaryIO, render: Callable[[BinaryIO], RenderInfo]) -> RenderInfo:
    """Render into ``out``; a path gets the whole PDF or nothing (it is made in memory first).

    Raises:
        StorageError: The file cannot be written.
    """
    if not isinstance(out, Path):
        return render(out)
    buffer = io.BytesIO()
    info = render(buffer)
    try:
        out.write_bytes(buffer.getvalue())
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise StorageError(
            f"{out} could not be written ({reason}).", path=str(out), detail=reason
        ) from None
    return info


def _check_kind(template: TemplateInfo, kind: DocumentKind) -> None:
    if template.kind != kind:
        raise TemplateError(
            f"The template “{template.name}” is for {template.kind}s, not {kind}s.",
            template=template.name,
        )


def _usable(session: Session, name: str | None, kind: DocumentKind) -> TemplateInfo | None:
    """The template ``name`` if it exists, reads and is for ``kind``; else ``None``."""
    if not name:
        return None
    try:
        found = workspace_templates.resolve(session, name)
    except TemplateError:  # deleted, or its stored JSON no longer reads
        return None
    return found if found.kind == kind else None


def _first_shipped(kind: DocumentKind) -> TemplateInfo:
    """The first shipped template of ``kind`` (only if the shipped default's file is gone)."""
    for spec in shipped().values():
        if spec.kind == kind:
            return TemplateInfo(spec.name, spec.kind, True, spec)
    raise TemplateError(f"No {kind} template is installed.", template=DEFAULT_TEMPLATES[kind])


def _clean_name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise ValidationError("A template needs a name.", field="name")
    if len(clean) > NAME_LENGTH:
        raise ValidationError(
            f"A template's name has at most {NAME_LENGTH} characters.", field="name"
        )
    return clean


def _refuse_taken(session: Session, name: str) -> None:
    if name.lower() in shipped() or live_row(session, name) is not None:
        raise ValidationError(f"A template called “{name}” exists already.", field="name")
