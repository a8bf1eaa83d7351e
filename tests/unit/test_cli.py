"""The command line: names, flags, JSON summaries, one-line errors and exit codes."""

import json
import subprocess
import sys

import pytest

from desktop_crm.cli import EXIT_DAMAGED, main


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_init_then_check(tmp_path, capsys):
    path = tmp_path / "w.crm"
    code, out, _ = run(capsys, "init", path, "--json")
    data = json.loads(out)
    assert code == 0 and {"created", "updated", "skipped", "failed", "operation_id"} <= set(data)
    code, out, _ = run(capsys, "check", path, "--json")
    assert code == 0 and json.loads(out)["ok"] is True
    code, _, err = run(capsys, "init", path)
    assert code == 1 and "already exists" in err


def test_demo_history_undo_redo_by_operation_id(tmp_path, capsys):
    path = tmp_path / "demo.crm"
    code, out, _ = run(capsys, "demo", path, "--contacts", 40, "--json")
    demo = json.loads(out)
    assert code == 0 and demo["people"] == 40 and demo["operation_id"]
    code, out, _ = run(capsys, "history", path, "--json")
    ops = json.loads(out)
    assert ops[0]["id"] == demo["operation_id"] and ops[0]["kind"] == "demo"
    code, out, _ = run(capsys, "undo", path, demo["operation_id"], "--json")
    undo = json.loads(out)
    assert code == 0 and undo["operation_id"] and undo["updated"] == 0
    code, out, _ = run(capsys, "redo", path, "--json")
    assert code == 0 and json.loads(out)["updated"] > 40  # restored rows count as updated
    code, out, _ = run(capsys, "history", path)
    assert "Create demo data" in out and "Undo Create demo data" in out


def test_backup_and_restore(tmp_path, capsys):
    path = tmp_path / "w.crm"
    run(capsys, "demo", path, "--contacts", 10)
    target = tmp_path / "copy.crmbak"
    code, out, _ = run(capsys, "backup", path, "--to", target, "--json")
    assert code == 0 and json.loads(out)["backup"] == str(target) and target.exists()
    code, out, _ = run(capsys, "undo", path)
    code, out, _ = run(capsys, "restore", path, target)
    assert code == 0 and "Restored" in out
    code, out, _ = run(capsys, "history", path, "--json")
    assert json.loads(out)[0]["kind"] == "demo"  # the undo is gone with the restore


def test_errors_are_one_line_with_nonzero_exit(tmp_path, capsys):
    code, _out, err = run(capsys, "history", tmp_path / "missing.crm")
    assert code == 1 and err.count("\n") == 1 and err.startswith("desktop-crm: No workspace")
    junk = tmp_path / "junk.crm"
    junk.write_bytes(b"\x00garbage" * 500)
    code, _, err = run(capsys, "check", junk)
    assert code == EXIT_DAMAGED and err.count("\n") == 1
    code, _, err = run(capsys, "undo", junk)
    assert code == EXIT_DAMAGED and "damaged" in err
    empty = tmp_path / "empty.crm"
    run(capsys, "init", empty)
    code, _, err = run(capsys, "undo", empty)
    assert code == 1 and err.strip() == "desktop-crm: Nothing to undo."
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2


def test_entry_point_runs_without_qt_and_without_traceback(tmp_path):
    path = tmp_path / "w.crm"
    code = (
        "import sys; from ui.launcher import main; rc = main(sys.argv[1:]); "
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT'); sys.exit(rc)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, "demo", str(path), "--contacts", "5"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().endswith("NOQT")
    proc = subprocess.run(
        [sys.executable, "-c", code, "restore", str(path), "nope.crmbak"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
