"""Importing companies, deals and products from a table (people are in ``people_import``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typing_extensions import override

from desktop_crm.domain.contact_values import company_key, company_name, name_parts, phone_value
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.local_zone import zone as local_zone
from desktop_crm.services.contacts.contact_rules import live_companies
from desktop_crm.services.deals.moves import enter_stage
from desktop_crm.services.importing.contact_writer import Writer
from desktop_crm.services.importing.importer import (
    ImportContext,
    Importer,
    apply_fields,
    squash,
)
from desktop_crm.services.importing.stage_history import (
    Visit,
    day_start,
    read_history,
    stage_moves,
)
from desktop_crm.services.settings.numbering import allocate_numbers
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.spreadsheet import cells
from desktop_crm.spreadsheet.contact_rows import FailedRow
from desktop_crm.spreadsheet.quote_cells import QuoteSheet, TaxRateColumn
from desktop_crm.spreadsheet.row_reader import RowRead
from desktop_crm.store.changelog import Recorder
from desktop_crm.store.models import (
    Address,
    Company,
    Deal,
    DealStageChange,
    Email,
    Person,
    Phone,
    Pipeline,
    Product,
    Stage,
    Tagging,
)

_PHONES = {"phone": "work", "mobile": "mobile", "fax": "fax"}


class CompanyImporter(Importer[RowRead]):
    """Companies with phones, emails, an address, tags and custom fields; matched by name."""

    entity = "companies"
    model = Company

    @override
    def item(self, read: RowRead, row: Sequence[Any]) -> tuple[RowRead | None, str]:
        return (read, "") if read.text("name") else (None, "no company name")

    @override
    def prepare(self, session: Session) -> None:
        self.names = live_companies(session)  # as ContactRules finds companies

    @override
    def find(self, item: RowRead) -> str | None:
        return self.names.get(company_key(item.text("name")))

    def _fields(self, read: RowRead) -> dict[str, Any]:
        return {
            "industry": read.text("industry"),
            "website": read.text("website"),
            "source": read.text("source"),
            "level": read.text("level"),
            "status": read.text("status"),
            "owner_id": read.text("owner"),
        }

    @override
    def write_new(self, session: Session, rec: Recorder, items: list[RowRead]) -> None:
        writer = self.writer(session, rec)
        numbers = writer.rules.numbers(len(items))
        rows = []
        for read, number in zip(items, numbers, strict=True):
            values = self._fields(read)
            values.update(
                name=company_name(read.text("name")),
                number=number,
                notes=read.notes(),
                status=values["status"] or "lead",
                source=values["source"] or self.ctx.source,
                owner_id=values["owner_id"] or self.ctx.actor_id,
                created_at=_created(read, rec),
            )
            rows.append(values)
        ids = rec.bulk_insert(session, Company, rows)
        self.made["companies"] += len(ids)
        phones, emails, addresses, taggings = [], [], [], []
        for cid, read in zip(ids, items, strict=True):
            numbers_of = [
                (label, v) for f, label in _PHONES.items() for v in read.values.get(f, ())
            ]
            for pos, (label, value) in enumerate(numbers_of):
                phone = writer.rules.phone(label, value)
                phones.append({"company_id": cid, "position": pos, **phone})
            for pos, value in enumerate(read.values.get("email", ())):
                email = writer.rules.email("work", value)
                emails.append({"company_id": cid, "position": pos, **email})
            parts = {k: read.text(k) for k in ("street", "city", "region", "postcode", "country")}
            if any(parts.values()):
                addresses.append({"company_id": cid, "label": "work", "position": 0, **parts})
            for tag_id in writer.tag_ids(list(read.values.get("tags", ()))):
                taggings.append({"tag_id": tag_id, "company_id": cid})
        for model, batch in ((Phone, phones), (Email, emails), (Address, addresses)):
            rec.bulk_insert(session, model, batch)
        rec.bulk_insert(session, Tagging, taggings)
        self.custom_values(session, rec, "company").insert(
            [(cid, read.custom) for cid, read in zip(ids, items, strict=True) if read.custom]
        )

    @override
    def update(
        self, session: Session, rec: Recorder, rid: str, item: RowRead, overwrite: bool
    ) -> int:
        company = session.get(Company, rid)
        if company is None:
            return 0
        changed = apply_fields(company, self._fields(item), overwrite)
        notes = item.notes()
        if notes and notes not in (company.notes or ""):
            keep = overwrite or not company.notes
            company.notes = notes if keep else f"{company.notes}\n\n{notes}"
            changed = True
        have = set(
            session.scalars(
                select(Phone.value).where(Phone.company_id == rid, Phone.deleted_at.is_(None))
            )
        )
        rules = self.writer(session, rec).rules
        for field, label in _PHONES.items():
            for value in item.values.get(field, ()):
                if phone_value(value) not in have:
                    session.add(Phone(company_id=rid, **rules.phone(label, value)))
                    have.add(phone_value(value))
                    changed = True
        custom = self.custom_values(session, rec, "company")
        changed |= custom.update(rid, item.custom, overwrite)
        return int(changed)


class ProductImporter(Importer[RowRead]):
    """Products matched by code (unique), else by name.

    A tax rate is read as a quote line's is (``spreadsheet.quote_cells``): by Excel's percent
    format and by its column, so 0.13 in a column of fractions is 13 % and 13 in one of
    percents too, and a number that could be either is a problem on its row.

    Args:
        ctx: The import's context.
        mapping: Column index -> field.
        sheet: What the sheet's number formats and columns say of its tax rates.
    """

    entity = "products"
    model = Product

    def __init__(
        self,
        ctx: ImportContext,
        mapping: dict[int, str] | None = None,
        sheet: QuoteSheet | None = None,
    ) -> None:
        super().__init__(ctx)
        self.rate_columns = sorted(c for c, t in (mapping or {}).items() if t == "tax_rate")
        self.sheet = sheet or QuoteSheet()

    @override
    def item(self, read: RowRead, row: Sequence[Any]) -> tuple[RowRead | None, str]:
        if not read.text("name") and not read.text("sku"):
            return None, "no product name or code"
        problem = self._tax_rate(read, row)
        return (None, problem) if problem else (read, "")

    def _tax_rate(self, read: RowRead, row: Sequence[Any]) -> str:
        """Replace the reader's tax rate by its column's reading; the problem, if any."""
        if read.values.get("tax_rate") is None:
            return ""  # empty, or not a number (the reader's problem says so)
        for col in self.rate_columns:
            value = row[col] if col < len(row) else None
            if cells.text(value) is None:
                continue
            column = self.sheet.rates.get(col) or TaxRateColumn()
            percent_format = (read.number - 1, col) in self.sheet.percent_cells
            try:
                read.values["tax_rate"] = column.percent(value, percent_format=percent_format)
            except ValueError as exc:
                return f"{read.headers.get('tax_rate', 'tax rate')}: {exc}"
            break
        return ""

    @override
    def prepare(self, session: Session) -> None:
        self.skus: dict[str, str] = {}
        self.names: dict[str, str] = {}
        for pid, sku, name in session.execute(
            select(Product.id, Product.sku, Product.name).where(Product.deleted_at.is_(None))
        ):
            if sku:
                self.skus[sku.casefold()] = pid
            self.names.setdefault(squash(name), pid)
        # Codes are unique among live products, ignoring case; a tombstoned product's code
        # (an undone import's) is free again and goes to a new product.
        self.used_skus = set(self.skus)
        self.currency = str(read_setting(session, "currency.default"))

    @override
    def find(self, item: RowRead) -> str | None:
        sku = (item.text("sku") or "").casefold()
        if sku:
            return self.skus.get(sku)
        return self.names.get(squash(item.text("name")))

    @override
    def split(self) -> None:
        super().split()
        kept = []
        for read in self.new:  # a code can be used once: repeats cannot be created
            sku = (read.text("sku") or "").casefold()
            if sku and sku in self.used_skus:
                self.failed.append(
                    _failed(read, f"code {read.text('sku')} is already used by another product")
                )
                self.new_count -= 1
                continue
            self.used_skus.add(sku)
            kept.append(read)
        self.new = kept

    def _fields(self, read: RowRead) -> dict[str, Any]:
        return {
            "description": read.notes(),
            "name_alt": read.text("name_alt"),
            "unit": read.text("unit"),
            "price": read.values.get("price"),
            "price_includes_tax": read.values.get("price_includes_tax"),
            "currency": read.text("currency"),
            "tax_rate": read.values.get("tax_rate"),
            "active": read.values.get("active"),
        }

    @override
    def write_new(self, session: Session, rec: Recorder, items: list[RowRead]) -> None:
        rows = []
        for read in items:
            values = self._fields(read)
            values.update(
                sku=read.text("sku"),
                name=str(read.text("name") or read.text("sku"))[:300],
                price=values["price"] if values["price"] is not None else Decimal(0),
                currency=values["currency"] or self.currency,
                tax_rate=values["tax_rate"] if values["tax_rate"] is not None else Decimal(0),
                price_includes_tax=bool(values["price_includes_tax"]),
                active=values["active"] if values["active"] is not None else True,
                created_at=_created(read, rec),
            )
            rows.append(values)
        self.made["products"] += len(rec.bulk_insert(session, Product, rows))

    @override
    def update(
        self, session: Session, rec: Recorder, rid: str, item: RowRead, overwrite: bool
    ) -> int:
        product = session.get(Product, rid)
        if product is None:
            return 0
        values = self._fields(item)
        values["name"] = item.text("name")
        return int(apply_fields(product, values, overwrite))


class DealImporter(Importer[RowRead]):
    """Deals in the default pipeline, their company and contact found by name or made."""

    entity = "deals"
    model = Deal

    @override
    def item(self, read: RowRead, row: Sequence[Any]) -> tuple[RowRead | None, str]:
        if not read.text("title"):
            return None, "no deal name"
        # A status that contradicts the stage the row names: which one is right is unknown.
        stage = self._named_stage(read)
        status = read.text("status")
        if stage is not None and status and status != _status_of(stage):
            stage_header = read.headers.get("stage", "Stage")
            status_header = read.headers.get("status", "Status")
            return None, (
                f"{stage_header} “{stage.name}” is {_status_of(stage)}, "
                f"but {status_header} says {status}"
            )
        return read, ""

    @override
    def prepare_preview(self, session: Session) -> None:
        self.prepare(session)  # a row's stage and status are judged in the preview too

    @override
    def prepare(self, session: Session) -> None:
        pipeline = session.scalar(
            select(Pipeline)
            .where(Pipeline.deleted_at.is_(None))
            .order_by(Pipeline.is_default.desc(), Pipeline.position)
        )
        if pipeline is None:
            raise ValidationError(
                "This workspace has no sales pipeline to put deals in.", field="entity"
            )
        self.pipeline_id = pipeline.id
        self.stages = list(
            session.scalars(
                select(Stage)
                .where(Stage.pipeline_id == pipeline.id, Stage.deleted_at.is_(None))
                .order_by(Stage.position)
            )
        )
        self.existing = {
            (squash(title), squash(company)): did
            for did, title, company in session.execute(
                select(Deal.id, Deal.title, Company.name)
                .outerjoin(Company, Company.id == Deal.company_id)
                .where(Deal.deleted_at.is_(None))
            )
        }
        self.currency = str(read_setting(session, "currency.default"))
        self.stage_of: dict[int, Stage] = {}
        self.history_of: dict[int, list[Visit]] = {}
        self.zone = local_zone(None)

    @override
    def split(self) -> None:
        # Each row's history and stage, settled before anything is written (unknown stages
        # are reported; unreadable history pairs kept in the notes).
        by_key = {squash(s.name): s for s in self.stages}
        for read in self.items:
            visits, unread = read_history(read.text("stage_history"), by_key, self.zone)
            self.history_of[read.number] = visits
            header = read.headers.get("stage_history", "Stage history")
            read.kept.extend(f"{header}: {pair}" for pair in unread)
        self.stage_of = {read.number: self._stage(read) for read in self.items}
        super().split()

    @override
    def company_of(self, item: RowRead) -> str | None:
        return item.text("company")

    @override
    def find(self, item: RowRead) -> str | None:
        return self.existing.get((squash(item.text("title")), squash(item.text("company"))))

    def _named_stage(self, read: RowRead) -> Stage | None:
        """The pipeline's stage the row's stage column names, if any."""
        wanted = squash(read.text("stage"))
        return next((s for s in self.stages if wanted and squash(s.name) == wanted), None)

    def _stage(self, read: RowRead) -> Stage:
        wanted = squash(read.text("stage"))
        status = read.text("status")
        if wanted:
            named = self._named_stage(read)
            if named is not None:
                return named
            read.kept.append(f"{read.headers.get('stage', 'Stage')}: {read.text('stage')}")
            self.notes.add("deal_stage_unknown", read.number, read.text("stage"))
        history = self.history_of.get(read.number)
        if history and not wanted and status not in ("won", "lost"):
            return history[-1].stage  # the last stage it entered is where it is
        if status in ("won", "lost"):
            for stage in self.stages:
                if stage.kind == status:
                    return stage
        return next((s for s in self.stages if s.kind == "open"), self.stages[0])

    def _fields(self, read: RowRead) -> dict[str, Any]:
        stage = self.stage_of[read.number]
        status = _status_of(stage)  # as every stage change makes it (deals.moves)
        return {
            "stage_id": stage.id,
            "probability": stage.probability,  # every stage change sets it
            "source": read.text("source"),
            "status": status,
            "amount": read.values.get("amount"),
            "currency": read.text("currency"),
            "expected_close": read.values.get("expected_close"),
            "closed_on": read.values.get("closed_on"),
            "lost_reason": read.text("lost_reason"),
            "owner_id": read.text("owner"),
        }

    @override
    def write_new(self, session: Session, rec: Recorder, items: list[RowRead]) -> None:
        writer = self.writer(session, rec)
        companies = writer.companies_named({r.text("company") or "" for r in items} - {""})
        people = self._people(session, rec, writer, items, companies)
        numbers = allocate_numbers(session, "deal", self.ctx.today, len(items))
        rows = []
        moves = []
        for read, number in zip(items, numbers, strict=True):
            values = self._fields(read)
            values.update(
                title=str(read.text("title"))[:300],
                number=number,
                pipeline_id=self.pipeline_id,
                company_id=companies.get(read.text("company") or ""),
                person_id=people.get((read.text("person") or "", read.text("company") or "")),
                amount=values["amount"] if values["amount"] is not None else Decimal(0),
                currency=values["currency"] or self.currency,
                owner_id=values["owner_id"] or self.ctx.actor_id,
            )
            made = self._moves(read, values, rec.at)
            # Made no later than its first move, so the funnel counts it in the right period.
            values["created_at"] = _created(read, rec, made[0][2])
            values["notes"] = read.notes()
            moves.append(made)
            rows.append(values)
        ids = rec.bulk_insert(session, Deal, rows)
        self.made["deals"] += len(ids)
        changes = [
            {"deal_id": did, "from_stage_id": old, "to_stage_id": new, "moved_at": moment}
            for did, made in zip(ids, moves, strict=True)
            for old, new, moment in made
        ]
        rec.bulk_insert(session, DealStageChange, changes)

    def _moves(
        self, read: RowRead, values: dict[str, Any], now: datetime
    ) -> list[tuple[str | None, str, datetime]]:
        """A new deal's stage changes; sets its closed day as the move into its stage does.

        A closed deal's day is the sheet's closing day, else the day it entered its stage
        (the history's, else the import's); an open deal has none (a given one is noted).
        """
        given = values["closed_on"]
        if values["status"] == "open":
            values["closed_on"] = None
            if given is not None:
                header = read.headers.get("closed_on", "Closed on")
                read.kept.append(f"{header}: {given.isoformat()}")
        closing = day_start(given, self.zone) if values["closed_on"] is not None else None
        made = stage_moves(self.history_of.get(read.number, []), values["stage_id"], closing, now)
        if values["status"] != "open" and given is None:
            entered = made[-1][2]
            values["closed_on"] = (
                self.ctx.today if entered == now else entered.astimezone(self.zone).date()
            )
        return made

    def _people(
        self,
        session: Session,
        rec: Recorder,
        writer: Writer,
        items: list[RowRead],
        companies: dict[str, str],
    ) -> dict[tuple[str, str], str]:
        """Contacts by (name, company name): found at that company, or made there."""
        wanted = {(r.text("person") or "", r.text("company") or "") for r in items}
        found: dict[tuple[str, str], str] = {}
        for name, company in sorted(w for w in wanted if w[0]):
            pid = session.scalar(
                select(Person.id)
                .where(
                    Person.deleted_at.is_(None),
                    func.lower(Person.name) == name.casefold(),
                    Person.company_id.is_(companies.get(company))
                    if not company
                    else Person.company_id == companies[company],
                )
                .limit(1)
            )
            found[(name, company)] = pid or self._new_person(
                session, rec, name, companies.get(company)
            )
        return found

    def _new_person(
        self, session: Session, rec: Recorder, name: str, company_id: str | None
    ) -> str:
        number = self.writer(session, rec).rules.numbers(1)[0]
        self.made["people"] += 1
        display, family, given = name_parts(name)
        return rec.bulk_insert(
            session,
            Person,
            [
                {
                    "name": display,
                    "family_name": family,
                    "given_name": given,
                    "number": number,
                    "company_id": company_id,
                    "status": "prospect",
                    "source": self.ctx.source,
                    "owner_id": self.ctx.actor_id,
                }
            ],
        )[0]

    @override
    def update(
        self, session: Session, rec: Recorder, rid: str, item: RowRead, overwrite: bool
    ) -> int:
        deal = session.get(Deal, rid)
        if deal is None:
            return 0
        values = self._fields(item)
        closing = values.pop("closed_on")
        reason = values.pop("lost_reason")
        for key in ("stage_id", "probability", "status"):
            values.pop(key)  # a stage change sets them, below
        changed = apply_fields(deal, values, overwrite)
        stage = self.stage_of[item.number]
        if overwrite and stage.id != deal.stage_id and self._names_stage(item, deal):
            # The one rule of every stage change; an import needs no lost reason, so the
            # placeholder given is replaced by what the sheet (or the deal) says.
            kept = reason or deal.lost_reason
            enter_stage(
                session,
                deal,
                stage,
                moment=rec.at,
                today=closing or self.ctx.today,
                user_id=self.ctx.actor_id,
                reason="-",
            )
            deal.lost_reason = kept if deal.status == "lost" else None
            changed = True
        if deal.status != "open":  # only a closed deal has a closing day (and a lost reason)
            lost = reason if deal.status == "lost" else None
            changed |= apply_fields(deal, {"closed_on": closing, "lost_reason": lost}, overwrite)
        notes = item.notes()
        if notes and notes not in (deal.notes or ""):
            deal.notes = notes if overwrite or not deal.notes else f"{deal.notes}\n\n{notes}"
            changed = True
        return int(changed)

    def _names_stage(self, read: RowRead, deal: Deal) -> bool:
        """Whether the row says where the deal is (an open status alone: an open deal stays)."""
        if self._named_stage(read) is not None or self.history_of.get(read.number):
            return True
        status = read.text("status")
        return bool(status) and not (status == "open" and deal.status == "open")


def _status_of(stage: Stage) -> str:
    """The status a deal in ``stage`` has: won, lost or open."""
    return stage.kind if stage.kind in ("won", "lost") else "open"


def _created(read: RowRead, rec: Recorder, first_move: datetime | None = None) -> datetime:
    """The record's creation moment: the sheet's own "created" date, else the import's.

    A deal's is no later than its first stage change (the sheet's history may be older).
    """
    given = read.values.get("created")
    if isinstance(given, datetime):
        return given
    return rec.at if first_move is None else min(rec.at, first_move)


def _failed(read: RowRead, reason: str) -> FailedRow:
    return FailedRow(read.number, reason, tuple(c.shown for c in read.cells))
