"""Unexpected errors in the app: one sentence and the log's path, the details in the log."""

import sqlite3
import sys
import threading

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy.exc import IntegrityError

from desktop_crm.domain.errors import WorkspaceMissingError
from ui.messages import error_text


def _integrity_error():
    try:
        raise IntegrityError(
            "INSERT INTO tags (name) VALUES (?)",
            ("secret",),
            sqlite3.IntegrityError("UNIQUE constraint failed: tags.name"),
        )
    except IntegrityError as exc:
        return exc


def test_unexpected_errors_become_one_sentence_and_are_logged(qtbot, user_data_dir):
    log = user_data_dir / "logs" / "desktop-crm.log"
    text = error_text(_integrity_error())
    assert text == f"An unexpected error stopped this. The details are in {log}."
    for secret in ("SQL", "INSERT", "IntegrityError", "secret", "tags.name"):
        assert secret not in text
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "UNIQUE constraint failed: tags.name" in logged
    again = error_text(_integrity_error(), "import people.xlsx")
    assert again == (
        f"Could not import people.xlsx: an unexpected error happened. The details are in {log}."
    )
    known = WorkspaceMissingError("No workspace at /x.", path="/x")
    assert error_text(known) == "There is no workspace at /x."
    assert log.read_text(encoding="utf-8").count("Traceback") == 2  # known errors are not logged


def test_an_error_is_logged_once_however_often_it_is_shown(qtbot, user_data_dir):
    exc = _integrity_error()
    assert error_text(exc) == error_text(exc)
    logged = (user_data_dir / "logs" / "desktop-crm.log").read_text(encoding="utf-8")
    assert logged.count("Traceback") == 1


def test_uncaught_errors_in_any_thread_are_logged_and_shown(qtbot, user_data_dir, monkeypatch):
    from ui.error_hooks import install_error_hooks

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    from PySide6.QtWidgets import QApplication

    install_error_hooks(QApplication.instance())

    def fail():
        raise RuntimeError("boom in a thread")

    thread = threading.Thread(target=fail)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(shown) == 1)
    log = user_data_dir / "logs" / "desktop-crm.log"
    assert shown == [f"An unexpected error stopped this. The details are in {log}."]
    try:
        raise ValueError("boom in the GUI thread")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: len(shown) == 2)
    logged = log.read_text(encoding="utf-8")
    assert "boom in a thread" in logged and "boom in the GUI thread" in logged
    assert "uncaught, in the app" in logged


def test_unknown_app_options_are_one_line(capsys):
    from ui.app import parse_args

    assert parse_args(["--language", "zh_CN"]).language == "zh_CN"
    with pytest.raises(SystemExit) as exc:
        parse_args(["--language", "fr"])
    err = capsys.readouterr().err
    assert exc.value.code == 2 and err.count("\n") == 1 and "invalid choice: 'fr'" in err
