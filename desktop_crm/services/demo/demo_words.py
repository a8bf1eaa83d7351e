"""The words a demo workspace is made of, per language: names, companies, places, products.

A demo has a local majority (Chinese in the Chinese demo, American in the English one) and a
foreign minority (British in both), so that search, phones and addresses meet both kinds.
The Chinese set is the original one (``demo_data``); its random draws are unchanged, so a
seed gives the same Chinese demo as before.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass


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
        products: ``(code, name, unit, price)`` of products.
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
    products: Sequence[tuple[str, str, str, str]]
    subjects: Sequence[str]
    deal_topics: Sequence[str]
    contract_title: Callable[[str], str]
    currency: str | None = None
    amount_divisor: int = 1


US_FIRST = (
    "Ava", "Mason", "Harper", "Logan", "Ella", "Jackson", "Aria", "Carter", "Grace", "Wyatt",
    "Zoe", "Owen", "Lily", "Caleb", "Nora", "Isaac", "Hazel", "Julian", "Riley", "Miles",
    "Avery", "Leo", "Claire", "Eli", "Violet", "Nathan", "Stella", "Aaron", "Lucy", "Henry",
)  # fmt: skip
US_LAST = (
    "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Perez", "Sanders", "Price",
    "Bennett", "Wood", "Barnes", "Ross", "Henderson", "Coleman", "Jenkins", "Perry", "Powell",
    "Long", "Patterson", "Hughes", "Flores", "Washington", "Butler", "Simmons", "Foster",
    "Gonzales", "Bryant", "Alexander", "Russell", "Griffin", "Diaz", "Hayes", "Myers", "Ford",
    "Hamilton", "Graham", "Sullivan", "Wallace", "Woods", "Cole",
)  # fmt: skip
UK_FIRST = (
    "Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Emily", "Charlie", "Poppy",
    "Alfie", "Freya", "Arthur", "Ivy", "Thomas", "Florence", "Archie", "Rosie", "Theo", "Evie",
)  # fmt: skip
UK_LAST = (
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Thomas", "Roberts",
    "Walker", "Wright", "Thompson", "Robinson", "White", "Hughes", "Edwards", "Green", "Hall",
    "Wood", "Harris", "Clarke", "Jackson", "Turner", "Hill", "Cooper",
)  # fmt: skip
US_CITIES = (
    "New York", "San Francisco", "Austin", "Boston", "Seattle", "Chicago", "Denver",
    "Portland", "Atlanta", "Los Angeles",
)  # fmt: skip
UK_CITIES = ("London", "Manchester", "Edinburgh", "Bristol", "Leeds", "Brighton", "Cambridge")
US_CORE = (
    "Summit", "Pioneer", "Evergreen", "Redwood", "Granite", "Liberty", "Cascade", "Horizon",
    "Bluewater", "Ironwood", "Sunrise", "Prairie", "Beacon", "Keystone", "Canyon", "Meadow",
    "Lakeshore", "Northstar", "Westfield", "Highland",
)  # fmt: skip
US_SUFFIX = (
    "Design Studio", "Technologies Inc.", "Media Group", "Photography", "Architects LLP",
    "Hospitality Group", "Learning Co.", "Trading Co.",
)  # fmt: skip
UK_CORE = (
    "Northwind", "Bluebird", "Copperleaf", "Harbour", "Maple", "Silverline", "Brightside",
    "Oakridge", "Fieldstone", "Lumen", "Kestrel", "Riverside",
)  # fmt: skip
UK_SUFFIX = ("Studio", "Design Co.", "Labs", "Architects", "Media Ltd", "Trading Ltd")
US_STREETS = (
    "Main Street", "Oak Avenue", "Maple Drive", "Park Road", "Market Street", "Pine Street",
    "Cedar Lane", "Lake Avenue", "Hill Road", "Elm Street",
)  # fmt: skip
US_AREA_CODES = ("212", "415", "512", "617", "206", "312", "303", "503", "404", "213")
TITLES = (
    "CEO", "Founder", "Purchasing Manager", "Marketing Director", "Art Director",
    "Office Manager", "Project Manager",
)  # fmt: skip
INDUSTRIES = (
    "Design", "Technology", "Education", "Hospitality", "Retail", "Media", "Architecture",
    "Real estate",
)  # fmt: skip
SOURCES = ("Referral", "Website", "Trade show", "LinkedIn", "Newsletter", "Cold call")
TAGS = (
    ("VIP", "#d4a017"),
    ("Key account", "#2e7d32"),
    ("Referral", "#1565c0"),
    ("Trade show", "#6a1b9a"),
    ("Follow up", "#c62828"),
)
PRODUCTS = (
    ("LOGO-01", "Logo design", "project", "1200"),
    ("VI-01", "Visual identity system", "set", "5400"),
    ("WEB-01", "Company website design", "project", "3800"),
    ("PHOTO-01", "Product photography (per day)", "day", "650"),
    ("PKG-01", "Packaging design", "design", "980"),
    ("PRINT-01", "Brochure printing (100 pcs)", "batch", "450.50"),
    ("CONSULT", "Brand consulting", "hour", "120"),
    ("VIDEO-01", "Promo video", "video", "7200"),
)
SUBJECTS = (
    "Follow up on quote",
    "Confirm requirements",
    "Send contract",
    "Arrange a visit",
    "Call back",
    "Payment reminder",
)
DEAL_TOPICS = (
    "Brand refresh",
    "Website redesign",
    "Annual brochure",
    "Packaging refresh",
    "Product launch shoot",
    "Office signage",
    "New store identity",
    "Promo video",
)


def _us_person(rnd: random.Random) -> tuple[str, str, str]:
    family, given = rnd.choice(US_LAST), rnd.choice(US_FIRST)
    return family, given, f"{given} {family}"


def _uk_person(rnd: random.Random) -> tuple[str, str, str]:
    family, given = rnd.choice(UK_LAST), rnd.choice(UK_FIRST)
    return family, given, f"{given} {family}"


def _us_phone(rnd: random.Random, i: int) -> str:
    return f"+1 {rnd.choice(US_AREA_CODES)} {rnd.randint(201, 989)} {i % 10_000:04d}"


ENGLISH = DemoWords(
    local_person=_us_person,
    foreign_person=_uk_person,
    local_company=lambda rnd: f"{rnd.choice(US_CORE)} {rnd.choice(US_SUFFIX)}",
    foreign_company=lambda rnd: f"{rnd.choice(UK_CORE)} {rnd.choice(UK_SUFFIX)}",
    local_cities=US_CITIES,
    foreign_cities=UK_CITIES,
    local_country="US",
    local_street=lambda n: f"{n} {US_STREETS[n % len(US_STREETS)]}",
    local_phone=_us_phone,
    local_titles=TITLES,
    foreign_titles=TITLES,
    wechat=False,
    industries=INDUSTRIES,
    sources=SOURCES,
    tags=TAGS,
    products=PRODUCTS,
    subjects=SUBJECTS,
    deal_topics=DEAL_TOPICS,
    contract_title=lambda deal: f"{deal} service agreement",
    currency="USD",
    amount_divisor=7,
)
