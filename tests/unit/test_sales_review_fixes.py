"""Fixes from the sales review: frozen pricing, refused values, expiry in exports, status rules."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from datetime import date, timedelta
from decimal import Decimal as D

import pytest

from desktop_crm.cli import main
from desktop_crm.cli.quotes import NOT_LOGGED
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.payment_plans import parse_plan
from desktop_crm.domain.quote_totals import TaxRounding
from desktop_crm.domain.vocab import QuoteStatus
from desktop_crm.services.contracts.plans import plan_from_text
from desktop_crm.services.exporting.record_lists import list_rows
from desktop_crm.services.quotes.dto import LineDraft, QuoteDraft, QuoteFilter
from desktop_crm.services.quotes.service import QuoteService
from desktop_crm.services.workspace.handle import create_workspace, open_workspace
from desktop_crm.store import schema
from tests.conftest import TODAY
from tests.drafts import company

RULE = "quotes.tax_rounding"
# Three lines of 0.05 at 13%: tax 0.03 rounded per line, 0.02 per rate (total 0.18 / 0.17).
CENTS = tuple(
    LineDraft(description="样品", quantity=D(1), unit_price=D("0.05"), tax_rate=D(13))
    for _ in range(3)
)


@pytest.fixture
def quotes(workspace):
    return QuoteService(workspace.store, today=lambda: TODAY)


@pytest.fixture
def customer(workspace):
    return workspace.people.save_company(company("远山设计"), today=TODAY).ids[0]


def _draft(customer, lines=CENTS, **fields):
    fields.setdefault("valid_until", TODAY + timedelta(days=30))
    fields.setdefault("issued_on", TODAY - timedelta(days=10))
    return QuoteDraft(company_id=customer, lines=tuple(lines), **fields)


def _sent(quotes, customer, lines=CENTS, **fields):
    qid = quotes.create(_draft(customer, lines, **fields)).ids[0]
    quotes.set_status(qid, "send")
    return qid


# --- 1. contracts and earlier revisions keep the rounding they were priced with -------------


def test_a_contract_prints_its_amount_after_the_rounding_setting_changes(
    workspace, quotes, customer
):
    number = quotes.get(_sent(quotes, customer)).number
    made = workspace.contracts.from_quote(number, today=TODAY)
    workspace.settings.update({"quotes.tax_rounding": "per_rate"})
    detail = workspace.contracts.get(made.ids[0], TODAY)
    assert detail.balance.total == D("0.18")
    assert detail.totals is not None and detail.totals.total == D("0.18")
    assert detail.tax_rounding is TaxRounding.PER_LINE
    document = workspace.contracts.document(detail.number, today=TODAY)
    assert document.totals.total == D("0.18")
    assert sum(i.amount for i in document.instalments) == D("0.18")
    assert document.tax_rounding_note == "税额按每行计算后四舍五入。"


def test_an_earlier_revision_keeps_its_rounding_the_current_one_follows_the_setting(
    workspace, quotes, customer
):
    qid = _sent(quotes, customer)
    quotes.update(qid, _draft(customer, (*CENTS, *CENTS)))  # rev 2, priced later
    workspace.settings.update({"quotes.tax_rounding": "per_rate"})
    first = quotes.revision(qid, 1)
    assert (first.totals.total, first.tax_rounding) == (D("0.18"), TaxRounding.PER_LINE)
    assert quotes.document(qid, revision=1).totals.total == D("0.18")
    current = quotes.get(qid)
    assert (current.totals.total, current.tax_rounding) == (D("0.34"), TaxRounding.PER_RATE)
    assert [r.total for r in current.revisions] == [D("0.18"), D("0.34")]


def test_migration_0009_fills_contract_revision_and_rounding(demo_path):
    schema.downgrade(demo_path, "0008")
    with sqlite3.connect(demo_path) as db:
        (carried,) = db.execute(
            "SELECT count(*) FROM contracts WHERE quote_id IS NOT NULL"
        ).fetchone()
        rules = [v for (v,) in db.execute("SELECT value FROM settings WHERE key = ?", (RULE,))]
        if rules:
            db.execute("UPDATE settings SET value = '\"per_rate\"' WHERE key = ?", (RULE,))
    assert carried > 0
    open_workspace(demo_path).close(backup_if_changed=False)  # upgrades
    with sqlite3.connect(demo_path) as db:
        found = db.execute(
            "SELECT contracts.quote_revision = quotes.revision, contracts.tax_rounding "
            "FROM contracts JOIN quotes ON quotes.id = contracts.quote_id"
        ).fetchall()
    assert set(found) == {(1, "per_rate" if rules else "per_line")}
    assert len(found) == carried


# --- 2. values the store would change or cannot hold are refused -----------------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("quantity", D("1.00005"), "line 1: the quantity 1.00005 has more than 4 decimal places"),
        ("unit_price", D("0.12345"), "line 1: the unit price 0.12345 has more than 4 decimal"),
        ("discount", D("1.23456"), "line 1: the discount 1.23456 has more than 4 decimal"),
        ("tax_rate", D(130), "line 1: the tax rate 130% is above 100%"),
        ("unit_price", D("1e13"), "line 1: the unit price is too large (it must"),
        ("unit_price", D("1e400"), "line 1: the unit price is too large"),
        ("quantity", D("NaN"), "line 1: the quantity is not a number"),
    ],
)
def test_line_numbers_the_store_would_change_are_refused(quotes, customer, field, value, message):
    line = LineDraft(description="样品", quantity=D(1), unit_price=D(10), tax_rate=D(13))
    with pytest.raises(ValidationError) as caught:
        quotes.create(_draft(customer, [line.__class__(**{**line.__dict__, field: value})]))
    assert caught.value.message.startswith(message)
    assert (caught.value.params["line"], caught.value.params["field"]) == (1, field)


def test_a_line_too_large_to_store_is_refused(quotes, customer):
    line = LineDraft(description="楼", quantity=D(2_000_000), unit_price=D(1_000_000))
    with pytest.raises(ValidationError, match="line 1: the line comes to 2,000,000,000,000"):
        quotes.create(_draft(customer, [line]))


@pytest.mark.parametrize("text", ["1e400:2027-01-01", "1000000000000:2027-01-01"])
def test_a_plan_amount_too_large_is_one_clear_error(text):
    with pytest.raises(ValidationError, match="the amount is too large"):
        plan_from_text(text)


def test_a_plan_takes_full_width_colons_and_commas():
    parts = parse_plan("30%：2027-01-15，70％：2027-03-01")
    assert [(p.value, p.percent, p.due_on.isoformat()) for p in parts] == [
        (D(30), True, "2027-01-15"),
        (D(70), True, "2027-03-01"),
    ]


def test_saving_a_sent_quote_unchanged_makes_no_revision(quotes, customer):
    draft = _draft(customer, notes="", terms="款到发货")
    qid = quotes.create(draft).ids[0]
    quotes.set_status(qid, "send")
    result = quotes.update(qid, draft)
    assert not result.operation_id
    again = quotes.get(qid)
    assert (again.revision, again.status) == (1, QuoteStatus.SENT)
    # What the editor gives back unchanged is no change either.
    quotes.update(qid, again.draft)
    assert quotes.get(qid).revision == 1


# --- 3. exports read quotes' statuses as the quote list does ---------------------------------


def test_export_writes_and_filters_the_status_today(workspace, quotes, customer):
    past = _sent(quotes, customer, valid_until=TODAY)  # expired from tomorrow
    live = _sent(quotes, customer)
    numbers = {quotes.get(x).number: x for x in (past, live)}
    later = TODAY + timedelta(days=1)
    with workspace.store.read() as session:
        _headers, rows = list_rows(session, "quotes", ["number", "status"], today=later)
        everything = {number: status for number, status in rows}
        expired = [
            r[0] for r in list_rows(session, "quotes", ["number"], "expired", today=later)[1]
        ]
        sent = [r[0] for r in list_rows(session, "quotes", ["number"], "sent", today=later)[1]]
    assert {numbers[n]: s for n, s in everything.items()} == {past: "Expired", live: "Sent"}
    assert [numbers[n] for n in expired] == [past]
    assert [numbers[n] for n in sent] == [live]
    assert quotes.count(QuoteFilter(status="expired")) == 0  # TODAY: not yet past
    assert QuoteService(workspace.store, today=lambda: later).count(
        QuoteFilter(status="expired")
    ) == len(expired)


# --- 4. status rules --------------------------------------------------------------------------


def test_a_draft_past_its_valid_until_day_is_not_sent(quotes, customer):
    qid = quotes.create(_draft(customer, valid_until=TODAY - timedelta(days=1))).ids[0]
    with pytest.raises(ValidationError, match="extend its valid-until day before sending it"):
        quotes.set_status(qid, "send")
    assert quotes.get(qid).status is QuoteStatus.DRAFT


@pytest.mark.parametrize("action", ["reopen", "reject"])
def test_an_accepted_quote_with_a_contract_is_not_reopened(workspace, quotes, customer, action):
    qid = _sent(quotes, customer)
    number = quotes.get(qid).number
    contract = workspace.contracts.get(
        workspace.contracts.from_quote(number, today=TODAY).ids[0], TODAY
    ).number
    with pytest.raises(ValidationError) as caught:
        quotes.set_status(qid, action)
    assert caught.value.message.startswith(f"quote {number} has contract {contract}")
    assert quotes.get(qid).status is QuoteStatus.ACCEPTED


def test_an_empty_quote_number_asks_for_one(workspace, quotes):
    with pytest.raises(ValidationError, match=r"^give a quote number$"):
        quotes.get_by_number("  ")
    with pytest.raises(ValidationError, match=r"^give a quote number$"):
        workspace.contracts.from_quote(" ", today=TODAY)


# --- 5 and 6. the CLI: PDFs beside the app, templates, contracts, plans -----------------------


def _run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def closed(tmp_path):
    """A closed workspace with a sent quote and its contract: (path, quote, contract)."""
    path = tmp_path / "sales.crm"
    ws = create_workspace(path, "zh")
    try:
        customer = ws.people.save_company(company("远山设计")).ids[0]
        quotes = QuoteService(ws.store)
        draft = QuoteDraft(
            company_id=customer,
            valid_until=date.today() + timedelta(days=30),
            lines=CENTS,
        )
        qid = quotes.create(draft).ids[0]
        quotes.set_status(qid, "send")
        other = quotes.create(draft).ids[0]
        quote = quotes.get(other).number
        contract = ws.contracts.get(ws.contracts.from_quote(quotes.get(qid).number).ids[0]).number
    finally:
        ws.close(backup_if_changed=False)
    return path, quote, contract


def _logged(path, quote, contract):
    ws = open_workspace(path)
    try:
        quote_log = ws.quotes.print_log(ws.quotes.id_of(quote))
        contract_log = ws.printing.print_log(ws.contracts.get(contract).id)
    finally:
        ws.close(backup_if_changed=False)
    return len(quote_log), len(contract_log)


def test_pdfs_are_written_and_logged_when_the_workspace_is_free(closed, capsys, tmp_path):
    path, quote, contract = closed
    code, out, err = _run(capsys, "quote-pdf", path, quote, tmp_path / "q.pdf", "--json")
    assert (code, err) == (0, "") and json.loads(out)["logged"] is True
    code, out, err = _run(capsys, "contract-pdf", path, contract, tmp_path / "c.pdf", "--json")
    assert (code, err) == (0, "")
    written = json.loads(out)
    assert written["number"] == contract and written["pages"] >= 1 and written["logged"] is True
    assert {"path", "template", "language", "paper", "revision"} <= set(written)
    assert _logged(path, quote, contract) == (1, 1)


def test_pdfs_are_written_while_the_app_has_the_workspace_open(closed, capsys, tmp_path):
    path, quote, contract = closed
    app = open_workspace(path)  # holds the lock, as the app does
    try:
        code, _out, err = _run(capsys, "quote-pdf", path, quote, tmp_path / "q.pdf")
        assert code == 0 and (tmp_path / "q.pdf").stat().st_size > 0
        assert err.strip().splitlines() == [NOT_LOGGED] and "open in the app" in err
        code, _out, err = _run(capsys, "contract-pdf", path, contract, tmp_path / "c.pdf")
        assert code == 0 and (tmp_path / "c.pdf").stat().st_size > 0
        assert err.strip().splitlines() == [NOT_LOGGED]
    finally:
        app.close(backup_if_changed=False)
    assert _logged(path, quote, contract) == (0, 0)


def test_an_unknown_template_lists_the_templates_there_are(closed, capsys, tmp_path):
    path, _quote, contract = closed
    code, out, err = _run(
        capsys, "contract-pdf", path, contract, tmp_path / "c.pdf", "--template", "modern"
    )
    assert code != 0 and out == ""
    assert "There is no template “modern”; use one of contract-" in err
    assert len(err.strip().splitlines()) == 1


def test_contracts_text_has_an_aligned_header(closed, capsys):
    path, _quote, contract = closed
    code, out, _err = _run(capsys, "contracts", path)
    header, row = out.splitlines()
    assert code == 0 and header.split() == [
        "Number", "Quote", "Customer", "Currency", "Total", "Paid", "Outstanding", "Overdue",
    ]  # fmt: skip
    assert row.startswith(contract)
    # Columns as a terminal shows them (a Chinese character takes two): totals line up.
    shown = sum(
        2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in row[: row.index("0.18")]
    )
    assert shown + len("0.18") == header.index("Total") + len("Total")


@pytest.mark.parametrize("command", ["contracts", "quotes"])
def test_list_commands_describe_themselves(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    assert "With --json: a list of objects" in " ".join(out.split())


def test_plans_starting_with_a_minus_and_with_full_width_colons(closed, capsys):
    path, quote, _contract = closed
    code, _out, err = _run(capsys, "contract-from-quote", path, quote, "--plan", "-5:2027-01-01")
    assert code != 0 and "must be more than zero" in err and len(err.splitlines()) == 1
    code, _out, err = _run(capsys, "contract-from-quote", path, quote, "--plan", "1e400:2027-01-01")
    assert code != 0 and "the amount is too large" in err and len(err.splitlines()) == 1
    code, out, err = _run(
        capsys, "contract-from-quote", path, quote, "--plan", "50%：2027-01-01，50%：2027-02-01"
    )
    assert (code, err) == (0, "") and out.strip()


def test_an_empty_quote_number_on_the_command_line(closed, capsys, tmp_path):
    path, _quote, _contract = closed
    code, _out, err = _run(capsys, "quote-pdf", path, " ", tmp_path / "q.pdf")
    assert code != 0 and "give a quote number" in err
    code, _out, err = _run(capsys, "contract-from-quote", path, "")
    assert code != 0 and "give a quote number" in err


def test_an_address_prints_in_its_own_script_whatever_the_document_language():
    from desktop_crm.services.quotes.quote_documents import address_lines
    from desktop_crm.store.models import Address

    latin = Address(street="960 High Street", city="Edinburgh", postcode="EH1 1YZ", country="UK")
    assert (
        address_lines(latin, "zh")
        == address_lines(latin, "en")
        == (
            "960 High Street",
            "Edinburgh EH1 1YZ",
            "UK",
        )
    )
    chinese = Address(street="张江路 88 号", city="上海市", country="中国", postcode="201203")
    assert address_lines(chinese, "en") == ("中国上海市张江路 88 号", "邮编 201203")


def test_a_draft_past_its_valid_until_day_does_not_become_a_contract(workspace):
    from desktop_crm.services.contracts.service import ContractService

    quotes = workspace.quotes
    customer = workspace.people.save_company(company("过期客户"), today=TODAY).ids[0]
    draft = QuoteDraft(
        company_id=customer,
        issued_on=TODAY - timedelta(days=40),
        valid_until=TODAY - timedelta(days=10),
        currency="CNY",
        lines=(LineDraft(description="设计", quantity=D(1), unit_price=D(100)),),
    )
    quote_id = quotes.create(draft).ids[0]
    with pytest.raises(ValidationError, match="extend its valid-until day"):
        ContractService(workspace.store).from_quote(quote_id, today=TODAY)
