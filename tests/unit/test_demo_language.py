"""The demo workspace speaks the chosen language: English names and dollars, or the Chinese set."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from desktop_crm.cli import main
from desktop_crm.services.demo.demo_data import create_demo_workspace
from tests.conftest import TODAY

CJK = re.compile(r"[\u3400-\u9fff]")


def _column(path: Path, sql: str) -> list[str]:
    with sqlite3.connect(path) as db:
        return [str(v) for (v,) in db.execute(sql) if v is not None]


def _texts(path: Path) -> list[str]:
    """Every name, place and word a user reads in the demo."""
    return [
        *_column(path, "SELECT name FROM people"),
        *_column(path, "SELECT title FROM people"),
        *_column(path, "SELECT source FROM people"),
        *_column(path, "SELECT name FROM companies"),
        *_column(path, "SELECT industry FROM companies"),
        *_column(path, "SELECT street FROM addresses"),
        *_column(path, "SELECT city FROM addresses"),
        *_column(path, "SELECT country FROM addresses"),
        *_column(path, "SELECT name FROM tags"),
        *_column(path, "SELECT name FROM products"),
        *_column(path, "SELECT unit FROM products"),
        *_column(path, "SELECT subject FROM activities"),
        *_column(path, "SELECT subject FROM follow_ups"),
        *_column(path, "SELECT title FROM deals"),
        *_column(path, "SELECT title FROM contracts"),
        *_column(path, "SELECT name FROM stages"),
    ]


def test_english_demo_has_no_chinese_and_counts_in_dollars(tmp_path):
    path = tmp_path / "en.crm"
    ws = create_demo_workspace(path, 200, language="en", today=TODAY)
    try:
        summary = ws.today.summary(TODAY)
        info = ws.today.info()
    finally:
        ws.close(backup_if_changed=False)
    texts = _texts(path)
    assert len(texts) > 500 and not [t for t in texts if CJK.search(t)]
    assert (info.people, info.companies) == (200, 20)
    assert summary.currency == "USD" and summary.open_pipeline > 0
    assert set(_column(path, "SELECT currency FROM deals")) == {"USD"}
    assert set(_column(path, "SELECT currency FROM products")) == {"USD"}
    phones = _column(path, "SELECT e164 FROM phones")
    assert all(p.startswith(("+1", "+44")) for p in phones) and any(
        p.startswith("+1") for p in phones
    )


def test_chinese_demo_is_the_chinese_set_and_repeats_with_its_seed(tmp_path):
    names = []
    for n in (1, 2):
        path = tmp_path / f"zh{n}.crm"
        create_demo_workspace(path, 120, language="zh", today=TODAY).close(backup_if_changed=False)
        names.append(_column(path, "SELECT name FROM people ORDER BY number"))
        assert _column(path, "SELECT key FROM settings WHERE key = 'currency.default'") == []
    assert names[0] == names[1]
    assert sum(bool(CJK.search(n)) for n in names[0]) > len(names[0]) / 2
    en = tmp_path / "en.crm"
    create_demo_workspace(en, 120, language="en", today=TODAY).close(backup_if_changed=False)
    again = tmp_path / "en2.crm"
    create_demo_workspace(again, 120, language="en", today=TODAY).close(backup_if_changed=False)
    sql = "SELECT name FROM people ORDER BY number"
    assert _column(en, sql) == _column(again, sql) != names[0]


def test_cli_demo_language(tmp_path, capsys):
    path = tmp_path / "en.crm"
    assert main(["demo", str(path), "--contacts", "30", "--language", "en", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["people"] == 30
    assert not [t for t in _texts(path) if CJK.search(t)]


def test_a_new_demo_greets_with_no_while_you_were_away(tmp_path):
    """Its overdue follow-ups are on Today, but were never news: nothing is due to remind."""
    from datetime import date

    ws = create_demo_workspace(tmp_path / "demo.crm", 60, today=date.today())
    try:
        assert ws.today.lists().overdue.total > 0
        assert ws.reminders.due() == []
    finally:
        ws.close(backup_if_changed=False)
