"""The duplicates screen: likely pairs across the workspace, and merging them field by field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.services.cards.dto import ContactCard
from desktop_crm.services.duplicates.dto import DuplicatePair
from ui.contacts.labels import status_labels
from ui.progress_dialog import ProgressRun, run_with_progress

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.shell import Shell
    from ui.worker import DbWorker


class DuplicatesDialog(QDialog):
    """Lists likely duplicate pairs; merges the chosen one.

    The scan runs on the writer with the shared progress dialog (it can take a while over
    100,000 people); the merge dialog's cards load on the reader.

    Args:
        shell: The main window (worker, ``mutate``, errors); the dialog's parent.
        workspace: The open workspace.

    Signals:
        openRequested(str, str): Show a card.
    """

    openRequested = Signal(str, str)

    def __init__(self, shell: Shell, workspace: Workspace) -> None:
        super().__init__(shell)
        self._shell, self._workspace = shell, workspace
        self._worker, self._mutate = shell.worker, shell.mutate
        self.scan: ProgressRun | None = None
        self.setWindowTitle(self.tr("Duplicates"))
        self.resize(760, 520)
        self.reasons = {
            "phone": self.tr("same phone"),
            "email": self.tr("same email"),
            "name": self.tr("similar name"),
        }
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Looking for duplicates…"))
        layout.addWidget(self.summary)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(
            [self.tr("Person"), self.tr("Person"), self.tr("Why"), self.tr("Score")]
        )
        for column in (0, 1, 2):
            self.list.header().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.list.header().setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemDoubleClicked.connect(lambda _i, _c: self.merge_selected())
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.merge_button = QPushButton(self.tr("Merge…"))
        self.merge_button.clicked.connect(self.merge_selected)
        refresh = QPushButton(self.tr("Look again"))
        refresh.clicked.connect(self.reload)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(refresh)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.pairs: list[DuplicatePair] = []
        self.reload()

    def reload(self) -> None:
        """Find the pairs again (on the writer, with progress and Cancel)."""
        ws = self._workspace
        self.summary.setText(self.tr("Looking for duplicates…"))
        self.scan = run_with_progress(
            self._shell,
            self.tr("Duplicates"),
            self.tr("Looking for duplicates…"),
            lambda token: ws.duplicates.pairs(500, progress=token),
            self.show_pairs,
            parent=self,
        )
        self.scan.finished.connect(self._scanned)

    def _scanned(self, completed: bool) -> None:
        self.scan = None
        if not completed:
            self.summary.setText(self.tr("The search for duplicates stopped."))

    def show_pairs(self, pairs: list[DuplicatePair]) -> None:
        """List ``pairs``."""
        self.pairs = pairs
        self.list.clear()
        for pair in pairs:
            item = QTreeWidgetItem(
                [
                    pair.first_name,
                    pair.second_name,
                    ", ".join(self.reasons.get(r, r) for r in pair.reasons),
                    str(pair.score),
                ]
            )
            self.list.addTopLevelItem(item)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        self.summary.setText(self.tr("%n likely duplicate pairs.", "", len(pairs)))
        self.merge_button.setEnabled(bool(pairs))

    def merge_selected(self) -> MergeDialog | None:
        """Open the merge dialog for the selected pair."""
        current = self.list.currentItem()
        row = self.list.indexOfTopLevelItem(current) if current else -1
        if row < 0:
            return None
        pair = self.pairs[row]
        dialog = MergeDialog(self._worker, self._workspace, [pair.first_id, pair.second_id], self)
        dialog.mergeRequested.connect(self._merge)
        dialog.show()
        return dialog

    def _merge(self, keep: str, others: list[str], choices: dict[str, str]) -> None:
        self._mutate(lambda ws: ws.duplicates.merge(keep, others, choices), self.tr("Merged."))
        self.reload()


class MergeDialog(QDialog):
    """Choose, field by field, which person's value survives a merge.

    Signals:
        mergeRequested(str, list, dict): keep id, other ids, ``field -> person id``.
    """

    mergeRequested = Signal(str, list, dict)

    FIELDS = (
        "name",
        "title",
        "company_id",
        "department",
        "status",
        "level",
        "source",
        "wechat",
        "website",
        "birthday",
    )

    def __init__(
        self, worker: DbWorker, workspace: Workspace, ids: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge people"))
        self.ids = ids
        self.cards: dict[str, ContactCard] = {}
        self.groups: dict[str, QButtonGroup] = {}
        self.keep_group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Choose which value to keep for each field. Every phone, email, activity, "
                    "deal and quote of both is kept. You can undo the merge with Ctrl+Z."
                )
            )
        )
        self.grid = QGridLayout()
        layout.addLayout(self.grid)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        ws = workspace
        # On the reader: the cards show while a long job holds the writer.
        worker.read(lambda: [ws.reads.cards.card("person", i) for i in ids], self.show_cards)

    def show_cards(self, cards: list[ContactCard]) -> None:
        """Lay out one column per person and one row per field."""
        self.cards = {c.id: c for c in cards}
        labels = {
            "name": self.tr("Name"),
            "title": self.tr("Title"),
            "company_id": self.tr("Company"),
            "department": self.tr("Department"),
            "status": self.tr("Status"),
            "level": self.tr("Level"),
            "source": self.tr("Source"),
            "wechat": self.tr("WeChat"),
            "website": self.tr("Website"),
            "birthday": self.tr("Birthday"),
        }
        self.grid.addWidget(QLabel(self.tr("Keep as")), 0, 0)
        for col, card in enumerate(cards, start=1):
            keep = QRadioButton(card.name)
            keep.setProperty("person", card.id)
            self.keep_group.addButton(keep)
            keep.setChecked(col == 1)
            self.grid.addWidget(keep, 0, col)
        for row, field in enumerate(self.FIELDS, start=1):
            values = [self._value(card, field) for card in cards]
            if not any(values):
                continue
            self.grid.addWidget(QLabel(labels[field]), row, 0)
            group = QButtonGroup(self)
            self.groups[field] = group
            first_filled = next(i for i, v in enumerate(values) if v)
            for col, (card, value) in enumerate(zip(cards, values, strict=True), start=1):
                button = QRadioButton(value or "—")
                button.setProperty("person", card.id)
                button.setEnabled(bool(value))
                button.setChecked(col - 1 == first_filled)
                group.addButton(button)
                self.grid.addWidget(button, row, col)

    def _value(self, card: ContactCard, field: str) -> str:
        if field == "company_id":
            return card.company or ""
        if field == "status":
            statuses = status_labels()
            return statuses.get(card.status, card.status)
        value = getattr(card, field)
        return "" if value is None else str(value)

    def choices(self) -> dict[str, str]:
        """``field -> person id`` as chosen."""
        chosen = {}
        for field, group in self.groups.items():
            button = group.checkedButton()
            if button is not None:
                chosen[field] = str(button.property("person"))
        return chosen

    def keep_id(self) -> str:
        """The person who stays."""
        checked = self.keep_group.checkedButton()
        return str(checked.property("person")) if checked else self.ids[0]

    def _accept(self) -> None:
        keep = self.keep_id()
        self.mergeRequested.emit(keep, [i for i in self.ids if i != keep], self.choices())
        self.accept()
