"""Unique keys hold among live rows only: a tombstone never blocks its key.

Names, codes and numbers freed by an undo can be used again (a new row is made; the tombstone is
not revived), and an undo or redo that would bring a tombstone back while a live row holds its
key again is refused with a clear message, changing nothing.
"""

import sqlite3
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Boolean, Date, Index, Integer, LargeBinary, String, Table, Text, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.schema import CreateIndex
from sqlalchemy.sql.functions import Function
from sqlalchemy.types import JSON

from desktop_crm.domain.errors import KeyTakenError, UndoConflictError
from desktop_crm.domain.ids import new_id
from desktop_crm.services.contacts.dto import PersonDraft
from desktop_crm.services.workspace.handle import create_workspace, open_workspace
from desktop_crm.store import backup, schema
from desktop_crm.store.models import TRACKED_MODELS, Base, Tag
from desktop_crm.store.types import ExactDecimal, UtcDateTime, id_bytes, utc_now
from tests import drafts
from tests.conftest import TODAY


def _vcard(path: Path, name: str, categories: str) -> Path:
    path.write_text(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nN:;{name};;;\r\n"
        f"CATEGORIES:{categories}\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    return path


def _dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (search documents aside), to show that nothing changed."""
    with sqlite3.connect(path) as db:
        tables = [
            t
            for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not t.startswith("search_")
        ]
        return {t: sorted(db.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}


def _rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as db:
        return db.execute(sql).fetchall()


# --- the schema ---------------------------------------------------------------------------------


def _unique_indexes() -> list[tuple[Table, Index]]:
    return [
        (table, index)
        for table in Base.metadata.sorted_tables
        for index in sorted(table.indexes, key=lambda ix: str(ix.name))
        if index.unique
    ]


def test_tracked_tables_have_no_unique_key_counting_tombstones():
    for name, model in TRACKED_MODELS.items():
        table = model.__table__
        constraints = [c for c in table.constraints if type(c).__name__ == "UniqueConstraint"]
        assert constraints == [], f"{name}: a UNIQUE constraint counts tombstones"
        assert not any(c.unique for c in table.columns), f"{name}: unique=True counts tombstones"
        for index in table.indexes:
            if index.unique:
                for dialect in ("sqlite", "postgresql"):
                    where = index.dialect_options[dialect]["where"]
                    assert str(where) == "deleted_at IS NULL", (index.name, dialect)


def test_the_file_holds_exactly_the_models_unique_indexes(workspace):
    """Alembic's comparison cannot see expression indexes on SQLite: compare their SQL here."""
    with sqlite3.connect(workspace.path) as db:
        found = {
            name: sql
            for name, sql in db.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql LIKE "
                "'CREATE UNIQUE INDEX%'"
            )
        }
    dialect = workspace.store.engine.dialect
    wanted = {
        str(index.name): str(CreateIndex(index).compile(dialect=dialect)).strip()
        for _table, index in _unique_indexes()
    }
    assert found == wanted


def _value(column: Any, key: str) -> Any:
    kind = column.type
    if isinstance(kind, UtcDateTime):
        return utc_now()
    if isinstance(kind, ExactDecimal):
        return Decimal(0)
    if isinstance(kind, Date):
        return date(2026, 1, 1)
    if isinstance(kind, JSON):
        return {"v": 1}
    if isinstance(kind, Boolean):
        return False
    if isinstance(kind, Integer):
        return 0
    if isinstance(kind, LargeBinary):
        return b""
    if isinstance(kind, String | Text):
        return key[: kind.length] if getattr(kind, "length", None) else key
    raise AssertionError(f"no sample value for {column}")


def _insert(conn: Any, table: Table, key: dict[str, Any] | None = None) -> str:
    """Insert a valid row of ``table`` (parents made as needed) with ``key``; its id."""
    key = key or {}
    row: dict[str, Any] = {"id": new_id()}
    for column in table.columns:
        if column.key in key:
            row[column.key] = key[column.key]
        elif column.key in row or column.nullable:
            continue
        elif column.foreign_keys:
            parent = next(iter(column.foreign_keys)).column.table
            row[column.key] = _insert(conn, parent)
        else:
            row[column.key] = _value(column, f"{table.name}-{new_id()[-8:]}")
    conn.execute(table.insert().values(**row))
    return row["id"]


def _key_of(conn: Any, table: Table, index: Index) -> dict[str, Any]:
    """A key for ``index``: parents made for foreign keys, text for the rest."""
    key = {}
    for column in index.columns:
        if column.foreign_keys:
            key[column.key] = _insert(conn, next(iter(column.foreign_keys)).column.table)
        else:
            key[column.key] = _value(column, "Key-1")
    return key


@pytest.mark.parametrize(
    "table_name,index_name",
    [(t.name, str(i.name)) for t, i in _unique_indexes() if "deleted_at" in t.c],
)
def test_every_unique_key_is_free_once_tombstoned_and_held_while_live(
    workspace, table_name, index_name
):
    """Walks every unique index of the schema, so a key added later is covered as well."""
    table = Base.metadata.tables[table_name]
    index = next(ix for ix in table.indexes if ix.name == index_name)
    with workspace.store.engine.begin() as conn:
        key = _key_of(conn, table, index)
        first = _insert(conn, table, key)
        conn.execute(table.update().where(table.c.id == first).values(deleted_at=utc_now()))
        second = _insert(conn, table, key)  # the tombstone does not hold the key
    with pytest.raises(IntegrityError), workspace.store.engine.begin() as conn:
        _insert(conn, table, key)  # two live rows may not share it
    if any(isinstance(e, Function) for e in index.expressions):  # lower(...): case ignored
        other_case = {k: v.swapcase() if isinstance(v, str) else v for k, v in key.items()}
        with pytest.raises(IntegrityError), workspace.store.engine.begin() as conn:
            _insert(conn, table, other_case)
    live = _rows(workspace.path, f"SELECT id FROM {table_name} WHERE deleted_at IS NULL")
    assert (id_bytes(second),) in live and (id_bytes(first),) not in live


# --- the user's scenarios -----------------------------------------------------------------------


def test_vcard_with_a_category_imports_again_after_undo(workspace, tmp_path):
    ws = workspace
    card = _vcard(tmp_path / "ann.vcf", "Ann Lee", "VIP")
    first = ws.imports.import_file(card, today=TODAY)
    ws.history.undo()
    again = ws.imports.import_file(card, today=TODAY)
    assert (first.created, again.created, again.failed) == (1, 1, 0)
    [hit] = ws.search.contacts("Ann Lee")
    assert ws.cards.card("person", hit.id).tags == ("VIP",)
    # A new tag row: the tombstone keeps its own history and is not revived.
    assert sorted(_rows(ws.path, "SELECT name, deleted_at IS NULL FROM tags")) == [
        ("VIP", 0),
        ("VIP", 1),
    ]


def test_a_category_twice_in_other_case_tags_a_contact_once(workspace, tmp_path):
    ws = workspace
    report = ws.imports.import_file(_vcard(tmp_path / "a.vcf", "Ann Lee", "VIP,vip,Über,über"))
    assert report.created == 1
    [hit] = ws.search.contacts("Ann Lee")
    assert ws.cards.card("person", hit.id).tags == ("VIP", "Über")


def test_tags_match_ignoring_case_beyond_ascii(workspace):
    """SQLite's lower() folds ASCII only; "Über" must still find "über"."""
    ws = workspace
    pid = ws.people.save(drafts.person("Ann")).ids[0]
    ws.contacts.add_tag("person", [pid], "Über")
    ws.contacts.add_tag("person", [pid], "über")
    ws.contacts.add_tag("person", [pid], "ÜBER")
    assert ws.cards.card("person", pid).tags == ("Über",)
    assert _rows(ws.path, "SELECT count(*) FROM tags") == [(1,)]


def test_tagging_a_person_after_the_tag_was_undone(workspace, tmp_path):
    ws = workspace
    ws.imports.import_file(_vcard(tmp_path / "a.vcf", "Ann Lee", "VIP"), today=TODAY)
    ws.history.undo()
    pid = ws.people.save(drafts.person("Bo Chen")).ids[0]
    ws.contacts.add_tag("person", [pid], "vip")
    assert ws.cards.card("person", pid).tags == ("vip",)
    ws.people.save(PersonDraft(id=pid, name="Bo Chen", tags=("vip", "Gold")))
    assert ws.cards.card("person", pid).tags == ("Gold", "vip")


def test_products_import_again_after_undo(workspace, tmp_path):
    ws = workspace
    sheet = tmp_path / "products.csv"
    sheet.write_text("编码,名称,单价\nA-1,镜头,100\nB-2,三脚架,50\n", encoding="utf-8")
    first = ws.imports.import_file(sheet, entity="products", today=TODAY)
    ws.history.undo()
    again = ws.imports.import_file(sheet, entity="products", today=TODAY)
    assert (first.created, first.failed) == (again.created, again.failed) == (2, 0)
    # Codes stay unique among live products, ignoring case.
    clash = tmp_path / "clash.csv"
    clash.write_text("编码,名称\na-1,别的\n", encoding="utf-8")
    report = ws.imports.import_file(clash, entity="products", duplicates="create")
    assert report.created == 0 and "already used" in report.problems[0]
    live = "SELECT sku FROM products WHERE deleted_at IS NULL ORDER BY sku"
    assert _rows(ws.path, live) == [("A-1",), ("B-2",)]
    with pytest.raises(KeyTakenError, match="product code “A-1” is used again since"):
        ws.history.redo(first.operation_id)
    assert _rows(ws.path, live) == [("A-1",), ("B-2",)]


def test_custom_field_defined_again_after_undo(workspace, tmp_path):
    ws = workspace
    defined = ws.custom_fields.define("person", "Budget", "number")
    ws.history.undo()
    assert ws.custom_fields.definitions("person") == []
    ws.custom_fields.define("person", "Budget", "number")
    [field] = ws.custom_fields.definitions("person")
    assert field.label == "Budget"
    with pytest.raises(KeyTakenError, match="custom field “Budget” exists again since"):
        ws.history.redo(defined.operation_id)
    assert len(ws.custom_fields.definitions("person")) == 1
    # An import's custom column makes its field again under the same key after an undo.
    sheet = tmp_path / "people.csv"
    sheet.write_text("姓名,Mood\n王芳,good\n", encoding="utf-8")
    mapping = {0: "name", 1: "custom:Mood"}
    ws.imports.import_file(sheet, mapping=mapping, today=TODAY)
    ws.history.undo()
    ws.imports.import_file(sheet, mapping=mapping, today=TODAY)
    assert _rows(
        ws.path, "SELECT key, deleted_at IS NULL FROM custom_field_defs WHERE label = 'Mood'"
    ) == [
        ("mood", 0),
        ("mood", 1),
    ]


def test_redo_after_the_key_was_taken_again_is_refused_and_changes_nothing(workspace, tmp_path):
    ws = workspace
    first = ws.imports.import_file(_vcard(tmp_path / "a.vcf", "Ann Lee", "VIP"), today=TODAY)
    ws.history.undo()
    second = ws.imports.import_file(_vcard(tmp_path / "b.vcf", "Bo Chen", "vip"), today=TODAY)
    before = _dump(ws.path)
    with pytest.raises(KeyTakenError) as caught:
        ws.history.redo(first.operation_id)
    error = caught.value
    assert isinstance(error, UndoConflictError) and error.code == "history.key_taken"
    assert error.message == (
        "Cannot redo “Import a.vcf”: tag “vip” exists again since. "
        "Undo or change that first; nothing was changed."
    )
    assert error.params["entity"] == "tags"
    assert _dump(ws.path) == before
    # Undoing what took the key lets the redo through.
    ws.history.undo(second.operation_id)
    ws.history.redo(first.operation_id)
    [hit] = ws.search.contacts("Ann Lee")
    assert ws.cards.card("person", hit.id).tags == ("VIP",)
    assert ws.search.contacts("Bo Chen") == []


def test_redo_of_a_tag_added_again_since_is_refused(workspace):
    """An operation logged row by row (not in bulk) is checked the same way."""
    ws = workspace
    pid = ws.people.save(drafts.person("Ann")).ids[0]
    tagged = ws.contacts.add_tag("person", [pid], "VIP")
    ws.history.undo()
    ws.contacts.add_tag("person", [pid], "VIP")
    before = _dump(ws.path)
    with pytest.raises(KeyTakenError, match="tag “VIP” exists again since"):
        ws.history.redo(tagged.operation_id)
    assert _dump(ws.path) == before


def test_undo_of_a_removal_after_the_same_tag_was_put_back_is_refused(workspace):
    """Undoing a delete brings a tombstone back: refused while a live row holds its key."""
    ws = workspace
    pid = ws.people.save(PersonDraft(name="Ann", tags=("VIP",)), today=TODAY).ids[0]
    removed = ws.people.save(PersonDraft(id=pid, name="Ann", tags=()))
    ws.contacts.add_tag("person", [pid], "VIP")
    before = _dump(ws.path)
    with pytest.raises(KeyTakenError) as caught:
        ws.history.undo(removed.operation_id)
    assert "tag “VIP” is on “Ann” again since" in caught.value.message
    assert _dump(ws.path) == before
    assert ws.cards.card("person", pid).tags == ("VIP",)


def test_a_clash_the_check_misses_is_still_a_refusal(workspace, tmp_path, monkeypatch):
    """The database's unique index is the last word: its refusal reads like the check's."""
    from desktop_crm.store import undo

    ws = workspace
    first = ws.imports.import_file(_vcard(tmp_path / "a.vcf", "Ann Lee", "VIP"), today=TODAY)
    ws.history.undo()
    ws.imports.import_file(_vcard(tmp_path / "b.vcf", "Bo Chen", "VIP"), today=TODAY)
    before = _dump(ws.path)
    monkeypatch.setattr(undo, "_refuse_taken_keys", lambda *_a, **_k: None)
    with pytest.raises(KeyTakenError, match=r"Cannot redo “Import a\.vcf”: a name or code"):
        ws.history.redo(first.operation_id)
    assert _dump(ws.path) == before


def test_undo_that_frees_and_takes_the_same_key_goes_through(workspace):
    """Rows an undo tombstones make way for the rows it brings back in the same step."""
    ws = workspace
    pid = ws.people.save(PersonDraft(name="Ann", tags=("VIP",)), today=TODAY).ids[0]
    with ws.store.unit_of_work("Swap the tag row") as (session, _rec):
        old = session.scalars(select(Tag).where(func.lower(Tag.name) == "vip")).one()
        old.deleted_at = utc_now()
        session.flush()
        session.add(Tag(name="VIP", color="#ff0000"))
    ws.history.undo()  # the new tag goes, the old one comes back
    assert _rows(ws.path, "SELECT color FROM tags WHERE deleted_at IS NULL") == [(None,)]
    ws.history.redo()
    assert _rows(ws.path, "SELECT color FROM tags WHERE deleted_at IS NULL") == [("#ff0000",)]
    assert ws.cards.card("person", pid).tags == ()  # Ann's tagging is of the old tag


def test_a_setting_changed_again_after_its_undo_keeps_one_row(workspace):
    ws = workspace
    ws.settings.update({"currency.default": "USD"})
    ws.history.undo()
    ws.settings.update({"currency.default": "EUR"})
    assert ws.settings.get("currency.default") == "EUR"
    assert _rows(ws.path, "SELECT count(*) FROM settings WHERE key = 'currency.default'") == [(1,)]


# --- the upgrade from schema 3 ------------------------------------------------------------------


def _structure(path: Path) -> dict[str, Any]:
    with sqlite3.connect(path) as db:
        tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            "indexes": {
                n: s
                for n, s in db.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                )
            },
            "foreign_keys": {
                # (table, from, to, on update, on delete, match): a copied table may list
                # its keys in another order, under other ids
                t: sorted(r[2:] for r in db.execute(f"PRAGMA foreign_key_list('{t}')"))
                for t in tables
            },
            "columns": {t: db.execute(f"PRAGMA table_info('{t}')").fetchall() for t in tables},
        }


def test_schema_3_workspace_upgrades_keeping_rows_indexes_and_foreign_keys(ws_path, tmp_path):
    ws = create_workspace(ws_path)
    ws.imports.import_file(_vcard(tmp_path / "a.vcf", "Ann Lee", "VIP,Gold"), today=TODAY)
    products = tmp_path / "products.csv"
    products.write_text("编码,名称\nA-1,镜头\n", encoding="utf-8")
    ws.imports.import_file(products, entity="products", today=TODAY)
    ws.custom_fields.define("person", "Budget", "number")
    ws.history.undo()  # a tombstone the upgrade keeps as it is
    ws.close(backup_if_changed=False)
    current = _structure(ws_path)

    schema.downgrade(ws_path, "0003")
    assert schema.read_header(ws_path).user_version == 3
    with sqlite3.connect(ws_path) as db:
        assert (
            "uq_tags_name UNIQUE"
            in db.execute("SELECT sql FROM sqlite_master WHERE name = 'tags'").fetchone()[0]
        )
        # What schema 3 allowed and the new keys refuse: tags named alike ignoring case,
        # a tag twice on one person, product codes alike ignoring case.
        (ann,) = db.execute("SELECT id FROM people").fetchone()
        (vip,) = db.execute("SELECT id FROM tags WHERE name = 'VIP'").fetchone()
        stamp = "2099-01-01T00:00:00.000000Z"  # newer than the rest
        db.execute(
            "INSERT INTO tags (id, name, created_at, updated_at) VALUES (?, 'vip', ?, ?)",
            ("t-vip", stamp, stamp),
        )
        for tagging_id, tag_id in (("g-dup", vip), ("g-moved", "t-vip")):
            db.execute(
                "INSERT INTO taggings (id, tag_id, person_id, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (tagging_id, tag_id, ann, stamp, stamp),
            )
        db.execute(
            "INSERT INTO products (id, sku, name, price, currency, tax_rate, active, "
            "created_at, updated_at) VALUES ('p-2', 'a-1', 'copy', 0, 'CNY', 0, 1, ?, ?)",
            (stamp, stamp),
        )
    before = _dump(ws_path)

    ws = open_workspace(ws_path)  # upgrades
    try:
        assert schema.read_header(ws_path).user_version == schema.SCHEMA_VERSION
        reasons = [b.reason for b in backup.list_backups(ws_path)]
        assert reasons.count("pre-migration") == 1
        assert _structure(ws_path) == current  # same columns, indexes and foreign keys
        assert schema.integrity_check(ws_path) == "ok"  # foreign keys included
        after = _dump(ws_path)
        # local_state aside: per-machine bookkeeping (the search index's version among it).
        assert {t: len(after[t]) for t in before if t != "local_state"} == {
            t: len(rows) + (1 if t == "operations" else 0) + (5 if t == "change_log" else 0)
            for t, rows in before.items()
            if t != "local_state"
        }
        # The rows the new keys refused were settled and logged as one system operation.
        live_tags = "SELECT name FROM tags WHERE deleted_at IS NULL ORDER BY name"
        assert _rows(ws_path, live_tags) == [("Gold",), ("VIP",)]
        assert _rows(
            ws_path,
            "SELECT t.name, count(*) FROM taggings g JOIN tags t ON t.id = g.tag_id "
            "WHERE g.deleted_at IS NULL GROUP BY t.name ORDER BY t.name",
        ) == [("Gold", 1), ("VIP", 1)]
        assert _rows(ws_path, "SELECT sku FROM products ORDER BY sku") == [("A-1",), ("a-1 (2)",)]
        [upgrade] = [op for op in ws.history.recent() if op.label.startswith("Upgrade:")]
        assert (upgrade.kind, upgrade.changes) == ("system", 5)
        # The upgraded file takes names back after an undo, like a new one.
        card = _vcard(tmp_path / "b.vcf", "Bo Chen", "Gold,VIP")
        ws.imports.import_file(card, today=TODAY)
        ws.history.undo()
        ws.imports.import_file(card, today=TODAY)
        [hit] = ws.search.contacts("Bo Chen")
        assert ws.cards.card("person", hit.id).tags == ("Gold", "VIP")
        assert [h.title for h in ws.search.contacts("Ann Lee")] == ["Ann Lee"]
    finally:
        ws.close(backup_if_changed=False)
