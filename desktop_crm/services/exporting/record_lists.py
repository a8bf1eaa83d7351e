"""Lists of deals, quotes, activities and products as rows of plain values, for export."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.quote_lifecycle import status_on
from desktop_crm.domain.vocab import QuoteStatus
from desktop_crm.services.exporting.cell_values import export_values
from desktop_crm.services.quotes.list_queries import status_condition
from desktop_crm.services.quotes.pricing import price_quotes
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.store.models import (
    Activity,
    Company,
    Deal,
    Person,
    Product,
    Quote,
    Stage,
    User,
)

# entity -> column key -> header
LISTS: dict[str, dict[str, str]] = {
    "deals": {
        "number": "No.",
        "title": "Deal",
        "company": "Company",
        "contact": "Contact",
        "stage": "Stage",
        "status": "Status",
        "amount": "Amount",
        "currency": "Currency",
        "expected_close": "Expected close",
        "closed_on": "Closed on",
        "owner": "Owner",
        "created_at": "Created",
    },
    "quotes": {
        "number": "No.",
        "issued_on": "Issued",
        "valid_until": "Valid until",
        "status": "Status",
        "company": "Company",
        "contact": "Contact",
        "deal": "Deal",
        "currency": "Currency",
        "net": "Net",
        "tax": "Tax",
        "total": "Total",
        "owner": "Owner",
    },
    "activities": {
        "occurred_at": "When",
        "kind": "Kind",
        "subject": "Subject",
        "contact": "Contact",
        "company": "Company",
        "deal": "Deal",
        "duration_minutes": "Minutes",
        "user": "By",
        "body": "Notes",
    },
    "products": {
        "sku": "Code",
        "name": "Product",
        "name_alt": "Second name",
        "unit": "Unit",
        "price": "Unit price",
        "price_includes_tax": "Tax included",
        "currency": "Currency",
        "tax_rate": "Tax rate %",
        "active": "On sale",
        "description": "Description",
    },
}


# Columns left out of the usual lists but written by ``--columns all`` (every field).
EXTRA: dict[str, dict[str, str]] = {
    "deals": {"lost_reason": "Lost reason", "notes": "Notes"},
    "quotes": {"discount": "Discount", "revision": "Revision", "notes": "Notes"},
    "activities": {},
    "products": {},
}
ALL_COLUMNS: dict[str, dict[str, str]] = {e: LISTS[e] | EXTRA[e] for e in LISTS}
# The same headers in Chinese (zh exports), each one the importer reads back as its field.
HEADERS_ZH: dict[str, dict[str, str]] = {
    "deals": {
        "number": "编号",
        "title": "商机名称",
        "company": "客户名称",
        "contact": "联系人",
        "stage": "销售阶段",
        "status": "状态",
        "amount": "金额",
        "currency": "币种",
        "expected_close": "预计成交日期",
        "closed_on": "成交日期",
        "owner": "负责人",
        "created_at": "创建时间",
        "lost_reason": "输单原因",
        "notes": "备注",
    },
    "quotes": {
        "number": "编号",
        "issued_on": "报价日期",
        "valid_until": "有效期至",
        "status": "状态",
        "company": "客户名称",
        "contact": "联系人",
        "deal": "商机",
        "currency": "币种",
        "net": "未税金额",
        "tax": "税额",
        "total": "合计",
        "owner": "负责人",
        "discount": "折扣",
        "revision": "版本",
        "notes": "备注",
    },
    "activities": {
        "occurred_at": "时间",
        "kind": "类型",
        "subject": "主题",
        "contact": "联系人",
        "company": "公司",
        "deal": "商机",
        "duration_minutes": "分钟",
        "user": "记录人",
        "body": "内容",
    },
    "products": {
        "sku": "编码",
        "name": "产品名称",
        "name_alt": "英文名称",
        "unit": "单位",
        "price": "单价",
        "price_includes_tax": "含税",
        "currency": "币种",
        "tax_rate": "税率",
        "active": "在售",
        "description": "描述",
    },
}


def list_rows(
    session: Session,
    entity: str,
    columns: Sequence[str] | None = None,
    status: str | None = None,
    language: str = "en",
    fmt: str = "xlsx",
    today: date | None = None,
) -> tuple[list[str], Iterator[list[Any]]]:
    """Headers and rows of a list of live records (newest first; products by name).

    Headers, statuses and kinds come in ``language``; amounts are rounded to their
    currency's minor unit (see ``cell_values``).

    Args:
        session: A read session.
        entity: deals, quotes, activities or products.
        columns: Which columns, in order (the usual list when not given; ``["all"]``: every
            column of :data:`ALL_COLUMNS`).
        status: Only deals or quotes with this status; activities of this kind.
        language: ``en`` or ``zh``.
        fmt: ``xlsx`` or ``csv`` (CSV writes yes/no as words).
        today: The day quotes' statuses are read on (a sent quote past its valid-until day
            is expired); the real date unless given.

    Raises:
        ValidationError: An unknown list or column.
    """
    if entity not in LISTS:
        raise ValidationError(
            f"Cannot list {entity}; choose one of people, companies, {', '.join(LISTS)}.",
            field="entity",
        )
    known = ALL_COLUMNS[entity]
    chosen = list(known) if list(columns or ()) == ["all"] else list(columns or LISTS[entity])
    bad = [c for c in chosen if c not in known]
    if bad:
        raise ValidationError(
            f"Unknown column {bad[0]} for {entity}; use {', '.join(known)}.", field="columns"
        )
    today = today or date.today()
    # Quotes are listed by their status today, as the quote list shows them (a sent quote
    # past its valid-until day is expired), never by the stored one.
    query = _quotes(status, today) if entity == "quotes" else _QUERIES[entity](status)
    names = list(query.selected_columns.keys())
    totals = price_quotes(session) if entity == "quotes" else {}
    currency = str(read_setting(session, "currency.default"))

    def rows() -> Iterator[list[Any]]:
        for record in session.execute(query.execution_options(yield_per=2000)):
            values = dict(zip(names, record, strict=True))
            if entity == "quotes":
                values["status"] = status_on(
                    QuoteStatus(values["status"]), values["valid_until"], today
                ).value
                priced = totals.get(values["id"])
                values["net"], values["discount"], values["tax"], values["total"] = (
                    (priced.subtotal, priced.discount, priced.tax, priced.total)
                    if priced
                    else (Decimal(0),) * 4
                )
            values = export_values(entity, values, language, fmt, currency)
            yield [values.get(c) for c in chosen]

    titles = HEADERS_ZH[entity] if language == "zh" else known
    return [titles[c] for c in chosen], rows()


def _deals(status: str | None) -> Any:  # a Select; its row type differs per list
    contact, owner = aliased(Person), aliased(User)
    query = (
        select(
            Deal.number,
            Deal.title,
            Company.name.label("company"),
            contact.name.label("contact"),
            Stage.name.label("stage"),
            Deal.status,
            Deal.amount,
            Deal.currency,
            Deal.expected_close,
            Deal.closed_on,
            owner.name.label("owner"),
            Deal.created_at,
            Deal.lost_reason,
            Deal.notes,
        )
        .join(Stage, Stage.id == Deal.stage_id)
        .outerjoin(Company, Company.id == Deal.company_id)
        .outerjoin(contact, contact.id == Deal.person_id)
        .outerjoin(owner, owner.id == Deal.owner_id)
        .where(Deal.deleted_at.is_(None))
        .order_by(Deal.created_at.desc())
    )
    return query.where(Deal.status == status) if status else query


def _quotes(status: str | None, today: date | None = None) -> Any:  # a Select
    contact, owner = aliased(Person), aliased(User)
    query = (
        select(
            Quote.id,
            Quote.number,
            Quote.issued_on,
            Quote.valid_until,
            Quote.status,
            Company.name.label("company"),
            contact.name.label("contact"),
            Deal.title.label("deal"),
            Quote.currency,
            owner.name.label("owner"),
            Quote.revision,
            Quote.notes,
        )
        .outerjoin(Company, Company.id == Quote.company_id)
        .outerjoin(contact, contact.id == Quote.person_id)
        .outerjoin(Deal, Deal.id == Quote.deal_id)
        .outerjoin(owner, owner.id == Quote.owner_id)
        .where(Quote.deleted_at.is_(None))
        .order_by(Quote.issued_on.desc(), Quote.number.desc())
    )
    if not status:
        return query
    if status not in set(QuoteStatus):
        return query.where(Quote.status == status)  # no quote has it: an empty list
    return query.where(status_condition(QuoteStatus(status), today or date.today()))


def _activities(kind: str | None) -> Any:  # a Select; its row type differs per list
    contact, user = aliased(Person), aliased(User)
    query = (
        select(
            Activity.occurred_at,
            Activity.kind,
            Activity.subject,
            contact.name.label("contact"),
            Company.name.label("company"),
            Deal.title.label("deal"),
            Activity.duration_minutes,
            user.name.label("user"),
            Activity.body,
        )
        .outerjoin(contact, contact.id == Activity.person_id)
        .outerjoin(Company, Company.id == Activity.company_id)
        .outerjoin(Deal, Deal.id == Activity.deal_id)
        .outerjoin(user, user.id == Activity.user_id)
        .where(Activity.deleted_at.is_(None))
        .order_by(Activity.occurred_at.desc())
    )
    return query.where(Activity.kind == kind) if kind else query


def _products(_status: str | None) -> Any:  # a Select; its row type differs per list
    return (
        select(
            Product.sku,
            Product.name,
            Product.name_alt,
            Product.unit,
            Product.price,
            Product.price_includes_tax,
            Product.currency,
            Product.tax_rate,
            Product.active,
            Product.description,
        )
        .where(Product.deleted_at.is_(None))
        .order_by(Product.name)
    )


_QUERIES = {"deals": _deals, "quotes": _quotes, "activities": _activities, "products": _products}
