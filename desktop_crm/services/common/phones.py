"""The phone a list shows for a contact, in SQL: its first phone, else its company's.

Follow-up rows and Today's stale customers both show it, for their copy and call buttons; a
person without a phone of their own shows their company's, to call the switchboard.
"""

from __future__ import annotations

_FIRST_PHONE = (
    "(SELECT ph.value FROM phones ph WHERE ph.{column} = {owner} AND ph.deleted_at IS NULL "
    "ORDER BY ph.position LIMIT 1)"
)


def first_phone_sql(column: str, owner: str) -> str:
    """The first live phone (by position) of the person or company ``owner``.

    Args:
        column: ``person_id`` or ``company_id``.
        owner: The SQL expression of the owner's id (``r.id``).
    """
    return _FIRST_PHONE.format(column=column, owner=owner)


def contact_phone_sql(person: str, company: str) -> str:
    """A person's first phone, else their company's (COALESCE reads the company's only then).

    Args:
        person: The SQL expression of the person's id.
        company: The SQL expression of the company's id.
    """
    own, theirs = first_phone_sql("person_id", person), first_phone_sql("company_id", company)
    return f"coalesce({own}, {theirs})"
