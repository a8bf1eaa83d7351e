"""The "Deals" section of a person's or company's card: their deals; double-click opens one.

A card includes it with a few lines (``CustomerDeals(worker, workspace, kind, id, parent)``,
``reload()`` when the card reloads, ``set_company`` with a person's company). "New deal…"
opens the deal editor for the customer. The deal opens in :class:`ui.deals.deal_dialog.DealDialog`
through the main window the card belongs to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.choices import RecordKind
from desktop_crm.domain.vocab import DealStatus
from desktop_crm.services.deals.dto import DealSummary
from ui.amounts import money_text
from ui.deals.texts import stage_text, status_label
from ui.shell import Shell

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.deals.deal_dialog import DealDialog
    from ui.deals.deal_editor import DealEditor
    from ui.worker import DbWorker

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class CustomerDeals(QGroupBox):
    """A customer's deals (as customer or contact), newest first.

    Args:
        worker: Where database work runs.
        workspace: The open workspace.
        kind: ``person`` or ``company``.
        record_id: The customer.
        parent: The main window (the card's parent), which the deal's view opens over.

    Attributes:
        deals: The deals listed.

    Signals:
        openRequested(str): Open this deal's view.
    """

    openRequested = Signal(str)

    def __init__(
        self,
        worker: DbWorker,
        workspace: Workspace,
        kind: RecordKind,
        record_id: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Deals"))
        self._worker, self._workspace = worker, workspace
        self.kind, self.record_id = kind, record_id
        self._shell = parent if isinstance(parent, Shell) else None
        self.deals: list[DealSummary] = []
        layout = QVBoxLayout(self)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Deal"), self.tr("Stage"), self.tr("Amount")])
        self.list.headerItem().setTextAlignment(2, _RIGHT)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # a long title elides
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.list.setMaximumHeight(110)
        self.list.itemDoubleClicked.connect(
            lambda item, _c: self.openRequested.emit(item.data(0, Qt.ItemDataRole.UserRole))
        )
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        row.addWidget(self.summary, 1)
        # A new deal for this customer (a person's company as customer, the person as contact).
        self.new_button = QPushButton(self.tr("New deal…"))
        self.new_button.clicked.connect(lambda _c=False: self.new_deal())
        self.new_button.setVisible(self._shell is not None)
        row.addWidget(self.new_button)
        layout.addLayout(row)
        self.company_id: str | None = None
        self.openRequested.connect(self.open_deal)

    def reload(self) -> None:
        """Read the customer's deals again (on the reader)."""
        ws, kind, rid = self._workspace, self.kind, self.record_id

        def read() -> list[DealSummary]:
            if kind == "company":
                return ws.reads.deals.deals_of_customer(company_id=rid)
            return ws.reads.deals.deals_of_customer(person_id=rid)

        self._worker.read(read, self._show, lambda _exc: self._show([]))

    def _show(self, deals: list[DealSummary]) -> None:
        self.deals = deals
        self.list.clear()
        for deal in deals:
            where = stage_text(deal) if deal.status is DealStatus.OPEN else ""
            item = QTreeWidgetItem(
                [
                    deal.title,
                    where or status_label(deal.status),
                    money_text(deal.amount, deal.currency),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, deal.id)
            item.setToolTip(0, " · ".join(x for x in (deal.number, deal.title) if x))
            item.setTextAlignment(2, _RIGHT)
            self.list.addTopLevelItem(item)
        self.summary.setText(
            self.tr("%n deals", "", len(deals)) if deals else self.tr("No deals yet")
        )

    def set_company(self, company_id: str | None) -> None:
        """A person's company (from their card): a new deal's customer, the person its contact."""
        self.company_id = company_id

    def new_deal(self) -> DealEditor | None:
        """Start a new deal for this customer in the editor."""
        if self._shell is None:
            return None
        from ui.deals.deal_editor import open_deal_editor

        if self.kind == "company":
            return open_deal_editor(self._shell, company_id=self.record_id)
        return open_deal_editor(self._shell, company_id=self.company_id, person_id=self.record_id)

    def open_deal(self, deal_id: str) -> DealDialog | None:
        """Open the deal's view."""
        if self._shell is None:
            return None
        from ui.deals.deal_dialog import open_deal

        return open_deal(self._shell, deal_id)
