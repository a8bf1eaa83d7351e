"""A demo workspace in Chinese or English, realistic and fast enough for 100,000 contacts.

Rows go in through Core bulk inserts (logged as one undoable operation): the ORM one object
at a time is several times slower at this size.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from desktop_crm.domain.choices import Language, NumberKind
from desktop_crm.domain.contact_values import company_key
from desktop_crm.domain.followup_time import moment_of
from desktop_crm.domain.local_zone import local_zone_name
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.domain.progress import NullProgress, Progress
from desktop_crm.domain.quote_totals import LineInput, price_lines, split_by_percent
from desktop_crm.services.common.gc_pause import collector_paused
from desktop_crm.services.contacts.contact_rules import ContactRules
from desktop_crm.services.demo.chinese_words import CHINESE
from desktop_crm.services.demo.deal_paths import DemoStage, deal_path
from desktop_crm.services.demo.demo_words import DemoWords
from desktop_crm.services.demo.english_words import ENGLISH
from desktop_crm.services.settings.numbering import allocate_numbers
from desktop_crm.services.settings.workspace_settings import DEFAULT_LOST_REASONS
from desktop_crm.services.workspace.handle import Workspace, create_workspace
from desktop_crm.store.models import (
    Activity,
    Address,
    Contract,
    Deal,
    DealStageChange,
    Email,
    FollowUp,
    PaymentPlan,
    Person,
    Phone,
    Pipeline,
    Product,
    Quote,
    QuoteLine,
    Setting,
    Stage,
    Tagging,
)

_STATUSES = ["lead"] * 4 + ["prospect"] * 3 + ["customer"] * 4 + ["inactive"]
_LEVELS = ["A", "B", "B", "C", "C", "C"]
_ACTIVITY_KINDS = ["call", "call", "meeting", "visit", "email", "message", "note"]

CHUNK = 20_000


DEMO_WORDS = {"zh": CHINESE, "en": ENGLISH}


def create_demo_workspace(
    path: Path,
    contacts: int = 300,
    *,
    language: Language = "zh",
    today: date | None = None,
    seed: int = 7,
    progress: Progress | None = None,
) -> Workspace:
    """Create ``path`` as a new workspace filled with demo data; return it open.

    Args:
        path: Where to create it (must not exist yet).
        contacts: How many people to make (companies are a tenth of that).
        language: ``zh`` or ``en``: the demo's data set (names, companies, places, products,
            tags; the English one in US dollars) and the pipeline's stage names.
        today: The day follow-ups and deals are arranged around.
        seed: Random seed, so that a demo is reproducible.
        progress: Receives progress and may cancel (the file is then removed).
    """
    progress = progress or NullProgress()
    workspace = create_workspace(path, language)
    try:
        fill_demo(
            workspace,
            contacts,
            today=today or date.today(),
            seed=seed,
            progress=progress,
            words=DEMO_WORDS.get(language, CHINESE),
        )
        # The demo's overdue follow-ups are sample data, not news: they are on Today, but no
        # "While you were away" greets a first look at an app that was never closed.
        workspace.reminders.mark_shown(workspace.reminders.due())
        workspace.store.compact()
    except BaseException:
        workspace.close(backup_if_changed=False)
        for suffix in ("", "-wal", "-shm"):
            Path(str(workspace.path) + suffix).unlink(missing_ok=True)
        raise
    return workspace


def fill_demo(
    workspace: Workspace,
    contacts: int,
    *,
    today: date,
    seed: int,
    progress: Progress,
    words: DemoWords = CHINESE,
) -> None:
    """Fill an empty workspace with demo data (from ``words``) as one operation."""
    rnd = random.Random(seed)
    store = workspace.store
    now = datetime.now(UTC)
    zone = ZoneInfo(local_zone_name())  # the demo's timed follow-ups are at local wall times
    with (
        collector_paused(),
        store.unit_of_work(op_label(LabelCode.DEMO), "demo", bulk=True) as (session, rec),
    ):

        def bulk(model: Any, rows: list[dict[str, Any]]) -> list[str]:
            ids: list[str] = []
            for start in range(0, len(rows), CHUNK):
                progress.check_cancelled()
                ids += rec.bulk_insert(session, model, rows[start : start + CHUNK])
            return ids

        def numbers(kind: NumberKind, count: int) -> list[str]:
            return allocate_numbers(session, kind, today, count)

        owner = store.actor_id
        rules = ContactRules(session, rec, owner_id=owner, today=today)  # the editor's rules
        pipeline_id = session.scalars(select(Pipeline.id).where(Pipeline.is_default)).one()
        stages = session.execute(
            select(Stage.id, Stage.kind, Stage.probability)
            .where(Stage.pipeline_id == pipeline_id)
            .order_by(Stage.position)
        ).all()
        if words.currency:  # amounts of the demo in its own currency, shown so on Today
            bulk(Setting, [{"key": "currency.default", "value": words.currency}])
        if words.studio:  # our own studio, so printed quotes show who sends them
            bulk(Setting, [{"key": "company.profile", "value": dict(words.studio)}])
        currency = words.currency or "CNY"
        progress.report(0, 100, "companies")

        n_companies = max(5, contacts // 10)
        customer_numbers = numbers("customer", n_companies + contacts)
        companies: list[dict[str, Any]] = []
        taken: dict[str, int] = {}
        for i in range(n_companies):
            local = rnd.random() < 0.65
            name = words.local_company(rnd) if local else words.foreign_company(rnd)
            companies.append(
                {
                    "name": _distinct(name, taken),
                    "number": customer_numbers[i],
                    "industry": rnd.choice(words.industries),
                    "website": f"https://www.example{i}.com",
                    "source": rnd.choice(words.sources),
                    "level": rnd.choice(_LEVELS),
                    "status": rnd.choice(_STATUSES),
                    "owner_id": owner,
                    "_city": rnd.choice(words.local_cities if local else words.foreign_cities),
                    "_local": local,
                }
            )
        company_ids = rules.companies(
            [{k: v for k, v in c.items() if not k.startswith("_")} for c in companies]
        )
        bulk(
            Address,
            [
                {
                    "company_id": cid,
                    "label": "work",
                    "street": words.local_street(n) if c["_local"] else f"{n} High Street",
                    "city": c["_city"],
                    "country": words.local_country if c["_local"] else "UK",
                }
                for cid, c in zip(company_ids, companies, strict=True)
                for n in [rnd.randint(1, 999)]
            ],
        )
        progress.report(10, 100, "people")

        people: list[dict[str, Any]] = []
        phones: list[dict[str, Any]] = []
        emails: list[dict[str, Any]] = []
        locals_: list[bool] = []  # whether each person is local (a local phone and city)
        for i in range(contacts):
            company_index = rnd.randrange(n_companies) if rnd.random() < 0.85 else None
            local = bool(
                companies[company_index]["_local"]
                if company_index is not None
                else rnd.random() < 0.6
            )
            locals_.append(local)
            if local:
                family, given, name = words.local_person(rnd)
                title = rnd.choice(words.local_titles)
            else:
                family, given, name = words.foreign_person(rnd)
                title = rnd.choice(words.foreign_titles)
            days_ago = rnd.randint(0, 120) if rnd.random() < 0.7 else None
            people.append(
                {
                    "name": name,
                    "family_name": family,
                    "given_name": given,
                    "number": customer_numbers[n_companies + i],
                    "company_id": company_ids[company_index] if company_index is not None else None,
                    "title": title,
                    "source": rnd.choice(words.sources),
                    "level": rnd.choice(_LEVELS),
                    "status": (status := rnd.choice(_STATUSES)),
                    # One lead in four nobody holds: the lead pool (公海) has something in it.
                    "owner_id": None if status == "lead" and i % 4 == 0 else owner,
                    "wechat": f"wx_{i:06d}"
                    if local and words.wechat and rnd.random() < 0.5
                    else None,
                    "last_contacted_at": now - timedelta(days=days_ago, hours=rnd.randint(0, 9))
                    if days_ago is not None
                    else None,
                }
            )
        person_ids = bulk(Person, people)
        for i, (pid, local) in enumerate(zip(person_ids, locals_, strict=True)):
            if local:
                phones.append(
                    {
                        "person_id": pid,
                        "position": 0,
                        **rules.phone("mobile", words.local_phone(rnd, i)),
                    }
                )
            else:
                digits = f"7{rnd.randint(100, 999)}{i % 1_000_000:06d}"
                phones.append(
                    {
                        "person_id": pid,
                        "position": 0,
                        **rules.phone("mobile", f"+44 {digits[:4]} {digits[4:]}"),
                    }
                )
            if rnd.random() < 0.8:
                emails.append(
                    {
                        "person_id": pid,
                        "position": 0,
                        **rules.email("work", f"user{i}@example{i % 997}.com"),
                    }
                )
        progress.report(40, 100, "phones and emails")
        bulk(Phone, phones)
        bulk(Email, emails)
        bulk(
            Address,
            [
                {
                    "person_id": pid,
                    "label": "work",
                    "position": 0,
                    "city": rnd.choice(words.local_cities if local else words.foreign_cities),
                }
                for pid, local in zip(person_ids, locals_, strict=True)
                if rnd.random() < 0.4
            ],
        )

        tag_ids = rules.tag_ids([n for n, _c in words.tags], dict(words.tags))
        bulk(
            Tagging,
            [
                {"tag_id": rnd.choice(tag_ids), "person_id": pid}
                for pid in person_ids
                if rnd.random() < 0.2
            ],
        )
        progress.report(60, 100, "deals")

        n_deals = min(contacts // 5 + 8, 3000)
        deal_numbers = numbers("deal", n_deals)
        demo_stages = [DemoStage(str(i), str(k), int(p)) for i, k, p in stages]
        reasons = DEFAULT_LOST_REASONS["zh" if words is CHINESE else "en"]
        paths = [deal_path(rnd, demo_stages, now, zone) for _ in range(n_deals)]
        deals: list[dict[str, Any]] = []
        for i, path in enumerate(paths):
            pi = rnd.randrange(contacts) if contacts else None
            deals.append(
                {
                    "title": rnd.choice(words.deal_topics),
                    "number": deal_numbers[i],
                    "pipeline_id": pipeline_id,
                    "stage_id": path.stage.id,
                    "probability": path.stage.probability,  # every stage change sets it
                    "person_id": person_ids[pi] if pi is not None else None,
                    "company_id": people[pi]["company_id"] if pi is not None else None,
                    "owner_id": owner,
                    "source": rnd.choice(words.sources),
                    "amount": Decimal(
                        rnd.randrange(3_000, 300_000, 500) // words.amount_divisor // 10 * 10
                    ),
                    "currency": currency,
                    "expected_close": path.closed_on
                    or today + timedelta(days=rnd.randint(-30, 90)),
                    "status": path.stage.kind,
                    "closed_on": path.closed_on,
                    "lost_reason": rnd.choice(reasons) if path.stage.kind == "lost" else None,
                    "created_at": path.created_at,
                    "updated_at": path.moves[-1][2],
                }
            )
        deal_ids = bulk(Deal, deals)
        bulk(
            DealStageChange,
            [
                {
                    "deal_id": did,
                    "from_stage_id": before,
                    "to_stage_id": after,
                    "moved_at": moment,
                    "user_id": owner,
                }
                for did, path in zip(deal_ids, paths, strict=True)
                for before, after, moment in path.moves
            ],
        )
        progress.report(70, 100, "activities")

        activities: list[dict[str, Any]] = []
        for pid, person in zip(person_ids, people, strict=True):
            if person["last_contacted_at"] is not None and len(activities) < 20_000:
                kind = rnd.choice(_ACTIVITY_KINDS)
                activities.append(
                    {
                        "kind": kind,
                        "subject": rnd.choice(words.subjects),
                        "occurred_at": person["last_contacted_at"],
                        "person_id": pid,
                        "company_id": person["company_id"],
                        "user_id": owner,
                    }
                )
        bulk(Activity, activities)
        n_follow = min(contacts // 10 + 8, 2000)
        follow_ups: list[dict[str, Any]] = []
        for i in range(n_follow):
            target = person_ids[rnd.randrange(contacts)] if contacts else None
            due_on = today + timedelta(days=(i % 15) - 5)
            wall = time(9 + i % 9, (i * 15) % 60) if i % 3 else None  # two in three are timed
            follow_ups.append(
                {
                    "kind": rnd.choice(["call", "visit", "meeting", "message"]),
                    "subject": rnd.choice(words.subjects),
                    "due_on": due_on,
                    "due_at": moment_of(due_on, wall, zone) if wall else None,
                    "due_zone": zone.key if wall else None,
                    "remind_at": None,
                    "repeat": None,
                    "series_start": None,
                    "series_id": None,
                    "status": "planned",
                    "person_id": target,
                    "company_id": None if target else company_ids[0],
                    "owner_id": owner,
                }
            )
        bulk(FollowUp, follow_ups)
        progress.report(85, 100, "products and quotes")

        product_ids = bulk(
            Product,
            [
                {
                    "sku": sku,
                    "name": name,
                    "name_alt": name_alt,
                    "unit": unit,
                    "price": Decimal(price),
                    "currency": currency,
                    "tax_rate": Decimal("6"),
                }
                for sku, name, name_alt, unit, price in words.products
            ],
        )
        open_deals = [
            (did, d) for did, d in zip(deal_ids, deals, strict=True) if d["status"] == "open"
        ][:3]
        quote_numbers = numbers("quote", len(open_deals))
        quote_ids = bulk(
            Quote,
            [
                {
                    "number": quote_numbers[i],
                    "deal_id": did,
                    "company_id": d["company_id"],
                    "person_id": d["person_id"],
                    "owner_id": owner,
                    "issued_on": today,
                    "valid_until": today + timedelta(days=30),
                    "currency": currency,
                    # The first has become a contract (below).
                    "status": "draft" if i else "accepted",
                }
                for i, (did, d) in enumerate(open_deals)
            ],
        )
        lines: list[dict[str, Any]] = []
        for qid in quote_ids:
            for pos, index in enumerate(rnd.sample(range(len(words.products)), 3)):
                _sku, name, _alt, unit, price = words.products[index]
                lines.append(
                    {
                        "quote_id": qid,
                        "product_id": product_ids[index],
                        "description": name,
                        "quantity": Decimal(rnd.randint(1, 4)),
                        "unit": unit,
                        "unit_price": Decimal(price),
                        # The first quote's first line shows a discount.
                        "discount": Decimal(5 if qid == quote_ids[0] and pos == 0 else 0),
                        "tax_rate": Decimal("6"),
                        "position": pos,
                    }
                )
        bulk(QuoteLine, lines)
        if quote_ids:
            did, d = open_deals[0]
            total = _priced_total(lines, quote_ids[0], currency)
            [contract_id] = bulk(
                Contract,
                [
                    {
                        "number": numbers("contract", 1)[0],
                        "title": words.contract_title(d["title"]),
                        "quote_id": quote_ids[0],
                        "deal_id": did,
                        "company_id": d["company_id"],
                        "person_id": d["person_id"],
                        "owner_id": owner,
                        "amount": total,
                        "quote_revision": 1,
                        "tax_rounding": "per_line",  # the demo's rule, as _priced_total priced
                        "currency": currency,
                        "status": "draft",
                        "starts_on": today,
                        "ends_on": datetime.combine(today, time()).date() + timedelta(days=90),
                    }
                ],
            )
            # Half due ten days ago (so Today shows an overdue payment), half in two months.
            halves = split_by_percent(total, [Decimal(50), Decimal(50)], currency)
            bulk(
                PaymentPlan,
                [
                    {
                        "contract_id": contract_id,
                        "due_on": today + timedelta(days=days),
                        "amount": amount,
                        "percent": Decimal(50),
                        "position": position,
                    }
                    for position, (days, amount) in enumerate(zip((-10, 60), halves, strict=True))
                ],
            )
        progress.report(100, 100, "done")


def _priced_total(lines: list[dict[str, Any]], quote_id: str, currency: str) -> Decimal:
    """The total of a demo quote's lines (a contract made from it carries that amount)."""
    mine = [x for x in lines if x["quote_id"] == quote_id]
    inputs = [LineInput(x["quantity"], x["unit_price"], x["tax_rate"], x["discount"]) for x in mine]
    return price_lines(inputs, currency).total


def _distinct(name: str, taken: dict[str, int]) -> str:
    """``name``, numbered when an earlier demo company has it (companies are found by name)."""
    key = company_key(name)
    taken[key] = taken.get(key, 0) + 1
    return name if taken[key] == 1 else f"{name} {taken[key]}"
