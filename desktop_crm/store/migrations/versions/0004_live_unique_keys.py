"""unique keys among live rows only: partial unique indexes WHERE deleted_at IS NULL

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

Tag names, product codes, custom field keys, numbers and setting keys were UNIQUE over every
row, tombstones included: undoing an import and importing the same file again failed on its tag
names. They become unique indexes over live rows only (tag names and product codes ignoring
case, as the app compares them), and a tag is on a record at most once among live taggings.

SQLite cannot drop a table's UNIQUE constraint, so batch mode copies each of those tables
(columns, data, foreign keys and other indexes carry over; ``schema.upgrade`` runs migrations
with foreign keys off, as replacing a table that others point to requires) and a foreign key
check runs before the commit. The app takes a verified backup before any upgrade.

Live rows the new keys would refuse can only come from rare paths (a card listing the same tag
twice in different case; a redo bringing back a tag a newer one is named like). They are settled
first, as one logged ``system`` operation: tags named alike ignoring case are merged into the
oldest, a tag repeated on a record keeps its oldest tagging, and a product code repeated
ignoring case gets a " (2)" suffix on the newer product.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from alembic import op

from desktop_crm.domain.ids import new_id
from desktop_crm.store.types import iso_text, utc_now

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# table -> (constraint name, its columns); each becomes a partial unique index of that name.
UNIQUE_KEYS: dict[str, tuple[str, tuple[str, ...]]] = {
    'companies': ('uq_companies_number', ('number',)),
    'people': ('uq_people_number', ('number',)),
    'deals': ('uq_deals_number', ('number',)),
    'quotes': ('uq_quotes_number', ('number',)),
    'contracts': ('uq_contracts_number', ('number',)),
    'products': ('uq_products_sku', ('sku',)),
    'tags': ('uq_tags_name', ('name',)),
    'custom_field_defs': ('uq_custom_field_defs_entity', ('entity', 'key')),
    'settings': ('uq_settings_key', ('key',)),
}
CASE_INSENSITIVE = {'products': 'sku', 'tags': 'name'}
TAGGING_KEYS = {'uq_taggings_tag_person': 'person_id', 'uq_taggings_tag_company': 'company_id'}
LIVE = sa.text('deleted_at IS NULL')


def upgrade() -> None:
    bind = op.get_bind()
    for table, (name, columns) in UNIQUE_KEYS.items():
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_constraint(name, type_='unique')
    _settle_repeated_keys(bind)
    for table, (name, columns) in UNIQUE_KEYS.items():
        keys: list[Any] = (
            [sa.text(f'lower({CASE_INSENSITIVE[table]})')]
            if table in CASE_INSENSITIVE
            else list(columns)
        )
        _create_live_unique(name, table, keys)
    for name, owner in TAGGING_KEYS.items():
        _create_live_unique(name, 'taggings', ['tag_id', owner])
    if bind.dialect.name == 'sqlite':
        broken = bind.exec_driver_sql('PRAGMA foreign_key_check').fetchall()
        if broken:  # raising rolls the whole upgrade back; the file stays as it was
            raise RuntimeError(f'{len(broken)} rows lost their records (table {broken[0][0]})')
    op.execute("PRAGMA user_version = 4")


def downgrade() -> None:
    """Back to UNIQUE over every row; fails if tombstones repeat a key (they may since 0004)."""
    for name in TAGGING_KEYS:
        op.drop_index(name, table_name='taggings')
    for table, (name, columns) in UNIQUE_KEYS.items():
        op.drop_index(name, table_name=table)
        with op.batch_alter_table(table) as batch_op:
            batch_op.create_unique_constraint(name, list(columns))
    op.execute("PRAGMA user_version = 3")


def _create_live_unique(name: str, table: str, keys: list[Any]) -> None:
    op.create_index(name, table, keys, unique=True, sqlite_where=LIVE, postgresql_where=LIVE)


class _Log:
    """Changes this migration makes to user rows, written to the change log as one operation."""

    def __init__(self, bind: sa.Connection) -> None:
        self.bind = bind
        self.at = iso_text(utc_now())  # schema 4 keeps moments as text
        self.rows: list[dict[str, Any]] = []

    def update(self, table: str, row_id: str, values: dict[str, list[Any]]) -> None:
        sets = ', '.join(f'{column} = :{column}' for column in values)
        self.bind.execute(
            sa.text(f'UPDATE {table} SET {sets}, updated_at = :at WHERE id = :id'),
            {**{c: pair[1] for c, pair in values.items()}, 'at': self.at, 'id': row_id},
        )
        action = 'delete' if 'deleted_at' in values else 'update'
        self.rows.append(
            {
                'id': new_id(),
                'entity': table,
                'entity_id': row_id,
                'action': action,
                'values': json.dumps(values, ensure_ascii=False),
            }
        )

    def tombstone(self, table: str, row_id: str) -> None:
        self.update(table, row_id, {'deleted_at': [None, self.at]})

    def write(self) -> None:
        if not self.rows:
            return
        operation_id = new_id()
        actor = self.bind.execute(
            sa.text('SELECT id FROM users WHERE is_local ORDER BY created_at LIMIT 1')
        ).scalar()
        self.bind.execute(
            sa.text(
                'INSERT INTO operations (id, label, kind, at, actor_id) '
                'VALUES (:id, :label, :kind, :at, :actor)'
            ),
            {
                'id': operation_id,
                'label': 'Upgrade: repeated tags and product codes made unique',
                'kind': 'system',
                'at': self.at,
                'actor': actor,
            },
        )
        self.bind.execute(
            sa.text(
                'INSERT INTO change_log (id, operation_id, entity, entity_id, action, "values", '
                'at, actor_id) VALUES (:id, :op, :entity, :entity_id, :action, :values, :at, '
                ':actor)'
            ),
            [{**row, 'op': operation_id, 'at': self.at, 'actor': actor} for row in self.rows],
        )


def _settle_repeated_keys(bind: sa.Connection) -> None:
    """Make live rows unique under the new keys (see the module docstring), logged."""
    log = _Log(bind)
    merged_tags = _merge_tags(bind, log)
    for owner in TAGGING_KEYS.values():
        for group in _repeats(bind, 'taggings', f'tag_id, {owner}', f'{owner} IS NOT NULL'):
            for tagging_id in group[1:]:
                log.tombstone('taggings', tagging_id)
    _suffix_product_codes(bind, log)
    log.write()
    if merged_tags:  # tag names live in the search documents: rebuild them on open
        bind.execute(sa.text("DELETE FROM local_state WHERE key = 'search.index_version'"))


def _repeats(bind: sa.Connection, table: str, key: str, where: str = '1 = 1') -> Iterable[list[str]]:
    """Ids of live rows repeating ``key``, oldest first, one list per repeated key."""
    groups: dict[tuple[Any, ...], list[str]] = {}
    rows = bind.execute(
        sa.text(
            f'SELECT id, {key} FROM {table} WHERE deleted_at IS NULL AND {where} '
            'ORDER BY created_at, id'
        )
    )
    for row in rows:
        groups.setdefault(tuple(row[1:]), []).append(row[0])
    return [ids for ids in groups.values() if len(ids) > 1]


def _merge_tags(bind: sa.Connection, log: _Log) -> bool:
    """Move the taggings of tags named like an older one onto it, tombstone the newer tags."""
    groups = list(_repeats(bind, 'tags', 'lower(name)'))
    for keep, *others in groups:
        for other in others:
            taggings = bind.execute(
                sa.text('SELECT id FROM taggings WHERE tag_id = :tag AND deleted_at IS NULL'),
                {'tag': other},
            ).scalars()
            for tagging_id in list(taggings):
                log.update('taggings', tagging_id, {'tag_id': [other, keep]})
            log.tombstone('tags', other)
    return bool(groups)


def _suffix_product_codes(bind: sa.Connection, log: _Log) -> None:
    """Give newer products repeating a code (ignoring case) the code with " (2)", " (3)"..."""
    groups = list(_repeats(bind, 'products', 'lower(sku)', 'sku IS NOT NULL'))
    if not groups:
        return
    used = {
        code.lower()
        for code in bind.execute(
            sa.text('SELECT sku FROM products WHERE deleted_at IS NULL AND sku IS NOT NULL')
        ).scalars()
    }
    for _keep, *others in groups:
        for product_id in others:
            code = bind.execute(
                sa.text('SELECT sku FROM products WHERE id = :id'), {'id': product_id}
            ).scalar_one()
            n = 2
            while f'{code} ({n})'.lower() in used:
                n += 1
            used.add(f'{code} ({n})'.lower())
            log.update('products', product_id, {'sku': [code, f'{code} ({n})']})
