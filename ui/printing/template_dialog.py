"""The template dialog: make a template your own without code, with a live preview.

A shipped template is never changed: the dialog edits a copy, saved into the workspace as a
new template. A workspace template is edited in place (renaming it too) or deleted. The preview
lays a made-up document out with the template as it stands, 300 ms after the last change, in
the language of the texts tab in front.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTemporaryDir, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.choices import Language
from desktop_crm.domain.errors import CrmError
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.printing.dto import TemplateInfo
from ui.choices import one_of
from ui.messages import error_text
from ui.printing.background import DebouncedRender, Runner, ThreadRunner
from ui.printing.pdf_view import PdfView
from ui.printing.ports import (
    LANGUAGES,
    PAPERS,
    Paper,
    SampleRenderMissing,
    TemplateDesign,
    TemplatePort,
    template_with_changes,
)
from ui.printing.template_fields import ColourButton, ColumnList, label_description
from ui.printing.template_names import paper_name, shipped_name
from ui.text_fill import fill

FONT_SIZES = (8.0, 14.0)  # the core's bounds for body text, in points


def inline(fn: Any, on_done: Any, on_error: Any) -> None:
    """A :data:`Runner` that runs at once on the calling thread (tests, quick writes)."""
    try:
        result = fn()
    except Exception as exc:
        on_error(exc)
    else:
        on_done(result)


class TemplateDialog(QDialog):
    """Edit a copy of a shipped template, or a workspace template, with a live preview.

    Args:
        port: The workspace's templates (see :class:`ui.printing.ports.TemplatePort`).
        template: The template to start from.
        taken_names: Every template name in use (shipped and workspace), for a unique copy
            name and to refuse a taken one before saving.
        read: Runs sample renders off the GUI thread (the worker's ``read``; default: a thread
            of the dialog's own).
        write: Runs the save and the delete (the worker's ``submit``; default: at once).
        parent: The owning window.

    Signals:
        saved(str, object): The template was saved under this name; the ``ChangeResult``
            (the caller hands it to ``Shell.apply_changes``).
        deleted(str, object): The workspace template was deleted; the ``ChangeResult``.
    """

    saved = Signal(str, object)
    deleted = Signal(str, object)

    def __init__(
        self,
        port: TemplatePort,
        template: TemplateInfo,
        taken_names: Collection[str] = (),
        *,
        read: Runner | None = None,
        write: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._port = port
        self._base: TemplateDesign = template.spec
        self._source = template.name
        self._is_new = template.shipped  # shipped ones are copied, never changed
        self._taken = {n.casefold() for n in taken_names} - (
            set() if self._is_new else {template.name.casefold()}
        )
        self._write = write or inline
        self._edits = 0
        self._temp = QTemporaryDir()
        self.renders = DebouncedRender(read or ThreadRunner(self), parent=self)
        self.renders.started.connect(self._updating)
        self.renders.done.connect(self._rendered)
        self.renders.failed.connect(self._render_failed)
        self.setWindowTitle(self.tr("New template") if self._is_new else self.tr("Edit template"))

        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.addWidget(self._general_box(template))
        editor_layout.addWidget(self._look_box())
        editor_layout.addWidget(self._columns_box())
        editor_layout.addWidget(self._texts_box(), 1)
        scroll = QScrollArea()
        scroll.setWidget(editor)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(430)

        self.view = PdfView()
        self.state = QLabel()
        self.state.setWordWrap(True)
        preview = QWidget()
        preview_layout = QVBoxLayout(preview)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addWidget(self.view, 1)
        preview_layout.addWidget(self.state)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(preview)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([460, 640])

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.delete_button = QPushButton(self.tr("Delete Template…"))
        self.delete_button.clicked.connect(self.delete)
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete_button.setVisible(not self._is_new)  # after addButton, which shows it
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()  # shown with a problem only: no empty band above the buttons

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(1120, 780)
        self._connect_changes()
        self.refresh(now=True)

    # Building -----------------------------------------------------------------------------

    def _general_box(self, template: TemplateInfo) -> QGroupBox:
        box = QGroupBox(self.tr("Template"))
        form = QFormLayout(box)
        name = template.name
        if self._is_new:
            name = self._copy_name(shipped_name(template.name))
            form.addRow(
                QLabel(
                    fill(
                        self.tr("A copy of the built-in template “%1”; the original stays."),
                        shipped_name(template.name),
                    )
                )
            )
        self.name_edit = QLineEdit(name)
        self.name_edit.setMaxLength(100)
        form.addRow(self.tr("Name:"), self.name_edit)
        return box

    def _look_box(self) -> QGroupBox:
        spec = self._base
        box = QGroupBox(self.tr("Look"))
        form = QFormLayout(box)
        self.accent = ColourButton(spec.accent_colour, self.tr("Accent colour"))
        self.text_colour = ColourButton(spec.text_colour, self.tr("Text colour"))
        form.addRow(self.tr("Accent colour:"), self.accent)
        form.addRow(self.tr("Text colour:"), self.text_colour)
        self.logo = QCheckBox(self.tr("Print the company logo"))
        self.logo.setChecked(spec.show_logo)
        form.addRow("", self.logo)
        self.paper = QComboBox()
        for code in PAPERS:
            self.paper.addItem(paper_name(code), code)
        self.paper.setCurrentIndex(max(0, self.paper.findData(spec.paper)))
        form.addRow(self.tr("Paper:"), self.paper)
        self.font_size = QDoubleSpinBox()
        self.font_size.setRange(*FONT_SIZES)
        self.font_size.setSingleStep(0.5)
        self.font_size.setDecimals(1)
        self.font_size.setSuffix(self.tr(" pt"))
        self.font_size.setValue(float(spec.font_size))
        form.addRow(self.tr("Font size:"), self.font_size)
        return box

    def _columns_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Columns of the item table"))
        layout = QVBoxLayout(box)
        self.column_list = ColumnList()
        self.column_list.set_columns(self._base.columns)
        self.column_list.list.setMinimumHeight(190)
        layout.addWidget(self.column_list)
        return box

    def _texts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Texts"))
        layout = QVBoxLayout(box)
        self.texts = QTabWidget()
        self.title_edits: dict[Language, QLineEdit] = {}
        self.label_edits: dict[Language, dict[str, QLineEdit]] = {}
        tabs: tuple[tuple[Language, str], ...] = (
            ("en", self.tr("English")),
            ("zh", self.tr("Chinese")),
        )
        for language, tab_name in tabs:
            page = QWidget()
            form = QFormLayout(page)
            title = QLineEdit(self._base.title.get(language, ""))
            form.addRow(self.tr("Title:"), title)
            self.title_edits[language] = title
            edits: dict[str, QLineEdit] = {}
            for key, text in self._base.labels.get(language, {}).items():
                edit = QLineEdit(text)
                edits[key] = edit
                form.addRow(label_description(key) + ":", edit)
            self.label_edits[language] = edits
            self.texts.addTab(page, tab_name)
        layout.addWidget(self.texts)
        return box

    def _connect_changes(self) -> None:
        for edit in [self.name_edit, *self.title_edits.values()]:
            edit.textChanged.connect(lambda _t: self.refresh())
        for edits in self.label_edits.values():
            for edit in edits.values():
                edit.textChanged.connect(lambda _t: self.refresh())
        self.accent.colourChanged.connect(lambda _c: self.refresh())
        self.text_colour.colourChanged.connect(lambda _c: self.refresh())
        self.logo.toggled.connect(lambda _on: self.refresh())
        self.paper.currentIndexChanged.connect(lambda _i: self.refresh())
        self.font_size.valueChanged.connect(lambda _v: self.refresh())
        self.column_list.changed.connect(self.refresh)
        self.texts.currentChanged.connect(lambda _i: self.refresh())

    def _copy_name(self, base: str) -> str:
        name = fill(self.tr("%1 (my copy)"), base)
        n = 2
        while name.casefold() in self._taken:
            name = fill(self.tr("%1 (my copy %2)"), base, n)
            n += 1
        return name

    # The template as it stands ------------------------------------------------------------

    def preview_language(self) -> Language:
        """The language of the texts tab in front."""
        return one_of(LANGUAGES[self.texts.currentIndex()], LANGUAGES)

    def spec(self) -> TemplateDesign:
        """The template with every change made in the dialog.

        Raises:
            CrmError: A value the core refuses, e.g. a pattern label without its ``%1``.
        """
        labels = {
            language: {key: edit.text() for key, edit in edits.items()}
            for language, edits in self.label_edits.items()
        }
        paper: Paper = one_of(self.paper.currentData(), PAPERS)
        return template_with_changes(
            self._base,
            name=" ".join(self.name_edit.text().split()) or self._base.name,
            title={language: edit.text() for language, edit in self.title_edits.items()},
            labels=labels,
            accent_colour=self.accent.colour,
            text_colour=self.text_colour.colour,
            show_logo=self.logo.isChecked(),
            paper=paper,
            font_size=self.font_size.value(),
            columns=self.column_list.columns(),
        )

    def refresh(self, *, now: bool = False) -> None:
        """Lay the sample out again once the changes pause."""
        self._edits += 1
        try:
            spec = self.spec()
        except CrmError as exc:
            self._show_problem(error_text(exc))
            self.save_button.setEnabled(False)
            return
        self._show_problem("")
        self.save_button.setEnabled(True)
        language = self.preview_language()
        paper: Paper = one_of(spec.paper, PAPERS)
        out = Path(self._temp.path()) / f"preview-{self._edits}.pdf"
        port = self._port
        self.renders.request(
            (self._edits, language),
            lambda: port.render_sample(spec, language, paper, out),
            now=now,
        )

    def _updating(self, _key: object) -> None:
        self.state.setText(self.tr("Updating the preview…"))

    def _rendered(self, _key: object, path: Path) -> None:
        self.view.load(path)
        self.state.setText("")
        for old in Path(self._temp.path()).glob("preview-*.pdf"):
            if old != path:
                old.unlink(missing_ok=True)

    def _render_failed(self, _key: object, exc: BaseException) -> None:
        if isinstance(exc, SampleRenderMissing):
            self.view.show_message(self.tr("The preview is not available in this version."))
        else:
            self.view.show_message(fill(self.tr("The preview failed: %1"), error_text(exc)))
        self.state.setText("")

    # Saving -------------------------------------------------------------------------------

    def save(self) -> None:
        """Store the template in the workspace (a new one for a copy), then close."""
        try:
            spec = self.spec()
        except CrmError as exc:
            self._show_problem(error_text(exc))
            return
        name = spec.name
        if not self.name_edit.text().strip():
            self._show_problem(self.tr("The template needs a name."))
            return
        if name.casefold() in self._taken:
            self._show_problem(
                fill(self.tr("A template called “%1” exists already. Choose another name."), name)
            )
            return
        port, source, is_new = self._port, self._source, self._is_new
        self.save_button.setEnabled(False)

        def write() -> ChangeResult:
            if is_new:
                return port.add_template(spec, source)
            return port.save_template(spec, name=source)

        def done(result: ChangeResult) -> None:
            self.saved.emit(name, result)
            self.accept()

        self._write(write, done, self._write_failed)

    def delete(self) -> None:
        """Ask, then delete this workspace template (undoable) and close."""
        answer = QMessageBox.question(
            self,
            self.tr("Delete template"),
            fill(
                self.tr("Delete the template “%1”? Edit > Undo brings it back."),
                self._source,
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        port, name = self._port, self._source

        def done(result: ChangeResult) -> None:
            self.deleted.emit(name, result)
            self.accept()

        self._write(lambda: port.delete_template(name), done, self._write_failed)

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _write_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self._show_problem(error_text(exc))
