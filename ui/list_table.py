"""What every list screen is made of: a title row, a filter box, a table of whole rows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

ROW_HEIGHT = 24


def list_table(model: QAbstractItemModel, *, multi: bool = False) -> QTableView:
    """A table over ``model`` selecting whole rows (several at once when ``multi``).

    Callers add what differs: sorting, stretched columns, widths, menus.
    """
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def list_header(screen: QWidget, title: str) -> tuple[QVBoxLayout, QHBoxLayout]:
    """The list screen's layout and its top row, which starts with the screen's title.

    Callers add their filters, counts and buttons to the row, then the row to the layout.
    """
    layout = QVBoxLayout(screen)
    layout.setContentsMargins(16, 12, 16, 8)
    top = QHBoxLayout()
    heading = QLabel(title)
    heading.setObjectName("viewTitle")
    top.addWidget(heading)
    return layout, top


def filter_edit(placeholder: str) -> QLineEdit:
    """The text box a list screen filters its rows with: a clear button, a hint of what it reads."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    return edit
