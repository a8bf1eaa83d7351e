"""The selected contract: parties, dates, totals, the payment plan and the payments received."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.services.contracts.dto import ContractDetail, InstalmentState, PaymentRow
from ui.contracts.texts import day_text, late_color, money, status_label
from ui.language import ui_language
from ui.text_fill import fill

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _table(headers: list[str], money_columns: set[int]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    for column in money_columns:
        item = table.horizontalHeaderItem(column)
        if item is not None:
            item.setTextAlignment(_RIGHT)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _cell(text: str, *, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(_RIGHT)
    return item


class _Figure(QFrame):
    """A figure with its caption (total, paid, outstanding, overdue)."""

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setObjectName("tile")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        self.caption = QLabel(caption)
        self.caption.setObjectName("tileCaption")
        self.value = QLabel("–")
        self.value.setStyleSheet("font-size: 17px; font-weight: 600;")
        layout.addWidget(self.caption)
        layout.addWidget(self.value)


class ContractDetailPane(QWidget):
    """What the selected contract holds and where its payments stand.

    Signals:
        editPaymentRequested(object): Edit this :class:`PaymentRow`.
        deletePaymentRequested(object): Delete this :class:`PaymentRow` (after asking).
    """

    editPaymentRequested = Signal(object)
    deletePaymentRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: ContractDetail | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        self.empty = QLabel(self.tr("Select a contract to see its payment plan and payments."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("tileCaption")
        self.stack.addWidget(self.empty)
        body = QWidget()
        self.stack.addWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 4, 0, 0)

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.heading)

        columns = QHBoxLayout()
        layout.addLayout(columns, 1)
        left_box = QWidget()
        # The parties and figures keep to a column; the plan and payments take the rest.
        left_box.setMaximumWidth(360)
        left = QVBoxLayout(left_box)
        left.setContentsMargins(0, 0, 8, 0)
        columns.addWidget(left_box, 0)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("customer", self.tr("Customer")),
            ("quote", self.tr("Quote")),
            ("owner", self.tr("Owner")),
            ("signed", self.tr("Signed")),
            ("runs", self.tr("Runs")),
            ("lines", self.tr("Lines")),
            ("subtotal", self.tr("Subtotal")),
            ("tax", self.tr("Tax")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            self.form.addRow(label, value)
        left.addLayout(self.form)
        figures = QHBoxLayout()
        self.total = _Figure(self.tr("Total"))
        self.paid = _Figure(self.tr("Paid"))
        self.outstanding = _Figure(self.tr("Outstanding"))
        self.overdue = _Figure(self.tr("Overdue"))
        grid = QVBoxLayout()
        for pair in ((self.total, self.paid), (self.outstanding, self.overdue)):
            row = QHBoxLayout()
            for figure in pair:
                row.addWidget(figure)
            grid.addLayout(row)
        figures.addLayout(grid)
        left.addLayout(figures)
        left.addStretch(1)

        right = QVBoxLayout()
        columns.addLayout(right, 1)
        plan_box = QGroupBox(self.tr("Payment plan"))
        plan_layout = QVBoxLayout(plan_box)
        self.plan_table = _table(
            [
                self.tr("#"),
                self.tr("Due date"),
                self.tr("Share"),
                self.tr("Amount"),
                self.tr("Paid"),
                self.tr("Outstanding"),
                self.tr("State"),
            ],
            {2, 3, 4, 5},
        )
        plan_layout.addWidget(self.plan_table)
        right.addWidget(plan_box, 1)

        pay_box = QGroupBox(self.tr("Payments received"))
        pay_layout = QVBoxLayout(pay_box)
        self.payments_table = _table(
            [
                self.tr("Date"),
                self.tr("Amount"),
                self.tr("Method"),
                self.tr("Reference"),
                self.tr("Instalment"),
                self.tr("Note"),
            ],
            {1},
        )
        pay_layout.addWidget(self.payments_table)
        buttons = QHBoxLayout()
        self.edit_payment_button = QPushButton(self.tr("Edit payment…"))
        self.delete_payment_button = QPushButton(self.tr("Delete payment"))
        buttons.addWidget(self.edit_payment_button)
        buttons.addWidget(self.delete_payment_button)
        buttons.addStretch(1)
        pay_layout.addLayout(buttons)
        right.addWidget(pay_box, 1)

        self.edit_payment_button.clicked.connect(self._edit_payment)
        self.delete_payment_button.clicked.connect(self._delete_payment)
        self.payments_table.doubleClicked.connect(lambda _i: self._edit_payment())
        self.payments_table.itemSelectionChanged.connect(self._on_payment_selection)
        self._on_payment_selection()

    # --- showing ------------------------------------------------------------------------------

    def show_detail(self, detail: ContractDetail | None) -> None:
        """Show ``detail`` (``None``: nothing selected)."""
        self.detail = detail
        if detail is None:
            self.stack.setCurrentWidget(self.empty)
            self._on_payment_selection()
            return
        self.stack.setCurrentIndex(1)
        self.heading.setText(
            fill(self.tr("%1 · %2 · %3"), detail.number, detail.title, status_label(detail.status))
        )
        cur = detail.currency
        f = self.fields
        f["customer"].setText(detail.customer or "–")
        f["quote"].setText(
            fill(self.tr("%1, revision %2"), detail.quote_number, detail.quote_revision or 1)
            if detail.quote_number
            else "–"
        )
        f["owner"].setText(detail.owner or "–")
        f["signed"].setText(day_text(detail.signed_on) or self.tr("Not signed yet"))
        f["runs"].setText(
            fill(self.tr("%1 to %2"), day_text(detail.starts_on) or "…", day_text(detail.ends_on))
            if detail.ends_on
            else fill(self.tr("From %1"), day_text(detail.starts_on) or "–")
        )
        items = [line for line in detail.lines if line.kind != "section"]
        f["lines"].setText(self._lines_summary(detail, len(items)))
        totals = detail.totals
        f["subtotal"].setText(money(totals.subtotal, cur) if totals else "–")
        f["tax"].setText(money(totals.tax, cur) if totals else "–")
        balance = detail.balance
        self.total.value.setText(money(balance.total, cur))
        self.paid.value.setText(money(balance.paid, cur))
        self.outstanding.value.setText(money(balance.outstanding, cur))
        self.overdue.value.setText(money(balance.overdue, cur))
        red = late_color().name() if balance.overdue > 0 else ""
        self.overdue.value.setStyleSheet(
            f"font-size: 17px; font-weight: 600; {'color: ' + red + ';' if red else ''}"
        )
        self._fill_plan(detail)
        self._fill_payments(detail)

    def _lines_summary(self, detail: ContractDetail, count: int) -> str:
        names = [line.description for line in detail.lines if line.kind != "section"][:3]
        head = self.tr("%n line(s)", "", count)
        if not names:
            return head
        more = "…" if count > len(names) else ""
        comma = "、" if ui_language() == "zh" else ", "  # how each language lists names
        return fill(self.tr("%1: %2"), head, comma.join(names) + more)

    def _fill_plan(self, detail: ContractDetail) -> None:
        table, cur = self.plan_table, detail.currency
        table.setRowCount(len(detail.instalments))
        for row, part in enumerate(detail.instalments):
            share = f"{part.percent.normalize():f}%" if part.percent is not None else ""
            cells = [
                _cell(str(part.position)),
                _cell(day_text(part.due_on)),
                _cell(share, right=True),
                _cell(money(part.amount, cur), right=True),
                _cell(money(part.paid, cur), right=True),
                _cell(money(part.outstanding, cur), right=True),
                _cell(self._state(detail, part)),
            ]
            if part.note:
                cells[1].setToolTip(part.note)
            if part.overdue > 0:
                for column in (1, 5, 6):
                    cells[column].setForeground(late_color())
            for column, cell in enumerate(cells):
                table.setItem(row, column, cell)
        self._fit(table, stretch=6)

    def _state(self, detail: ContractDetail, part: InstalmentState) -> str:
        if part.outstanding <= 0:
            return self.tr("Paid")
        if part.overdue > 0:
            days = (detail.today - part.due_on).days
            return self.tr("Overdue %n day(s)", "", days)
        if part.paid > 0:
            return self.tr("Part paid")
        return self.tr("Due")

    def _fill_payments(self, detail: ContractDetail) -> None:
        table, cur = self.payments_table, detail.currency
        positions = {part.id: part.position for part in detail.instalments}
        table.setRowCount(len(detail.payments))
        for row, payment in enumerate(detail.payments):
            position = positions.get(payment.plan_id or "")
            cells = [
                _cell(day_text(payment.paid_on)),
                _cell(money(payment.amount, cur), right=True),
                _cell(payment.method or ""),
                _cell(payment.reference or ""),
                _cell(
                    fill(self.tr("No. %1"), position)
                    if position is not None
                    else self.tr("Automatic")
                ),
                _cell(payment.note or ""),
            ]
            cells[0].setData(Qt.ItemDataRole.UserRole, payment.id)
            for column, cell in enumerate(cells):
                table.setItem(row, column, cell)
        self._fit(table, stretch=5)
        self._on_payment_selection()

    @staticmethod
    def _fit(table: QTableWidget, stretch: int) -> None:
        header = table.horizontalHeader()
        for column in range(table.columnCount()):
            if column != stretch:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    # --- payments -----------------------------------------------------------------------------

    def selected_payment(self) -> PaymentRow | None:
        """The payment selected in the payments table."""
        detail = self.detail
        rows = self.payments_table.selectionModel().selectedRows()
        if detail is None or not rows:
            return None
        item = self.payments_table.item(rows[0].row(), 0)
        payment_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((p for p in detail.payments if p.id == payment_id), None)

    def left_to_pay(self, replacing: PaymentRow | None = None) -> Decimal:
        """What the contract still owes, ``replacing`` counted as not received."""
        detail = self.detail
        if detail is None:
            return Decimal(0)
        back = replacing.amount if replacing is not None else Decimal(0)
        return detail.balance.total - detail.balance.paid + back

    def _on_payment_selection(self, *_args: Any) -> None:
        chosen = self.selected_payment() is not None
        self.edit_payment_button.setEnabled(chosen)
        self.delete_payment_button.setEnabled(chosen)

    def _edit_payment(self) -> None:
        payment = self.selected_payment()
        if payment is not None:
            self.editPaymentRequested.emit(payment)

    def _delete_payment(self) -> None:
        payment = self.selected_payment()
        if payment is not None:
            self.deletePaymentRequested.emit(payment)
