"""The self-test's sample of the app's work, through the services the app uses.

Each step does what a user would (File → New, add a company and a person, plan and complete a
follow-up and export the calendar, move a deal across the board and chart the funnel, print a
quote, export and re-import, undo, back up) and reads back what it did. The names are in
Chinese: the customers write them so, and search, the PDF's font and the spreadsheet round trip
must carry them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path

from desktop_crm.domain.vocab import FollowUpStatus
from desktop_crm.services.contact_lists.dto import ContactFilter
from desktop_crm.services.contacts.dto import CompanyDraft, PersonDraft
from desktop_crm.services.deals.dto import DealDraft
from desktop_crm.services.followups.dto import FollowUpDraft
from desktop_crm.services.quotes.dto import LineDraft, QuoteDraft
from desktop_crm.services.selftest.checks import check_pdf_text, check_sqlite
from desktop_crm.services.selftest.dto import StepFailed
from desktop_crm.services.workspace.handle import (
    Workspace,
    create_workspace,
    open_workspace,
    restore_workspace,
)

COMPANY = "星辰文化传媒有限公司"
PERSON = "张晓明"
PERSON_TITLE = "市场总监"
SEARCH_PART = "晓明"  # a Chinese substring of the person's name
PRODUCT = "宣传片拍摄与剪辑"
DEAL = "年度宣传片"
WORKSPACE_NAME = "自测 workspace.crm"  # a space and Chinese: paths the app must take as they are

Step = tuple[str, Callable[[], None]]


class SampleRun:
    """The steps over one sample workspace in ``folder``; ``close`` releases what they opened.

    Args:
        folder: An empty folder of the run's own.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / WORKSPACE_NAME
        self._ws: Workspace | None = None
        self._open: list[Workspace] = []
        self._company_id = self._person_id = self._deal_id = ""
        self._import_id: str | None = None
        self._imported: Workspace | None = None

    def steps(self) -> list[Step]:
        """The steps in order, by their stable names."""
        return [
            ("sqlite", self.sqlite),
            ("workspace", self.workspace),
            ("contacts", self.contacts),
            ("follow-up", self.follow_up),
            ("calendar", self.calendar),
            ("deal", self.deal),
            ("chart", self.chart),
            ("quote-pdf", self.quote_pdf),
            ("xlsx", self.xlsx),
            ("undo", self.undo),
            ("backup", self.backup),
        ]

    def close(self) -> None:
        """Close every workspace the steps opened (no backup: the folder is thrown away)."""
        while self._open:
            self._open.pop().close(backup_if_changed=False)

    @property
    def ws(self) -> Workspace:
        """The sample workspace (its step made it)."""
        if self._ws is None:
            raise StepFailed("no workspace (its step did not run)")
        return self._ws

    def _track(self, ws: Workspace) -> Workspace:
        self._open.append(ws)
        return ws

    # --- the steps -----------------------------------------------------------------------------

    def sqlite(self) -> None:
        """FTS5 with the trigram tokenizer in the sqlite3 module in use."""
        check_sqlite()

    def workspace(self) -> None:
        """A new workspace, as File → New makes it (Chinese pipeline)."""
        self._ws = self._track(create_workspace(self.path, "zh"))
        stages = self.ws.pipelines.default().stages
        if not self.path.is_file() or not any(s.kind == "won" for s in stages):
            raise StepFailed(f"the new workspace has no file or no won stage ({self.path})")

    def contacts(self) -> None:
        """A company and a person at it, read back and found by a Chinese substring."""
        ws = self.ws
        self._company_id = ws.people.save_company(CompanyDraft(COMPANY)).ids[0]
        draft = PersonDraft(PERSON, company_id=self._company_id, title=PERSON_TITLE)
        self._person_id = ws.people.save(draft).ids[0]
        card = ws.cards.card("person", self._person_id)
        if (card.name, card.company, card.title) != (PERSON, COMPANY, PERSON_TITLE):
            raise StepFailed(f"read back {card.name!r} at {card.company!r} ({card.title!r})")
        hits = [h.id for h in ws.search.contacts(SEARCH_PART, kinds=("person",))]
        if hits != [self._person_id]:
            raise StepFailed(f"searching {SEARCH_PART!r} found {len(hits)} people, not the one")

    def follow_up(self) -> None:
        """A follow-up planned for the person today, completed, read back done."""
        draft = FollowUpDraft("回访宣传片需求", date.today(), person_id=self._person_id)
        follow_up_id = self.ws.followups.plan(draft).ids[0]
        self.ws.followups.complete(follow_up_id, "客户确认拍摄档期")
        row = self.ws.followups.get(follow_up_id)
        if row.status != FollowUpStatus.DONE or row.person_id != self._person_id:
            raise StepFailed(f"the completed follow-up reads back {row.status}")

    def calendar(self) -> None:
        """A timed follow-up exported to .ics (the calendar feed) and read back by icalendar."""
        import icalendar

        draft = FollowUpDraft(
            "确认拍摄档期",
            date.today() + timedelta(days=1),
            due_time=time(10, 30),
            zone="Asia/Shanghai",
            person_id=self._person_id,
        )
        self.ws.followups.plan(draft)
        target = self.folder / "跟进 follow-ups.ics"
        written = self.ws.calendar.export(target, language="zh")
        events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
        summaries = [str(e.get("SUMMARY", "")) for e in events]
        if written != 1 or not any("确认拍摄档期" in s for s in summaries):
            raise StepFailed(f"the calendar file holds {summaries!r}, not the follow-up")
        start = events[0].decoded("DTSTART")
        if getattr(start, "utcoffset", lambda: None)() != timedelta(hours=8):
            raise StepFailed(f"the event starts at {start!r}, not 10:30 in Shanghai")

    def deal(self) -> None:
        """A deal moved through every open stage of the board, then to won."""
        ws = self.ws
        pipeline = ws.pipelines.default()
        draft = DealDraft(
            DEAL,
            company_id=self._company_id,
            person_id=self._person_id,
            amount=Decimal("88000"),
            pipeline_id=pipeline.id,
        )
        self._deal_id = ws.deals.create(draft).ids[0]
        opened = [s for s in pipeline.stages if s.kind == "open"]
        won = next(s for s in pipeline.stages if s.kind == "won")
        for stage in [*opened[1:], won]:
            ws.deals.move(self._deal_id, stage.id)
        summary = ws.deals.summary(self._deal_id)
        visited = [v.stage_id for v in ws.deals.stage_history(self._deal_id)]
        if summary.status != "won" or visited != [s.id for s in [*opened, won]]:
            raise StepFailed(f"the deal reads back {summary.status} in {summary.stage!r}")
        board = ws.deals.board(pipeline.id, closed_cards=True)
        column = next(c for c in board.columns if c.stage_id == won.id)
        if self._deal_id not in {card.id for card in column.cards}:
            raise StepFailed(f"the won deal is not in the board's {won.name!r} column")

    def chart(self) -> None:
        """The funnel report over the won deal, drawn to PNG as Reports → Export chart does."""
        from desktop_crm.services.reports.charts import write_png

        report = self.ws.reports.funnel()
        if (report.data.deals, report.data.won) != (1, 1):
            raise StepFailed(f"the funnel counts {report.data.deals} deals, not the won one")
        target = self.folder / "漏斗 funnel.png"
        write_png(report, target, "zh")
        if target.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n" or target.stat().st_size < 5_000:
            raise StepFailed(f"the chart {target.name} is not a drawn PNG")

    def quote_pdf(self) -> None:
        """A quote with a Chinese line printed to PDF: its text extracts, its font embedded."""
        line = LineDraft(
            description=PRODUCT,
            quantity=Decimal(2),
            unit="套",
            unit_price=Decimal("12800"),
            tax_rate=Decimal(6),
        )
        draft = QuoteDraft(
            company_id=self._company_id,
            person_id=self._person_id,
            deal_id=self._deal_id,
            lines=(line,),
        )
        quote_id = self.ws.quotes.create(draft).ids[0]
        pdf = self.folder / "报价单 quote.pdf"
        printed = self.ws.quotes.print_pdf(quote_id, pdf)
        if printed.font_source == "cid":
            raise StepFailed("no TrueType Chinese font found: the PDF would not embed one")
        check_pdf_text(pdf, PRODUCT)
        check_pdf_text(pdf, COMPANY)

    def xlsx(self) -> None:
        """The contacts exported to .xlsx and imported into a new workspace by the importer."""
        sheet = self.folder / "联系人 contacts.xlsx"
        written = self.ws.exports.export_all_fields(sheet, "xlsx", ContactFilter("person"))
        if written != 1 or not sheet.is_file():
            raise StepFailed(f"the export wrote {written} rows, not 1")
        target = self._track(create_workspace(self.folder / "import.crm", "zh"))
        self._imported = target
        report = target.imports.import_file(sheet)
        if report.failed or report.problems or report.operation_id is None:
            raise StepFailed(f"the import failed: {'; '.join(report.problems)[:200]}")
        self._import_id = report.operation_id
        hits = target.search.contacts(SEARCH_PART, kinds=("person",))
        if len(hits) != 1:
            raise StepFailed(f"after the import, {SEARCH_PART!r} finds {len(hits)} people")
        card = target.cards.card("person", hits[0].id)
        if (card.name, card.company, card.title) != (PERSON, COMPANY, PERSON_TITLE):
            raise StepFailed(f"imported as {card.name!r} at {card.company!r} ({card.title!r})")

    def undo(self) -> None:
        """The import undone: the person and the company it made are gone."""
        target = self._imported
        if target is None or self._import_id is None:
            raise StepFailed("nothing imported to undo (the xlsx step did not run)")
        target.history.undo(self._import_id)
        rows = {
            kind: target.contact_list.open_list(ContactFilter(kind)).count
            for kind in ("person", "company")
        }
        found = target.search.contacts(SEARCH_PART) + target.search.contacts(COMPANY)
        if any(rows.values()) or found:
            raise StepFailed(f"after undoing the import, {rows} records are still there")

    def backup(self) -> None:
        """A backup taken, verified, and restored into a new file that holds the person."""
        from desktop_crm.store.backup import check_backup

        made = self.ws.backups.backup_now()
        verdict = check_backup(made.path)
        if verdict != "ok":
            raise StepFailed(f"the backup {made.path.name} does not verify: {verdict}")
        restored_path = self.folder / "restored.crm"
        restore_workspace(restored_path, made.path)
        restored = self._track(open_workspace(restored_path))
        if [h.id for h in restored.search.contacts(SEARCH_PART)] != [self._person_id]:
            raise StepFailed("the restored backup does not hold the person")
