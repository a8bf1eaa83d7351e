"""Long work on the writer never freezes browsing; one progress dialog shows it and cancels it.

No timing: the writer is held on a ``threading.Event`` while the reader is asked to answer.
"""

from __future__ import annotations

import threading

import pytest

import ui.progress_dialog as progress_dialog
from desktop_crm.domain.progress import CancelToken
from desktop_crm.services.common.changes import change_result
from desktop_crm.store.models import Person
from tests.ui.conftest import open_and_wait, type_text
from ui.contacts.contact_export import run_list_export


@pytest.fixture
def contacts(qtbot, window, demo_path):
    open_and_wait(qtbot, window, demo_path)
    window.show_view("contacts")
    view = window.contacts_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 120)
    return view


class HeldWrite:
    """A change on the writer that holds its write transaction open until released."""

    def __init__(self) -> None:
        self.started, self.release = threading.Event(), threading.Event()

    def __call__(self, ws):
        with ws.store.unit_of_work("Held", "edit") as (session, rec):
            rec.bulk_insert(session, Person, [{"name": "Zed Held"}])
            session.flush()
            self.started.set()
            assert self.release.wait(30), "the test never released the writer"
        return change_result(rec)


def test_paging_and_search_answer_while_the_writer_is_held(qtbot, window, contacts):
    model = contacts.model
    held = HeldWrite()
    window.mutate(held, "held")
    assert held.started.wait(10)
    try:
        # Every page of the list loads from the reader while the writer holds its lock.
        assert model.record(119) is None
        for row in range(model.rowCount()):
            model.data(model.index(row, 0))
        qtbot.waitUntil(lambda: model.ready and model.record(119) is not None, timeout=5000)
        name = model.record(7).name
        # Search as you type in the list's filter box.
        contacts.search.setText(name)
        qtbot.waitUntil(lambda: 0 < model.rowCount() < 120, timeout=5000)
        qtbot.waitUntil(lambda: model.record(0) is not None, timeout=5000)
        assert name in [model.record(r).name for r in range(model.rowCount())]
        # And the global search box (Ctrl+K).
        window.search.setFocus()
        type_text(window.search, name)
        qtbot.waitUntil(
            lambda: any(
                name in window.search.popup.item(i).text()
                for i in range(window.search.popup.count())
            ),
            timeout=5000,
        )
        # The uncommitted row is not seen, and the writer is indeed still busy.
        assert not held.release.is_set() and not window.worker.idle
        contacts.search.setText("Zed Held")
        qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=5000)
    finally:
        held.release.set()
    # Once the change commits and arrives, the list shows it.
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: model.record(0) is not None and window.worker.idle, timeout=5000)
    assert model.record(0).name == "Zed Held"


class GatedToken(CancelToken):
    """A token whose job stops at its first report until the test cancels (or lets it go)."""

    reported = threading.Event()
    gate = threading.Event()

    def report(self, done: int, total: int, message: str = "") -> None:
        super().report(done, total, message)
        GatedToken.reported.set()
        assert GatedToken.gate.wait(30), "the test never opened the gate"

    def cancel(self) -> None:
        super().cancel()
        GatedToken.gate.set()


def test_a_long_export_shows_the_dialog_and_cancel_stops_it(
    qtbot, window, contacts, tmp_path, monkeypatch
):
    GatedToken.reported.clear()
    GatedToken.gate.clear()
    monkeypatch.setattr(progress_dialog, "CancelToken", GatedToken)
    monkeypatch.setattr(progress_dialog, "SHOW_AFTER_MS", 0)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "people.xlsx"
    run = run_list_export(window, contacts, target, "xlsx")
    assert run is not None
    assert GatedToken.reported.wait(10)  # the export is under way, held at its first report
    qtbot.waitUntil(lambda: run.dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: run.dialog.maximum() == 120, timeout=5000)  # polled from the token
    assert "120" in run.dialog.labelText()
    finished = []
    run.finished.connect(finished.append)
    run.dialog.canceled.emit()  # what the Cancel button sends
    qtbot.waitUntil(lambda: finished == [False], timeout=10_000)
    qtbot.waitUntil(lambda: window.worker.idle, timeout=5000)
    assert list(out.iterdir()) == []  # no file, no half-written part
    assert "Cancelled" in window.statusBar().currentMessage()


def test_a_quick_job_shows_no_dialog_and_delivers_its_result(qtbot, window, contacts, tmp_path):
    got = []
    run = progress_dialog.run_with_progress(
        window, "Quick", "Quick…", lambda token: 42, got.append, show_after_ms=60_000
    )
    qtbot.waitUntil(lambda: got == [42], timeout=5000)
    assert not run.running
