"""``desktop-crm --self-test``: one line per step on stdout, exit 0 when every step is ok.

Each line is ``ok: STEP``, ``FAILED: STEP: why`` or ``skipped: STEP: why`` (the UI's steps,
when Qt cannot start here: no display, no QT_QPA_PLATFORM=offscreen). Scripts and CI read
them: the step names are stable. The run stops at the first failure (exit 1).

Qt is imported only for the UI's steps, and only when the launcher's own checks say it can
start (the launcher passes their verdict in: it imports this module, not the other way), so the
rest works on a server without a display or its libraries.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from desktop_crm.services.selftest.dto import SelfTestPlace, StepResult, StepSkipped
from desktop_crm.services.selftest.runner import LaterStep, run

OPTION = "--self-test"
EXIT_OK = 0
EXIT_FAILED = 1
UI_STEPS = ("translations", "window")


def line(result: StepResult) -> str:
    """The step's line as printed."""
    if result.outcome == "ok":
        return f"ok: {result.step}"
    word = "FAILED" if result.outcome == "failed" else "skipped"
    return f"{word}: {result.step}: {result.why}"


ImportProblem = Callable[[ImportError], "str | None"]


def main(
    out: TextIO | None = None,
    *,
    root: Path | None = None,
    qt_problem: str | None = None,
    import_problem: ImportProblem = lambda _exc: None,
) -> int:
    """Run the self-test and print its lines to ``out`` (stdout) as they come; the exit code.

    Args:
        out: Where the lines go.
        root: Where the temporary folder is made (the system's temporary folder).
        qt_problem: Why Qt cannot start here (the launcher's one line), or None: it can.
        import_problem: The launcher's one line for PySide6 failing to load a system library
            (None for any other import error, which is then a failure of the step).
    """
    stream = sys.stdout if out is None else out

    def report(result: StepResult) -> None:
        if stream is not None:  # a windowed program on Windows has no stdout: the code tells
            write_line(stream, line(result))

    ok = run(report, root=root, later=ui_steps(qt_problem, import_problem))
    return EXIT_OK if ok else EXIT_FAILED


def write_line(stream: TextIO, text: str) -> None:
    """Print ``text`` now, in what the stream can encode (a Windows console's code page).

    A reason may name a Chinese path or value; where the console cannot show it, it reads as
    Python escapes rather than ending the run with an encoding error.
    """
    try:
        print(text, file=stream, flush=True)
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        safe = text.encode(encoding, "backslashreplace").decode(encoding)
        print(safe, file=stream, flush=True)


def ui_steps(qt_problem: str | None, import_problem: ImportProblem) -> list[LaterStep]:
    """The UI's steps, or steps that say why they are skipped when Qt cannot start here."""
    if qt_problem is not None:
        why = qt_problem.removeprefix("desktop-crm: ")
        return [(name, _skipped(why)) for name in UI_STEPS]
    return [(name, _qt_step(name, import_problem)) for name in UI_STEPS]


def _skipped(why: str) -> Callable[[SelfTestPlace], None]:
    def step(_place: SelfTestPlace) -> None:
        raise StepSkipped(why)

    return step


def _qt_step(name: str, import_problem: ImportProblem) -> Callable[[SelfTestPlace], None]:
    """The step ``name`` of ``ui.self_test_window``, skipped if PySide6 cannot load here."""

    def step(place: SelfTestPlace) -> None:
        try:
            from ui import self_test_window
        except ImportError as exc:
            message = import_problem(exc)
            if message is None:
                raise
            raise StepSkipped(message.removeprefix("desktop-crm: ")) from exc
        checks = {
            "translations": self_test_window.check_translations,
            "window": self_test_window.check_window,
        }
        checks[name](place)

    return step
