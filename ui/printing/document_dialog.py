"""The "Print / PDF" dialog of one quote or contract: template, language, paper, a preview.

The caller says how to render (``render(template, language, paper) -> Path``, run off the GUI
thread); the dialog re-renders, debounced, whenever a choice changes and shows the new file.
Print… and Save as PDF… use exactly the file on screen; afterwards :attr:`printed` tells the
caller, who writes the print log. Customize… (when the caller offers it) asks the caller to open
the template dialog; it hands the re-read templates back through :meth:`set_templates`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.choices import Language
from desktop_crm.services.printing.dto import TemplateInfo
from ui.choices import one_of
from ui.messages import error_text
from ui.printing.background import DebouncedRender, Runner, ThreadRunner
from ui.printing.pdf_view import PdfView
from ui.printing.ports import LANGUAGES, PAPERS, Kind, Paper
from ui.printing.print_pdf import print_pdf, save_pdf_as
from ui.printing.template_names import language_name, paper_name, template_label
from ui.text_fill import fill

RenderFn = Callable[[str, Language, Paper], Path]
"""Writes the document as a PDF laid out by (template name, language, paper); returns it."""
Choice = tuple[str, Language, Paper]


class DocumentDialog(QDialog):
    """Print or save one quote or contract as PDF, with its preview.

    Args:
        kind: ``quote`` or ``contract`` (only templates of this kind are offered).
        title: The window title, e.g. "Quote Q-2025-0042".
        templates: Every template (``printing.templates()``): shipped, then the workspace's.
        render: Makes the PDF for a choice; runs on ``run`` (off the GUI thread).
        template: The template to start with (the document's, else the profile's default).
        language: The language to start with (the document's).
        paper: The paper to start with (``None``: the template's).
        file_name: The name "Save as PDF" proposes, e.g. "Q-2025-0042.pdf".
        run: Runs renders: the worker's ``read`` (default: a thread of the dialog's own).
        customizable: Show Customize… beside the template (the caller answers
            :attr:`customizeRequested`).
        parent: The owning window.

    Signals:
        printed(str, str, str, str): The document was printed (``printer``) or saved
            (``pdf``); the destination, template name, language and paper.
        customizeRequested(str): Customize… was clicked; the chosen template's name.
    """

    printed = Signal(str, str, str, str)
    customizeRequested = Signal(str)

    def __init__(
        self,
        kind: Kind,
        title: str,
        templates: Sequence[TemplateInfo],
        render: RenderFn,
        *,
        template: str | None = None,
        language: Language = "en",
        paper: Paper | None = None,
        file_name: str = "document.pdf",
        run: Runner | None = None,
        customizable: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._title = title
        self._render = render
        self._file_name = file_name
        self._shown: Choice | None = None  # what the preview's file was made for
        self._kind = kind
        self._templates = [t for t in templates if t.kind == kind]
        self.renders = DebouncedRender(run or ThreadRunner(self), parent=self)
        self.renders.started.connect(lambda _key: self._rendering())
        self.renders.done.connect(self._rendered)
        self.renders.failed.connect(self._failed)

        self.template_box = QComboBox()
        self._fill_templates(template)
        self.customize_button = QPushButton(self.tr("Customize…"))
        self.customize_button.setToolTip(
            self.tr("Change this template's texts, colours, logo, columns and paper")
        )
        self.customize_button.clicked.connect(self._customize)
        self.customize_button.setVisible(customizable)
        self.customize_button.setEnabled(bool(self._templates))
        self.language_box = QComboBox()
        for lang in LANGUAGES:
            self.language_box.addItem(language_name(lang), lang)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(language)))
        self.paper_box = QComboBox()
        for code in PAPERS:
            self.paper_box.addItem(paper_name(code), code)
        first = self._template_info()
        self.paper_box.setCurrentIndex(
            max(0, self.paper_box.findData(paper or (first.spec.paper if first else "A4")))
        )
        self._paper_chosen = paper is not None  # else the paper follows the template

        form = QFormLayout()
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_box, 1)
        template_row.addWidget(self.customize_button)
        form.addRow(self.tr("Template:"), template_row)
        form.addRow(self.tr("Language:"), self.language_box)
        form.addRow(self.tr("Paper:"), self.paper_box)
        hint = QLabel(self.tr("The document's language follows the customer; change it here."))
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        self.status = QLabel()
        self.status.setWordWrap(True)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 8, 0)
        side_layout.addLayout(form)
        side_layout.addWidget(hint)
        side_layout.addSpacing(8)
        side_layout.addWidget(self.status)
        side_layout.addStretch(1)

        self.view = PdfView()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(side)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 720])

        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.resize(1060, 760)

        self.template_box.currentIndexChanged.connect(self._template_changed)
        self.language_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.paper_box.currentIndexChanged.connect(self._paper_changed)
        self._set_ready(False)
        if not self._templates:
            self.view.show_message(self.tr("There is no template for this kind of document."))
        else:
            self.refresh(now=True)

    # Choices ------------------------------------------------------------------------------

    def _fill_templates(self, select: str | None) -> None:
        self.template_box.clear()
        for listed in self._templates:
            self.template_box.addItem(template_label(listed), listed.name)
        start = self.template_box.findData(select) if select else -1
        self.template_box.setCurrentIndex(max(0, start))

    def set_templates(self, templates: Sequence[TemplateInfo], select: str | None = None) -> None:
        """Offer ``templates`` (re-read after a change), choose ``select`` and render again.

        Without ``select`` (or when it is gone) the template chosen now stays, else the first.
        The preview is made again even for the same name: the template itself may have changed.
        """
        current = self.template_box.currentData()
        self._templates = [t for t in templates if t.kind == self._kind]
        names = {t.name for t in self._templates}
        wanted = select if select in names else current
        self.template_box.blockSignals(True)
        self._fill_templates(wanted if isinstance(wanted, str) else None)
        self.template_box.blockSignals(False)
        self.customize_button.setEnabled(bool(self._templates))
        self._shown = None
        self._set_ready(False)
        if not self._templates:
            self.view.show_message(self.tr("There is no template for this kind of document."))
            return
        self._template_changed(self.template_box.currentIndex(), now=True)

    def _customize(self) -> None:
        name = self.template_box.currentData()
        if name:
            self.customizeRequested.emit(str(name))

    def _template_info(self) -> TemplateInfo | None:
        name = self.template_box.currentData()
        return next((t for t in self._templates if t.name == name), None)

    def choice(self) -> Choice:
        """The (template name, language, paper) chosen now."""
        return (
            str(self.template_box.currentData()),
            one_of(self.language_box.currentData(), LANGUAGES),
            one_of(self.paper_box.currentData(), PAPERS),
        )

    def _template_changed(self, _index: int, *, now: bool = False) -> None:
        info = self._template_info()
        if info is not None and not self._paper_chosen:
            # Blocked: one render for the template and its paper, not two.
            self.paper_box.blockSignals(True)
            self.paper_box.setCurrentIndex(max(0, self.paper_box.findData(info.spec.paper)))
            self.paper_box.blockSignals(False)
        self.refresh(now=now)

    def _paper_changed(self, _index: int) -> None:
        self._paper_chosen = True
        self.refresh()

    def refresh(self, *, now: bool = False) -> None:
        """Render the current choice (after a short pause, so quick changes render once)."""
        if not self._templates:
            return
        choice = self.choice()
        self._set_ready(choice == self._shown)
        if choice == self._shown:
            return
        render = self._render
        self.renders.request(choice, lambda: render(*choice), now=now)

    # Rendering ----------------------------------------------------------------------------

    def _rendering(self) -> None:
        self.status.setText(self.tr("Preparing the preview…"))

    def _rendered(self, choice: Choice, path: Path) -> None:
        if self.view.load(path):
            self._shown = choice
            self.status.setText(fill(self.tr("Pages: %1"), self.view.page_count()))
        self._set_ready(self._shown == self.choice())

    def _failed(self, _choice: Choice, exc: BaseException) -> None:
        self._shown = None
        message = fill(self.tr("The document could not be prepared: %1"), error_text(exc))
        self.view.clear(message)
        self.status.setText("")
        self._set_ready(False)

    def _set_ready(self, ready: bool) -> None:
        # Print and save only the file on screen, never one made for other choices.
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    # Actions ------------------------------------------------------------------------------

    def current_file(self) -> Path | None:
        """The PDF on screen, if it matches the current choices."""
        return self.view.path if self._shown == self.choice() else None

    def print_document(self) -> None:
        """Print the file on screen through the system dialog."""
        path = self.current_file()
        if path is not None and print_pdf(path, self, self._title):
            self._tell("printer")
            self.status.setText(self.tr("Sent to the printer."))

    def save_as(self) -> None:
        """Save a copy of the file on screen where the user chooses."""
        path = self.current_file()
        if path is None:
            return
        saved = save_pdf_as(path, self, Path.home() / self._file_name)
        if saved is not None:
            self._tell("pdf")
            self.status.setText(fill(self.tr("Saved as %1."), str(saved)))

    def _tell(self, destination: str) -> None:
        template, language, paper = self.choice()
        self.printed.emit(destination, template, language, paper)
