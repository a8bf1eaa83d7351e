"""The SQL of product lists: which products a filter lets through, and in what order.

A catalogue holds hundreds of products, not the 100,000 rows of a contact list, so the text
filter reads the products themselves (no search documents): each word must appear in the code,
name, second name or description, with case and width folded by ``crm_norm``; a Chinese name
also matches its pinyin ("pinpai" finds 品牌设计). Names sort by their pinyin, as contacts do.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, or_, select

from desktop_crm.domain.text import escape_like, normalize
from desktop_crm.services.products.dto import ProductFilter, ProductRow, ProductSort
from desktop_crm.store.models import Product


def _folded(column: Any) -> Any:
    """``column`` folded for sorting; blank stays NULL, which sorts last."""
    return func.nullif(func.crm_norm(column), "")


_SORT_COLUMNS: dict[str, Any] = {  # columns and SQL expressions
    "sku": _folded(Product.sku),
    "name": func.crm_sort_key(Product.name, 1),
    "name_alt": _folded(Product.name_alt),
    "unit": _folded(Product.unit),
    "price": Product.price,
    "currency": Product.currency,
    "tax_rate": Product.tax_rate,
    "price_includes_tax": Product.price_includes_tax,
    "active": Product.active,
    "updated_at": Product.updated_at,
}


def filtered(flt: ProductFilter) -> Select[Any]:
    """Live products that ``flt`` lets through, unordered."""
    query = select(Product).where(Product.deleted_at.is_(None))
    if flt.active_only:
        query = query.where(Product.active.is_(True))
    if flt.currency:
        query = query.where(Product.currency == flt.currency.upper())
    words = normalize(flt.text).split()
    if words:
        query = query.where(and_(*(_matches(word) for word in words)))
    return query


def ordered(query: Select[Any], sort: ProductSort, descending: bool) -> Select[Any]:
    """``query`` in display order: empty values last, then by name, then by id (a total order).

    Raises:
        ValueError: ``sort`` is not a column of the list.
    """
    if sort not in _SORT_COLUMNS:
        raise ValueError(f"cannot sort products by {sort}")
    column = _SORT_COLUMNS[sort]
    key = column.desc() if descending else column.asc()
    name = _SORT_COLUMNS["name"]
    return query.order_by(column.is_(None), key, name, Product.id)


def catalogue_order(query: Select[Any], text: str) -> Select[Any]:
    """``query`` as a picker lists it, best first.

    The exact code first, then codes and names that begin with ``text``, then the rest by name.
    """
    typed = normalize(text)
    if not typed:
        return ordered(query, "name", False)
    starts = escape_like(typed) + "%"
    code = func.crm_norm(Product.sku)
    rank = case(
        (code == typed, 3),
        (code.like(starts, escape="\\"), 2),
        (func.crm_norm(Product.name).like(starts, escape="\\"), 1),
        else_=0,
    )
    return query.order_by(rank.desc(), _SORT_COLUMNS["name"], Product.id)


def row_of(product: Product) -> ProductRow:
    """A stored product as the frozen row the services return."""
    return ProductRow(
        id=product.id,
        sku=product.sku,
        name=product.name,
        name_alt=product.name_alt,
        unit=product.unit,
        price=product.price,
        currency=product.currency,
        tax_rate=product.tax_rate,
        price_includes_tax=bool(product.price_includes_tax),
        description=product.description,
        active=bool(product.active),
        updated_at=product.updated_at,
    )


def _matches(word: str) -> ColumnElement[bool]:
    pattern = "%" + escape_like(word) + "%"
    haystack = func.crm_norm(
        func.coalesce(Product.sku, literal(""))
        + literal(" ")
        + Product.name
        + literal(" ")
        + func.coalesce(Product.name_alt, literal(""))
        + literal(" ")
        + func.coalesce(Product.description, literal(""))
    )
    return or_(
        haystack.like(pattern, escape="\\"),
        func.crm_phrase_pinyin(Product.name).like(pattern, escape="\\"),
    )
