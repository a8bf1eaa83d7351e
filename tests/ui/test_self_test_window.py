"""The self-test's Qt steps and what makes them fail (the full run: tests/unit/test_self_test)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

import ui.app
from desktop_crm.services.selftest.dto import SelfTestPlace, StepFailed
from ui import self_test_window


@pytest.fixture
def place(tmp_path: Path) -> SelfTestPlace:
    return SelfTestPlace(tmp_path, tmp_path / "w.crm")


def test_the_shipped_translation_translates_the_known_string(place):
    self_test_window.check_translations(place)  # raises on failure


def test_a_missing_translation_fails(place, monkeypatch, tmp_path):
    monkeypatch.setattr(ui.app, "TRANSLATIONS", tmp_path / "nowhere")
    with pytest.raises(StepFailed, match=r"desktop_crm_zh_CN\.qm does not load \(missing\)"):
        self_test_window.check_translations(place)


def painted(image: QImage) -> QImage:
    painter = QPainter(image)
    painter.fillRect(10, 10, 200, 40, QColor("#2a82da"))
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(20, 100, "今天 Today")
    painter.end()
    return image


def blank() -> QImage:
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("#efefef"))
    return image


@pytest.mark.parametrize(("image", "fails"), [(blank, True), (lambda: painted(blank()), False)])
def test_the_window_step_checks_the_app_painted_something(place, monkeypatch, image, fails):
    """The app's start replaced by one that writes the given image, as --screenshot would."""
    seen: list[list[str]] = []

    def start(argv):
        seen.append(list(argv))
        image().save(argv[argv.index("--screenshot") + 1])
        return 0

    monkeypatch.setattr(ui.app, "run", start)
    monkeypatch.setattr(self_test_window, "isolate_settings", lambda folder: None)
    if fails:
        with pytest.raises(StepFailed, match=r"painted a blank image \(1 colours\)"):
            self_test_window.check_window(place)
    else:
        self_test_window.check_window(place)
    assert seen == [
        [
            "--workspace",
            str(place.workspace),
            "--screenshot",
            str(place.folder / "window.png"),
            "--language",
            "zh_CN",
        ]
    ]


def test_the_window_step_fails_with_the_apps_own_line(place, monkeypatch):
    import sys

    def start(_argv):
        print("desktop-crm: w.crm is locked by another program.", file=sys.stderr)
        return 1

    monkeypatch.setattr(ui.app, "run", start)
    monkeypatch.setattr(self_test_window, "isolate_settings", lambda folder: None)
    with pytest.raises(StepFailed, match=r"^w\.crm is locked by another program\.$"):
        self_test_window.check_window(place)
