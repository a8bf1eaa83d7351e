"""Team sync against a real PostgreSQL hub: merges, conflicts, deletes (issue 14, tests 1–3)."""

from __future__ import annotations

import pytest

from desktop_crm.store.models import Person
from tests.hub_fixtures import canonical, first_laptop, hub, joining_laptop, pg  # noqa: F401


@pytest.fixture
def pair(hub, tmp_path):  # noqa: F811
    a = first_laptop(hub, tmp_path, "alice")
    pid = a.add_person("王小明", title="经理")
    a.sync()
    b = joining_laptop(hub, tmp_path, "bob")
    yield a, b, pid
    a.close()
    b.close()


def test_the_second_laptop_downloads_the_first_ones_workspace(pair):
    a, b, pid = pair
    assert b.get(Person, pid).name == "王小明"
    b.sync()  # bob's user record, made on his laptop at join
    a.sync()
    assert canonical(a) == canonical(b)


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_disjoint_offline_edits_merge_in_either_order(pair, order):
    a, b, pid = pair
    a.edit(Person, pid, title="总经理")
    b.edit(Person, pid, notes="喜欢喝茶")
    first, second = (a, b) if order == "ab" else (b, a)
    first.sync()
    second.sync()
    first.sync()
    for laptop in (a, b):
        person = laptop.get(Person, pid)
        assert (person.title, person.notes) == ("总经理", "喜欢喝茶")
    assert canonical(a) == canonical(b)
