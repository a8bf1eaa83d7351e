"""The quote editor's live totals: subtotal, discount, tax per rate, total, optional lines.

The figures are whatever ``pricing.price_drafts`` returned (the one function the list, the
PDF and the CLI use too); the panel only lays them out and states the rounding rule.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop_crm.domain.quote_totals import QuoteTotals, TaxRounding, rate_label
from ui.amounts import money_text
from ui.quotes.quote_values import rounding_text
from ui.text_fill import fill

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class TotalsPanel(QFrame):
    """What the quote adds up to, right-aligned under the lines.

    Attributes:
        figures: The value label of each figure shown, by key (``subtotal``, ``discount``,
            ``tax:13%``, ``total``, ``optional``), for tests and screen readers.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(300)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(2)
        self.grid.setColumnStretch(0, 1)
        layout.addLayout(self.grid)
        self.rule = QLabel()
        self.rule.setObjectName("hint")
        self.rule.setAlignment(_RIGHT)
        layout.addWidget(self.rule)
        self.figures: dict[str, QLabel] = {}

    def set_rounding(self, rounding: TaxRounding) -> None:
        """State the workspace's tax rounding rule."""
        self.rule.setText(rounding_text(rounding))

    def show_totals(self, totals: QuoteTotals) -> None:
        """Lay out ``totals``."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.figures = {}
        currency = totals.currency
        rows: list[tuple[str, str, str]] = [
            ("subtotal", self.tr("Subtotal"), money_text(totals.subtotal, currency)),
        ]
        if totals.discount:
            rows.append(
                ("discount", self.tr("Discounts included"), money_text(totals.discount, currency))
            )
        for rate, tax in totals.tax_by_rate.items():
            rate_text = rate_label(rate)
            rows.append(
                (f"tax:{rate_text}", fill(self.tr("Tax %1"), rate_text), money_text(tax, currency))
            )
        if not totals.tax_by_rate:
            rows.append(("tax", self.tr("Tax"), money_text(totals.tax, currency)))
        rows.append(("total", self.tr("Total"), money_text(totals.total, currency)))
        if totals.optional_total:
            rows.append(
                (
                    "optional",
                    self.tr("Optional lines (not in the total)"),
                    money_text(totals.optional_total, currency),
                )
            )
        for row, (key, name, value) in enumerate(rows):
            name_label = QLabel(name)
            name_label.setAlignment(_RIGHT)
            value_label = QLabel(value)
            value_label.setAlignment(_RIGHT)
            value_label.setMinimumWidth(120)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if key == "total":
                for label in (name_label, value_label):
                    font = label.font()
                    font.setBold(True)
                    font.setPointSizeF(font.pointSizeF() * 1.15)
                    label.setFont(font)
            elif key == "optional":
                name_label.setObjectName("hint")
                value_label.setObjectName("hint")
            self.grid.addWidget(name_label, row, 1)
            self.grid.addWidget(value_label, row, 2)
            self.figures[key] = value_label
