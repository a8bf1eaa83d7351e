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
    """Return a new UUIDv7 as canonical text."""
    return new_ids(1)[0]


def new_ids(count: int) -> list[str]:
    """Return ``count`` new UUIDv7s as canonical text, in creation order.

    Ids made by one process sort in creation order, even within a millisecond: the 12-bit
    ``rand_a`` field holds a counter that restarts at a random value each millisecond (and
    borrows the next millisecond when exhausted, so a bulk insert never waits for the clock).
    """
    global _last_ms, _counter
    ids: list[str] = []
    rand = _random.getrandbits
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            ms, counter = _last_ms, _counter + 1
        else:
            counter = rand(10)
        for _ in range(count):
            if counter > 0xFFF:
                ms, counter = ms + 1, rand(10)
            value = (ms & 0xFFFF_FFFF_FFFF) << 80 | 0x7 << 76 | counter << 64 | 0b10 << 62
            h = f"{value | rand(62):032x}"
            ids.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
            counter += 1
        _last_ms, _counter = ms, counter - 1
    return ids


def id_timestamp_ms(id_: str) -> int:
    """Return the Unix time in milliseconds encoded in a UUIDv7."""
    return uuid.UUID(id_).int >> 80
