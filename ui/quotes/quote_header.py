"""The quote editor's header: customer, contact person, deal, owner, dates, currency, language.

The customer is found as you type among companies and people (the contacts' search); a
company's people are offered as its contact person. A deal is found the same way among the
deals the global search knows (deals have no service of their own yet). The documents'
language follows the customer unless chosen, as the quote service decides: Chinese for a
customer whose name has Chinese characters, else English; the choice it makes is shown.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QGridLayout, QLabel, QWidget

from desktop_crm.domain.choices import LANGUAGES, Language, RecordKind
from desktop_crm.domain.text import has_cjk
from desktop_crm.services.cards.dto import ContactCard
from desktop_crm.services.search.dto import SearchHit
from ui.choices import as_choice
from ui.quotes.quote_values import language_labels
from ui.quotes.record_picker import RecordPicker, find_customers, find_deals
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.contact_lists.dto import Facets
    from desktop_crm.services.quotes.dto import QuoteDraft
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

CURRENCIES = ("CNY", "USD", "EUR", "JPY", "HKD", "GBP", "TWD", "SGD", "KRW", "AUD", "CAD")


class QuoteHeader(QWidget):
    """The header fields of the quote being edited.

    Args:
        worker: Where database work runs.

    Signals:
        currencyChanged(str): Another currency was chosen (prices show its decimals).
    """

    currencyChanged = Signal(str)

    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._workspace: Workspace | None = None
        self._wanted_contact: str | None = None
        self.customer = RecordPicker(worker, find_customers)
        self.customer.setPlaceholderText(self.tr("Company or person: name, pinyin, phone…"))
        self.customer.chosenChanged.connect(self._customer_chosen)
        self.contact = QComboBox()
        self.contact.addItem(self.tr("—"), None)
        self.deal = RecordPicker(worker, find_deals)
        self.deal.setPlaceholderText(self.tr("Optional: deal title or number…"))
        self.owner = QComboBox()
        self.issued_on = QDateEdit(QDate.currentDate())
        self.valid_until = QDateEdit(QDate.currentDate().addDays(30))
        for edit in (self.issued_on, self.valid_until):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(CURRENCIES)
        self.currency.currentTextChanged.connect(lambda text: self.currencyChanged.emit(text))
        self.language = QComboBox()
        self.language.addItem("", None)  # "the customer's": worded by _show_language
        for code, name in language_labels().items():
            self.language.addItem(name, code)
        self.language.currentIndexChanged.connect(self._show_language)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        left: list[tuple[str, QWidget]] = [
            (self.tr("Customer:"), self.customer),
            (self.tr("Contact person:"), self.contact),
            (self.tr("Deal:"), self.deal),
            (self.tr("Owner:"), self.owner),
        ]
        right: list[tuple[str, QWidget]] = [
            (self.tr("Date:"), self.issued_on),
            (self.tr("Valid until:"), self.valid_until),
            (self.tr("Currency:"), self.currency),
            (self.tr("Document language:"), self.language),
        ]
        for column, fields in ((0, left), (2, right)):
            for row, (text, widget) in enumerate(fields):
                grid.addWidget(QLabel(text), row, column)
                grid.addWidget(widget, row, column + 1)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        grid.setColumnMinimumWidth(1, 280)
        self._show_language()

    # --- loading ------------------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace) -> None:
        """Search ``workspace``; offer its users as owners."""
        self._workspace = workspace
        self.customer.set_workspace(workspace)
        self.deal.set_workspace(workspace)
        self._worker.read(lambda: workspace.reads.contact_list.facets("person"), self._show_owners)

    def offer_currency(self, code: str, *, choose: bool) -> None:
        """Offer the workspace's currency first; choose it for a quote that has none yet."""
        if self.currency.findText(code) < 0:
            self.currency.insertItem(0, code)
        if choose:
            self.currency.setCurrentText(code)

    def _show_owners(self, facets: Facets) -> None:
        current = self.owner.currentData()
        self.owner.clear()
        for user_id, name in facets.owners:
            self.owner.addItem(name, user_id)
        if current is not None:
            self.owner.setCurrentIndex(max(0, self.owner.findData(current)))

    def load(self, draft: QuoteDraft, customer: str, deal: str | None) -> None:
        """Show ``draft``'s header (``customer`` and ``deal`` are the names to show)."""
        if draft.company_id is not None:
            self._wanted_contact = draft.person_id
            self._choose_customer("company", draft.company_id, customer)
        elif draft.person_id is not None:
            self._choose_customer("person", draft.person_id, customer)
        if draft.deal_id is not None:
            self.deal.set_chosen(SearchHit("deal", draft.deal_id, deal or ""))
        if draft.owner_id is not None:
            if self.owner.findData(draft.owner_id) < 0:
                self.owner.addItem("…", draft.owner_id)  # named once the users arrive
            self.owner.setCurrentIndex(self.owner.findData(draft.owner_id))
        if draft.issued_on is not None:
            self.issued_on.setDate(_qdate(draft.issued_on))
        if draft.valid_until is not None:
            self.valid_until.setDate(_qdate(draft.valid_until))
        if draft.currency:
            self.currency.setCurrentText(draft.currency)
        self.language.setCurrentIndex(max(0, self.language.findData(draft.language)))

    def _choose_customer(self, kind: RecordKind, record_id: str, name: str) -> None:
        """Show the customer; read its name from its card when only its id is known."""
        self.customer.set_chosen(SearchHit(kind, record_id, name))
        ws = self._workspace
        if name or ws is None:
            return

        def named(card: ContactCard) -> None:
            chosen = self.customer.chosen
            if chosen is not None and chosen.id == card.id:
                self.customer.chosen = SearchHit(kind, record_id, card.name)
                self.customer.setText(card.name)
                self._show_language()

        self._worker.read(lambda: ws.reads.cards.card(kind, record_id), named)

    # --- reading ------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The header as ``QuoteDraft`` fields."""
        hit = self.customer.chosen
        company_id = hit.id if hit is not None and hit.kind == "company" else None
        person_id = hit.id if hit is not None and hit.kind == "person" else None
        if company_id is not None:
            person_id = self.contact.currentData()
        deal = self.deal.chosen
        language: Language | None = as_choice(self.language.currentData(), LANGUAGES)
        return {
            "company_id": company_id,
            "person_id": person_id,
            "deal_id": deal.id if deal is not None else None,
            "owner_id": self.owner.currentData(),
            "issued_on": _day(self.issued_on),
            "valid_until": _day(self.valid_until),
            "currency": self.currency.currentText().strip().upper() or None,
            "language": language,
        }

    def set_read_only(self, read_only: bool) -> None:
        """Let nothing be changed (an earlier revision, an accepted quote)."""
        for widget in (self.customer, self.deal):
            widget.setReadOnly(read_only)
        for box in (self.contact, self.owner, self.currency, self.language):
            box.setEnabled(not read_only)
        for edit in (self.issued_on, self.valid_until):
            edit.setReadOnly(read_only)

    def keep_validity(self, days: int) -> None:
        """Make "valid until" ``days`` after the date (a duplicated quote keeps its span)."""
        self.valid_until.setDate(self.issued_on.date().addDays(days))

    # --- reactions ----------------------------------------------------------------------------

    def _customer_chosen(self, hit: SearchHit | None) -> None:
        self.contact.clear()
        self.contact.addItem(self.tr("—"), None)
        self.contact.setEnabled(hit is not None and hit.kind == "company")
        self._show_language()
        ws = self._workspace
        if hit is None or hit.kind != "company" or ws is None:
            return
        company_id = hit.id
        self._worker.read(lambda: ws.reads.cards.card("company", company_id), self._show_people)

    def _show_people(self, card: ContactCard) -> None:
        chosen = self.customer.chosen
        if chosen is None or chosen.id != card.id:
            return  # another customer was chosen meanwhile
        for person_id, name, title in card.people:
            self.contact.addItem(f"{name}  ({title})" if title else name, person_id)
        if self._wanted_contact is not None:
            self.contact.setCurrentIndex(max(0, self.contact.findData(self._wanted_contact)))
            self._wanted_contact = None

    def _show_language(self, *_args: Any) -> None:
        hit = self.customer.chosen
        follows = "zh" if hit is not None and has_cjk(hit.title) else "en"
        name = language_labels()[follows]
        self.language.setItemText(0, fill(self.tr("The customer's: %1"), name))


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())
