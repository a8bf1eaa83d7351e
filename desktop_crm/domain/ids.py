"""Global ids: time-ordered UUIDs (RFC 9562 version 7) usable across machines."""

from __future__ import annotations

import os
import random
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_counter = 0
# Seeded from the OS once (and again in a forked child): ids need uniqueness, not secrecy,
# and getrandbits is several times faster than os.urandom per call.
_random = random.Random(os.urandom(32))
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=lambda: _random.seed(os.urandom(32)))


def new_id() -> str:
    """Return a new UUIDv7 as canonical text.

    Ids made by one process sort in creation order, even within a millisecond: the 12-bit
    ``rand_a`` field holds a counter that restarts at a random value each millisecond.
    """
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            ms = _last_ms
            _counter += 1
            if _counter > 0xFFF:  # counter exhausted: borrow the next millisecond
                ms += 1
                _counter = _random.getrandbits(10)
        else:
            _counter = _random.getrandbits(10)
        _last_ms = ms
        value = (ms & 0xFFFF_FFFF_FFFF) << 80 | 0x7 << 76 | _counter << 64 | 0b10 << 62
        value |= _random.getrandbits(62)
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def id_timestamp_ms(id_: str) -> int:
    """Return the Unix time in milliseconds encoded in a UUIDv7."""
    return uuid.UUID(id_).int >> 80
