"""The product catalogue service: writes, validation, undo, filters, pages and quick add."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop_crm.domain.errors import KeyTakenError, NotFoundError, ValidationError
from desktop_crm.domain.operation_labels import english
from desktop_crm.services.products.dto import ProductDraft, ProductFilter

LOGO = ProductDraft(
    "品牌标志设计",
    sku="LOGO-01",
    name_alt="Logo design",
    unit="项",
    price=Decimal("8000"),
    tax_rate=Decimal("6"),
    description="三稿修改",
)
EVERYTHING = ProductFilter(active_only=False)


def test_create_stores_every_field_and_returns_a_change(workspace):
    result = workspace.products.create(LOGO)
    assert result.created == 1 and result.entities == frozenset({"products"})
    row = workspace.products.get(result.ids[0])
    assert (row.sku, row.name, row.name_alt, row.unit, row.description) == (
        "LOGO-01",
        "品牌标志设计",
        "Logo design",
        "项",
        "三稿修改",
    )
    assert row.price == Decimal("8000") and isinstance(row.price, Decimal)
    assert row.tax_rate == Decimal(6) and row.currency == "CNY" and row.active
    assert not row.price_includes_tax
    assert english(workspace.history.recent(1)[0].label) == "Add product 品牌标志设计"


def test_update_changes_only_what_differs_and_undo_restores_it(workspace):
    pid = workspace.products.create(LOGO).ids[0]
    before = workspace.products.get(pid)
    changed = ProductDraft(
        "品牌标志设计",
        sku="LOGO-01",
        name_alt="Logo design",
        unit="项",
        price=Decimal("8800.50"),
        currency="usd",
        tax_rate=Decimal("13"),
        price_includes_tax=True,
        description="三稿修改",
    )
    result = workspace.products.update(pid, changed)
    assert result.updated == 1 and result.ids == (pid,)
    row = workspace.products.get(pid)
    assert (row.price, row.currency, row.tax_rate, row.price_includes_tax) == (
        Decimal("8800.50"),
        "USD",
        Decimal(13),
        True,
    )
    assert workspace.products.update(pid, changed).operation_id is None  # nothing to do
    workspace.history.undo()
    assert workspace.products.get(pid).draft() == before.draft()


def test_codes_are_unique_ignoring_case_and_width_among_live_products(workspace):
    first = workspace.products.create(LOGO).ids[0]
    for code in ("logo-01", "ＬＯＧＯ-01", " LOGO-01 "):
        with pytest.raises(ValidationError) as caught:
            workspace.products.create(ProductDraft("Another", sku=code))
        assert caught.value.params["field"] == "sku"
        assert caught.value.params["problem"] == "taken"
        assert "品牌标志设计" in str(caught.value) and code.strip() in str(caught.value)
    # Its own code is no conflict; a deleted product's code is free again.
    workspace.products.update(first, ProductDraft("Logo", sku="logo-01"))
    workspace.products.delete(first)
    second = workspace.products.create(ProductDraft("Logo again", sku="LOGO-01")).ids[0]
    # Undoing the delete would bring back a code a live product has now: refused.
    with pytest.raises(KeyTakenError):
        workspace.history.undo(workspace.history.recent(2)[1].id)
    assert workspace.products.get(second).sku == "LOGO-01"


@pytest.mark.parametrize(
    ("draft", "field", "problem"),
    [
        (ProductDraft("  "), "name", "required"),
        (ProductDraft("X", price=Decimal("-1")), "price", "negative"),
        (ProductDraft("X", price=Decimal("1.00001")), "price", "places"),
        (ProductDraft("X", price=Decimal(10) ** 13), "price", "too_large"),
        (ProductDraft("X", tax_rate=Decimal("100.5")), "tax_rate", "range"),
        (ProductDraft("X", tax_rate=Decimal("-3")), "tax_rate", "range"),
        (ProductDraft("X", currency="RMB"), "currency", "unknown"),
    ],
)
def test_refused_drafts_name_their_field(workspace, draft, field, problem):
    with pytest.raises(ValidationError) as caught:
        workspace.products.create(draft)
    assert (caught.value.params["field"], caught.value.params["problem"]) == (field, problem)
    assert workspace.products.count(EVERYTHING) == 0


def test_a_float_price_is_a_mistake_not_a_price(workspace):
    with pytest.raises(TypeError):
        workspace.products.create(ProductDraft("X", price=0.1))  # type: ignore[arg-type]


def test_archive_delete_and_their_undo(workspace):
    pid = workspace.products.create(LOGO).ids[0]
    archived = workspace.products.archive(pid)
    assert archived.updated == 1 and archived.entities == frozenset({"products"})
    assert workspace.products.count(ProductFilter()) == 0
    assert workspace.products.count(EVERYTHING) == 1
    assert workspace.products.catalogue("logo") == []  # pickers leave it out
    workspace.products.unarchive(pid)
    assert workspace.products.get(pid).active
    deleted = workspace.products.delete(pid)
    assert deleted.deleted == 1
    with pytest.raises(NotFoundError):
        workspace.products.get(pid)
    assert english(workspace.history.recent(1)[0].label) == "Delete product 品牌标志设计"
    workspace.history.undo()
    assert workspace.products.get(pid).name == "品牌标志设计"
    workspace.history.undo()  # the unarchive
    workspace.history.undo()  # the archive
    workspace.history.undo()  # the add: a tombstone
    assert workspace.products.count(EVERYTHING) == 0
    workspace.history.redo()
    assert workspace.products.count(ProductFilter()) == 1


def _catalogue(workspace):
    drafts = [
        LOGO,
        ProductDraft(
            "VI 视觉识别系统", sku="VI-01", name_alt="Visual identity", price=Decimal(36000)
        ),
        ProductDraft("Website design", sku="WEB-01", price=Decimal(3800), currency="USD"),
        ProductDraft("Brand consulting", sku="CONSULT", unit="hour", price=Decimal(120)),
        ProductDraft("画册印刷", description="100 pcs, A4", price=Decimal("3200.50")),
    ]
    return [workspace.products.create(d).ids[0] for d in drafts]


def test_filters_narrow_by_words_pinyin_currency_and_state(workspace):
    ids = _catalogue(workspace)
    names = lambda flt: [r.name for r in workspace.products.page(flt)]  # noqa: E731
    assert names(ProductFilter(text="design")) == ["品牌标志设计", "Website design"]
    assert names(ProductFilter(text="visual")) == ["VI 视觉识别系统"]  # the second name
    assert names(ProductFilter(text="a4")) == ["画册印刷"]  # the description
    assert names(ProductFilter(text="pinpai")) == ["品牌标志设计"]  # pinyin
    assert names(ProductFilter(text="ｗｅｂ DESIGN")) == ["Website design"]  # width, case, AND
    assert names(ProductFilter(text="50%")) == []  # LIKE wildcards are literal
    assert names(ProductFilter(currency="usd")) == ["Website design"]
    workspace.products.archive(ids[0])
    assert "品牌标志设计" not in names(ProductFilter())
    assert "品牌标志设计" in names(EVERYTHING)
    assert workspace.products.currencies() == ["CNY", "USD"]


def test_pages_and_ids_follow_the_sort(workspace):
    _catalogue(workspace)
    by_price = workspace.products.page(EVERYTHING, "price", True, 0, 100)
    assert [r.price for r in by_price] == sorted((r.price for r in by_price), reverse=True)
    ids = workspace.products.ids(EVERYTHING, "sku")
    pages = [
        r.id
        for offset in range(0, 5, 2)
        for r in workspace.products.page(EVERYTHING, "sku", False, offset, 2)
    ]
    assert pages == ids and len(ids) == 5
    codes = [r.sku for r in workspace.products.rows(ids)]
    assert codes == ["CONSULT", "LOGO-01", "VI-01", "WEB-01", None]  # no code last
    assert workspace.products.count(EVERYTHING) == 5
    with pytest.raises(ValueError, match="cannot sort"):
        workspace.products.page(EVERYTHING, "nope")  # type: ignore[arg-type]


def test_catalogue_ranks_the_exact_code_first(workspace):
    _catalogue(workspace)
    workspace.products.create(ProductDraft("Another VI", sku="XVI-01"))
    assert [r.sku for r in workspace.products.catalogue("vi-01")][:1] == ["VI-01"]
    assert len(workspace.products.catalogue("", limit=3)) == 3


def test_quick_add_returns_the_stored_product_and_undoes(workspace):
    added = workspace.products.quick_add(
        "现场布置", Decimal("1500.5"), unit="次", tax_rate=Decimal(6), price_includes_tax=True
    )
    assert added.change.created == 1 and added.change.ids == (added.product.id,)
    assert added.product == workspace.products.get(added.product.id)  # as stored
    assert added.product.currency == "CNY" and added.product.price_includes_tax
    assert workspace.products.catalogue("xianchang")[0].id == added.product.id
    workspace.history.undo()
    assert workspace.products.count(EVERYTHING) == 0


def test_the_reader_lists_what_the_writer_committed(workspace):
    pid = workspace.products.create(LOGO).ids[0]
    assert [r.id for r in workspace.reads.products.page(ProductFilter())] == [pid]
    assert workspace.reads.products.default_currency() == "CNY"
