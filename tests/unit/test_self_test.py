"""``desktop-crm --self-test``: its steps in-process, a broken step, its checks, and a real run."""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_crm.services.printing.service import PrintingService
from desktop_crm.services.selftest import checks, runner
from desktop_crm.services.selftest.dto import StepFailed, StepResult
from desktop_crm.services.workspace.error_log import DATA_DIR_ENV
from ui import launcher, self_test

SERVICE_STEPS = [
    "sqlite",
    "workspace",
    "contacts",
    "follow-up",
    "calendar",
    "deal",
    "chart",
    "quote-pdf",
    "xlsx",
    "undo",
    "backup",
]
ROOT = Path(__file__).resolve().parents[2]


def files_under(folder: Path) -> list[Path]:
    return sorted(p.relative_to(folder) for p in folder.rglob("*"))


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The temporary root a run makes its folder in (the system's temp folder in real use)."""
    folder = tmp_path / "temp root"
    folder.mkdir()
    return folder


def test_every_step_is_ok_in_a_folder_of_its_own(root, user_data_dir, monkeypatch):
    """In-process through the launcher, no display: the service steps ok, the UI's skipped."""
    monkeypatch.setattr(runner.tempfile, "gettempdir", lambda: str(root))
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    seen: dict[str, list[Path]] = {}
    data_dirs: set[str] = set()
    report = runner._attempt

    def watching(report_to, name, step, where):  # what the run's folder holds as it goes
        ok = report(report_to, name, step, where)
        seen[name] = files_under(root)
        data_dirs.add(os.environ[DATA_DIR_ENV])
        return ok

    monkeypatch.setattr(runner, "_attempt", watching)
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert launcher.main(["--self-test"]) == 0
    lines = out.getvalue().splitlines()
    assert lines[: len(SERVICE_STEPS)] == [f"ok: {step}" for step in SERVICE_STEPS]
    assert lines[len(SERVICE_STEPS) :] == [
        "skipped: translations: no display found (QT_QPA_PLATFORM=offscreen runs these steps "
        "without one)",
        "skipped: window: no display found (QT_QPA_PLATFORM=offscreen runs these steps "
        "without one)",
    ]
    # It worked in its own folder under the root: workspace, backups, exports, data folder.
    (folder,) = {p.parts[0] for p in seen["backup"]}
    assert folder.startswith(runner.FOLDER_PREFIX)
    names = {p.name for p in seen["backup"]}
    assert {
        "自测 workspace.crm",
        "报价单 quote.pdf",
        "联系人 contacts.xlsx",
        "restored.crm",
    } <= names
    assert any(n.endswith("-manual.crmbak.zst") for n in names)
    assert data_dirs == {str(root / folder / "data")}
    # Afterwards: nothing left in the root, the user's data folder untouched, the setting back.
    assert files_under(root) == []
    assert files_under(user_data_dir) == []
    assert os.environ[DATA_DIR_ENV] == str(user_data_dir)


def test_a_broken_step_fails_with_one_line_and_nothing_after_it_runs(
    root, user_data_dir, monkeypatch
):
    def jammed(*_args, **_kwargs):
        raise RuntimeError("printer jammed\nsecond line")

    monkeypatch.setattr(PrintingService, "render", jammed)
    out = io.StringIO()
    assert self_test.main(out, root=root, qt_problem=None) == self_test.EXIT_FAILED
    log = root / runner.LOG_FOLDER / "desktop-crm.log"
    assert out.getvalue().splitlines() == [
        "ok: sqlite",
        "ok: workspace",
        "ok: contacts",
        "ok: follow-up",
        "ok: calendar",
        "ok: deal",
        "ok: chart",
        f"FAILED: quote-pdf: RuntimeError: printer jammed second line (details: {log})",
    ]
    # The traceback is in the kept log; the run's folder is gone; the user's folder untouched.
    text = log.read_text("utf-8")
    assert "Traceback" in text and "step quote-pdf" in text and "jammed" in text
    assert files_under(root) == [Path(runner.LOG_FOLDER), Path(runner.LOG_FOLDER, log.name)]
    assert files_under(user_data_dir) == []


class NoTrigram:
    """A connection whose SQLite was built without the trigram tokenizer."""

    def __init__(self, _name: str) -> None:
        self.closed = False

    def execute(self, sql: str, *_args: object) -> None:
        raise sqlite3.OperationalError("no such tokenizer: trigram")

    def close(self) -> None:
        self.closed = True


def test_an_sqlite_without_trigram_fails_first_naming_its_version(root, monkeypatch):
    assert checks.check_sqlite() == sqlite3.sqlite_version  # the one in use here has it
    monkeypatch.setattr(checks.sqlite3, "connect", NoTrigram)
    with pytest.raises(StepFailed) as caught:
        checks.check_sqlite()
    assert str(caught.value) == (
        f"SQLite {sqlite3.sqlite_version} has no FTS5 trigram tokenizer "
        "(no such tokenizer: trigram)"
    )
    results: list[StepResult] = []
    assert runner.run(results.append, root=root) is False
    assert [(r.step, r.outcome) for r in results] == [("sqlite", "failed")]
    assert results[0].why.startswith(f"SQLite {sqlite3.sqlite_version} has no FTS5")


def write_pdf(path: Path, text: str, *, embedded: bool) -> None:
    """A one-page PDF drawing ``text`` in the shipped TrueType font or a CID font (not embedded)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if embedded:
        font = "SelfTestWenQuanYi"
        pdfmetrics.registerFont(
            TTFont(font, str(ROOT / "resources/fonts/WenQuanYiMicroHei-GBK.ttf"))
        )
    else:
        font = "STSong-Light"
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    page = canvas.Canvas(str(path))
    page.setFont("Helvetica", 12)
    page.drawString(72, 760, "Quote")
    page.setFont(font, 12)
    page.drawString(72, 740, text)
    page.save()


def test_the_pdf_check_tells_an_embedded_font_from_one_the_reader_substitutes(tmp_path):
    good, bad = tmp_path / "embedded.pdf", tmp_path / "cid.pdf"
    write_pdf(good, "宣传片拍摄与剪辑", embedded=True)
    write_pdf(bad, "宣传片拍摄与剪辑", embedded=False)
    assert checks.check_pdf_text(good, "拍摄与") == {"WenQuanYiMicroHei"}
    with pytest.raises(StepFailed, match=r"\(STSong-Light\) is not embedded"):
        checks.check_pdf_text(bad, "拍摄与")
    with pytest.raises(StepFailed, match="does not extract"):
        checks.check_pdf_text(good, "合同")


def test_the_raw_bytes_must_hold_the_font_program(tmp_path):
    """PDFium's word is checked against the file: a descriptor without /FontFile2 fails."""
    pdf = tmp_path / "embedded.pdf"
    write_pdf(pdf, "宣传片拍摄与剪辑", embedded=True)
    data = pdf.read_bytes()
    assert b"/FontFile2" in data
    objects = {int(m[1]): m[2] for m in checks._OBJECT.finditer(data)}
    checks._check_embedded(objects, "WenQuanYiMicroHei", "拍摄")
    stripped = {n: body.replace(b"/FontFile2", b"/NoFontHere") for n, body in objects.items()}
    with pytest.raises(StepFailed, match="has no /FontFile2 or /FontFile3"):
        checks._check_embedded(stripped, "WenQuanYiMicroHei", "拍摄")
    with pytest.raises(StepFailed, match="no font object"):
        checks._check_embedded(objects, "AnotherFont", "拍摄")


def test_no_temporary_folder_is_one_failed_line(tmp_path):
    not_a_folder = tmp_path / "a file"
    not_a_folder.write_text("x")
    out = io.StringIO()
    assert self_test.main(out, root=not_a_folder, qt_problem="none here") == 1
    (only,) = out.getvalue().splitlines()
    assert only.startswith(f"FAILED: temp-folder: cannot make a folder in {not_a_folder}: ")


def test_a_line_the_console_cannot_encode_is_escaped_not_a_crash():
    raw = io.BytesIO()
    console = io.TextIOWrapper(raw, encoding="cp1252", newline="\n")
    self_test.write_line(console, "FAILED: contacts: searching '晓明' found 0 people")
    assert raw.getvalue() == b"FAILED: contacts: searching '\\u6653\\u660e' found 0 people\n"


def test_the_launcher_refuses_other_arguments_with_the_self_test(capsys):
    assert launcher.main(["--self-test", "--workspace", "x.crm"]) == 2
    assert capsys.readouterr().err == "desktop-crm: --self-test takes no other arguments\n"


def test_the_real_command_offscreen_runs_every_step_ok(tmp_path, user_data_dir):
    """``desktop-crm --self-test`` as a process, offscreen: the UI's steps run too."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "ui.launcher", "--self-test"],
        capture_output=True,
        text=True,
        timeout=240,
        env=env,
        cwd=ROOT,
    )
    took = time.monotonic() - started
    assert proc.stdout.splitlines() == [
        f"ok: {step}" for step in [*SERVICE_STEPS, "translations", "window"]
    ], proc.stderr
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    assert files_under(tmp_path) == [] and files_under(user_data_dir) == []
    print(f"self-test took {took:.1f} s")
