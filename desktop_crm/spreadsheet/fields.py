"""The fields an imported column can fill, per kind of record, and how each cell is read.

A column maps to a field key below, to ``custom:<label>`` (a custom field, made when missing),
or to ``ignore``. Columns left unmapped are kept in the record's notes as "Header: value".
"""

from __future__ import annotations

ENTITIES = ("people", "companies", "deals", "products", "quotes", "payments", "followups")
IGNORE = "ignore"
CUSTOM = "custom:"

# field -> (English label, how its cells are read; see ``row_reader.read_cell``). ``created``
# is the record's own creation date from the sheet (a day or a moment), kept as its
# created_at instead of the import's moment.
PEOPLE: dict[str, tuple[str, str]] = {
    "name": ("Name", "text"),
    "family_name": ("Family name", "text"),
    "given_name": ("Given name", "text"),
    "company": ("Company", "text"),
    "title": ("Job title", "text"),
    "department": ("Department", "text"),
    "mobile": ("Mobile", "phones"),
    "phone": ("Work phone", "phones"),
    "home_phone": ("Home phone", "phones"),
    "fax": ("Fax", "phones"),
    "email": ("Email", "emails"),
    "email2": ("Other email", "emails"),
    "street": ("Street", "text"),
    "city": ("City", "text"),
    "region": ("Province / state", "text"),
    "postcode": ("Postcode", "code"),
    "country": ("Country", "text"),
    "website": ("Website", "text"),
    "wechat": ("WeChat", "text"),
    "qq": ("QQ", "code"),
    "birthday": ("Birthday", "date"),
    "tags": ("Tags", "tags"),
    "source": ("Source", "text"),
    "owner": ("Owner", "owner"),
    "level": ("Level", "level"),
    "status": ("Status", "status"),
    "notes": ("Notes", "notes"),
    "created": ("Created", "moment"),
}
COMPANIES: dict[str, tuple[str, str]] = {
    "name": ("Company name", "text"),
    "industry": ("Industry", "text"),
    "phone": ("Phone", "phones"),
    "mobile": ("Mobile", "phones"),
    "fax": ("Fax", "phones"),
    "email": ("Email", "emails"),
    "street": ("Street", "text"),
    "city": ("City", "text"),
    "region": ("Province / state", "text"),
    "postcode": ("Postcode", "code"),
    "country": ("Country", "text"),
    "website": ("Website", "text"),
    "tags": ("Tags", "tags"),
    "source": ("Source", "text"),
    "owner": ("Owner", "owner"),
    "level": ("Level", "level"),
    "status": ("Status", "status"),
    "notes": ("Notes", "notes"),
    "created": ("Created", "moment"),
}
DEALS: dict[str, tuple[str, str]] = {
    "title": ("Deal", "text"),
    "company": ("Company", "text"),
    "person": ("Contact", "text"),
    "amount": ("Amount", "amount"),
    "currency": ("Currency", "currency"),
    "stage": ("Stage", "text"),
    "status": ("Open / won / lost", "deal_status"),
    "expected_close": ("Expected close", "date"),
    "closed_on": ("Closed on", "date"),
    "lost_reason": ("Lost reason", "text"),
    "source": ("Source", "text"),
    "stage_history": ("Stage history", "text"),  # "Qualified 2026-01-05; Proposal 2026-02-10"
    "owner": ("Owner", "owner"),
    "notes": ("Notes", "notes"),
    "created": ("Created", "moment"),
}
PRODUCTS: dict[str, tuple[str, str]] = {
    "sku": ("Code / SKU", "code"),
    "name": ("Product name", "text"),
    "name_alt": ("Second name", "text"),
    "description": ("Description", "notes"),
    "unit": ("Unit", "text"),
    "price": ("Unit price", "amount"),
    "currency": ("Currency", "currency"),
    "tax_rate": ("Tax rate %", "percent"),
    "price_includes_tax": ("Tax included", "bool"),
    "active": ("On sale", "bool"),
    "created": ("Created", "moment"),
}
# One row per quote line; the lines of a quote share its number, and its header fields
# (customer, date, valid until, currency, status) may be left empty on all but one of them.
# A discount is read as text: "10%" is a percentage of the line, a plain number an amount off.
# A row giving only a description (no code, quantity, price, discount or rate) is a section
# heading; an optional line is priced but left out of the total.
QUOTES: dict[str, tuple[str, str]] = {
    "number": ("Quote No.", "code"),
    "customer": ("Customer", "text"),
    "date": ("Date", "date"),
    "valid_until": ("Valid until", "date"),
    "currency": ("Currency", "currency"),
    "status": ("Status", "text"),
    "sku": ("Product code", "code"),
    "description": ("Description", "text"),
    "quantity": ("Quantity", "amount"),
    "unit": ("Unit", "text"),
    "unit_price": ("Unit price", "amount"),
    "discount": ("Discount", "text"),
    "tax_rate": ("Tax rate %", "percent"),
    "tax_included": ("Tax included", "bool"),
    "optional": ("Optional", "bool"),
    "notes": ("Notes", "notes"),
}
PAYMENTS: dict[str, tuple[str, str]] = {
    "contract": ("Contract No.", "code"),
    "date": ("Date", "date"),
    "amount": ("Amount", "amount"),
    "method": ("Method", "text"),
    "reference": ("Reference", "text"),
    "notes": ("Note", "notes"),
}
# Planned calls and visits (see ``services.importing.followup_rows``): the contact is a person
# or company found by name, phone or customer number; a time makes the row timed (``time``
# cells are read by the importer: "14:30", Excel time cells, 下午2点).
FOLLOWUPS: dict[str, tuple[str, str]] = {
    "contact": ("Contact", "code"),
    "date": ("Due date", "date"),
    "time": ("Time", "time"),
    "kind": ("Type", "text"),
    "subject": ("Subject", "text"),
    "repeat": ("Repeat", "text"),
    "notes": ("Notes", "notes"),
    "owner": ("Owner", "owner"),
}
FIELDS: dict[str, dict[str, tuple[str, str]]] = {
    "people": PEOPLE,
    "companies": COMPANIES,
    "deals": DEALS,
    "products": PRODUCTS,
    "quotes": QUOTES,
    "payments": PAYMENTS,
    "followups": FOLLOWUPS,
}
# What a record of each kind cannot do without (any one of them).
REQUIRED: dict[str, tuple[str, ...]] = {
    "people": ("name", "family_name", "given_name", "email", "email2", "mobile", "phone"),
    "companies": ("name",),
    "deals": ("title",),
    "products": ("name", "sku"),
    "quotes": ("number",),
    "payments": ("contract",),
    "followups": ("contact",),
}
# Where values that cannot go where they were meant to are kept.
NOTES_FIELD = {
    "people": "notes",
    "companies": "notes",
    "deals": "notes",
    "products": "description",
    "quotes": "notes",
    "payments": "notes",
    "followups": "notes",
}
# The custom-field entity of each kind, where it has custom fields.
CUSTOM_ENTITY = {"people": "person", "companies": "company"}


def kind_of(entity: str, target: str) -> str | None:
    """How cells for ``target`` are read (``None`` for ignore, custom text, or unknown)."""
    if target.startswith(CUSTOM):
        return "custom"
    spec = FIELDS[entity].get(target)
    return spec[1] if spec else None


def check_entity(entity: str) -> None:
    """Raise ``ValueError`` for a kind of record that cannot be imported."""
    if entity not in FIELDS:
        raise ValueError(f"cannot import {entity}; choose one of {', '.join(ENTITIES)}")
