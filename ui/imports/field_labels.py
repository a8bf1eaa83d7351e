"""Import field names and choices in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_crm.domain.choices import DuplicatePolicy, ImportEntity
from ui.text_fill import fill


def entity_labels() -> dict[ImportEntity, str]:
    """What a sheet can hold."""
    translate = QCoreApplication.translate
    return {
        "people": translate("ImportFields", "People"),
        "companies": translate("ImportFields", "Companies"),
        "deals": translate("ImportFields", "Deals"),
        "products": translate("ImportFields", "Products"),
        "quotes": translate("ImportFields", "Quotes (one row per line)"),
        "payments": translate("ImportFields", "Payments received"),
        "followups": translate("ImportFields", "Planned follow-ups (calls, visits)"),
    }


def field_label(entity: str, key: str) -> str:
    """The translated name of field ``key`` of ``entity`` (custom fields keep their name)."""
    translate = QCoreApplication.translate
    if key.startswith("custom:"):
        return fill(translate("ImportFields", "Custom field: %1"), key[7:])
    named = {
        ("companies", "name"): translate("ImportFields", "Company name"),
        ("products", "name"): translate("ImportFields", "Product name"),
        ("products", "name_alt"): translate("ImportFields", "Second name"),
        ("products", "price_includes_tax"): translate("ImportFields", "Tax included"),
        ("deals", "person"): translate("ImportFields", "Contact"),
        ("quotes", "number"): translate("ImportFields", "Quote No."),
        ("quotes", "sku"): translate("ImportFields", "Product code"),
        ("quotes", "status"): translate("ImportFields", "Quote status"),
        ("quotes", "optional"): translate("ImportFields", "Optional line"),
        ("payments", "notes"): translate("ImportFields", "Note"),
        ("followups", "contact"): translate(
            "ImportFields", "Contact (name, phone or customer number)"
        ),
        ("followups", "date"): translate("ImportFields", "Due date"),
        ("followups", "time"): translate("ImportFields", "Time (empty: all day)"),
        ("followups", "kind"): translate("ImportFields", "Type (call, meeting, visit…)"),
        ("followups", "subject"): translate("ImportFields", "Subject"),
        ("followups", "repeat"): translate("ImportFields", "Repeat (weekly, every 2 weeks…)"),
    }
    if (entity, key) in named:
        return named[(entity, key)]
    labels = {
        "ignore": translate("ImportFields", "Ignore"),
        "name": translate("ImportFields", "Name"),
        "family_name": translate("ImportFields", "Family name"),
        "given_name": translate("ImportFields", "Given name"),
        "company": translate("ImportFields", "Company"),
        "title": translate("ImportFields", "Job title")
        if entity == "people"
        else translate("ImportFields", "Deal"),
        "department": translate("ImportFields", "Department"),
        "mobile": translate("ImportFields", "Mobile"),
        "phone": translate("ImportFields", "Phone"),
        "home_phone": translate("ImportFields", "Home phone"),
        "fax": translate("ImportFields", "Fax"),
        "email": translate("ImportFields", "Email"),
        "email2": translate("ImportFields", "Other email"),
        "street": translate("ImportFields", "Street"),
        "city": translate("ImportFields", "City"),
        "region": translate("ImportFields", "Province / state"),
        "postcode": translate("ImportFields", "Postcode"),
        "country": translate("ImportFields", "Country"),
        "website": translate("ImportFields", "Website"),
        "wechat": translate("ImportFields", "WeChat"),
        "qq": translate("ImportFields", "QQ"),
        "birthday": translate("ImportFields", "Birthday"),
        "tags": translate("ImportFields", "Tags"),
        "source": translate("ImportFields", "Source"),
        "owner": translate("ImportFields", "Owner"),
        "level": translate("ImportFields", "Level"),
        "status": translate("ImportFields", "Status")
        if entity != "deals"
        else translate("ImportFields", "Open / won / lost"),
        "notes": translate("ImportFields", "Notes"),
        "industry": translate("ImportFields", "Industry"),
        "amount": translate("ImportFields", "Amount"),
        "currency": translate("ImportFields", "Currency"),
        "stage": translate("ImportFields", "Stage"),
        "expected_close": translate("ImportFields", "Expected close"),
        "closed_on": translate("ImportFields", "Closed on"),
        "lost_reason": translate("ImportFields", "Lost reason"),
        "sku": translate("ImportFields", "Code / SKU"),
        "description": translate("ImportFields", "Description"),
        "unit": translate("ImportFields", "Unit"),
        "price": translate("ImportFields", "Unit price"),
        "tax_rate": translate("ImportFields", "Tax rate %"),
        "active": translate("ImportFields", "On sale"),
        "created": translate("ImportFields", "Created (date)"),
        "customer": translate("ImportFields", "Customer"),
        "date": translate("ImportFields", "Date"),
        "valid_until": translate("ImportFields", "Valid until"),
        "quantity": translate("ImportFields", "Quantity"),
        "unit_price": translate("ImportFields", "Unit price"),
        "discount": translate("ImportFields", "Discount (10% or an amount)"),
        "tax_included": translate("ImportFields", "Price includes tax"),
        "contract": translate("ImportFields", "Contract No."),
        "method": translate("ImportFields", "Payment method"),
        "reference": translate("ImportFields", "Reference"),
    }
    return labels.get(key, key)


def date_order_labels() -> dict[str, str]:
    """How text dates can be written."""
    translate = QCoreApplication.translate
    return {
        "YMD": translate("ImportFields", "Year-month-day (2025-03-04)"),
        "DMY": translate("ImportFields", "Day/month/year (04/03/2025)"),
        "MDY": translate("ImportFields", "Month/day/year (03/04/2025)"),
    }


def policy_labels() -> dict[DuplicatePolicy, str]:
    """What to do with records that are already there."""
    translate = QCoreApplication.translate
    return {
        "skip": translate("ImportFields", "Skip them (change nothing)"),
        "fill": translate("ImportFields", "Fill their empty fields"),
        "overwrite": translate("ImportFields", "Overwrite with the file's values"),
        "create": translate("ImportFields", "Create new records anyway"),
    }
