"""Undo and redo of every contract, plan and payment change, each one operation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop_crm.domain.errors import NotFoundError
from desktop_crm.domain.vocab import QuoteStatus
from desktop_crm.services.contracts.dto import ContractChanges, ContractFilter, PaymentDraft
from tests.conftest import TODAY
from tests.unit.test_contracts_core import TOTAL, contract_of, make_quote, quotes_of


def _figures(ws, number):
    d = ws.contracts.get(number, TODAY)
    return (
        d.title,
        [(i.due_on, i.amount) for i in d.instalments],
        [(p.amount, p.note) for p in d.payments],
        d.balance,
    )


def test_undo_and_redo_of_making_a_contract_take_the_quote_along(workspace):
    number = make_quote(workspace)
    contract = contract_of(workspace, number)
    workspace.history.undo()
    with pytest.raises(NotFoundError):
        workspace.contracts.get(contract, TODAY)
    assert quotes_of(workspace).get_by_number(number).status is QuoteStatus.SENT
    assert workspace.contracts.open_list(ContractFilter(), TODAY).count == 0
    workspace.history.redo()
    assert workspace.contracts.get(contract, TODAY).balance.total == TOTAL
    assert quotes_of(workspace).get_by_number(number).status is QuoteStatus.ACCEPTED


@pytest.mark.parametrize("change", ["edit", "plan", "pay", "edit_payment", "delete_payment"])
def test_each_change_undoes_and_redoes(workspace, change):
    contract = contract_of(workspace, make_quote(workspace), "50%:2026-11-01,50%:2027-03-01")
    first = workspace.contracts.record_payment(
        contract, PaymentDraft(Decimal(100), TODAY, note="首付"), today=TODAY
    ).ids[0]
    before = _figures(workspace, contract)
    if change == "edit":
        result = workspace.contracts.edit(contract, ContractChanges(title="新标题"))
    elif change == "plan":
        result = workspace.contracts.set_plan(contract, "4344.03:2027-06-01")
    elif change == "pay":
        result = workspace.contracts.record_payment(
            contract, PaymentDraft(Decimal(200), TODAY), today=TODAY
        )
    elif change == "edit_payment":
        result = workspace.contracts.edit_payment(
            first, PaymentDraft(Decimal(300), date(2026, 11, 20), note="改"), today=TODAY
        )
    else:
        result = workspace.contracts.delete_payment(first)
    after = _figures(workspace, contract)
    assert result.operation_id and after != before
    assert contract in workspace.history.recent(1)[0].label
    workspace.history.undo()
    assert _figures(workspace, contract) == before
    workspace.history.redo()
    assert _figures(workspace, contract) == after


def test_replacing_the_plan_frees_payments_of_gone_instalments_and_undo_ties_them_back(workspace):
    contract = contract_of(workspace, make_quote(workspace), "50%:2026-11-01,50%:2027-03-01")
    later = workspace.contracts.get(contract, TODAY).instalments[1].id
    workspace.contracts.record_payment(
        contract, PaymentDraft(Decimal(100), TODAY, plan_id=later), today=TODAY
    )
    workspace.contracts.set_plan(contract, "100%:2027-06-01")
    d = workspace.contracts.get(contract, TODAY)
    assert d.payments[0].plan_id is None and d.instalments[0].paid == 100
    workspace.history.undo()
    assert workspace.contracts.get(contract, TODAY).payments[0].plan_id == later


def test_deleting_a_contract_undoes_with_its_plan_and_payments(workspace):
    contract = contract_of(workspace, make_quote(workspace))
    workspace.contracts.record_payment(contract, PaymentDraft(Decimal(10), TODAY), today=TODAY)
    before = _figures(workspace, contract)
    workspace.contracts.delete(contract)
    assert workspace.history.recent(1)[0].label == f"Delete contract {contract}"
    workspace.history.undo()
    assert _figures(workspace, contract) == before
    workspace.history.redo()
    with pytest.raises(NotFoundError):
        workspace.contracts.get(contract, TODAY)
