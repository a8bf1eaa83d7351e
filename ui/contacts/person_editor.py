"""The contact editor (people and companies): checked in place, with a duplicate notice."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.choices import RecordKind
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.vocab import ContactStatus, CustomFieldKind, Level
from desktop_crm.services.cards.dto import ContactCard
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.contacts.dto import (
    CompanyDraft,
    CustomFieldInfo,
    DuplicateHint,
    FieldProblem,
    PersonDraft,
)
from ui.contacts.editor_rows import AddressRows, LabelledRows
from ui.contacts.labels import status_labels
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

PROBLEM_STYLE = 'QLineEdit[problem="true"] { border: 1px solid #c62828; background: #ffebee; }'


class PersonEditor(QDialog):
    """Create or edit a person or a company.

    Args:
        worker: Where database work runs.
        workspace: The open workspace.
        person_id: Whom to edit; ``None`` creates a new one.
        kind: ``person`` or ``company`` (person-only fields are hidden for a company).

    Signals:
        saved(object): The :class:`ChangeResult` of a successful save.
        openRequested(str, str): Open a card (from the duplicate notice).
    """

    saved = Signal(object)
    openRequested = Signal(str, str)

    def __init__(
        self,
        worker: DbWorker,
        workspace: Workspace,
        person_id: str | None = None,
        parent: QWidget | None = None,
        kind: RecordKind = "person",
    ) -> None:
        super().__init__(parent)
        self._worker, self._workspace, self.person_id = worker, workspace, person_id
        self.kind = kind
        self._owner_id: str | None = None
        titles = {
            ("person", True): self.tr("New person"),
            ("person", False): self.tr("Edit person"),
            ("company", True): self.tr("New company"),
            ("company", False): self.tr("Edit company"),
        }
        self.setWindowTitle(titles[(kind, person_id is None)])
        self.resize(620, 720)
        self.setStyleSheet(PROBLEM_STYLE)

        self.duplicate_notice = QLabel()
        self.duplicate_notice.setObjectName("placeholderNotice")
        self.duplicate_notice.setWordWrap(True)
        self.duplicate_notice.setTextFormat(Qt.TextFormat.RichText)
        self.duplicate_notice.linkActivated.connect(
            lambda link: self.openRequested.emit("person", link)
        )
        self.duplicate_notice.hide()

        form_widget = QWidget()
        form = QFormLayout(form_widget)
        self.name = QLineEdit()
        self.title_edit = QLineEdit()
        self.department = QLineEdit()
        self.company = QComboBox()
        self.company.setEditable(True)
        self.company.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.company.addItem("", None)
        self.status = QComboBox()
        for value, text in status_labels().items():
            self.status.addItem(text, value)
        self.level = QComboBox()
        self.level.addItem("—", None)
        for value in "ABC":
            self.level.addItem(value, value)
        self.source = QLineEdit()
        birthday_row = QHBoxLayout()
        self.has_birthday = QCheckBox()
        self.birthday = QDateEdit(QDate(1990, 1, 1))
        self.birthday.setDisplayFormat("yyyy-MM-dd")
        self.birthday.setCalendarPopup(True)
        self.birthday.setEnabled(False)
        self.has_birthday.toggled.connect(self.birthday.setEnabled)
        birthday_row.addWidget(self.has_birthday)
        birthday_row.addWidget(self.birthday, 1)
        self.wechat = QLineEdit()
        self.website = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(90)
        self.phones = LabelledRows(
            ["mobile", "work", "home", "fax", "other"],
            self.tr("Phone number"),
            self.tr("Add phone"),
        )
        self.emails = LabelledRows(
            ["work", "home", "other"], self.tr("Email address"), self.tr("Add email")
        )
        self.industry = QLineEdit()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Industry:"), self.industry)
        form.addRow(self.tr("Company:"), self.company)
        form.addRow(self.tr("Title:"), self.title_edit)
        form.addRow(self.tr("Department:"), self.department)
        form.addRow(self.tr("Phones:"), self.phones)
        form.addRow(self.tr("Emails:"), self.emails)
        self.addresses = AddressRows(
            self.tr("Add address"),
            (
                self.tr("Street"),
                self.tr("City"),
                self.tr("Province / state"),
                self.tr("Postcode"),
                self.tr("Country"),
            ),
        )
        form.addRow(self.tr("Addresses:"), self.addresses)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("VIP, 老客户 … (separate with commas)"))
        form.addRow(self.tr("Tags:"), self.tags)
        self.im = LabelledRows(
            ["qq", "skype", "whatsapp", "telegram", "line"],
            self.tr("Account"),
            self.tr("Add messenger"),
        )
        form.addRow(self.tr("Other messengers:"), self.im)
        form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.tr("Level:"), self.level)
        form.addRow(self.tr("Source:"), self.source)
        form.addRow(self.tr("Birthday:"), birthday_row)
        form.addRow(self.tr("WeChat:"), self.wechat)
        form.addRow(self.tr("Website:"), self.website)
        form.addRow(self.tr("Notes:"), self.notes)
        photo_row = QHBoxLayout()
        self.photo_label = QLabel()
        self.photo_label.setFixedSize(48, 48)
        choose_photo = QPushButton(self.tr("Choose photo…"))
        choose_photo.clicked.connect(self.choose_photo)
        self.remove_photo = QPushButton(self.tr("Remove photo"))
        self.remove_photo.clicked.connect(lambda: self.set_photo(None))
        for widget in (self.photo_label, choose_photo, self.remove_photo):
            photo_row.addWidget(widget)
        photo_row.addStretch(1)
        form.addRow(self.tr("Photo:"), photo_row)
        self.custom_box = QWidget()
        self.custom_form = QFormLayout(self.custom_box)
        self.custom_form.setContentsMargins(0, 0, 0, 0)
        add_field = QPushButton(self.tr("New field…"))
        add_field.setToolTip(self.tr("Add a field of your own to every person"))
        add_field.clicked.connect(self._new_field)
        form.addRow(self.tr("More:"), self.custom_box)
        form.addRow("", add_field)
        self.custom_edits: dict[str, QLineEdit | QComboBox] = {}
        self._custom_values: dict[str, str] = {}
        self._photo: bytes | None = None
        self._photo_changed = False
        for row in (
            self.company,
            self.title_edit,
            self.department,
            birthday_row,
            self.wechat,
            photo_row,
            self.custom_box,
            add_field,
            self.tags,
            self.im,
        ):
            form.setRowVisible(row, kind == "person")
        form.setRowVisible(self.industry, kind == "company")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)

        self.problem_label = QLabel()
        self.problem_label.setStyleSheet("color: #c62828")
        self.problem_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.duplicate_notice)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

        self._dup_timer = QTimer(self)
        self._dup_timer.setSingleShot(True)
        self._dup_timer.setInterval(300)
        self._dup_timer.timeout.connect(self._check_duplicates)
        for signal in (
            self.name.textChanged,
            self.phones.changed,
            self.emails.changed,
            self.company.currentTextChanged,
        ):
            signal.connect(lambda *_a: self._dup_timer.start())
        # Fields marked by a failed save are checked again as they are edited, so a mark
        # goes as soon as its value is valid (by the same rules the save applies).
        self._marked: list[QLineEdit] = []
        self._recheck_timer = QTimer(self)
        self._recheck_timer.setSingleShot(True)
        self._recheck_timer.setInterval(150)
        self._recheck_timer.timeout.connect(self._recheck)
        for signal in (self.name.textChanged, self.phones.changed, self.emails.changed):
            signal.connect(self._edited)

        # On the reader: the editor fills in while an import or undo holds the writer.
        reads = workspace.reads
        worker.read(reads.contact_list.companies, self._fill_companies)
        if kind == "person":
            worker.read(lambda: reads.custom_fields.definitions("person"), self._fill_custom)
        if person_id is not None:
            worker.read(lambda: reads.cards.card(kind, person_id), self.fill)
        else:
            self.phones.add_row()
            self.emails.add_row()

    # --- filling ------------------------------------------------------------------------------

    def _fill_companies(self, companies: list[tuple[str, str]]) -> None:
        current = self.company.currentData()
        text = self.company.currentText()
        for cid, name in companies:
            self.company.addItem(name, cid)
        completer = QCompleter([n for _i, n in companies], self.company)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.company.setCompleter(completer)
        self._select_company(current, text)

    def _select_company(self, company_id: str | None, text: str) -> None:
        index = self.company.findData(company_id) if company_id else -1
        if index >= 0:
            self.company.setCurrentIndex(index)
        else:
            self.company.setEditText(text)

    def fill(self, card: ContactCard) -> None:
        """Put a stored person into the editor."""
        self.name.setText(card.name)
        if card.kind == "company":
            self.industry.setText(card.title or "")
        else:
            self.title_edit.setText(card.title or "")
        self.department.setText(card.department or "")
        self._select_company(card.company_id, card.company or "")
        self.status.setCurrentIndex(max(0, self.status.findData(card.status)))
        self.level.setCurrentIndex(max(0, self.level.findData(card.level)))
        self.source.setText(card.source or "")
        if card.birthday:
            self.has_birthday.setChecked(True)
            self.birthday.setDate(QDate(card.birthday.year, card.birthday.month, card.birthday.day))
        self.wechat.setText(card.wechat or "")
        self.website.setText(card.website or "")
        self.notes.setPlainText(card.notes or "")
        for phone in card.phones:
            self.phones.add_row(phone.label, phone.value, phone.id)
        for email in card.emails:
            self.emails.add_row(email.label, email.value, email.id)
        for address in card.addresses:
            self.addresses.add_row(address)
        self.tags.setText(", ".join(card.tags))
        for service, account in card.im:
            self.im.add_row(service, account)
        self._owner_id = card.owner_id
        self._custom_values = {fid: value for fid, _label, value in card.custom}
        for fid, value in self._custom_values.items():
            self._set_custom(fid, value)
        self._photo = card.photo
        self._show_photo()

    # --- saving -------------------------------------------------------------------------------

    def draft(self) -> PersonDraft:
        """What the editor holds, as a draft to check or save."""
        text = self.company.currentText().strip()
        index = self.company.findText(text, Qt.MatchFlag.MatchExactly) if text else -1
        company_id = self.company.itemData(index) if index > 0 else None
        day = self.birthday.date()
        level = self.level.currentData()  # None: no level
        return PersonDraft(
            id=self.person_id,
            name=self.name.text(),
            company_id=company_id,
            company_name=text if company_id is None and text else None,
            title=self.title_edit.text(),
            department=self.department.text(),
            status=ContactStatus(self.status.currentData()),
            level=None if level is None else Level(level),
            source=self.source.text(),
            owner_id=self._owner_id,
            birthday=date(day.year(), day.month(), day.day())
            if self.has_birthday.isChecked()
            else None,
            wechat=self.wechat.text(),
            website=self.website.text(),
            notes=self.notes.toPlainText(),
            phones=self.phones.values(),
            emails=self.emails.values(),
            addresses=self.addresses.values(),
            tags=tuple(
                t.strip() for t in self.tags.text().replace("，", ",").split(",") if t.strip()
            ),
            im=tuple((i.label, i.value) for i in self.im.values()),
            photo=self._photo,
            photo_changed=self._photo_changed,
            custom=tuple((fid, self._custom_text(edit)) for fid, edit in self.custom_edits.items()),
        )

    def company_draft(self) -> CompanyDraft:
        """What the editor holds, as a company."""
        person = self.draft()
        return CompanyDraft(
            id=self.person_id,
            name=person.name,
            industry=self.industry.text(),
            website=person.website,
            status=person.status,
            level=person.level,
            source=person.source,
            owner_id=person.owner_id,
            notes=person.notes,
            phones=person.phones,
            emails=person.emails,
            addresses=self.addresses.values(),
        )

    def save(self) -> None:
        """Save on the worker; problems come back marked on their fields."""
        ws = self._workspace
        self.buttons.setEnabled(False)
        if self.kind == "company":
            company = self.company_draft()
            self._worker.submit(lambda: ws.people.save_company(company), self._saved, self._failed)
            return
        draft = self.draft()
        self._worker.submit(lambda: ws.people.save(draft), self._saved, self._failed)

    def _saved(self, result: ChangeResult) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError) and "problems" in exc.params:
            self.mark(exc.params["problems"])
        else:
            from ui.messages import error_text

            self.problem_label.setText(error_text(exc))

    def mark(self, problems: list[FieldProblem]) -> None:
        """Mark each problem on its field (nothing typed is changed)."""
        for edit in self._editors():
            if isinstance(edit, QLineEdit):
                self._set_problem(edit, None)
        self._marked = []
        lines = []
        for widget, message in self._located(problems):
            if widget is not None:
                self._set_problem(widget, message)
                self._marked.append(widget)
            lines.append(message)
        self.problem_label.setText("\n".join(lines))

    def _located(self, problems: list[FieldProblem]) -> list[tuple[QLineEdit | None, str]]:
        """Each problem's field editor (``None`` when it has none) and message."""
        found: list[tuple[QLineEdit | None, str]] = []
        for problem in problems:
            widget: Any = None
            if problem.field == "name":
                widget = self.name
            elif problem.field == "custom" and problem.index is not None:
                edits = list(self.custom_edits.values())
                candidate = edits[problem.index] if problem.index < len(edits) else None
                widget = candidate if isinstance(candidate, QLineEdit) else None
            elif problem.field in ("phones", "emails") and problem.index is not None:
                editors = getattr(self, problem.field).editors()
                widget = editors[problem.index] if problem.index < len(editors) else None
            found.append((widget, self._message(problem)))
        return found

    def _editors(self) -> set[QLineEdit | QComboBox]:
        """The editors a problem can be marked on (rows removed since are not among them)."""
        rows = self.phones.rows + self.emails.rows
        return {self.name, *(edit for _b, edit, _r, _w in rows), *self.custom_edits.values()}

    def _edited(self, *_args: Any) -> None:
        if self._marked:
            self._recheck_timer.start()

    def _recheck(self) -> None:
        ws = self._workspace
        draft: PersonDraft | CompanyDraft = (
            self.company_draft() if self.kind == "company" else self.draft()
        )
        self._worker.submit(
            lambda: ws.people.problems(draft), self.unmark_fixed, lambda _e: None, background=True
        )

    def unmark_fixed(self, problems: list[FieldProblem]) -> None:
        """Clear the marks of fields whose values are now valid (none are added while typing)."""
        located = self._located(problems)
        still = {w: m for w, m in located if w is not None}
        present = self._editors()
        for widget in list(self._marked):
            if widget not in present:  # its row was removed
                self._marked.remove(widget)
            elif widget in still:
                self._set_problem(widget, still[widget])
            else:
                self._set_problem(widget, None)
                self._marked.remove(widget)
        self.problem_label.setText(
            "\n".join(m for w, m in located if w is None or w in self._marked)
        )

    def _message(self, problem: FieldProblem) -> str:
        if problem.field == "name" and problem.code == "exists":
            return fill(self.tr("A company called “%1” already exists."), problem.value)
        if problem.field == "name":
            return self.tr("A name is required.")
        if problem.field == "phones":
            return fill(self.tr("“%1” is not a phone number."), problem.value)
        if problem.field == "emails":
            text = (
                self.tr("“%1” contains a space.")
                if problem.code == "space"
                else self.tr("“%1” is not an email address.")
            )
            return fill(text, problem.value)
        return problem.message

    @staticmethod
    def _set_problem(widget: QLineEdit, message: str | None) -> None:
        widget.setProperty("problem", message is not None)
        widget.setToolTip(message or "")
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    # --- photo and custom fields --------------------------------------------------------------

    def choose_photo(self) -> None:
        """Pick an image file as the photo."""
        name, _f = QFileDialog.getOpenFileName(
            self, self.tr("Choose photo"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if name:
            try:
                self.set_photo(Path(name).read_bytes())
            except OSError as exc:
                self.problem_label.setText(str(exc))

    def set_photo(self, data: bytes | None) -> None:
        """Use ``data`` as the photo (``None`` removes it)."""
        self._photo, self._photo_changed = data, True
        self._show_photo()

    def _show_photo(self) -> None:
        from ui.contacts.avatar import avatar

        self.photo_label.setPixmap(avatar(self.name.text() or "?", self._photo, 48))
        self.remove_photo.setEnabled(self._photo is not None)

    def _fill_custom(self, definitions: list[CustomFieldInfo]) -> None:
        for info in definitions:
            if info.id in self.custom_edits:
                continue
            edit: QLineEdit | QComboBox
            if info.kind == "choice":
                edit = QComboBox()
                edit.addItem("")
                edit.addItems(list(info.options))
            else:
                edit = QLineEdit()
                hints = {"date": "YYYY-MM-DD", "number": "0.00", "bool": self.tr("yes / no")}
                edit.setPlaceholderText(hints.get(info.kind, ""))
                edit.textChanged.connect(self._edited)
            self.custom_edits[info.id] = edit
            self.custom_form.addRow(info.label + ":", edit)
            self._set_custom(info.id, self._custom_values.get(info.id, ""))

    def _set_custom(self, field_id: str, value: str) -> None:
        edit = self.custom_edits.get(field_id)
        if isinstance(edit, QComboBox):
            edit.setCurrentText(value)
        elif edit is not None:
            edit.setText(value)

    @staticmethod
    def _custom_text(edit: QLineEdit | QComboBox) -> str:
        return edit.currentText() if isinstance(edit, QComboBox) else edit.text()

    def _new_field(self) -> None:
        label, ok = QInputDialog.getText(self, self.tr("New field"), self.tr("Field name:"))
        if not ok or not label.strip():
            return
        kinds = {
            self.tr("Text"): CustomFieldKind.TEXT,
            self.tr("Number"): CustomFieldKind.NUMBER,
            self.tr("Date"): CustomFieldKind.DATE,
            self.tr("Yes / no"): CustomFieldKind.BOOL,
        }
        choice, ok = QInputDialog.getItem(
            self, self.tr("New field"), self.tr("Kind:"), list(kinds), 0, False
        )
        if not ok:
            return
        ws, kind = self._workspace, kinds[choice]
        self._worker.submit(
            lambda: (
                ws.custom_fields.define("person", label, kind),
                ws.custom_fields.definitions(),
            )[1],
            self._fill_custom,
            self._failed,
        )

    # --- duplicates ---------------------------------------------------------------------------

    def _check_duplicates(self) -> None:
        if self.kind != "person":
            return
        ws, draft = self._workspace, self.draft()
        self._worker.submit(
            lambda: ws.people.duplicates(draft),
            self.show_duplicates,
            lambda _e: None,
            background=True,
        )

    def show_duplicates(self, hints: list[DuplicateHint]) -> None:
        """Say which existing people look like this one."""
        if not hints:
            self.duplicate_notice.hide()
            return
        reasons = {
            "phone": self.tr("same phone"),
            "email": self.tr("same email"),
            "name": self.tr("similar name at the same company"),
        }
        links = ", ".join(
            f'<a href="{h.id}">{h.name}</a> ({reasons.get(h.reason, h.reason)})' for h in hints[:5]
        )
        self.duplicate_notice.setText(fill(self.tr("Possible duplicate: %1"), links))
        self.duplicate_notice.show()
