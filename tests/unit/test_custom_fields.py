"""Custom fields: defined once, values checked by kind, shown on the card, undoable."""

import pytest

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.contacts.custom_fields import normalize_value
from desktop_crm.services.contacts.dto import PersonDraft
from tests.conftest import TODAY


def test_values_are_normalised_by_kind():
    assert normalize_value("number", None, " 1,234.50 ") == "1234.50"
    assert normalize_value("date", None, "2026/03/01") == "2026-03-01"
    assert normalize_value("bool", None, "是") == "yes"
    assert normalize_value("choice", ["微信", "电话"], "微信") == "微信"
    for kind, options, text in (
        ("number", None, "abc"),
        ("date", None, "31/02/2026"),
        ("choice", ["a"], "b"),
        ("bool", None, "maybe"),
    ):
        with pytest.raises(ValueError):
            normalize_value(kind, options, text)


def test_define_fill_show_and_undo(workspace):
    ws = workspace
    ws.custom_fields.define("person", "预算（万元）", "number")
    ws.custom_fields.define("person", "首选联系方式", "choice", ("微信", "电话"))
    with pytest.raises(ValidationError):
        ws.custom_fields.define("person", "预算（万元）", "number")
    with pytest.raises(ValidationError):
        ws.custom_fields.define("person", "Mood", "choice")
    budget, channel = ws.custom_fields.definitions("person")
    assert (budget.label, channel.options) == ("预算（万元）", ("微信", "电话"))
    bad = PersonDraft(name="王芳", custom=((budget.id, "很多"), (channel.id, "微信")))
    problems = ws.people.problems(bad)
    assert [(p.field, p.index) for p in problems] == [("custom", 0)]
    pid = ws.people.save(
        PersonDraft(name="王芳", custom=((budget.id, "12.5"), (channel.id, "微信"))), today=TODAY
    ).ids[0]
    card = ws.cards.card("person", pid)
    assert [(label, value) for _f, label, value in card.custom] == [
        ("预算（万元）", "12.5"),
        ("首选联系方式", "微信"),
    ]
    ws.people.save(PersonDraft(id=pid, name="王芳", custom=((budget.id, ""),)))
    assert [label for _f, label, _v in ws.cards.card("person", pid).custom] == ["首选联系方式"]
    ws.history.undo()
    assert len(ws.cards.card("person", pid).custom) == 2


def test_photo_is_kept_unless_changed(workspace):
    png = b"\x89PNG\r\n\x1a\nfake"
    pid = workspace.people.save(PersonDraft(name="A", photo=png, photo_changed=True)).ids[0]
    workspace.people.save(PersonDraft(id=pid, name="B"))  # photo not part of this edit
    assert workspace.cards.card("person", pid).photo == png
    workspace.people.save(PersonDraft(id=pid, name="B", photo=None, photo_changed=True))
    assert workspace.cards.card("person", pid).photo is None
