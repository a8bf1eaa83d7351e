"""Reading a workspace beside its writer: the app's readers, and the CLI's search and backup.

SQLite in WAL mode lets readers work beside the one writer, each seeing the last committed
state. Two uses:

- The app answers list pages, counts, filter values, search and cards through
  :class:`WorkspaceReads`, read-only services on a connection of their own, so browsing goes
  on while an import, undo or export holds the writer.
- The CLI searches and backs up a workspace the app has open (the app holds the OS lock; the
  backup API copies a consistent snapshot). It opens the file without the lock, on
  connections that refuse to write (``PRAGMA query_only``). A file that still needs a schema
  upgrade or a rebuilt search index is opened the usual, locked way instead: only the writer
  may change it (and an app that has it open has already done both).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from desktop_crm.domain.clock import Clock, SystemClock
from desktop_crm.domain.errors import CancelledError, ValidationError, WorkspaceDamagedError
from desktop_crm.services.cards.contact_cards import CardService
from desktop_crm.services.contact_lists.list_queries import ContactListService
from desktop_crm.services.contact_lists.saved_views import SavedViewsService
from desktop_crm.services.contacts.custom_fields import CustomFieldsService
from desktop_crm.services.contracts.service import ContractService
from desktop_crm.services.deals.edit_values import DealValuesService
from desktop_crm.services.deals.service import DealService
from desktop_crm.services.followups.calendar import CalendarService
from desktop_crm.services.followups.reminders import ReminderService
from desktop_crm.services.followups.service import FollowUpService
from desktop_crm.services.history.operations import HistoryService
from desktop_crm.services.pipelines.service import PipelineService
from desktop_crm.services.pool.service import PoolService
from desktop_crm.services.printing.service import PrintingService
from desktop_crm.services.products.service import ProductService
from desktop_crm.services.quotes.service import QuoteService
from desktop_crm.services.reports.service import ReportService
from desktop_crm.services.search.global_search import SearchService
from desktop_crm.services.settings.workspace_settings import SettingsService
from desktop_crm.services.targets.service import TargetService
from desktop_crm.services.team.service import TeamService
from desktop_crm.services.today.summary import TodayService
from desktop_crm.services.workspace.backups import BackupService
from desktop_crm.services.workspace.dto import BackupInfo
from desktop_crm.services.workspace.record_fields import RecordFieldsService
from desktop_crm.store import backup, schema, search_index
from desktop_crm.store.database import make_engine
from desktop_crm.store.local_user import local_user_id
from desktop_crm.store.lock import WorkspaceLock
from desktop_crm.store.store import Store


def refuse_folder(path: Path, what: str = "workspace") -> None:
    """Raise a clear error when ``path`` is a folder (nothing is created beside it).

    Raises:
        ValidationError: ``path`` is a folder.
    """
    if path.expanduser().is_dir():
        raise ValidationError(
            f"{path} is a folder, not a {what} file.", field="path", path=str(path)
        )


class _FollowingKeys(search_index.ShortKeys):
    """The reader's own short search keys, stale whenever the writer's are.

    Each thread keeps its own copy (a load replaces several attributes, which another thread
    must not see half-done); the writer's commits bump its generation, which this one follows.
    """

    def __init__(self, writer_keys: search_index.ShortKeys) -> None:
        self._writer_keys = writer_keys
        super().__init__()

    @property
    def generation(self) -> int:
        """The writer's generation: bumped by every commit that changed what search finds."""
        return self._writer_keys.generation

    @generation.setter
    def generation(self, _value: int) -> None:
        """Ignored: only the writer's commits make these keys stale."""

    def invalidate(self) -> None:
        """Mark the keys stale (the writer's too, which is harmless)."""
        self._writer_keys.invalidate()


class _ReadOnlyStore(Store):
    """A store over a read-only engine of its own, closable from any thread.

    Closing waits for a read in progress (on the reader's thread) and makes later reads raise
    :class:`CancelledError`, so that a read queued before the workspace closed never opens
    the file again.
    """

    def __init__(self, path: Path, *, search_keys: search_index.ShortKeys | None = None) -> None:
        engine = make_engine(path)
        event.listen(engine, "connect", _refuse_writes)
        # A lock object that is never taken: Store.close() releases it as a no-op.
        super().__init__(path, engine, WorkspaceLock(path))
        if search_keys is not None:
            self.search_keys = search_keys
        self._guard = threading.RLock()
        self._closed = False

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short read session; raises :class:`CancelledError` once closed."""
        with self._guard:
            if self._closed:
                raise CancelledError("The workspace was closed.")
            with super().read() as session:
                yield session

    def close(self) -> None:
        """Dispose of the engine once no read is running (idempotent)."""
        with self._guard:
            self._closed = True
            super().close()


class WorkspaceReads:
    """Read-only services on a connection of their own, beside the workspace's writer.

    Each read sees what was committed when it began: a list reloaded after a change arrives
    shows it. Writing through them fails (``PRAGMA query_only``).

    Attributes:
        contact_list: Counts, pages and filter values of the contact lists.
        search: Search as you type, and the global search.
        cards: Contact cards (reading only).
        today: The Today screen's figures and the status bar's counts.
        history: What undo and redo would do, and the operation list.
        settings: Workspace settings (reading only).
        saved_views: Saved views of the contact lists (reading only).
        custom_fields: Custom field definitions (reading only).
        products: Counts, pages and pickers of the product catalogue (reading only).
        quotes: Counts, pages, totals and details of quotes (reading only).
        contracts: Contract lists, details, balances and documents (reading only).
        deals: A deal's summary, a customer's deals, the board, lists and stage history.
        pipelines: Pipelines and their stages, the lost reasons (reading only).
        deal_values: A deal's own values (ids behind the names) for the deal editor.
        printing: Templates, the company profile, rendering (previews and samples) and the
            print log (reading only: logging a printing is a write, on the writer).
        calendar: Planned follow-ups as .ics files (publishing writes local state: the
            writer's).
        pool: The lead pool's records and counts (reading only).
        followups: Follow-ups by day, by contact, one by id (reading only).
        reminders: Due reminders and the due count (marking them shown is the writer's).
        reports: The sales reports (the Reports screen reads them here).
        targets: Monthly sales targets and who they can be set for (reading only).
        team: Team mode's status and open conflicts (reading only: syncing is the writer's).
    """

    def __init__(self, store: _ReadOnlyStore, clock: Clock) -> None:
        self._store = store
        self.clock = clock
        self.contact_list = ContactListService(store)
        self.search = SearchService(store)
        self.cards = CardService(store, clock)
        self.today = TodayService(store, clock)
        self.history = HistoryService(store)
        self.settings = SettingsService(store)
        self.saved_views = SavedViewsService(self.settings)
        self.custom_fields = CustomFieldsService(store)
        self.products = ProductService(store)
        self.quotes = QuoteService(store)
        self.contracts = ContractService(store)
        self.deals = DealService(store, clock)
        self.pipelines = PipelineService(store, clock)
        self.deal_values = DealValuesService(store)
        self.printing = PrintingService(store)
        self.pool = PoolService(store, clock)
        self.followups = FollowUpService(store, clock)
        self.reminders = ReminderService(store, clock)
        self.calendar = CalendarService(store, clock)
        self.reports = ReportService(store, clock)
        self.targets = TargetService(store)
        self.team = TeamService(store)

    def journal_mode(self) -> str:
        """The journal mode this connection sees (``wal`` lets it read beside the writer)."""
        with self._store.read() as session:
            return str(session.connection().exec_driver_sql("PRAGMA journal_mode").scalar())

    def close(self) -> None:
        """Release the connection after any read in progress (idempotent, from any thread).

        Later reads raise :class:`CancelledError`.
        """
        self._store.close()


def open_reads(store: Store, clock: Clock | None = None) -> WorkspaceReads:
    """Read-only services over ``store``'s file on a connection of their own.

    The connection opens on the first read. The readers keep their own short search keys,
    which ``store``'s commits mark stale.
    """
    reader = _ReadOnlyStore(store.path, search_keys=_FollowingKeys(store.search_keys))
    reader.actor_id = store.actor_id
    return WorkspaceReads(reader, clock or SystemClock())


class WorkspaceReader:
    """A workspace opened to search and back up, usually without its lock. Close it when done.

    Attributes:
        path: The workspace file.
        locked: Whether this process holds the lock (the file needed the writer).
        search: Search, as in the app.
        settings: Workspace settings (read only unless ``locked``).
        quotes: Quote lists and details, as in the app (the CLI's ``quotes``).
        contracts: Contract lists and details, as in the app (the CLI's ``contracts``).
        printing: Templates, the company profile, rendering and the print log (reading only
            unless ``locked``).
        pool: The lead pool (the CLI's ``pool`` and ``recycle --dry-run``).
        today: Every Today list at a moment (the CLI's ``today``).
        calendar: Planned follow-ups as .ics files (the CLI's ``ics``).
        followups: Follow-ups by due day (the CLI's ``followups``).
        reports: The sales reports (the CLI's ``report``).
        deals: Deals, their lists and board (the CLI's ``deals``).
        pipelines: Pipelines and their stages (the CLI's ``deals --stage``).
        records: Any record by its number, its fields by name (the CLI's ``show``).
    """

    def __init__(self, store: Store, *, locked: bool) -> None:
        self._store = store
        self.path = store.path
        self.locked = locked
        self.search = SearchService(store)
        self.settings = SettingsService(store)
        self.quotes = QuoteService(store)
        self.contracts = ContractService(store)
        self.printing = PrintingService(store)
        self.calendar = CalendarService(store, SystemClock())  # the CLI's ``ics``
        self.followups = FollowUpService(store, SystemClock())  # the CLI's ``followups``
        self.pool = PoolService(store, SystemClock())  # the system's clock and zone
        self.today = TodayService(store)  # the system's clock and zone (the CLI's ``today``)
        self.reports = ReportService(store, SystemClock())  # the CLI's ``report``
        self.deals = DealService(store, SystemClock())  # the CLI's ``deals``
        self.pipelines = PipelineService(store, SystemClock())
        self.records = RecordFieldsService(store, SystemClock())  # the CLI's ``show``
        self.team = TeamService(store)  # the CLI's ``conflicts`` (reads only)

    def backup(self, dest: Path | None = None) -> BackupInfo:
        """Take a verified backup: to ``dest``, or into the backups folder (then rotate).

        Raises:
            BackupError: The copy could not be written or verified.
        """
        if dest is not None:
            made = backup.make_backup(self.path, "manual", dest=dest)
            return BackupInfo(made.path, made.at, made.reason, made.size)
        if self.locked:  # the writer also records which change the backup holds
            return BackupService(self._store, self.settings).backup_now("manual")
        made = backup.make_backup(self.path, "manual")
        backup.rotate(self.path, self.settings.retention())
        return BackupInfo(made.path, made.at, made.reason, made.size)

    def close(self) -> None:
        """Release the file (and the lock, if held)."""
        self._store.close()


def open_for_reading(path: Path) -> WorkspaceReader:
    """Open ``path`` to search or back up, even while the app has it open.

    Raises:
        ValidationError: ``path`` is a folder.
        CrmError: Missing, damaged, foreign or too new (and, when it needs upgrading, locked).
    """
    refuse_folder(path)
    path = path.expanduser().resolve()
    header = schema.classify(path)
    if header.user_version < schema.SCHEMA_VERSION or not header.has_tables:
        return WorkspaceReader(Store.open(path), locked=True)
    verdict = schema.quick_check(path)
    if verdict != "ok":
        raise WorkspaceDamagedError(
            f"{path.name} is damaged ({verdict}).", path=str(path), detail=verdict
        )
    engine = make_engine(path)
    event.listen(engine, "connect", _refuse_writes)
    # A lock object that is never taken: Store.close() releases it as a no-op.
    store = Store(path, engine, WorkspaceLock(path))
    try:
        with store.read() as session:
            store.actor_id = local_user_id(session)
            stale_index = search_index.needs_rebuild(session)
    except BaseException:
        store.close()
        raise
    if stale_index:
        store.close()
        return WorkspaceReader(Store.open(path), locked=True)
    return WorkspaceReader(store, locked=False)


def _refuse_writes(dbapi_conn: Any, _record: Any) -> None:
    # Registered after make_engine's own pragmas (journal_mode=WAL), which must still run.
    dbapi_conn.execute("PRAGMA query_only=ON")
