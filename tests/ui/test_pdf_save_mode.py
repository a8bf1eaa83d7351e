"""A PDF saved from the app is an ordinary file (the umask's permissions), not a private one."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from ui.printing.print_pdf import copy_pdf


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_saved_pdf_gets_the_permissions_of_a_new_file(tmp_path: Path) -> None:
    source = tmp_path / "render.pdf"
    source.write_bytes(b"%PDF-1.4 test")
    target = tmp_path / "报价单 Q-1.pdf"
    old = os.umask(0o022)
    try:
        copy_pdf(source, target)
    finally:
        os.umask(old)
    assert target.read_bytes() == b"%PDF-1.4 test"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
