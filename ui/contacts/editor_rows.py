"""Rows of labelled values in the contact editor: phones, emails, messengers and addresses."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.services.contacts.dto import AddressData, Labelled


class LabelledRows(QWidget):
    """An editable list of labelled values (phones or emails)."""

    changed = Signal()

    def __init__(self, labels: list[str], placeholder: str, add_text: str) -> None:
        super().__init__()
        self._labels, self._placeholder = labels, placeholder
        self.rows: list[tuple[QComboBox, QLineEdit, str | None, QWidget]] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        add = QPushButton(add_text)
        add.clicked.connect(lambda: self.add_row())
        self._layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)

    def add_row(self, label: str = "", value: str = "", row_id: str | None = None) -> QLineEdit:
        """Append a row and return its value editor."""
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        box = QComboBox()
        box.setEditable(True)
        box.addItems(self._labels)
        box.setCurrentText(label or self._labels[0])
        box.setFixedWidth(110)
        edit = QLineEdit(value)
        edit.setPlaceholderText(self._placeholder)
        edit.textChanged.connect(lambda _t: self.changed.emit())
        remove = QToolButton()
        remove.setText("✕")
        remove.setToolTip(self.tr("Remove"))
        layout.addWidget(box)
        layout.addWidget(edit, 1)
        layout.addWidget(remove)
        entry = (box, edit, row_id, row)
        remove.clicked.connect(lambda: self._remove(entry))
        self.rows.append(entry)
        self._layout.insertWidget(self._layout.count() - 1, row)
        return edit

    def _remove(self, entry: tuple[QComboBox, QLineEdit, str | None, QWidget]) -> None:
        self.rows.remove(entry)
        entry[3].deleteLater()
        self.changed.emit()

    def values(self) -> tuple[Labelled, ...]:
        """The non-empty rows, in order."""
        return tuple(
            Labelled(box.currentText().strip() or self._labels[0], edit.text(), rid)
            for box, edit, rid, _w in self.rows
            if edit.text().strip()
        )

    def editors(self) -> list[QLineEdit]:
        """Value editors of the non-empty rows, in the order of :meth:`values`."""
        return [edit for _b, edit, _r, _w in self.rows if edit.text().strip()]


class AddressRows(QWidget):
    """An editable list of postal addresses."""

    def __init__(self, add_text: str, placeholders: tuple[str, str, str, str, str]) -> None:
        super().__init__()
        self._placeholders = placeholders
        self.rows: list[tuple[QComboBox, list[QLineEdit], str | None, QWidget]] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        add = QPushButton(add_text)
        add.clicked.connect(lambda: self.add_row())
        self._layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)

    def add_row(self, address: AddressData | None = None) -> list[QLineEdit]:
        """Append an address (empty by default); return its five editors.

        They are street, city, region, postcode and country, in that order.
        """
        address = address or AddressData()
        row = QWidget()
        grid = QGridLayout(row)
        grid.setContentsMargins(0, 0, 0, 0)
        label = QComboBox()
        label.setEditable(True)
        label.addItems(["work", "home", "other"])
        label.setCurrentText(address.label)
        label.setFixedWidth(110)
        values = (address.street, address.city, address.region, address.postcode, address.country)
        edits = [QLineEdit(v or "") for v in values]
        for edit, hint in zip(edits, self._placeholders, strict=True):
            edit.setPlaceholderText(hint)
        remove = QToolButton()
        remove.setText("✕")
        grid.addWidget(label, 0, 0)
        grid.addWidget(edits[0], 0, 1, 1, 4)
        grid.addWidget(remove, 0, 5)
        for column, edit in enumerate(edits[1:], start=1):
            grid.addWidget(edit, 1, column)
        entry = (label, edits, address.id, row)
        remove.clicked.connect(lambda: self._remove(entry))
        self.rows.append(entry)
        self._layout.insertWidget(self._layout.count() - 1, row)
        return edits

    def _remove(self, entry: tuple[QComboBox, list[QLineEdit], str | None, QWidget]) -> None:
        self.rows.remove(entry)
        entry[3].deleteLater()

    def values(self) -> tuple[AddressData, ...]:
        """The addresses that hold anything, in order."""
        found = []
        for label, edits, row_id, _w in self.rows:
            texts = tuple(e.text().strip() or None for e in edits)
            street, city, region, postcode, country = texts  # the order of add_row's editors
            if any(texts):
                found.append(
                    AddressData(
                        label.currentText().strip() or "work",
                        street,
                        city,
                        region,
                        postcode,
                        country,
                        id=row_id,
                    )
                )
        return tuple(found)
