"""The store: pragmas, soft deletes and the change log, on real SQLite files."""

import json
import sqlite3
import uuid
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop_crm.domain.operation_labels import LabelCode, OperationLabel, decode, english
from desktop_crm.store.models import Change, Deal, Operation, Person, Phone, Product
from tests import drafts
from tests.conftest import TODAY


def test_connections_use_wal_full_sync_and_foreign_keys(workspace):
    with workspace.store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_new_workspace_has_local_user_and_default_pipeline(workspace):
    with sqlite3.connect(workspace.path) as conn:
        assert conn.execute("SELECT count(*) FROM users").fetchone()[0] == 1
        (local,) = conn.execute("SELECT value FROM local_state WHERE key = 'local_user'").fetchone()
        (user,) = conn.execute("SELECT id FROM users").fetchone()
        stages = [r[0] for r in conn.execute("SELECT kind FROM stages ORDER BY position")]
    assert stages == ["open"] * 4 + ["won", "lost"]
    assert workspace.store.actor_id == json.loads(local) == str(uuid.UUID(bytes=user))


def test_every_create_update_delete_is_logged_under_one_operation(workspace):
    created = workspace.people.save(
        drafts.person(
            "张三", phones=(("mobile", "+86 138-0013-8000"),), emails=(("work", "zs@x.cn"),)
        ),
        today=TODAY,
    )
    person_id = created.ids[0]
    assert created.created == 3 and created.entities == {"people", "phones", "emails"}
    updated = drafts.edit(workspace.people, person_id, title="经理", level="A")
    deleted = workspace.contacts.delete_people([person_id])
    assert deleted.deleted == 3  # the person with their phone and email
    with workspace.store.read() as s:
        rows = s.scalars(
            select(Change).where(Change.entity_id == person_id).order_by(Change.seq)
        ).all()
        assert [r.action for r in rows] == ["create", "update", "delete"]
        assert rows[0].values["name"] == [None, "张三"]
        assert rows[1].values == {"title": [None, "经理"], "level": [None, "A"]}
        assert rows[1].operation_id == updated.operation_id
        assert rows[2].values["deleted_at"][0] is None
        assert all(r.actor_id == workspace.store.actor_id for r in rows)
        op = s.get(Operation, created.operation_id)
        # Stored as a code with arguments; the UI renders it in the user's language.
        assert decode(op.label) == OperationLabel(LabelCode.ADD, {"name": "张三"})
        assert english(op.label) == "Add 张三"
        # the tombstone stays in the file
        person = s.get(Person, person_id)
        assert person is not None and person.deleted_at is not None


def test_reads_filter_tombstones(workspace):
    pid = workspace.people.save(drafts.person("Ann Lee"), today=TODAY).ids[0]
    assert workspace.today.info().people == 1
    workspace.contacts.delete_people([pid])
    assert workspace.today.info().people == 0
    assert workspace.search.global_search("Ann") == []
    from desktop_crm.domain.errors import NotFoundError

    with pytest.raises(NotFoundError):
        workspace.cards.card("person", pid)


def test_hard_deletes_and_changes_outside_a_unit_of_work_are_refused(workspace):
    pid = workspace.people.save(drafts.person("Bob"), today=TODAY).ids[0]
    with (
        pytest.raises(RuntimeError, match="soft-deleted"),
        workspace.store.unit_of_work("bad") as (s, _r),
    ):
        s.delete(s.get(Person, pid))
    from sqlalchemy.orm import Session

    with Session(workspace.store.engine) as s, pytest.raises(RuntimeError, match="unit of work"):
        s.get(Person, pid).name = "Robert"
        s.flush()
    assert workspace.cards.card("person", pid).name == "Bob"


def test_money_is_exact_decimal(workspace):
    with workspace.store.unit_of_work("add product") as (s, _r):
        s.add(Product(name="Logo", price=Decimal("0.1") + Decimal("0.2"), tax_rate=Decimal("6")))
    with workspace.store.read() as s:
        product = s.scalars(select(Product)).one()
        assert product.price == Decimal("0.3")
        assert isinstance(product.price, Decimal)


def test_a_failed_unit_of_work_writes_nothing(workspace):
    before = workspace.history.recent(100)
    with pytest.raises(ZeroDivisionError), workspace.store.unit_of_work("boom") as (s, _r):
        s.add(Person(name="Ghost"))
        s.flush()
        raise ZeroDivisionError
    assert workspace.history.recent(100) == before
    assert workspace.today.info().people == 0


def test_phone_belongs_to_exactly_one_owner(workspace):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), workspace.store.unit_of_work("orphan") as (s, _r):
        s.add(Phone(value="123"))


def test_deal_dates_are_plain_days(workspace):
    with workspace.store.read() as s:
        from desktop_crm.store.models import Pipeline, Stage

        pipeline = s.scalars(select(Pipeline)).one()
        stage = s.scalars(select(Stage).where(Stage.pipeline_id == pipeline.id)).first()
    with workspace.store.unit_of_work("deal") as (s, _r):
        s.add(
            Deal(
                title="Rebrand",
                pipeline_id=pipeline.id,
                stage_id=stage.id,
                amount=Decimal("12345.67"),
                expected_close=date(2027, 1, 31),
            )
        )
    with workspace.store.read() as s:
        deal = s.scalars(select(Deal)).one()
        assert deal.expected_close == date(2027, 1, 31)
        assert deal.created_at.tzinfo is not None
        assert deal.amount == Decimal("12345.67")


def test_a_full_disk_is_a_clear_error_and_loses_nothing(workspace):
    from desktop_crm.domain.errors import StorageError

    workspace.people.save(drafts.person("Kept"), today=TODAY)
    with workspace.store.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    # Cap the file at its current size, as a full disk would.
    with workspace.store.engine.connect() as conn:
        conn.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
        conn.commit()
    big = "x" * 200_000
    with (
        pytest.raises(StorageError, match="could not be written") as info,
        workspace.store.unit_of_work("too big") as (s, _r),
    ):
        s.add(Person(name="Huge", notes=big))
    assert "full" in info.value.params["detail"]
    assert [p.name for p in _names(workspace)] == ["Kept"]


def _names(workspace):
    with workspace.store.read() as s:
        return list(s.scalars(select(Person)))
