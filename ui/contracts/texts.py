"""Contract words and figures as shown: statuses, money, dates, and the service's refusals.

The services refuse in English with codes in ``params`` (``field``, ``difference``); the
messages a user reads are worded here, in their language, from those codes and the figures.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.vocab import ContractStatus
from ui.amounts import money_text
from ui.text_fill import fill
from ui.theme import is_dark
from ui.translation_context import TranslationContext

if TYPE_CHECKING:
    from desktop_crm.services.contracts.service import ContractService
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

T = TypeVar("T")


class ContractTexts(TranslationContext):
    """The translation context of contract words shared by the screen and its dialogs."""


def status_label(status: ContractStatus) -> str:
    """A contract status in the user's language."""
    labels = {
        ContractStatus.DRAFT: ContractTexts.tr("Draft"),
        ContractStatus.ACTIVE: ContractTexts.tr("Active"),
        ContractStatus.COMPLETED: ContractTexts.tr("Completed"),
        ContractStatus.TERMINATED: ContractTexts.tr("Terminated"),
    }
    return labels[status]


def payment_methods() -> list[str]:
    """Ways money usually arrives, offered in the payment dialog (any text may be typed)."""
    return [
        ContractTexts.tr("Bank transfer"),
        ContractTexts.tr("Cash"),
        ContractTexts.tr("Alipay"),
        ContractTexts.tr("WeChat Pay"),
        ContractTexts.tr("Cheque"),
        ContractTexts.tr("Card"),
    ]


def money(amount: Decimal, currency: str) -> str:
    """``amount`` with its currency's sign, to its minor unit: "¥1,234.50"."""
    return money_text(amount, currency)


def day_text(day: date | None) -> str:
    """A day as shown in lists (ISO, as everywhere in the app), or "" for none."""
    return day.isoformat() if day is not None else ""


def late_color() -> QColor:
    """The red of money overdue, readable on the light and the dark palette."""
    return QColor("#ef5350" if is_dark(QApplication.palette()) else "#c62828")


def payment_problem(exc: BaseException, currency: str, left: Decimal | None) -> str:
    """Why a payment was refused, in the user's language.

    Args:
        exc: What the service (or the dialog's own check) raised.
        currency: The contract's currency.
        left: What the contract still owes (the payment being edited counted back), if known.
    """
    if not isinstance(exc, ValidationError):
        from ui.messages import error_text

        return error_text(exc)
    field = exc.params.get("field")
    if exc.params.get("problem") == "number":  # worded in the UI already
        return exc.message
    if field == "amount" and "zero" in exc.message:
        return ContractTexts.tr("A payment must be more than zero.")
    if field == "amount" and left is not None:
        return fill(
            ContractTexts.tr(
                "That is more than is still owed: %1 is outstanding on this contract."
            ),
            money(max(left, Decimal(0)), currency),
        )
    if field == "plan_id":
        return ContractTexts.tr("That instalment is no longer part of this contract.")
    return exc.message


def plan_problem(exc: ValidationError, total: Decimal, currency: str, percent: bool) -> str:
    """Why a payment plan was refused, worded from the service's codes.

    The service says by how much the plan misses (``params['difference']``: the total, or 100%,
    minus what the plan comes to); the user reads that gap in their language.
    """
    gap_text = exc.params.get("difference")
    if gap_text is None:
        if "empty" in exc.message:
            return ContractTexts.tr("Add at least one instalment.")
        if "more than zero" in exc.message:
            return ContractTexts.tr("Each instalment must be more than zero.")
        return exc.message
    gap = Decimal(str(gap_text))
    if percent:
        planned = _plain(Decimal(100) - gap)
        if gap > 0:
            text = ContractTexts.tr("The percentages add up to %1%: %2% short of 100%.")
        else:
            text = ContractTexts.tr("The percentages add up to %1%: %2% over 100%.")
        return fill(text, planned, _plain(abs(gap)))
    if gap > 0:
        text = ContractTexts.tr("The instalments add up to %1: %2 short of the total %3.")
    else:
        text = ContractTexts.tr("The instalments add up to %1: %2 over the total %3.")
    return fill(
        text, money(total - gap, currency), money(abs(gap), currency), money(total, currency)
    )


def _plain(value: Decimal) -> str:
    """``30`` for 30.00, ``12.5`` for 12.50."""
    return format(value.normalize(), "f") if value else "0"


def contract_reads(ws: Workspace) -> tuple[ContractService, bool]:
    """The contract service to read through, and whether it is the reader's.

    Lists and details belong on the reader (``Workspace.reads.contracts``); until the reader has
    one, they are read through the writer's service, on the writer's lane.
    """
    reads = getattr(ws.reads, "contracts", None)
    if reads is not None:
        return reads, True
    return ws.contracts, False


def read_contracts(
    worker: DbWorker,
    ws: Workspace,
    fn: Callable[[ContractService], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """Run ``fn`` over the contract reads on the lane they belong to; ``on_done`` on the GUI."""
    service, on_reader = contract_reads(ws)
    run: Callable[..., Any] = worker.read if on_reader else worker.submit
    run(lambda: fn(service), on_done, on_error)
