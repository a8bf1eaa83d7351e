"""Run the self-test's steps in a temporary folder, one result each, stopping at a failure.

The run never touches the user's data folder: ``DESKTOP_CRM_DATA_DIR`` points into the run's
folder while it lasts (the log, a default workspace, anything the services would put there),
the workspaces and their backups sit in it, and it is removed at the end, whatever happened.
A failure's traceback is written to the error log in ``desktop-crm-self-test/`` of the
temporary root (kept, so that it can be read and sent: the run's own folder is gone by then);
the step's line names it.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from desktop_crm.domain.errors import CrmError
from desktop_crm.services.selftest.dto import (
    SelfTestPlace,
    StepFailed,
    StepResult,
    StepSkipped,
)
from desktop_crm.services.selftest.steps import SampleRun
from desktop_crm.services.workspace.error_log import (
    DATA_DIR_ENV,
    logger,
    setup_logging,
)

FOLDER_PREFIX = "desktop-crm-self-test-"
FOLDER_STEP = "temp-folder"  # reported only when the run's folder cannot be made
LOG_FOLDER = "desktop-crm-self-test"  # in the temporary root: a failure's traceback
MAX_WHY = 300

Report = Callable[[StepResult], None]
LaterStep = tuple[str, Callable[[SelfTestPlace], None]]


def run(report: Report, *, root: Path | None = None, later: Sequence[LaterStep] = ()) -> bool:
    """Run every step in order, reporting each; stop at the first failure.

    Args:
        report: Called with each step's result as soon as it is known.
        root: Where the run's temporary folder is made (the system's temporary folder).
        later: Steps the caller adds after the service steps (the UI's), each given the run's
            folder and the sample workspace (closed by then). One raising ``StepSkipped``
            is reported as skipped and the run goes on.

    Returns:
        Whether no step failed.
    """
    root = Path(tempfile.gettempdir()) if root is None else root
    try:
        folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX, dir=root))
    except OSError as exc:  # no step can run: said as a step of its own
        why = one_line(f"cannot make a folder in {root}: {exc}")
        report(StepResult(FOLDER_STEP, "failed", why))
        return False
    with _used(folder):
        sample = SampleRun(folder)
        try:
            for name, step in sample.steps():
                if not _attempt(report, name, step, root):
                    return False
        finally:
            sample.close()  # before the later steps: the app opens the workspace itself
        place = SelfTestPlace(folder, sample.path)
        for name, later_step in later:
            if not _attempt(report, name, functools.partial(later_step, place), root):
                return False
    return True


def _attempt(report: Report, name: str, step: Callable[[], None], root: Path) -> bool:
    """Run one step and report it; whether the run may go on."""
    try:
        step()
    except StepSkipped as exc:
        report(StepResult(name, "skipped", one_line(str(exc))))
        return True
    except Exception as exc:  # any failure is the step's: reported, logged, the run ends
        log = _log_failure(exc, name, root)
        where = f" (details: {log})" if log else ""
        report(StepResult(name, "failed", why(exc) + where))
        return False
    report(StepResult(name, "ok"))
    return True


def why(exc: BaseException) -> str:
    """One line saying what went wrong: a check's or the core's own words, else the error."""
    if isinstance(exc, StepFailed | CrmError):
        text = str(exc)
    else:
        text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return one_line(text)


def one_line(text: str) -> str:
    """``text`` on one line (whitespace runs made one space), at most ``MAX_WHY`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_WHY else flat[: MAX_WHY - 1] + "…"


def _log_failure(exc: BaseException, step: str, root: Path) -> Path | None:
    """Write the traceback to the kept log; where it is, or None if nowhere could take it."""
    # Not log_unexpected: it logs where the data folder is, which is the run's, thrown away.
    path = setup_logging(root / LOG_FOLDER)
    logger.error("desktop-crm --self-test: step %s failed", step, exc_info=exc)
    return path


@contextlib.contextmanager
def _used(folder: Path) -> Iterator[None]:
    """The run's folder as the data folder while the run lasts; removed afterwards."""
    saved = os.environ.get(DATA_DIR_ENV)
    os.environ[DATA_DIR_ENV] = str(folder / "data")
    setup_logging(folder / "data" / "logs")  # what the services log while the run lasts
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(DATA_DIR_ENV, None)
        else:
            os.environ[DATA_DIR_ENV] = saved
        _close_logs_in(folder)
        shutil.rmtree(folder, ignore_errors=True)


def _close_logs_in(folder: Path) -> None:
    """Close log files open in ``folder`` (Windows removes no folder holding an open file)."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename).is_relative_to(
            folder.resolve()
        ):
            handler.close()
