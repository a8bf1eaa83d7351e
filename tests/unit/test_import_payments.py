"""Importing payments received (回款): matched to contracts, on instalments, one undo."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop_crm.cli import main
from desktop_crm.services.contracts.service import ContractService
from desktop_crm.store.models import ImportBatch, Payment
from tests.conftest import TODAY
from tests.drafts import company
from tests.sheets import write_csv, write_xlsx

ZH = ["合同编号", "日期", "金额", "备注"]
EN = ["Contract No.", "Date", "Amount", "Note"]


@pytest.fixture
def contracts(workspace, tmp_path):
    """Two contracts from imported quotes: 12,373.50 in 30 % + 70 %, and 1,000.00 in 2 halves."""
    workspace.people.save_company(company("青木科技"))
    quotes = write_xlsx(
        tmp_path / "quotes.xlsx",
        ["报价单号", "客户", "日期", "品名", "数量", "单价", "折扣", "税率", "含税"],
        [
            ["BJ-002", "青木科技", "2026-03-05", "服务器", 1, 11300, None, 13, "是"],
            ["BJ-002", None, None, "安装", 2, 500, "5%", "13", "否"],
            ["BJ-003", "青木科技", "2026-03-05", "咨询", 1, 1000, None, 0, "否"],
        ],
    )
    assert workspace.imports.import_file(quotes, entity="quotes", today=TODAY).created == 2
    service = ContractService(workspace.store)
    first = service.from_quote("BJ-002", "30%:2026-04-01,70%:2026-06-01", today=TODAY)
    second = service.from_quote("BJ-003", "50%:2026-04-01,50%:2026-05-01", today=TODAY)
    return service, service.get(first.ids[0], TODAY), service.get(second.ids[0], TODAY)


def payments(workspace):
    with workspace.store.read() as session:
        return session.scalars(
            select(Payment).where(Payment.deleted_at.is_(None)).order_by(Payment.paid_on)
        ).all()


def test_payments_reduce_what_contracts_owe_and_go_on_instalments(workspace, contracts, tmp_path):
    service, big, small = contracts
    assert big.balance.outstanding == Decimal("12373.50")
    deposit, rest = big.instalments
    assert (deposit.amount, rest.amount) == (Decimal("3712.05"), Decimal("8661.45"))
    path = write_xlsx(
        tmp_path / "回款.xlsx",
        ZH,
        [
            [big.number, "2026-04-02", "¥ 3,712.05", "首付款"],
            [big.number, datetime(2026, 5, 1), 1000, None],
            [small.number, "2026/4/3", "600", "多于第一期"],  # more than its first half (500)
        ],
    )
    preview = workspace.imports.preview(path, entity="payments")
    assert preview.mapping == {0: "contract", 1: "date", 2: "amount", 3: "notes"}
    assert preview.problem_count == 0
    report = workspace.imports.import_file(path, entity="payments", today=TODAY)
    assert (report.created, report.failed, report.by_entity["payments"].created) == (3, 0, 3)
    first, third, second = payments(workspace)  # by day: 2 April, 3 April, 1 May
    assert (first.amount, first.paid_on, first.note) == (
        Decimal("3712.05"),
        date(2026, 4, 2),
        "首付款",
    )
    assert first.plan_id == deposit.id  # the oldest unpaid instalment, which it fits
    assert second.plan_id == rest.id  # the deposit is paid: the next one
    assert third.plan_id is None  # does not fit the first half: the contract's
    big_now = service.get(big.number, TODAY)
    assert big_now.balance.outstanding == Decimal("7661.45")  # 12,373.50 - 3,712.05 - 1,000
    assert service.get(small.number, TODAY).balance.outstanding == Decimal("400.00")
    workspace.history.undo(report.operation_id)
    assert payments(workspace) == []
    assert service.get(big.number, TODAY).balance.outstanding == Decimal("12373.50")
    with workspace.store.read() as session:
        batch = select(ImportBatch).where(
            ImportBatch.entity == "payments", ImportBatch.deleted_at.is_(None)
        )
        assert session.scalars(batch).all() == []


def test_problems_on_their_cells_in_a_gbk_csv(workspace, contracts, tmp_path):
    _service, big, _small = contracts
    rows = [
        ["HT-9999", "2026-04-02", "100", "未知合同"],
        [big.number, "2026-04-02", "-50", "负数"],
        [big.number, "2026-04-02", "abc", "不是金额"],
        [big.number, "2026-04-02", "99,999", "太多"],
        [big.number, "", "100", "无日期"],
        [big.number, "2026-04-05", "1,000.00", "好的"],
    ]
    path = write_csv(tmp_path / "回款.csv", ZH, rows, "gbk")
    preview = workspace.imports.preview(path, entity="payments")
    cells = {
        (row.number, preview.columns[col]): cell.problem
        for row in preview.rows
        for col, cell in enumerate(row.cells)
        if cell.problem
    }
    assert cells == {
        (2, "合同编号"): "no contract has this number",
        (3, "金额"): "a payment must be more than 0",
        (4, "金额"): "“abc” is not an amount",
        (5, "金额"): f"more than the 12,373.50 CNY still owed on contract {big.number}",
        (6, "日期"): "no date",
    }
    report = workspace.imports.import_file(path, entity="payments", today=TODAY)
    assert (report.created, report.failed) == (1, 5)
    assert "row 2: 合同编号 “HT-9999”: no contract has this number" in "\n".join(report.problems)
    [paid] = payments(workspace)
    assert (paid.amount, paid.note) == (Decimal(1000), "好的")


def test_english_utf8_csv_and_the_same_file_twice(workspace, contracts, tmp_path):
    service, big, _small = contracts
    rows = [[big.number.lower(), "2026-04-02", "$2,000", "wire"]]
    path = write_csv(tmp_path / "payments.csv", EN, rows, "utf-8")
    report = workspace.imports.import_file(path, entity="payments", today=TODAY)
    assert (report.created, report.failed) == (1, 0)  # the number's case ignored
    again = workspace.imports.import_file(path, entity="payments", today=TODAY)
    assert (again.created, again.skipped) == (0, 1)  # the same payment: not counted twice
    assert service.get(big.number, TODAY).balance.paid == Decimal(2000)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_template_maps_every_column_and_imports_its_example(
    workspace, contracts, tmp_path, language
):
    target = tmp_path / f"payments-{language}.xlsx"
    assert main(["template", str(target), "--entity", "payments", "--language", language]) == 0
    preview = workspace.imports.preview(target, entity="payments")
    assert set(preview.mapping) == set(range(len(preview.columns))), preview.columns
    mapping = dict(preview.mapping)
    report = workspace.imports.import_file(
        target, entity="payments", mapping=mapping, dry_run=True, today=TODAY
    )
    # The example names contract HT-2026-001, which this workspace does not hold.
    assert report.failed == 1 and "no contract has this number" in report.problems[0]
