"""Whether a hub's port answers, asked on a thread of its own.

A hub that cannot be reached makes the database driver wait for its connect timeout; on the
writer that would hold up the user's own saves. While the hub is known to be offline, the sync
driver asks here first (a plain TCP connect, off the worker) and only queues a sync on the
writer once the port answers. Online, it syncs directly: a bare probe would add a line to the
hub's log on every sync.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, QTimer

PROBE_TIMEOUT = 3.0  # seconds
POLL_MS = 50
DEFAULT_PORT = 5432


def host_port(url: str) -> tuple[str, int] | None:
    """The host and port a hub address names (None: it names none)."""
    text = url.strip()
    if "://" not in text:
        text = "postgresql://" + text
    try:
        parts = urlsplit(text)
        port = parts.port or DEFAULT_PORT
    except ValueError:
        return None
    return (parts.hostname, port) if parts.hostname else None


def port_answers(host: str, port: int, timeout: float = PROBE_TIMEOUT) -> bool:
    """Whether a TCP connection to ``host:port`` opens within ``timeout`` seconds."""
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


class Probe(QObject):
    """Asks :func:`port_answers` on a daemon thread; answers on the GUI thread.

    The answer comes back through a polled list rather than a signal: nothing of Qt crosses
    threads, and a probe still running when the app quits does not keep it alive.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._waiting: list[tuple[list[bool], Callable[[bool], None]]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    def check(self, url: str, on_done: Callable[[bool], None]) -> None:
        """Call ``on_done(answers)`` once the hub at ``url`` answered or timed out.

        An address naming no host counts as answering: the sync then says what is wrong.
        """
        target = host_port(url)
        if target is None:
            on_done(True)
            return
        box: list[bool] = []
        host, port = target
        threading.Thread(
            target=lambda: box.append(port_answers(host, port)), name="hub-probe", daemon=True
        ).start()
        self._waiting.append((box, on_done))
        self._timer.start()

    def cancel(self) -> None:
        """Drop the answers still to come (the workspace closed)."""
        self._waiting.clear()
        self._timer.stop()

    def _poll(self) -> None:
        ready = [(box, fn) for box, fn in self._waiting if box]
        self._waiting = [(box, fn) for box, fn in self._waiting if not box]
        if not self._waiting:
            self._timer.stop()
        for box, fn in ready:
            fn(box[0])
