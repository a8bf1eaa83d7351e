"""The deal editor's fields: title, customer and contact, amount, close date, owner, stage, notes.

The customer is found as you type among companies and people (the follow-up plan dialog's
picker); a company's people are offered as the contact there. The amount is typed as text and
read into a ``Decimal`` (a spin box would hold a float). A new deal's currency follows its
pipeline's until one is chosen. The stage list holds the pipeline's stages but the lost one
(a deal is lost through "Lost…", which asks why), unless the deal is lost already.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_crm.domain.choices import RecordKind
from desktop_crm.services.cards.dto import ContactCard
from desktop_crm.services.deals.dto import DealDraft
from desktop_crm.services.pipelines.dto import PipelineInfo
from desktop_crm.services.search.dto import SearchHit
from ui.alive import while_open
from ui.products.values import parse_number, plain_number
from ui.quotes.quote_header import CURRENCIES
from ui.quotes.record_picker import RecordPicker, find_customers
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

NOTES_HEIGHT = 70


class DealForm(QWidget):
    """The fields of the deal being edited.

    Args:
        worker: Where database work runs (customer search, a company's people).
        workspace: The open workspace.
        parent: The editor.

    Attributes:
        pipelines: The workspace's pipelines, as last given.
    """

    def __init__(self, worker: DbWorker, workspace: Workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self._worker, self._workspace = worker, workspace
        self.pipelines: list[PipelineInfo] = []
        self._wanted_contact: tuple[str, str] | None = None  # id, name
        self._currency_chosen = False
        self._current_stage: str | None = None

        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("What is being sold, e.g. 50 office chairs"))
        self.customer = RecordPicker(worker, find_customers, self)
        self.customer.set_workspace(workspace)
        self.customer.setPlaceholderText(self.tr("Company or person: name, pinyin, phone…"))
        self.customer.chosenChanged.connect(self._customer_chosen)
        self.contact = QComboBox()
        self.contact.addItem(self.tr("—"), None)
        self.contact.setEnabled(False)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("0")
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(CURRENCIES)
        self.currency.setMinimumContentsLength(4)
        self.currency.textActivated.connect(self._currency_activated)
        money = QHBoxLayout()
        money.setContentsMargins(0, 0, 0, 0)
        money.addWidget(self.amount, 1)
        money.addWidget(self.currency)
        # The check box is the row's label: a deal may have no expected close day.
        self.has_close = QCheckBox(self.tr("Expected close"))
        self.close_on = QDateEdit(QDate.currentDate().addDays(30))
        self.close_on.setDisplayFormat("yyyy-MM-dd")
        self.close_on.setCalendarPopup(True)
        self.close_on.setEnabled(False)
        self.has_close.toggled.connect(self.close_on.setEnabled)
        self.owner = QComboBox()
        self.source = QLineEdit()
        self.source.setPlaceholderText(
            self.tr("Where it came from: referral, website, trade fair…")
        )
        self.pipeline = QComboBox()
        self.pipeline.currentIndexChanged.connect(self._pipeline_changed)
        self.stage = QComboBox()
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Notes (optional)"))
        self.notes.setFixedHeight(NOTES_HEIGHT)

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Amount"), money)
        form.addRow(self.has_close, self.close_on)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Pipeline"), self.pipeline)
        form.addRow(self.tr("Stage"), self.stage)
        form.addRow(self.tr("Notes"), self.notes)
        self.form = form

    # --- filling ------------------------------------------------------------------------------

    def set_choices(
        self, pipelines: Sequence[PipelineInfo], owners: Sequence[tuple[str, str]]
    ) -> None:
        """Offer these pipelines and owners (``(id, name)``)."""
        self.pipelines = list(pipelines)
        self.owner.clear()
        for owner_id, name in owners:
            self.owner.addItem(name, owner_id)
        self.pipeline.blockSignals(True)
        self.pipeline.clear()
        for info in self.pipelines:
            self.pipeline.addItem(info.name, info.id)
        self.pipeline.blockSignals(False)
        # One pipeline: nothing to choose, the row says which it is.
        self.pipeline.setEnabled(len(self.pipelines) > 1)

    def fill(self, draft: DealDraft, company: str, person: str, *, new: bool) -> None:
        """Show ``draft`` (``company`` and ``person`` are the names of its customer)."""
        self.title.setText(draft.title)
        if draft.company_id is not None:
            if draft.person_id is not None:
                self._wanted_contact = (draft.person_id, person)
            self._choose_customer("company", draft.company_id, company)
        elif draft.person_id is not None:
            self._choose_customer("person", draft.person_id, person)
        self.amount.setText(plain_number(draft.amount) if draft.amount or not new else "")
        if draft.owner_id is not None:
            if self.owner.findData(draft.owner_id) < 0:
                self.owner.addItem("…", draft.owner_id)  # a user no longer listed
            self.owner.setCurrentIndex(self.owner.findData(draft.owner_id))
        self.has_close.setChecked(draft.expected_close is not None)
        if draft.expected_close is not None:
            day = draft.expected_close
            self.close_on.setDate(QDate(day.year, day.month, day.day))
        self.source.setText(draft.source or "")
        self.notes.setPlainText(draft.notes)
        self._current_stage = draft.stage_id
        pipeline_id = draft.pipeline_id or self._pipeline_of(draft.stage_id)
        index = self.pipeline.findData(pipeline_id) if pipeline_id else -1
        self.pipeline.setCurrentIndex(max(0, index))
        self._pipeline_changed()
        if draft.stage_id is not None:
            self.stage.setCurrentIndex(max(0, self.stage.findData(draft.stage_id)))
        self._currency_chosen = not new or draft.currency is not None
        if draft.currency:
            self.show_currency(draft.currency)

    def show_stage(self, stage_id: str) -> None:
        """Show the stage the deal is in now (after Won, Lost or Reopen)."""
        self._current_stage = stage_id
        self._fill_stages()
        self.stage.setCurrentIndex(max(0, self.stage.findData(stage_id)))

    def show_currency(self, code: str) -> None:
        """Show ``code`` as the currency (offered first when not among the usual ones)."""
        if self.currency.findText(code) < 0:
            self.currency.insertItem(0, code)
        self.currency.setCurrentText(code)

    # --- reading ------------------------------------------------------------------------------

    def draft(self) -> DealDraft:
        """The deal as filled in.

        Raises:
            ValueError: The amount is not a number (its message is the user's, translated).
        """
        text = self.amount.text().strip()
        amount = parse_number(text) if text else Decimal(0)
        hit = self.customer.chosen
        company_id = hit.id if hit is not None and hit.kind == "company" else None
        person_id = hit.id if hit is not None and hit.kind == "person" else None
        if company_id is not None:
            person_id = self.contact.currentData()
        owner = self.owner.currentData()
        stage = self.stage.currentData()
        pipeline = self.pipeline.currentData()
        return DealDraft(
            title=self.title.text(),
            company_id=company_id,
            person_id=person_id,
            amount=amount,
            currency=self.currency.currentText().strip().upper() or None,
            expected_close=self.close_day(),
            owner_id=str(owner) if owner else None,
            source=self.source.text().strip() or None,
            pipeline_id=str(pipeline) if pipeline else None,
            stage_id=str(stage) if stage else None,
            notes=self.notes.toPlainText(),
        )

    def close_day(self) -> date | None:
        """The expected close day, if one is set."""
        if not self.has_close.isChecked():
            return None
        day = self.close_on.date()
        return date(day.year(), day.month(), day.day())

    def widget_of(self, field: object) -> QWidget | None:
        """The field a service problem is about (``params['field']``)."""
        widgets: dict[object, QWidget] = {
            "title": self.title,
            "amount": self.amount,
            "currency": self.currency,
            "source": self.source,
            "owner_id": self.owner,
            "pipeline_id": self.pipeline,
            "stage_id": self.stage,
            "stage": self.stage,
            "company_id": self.customer,
            "person_id": self.customer,
        }
        return widgets.get(field)

    def set_read_only(self, read_only: bool) -> None:
        """Let nothing be changed (the deal is gone)."""
        for edit in (self.title, self.customer, self.amount, self.source):
            edit.setReadOnly(read_only)
        self.notes.setReadOnly(read_only)
        for box in (self.contact, self.currency, self.owner, self.pipeline, self.stage):
            box.setEnabled(not read_only)
        self.has_close.setEnabled(not read_only)

    # --- reactions ----------------------------------------------------------------------------

    def _pipeline_of(self, stage_id: str | None) -> str | None:
        for info in self.pipelines:
            if any(s.id == stage_id for s in info.stages):
                return info.id
        return None

    def _info(self) -> PipelineInfo | None:
        wanted = self.pipeline.currentData()
        return next((p for p in self.pipelines if p.id == wanted), None)

    def _pipeline_changed(self, *_args: object) -> None:
        self._fill_stages()
        info = self._info()
        if info is not None and not self._currency_chosen:
            self.show_currency(info.currency)

    def _fill_stages(self) -> None:
        info = self._info()
        self.stage.clear()
        if info is None:
            return
        for stage in info.stages:
            if stage.kind == "lost" and stage.id != self._current_stage:
                continue  # lost through "Lost…", which asks why
            text = stage.name  # the won and lost stages say what they are by their names
            if stage.kind == "open":
                text = fill(self.tr("%1 (%2%)"), stage.name, stage.probability)
            self.stage.addItem(text, stage.id)

    def _currency_activated(self, _text: str) -> None:
        self._currency_chosen = True

    def _choose_customer(self, kind: RecordKind, record_id: str, name: str) -> None:
        self.customer.set_chosen(SearchHit(kind, record_id, name))

    def _customer_chosen(self, hit: SearchHit | None) -> None:
        self.contact.clear()
        self.contact.addItem(self.tr("—"), None)
        self.contact.setEnabled(hit is not None and hit.kind == "company")
        ws = self._workspace
        if hit is None or hit.kind != "company":
            return
        company_id = hit.id
        self._worker.read(
            lambda: ws.reads.cards.card("company", company_id),
            while_open(self, self._show_people),
            lambda _exc: None,
        )

    def _show_people(self, card: ContactCard) -> None:
        chosen = self.customer.chosen
        if chosen is None or chosen.id != card.id:
            return  # another customer was chosen meanwhile
        for person_id, name, title in card.people:
            self.contact.addItem(f"{name}  ({title})" if title else name, person_id)
        if self._wanted_contact is not None:
            person_id, name = self._wanted_contact
            if self.contact.findData(person_id) < 0:  # no longer listed at the company
                self.contact.addItem(name or "…", person_id)
            self.contact.setCurrentIndex(self.contact.findData(person_id))
            self._wanted_contact = None
