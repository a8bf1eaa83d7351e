"""The lazily paged table model the list screens share (``ui.paged_model``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from ui.paged_model import PAGE, PagedTableModel, RowRole


@dataclass(frozen=True)
class Row:
    id: str
    name: str


class QueuedWorker:
    """Holds reads until the test runs them, as the worker's reader answers later."""

    def __init__(self) -> None:
        self.jobs: list[tuple[Callable[[], Any], Callable[[Any], None]]] = []

    def read(self, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self.jobs.append((fn, on_done))

    def run(self) -> int:
        jobs, self.jobs = self.jobs, []
        for fn, on_done in jobs:
            on_done(fn())
        return len(jobs)


class NumberModel(PagedTableModel[Row, int]):
    """Rows ``0 .. size - 1`` of an in-memory list; records which pages it read."""

    def __init__(self, worker: QueuedWorker, size: int) -> None:
        super().__init__(
            worker, {"name": "Name"}, lambda r, k: getattr(r, k), ["id", "name"], "id", False
        )
        self.size = size
        self.starts: list[int] = []

    def _read_count(self, ws: Any, done: Callable[[int], None]) -> None:
        size = self.size
        self._worker.read(lambda: size, done)

    def _accept_count(self, answer: int | None) -> int:
        return answer or 0

    def _read_page(self, ws: Any, start: int, size: int, done: Callable[[list[Row]], None]) -> None:
        self.starts.append(start)
        end = min(start + size, self.size)
        tag = self.size
        self._worker.read(
            lambda: [Row(str(i), f"row {i} of {tag}") for i in range(start, end)], done
        )


def _opened(size: int) -> tuple[QueuedWorker, NumberModel]:
    worker = QueuedWorker()
    model = NumberModel(worker, size)
    model.set_workspace(object())
    worker.run()
    return worker, model


def test_only_the_pages_asked_for_are_read(qtbot):
    worker, model = _opened(3 * PAGE + 5)
    assert model.rowCount() == 3 * PAGE + 5
    assert model.starts == []  # counting reads no rows

    assert model.data(model.index(PAGE + 7, 1)) == ""  # a placeholder while the page loads
    assert model.data(model.index(PAGE + 8, 0), RowRole) is None
    model.data(model.index(PAGE + 9, 1))  # the same page is asked for once
    assert model.starts == [PAGE] and not model.ready

    with qtbot.waitSignal(model.dataChanged) as changed:
        worker.run()
    assert (changed.args[0].row(), changed.args[1].row()) == (PAGE, 2 * PAGE - 1)
    assert model.ready
    assert model.data(model.index(PAGE + 7, 1)) == f"row {PAGE + 7} of {3 * PAGE + 5}"
    assert model.data(model.index(PAGE, 0), RowRole) == Row(
        str(PAGE), f"row {PAGE} of {3 * PAGE + 5}"
    )
    assert model.row_of(str(PAGE + 1)) == PAGE + 1
    assert model.row_at(0) is None and model.starts == [PAGE]


def test_a_page_from_before_a_reload_is_dropped(qtbot):
    worker, model = _opened(2 * PAGE)
    model.data(model.index(0, 0))  # page 0 asked for in the old generation
    model.size = 50
    model.reload()
    worker.run()  # the old page answers, then the new count

    assert model.rowCount() == 50
    assert model.row_at(0) is None and model.ready
    model.data(model.index(0, 0))
    worker.run()
    assert model.data(model.index(0, 1)) == "row 0 of 50"


def test_a_late_count_is_dropped(qtbot):
    worker, model = _opened(10)
    model.size = 20
    model.reload()
    model.size = 30
    model.reload()
    with qtbot.waitSignal(model.loaded) as loaded:
        worker.run()
    assert loaded.args == [30] and model.rowCount() == 30


def test_sort_reloads_and_no_workspace_empties(qtbot):
    worker, model = _opened(10)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert (model.sort_key, model.descending) == ("name", True)
    assert len(worker.jobs) == 1  # a new count
    worker.run()
    model.set_workspace(None)
    assert model.rowCount() == 0 and model.headerData(1, Qt.Orientation.Horizontal) == "Name"


def test_the_model_passes_qt_model_tester(qtbot, qtmodeltester):
    worker, model = _opened(2 * PAGE + 3)
    for row in (0, PAGE, 2 * PAGE):
        model.data(model.index(row, 0))
    worker.run()
    qtmodeltester.check(model)
