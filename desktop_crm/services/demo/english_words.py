"""The English demo's words: American contacts with some British ones, amounts in US dollars."""

from __future__ import annotations

import random

from desktop_crm.services.demo.demo_words import DemoWords

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
    ("LOGO-01", "Logo design", None, "project", "1200"),
    ("VI-01", "Visual identity system", None, "set", "5400"),
    ("WEB-01", "Company website design", None, "project", "3800"),
    ("PHOTO-01", "Product photography (per day)", None, "day", "650"),
    ("PKG-01", "Packaging design", None, "design", "980"),
    ("PRINT-01", "Brochure printing (100 pcs)", None, "batch", "450.50"),
    ("CONSULT", "Brand consulting", None, "hour", "120"),
    ("VIDEO-01", "Promo video", None, "video", "7200"),
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


STUDIO = {
    "name": "Greenfield Design Studio LLC",
    "address_lines": ["1200 Market Street, Suite 400", "San Francisco, CA 94102"],
    "tax_id": "EIN 94-1234567",
    "bank_name": "First Republic Bank",
    "bank_account": "ACH 121000358 / 4402 8812",
    "contact": "Alex Morgan",
    "phone": "+1 415 555 0142",
    "email": "hello@greenfield.example",
    "footer_text": "Thank you for your business · Greenfield Design Studio",
    "default_terms": (
        "1. Prices valid until the date shown.\n2. 30% on signing, the rest on delivery."
    ),
}

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
    studio=STUDIO,
    subjects=SUBJECTS,
    deal_topics=DEAL_TOPICS,
    contract_title=lambda deal: f"{deal} service agreement",
    currency="USD",
    amount_divisor=7,
)
