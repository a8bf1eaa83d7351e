"""Settings pages for printing: our company's profile, and how quotes are printed and priced.

The profile heads every quote and contract; it is one workspace setting (``company.profile``),
saved with the dialog's other settings as one undoable change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.printing.dto import DEFAULT_TEMPLATES, CompanyProfileData, TemplateInfo
from ui.messages import error_text
from ui.printing.ports import KINDS, Kind
from ui.printing.template_names import shipped_name, template_label
from ui.text_fill import fill
from ui.translation_context import TranslationContext

LOGO_MAX_PIXELS = 1200  # a larger logo is scaled down: it prints a few centimetres wide
THUMBNAIL = (180, 72)
ROUNDING_RULES = ("per_line", "per_rate")


def _plain(text: str) -> str | None:
    """A one-line field's value: ``None`` when blank."""
    return " ".join(text.split()) or None


class CompanyProfilePage(QWidget):
    """Edits the company profile: who we are, as quotes and contracts print it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = CompanyProfileData()
        self._logo: bytes | None = None
        layout = QVBoxLayout(self)

        who = QGroupBox(self.tr("Company"))
        form = QFormLayout(who)
        self.name = QLineEdit()
        form.addRow(self.tr("Name:"), self.name)
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(*THUMBNAIL)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.choose_logo_button = QPushButton(self.tr("Choose…"))
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button = QPushButton(self.tr("Remove"))
        self.remove_logo_button.clicked.connect(lambda: self.set_logo(None))
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.choose_logo_button)
        logo_buttons.addWidget(self.remove_logo_button)
        logo_buttons.addStretch(1)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addLayout(logo_buttons)
        logo_row.addStretch(1)
        form.addRow(self.tr("Logo:"), logo_row)
        self.address = QPlainTextEdit()
        self.address.setPlaceholderText(self.tr("One line of the address per line"))
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow(self.tr("Address:"), self.address)
        self.tax_id = QLineEdit()
        form.addRow(self.tr("Tax ID:"), self.tax_id)
        self.bank_name = QLineEdit()
        form.addRow(self.tr("Bank:"), self.bank_name)
        self.bank_account = QLineEdit()
        form.addRow(self.tr("Bank account:"), self.bank_account)
        layout.addWidget(who)

        contact = QGroupBox(self.tr("Contact"))
        form = QFormLayout(contact)
        self.contact = QLineEdit()
        form.addRow(self.tr("Contact person:"), self.contact)
        self.phone = QLineEdit()
        form.addRow(self.tr("Phone:"), self.phone)
        self.email = QLineEdit()
        form.addRow(self.tr("Email:"), self.email)
        self.website = QLineEdit()
        form.addRow(self.tr("Website:"), self.website)
        layout.addWidget(contact)

        texts = QGroupBox(self.tr("Printed texts"))
        form = QFormLayout(texts)
        self.header_text = QLineEdit()
        self.header_text.setPlaceholderText(self.tr("A line under the company's name"))
        form.addRow(self.tr("Header:"), self.header_text)
        self.footer_text = QLineEdit()
        self.footer_text.setPlaceholderText(self.tr("Printed at the foot of every page"))
        form.addRow(self.tr("Footer:"), self.footer_text)
        self.default_terms = QPlainTextEdit()
        self.default_terms.setPlaceholderText(
            self.tr("Printed on quotes and contracts that have no terms of their own")
        )
        self.default_terms.setFixedHeight(self.fontMetrics().lineSpacing() * 6 + 12)
        form.addRow(self.tr("Default terms:"), self.default_terms)
        layout.addWidget(texts)
        layout.addStretch(1)
        self.set_logo(None)

    def set_profile(self, profile: CompanyProfileData) -> None:
        """Show ``profile``."""
        self._profile = profile
        self.name.setText(profile.name)
        self.address.setPlainText("\n".join(profile.address_lines))
        for edit, value in (
            (self.tax_id, profile.tax_id),
            (self.bank_name, profile.bank_name),
            (self.bank_account, profile.bank_account),
            (self.contact, profile.contact),
            (self.phone, profile.phone),
            (self.email, profile.email),
            (self.website, profile.website),
            (self.header_text, profile.header_text),
            (self.footer_text, profile.footer_text),
        ):
            edit.setText(value or "")
        self.default_terms.setPlainText(profile.default_terms)
        self.set_logo(profile.logo)

    def profile(self) -> CompanyProfileData:
        """The profile as edited (the default templates kept as they were shown)."""
        lines = tuple(" ".join(line.split()) for line in self.address.toPlainText().splitlines())
        return replace(
            self._profile,
            name=" ".join(self.name.text().split()),
            logo=self._logo,
            address_lines=tuple(line for line in lines if line),
            tax_id=_plain(self.tax_id.text()),
            bank_name=_plain(self.bank_name.text()),
            bank_account=_plain(self.bank_account.text()),
            contact=_plain(self.contact.text()),
            phone=_plain(self.phone.text()),
            email=_plain(self.email.text()),
            website=_plain(self.website.text()),
            header_text=self.header_text.text().strip(),
            footer_text=self.footer_text.text().strip(),
            default_terms=self.default_terms.toPlainText().strip("\n"),
        )

    # The logo -----------------------------------------------------------------------------

    def set_logo(self, logo: bytes | None) -> None:
        """Show ``logo`` (PNG or JPEG bytes) as a thumbnail, or "No logo"."""
        self._logo = logo
        self.remove_logo_button.setEnabled(logo is not None)
        image = QImage.fromData(logo) if logo else QImage()
        if image.isNull():
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("No logo"))
            return
        pixmap = QPixmap.fromImage(image).scaled(
            THUMBNAIL[0] - 8,
            THUMBNAIL[1] - 8,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.logo_preview.setPixmap(pixmap)

    def choose_logo(self) -> None:
        """Pick a PNG or JPEG file for the logo."""
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a logo"),
            str(Path.home()),
            self.tr("Images (*.png *.jpg *.jpeg)"),
        )
        if not name:
            return
        try:
            self.set_logo(logo_bytes(Path(name)))
        except (OSError, ValidationError) as exc:
            QMessageBox.warning(self, self.tr("Logo"), error_text(exc))


class ProfileTexts(TranslationContext):
    """Translation context of this module's functions."""


def logo_bytes(path: Path) -> bytes:
    """The file's image as the profile stores it: as is, or scaled down if very large.

    Raises:
        OSError: The file cannot be read.
        ValidationError: It is no PNG or JPEG image.
    """
    # Imported here: the service module loads SQLAlchemy, which the window's start defers.
    from desktop_crm.services.printing.company_profile import check_logo

    data = path.read_bytes()
    check_logo(data)
    image = QImage.fromData(data)
    if image.isNull():
        raise ValidationError(
            fill(ProfileTexts.tr("%1 is not an image that can be read."), path.name),
            field="logo",
        )
    if max(image.width(), image.height()) <= LOGO_MAX_PIXELS:
        return data
    smaller = image.scaled(
        LOGO_MAX_PIXELS,
        LOGO_MAX_PIXELS,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    out = QByteArray()
    buffer = QBuffer(out)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PNG keeps transparency and sharp edges; a photo-like JPEG stays a (smaller) JPEG.
    kind = "PNG" if data.startswith(b"\x89PNG") else "JPG"
    smaller.save(buffer, kind)  # type: ignore[call-overload]  # stubs say bytes; it takes str
    return bytes(out.data())


class QuotesPage(QWidget):
    """How quotes are priced (the tax rounding rule) and which templates print by default.

    Signals:
        customizeRequested(str, str): Customize… beside a default template was clicked; the
            kind (``quote`` or ``contract``) and the name of the template chosen there (the
            built-in default's own name for "Built-in default"). The host opens the template
            dialog and hands the re-read templates back through :meth:`set_templates`.
    """

    customizeRequested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._templates: list[TemplateInfo] = []
        layout = QVBoxLayout(self)

        rounding = QGroupBox(self.tr("Tax rounding on quotes"))
        box = QVBoxLayout(rounding)
        self.rounding = QButtonGroup(self)
        self.rounding_buttons: dict[str, QRadioButton] = {}
        for rule, title, explanation in (
            (
                "per_line",
                self.tr("Round the tax of each line"),
                self.tr(
                    "Each line's tax is rounded on its own; the quote's tax is the sum of the "
                    "rounded line taxes."
                ),
            ),
            (
                "per_rate",
                self.tr("Round the tax once per rate"),
                self.tr(
                    "The lines of each tax rate are added up first and their tax is rounded "
                    "once; it can differ from the per-line sum by a cent or so."
                ),
            ),
        ):
            button = QRadioButton(title)
            self.rounding.addButton(button)
            self.rounding_buttons[rule] = button
            note = QLabel(explanation)
            note.setWordWrap(True)
            note.setContentsMargins(24, 0, 0, 6)
            note.setObjectName("hint")
            box.addWidget(button)
            box.addWidget(note)
        box.addWidget(
            QLabel(self.tr("The rule is used on screen, in printed quotes, exports and reports."))
        )
        layout.addWidget(rounding)

        defaults = QGroupBox(self.tr("Default templates"))
        form = QFormLayout(defaults)
        self.quote_template = QComboBox()
        self.contract_template = QComboBox()
        self.customize_quote_button = QPushButton(self.tr("Customize…"))
        self.customize_contract_button = QPushButton(self.tr("Customize…"))
        rows: tuple[tuple[str, QComboBox, QPushButton, Kind], ...] = (
            (self.tr("Quotes:"), self.quote_template, self.customize_quote_button, "quote"),
            (
                self.tr("Contracts:"),
                self.contract_template,
                self.customize_contract_button,
                "contract",
            ),
        )
        for label, combo, customize, kind in rows:
            row = QHBoxLayout()
            row.addWidget(combo, 1)
            row.addWidget(customize)
            form.addRow(label, row)
            customize.clicked.connect(lambda _on=False, k=kind: self._customize(k))
            combo.currentIndexChanged.connect(lambda _i, k=kind: self._update_button(k))
        form.addRow(
            QLabel(self.tr("A quote or contract that names its own template prints with that."))
        )
        layout.addWidget(defaults)
        layout.addStretch(1)

    def set_values(
        self, rounding: str, profile: CompanyProfileData, templates: Sequence[TemplateInfo]
    ) -> None:
        """Show the rounding rule and the profile's default templates among ``templates``."""
        self.rounding_buttons.get(rounding, self.rounding_buttons["per_line"]).setChecked(True)
        self._templates = list(templates)
        self._fill("quote", profile.quote_template)
        self._fill("contract", profile.contract_template)

    def set_templates(
        self,
        templates: Sequence[TemplateInfo],
        kind: Kind | None = None,
        selected: str | None = None,
    ) -> None:
        """Offer ``templates`` (re-read after a change), keeping each combo's choice.

        ``kind``'s combo chooses ``selected`` instead (``""``: the built-in default), e.g. the
        template just saved, or the default once the chosen one is deleted.
        """
        self._templates = list(templates)
        for each in KINDS:
            chosen = self.template_box(each).currentData()
            if each == kind and selected is not None:
                chosen = selected
            self._fill(each, str(chosen or "") or None)

    def template_box(self, kind: Kind) -> QComboBox:
        """The combo of ``kind``'s default template."""
        return self.quote_template if kind == "quote" else self.contract_template

    def _fill(self, kind: Kind, chosen: str | None) -> None:
        box = self.template_box(kind)
        box.blockSignals(True)
        box.clear()
        box.addItem(
            fill(self.tr("Built-in default (%1)"), shipped_name(DEFAULT_TEMPLATES[kind])), ""
        )
        for info in self._templates:
            if info.kind == kind:
                box.addItem(template_label(info), info.name)
        if chosen and box.findData(chosen) < 0:  # keep a name the list lacks, not lose it
            box.addItem(chosen, chosen)
        box.setCurrentIndex(max(0, box.findData(chosen or "")))
        box.blockSignals(False)
        self._update_button(kind)

    def _chosen_info(self, kind: Kind) -> TemplateInfo | None:
        name = str(self.template_box(kind).currentData() or "") or DEFAULT_TEMPLATES[kind]
        return next((t for t in self._templates if t.name == name and t.kind == kind), None)

    def _update_button(self, kind: Kind) -> None:
        button = self.customize_quote_button if kind == "quote" else self.customize_contract_button
        info = self._chosen_info(kind)
        button.setEnabled(info is not None)
        if info is None:
            button.setToolTip("")
        elif info.shipped:
            button.setToolTip(
                self.tr("Make your own copy of this template to change its texts and look")
            )
        else:
            button.setToolTip(self.tr("Change or delete this template"))

    def _customize(self, kind: Kind) -> None:
        info = self._chosen_info(kind)
        if info is not None:
            self.customizeRequested.emit(kind, info.name)

    def rounding_rule(self) -> str:
        """``per_line`` or ``per_rate``."""
        for rule, button in self.rounding_buttons.items():
            if button.isChecked():
                return rule
        return "per_line"

    def with_templates(self, profile: CompanyProfileData) -> CompanyProfileData:
        """``profile`` with the default templates chosen here."""
        return replace(
            profile,
            quote_template=str(self.quote_template.currentData() or "") or None,
            contract_template=str(self.contract_template.currentData() or "") or None,
        )
