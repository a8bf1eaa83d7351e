"""A payment plan typed as rows of due date and share (or amount), checked as it is typed.

The check is the service's own pricing (``contracts.plans.price``), so what the editor accepts
is what the service stores: percent shares rounded to the currency's minor unit with the last
instalment taking what rounding left, amounts that must come to the total exactly.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.contracts.dto import InstalmentDraft, InstalmentState, PlanDraft
from desktop_crm.services.contracts.plans import price
from ui.contracts.dates import date_edit, picked
from ui.contracts.texts import late_color, money, plan_problem
from ui.icons import icon
from ui.products.values import parse_number, plain_number
from ui.text_fill import fill

HUNDRED = Decimal(100)
PRESETS: dict[str, tuple[int, ...]] = {"100": (100,), "30/70": (30, 70), "50/50": (50, 50)}
"""Plans offered as one click: shares of the total, the first due on the start day."""


class _Row:
    """The widgets of one instalment."""

    def __init__(self, parent: QWidget, due_on: date, value: str, note: str) -> None:
        self.due = date_edit(due_on, due_on, parent)
        self.value = QLineEdit(value, parent)
        self.value.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.value.setMaximumWidth(130)
        self.note = QLineEdit(note, parent)
        self.amount = QLabel(parent)
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.amount.setMinimumWidth(110)
        self.remove = QToolButton(parent)
        self.remove.setIcon(icon("delete"))

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.due, self.value, self.note, self.amount, self.remove)


class PlanEditor(QWidget):
    """Instalments of one contract's total, with presets and a live check.

    Args:
        total: The contract's total.
        currency: Its currency.
        start: The day a preset's first instalment is due.
        end: The day a preset's last instalment is due (default: 30 days after ``start``).

    Attributes:
        problem: Why the plan cannot be stored as typed ("" when it can).

    Signals:
        checked(bool): The plan was checked after an edit (whether it can be stored).
    """

    checked = Signal(bool)

    def __init__(
        self,
        total: Decimal,
        currency: str,
        start: date,
        end: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.total, self.currency, self.start, self.end = total, currency, start, end
        self.problem = ""
        self._rows: list[_Row] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Shares of the total (%)"), True)
        self.mode.addItem(fill(self.tr("Amounts (%1)"), currency), False)
        top.addWidget(self.mode)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Presets:")))
        self.preset_buttons: dict[str, QPushButton] = {}
        for key, text in (
            ("100", self.tr("100% on the start day")),
            ("30/70", self.tr("30 / 70")),
            ("50/50", self.tr("50 / 50")),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, k=key: self.preset(k))
            self.preset_buttons[key] = button
            top.addWidget(button)
        layout.addLayout(top)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(2, 1)
        self._headers = [
            QLabel(self.tr("Due date")),
            QLabel(),
            QLabel(self.tr("Note")),
            QLabel(self.tr("Comes to")),
        ]
        self._headers[3].setAlignment(Qt.AlignmentFlag.AlignRight)
        self._headers[1].setAlignment(Qt.AlignmentFlag.AlignRight)
        for column, label in enumerate(self._headers):
            label.setObjectName("tileCaption")
            self.grid.addWidget(label, 0, column)
        layout.addLayout(self.grid)
        bottom = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add instalment"))
        self.add_button.clicked.connect(self.add_row)
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        layout.addLayout(bottom)
        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        layout.addWidget(self.check_label)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self._percent = True
        self._label_value_column()

    # --- filling ------------------------------------------------------------------------------

    @property
    def percent(self) -> bool:
        """Whether the rows hold shares of the total (else amounts)."""
        return self._percent

    def preset(self, key: str) -> None:
        """Replace the rows with a preset plan (``100``, ``30/70``, ``50/50``)."""
        shares = PRESETS[key]
        last = self.end if self.end is not None and self.end > self.start else None
        last = last or self.start + timedelta(days=30)
        days = [self.start] if len(shares) == 1 else [self.start, last]
        self.set_rows([(d, Decimal(s), "") for d, s in zip(days, shares, strict=True)], True)

    def set_instalments(self, instalments: tuple[InstalmentState, ...]) -> None:
        """Show a stored plan: as shares when it was planned in shares, else as amounts."""
        if not instalments:
            self.preset("100")
            return
        shares = all(p.percent is not None for p in instalments)
        self.set_rows(
            [
                (p.due_on, p.percent if shares and p.percent is not None else p.amount, p.note)
                for p in instalments
            ],
            shares,
        )

    def set_rows(self, rows: list[tuple[date, Decimal, str | None]], percent: bool) -> None:
        """Replace the rows: ``(due day, share or amount, note)``."""
        self.mode.blockSignals(True)
        self.mode.setCurrentIndex(0 if percent else 1)
        self.mode.blockSignals(False)
        self._percent = percent
        self._label_value_column()
        for row in self._rows:
            self._drop(row)
        self._rows = []
        for day, value, note in rows:
            self._append(day, plain_number(value), note or "")
        self._relayout()
        self.check()

    def add_row(self) -> None:
        """Add an instalment a month after the last one, for what is still unplanned."""
        last = max((picked(r.due) for r in self._rows), default=self.start)
        self._append(last + timedelta(days=30), "", "")
        self._relayout()
        self._rows[-1].value.setFocus()
        self.check()

    def _append(self, day: date, value: str, note: str) -> None:
        row = _Row(self, day, value, note)
        row.remove.setToolTip(self.tr("Remove this instalment"))
        row.due.dateChanged.connect(lambda _d: self.check())
        row.value.textChanged.connect(lambda _t: self.check())
        row.remove.clicked.connect(lambda _c=False, r=row: self._remove(r))
        self._rows.append(row)

    def _remove(self, row: _Row) -> None:
        self._rows.remove(row)
        self._drop(row)
        self._relayout()
        self.check()

    def _drop(self, row: _Row) -> None:
        # Out of the grid at once: deleteLater alone leaves it drawn under the next row.
        for widget in row.widgets():
            self.grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()

    def _relayout(self) -> None:
        for number, row in enumerate(self._rows, start=1):
            for column, widget in enumerate(row.widgets()):
                self.grid.addWidget(widget, number, column)
            row.remove.setEnabled(len(self._rows) > 1)

    def _label_value_column(self) -> None:
        self._headers[1].setText(
            self.tr("Share (%)") if self._percent else fill(self.tr("Amount (%1)"), self.currency)
        )

    def _mode_changed(self, _index: int) -> None:
        """Turn shares into the amounts they come to (and back), so the plan stays whole."""
        was_percent, amounts = self._percent, self._amounts()  # as typed, before the switch
        self._percent = bool(self.mode.currentData())
        self._label_value_column()
        if amounts is not None and was_percent != self._percent:
            for row, amount in zip(self._rows, amounts, strict=True):
                value = amount if not self._percent else amount * HUNDRED / self.total
                row.value.setText(plain_number(value.quantize(Decimal("0.01"))))
        self.check()

    # --- checking -----------------------------------------------------------------------------

    def plan(self) -> PlanDraft:
        """The plan as typed.

        Raises:
            ValidationError: A value is missing or not a number (``params['problem']`` =
                ``number``, its message worded for the user).
        """
        parts = []
        for row in self._rows:
            text = row.value.text().strip()
            if not text:
                raise ValidationError(
                    self.tr("Give each instalment a share or an amount."), problem="number"
                )
            try:
                value = parse_number(text)
            except ValueError as exc:
                raise ValidationError(str(exc), problem="number") from None
            note = row.note.text().strip() or None
            parts.append(InstalmentDraft(picked(row.due), value, self.percent, note))
        return PlanDraft(tuple(parts))

    def _amounts(self) -> list[Decimal] | None:
        """Each row's amount as the service would store it (rows' order), or ``None``."""
        try:
            draft = self.plan()
            priced = price(draft, self.total, self.currency)
        except ValidationError:
            return None
        # price() lists instalments by due day (a stable sort): map them back to the rows.
        order = sorted(range(len(draft.instalments)), key=lambda i: draft.instalments[i].due_on)
        amounts = [Decimal(0)] * len(order)
        for position, index in enumerate(order):
            amounts[index] = priced[position].amount
        return amounts

    def _estimate(self, row: _Row) -> str:
        """What one row comes to on its own, while the plan as a whole does not add up."""
        try:
            value = parse_number(row.value.text()) if row.value.text().strip() else None
        except ValueError:
            value = None
        if value is None:
            return ""
        amount = self.total * value / HUNDRED if self._percent else value
        return money(amount, self.currency)

    def check(self) -> bool:
        """Check the plan against the total; show what each row comes to, or why it cannot."""
        try:
            price(self.plan(), self.total, self.currency)
        except ValidationError as exc:
            if exc.params.get("problem") == "number":
                self.problem = exc.message
            else:
                self.problem = plan_problem(exc, self.total, self.currency, self.percent)
        else:
            self.problem = ""
        amounts = self._amounts() if not self.problem else None
        for n, row in enumerate(self._rows):
            if amounts:
                row.amount.setText(money(amounts[n], self.currency))
            else:
                row.amount.setText(self._estimate(row))
        if self.problem:
            self.check_label.setStyleSheet(f"color: {late_color().name()};")
            self.check_label.setText(self.problem)
        else:
            self.check_label.setStyleSheet("")
            self.check_label.setText(
                fill(
                    self.tr("✓ The instalments come to the total, %1."),
                    money(self.total, self.currency),
                )
            )
        self.checked.emit(not self.problem)
        return not self.problem
