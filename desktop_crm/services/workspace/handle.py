"""Opening, creating, checking and restoring workspaces; the handle the UI keeps."""

from __future__ import annotations

import getpass
from datetime import UTC, datetime
from pathlib import Path

from desktop_crm.domain.choices import Language
from desktop_crm.domain.clock import Clock, SystemClock
from desktop_crm.domain.errors import CrmError, ValidationError
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.domain.progress import Progress
from desktop_crm.services.cards.contact_cards import CardService
from desktop_crm.services.contact_lists.list_queries import ContactListService
from desktop_crm.services.contact_lists.saved_views import SavedViewsService
from desktop_crm.services.contacts.custom_fields import CustomFieldsService
from desktop_crm.services.contacts.person_editing import PeopleService
from desktop_crm.services.contacts.records import ContactsService
from desktop_crm.services.contracts.service import ContractService
from desktop_crm.services.deals.service import DealService
from desktop_crm.services.duplicates.duplicate_people import DuplicateService
from desktop_crm.services.exporting.exports import ExportService
from desktop_crm.services.followups.calendar import CalendarService
from desktop_crm.services.followups.reminders import ReminderService
from desktop_crm.services.followups.service import FollowUpService
from desktop_crm.services.history.operations import HistoryService
from desktop_crm.services.importing.service import ImportService
from desktop_crm.services.pipelines.service import PipelineService
from desktop_crm.services.pool.service import PoolService
from desktop_crm.services.printing.service import PrintingService
from desktop_crm.services.products.service import ProductService
from desktop_crm.services.quotes.service import QuoteService
from desktop_crm.services.reports.service import ReportService
from desktop_crm.services.search.global_search import SearchService
from desktop_crm.services.settings.numbering import NumberingService
from desktop_crm.services.settings.workspace_settings import (
    DEFAULT_LOST_REASONS,
    SettingsService,
)
from desktop_crm.services.targets.service import TargetService
from desktop_crm.services.team.service import TeamService, join_into_new_workspace
from desktop_crm.services.today.summary import TodayService
from desktop_crm.services.workspace.backups import BackupService
from desktop_crm.services.workspace.dto import CheckReport
from desktop_crm.services.workspace.reading import open_reads, refuse_folder
from desktop_crm.services.workspace.record_edits import RecordEditService
from desktop_crm.services.workspace.record_fields import RecordFieldsService
from desktop_crm.services.workspace.writer_mark import mark_written_by
from desktop_crm.store import backup, schema
from desktop_crm.store.local_user import set_local_user
from desktop_crm.store.lock import WorkspaceLock
from desktop_crm.store.models import Pipeline, Setting, Stage, User
from desktop_crm.store.store import Store

# Name, win probability (%), kind, rotting days (an open deal waiting longer is stale).
DEFAULT_STAGES: dict[str, list[tuple[str, int, str, int | None]]] = {
    "en": [
        ("Qualified", 10, "open", 14),
        ("Needs analysis", 25, "open", 14),
        ("Proposal sent", 50, "open", 21),
        ("Negotiation", 75, "open", 30),
        ("Won", 100, "won", None),
        ("Lost", 0, "lost", None),
    ],
    "zh": [
        ("初步接洽", 10, "open", 14),
        ("需求确认", 25, "open", 14),
        ("方案报价", 50, "open", 21),
        ("商务谈判", 75, "open", 30),
        ("赢单", 100, "won", None),
        ("输单", 0, "lost", None),
    ],
}


def default_workspace_path() -> Path:
    """The workspace used when none is named: in the user data folder, beside the logs."""
    from desktop_crm.services.workspace.error_log import data_dir

    return data_dir() / "workspace.crm"


class Workspace:
    """An open workspace and the services over it. Close it when done.

    Attributes:
        path: The workspace file.
        settings: Workspace settings.
        history: Undo, redo and the operation list.
        backups: Backups of this workspace.
        contacts: People and companies.
        imports: Importing files.
        exports: Exporting files.
        contact_list: Ids and rows for the contact lists.
        people: Saving people from the editor, duplicate hints.
        cards: Contact cards, their timeline, logging activities.
        duplicates: Likely duplicate people, and merging them.
        saved_views: Saved views of the contact lists.
        custom_fields: User-defined fields.
        numbers: Number pattern previews.
        today: The Today screen's figures.
        search: Global search.
        products: The product catalogue.
        contracts: Contracts, their payment plans and payments (回款).
        quotes: Quotes, their revisions, statuses, lists and PDFs.
        deals: Deals: editing, moving through stages, the board, lists and stage history.
        pipelines: Pipelines, their stages, and the lost reasons.
        printing: The company profile, document templates and the print log.
        calendar: Planned follow-ups as .ics files, and the published file kept up to date.
        pool: The lead pool (公海): records nobody holds, claims, releases, recycle runs.
        followups: Planning, changing, completing follow-ups; lists by day and contact.
        reminders: Due reminders and the marks of those shown (marks are written here).
        reports: The sales reports (funnel, forecast, won/lost, win rate, sales, targets).
        targets: Monthly sales targets per owner (what the targets report compares with).
        records: Any record by its number (customer, deal, quote, contract), fields by name.
        record_edits: Editing and deleting a record by its number (the CLI's edit, delete).
        reads: The same reading services on a connection of their own, for the app's lists,
            search and cards to answer while a long job holds the writer.
        alarm_reads: The reading services once more, on a third connection: the reminder
            checks' own (the app's reminder lane), never waiting behind a slow list or search.
    """

    def __init__(self, store: Store, clock: Clock | None = None) -> None:
        self._store = store
        self.path = store.path
        self.clock: Clock = clock or SystemClock()  # tests pass a FixedClock
        self.settings = SettingsService(store)
        self.history = HistoryService(store)
        self.backups = BackupService(store, self.settings)
        self.contacts = ContactsService(store, self.backups.backup_now)
        self.imports = ImportService(store, self.backups.backup_now)
        self.exports = ExportService(store)
        self.contact_list = ContactListService(store)
        self.people = PeopleService(store)
        self.cards = CardService(store, self.clock)
        self.duplicates = DuplicateService(store, self.backups.backup_now)
        self.saved_views = SavedViewsService(self.settings)
        self.custom_fields = CustomFieldsService(store)
        self.numbers = NumberingService(store)
        self.today = TodayService(store, self.clock)
        self.search = SearchService(store)
        self.products = ProductService(store)
        self.contracts = ContractService(store)
        self.quotes = QuoteService(store)
        self.deals = DealService(store, self.clock)
        self.pipelines = PipelineService(store, self.clock)
        self.printing = PrintingService(store)
        self.calendar = CalendarService(store, self.clock)
        self.pool = PoolService(store, self.clock)
        self.followups = FollowUpService(store, self.clock)
        self.reminders = ReminderService(store, self.clock)
        self.reports = ReportService(store, self.clock)
        self.targets = TargetService(store)
        self.team = TeamService(store)
        self.records = RecordFieldsService(store, self.clock)
        self.record_edits = RecordEditService(store, self.clock)
        self.reads = open_reads(store, self.clock)
        # Reminder checks read on a connection of their own, never queued behind a list page.
        self.alarm_reads = open_reads(store, self.clock)

    @property
    def store(self) -> Store:
        """The underlying store, for other services of the core (never for the UI)."""
        return self._store

    def close(self, *, backup_if_changed: bool = True) -> None:
        """Back up if anything changed since the last backup, then release the file."""
        try:
            if backup_if_changed:
                self.backups.backup_if_due(datetime.now(UTC), reason="close")
        finally:
            self.reads.close()
            self.alarm_reads.close()
            self._store.close()


def open_workspace(path: Path, clock: Clock | None = None) -> Workspace:
    """Open an existing workspace (locked, checked and migrated if needed).

    Raises:
        ValidationError: ``path`` is a folder (refused before a lock file is made beside it).
        CrmError: Missing, locked, damaged, foreign or too new; see ``Store.open``.
    """
    refuse_folder(path)
    return Workspace(_opened_for_writing(Store.open(path)), clock)


def _opened_for_writing(store: Store) -> Store:
    """``store``, its file marked as written by this version (closed if that fails)."""
    try:
        mark_written_by(store)
    except BaseException:
        store.close()
        raise
    return store


def join_team_workspace(
    path: Path,
    url: str,
    user: str,
    password: str | None = None,
    *,
    tls: str | None = None,
    remember: bool = False,
    progress: Progress | None = None,
    clock: Clock | None = None,
) -> Workspace:
    """Download a team hub's workspace into a new file at ``path`` and open it.

    Raises:
        ValidationError: A file is already there, or the address is not one.
        HubError, HubUnreachableError, HubVersionError: The hub refused or failed.
    """
    refuse_folder(path)
    store = join_into_new_workspace(
        path, url, user, password, tls=tls, remember=remember, progress=progress
    )
    return Workspace(_opened_for_writing(store), clock)


def create_workspace(
    path: Path, language: Language = "en", clock: Clock | None = None
) -> Workspace:
    """Create a new empty workspace with the local user and a default pipeline.

    Raises:
        ValidationError: A non-empty file is already there.
    """
    refuse_folder(path)
    path = path.expanduser().resolve()
    if path.exists() and path.stat().st_size > 0:
        raise ValidationError(f"{path} already exists; open it instead.", field="path")
    store = _opened_for_writing(Store.open(path, create=True))
    try:
        _seed(store, language)
    except BaseException:
        store.close()
        raise
    return Workspace(store, clock)


def _seed(store: Store, language: Language) -> None:
    with store.unit_of_work(op_label(LabelCode.CREATE_WORKSPACE), "system") as (session, _rec):
        user = User(name=getpass.getuser() or "me")
        pipeline = Pipeline(name="销售流程" if language == "zh" else "Sales", is_default=True)
        reasons = DEFAULT_LOST_REASONS.get(language, DEFAULT_LOST_REASONS["en"])
        session.add_all([user, pipeline, Setting(key="deals.lost_reasons", value=list(reasons))])
        session.flush()
        set_local_user(session, user.id)
        session.flush()
        for pos, (name, probability, kind, rotting) in enumerate(
            DEFAULT_STAGES.get(language, DEFAULT_STAGES["en"])
        ):
            session.add(
                Stage(
                    pipeline_id=pipeline.id,
                    name=name,
                    position=pos,
                    probability=probability,
                    kind=kind,
                    rotting_days=rotting,
                )
            )
    store.actor_id = user.id


def check_workspace(path: Path) -> CheckReport:
    """Check integrity and schema without changing or locking anything."""
    path = path.expanduser().resolve()
    version = 0
    try:
        header = schema.read_header(path)
        version = header.user_version
        schema.classify(path)
    except CrmError as exc:
        integrity = schema.integrity_check(path) if path.exists() else "missing"
        return CheckReport(
            path, False, version, schema.SCHEMA_VERSION, integrity, exc.message, exc.code
        )
    integrity = schema.integrity_check(path)
    problem = None if integrity == "ok" else f"{path.name} is damaged: {integrity}"
    return CheckReport(
        path,
        integrity == "ok",
        version,
        schema.SCHEMA_VERSION,
        integrity,
        problem,
        None if integrity == "ok" else "workspace.damaged",
    )


def restore_workspace(path: Path, backup_file: Path) -> Path | None:
    """Replace the (closed) workspace at ``path`` with ``backup_file``.

    A healthy current file is backed up first; a damaged or unreadable one is renamed aside,
    never deleted.

    Returns:
        Where a damaged file was set aside, or ``None``.

    Raises:
        WorkspaceLockedError: The workspace is open somewhere.
        BackupError: The backup is bad or the copy failed; the workspace is unchanged.
    """
    path = path.expanduser().resolve()
    backup_file = backup_file.expanduser().resolve()
    verdict = backup.check_backup(backup_file) if backup_file.exists() else "missing"
    if verdict != "ok":
        from desktop_crm.domain.errors import BackupError

        raise BackupError(f"{backup_file.name} is not a usable backup ({verdict}).")
    lock = WorkspaceLock(path)
    lock.acquire()
    try:
        aside = None
        if path.exists():
            healthy = False
            try:
                schema.classify(path)
                healthy = schema.quick_check(path) == "ok"
            except CrmError:
                healthy = False
            if healthy:
                backup.make_backup(path, "pre-restore")
            else:
                aside = backup.set_aside(path, "damaged")
        backup.restore_into(path, backup_file)
        return aside
    finally:
        lock.release()
