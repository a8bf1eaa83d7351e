"""The words a demo workspace is made of, per language: names, companies, places, products.

A demo has a local majority (Chinese in the Chinese demo, American in the English one) and a
foreign minority (British in both), so that search, phones and addresses meet both kinds.
The Chinese set (``chinese_words``) is the original one; its random draws are unchanged, so a
seed gives the same Chinese demo as before.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class DemoWords:
    """One language's demo data.

    Attributes:
        local_person: Draws ``(family name, given name, display name)`` of a local person.
        foreign_person: The same for a foreign one.
        local_company: Draws a local company name.
        foreign_company: Draws a foreign company name.
        local_cities: Cities of local contacts; ``foreign_cities`` of foreign ones.
        local_country: Country written on local addresses.
        local_street: The street of a local company's address, from a house number.
        local_phone: Draws a local mobile number (as written) for the i-th person.
        local_titles: Job titles of local people; ``foreign_titles`` of foreign ones.
        wechat: Whether local people may have a WeChat id.
        industries: Industries of companies.
        sources: Where contacts came from.
        tags: ``(name, colour)`` of the tags.
        products: ``(code, name, name in the other language or None, unit, price)``.
        subjects: Subjects of activities and follow-ups.
        deal_topics: Titles of deals.
        contract_title: The contract's title from its deal's.
        currency: The workspace's currency (``None``: the default, CNY).
        amount_divisor: Deal amounts are drawn in yuan and divided by this.
    """

    local_person: Callable[[random.Random], tuple[str, str, str]]
    foreign_person: Callable[[random.Random], tuple[str, str, str]]
    local_company: Callable[[random.Random], str]
    foreign_company: Callable[[random.Random], str]
    local_cities: Sequence[str]
    foreign_cities: Sequence[str]
    local_country: str
    local_street: Callable[[int], str]
    local_phone: Callable[[random.Random, int], str]
    local_titles: Sequence[str]
    foreign_titles: Sequence[str]
    wechat: bool
    industries: Sequence[str]
    sources: Sequence[str]
    tags: Sequence[tuple[str, str]]
    products: Sequence[tuple[str, str, str | None, str, str]]
    subjects: Sequence[str]
    deal_topics: Sequence[str]
    contract_title: Callable[[str], str]
    currency: str | None = None
    amount_divisor: int = 1
    studio: Mapping[str, Any] = field(default_factory=dict)  # the company profile's JSON
