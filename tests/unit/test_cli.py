"""The command line: names, flags, JSON summaries, one-line errors and exit codes."""

import json
import os
import subprocess
import sys

import pytest

from desktop_crm.cli import COMMANDS, EXIT_DAMAGED, main


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
    code, out, err = run(capsys, "undo", path, demo["operation_id"], "--json")
    assert code == 2 and err.strip() == "desktop-crm: add --yes to undo it."
    assert json.loads(out)["would_undo"]["changes"] == ops[0]["changes"]  # as history counts
    code, out, _ = run(capsys, "undo", path, demo["operation_id"], "--json", "--yes")
    undo = json.loads(out)
    assert code == 0 and undo["operation_id"] and undo["updated"] == 0
    code, out, _ = run(capsys, "redo", path, "--json", "--yes")
    assert code == 0 and json.loads(out)["updated"] > 40  # restored rows count as updated
    code, out, _ = run(capsys, "history", path)
    assert "Create demo data" in out and "Undo Create demo data" in out


def test_backup_and_restore(tmp_path, capsys):
    path = tmp_path / "w.crm"
    run(capsys, "demo", path, "--contacts", 10)
    target = tmp_path / "copy.crmbak"
    code, out, _ = run(capsys, "backup", path, "--to", target, "--json")
    assert code == 0 and json.loads(out)["backup"] == str(target) and target.exists()
    code, out, _ = run(capsys, "undo", path, "--yes")
    assert code == 0
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


def test_help_lists_every_command_without_loading_qt():
    code = (
        "import sys; from ui.launcher import main; rc = main(['--help']); "
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NOQT'); sys.exit(rc)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip().endswith("NOQT")
    lines = proc.stdout.splitlines()
    for command in COMMANDS:
        [line] = [x for x in lines if x.strip().startswith(command + " ")]
        assert len(line.split(None, 1)[1]) > 10  # a description on the same line
    assert "--workspace PATH" in proc.stdout and "--screenshot" in proc.stdout


def test_unknown_option_values_are_one_line(tmp_path, capsys):
    for args in (
        ["init", tmp_path / "w.crm", "--language", "fr"],
        ["template", tmp_path / "t.xlsx", "--language", "de"],
        ["frobnicate"],
    ):
        with pytest.raises(SystemExit) as exc:
            main([str(a) for a in args])
        err = capsys.readouterr().err
        assert exc.value.code == 2 and err.count("\n") == 1 and "invalid choice" in err
    path = tmp_path / "w.crm"
    run(capsys, "init", path)
    sheet = tmp_path / "p.csv"
    sheet.write_text("Name,Born\nAnn,03/04/1990\n", encoding="utf-8")
    code, _, err = run(capsys, "import", path, sheet, "--date-order", "Born=XYZ")
    assert code == 2 and err.count("\n") == 1 and "“XYZ” is not a date order" in err
    code, _, err = run(capsys, "import", path, sheet, "--date-order", "Born=dmy", "--json")
    assert code == 0, err


def test_unexpected_errors_are_logged_not_shown(demo_path, user_data_dir, capsys, monkeypatch):
    import sqlite3

    from sqlalchemy.exc import IntegrityError

    from desktop_crm.services.search.global_search import SearchService

    def broken(*_args, **_kwargs):
        raise IntegrityError(
            "INSERT INTO tags (name) VALUES (?)",
            ("secret",),
            sqlite3.IntegrityError("UNIQUE constraint failed: tags.name"),
        )

    monkeypatch.setattr(SearchService, "contacts", broken)
    code, _, err = run(capsys, "search", demo_path, "x")
    log = user_data_dir / "logs" / "desktop-crm.log"
    assert code == 1 and err.count("\n") == 1
    assert err.strip() == (
        f"desktop-crm: could not search: an unexpected error happened; details are in {log}"
    )
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "UNIQUE constraint failed: tags.name" in text
    assert "desktop-crm search: could not search" in text


def test_missing_sheet_names_the_sheets(workspace, tmp_path, capsys):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "People"
    book.active.append(["Name", "Email"])
    book.active.append(["Ann", "ann@example.com"])
    book.create_sheet("Notes").append(["hello"])
    sheet = tmp_path / "two.xlsx"
    book.save(sheet)
    workspace.close(backup_if_changed=False)
    for asked, said in (("3", "no sheet 3"), ("Foo", "no sheet “Foo”")):
        code, _, err = run(capsys, "import", workspace.path, sheet, "--sheet", asked)
        assert code == 1 and err.count("\n") == 1
        assert f"two.xlsx has {said}; its sheets are 1 “People”, 2 “Notes”." in err
    code, out, _ = run(capsys, "import", workspace.path, sheet, "--sheet", "People", "--json")
    assert code == 0 and json.loads(out)["created"] == 1


def test_a_folder_is_not_a_workspace_and_gets_no_lock_file(tmp_path, capsys):
    folder = tmp_path / "folder"
    folder.mkdir()
    sheet = tmp_path / "p.csv"
    sheet.write_text("Name\nAnn\n", encoding="utf-8")
    for args in (
        ["history", folder],
        ["undo", folder],
        ["search", folder, "x"],
        ["backup", folder],
        ["import", folder, sheet],
        ["export", folder, tmp_path / "x.csv"],
        ["check", folder],
        ["init", folder],
    ):
        code, _, err = run(capsys, *args)
        assert (
            code == 1 and err.strip() == f"desktop-crm: {folder} is a folder, not a workspace file."
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "p.csv"]
    assert list(folder.iterdir()) == []


def test_importing_a_list_of_people_as_deals_is_refused(demo_path, tmp_path, capsys):
    people = tmp_path / "people.xlsx"
    deals = tmp_path / "deals.xlsx"
    assert main(["export", str(demo_path), str(people)]) == 0
    assert main(["export", str(demo_path), str(deals), "--entity", "deals"]) == 0
    capsys.readouterr()
    code, _, err = run(capsys, "import", demo_path, people, "--entity", "deals", "--dry-run")
    assert code == 1 and err.count("\n") == 1
    assert "people.xlsx has no deal columns" in err and "--entity people" in err
    code, out, _ = run(capsys, "import", demo_path, deals, "--entity", "deals", "--dry-run")
    assert code == 0 and "Would import deals.xlsx" in out
    code, out, _ = run(
        capsys, "import", demo_path, people, "--entity", "deals", "--map", "Name=title", "--dry-run"
    )
    assert code == 0  # mapped by hand: the user said so
    card = tmp_path / "one.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\nEND:VCARD\r\n", encoding="utf-8")
    code, _, err = run(capsys, "import", demo_path, card, "--entity", "deals")
    assert code == 1 and "vCard file, which holds people" in err
    code, _, err = run(capsys, "import", demo_path, card, "--preview")
    assert code == 2 and "see what it holds with --dry-run" in err


def test_undo_names_the_operation_and_bulk_ones_need_yes(workspace, tmp_path, capsys):
    from desktop_crm.services.contacts.dto import PersonDraft

    workspace.people.save(PersonDraft(name="Ann"))
    sheet = tmp_path / "p.csv"
    sheet.write_text("Name,Email\nBob,bob@x.cn\nCyd,cyd@x.cn\n", encoding="utf-8")
    workspace.close(backup_if_changed=False)
    path = workspace.path
    code, out, err = run(capsys, "import", path, sheet, "--json")
    assert code == 0, err
    op = json.loads(out)["operation_id"]
    code, out, err = run(capsys, "undo", path)
    assert code == 2 and err.strip() == "desktop-crm: add --yes to undo it."
    assert out.startswith("Would undo “Import p.csv” (an import, 5 changes, ")  # 2 people, emails
    assert out.strip().endswith(f"operation {op}).")
    code, out, _ = run(capsys, "history", path, "--json")
    assert not json.loads(out)[0]["undone"]  # nothing was undone
    code, out, _ = run(capsys, "undo", path, "--yes")
    assert code == 0 and out.startswith("Undid “Import p.csv”: 5 records changed")
    code, out, _ = run(capsys, "undo", path)  # one edit: no question asked
    assert code == 0 and out.startswith("Undid “") and "1 records changed" in out


def test_search_and_backup_work_while_the_app_holds_the_lock(demo_path, tmp_path, capsys):
    from desktop_crm.store.lock import WorkspaceLock, lock_path_for

    lock = WorkspaceLock(demo_path)
    lock.acquire()
    try:
        code, _, err = run(capsys, "history", demo_path)
        assert code == 1 and "already open" in err  # the lock holds
        code, out, err = run(capsys, "search", demo_path, "a", "--json")
        assert code == 0 and json.loads(out), err
        code, out, err = run(capsys, "backup", demo_path, "--json")
        made = json.loads(out)["backup"]
        assert code == 0 and tmp_path.joinpath(made).exists(), err
        target = tmp_path / "copy.crmbak"
        code, out, err = run(capsys, "backup", demo_path, "--to", target)
        assert code == 0 and target.exists(), err
        assert lock_path_for(demo_path).read_text() == str(os.getpid())  # still ours
    finally:
        lock.release()
    code, out, _ = run(capsys, "restore", tmp_path / "fresh.crm", target)
    assert code == 0
    code, out, _ = run(capsys, "search", tmp_path / "fresh.crm", "a", "--json")
    assert code == 0 and json.loads(out)


def test_search_in_a_subprocess_while_another_process_has_it_open(demo_path):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path\n"
            "from desktop_crm.store.lock import WorkspaceLock\n"
            f"l = WorkspaceLock(Path({str(demo_path)!r})); l.acquire(); print('held', flush=True);"
            "sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        proc = subprocess.run(
            [sys.executable, "-m", "desktop_crm.cli", "search", str(demo_path), "a"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 0 and proc.stdout.strip(), proc.stderr
        proc = subprocess.run(
            [sys.executable, "-m", "desktop_crm.cli", "undo", str(demo_path)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 1 and "already open" in proc.stderr
    finally:
        holder.communicate("", timeout=30)
