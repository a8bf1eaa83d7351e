"""Demo data, Today figures, numbering and global search over real workspaces."""

import sqlite3
from datetime import date, timedelta

import pytest

from desktop_crm.domain.errors import NotFoundError, ValidationError
from desktop_crm.services.settings.numbering import allocate_number
from desktop_crm.services.workspace.handle import open_workspace
from tests import drafts
from tests.conftest import TODAY


@pytest.fixture
def demo(demo_path):
    ws = open_workspace(demo_path)
    yield ws
    ws.close(backup_if_changed=False)


def test_demo_is_bilingual_and_covers_every_screen(demo):
    info = demo.today.info()
    assert info.people == 120 and info.companies == 12 and info.open_deals > 0
    assert info.products == 8 and info.quotes == 3
    with sqlite3.connect(demo.path) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM people")]
        stages = {
            r[0]
            for r in conn.execute("SELECT s.kind FROM deals d JOIN stages s ON s.id = d.stage_id")
        }
        contracts = conn.execute("SELECT count(*) FROM contracts").fetchone()[0]
        lines = conn.execute("SELECT count(*) FROM quote_lines").fetchone()[0]
    assert any("\u4e00" <= n[0] <= "\u9fff" for n in names)
    assert any(n.isascii() for n in names)
    assert {"open", "won", "lost"} <= stages
    assert contracts == 1 and lines == 9


def test_today_summary_has_due_and_overdue_follow_ups(demo):
    summary = demo.today.summary(TODAY)
    assert summary.overdue > 0 and summary.due_today > 0 and summary.upcoming > 0
    assert [i.due_on for i in summary.items] == sorted(i.due_on for i in summary.items)
    assert all(i.overdue == (i.due_on < TODAY) for i in summary.items)
    assert all(i.due_on <= TODAY + timedelta(days=7) for i in summary.items)
    assert summary.open_pipeline > 0
    assert summary.stale_days == 30


def test_global_search_finds_people_companies_deals_and_quotes(demo):
    with sqlite3.connect(demo.path) as conn:
        person = conn.execute(
            "SELECT name FROM people WHERE name GLOB '[^A-Za-z]*' LIMIT 1"
        ).fetchone()[0]
        quote = conn.execute("SELECT number FROM quotes LIMIT 1").fetchone()[0]
        company = conn.execute("SELECT name FROM companies LIMIT 1").fetchone()[0]
    assert any(h.kind == "person" and h.title == person for h in demo.search.global_search(person))
    assert demo.search.global_search(quote)[0].title == quote
    assert any(h.kind == "company" for h in demo.search.global_search(company[:4]))
    assert demo.search.global_search("%") == []  # LIKE wildcards are literal
    assert demo.search.global_search("  ") == []


def test_numbers_are_unique_sequential_and_gap_free_after_a_failure(workspace):
    first = workspace.people.save(drafts.person("A"), today=TODAY)
    with pytest.raises(NotFoundError):
        workspace.people.save(drafts.person("B", company_id="no-such-company"), today=TODAY)
    with pytest.raises(RuntimeError), workspace.store.unit_of_work("fails late") as (s, _r):
        assert allocate_number(s, "customer", TODAY) == "C-00002"
        raise RuntimeError("disk full")  # the transaction and its number roll back together
    second = workspace.people.save(drafts.person("C"), today=TODAY)
    numbers = [workspace.cards.card("person", r.ids[0]).number for r in (first, second)]
    assert numbers == ["C-00001", "C-00002"]


def test_quote_numbers_follow_the_configured_pattern_and_reset_each_year(workspace):
    workspace.settings.update({"numbering.quote": "Q-{yyyy}-{seq:04}"})
    with workspace.store.unit_of_work("numbers") as (s, _r):
        got = [allocate_number(s, "quote", date(2026, 12, 31)) for _ in range(3)]
        got.append(allocate_number(s, "quote", date(2027, 1, 1)))
    assert got == ["Q-2026-0001", "Q-2026-0002", "Q-2026-0003", "Q-2027-0001"]
    assert workspace.numbers.preview("quote", date(2026, 6, 1)) == "Q-2026-0004"


def test_settings_are_validated(workspace):
    with pytest.raises(ValidationError):
        workspace.settings.update({"numbering.quote": "no sequence"})
    with pytest.raises(ValidationError):
        workspace.settings.update({"backup.keep_recent": -1})
    with pytest.raises(ValidationError):
        workspace.settings.update({"no.such.key": 1})
    assert workspace.settings.all()["backup.keep_recent"] == 10


def test_person_validation(workspace):
    with pytest.raises(ValidationError):
        workspace.people.save(drafts.person("   "))
    with pytest.raises(ValidationError):
        workspace.people.save(drafts.person("X", status="vip"))
    pid = workspace.people.save(drafts.person("X")).ids[0]
    with pytest.raises(ValidationError):
        drafts.edit(workspace.people, pid, level="Z")
