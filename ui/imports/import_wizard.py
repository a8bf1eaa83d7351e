"""The import wizard: what the sheet holds, the column mapping, the preview, duplicates.

Every preview is computed by the import service on the database worker (the same reading the
import does), so the GUI never waits and the preview is exactly what will be stored.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from typing_extensions import override

from desktop_crm.domain.choices import DUPLICATE_POLICIES, DuplicatePolicy, ImportEntity, MatchKey
from desktop_crm.services.importing.dto import ImportPreview
from ui.choices import IMPORT_ENTITIES, one_of
from ui.imports.field_labels import (
    date_order_labels,
    entity_labels,
    field_label,
    policy_labels,
)
from ui.imports.import_summary import planned_counts
from ui.imports.preview_model import PreviewModel
from ui.messages import error_text
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.importing.dto import ImportReport
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

NEW_CUSTOM = "\x00new-custom"
NEW_USER = "\x00new-user"
NOTES = ""


class ImportWizard(QWizard):
    """Guides one import of a spreadsheet or CSV file.

    Args:
        worker: The database worker previews and the check run on.
        workspace: The open workspace.
        path: The file.
        parent: The main window.

    Attributes:
        preview: The latest preview, or ``None`` while none has arrived.

    Signals:
        previewChanged(object): A new preview (or ``None`` after an error) arrived.
        importRequested(dict): Finish was pressed; the keyword arguments for ``import_file``
            (``import_options()``).
    """

    previewChanged = Signal(object)
    importRequested = Signal(dict)

    def __init__(
        self, worker: DbWorker, workspace: Workspace, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.worker, self.workspace, self.path = worker, workspace, path
        self.setWindowTitle(fill(self.tr("Import %1"), path.name))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(900, 600)
        self.entity: ImportEntity = "people"
        self.sheet: int | str = 0
        self.mapping: dict[int, str] | None = None  # None: remembered or guessed
        self.date_orders: dict[int, str] = {}
        self.preview: ImportPreview | None = None
        self.error: str | None = None
        self._generation = 0
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.refresh)
        self.source_page = SourcePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.owners_page = OwnersPage(self)
        self.options_page = OptionsPage(self)
        for page in (self.source_page, self.mapping_page, self.preview_page):
            self.addPage(page)
        self.owners_id = self.addPage(self.owners_page)
        self.options_id = self.addPage(self.options_page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Import"))
        self.refresh()

    def choose(self, *, entity: ImportEntity | None = None, sheet: int | str | None = None) -> None:
        """Change what the sheet holds or which sheet; the mapping is guessed again."""
        if entity is not None:
            self.entity = entity
        if sheet is not None:
            self.sheet = sheet
        self.mapping, self.date_orders = None, {}
        self.refresh()

    def set_target(self, column: int, target: str | None) -> None:
        """Map ``column`` to ``target`` (``None``: keep it in notes)."""
        mapping = dict(self.mapping or (self.preview.mapping if self.preview else {}))
        if target is None:
            mapping.pop(column, None)
        else:
            if target != "ignore" and not target.startswith("custom:"):
                for other, used in list(mapping.items()):
                    if used == target and other != column:
                        mapping.pop(other)  # a field takes one column
            mapping[column] = target
        self.mapping = mapping
        self._debounce.start()

    def set_date_order(self, column: int, order: str) -> None:
        """Read ``column``'s text dates in ``order``."""
        self.date_orders[column] = order
        self._debounce.start()

    def refresh(self) -> None:
        """Ask the worker for a new preview; older answers still on their way are dropped."""
        self._generation += 1
        generation = self._generation
        ws, path = self.workspace, self.path
        entity, sheet, mapping, orders = (
            self.entity,
            self.sheet,
            self.mapping,
            dict(self.date_orders),
        )

        def job() -> ImportPreview:
            return ws.imports.preview(
                path, entity=entity, sheet=sheet, mapping=mapping, date_orders=orders or None
            )

        def done(preview: ImportPreview) -> None:
            if generation == self._generation:
                self.preview, self.error = preview, None
                self.mapping = dict(preview.mapping)
                self.previewChanged.emit(preview)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.preview, self.error = None, error_text(exc)
                self.previewChanged.emit(None)

        self.worker.submit(job, done, failed)

    def import_options(self) -> dict[str, Any]:
        """The keyword arguments of the import the user set up (``QWizard.options`` is Qt's)."""
        return {
            "entity": self.entity,
            "sheet": self.sheet,
            "mapping": dict(self.mapping or {}),
            "date_orders": dict(self.preview.date_orders if self.preview else {}),
            "duplicates": self.options_page.policy(),
            "match_by": self.options_page.match_by(),
            **self.owners_page.options(),
        }

    @override
    def nextId(self) -> int:
        """After the preview: the owners page only when the owner column names non-users."""
        following = super().nextId()
        if following == self.owners_id and not self.unknown_owners():
            return self.options_id
        return following

    def unknown_owners(self) -> tuple[str, ...]:
        """Names in the owner column that are no user's (none while no preview is shown)."""
        return self.preview.unknown_owners if self.preview else ()

    @override
    def accept(self) -> None:
        """Finish: hand the import to the window, which runs it with progress."""
        self.importRequested.emit(self.import_options())
        super().accept()

    @override
    def reject(self) -> None:
        """Cancel: the sheet kept for previews is let go (on the worker, after any preview)."""
        self.worker.submit(self.workspace.imports.close_preview)
        super().reject()

    def check(self, on_done: Callable[[ImportReport], None]) -> None:
        """Count what the import would do (a dry run on the worker)."""
        ws, path, options = self.workspace, self.path, self.import_options()

        def done(report: ImportReport) -> None:
            if shiboken6.isValid(self):  # the wizard may be closed while the check ran
                on_done(report)

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                self.options_page.show_error(error_text(exc))

        self.worker.submit(
            lambda: ws.imports.import_file(path, dry_run=True, **options), done, failed
        )


def _mapped_enough(preview: ImportPreview) -> bool:
    """Whether a column holds what a record of this kind needs."""
    return bool(set(preview.mapping.values()) & set(preview.required))


class SourcePage(QWizardPage):
    """What the file holds and which sheet."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("What does the file hold?"))
        self.entity_box = QComboBox()
        for key, label in entity_labels().items():
            self.entity_box.addItem(label, key)
        self.entity_box.currentIndexChanged.connect(
            lambda: wizard.choose(entity=one_of(self.entity_box.currentData(), IMPORT_ENTITIES))
        )
        self.sheet_box = QComboBox()
        self.sheet_box.activated.connect(lambda i: wizard.choose(sheet=i))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("File:"), QLabel(wizard.path.name))
        form.addRow(self.tr("Import as:"), self.entity_box)
        form.addRow(self.tr("Sheet:"), self.sheet_box)
        form.addRow(self.summary)
        wizard.previewChanged.connect(self._update)

    def _update(self, preview: ImportPreview | None) -> None:
        if preview is None:
            self.summary.setText(self.wiz.error or "")
            self.summary.setStyleSheet("color: #b3261e")
        else:
            if [self.sheet_box.itemText(i) for i in range(self.sheet_box.count())] != list(
                preview.sheets
            ):
                self.sheet_box.clear()
                self.sheet_box.addItems(list(preview.sheets))
            self.sheet_box.setCurrentText(preview.sheet)
            self.sheet_box.setEnabled(len(preview.sheets) > 1)
            lines = [
                fill(self.tr("Data rows found: %1."), str(preview.total_rows)),
                fill(self.tr("The header is on row %1."), str(preview.header_row))
                if preview.header_row
                else self.tr("The sheet has no header row; columns are numbered."),
            ]
            if preview.kind == "html":
                lines.append(self.tr("This file is a web page; its tables are read as sheets."))
            elif preview.kind == "xml":
                lines.append(self.tr("This file is an Excel 2003 XML workbook."))
            elif preview.kind == "fods":
                lines.append(self.tr("This file is an OpenDocument spreadsheet saved as XML."))
            elif preview.kind == "ldif":
                lines.append(self.tr("This file is an LDIF address book: one row per person."))
            if preview.encoding and preview.delimiter:
                lines.append(
                    fill(
                        self.tr("Text encoding: %1, separated by “%2”."),
                        preview.encoding,
                        preview.delimiter,
                    )
                )
            elif preview.encoding:
                lines.append(fill(self.tr("Text encoding: %1."), preview.encoding))
            if preview.profile:
                lines.append(
                    fill(
                        self.tr("Using the column choices of your earlier import of %1."),
                        preview.profile,
                    )
                )
            self.summary.setText("\n".join(lines))
            self.summary.setStyleSheet("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """Next only when the file could be read."""
        return self.wiz.preview is not None


class MappingPage(QWizardPage):
    """Where each column goes, and how its dates are written."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Choose where each column goes"))
        self.setSubTitle(
            self.tr("Columns left on “Keep in notes” are added to each record's notes.")
        )
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Examples"), self.tr("Import as"), self.tr("Dates written")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.warning = QLabel()
        self.warning.setStyleSheet("color: #b3261e")
        self.warning.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.warning)
        self._shown: tuple[Any, ...] = ()
        wizard.previewChanged.connect(self._update)

    def combo(self, column: int) -> QComboBox:
        """The "Import as" choice of ``column``."""
        widget = self.table.cellWidget(column, 2)
        assert isinstance(widget, QComboBox)
        return widget

    def _update(self, preview: ImportPreview | None) -> None:
        if preview is None:
            return
        key = (preview.entity, preview.sheet, preview.columns, tuple(preview.custom_fields))
        if key != self._shown:
            self._shown = key
            self._build(preview)
        for col in range(len(preview.columns)):
            box = self.combo(col)
            target = preview.mapping.get(col, NOTES)
            if box.findData(target) < 0:
                box.addItem(field_label(preview.entity, target), target)
            box.blockSignals(True)
            box.setCurrentIndex(box.findData(target))
            box.blockSignals(False)
            order_box = self.table.cellWidget(col, 3)
            assert isinstance(order_box, QComboBox)
            order = preview.date_orders.get(col)
            order_box.setEnabled(order is not None)
            order_box.blockSignals(True)
            order_box.setCurrentIndex(order_box.findData(order) if order else -1)
            order_box.blockSignals(False)
        self.warning.setText(
            ""
            if _mapped_enough(preview)
            else fill(
                self.tr("Choose the column that holds %1."),
                " / ".join(field_label(preview.entity, f) for f in preview.required),
            )
        )
        self.completeChanged.emit()

    def _build(self, preview: ImportPreview) -> None:
        self.table.setRowCount(len(preview.columns))
        for col, name in enumerate(preview.columns):
            self.table.setItem(col, 0, QTableWidgetItem(name))
            sample = QTableWidgetItem(preview.samples[col] if col < len(preview.samples) else "")
            sample.setForeground(Qt.GlobalColor.darkGray)
            self.table.setItem(col, 1, sample)
            box = QComboBox()
            box.addItem(self.tr("Keep in notes"), NOTES)
            box.addItem(field_label(preview.entity, "ignore"), "ignore")
            box.insertSeparator(box.count())
            for f in preview.fields:
                box.addItem(field_label(preview.entity, f.key), f.key)
            if preview.entity in ("people", "companies"):
                box.insertSeparator(box.count())
                for label in preview.custom_fields:
                    box.addItem(field_label(preview.entity, f"custom:{label}"), f"custom:{label}")
                box.addItem(self.tr("New custom field…"), NEW_CUSTOM)
            box.activated.connect(lambda _i, c=col, b=box: self._chosen(c, b))
            self.table.setCellWidget(col, 2, box)
            orders = QComboBox()
            for order, label in date_order_labels().items():
                orders.addItem(label, order)
            orders.activated.connect(
                lambda _i, c=col, b=orders: self.wiz.set_date_order(c, b.currentData())
            )
            self.table.setCellWidget(col, 3, orders)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        self.table.resizeColumnToContents(3)

    def _chosen(self, column: int, box: QComboBox) -> None:
        target = box.currentData()
        if target == NEW_CUSTOM:
            header = self.table.item(column, 0)
            name, ok = QInputDialog.getText(
                self,
                self.tr("New custom field"),
                self.tr("Name of the field:"),
                text=header.text() if header is not None else "",
            )
            if not ok or not name.strip():
                self._update(self.wiz.preview)  # back to what it was
                return
            target = f"custom:{name.strip()}"
            box.insertItem(box.count() - 1, field_label(self.wiz.entity, target), target)
            box.setCurrentIndex(box.findData(target))
        self.wiz.set_target(column, target or None)

    def isComplete(self) -> bool:
        """Next once a column holds what a record needs."""
        return self.wiz.preview is not None and _mapped_enough(self.wiz.preview)


class PreviewPage(QWizardPage):
    """The first rows exactly as they will be stored."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Check the first rows"))
        self.model = PreviewModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setDefaultSectionSize(130)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.summary)
        wizard.previewChanged.connect(self._update)

    def _update(self, preview: ImportPreview | None) -> None:
        self.model.set_preview(preview)
        if preview is None:
            self.summary.setText(self.wiz.error or "")
            return
        text = self.tr("Showing %1 of %2 rows as they will be stored.")
        text = fill(text, str(len(preview.rows)), str(preview.total_rows))
        if preview.problem_count:
            text += " " + fill(
                self.tr(
                    "Problems marked in red: %1. Values that cannot be stored as mapped are kept "
                    "in the notes; rows that cannot be imported at all go to an error workbook."
                ),
                str(preview.problem_count),
            )
        self.summary.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """Next once a preview is shown."""
        return self.wiz.preview is not None


class OptionsPage(QWizardPage):
    """Records already in the workspace: how they are found and what happens to them."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Records already in the workspace"))
        layout = QVBoxLayout(self)
        self.match_label = QLabel(self.tr("A row is the same person when it has the same:"))
        layout.addWidget(self.match_label)
        self.match_boxes: dict[MatchKey, QCheckBox] = {
            "email": QCheckBox(self.tr("Email")),
            "phone": QCheckBox(self.tr("Phone number")),
            "name": QCheckBox(self.tr("Name at the same company")),
        }
        for box in self.match_boxes.values():
            box.setChecked(True)
            box.toggled.connect(self._recheck)
            layout.addWidget(box)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        layout.addWidget(self.rule)
        layout.addSpacing(8)
        self.policy_label = QLabel(self.tr("When a row matches a record already there:"))
        layout.addWidget(self.policy_label)
        self.policies = QButtonGroup(self)
        for key, label in policy_labels().items():
            button = QRadioButton(label)
            button.setProperty("policy", key)
            button.setChecked(key == "skip")
            self.policies.addButton(button)
            layout.addWidget(button)
        self.policies.buttonToggled.connect(self._policy_toggled)
        layout.addSpacing(8)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        layout.addStretch(1)

    def initializePage(self) -> None:
        """Show the rules of this kind of record and count what the import will do."""
        people = self.wiz.entity == "people"
        for box in (*self.match_boxes.values(), self.match_label):
            box.setVisible(people)
        rules = {
            "companies": self.tr("Companies are matched by name."),
            "deals": self.tr("Deals are matched by name and company."),
            "products": self.tr("Products are matched by code, or by name when there is none."),
            "quotes": self.tr(
                "A quote whose number is already in the workspace is not imported (never "
                "merged); it is listed with the rows that cannot be imported."
            ),
            "payments": self.tr(
                "A payment is the same when it has the same contract, date and amount."
            ),
            "followups": self.tr(
                "A follow-up is the same when it has the same contact, due date and time, type "
                "and subject. Times are in this computer's time zone."
            ),
        }
        self.rule.setText(rules.get(self.wiz.entity, ""))
        matched = self.wiz.entity != "quotes"  # quotes are never matched: no policy applies
        for widget in (*self.policies.buttons(), self.policy_label):
            widget.setVisible(matched)
        self._recheck()

    def policy(self) -> DuplicatePolicy:
        """The chosen duplicate policy."""
        checked = self.policies.checkedButton()
        return one_of(checked.property("policy"), DUPLICATE_POLICIES) if checked else "skip"

    def match_by(self) -> tuple[MatchKey, ...]:
        """How people are matched."""
        return tuple(k for k, box in self.match_boxes.items() if box.isChecked())

    def show_error(self, text: str) -> None:
        """Say why the check failed."""
        self.counts.setStyleSheet("color: #b3261e")
        self.counts.setText(text)

    def _policy_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:  # each change toggles two buttons: count once
            self._recheck()

    def _recheck(self) -> None:
        self.counts.setStyleSheet("")
        self.counts.setText(self.tr("Checking the whole file…"))
        self.wiz.check(self._counted)

    def _counted(self, report: ImportReport) -> None:
        text = planned_counts(report)  # each kind apart: "5 people, 2 companies"
        if report.failed:
            text += " " + fill(
                self.tr(
                    "Rows that cannot be imported: %1. They will be listed with the reason in an "
                    "error workbook next to the file."
                ),
                str(report.failed),
            )
        text += " " + self.tr("Edit > Undo takes the whole import back.")
        self.counts.setText(text)


class OwnersPage(QWizardPage):
    """Owner names that are not users yet: add them as users, map them, or keep them in notes."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Owners who are not users yet"))
        self.setSubTitle(
            self.tr(
                "The owner column names people who are not users of this workspace. Add them "
                "as users (your salespeople), or choose the user each name means. Names left on "
                "“Keep in notes” are kept in each record's notes."
            )
        )
        self.chosen: dict[str, str] = {}  # name -> NOTES, NEW_USER or a user id
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Name in the file"), self.tr("Becomes")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.add_all = QPushButton(self.tr("Add All as Users"))
        self.add_all.clicked.connect(lambda: self.choose_all(NEW_USER))
        keep_all = QPushButton(self.tr("Keep All in Notes"))
        keep_all.clicked.connect(lambda: self.choose_all(NOTES))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_all)
        buttons.addWidget(keep_all)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def initializePage(self) -> None:
        """List the names with what each becomes (kept from an earlier visit)."""
        preview = self.wiz.preview
        names = self.wiz.unknown_owners()
        self.table.setRowCount(len(names))
        for row, name in enumerate(names):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            box = QComboBox()
            box.addItem(self.tr("Keep in notes"), NOTES)
            box.addItem(self.tr("Add as a user"), NEW_USER)
            box.insertSeparator(box.count())
            for user in preview.users if preview else ():
                box.addItem(fill(self.tr("User: %1"), user.name), user.id)
            box.setCurrentIndex(max(0, box.findData(self.chosen.get(name, NOTES))))
            box.currentIndexChanged.connect(
                lambda _i, n=name, b=box: self.chosen.__setitem__(n, b.currentData())
            )
            self.table.setCellWidget(row, 1, box)
        self.table.resizeColumnToContents(0)

    def combo(self, row: int) -> QComboBox:
        """What the name on ``row`` becomes."""
        widget = self.table.cellWidget(row, 1)
        assert isinstance(widget, QComboBox)
        return widget

    def choose_all(self, target: str) -> None:
        """Make every name become ``target`` (NOTES or NEW_USER)."""
        for row in range(self.table.rowCount()):
            box = self.combo(row)
            box.setCurrentIndex(box.findData(target))

    def options(self) -> dict[str, Any]:
        """The import's ``owner_map`` and ``new_owners`` for the names listed."""
        wanted = {n: self.chosen.get(n, NOTES) for n in self.wiz.unknown_owners()}
        return {
            "owner_map": {n: uid for n, uid in wanted.items() if uid not in (NOTES, NEW_USER)},
            "new_owners": tuple(n for n, uid in wanted.items() if uid == NEW_USER),
        }
