"""The error log: full details of unexpected errors, kept out of what users read.

Users see one sentence and where the details are; the traceback, SQL and parameters go to a
rotating ``desktop-crm.log`` in ``logs/`` of the user data folder (beside the default
workspace, where the README tells users to look), so there is one folder to find and send.
``DESKTOP_CRM_DATA_DIR`` moves that folder (tests point it at a temporary one).

Only the standard library and platformdirs are imported: the app's start path stays light.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path

DATA_DIR_ENV = "DESKTOP_CRM_DATA_DIR"
LOG_NAME = "desktop-crm.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [pid %(process)d, %(threadName)s] %(message)s"
_LOGGED = "_desktop_crm_logged"  # set on an exception once its traceback is in the log

logger = logging.getLogger("desktop_crm")
_lock = threading.Lock()
_handler: RotatingFileHandler | None = None


def data_dir() -> Path:
    """The user data folder: ``DESKTOP_CRM_DATA_DIR`` if set, else the platform's own."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("Desktop CRM", appauthor=False)


class _QuietRotatingHandler(RotatingFileHandler):
    """A rotating file handler that never prints logging's own errors to stderr.

    Two processes (the app and the command line) may share the file; a failed rotation or
    write must not add a "--- Logging error ---" block to a one-line message.
    """

    def handleError(self, record: logging.LogRecord) -> None:
        """Drop the record: the log is a help, never a new failure."""


def setup_logging(folder: Path | None = None) -> Path | None:
    """Send warnings and errors to the rotating log file (once per process and folder).

    Args:
        folder: Where ``desktop-crm.log`` goes; ``logs/`` in :func:`data_dir` by default.
            When that folder cannot be made, the system's temporary folder is used.

    Returns:
        The log file, or ``None`` when no folder could take it.
    """
    global _handler
    with _lock:
        candidates = [folder or data_dir() / "logs", Path(tempfile.gettempdir())]
        for candidate in candidates:
            target = (candidate / LOG_NAME).resolve()
            if _handler is not None and Path(_handler.baseFilename) == target:
                return target
            try:
                candidate.mkdir(parents=True, exist_ok=True)
                # delay: the file appears with the first record, not on every start.
                handler = _QuietRotatingHandler(
                    target,
                    maxBytes=MAX_BYTES,
                    backupCount=BACKUP_COUNT,
                    encoding="utf-8",
                    delay=True,
                )
            except OSError:
                continue
            handler.setFormatter(logging.Formatter(_FORMAT))
            handler.setLevel(logging.INFO)
            root = logging.getLogger()
            if _handler is not None:
                root.removeHandler(_handler)
                _handler.close()
            root.addHandler(handler)
            logger.setLevel(logging.INFO)
            _handler = handler
            return target
        return None


def log_path() -> Path | None:
    """The log file, set up first if needed (and moved if ``DESKTOP_CRM_DATA_DIR`` changed)."""
    return setup_logging()


def log_unexpected(exc: BaseException, context: str = "") -> Path | None:
    """Write ``exc`` with its traceback to the log (once per exception); return the log file.

    Args:
        exc: The exception; its own traceback is written, whichever thread raised it.
        context: Where or while doing what, e.g. ``"desktop-crm import people.xlsx"``.
    """
    path = log_path()
    if getattr(exc, _LOGGED, False):
        return path
    logger.error("unexpected error%s", f" ({context})" if context else "", exc_info=exc)
    with contextlib.suppress(AttributeError, TypeError):  # a type that takes no attributes
        setattr(exc, _LOGGED, True)
    return path
