"""A contact's card: details to copy or click, the timeline, and logging in two clicks."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.choices import RecordKind
from desktop_crm.domain.vocab import ActivityKind
from desktop_crm.services.cards.dto import ContactCard
from desktop_crm.services.followups.dto import FollowUpRow
from ui.contacts.avatar import avatar
from ui.contacts.labels import Mutation, status_labels
from ui.deals.customer_deals import CustomerDeals
from ui.followups.card_section import ContactFollowUps
from ui.followups.due_dialog import CompletesDialog
from ui.followups.pool_button import PoolButton
from ui.quotes.customer_quotes import CustomerQuotes
from ui.shell import Shell
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker


class CardDialog(QDialog):
    """Shows one person's or company's card; loads and reloads it on the worker.

    Args:
        worker: Where database work runs.
        workspace: The open workspace.
        kind: ``person`` or ``company``.
        record_id: Whose card.
        mutate: Runs a change on the worker, then refreshes the window.

    Signals:
        openRequested(str, str): Open another card (a person's company, a company's person).
        editRequested(str, str): Edit this (kind, id).
    """

    openRequested = Signal(str, str)
    editRequested = Signal(str, str)

    def __init__(
        self,
        worker: DbWorker,
        workspace: Workspace,
        kind: RecordKind,
        record_id: str,
        mutate: Mutation,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker, self._workspace, self._mutate = worker, workspace, mutate
        self.kind, self.record_id = kind, record_id
        self.card: ContactCard | None = None
        self._log_kind: ActivityKind = ActivityKind.CALL
        # The contact's due follow-ups, read when the log form opens: Save asks which of them
        # the activity completes (logging closes none by itself).
        self.due_follow_ups: list[FollowUpRow] = []
        self.completes_dialog: CompletesDialog | None = None
        shell = parent if isinstance(parent, Shell) else None
        self.setWindowTitle(self.tr("Contact"))
        self.resize(980, 720)  # room for the follow-ups section
        self.labels = {
            "mobile": self.tr("mobile"),
            "work": self.tr("work"),
            "home": self.tr("home"),
            "fax": self.tr("fax"),
            "other": self.tr("other"),
            "email": self.tr("email"),
            "main": self.tr("main"),
            "pager": self.tr("pager"),
            "home fax": self.tr("home fax"),
            "work fax": self.tr("work fax"),
            "phone": self.tr("phone"),
        }
        self.fields = {
            "name": self.tr("name"),
            "title": self.tr("title"),
            "status": self.tr("status"),
            "level": self.tr("level"),
            "company_id": self.tr("company"),
            "notes": self.tr("notes"),
            "source": self.tr("source"),
            "owner_id": self.tr("owner"),
            "deleted_at": self.tr("deleted"),
            "birthday": self.tr("birthday"),
            "department": self.tr("department"),
            "wechat": self.tr("WeChat"),
        }
        self.kinds = {
            "call": self.tr("Call"),
            "visit": self.tr("Visit"),
            "message": self.tr("Message"),
            "meeting": self.tr("Meeting"),
            "email": self.tr("Email"),
            "note": self.tr("Note"),
        }
        self.pool_events = {  # lead pool (公海) rows of the timeline
            "claimed": self.tr("Claimed from the pool"),
            "released": self.tr("Released to the pool"),
            "returned": self.tr("Returned to the pool"),
        }

        root = QVBoxLayout(self)
        header = QHBoxLayout()
        self.avatar = QLabel()
        self.avatar.setFixedSize(72, 72)
        header.addWidget(self.avatar)
        names = QVBoxLayout()
        self.name_label = QLabel(self.tr("Loading…"))
        self.name_label.setObjectName("viewTitle")
        self.subtitle = QLabel()
        self.subtitle.setTextFormat(Qt.TextFormat.RichText)
        self.subtitle.linkActivated.connect(self._on_link)
        self.badges = QLabel()
        names.addWidget(self.name_label)
        names.addWidget(self.subtitle)
        names.addWidget(self.badges)
        header.addLayout(names, 1)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(lambda: self.editRequested.emit(self.kind, self.record_id))
        header.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        self.pool_button: PoolButton | None = None
        if shell is not None:
            self.pool_button = PoolButton(shell, workspace, kind, record_id, self)
            header.addWidget(self.pool_button, 0, Qt.AlignmentFlag.AlignTop)
        root.addLayout(header)

        body = QHBoxLayout()
        left = QVBoxLayout()
        self.details_box = QGroupBox(self.tr("Details"))
        self.details = QFormLayout(self.details_box)
        left.addWidget(self.details_box)
        self.people_box = QGroupBox(self.tr("People"))
        people_layout = QVBoxLayout(self.people_box)
        self.people = QListWidget()
        self.people.itemDoubleClicked.connect(
            lambda item: self.openRequested.emit("person", item.data(Qt.ItemDataRole.UserRole))
        )
        people_layout.addWidget(self.people)
        self.people_box.setVisible(kind == "company")
        left.addWidget(self.people_box)
        # The customer's quotes, and a new quote for them (ui.quotes owns the section).
        self.quotes = CustomerQuotes(worker, workspace, kind, record_id, parent)
        left.addWidget(self.quotes)
        left.addStretch(1)
        body.addLayout(left, 2)

        right = QVBoxLayout()
        # Planned follow-ups to act on, the latest done ones (ui.followups owns the section).
        self.follow_ups: ContactFollowUps | None = None
        if shell is not None:
            self.follow_ups = ContactFollowUps(shell, workspace, kind, record_id, self)
            right.addWidget(self.follow_ups)
        log_box = QGroupBox(self.tr("Log what happened"))
        log = QVBoxLayout(log_box)
        buttons = QHBoxLayout()
        self.log_buttons: dict[str, QPushButton] = {}
        for key in ("call", "visit", "message", "meeting", "note"):
            button = QPushButton(self.kinds[key])
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.clicked.connect(lambda _c=False, k=key: self._start_log(ActivityKind(k)))
            buttons.addWidget(button)
            self.log_buttons[key] = button
        log.addLayout(buttons)
        self.log_form = QWidget()
        form = QVBoxLayout(self.log_form)
        form.setContentsMargins(0, 0, 0, 0)
        self.log_subject = QLineEdit()
        self.log_subject.setPlaceholderText(self.tr("What was it about? (optional)"))
        self.log_body = QPlainTextEdit()
        self.log_body.setPlaceholderText(self.tr("Notes (optional)"))
        self.log_body.setFixedHeight(60)
        plan = QHBoxLayout()
        self.plan_next = QCheckBox(self.tr("Plan the next follow-up:"))
        self.next_kind = QComboBox()
        for key in ("call", "visit", "message", "meeting"):
            self.next_kind.addItem(self.kinds[key], key)
        self.next_date = QDateEdit(QDate.currentDate().addDays(7))
        self.next_date.setDisplayFormat("yyyy-MM-dd")
        self.next_date.setCalendarPopup(True)
        self.next_subject = QLineEdit()
        self.next_subject.setPlaceholderText(self.tr("Next step"))
        for widget in (self.plan_next, self.next_kind, self.next_date, self.next_subject):
            plan.addWidget(widget)
        self.save_log = QPushButton(self.tr("Save"))
        self.save_log.setDefault(True)
        self.save_log.clicked.connect(self._save_log)
        form.addWidget(self.log_subject)
        form.addWidget(self.log_body)
        form.addLayout(plan)
        form.addWidget(self.save_log, 0, Qt.AlignmentFlag.AlignRight)
        self.log_form.hide()
        log.addWidget(self.log_form)
        right.addWidget(log_box)
        # Their deals; double-click opens the deal's view (ui.deals owns the section).
        self.deals = CustomerDeals(worker, workspace, kind, record_id, parent)
        right.addWidget(self.deals)
        self.timeline = QTreeWidget()
        self.timeline.setRootIsDecorated(False)
        self.timeline.setHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Details")])
        self.timeline.setColumnWidth(0, 130)
        self.timeline.setColumnWidth(1, 220)
        right.addWidget(QLabel(self.tr("Timeline")))
        right.addWidget(self.timeline, 1)
        body.addLayout(right, 3)
        root.addLayout(body, 1)
        self.reload()

    # --- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Fetch the card again (after a change)."""
        ws, kind, rid = self._workspace, self.kind, self.record_id
        # On the reader: a card opens while an import or undo holds the writer.
        self._worker.read(lambda: ws.reads.cards.card(kind, rid), self.show_card, self._gone)
        self.quotes.reload()
        self.deals.reload()
        if self.follow_ups is not None:
            self.follow_ups.reload()
        if self.log_form.isVisible():
            self._read_due()

    def _gone(self, exc: BaseException) -> None:
        self.name_label.setText(self.tr("This contact no longer exists."))
        self.card = None

    def show_card(self, card: ContactCard) -> None:
        """Fill the dialog from ``card``."""
        self.card = card
        self.setWindowTitle(card.name)
        self.avatar.setPixmap(avatar(card.name, card.photo, 72))
        self.name_label.setText(card.name)
        if self.follow_ups is not None:
            self.follow_ups.name = card.name
        if self.pool_button is not None:
            self.pool_button.show_owner(card.owner_id, card.name, card.owner)
        parts = [escape(card.title or "")]
        if card.company_id:
            parts.append(f'<a href="company:{card.company_id}">{escape(card.company or "")}</a>')
        self.subtitle.setText(" · ".join(p for p in parts if p))
        statuses = status_labels()
        badges = [statuses.get(card.status, card.status)]
        if card.level:
            badges.append(fill(self.tr("Level %1"), card.level))
        badges += [f"#{t}" for t in card.tags]
        self.badges.setText("  ".join(badges))
        self._fill_details(card)
        self.deals.set_company(card.company_id)  # a person's new deal: their company's
        self.people.clear()
        for pid, name, title in card.people:
            item = QListWidgetItem(f"{name}  {title}".strip())
            item.setData(Qt.ItemDataRole.UserRole, pid)
            self.people.addItem(item)
        self._fill_timeline(card)

    def _fill_details(self, card: ContactCard) -> None:
        while self.details.rowCount():
            self.details.removeRow(0)
        for phone in card.phones:
            digits = "".join(ch for ch in phone.value if ch.isdigit() or ch == "+")
            self._copy_row(self.labels.get(phone.label, phone.label), phone.value, f"tel:{digits}")
        for email in card.emails:
            self._copy_row(
                self.labels.get(email.label, email.label), email.value, f"mailto:{email.value}"
            )
        for address in card.addresses:
            text = ", ".join(
                x
                for x in (
                    address.street,
                    address.city,
                    address.region,
                    address.postcode,
                    address.country,
                )
                if x
            )
            self._copy_row(self.labels.get(address.label, address.label), text.replace("\n", ", "))
        if card.website:
            url = card.website if "://" in card.website else f"https://{card.website}"
            self._copy_row(self.tr("website"), card.website, url)
        if card.wechat:
            self._copy_row(self.tr("WeChat"), card.wechat)
        for service, account in card.im:
            self._copy_row(service.upper() if len(service) <= 3 else service.title(), account)
        for label, value in (
            (self.tr("No."), card.number),
            (self.tr("Department"), card.department),
            (self.tr("Birthday"), card.birthday.isoformat() if card.birthday else None),
            (self.tr("Source"), card.source),
            (self.tr("Owner"), card.owner),
            *((label, value) for _fid, label, value in card.custom),
            (self.tr("Notes"), card.notes),
        ):
            if value:
                shown = QLabel(value)
                shown.setWordWrap(True)
                shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.details.addRow(label, shown)

    def _copy_row(self, label: str, value: str, link: str | None = None) -> None:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        text = QLabel(f'<a href="{escape(link)}">{escape(value)}</a>' if link else escape(value))
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        text.linkActivated.connect(self._on_link)
        copy = QToolButton()
        copy.setText(self.tr("Copy"))
        copy.setToolTip(fill(self.tr("Copy %1"), value))
        copy.clicked.connect(lambda: self.copy(value))
        layout.addWidget(text, 1)
        layout.addWidget(copy)
        self.details.addRow(label, row)

    def copy(self, value: str) -> None:
        """Put ``value`` on the clipboard."""
        QGuiApplication.clipboard().setText(value)

    def _on_link(self, link: str) -> None:
        if link.startswith("company:"):
            self.openRequested.emit("company", link.split(":", 1)[1])
        else:
            QDesktopServices.openUrl(QUrl(link))

    def _fill_timeline(self, card: ContactCard) -> None:
        self.timeline.clear()
        kinds = {
            "follow_up": self.tr("Follow-up cancelled"),  # the only ones the timeline tells
            "deal": self.tr("Deal"),
            "quote": self.tr("Quote"),
            "contract": self.tr("Contract"),
        }
        changes = {
            "create": self.tr("Created"),
            "update": self.tr("Changed"),
            "delete": self.tr("Deleted"),
            "restore": self.tr("Restored"),
        }
        for item in card.timeline:
            if item.kind == "change":
                title = changes.get(item.subkind, item.subkind)
            elif item.kind == "activity" and item.subkind in self.pool_events:
                title = self.pool_events[item.subkind]
                if item.title and item.title != item.subkind:
                    title = f"{title}: {item.title}"
            else:
                what = (
                    self.kinds.get(item.subkind, "")
                    if item.kind == "activity"
                    else kinds.get(item.kind, item.kind)
                )
                title = f"{what}: {item.title}"
            if item.who:
                title = f"{item.who} · {title}"
            detail = item.detail
            if item.kind == "follow_up":
                detail = fill(self.tr("Was due %1"), item.detail)
            if item.kind == "change":
                for key, name in self.fields.items():
                    detail = detail.replace(f"{key}: ", f"{name}: ")
            row = QTreeWidgetItem(
                [
                    item.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                    title,
                    detail.replace("\n", " "),
                ]
            )
            row.setToolTip(2, item.detail)
            self.timeline.addTopLevelItem(row)

    # --- logging ------------------------------------------------------------------------------

    def follow_up_target(self) -> tuple[RecordKind, str, str]:
        """Whom a follow-up planned from here is for: ``(kind, id, name)`` (Ctrl+Shift+F)."""
        return self.kind, self.record_id, self.card.name if self.card is not None else ""

    def _start_log(self, kind: ActivityKind) -> None:
        self._log_kind = kind
        if not self.log_form.isVisible():
            self._read_due()
        self.log_form.show()
        self.log_subject.setFocus()

    def _read_due(self) -> None:
        """Read the contact's due follow-ups (before Save, so Save can ask at once)."""
        ws, kind, rid = self._workspace, self.kind, self.record_id
        self._worker.read(
            lambda: ws.reads.followups.due_for_contact(kind, rid),
            self._show_due,
            lambda _e: None,
        )

    def _show_due(self, rows: list[FollowUpRow]) -> None:
        self.due_follow_ups = rows

    def _save_log(self) -> None:
        """Save what was logged; with follow-ups due, first ask which of them it completes."""
        if not self.due_follow_ups:
            self._log([])
            return
        dialog = CompletesDialog(self.due_follow_ups, self._workspace.clock.zone(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._log(dialog.checked_ids()))
        dialog.finished.connect(lambda _r: setattr(self, "completes_dialog", None))
        self.completes_dialog = dialog
        dialog.open()  # Cancel: nothing saved, the form keeps what was typed

    def _log(self, complete: list[str]) -> None:
        from desktop_crm.services.cards.contact_cards import NextFollowUp

        kind, rid = self._log_kind, self.record_id
        card_kind = self.kind
        subject, body = self.log_subject.text(), self.log_body.toPlainText()
        plan = None
        if self.plan_next.isChecked():
            due = self.next_date.date()
            plan = NextFollowUp(
                date(due.year(), due.month(), due.day()),
                ActivityKind(self.next_kind.currentData()),
                self.next_subject.text(),
            )
        self._mutate(
            lambda ws: ws.cards.log_activity(
                card_kind, rid, kind, subject, body, next_follow_up=plan, complete=complete
            ),
            self.tr("Logged."),
        )
        self.log_subject.clear()
        self.log_body.clear()
        self.plan_next.setChecked(False)
        self.next_date.setDate(QDate.currentDate().addDays(7))
        self.log_form.hide()
        self.due_follow_ups = []
        for button in self.log_buttons.values():
            button.setAutoExclusive(False)
            button.setChecked(False)
            button.setAutoExclusive(True)
