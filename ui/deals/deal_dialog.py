"""A deal's view: what it is worth, where it stands, whose it is, and its quotes.

Read-only: "Edit…" opens the deal editor (``ui.deals.deal_editor``).
Open one with :func:`open_deal`: the global search does for a deal hit, a card for a deal of
its list. The customer's and the contact's names open their cards; the "Quotes" section
(``ui.quotes.customer_quotes``) opens a quote in the editor, or starts a new one for the deal
and its customer. Everything is read on the worker's reader; the view reads again when a quote
opened from it is saved, and whenever its window becomes active again (after an undo or an
edit elsewhere).
"""

from __future__ import annotations

from dataclasses import replace
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from desktop_crm.domain.choices import is_record_kind
from desktop_crm.domain.errors import CancelledError, NotFoundError
from desktop_crm.services.deals.dto import DealSummary
from desktop_crm.services.quotes.dto import QuoteDraft
from ui.alive import while_open
from ui.amounts import money_text
from ui.deals.texts import outcome_text, stage_text
from ui.quotes.customer_quotes import CustomerQuotes
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.common.dto import ChangeResult
    from desktop_crm.services.deals.deal_lines import DealLine
    from desktop_crm.services.workspace.handle import Workspace
    from ui.deals.deal_editor import DealEditor
    from ui.shell import Shell

FIELDS = (
    "customer",
    "contact",
    "amount",
    "pipeline",
    "stage",
    "status",
    "lost_reason",
    "expected_close",
    "owner",
    "created",
    "notes",
)
"""The rows of the details, in order (a row without a value is hidden)."""


def open_deal(shell: Shell, deal_id: str) -> DealDialog | None:
    """Show the deal's view (raising it when it is open already); ``None`` without a workspace."""
    ws = shell.workspace
    if ws is None:
        return None
    for dialog in shell.findChildren(DealDialog):
        if dialog.deal_id == deal_id and dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
            return dialog
    dialog = DealDialog(shell, ws, deal_id)
    dialog.show()
    return dialog


# A deal's view shows these tables: a change to any of them may change what it shows.
_SHOWN_TABLES = frozenset({"deals", "quotes", "quote_lines", "companies", "people", "stages"})


def refresh_deal_dialogs(shell: Shell, changes: ChangeResult) -> None:
    """Re-read the open deal views that show what ``changes`` touched."""
    if changes.entities and not changes.entities & _SHOWN_TABLES:
        return
    for dialog in shell.findChildren(DealDialog):
        if dialog.isVisible():
            dialog.reload()


class DealDialog(QDialog):
    """One deal, read-only, with its quotes.

    Args:
        shell: The main window (worker, cards, the Quotes screen, errors).
        workspace: The open workspace.
        deal_id: The deal shown.

    Attributes:
        deal_id: The deal shown.
        summary: The deal as last read (``None`` until read, or once it is gone).
        fields: The value label of each row of :data:`FIELDS`.
        quotes: The deal's quotes, and "New Quote…" for it.

    Signals:
        loaded(object): The deal was read (its :class:`DealSummary`).
    """

    loaded = Signal(object)

    def __init__(self, shell: Shell, workspace: Workspace, deal_id: str) -> None:
        super().__init__(shell)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._shell, self._workspace = shell, workspace
        self.deal_id = deal_id
        self.summary: DealSummary | None = None
        self.setWindowTitle(self.tr("Deal"))
        self.resize(640, 560)

        root = QVBoxLayout(self)
        self.title = QLabel(self.tr("Loading…"))
        self.title.setObjectName("viewTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        root.addWidget(self.title)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("hint")
        root.addWidget(self.subtitle)

        box = QGroupBox(self.tr("Details"))
        self.details = QFormLayout(box)
        captions = {
            "customer": self.tr("Customer"),
            "contact": self.tr("Contact"),
            "amount": self.tr("Amount"),
            "pipeline": self.tr("Pipeline"),
            "stage": self.tr("Stage"),
            "status": self.tr("Status"),
            "lost_reason": self.tr("Lost reason"),
            "expected_close": self.tr("Expected close"),
            "owner": self.tr("Owner"),
            "created": self.tr("Created"),
            "notes": self.tr("Notes"),
        }
        self.fields: dict[str, QLabel] = {}
        for key in FIELDS:
            value = QLabel()
            value.setWordWrap(True)
            if key in ("customer", "contact"):
                value.setTextFormat(Qt.TextFormat.RichText)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
                value.linkActivated.connect(self._on_link)
            else:
                value.setTextFormat(Qt.TextFormat.PlainText)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details.addRow(captions[key], value)
            self.fields[key] = value
        self.fields["amount"].setStyleSheet("font-weight: 600;")
        root.addWidget(box)

        # The deal's quotes, and a new quote for it (ui.quotes owns the section).
        self.quotes = CustomerQuotes(shell.worker, workspace, "deal", deal_id, shell)
        self.quotes.saved.connect(lambda _result: self.reload())
        self.quotes.list.setMaximumHeight(16_777_215)  # the view's main list: as tall as it gets
        root.addWidget(self.quotes, 1)

        # What the deal sells: the lines of its current quote (hidden without one).
        self.lines_box = QGroupBox(self.tr("Products"))
        self.lines = QTreeWidget()
        self.lines.setRootIsDecorated(False)
        self.lines.setHeaderLabels(
            [self.tr("Description"), self.tr("Quantity"), self.tr("Unit price")]
        )
        self.lines.setMaximumHeight(140)
        lines_layout = QVBoxLayout(self.lines_box)
        lines_layout.addWidget(self.lines)
        self.lines_box.hide()
        root.addWidget(self.lines_box)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # A follow-up about this deal, for its customer (enabled once the deal is read).
        self.plan_button = buttons.addButton(
            self.tr("Plan follow-up…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.plan_button.setEnabled(False)
        self.plan_button.clicked.connect(self.plan_follow_up)
        # The deal editor (ui.deals.deal_editor): values, stage, Won / Lost / Reopen.
        self.edit_button = buttons.addButton(
            self.tr("Edit…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.edit_button.setEnabled(False)
        self.edit_button.clicked.connect(self.edit)
        root.addWidget(buttons)
        self._show_rows(set())
        self.reload()

    # --- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the deal and its quotes again (on the reader)."""
        ws, deal_id = self._workspace, self.deal_id
        if self._shell.workspace is not ws:  # closed, or another one opened since
            self.close()
            return
        self._shell.worker.read(
            lambda: ws.reads.deals.summary(deal_id), self.show_deal, self._failed
        )
        self._shell.worker.read(
            lambda: ws.reads.deals.lines(deal_id),
            while_open(self, self.show_lines),
            lambda _e: None,
        )
        self.quotes.reload()

    def show_lines(self, lines: list[DealLine]) -> None:
        """List the current quote's product lines (the box hides when there are none)."""
        self.lines.clear()
        for line in lines:
            quantity = f"{line.quantity.normalize():f} {line.unit}".strip()
            price = money_text(line.unit_price, line.currency)
            text = (
                f"{line.description} ({self.tr('optional')})" if line.optional else line.description
            )
            item = QTreeWidgetItem([text, quantity, price])
            item.setToolTip(0, fill(self.tr("From quote %1"), line.quote))
            for column in (1, 2):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            self.lines.addTopLevelItem(item)
        self.lines.resizeColumnToContents(1)
        self.lines_box.setTitle(
            fill(self.tr("Products (quote %1)"), lines[0].quote) if lines else self.tr("Products")
        )
        self.lines_box.setVisible(bool(lines))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, CancelledError):  # the workspace closed under the read
            self.close()
        elif isinstance(exc, NotFoundError):
            self.summary = None
            self.title.setText(self.tr("This deal no longer exists."))
            self.subtitle.clear()
            self._show_rows(set())
            self.quotes.new_button.setEnabled(False)
            self.plan_button.setEnabled(False)
            self.edit_button.setEnabled(False)
        else:
            self._shell.show_error(exc)

    def show_deal(self, deal: DealSummary) -> None:
        """Fill the view from ``deal``."""
        self.summary = deal
        self.setWindowTitle(fill(self.tr("Deal %1"), deal.number) if deal.number else deal.title)
        self.title.setText(deal.title)
        self.subtitle.setText(" · ".join(x for x in (deal.number, deal.customer) if x))
        values = {
            "amount": money_text(deal.amount, deal.currency),
            "pipeline": deal.pipeline,
            "stage": stage_text(deal),
            "status": outcome_text(deal),
            "lost_reason": deal.lost_reason or "",
            "expected_close": deal.expected_close.isoformat() if deal.expected_close else "",
            "owner": deal.owner or "",
            "created": deal.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            "notes": deal.notes,
        }
        # The company is the customer; with a company, the person is its contact there.
        if deal.company_id is not None:
            values["customer"] = _link("company", deal.company_id, deal.company_name)
            if deal.person_id is not None:
                values["contact"] = _link("person", deal.person_id, deal.person_name)
        elif deal.person_id is not None:
            values["customer"] = _link("person", deal.person_id, deal.person_name)
        for key, text in values.items():
            self.fields[key].setText(text)
        self._show_rows({key for key, text in values.items() if text})
        draft = QuoteDraft(company_id=deal.company_id, person_id=deal.person_id, deal_id=deal.id)
        self.quotes.start_with(draft, deal.title)
        self.quotes.new_button.setEnabled(True)
        self.plan_button.setEnabled(True)
        self.edit_button.setEnabled(True)
        self.loaded.emit(deal)

    def edit(self) -> DealEditor | None:
        """Open the deal in the editor (this view reads it again once it changes)."""
        from ui.deals.deal_editor import open_deal_editor

        return open_deal_editor(self._shell, self.deal_id)

    def plan_follow_up(self) -> None:
        """Plan a follow-up about this deal, with its customer (and contact) filled in."""
        from ui.followups import follow_up_actions
        from ui.followups.plan_dialog import Linked, empty_draft

        deal, ws = self.summary, self._shell.workspace
        if deal is None or ws is None:
            return
        draft = replace(
            empty_draft(ws), deal_id=deal.id, person_id=deal.person_id, company_id=deal.company_id
        )
        linked = Linked(
            person=deal.person_name or "", company=deal.company_name or "", deal=deal.title
        )
        follow_up_actions(self._shell).plan(draft, linked=linked)

    def _show_rows(self, shown: set[str]) -> None:
        for row, key in enumerate(FIELDS):
            self.details.setRowVisible(row, key in shown)

    def _on_link(self, link: str) -> None:
        kind, _sep, record_id = link.partition(":")
        if is_record_kind(kind) and record_id:
            self._shell.open_card(kind, record_id)

    # --- staying current ----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        """Read the deal again when the window becomes active (it may have changed meanwhile)."""
        super().changeEvent(event)
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and self.summary is not None
        ):
            self.reload()


def _link(kind: str, record_id: str, name: str | None) -> str:
    return f'<a href="{kind}:{escape(record_id)}">{escape(name or "")}</a>'
