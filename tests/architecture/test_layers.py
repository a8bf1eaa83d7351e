"""The layering rule: the core never loads Qt; the UI never talks to the store directly."""

import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import desktop_crm

ROOT = Path(__file__).resolve().parents[2]


def test_importing_every_core_module_pulls_in_no_qt():
    modules = [
        m.name
        for m in pkgutil.walk_packages(desktop_crm.__path__, "desktop_crm.")
        if ".migrations" not in m.name
    ]
    assert "desktop_crm.store.models" in modules and "desktop_crm.cli" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "qt = ('PySide6', 'shiboken6', 'ui')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in qt)\n"
        "print(bad)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert out.strip() == "[]"


def test_ui_start_path_does_not_load_sqlalchemy():
    # The window paints before the ORM is imported (on the worker): keeps cold start fast.
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import ui.app\n"
        "print(any(m.startswith('sqlalchemy') for m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert out.strip() == "False"


def test_import_linter_contracts_hold():
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is a dev dependency"
    proc = subprocess.run([lint], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout
