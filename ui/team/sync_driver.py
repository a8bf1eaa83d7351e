"""Background sync of a joined workspace with its team hub, and what the window shows of it.

The window makes one :class:`TeamSync`; ``ui.app`` switches its timers on for a real run (tests
and ``--screenshot`` leave them off, so nothing is written unasked). While a joined workspace
is open it syncs on the worker's writer every 30 s and about 3 s after the last local change,
never two at once, and hands what a pull changed to ``Shell.apply_changes`` so only the
affected screens reload. An unreachable hub is "Offline" in the status bar and nothing more
(tried again later, first with a probe off the writer); a refusal says "Sync refused", with
the reason in the tooltip and once in a message that does not block the window.

Passwords typed for a sync are kept in memory for this run only (by workspace file); the
keychain keeps them across runs when the user asks, never the workspace or QSettings.
"""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from desktop_crm.domain.errors import HubError, HubUnreachableError, HubVersionError
from desktop_crm.domain.progress import CancelToken
from desktop_crm.services.common.dto import ChangeResult
from ui.messages import error_text
from ui.team.reachability import Probe
from ui.team.sync_indicator import SyncIndicator
from ui.team.sync_state import ShownState, SyncView
from ui.team.texts import hub_error_text

if TYPE_CHECKING:
    from desktop_crm.services.team.dto import SyncReport, TeamStatus
    from desktop_crm.services.workspace.handle import Workspace
    from ui.shell import Shell

INTERVAL_MS = 30_000
AFTER_CHANGE_MS = 3_000
AFTER_OPEN_MS = 2_000
AGAIN_MS = 500  # a sync asked for while one ran
REFUSED_RETRY_S = 300.0  # a refusal is not asked again every 30 s


class TeamSync(QObject):
    """Team mode of the window's open workspace: the timers, the indicator, the state.

    Args:
        shell: The main window (worker, apply_changes, show_view).
        interval_ms: Milliseconds between syncs.
        after_change_ms: Quiet time after a local change before it is sent.

    Attributes:
        after_change_ms: As given (tests shorten it).
        enabled: Whether syncs run by themselves (``ui.app`` sets it for a real run); "Sync
            Now" works either way.
        view: What is known of the open workspace's hub.
        indicator: The status bar's button.
        notice: The last refusal message shown, if any (non-modal).

    Signals:
        viewChanged(object): A new :class:`SyncView`.
        conflictsChanged(int): How many conflicts wait (the sidebar's badge).
    """

    viewChanged = Signal(object)
    conflictsChanged = Signal(int)

    def __init__(
        self,
        shell: Shell,
        *,
        interval_ms: int = INTERVAL_MS,
        after_change_ms: int = AFTER_CHANGE_MS,
    ) -> None:
        super().__init__(shell)
        self._shell = shell
        self.enabled = False
        self.view = SyncView()
        self.notice: QMessageBox | None = None
        self.indicator = SyncIndicator()
        self.indicator.conflictsRequested.connect(lambda: shell.show_view("conflicts"))
        self._ws: Workspace | None = None
        self._generation = 0  # results of a workspace since closed are dropped
        self._running = False
        self._again = False
        self._attempt: ShownState | None = None  # "offline" or "refused" after a failure
        self._message = ""
        self._refused_at = 0.0
        self._told: set[str] = set()
        self._passwords: dict[Path, str] = {}
        self._own: ChangeResult | None = None
        self._token: CancelToken | None = None  # the running sync's, cancelled on close
        self.after_change_ms = after_change_ms
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(self._tick)
        self._probe = Probe(self)

    # --- the window's hooks -------------------------------------------------------------------

    def enable(self) -> None:
        """Sync by yourself from now on (a real run; tests switch it on when they need it)."""
        self.enabled = True
        if self._ws is not None and self.view.joined:
            self._timer.start()
            self._soon.start(AFTER_OPEN_MS)

    def opened(self, workspace: Workspace) -> None:
        """A workspace opened: learn whether it is joined, then sync soon if it is."""
        self.stop()
        self._ws = workspace
        self.refresh(sync_soon=True)

    def stop(self) -> None:
        """The workspace is closing: no more syncs, answers still to come are dropped.

        A sync already on the writer finishes before the close, which is queued after it.
        """
        self._generation += 1
        self._ws = None
        if self._token is not None:
            self._token.cancel()  # a long pull stops at its next page: the close need not wait
            self._token = None
        self._timer.stop()
        self._soon.stop()
        self._probe.cancel()
        self._running = self._again = False
        self._attempt, self._message = None, ""
        self._set_view(SyncView())

    def changed(self, changes: ChangeResult) -> None:
        """A change was saved: show what waits, and send it after a quiet moment."""
        if changes is self._own or self._ws is None or not self.view.joined:
            return
        self.refresh()
        if self.enabled and not self._refused_recently():
            self._soon.start(self.after_change_ms)

    # --- what the Team tab and the join dialog ask ----------------------------------------------

    def keep_password(self, path: Path, password: str) -> None:
        """Use ``password`` for the workspace at ``path`` for this run (never written down)."""
        if password:
            self._passwords[path] = password

    def sync_now(self, password: str = "", remember: bool = False) -> None:
        """Sync at once (after the one running, if any), with ``password`` if given.

        Args:
            password: The hub password for this run ("" for the keychain's or the
                environment's).
            remember: Keep ``password`` in the OS keychain too.
        """
        ws = self._ws
        if ws is None or not self.view.joined:
            return
        self.keep_password(ws.path, password)
        self._start(remember=remember and bool(password))

    def refresh(self, *, sync_soon: bool = False) -> None:
        """Read the workspace's team status again (on the reader) and show it."""
        ws = self._ws
        if ws is None:
            return
        generation = self._generation

        def show(status: TeamStatus) -> None:
            if generation != self._generation:
                return
            self._set_view(self._compose(status))
            if self.view.joined and self.enabled:
                if not self._timer.isActive():
                    self._timer.start()
                if sync_soon:
                    self._soon.start(AFTER_OPEN_MS)

        self._shell.worker.read(ws.reads.team.status, show, lambda _exc: None)

    # --- one sync -------------------------------------------------------------------------------

    def _tick(self) -> None:
        if self.enabled and not self._refused_recently():
            self._start()

    def _refused_recently(self) -> bool:
        return self._attempt == "refused" and time.monotonic() - self._refused_at < REFUSED_RETRY_S

    def _start(self, *, remember: bool = False) -> None:
        ws = self._ws
        if ws is None or not self.view.joined:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        self._set_view(self.view.with_state("syncing"))
        generation = self._generation
        if self._attempt == "offline" and self.view.url:
            # Known offline: ask the port first, off the writer, so a hub that does not answer
            # never holds up the user's saves for the driver's connect timeout.
            self._probe.check(
                self.view.url, lambda answers: self._probed(generation, answers, remember)
            )
        else:
            self._submit(ws, remember)

    def _probed(self, generation: int, answers: bool, remember: bool) -> None:
        ws = self._ws
        if generation != self._generation or ws is None:
            return
        if answers:
            self._submit(ws, remember)
        else:
            self._failed(generation, HubUnreachableError("The hub does not answer."))

    def _submit(self, ws: Workspace, remember: bool) -> None:
        password = self._passwords.get(ws.path)
        token = self._token = CancelToken()

        def job() -> tuple[SyncReport, BaseException | None]:
            kept: BaseException | None = None
            if remember and password:
                try:
                    ws.team.remember_password(password)
                except HubError as exc:
                    if exc.params.get("reason") != "keychain":
                        raise
                    kept = exc  # no keychain here: the password still serves this run
            return ws.team.sync(token, password=password), kept

        generation = self._generation
        self._shell.worker.submit(
            job,
            partial(self._synced, generation),
            partial(self._failed, generation),
            background=True,
            quiet=True,
        )

    def _synced(self, generation: int, outcome: tuple[SyncReport, BaseException | None]) -> None:
        if generation != self._generation:
            return
        report, keychain_problem = outcome
        self._running = False
        self._token = None
        self._attempt, self._message = None, ""
        self._set_view(self._after(report))
        if report.entities:
            # Only the screens showing what the pull changed reload; this driver does not
            # take its own result for a local change to send.
            own = ChangeResult(None, entities=report.entities, ids=tuple(sorted(report.ids)))
            self._own = own
            try:
                self._shell.apply_changes(own)
            finally:
                self._own = None
        if report.restored:
            self._shell.show_status(
                self.tr(
                    "The team hub had been restored from an older copy: sent everything again."
                ),
                8000,
            )
        if keychain_problem is not None:
            self._tell(hub_error_text(keychain_problem))
        self.refresh()
        self._run_again()

    def _after(self, report: SyncReport) -> SyncView:
        state: ShownState = "conflicts" if report.conflicts else "synced"
        return SyncView(state, self.view.url, self.view.user, 0, report.conflicts, report.at, "")

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._running = False
        self._token = None
        if isinstance(exc, HubUnreachableError):
            # Offline: say so in the status bar only, and try again on the next tick.
            self._attempt, self._message = "offline", ""
            self._set_view(self.view.with_state("offline"))
        else:
            message = hub_error_text(exc) if isinstance(exc, HubError) else error_text(exc)
            self._attempt, self._message = "refused", message
            self._refused_at = time.monotonic()
            self._set_view(self.view.with_state("refused", message))
            self._tell(message, important=isinstance(exc, HubVersionError))
        self.refresh()
        self._run_again()

    def _run_again(self) -> None:
        if self._again:
            self._again = False
            self._soon.start(AGAIN_MS)

    def _tell(self, message: str, *, important: bool = False) -> None:
        """Show ``message`` once per run, in a box that does not block the window."""
        if message in self._told:
            return
        self._told.add(message)
        box = QMessageBox(
            QMessageBox.Icon.Critical if important else QMessageBox.Icon.Warning,
            self.tr("Team sync"),
            message,
            QMessageBox.StandardButton.Ok,
            self._shell,
        )
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        self.notice = box

    # --- state ----------------------------------------------------------------------------------

    def _compose(self, status: TeamStatus) -> SyncView:
        if status.state == "alone":
            return SyncView()
        view = SyncView(
            cast(ShownState, status.state),
            status.url,
            status.user,
            status.pending,
            status.conflicts,
            status.last_sync,
        )
        if self._running:
            return view.with_state("syncing")
        if self._attempt is not None:
            return view.with_state(self._attempt, self._message)
        return view

    def _set_view(self, view: SyncView) -> None:
        before = self.view
        self.view = view
        self.indicator.show_view(view)
        if view != before:
            self.viewChanged.emit(view)
        if view.conflicts != before.conflicts:
            self.conflictsChanged.emit(view.conflicts)


def team_sync_of(shell: QObject) -> TeamSync | None:
    """The window's team sync (the Team tab and the join dialog reach it through the window)."""
    found = shell.findChild(TeamSync)
    return found if isinstance(found, TeamSync) else None
