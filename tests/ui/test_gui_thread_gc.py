"""Cycles are collected on the GUI thread, never on a worker that happens to allocate."""

from __future__ import annotations

import gc
import threading

from ui.gui_thread_gc import collect_on_gui_thread


class _Cycle:
    def __init__(self, freed_on: list[str]) -> None:
        self.me = self
        self.freed_on = freed_on

    def __del__(self) -> None:
        self.freed_on.append(threading.current_thread().name)


def test_a_cycle_dropped_by_a_worker_is_freed_on_the_gui_thread(qapp, qtbot) -> None:
    collector = collect_on_gui_thread(qapp)
    assert collect_on_gui_thread(qapp) is collector  # one per app
    assert not gc.isenabled()
    freed_on: list[str] = []
    kept: list[list[int]] = []

    def work() -> None:
        _Cycle(freed_on)
        # Far more live containers than the first threshold: automatic collection would run here.
        kept.extend([i] for i in range(50_000))

    thread = threading.Thread(target=work, name="worker")
    thread.start()
    thread.join()
    assert freed_on == []
    qtbot.waitUntil(lambda: freed_on != [], timeout=5_000)
    assert freed_on == [threading.main_thread().name]
