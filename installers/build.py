"""Build the app for this OS: the PyInstaller folder, then what users download.

    uv run python installers/build.py              # dist/desktop-crm/ and the OS's package
    uv run python installers/build.py --no-package # only the folder (what the tests use)

Linux: ``dist/desktop-crm-<version>-linux-<arch>.tar.gz`` (the folder with install.sh).
macOS: ``dist/Desktop CRM.app``; ``installers/macos/make-dmg.sh`` turns it into a .dmg.
Windows: ``dist/desktop-crm/``; Inno Setup's ``ISCC installers/windows/desktop-crm.iss``
turns it into ``dist/desktop-crm-<version>-setup.exe``.

It ends with the size of the folder and what takes the space (``--json`` prints it as JSON).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALLERS = ROOT / "installers"
NAME = "desktop-crm"

# How the size report groups the bundle's files: (label, path fragments), first match wins.
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Qt: ICU (Unicode data Qt links to)", ("libicu",)),
    ("Qt and PySide6", ("PySide6/", "libQt6", "libpyside6", "libshiboken6", "shiboken6/")),
    ("xcb and X11 libraries for Qt", ("libxcb", "libxkbcommon", "libX11-xcb")),
    ("numpy (with OpenBLAS)", ("numpy",)),
    ("matplotlib (report charts)", ("matplotlib/", "contourpy", "kiwisolver")),
    ("Pillow (matplotlib's images)", ("PIL/", "pillow.libs")),
    ("psycopg and libpq (team mode)", ("psycopg",)),
    ("cryptography (keyring on Linux)", ("cryptography", "_cffi_backend")),
    ("rapidfuzz (duplicates, search)", ("rapidfuzz",)),
    ("PDFium (quote previews)", ("pypdfium2",)),
    (
        "Python runtime and standard library",
        (
            "libpython",
            "python3",
            "base_library.zip",
            "lib-dynload",
            "libcrypto",
            "libssl",
            "libsqlite3",
            "libffi",
            "liblzma",
            "libbz2",
            "libz",
            "libreadline",
            "libtinfo",
            "libmpdec",
            "libuuid",
        ),
    ),
    ("app programs (Python modules inside)", (NAME,)),
    ("app resources (fonts, translations, icons)", ("resources/",)),
    ("pypinyin (pinyin search)", ("pypinyin",)),
)


def version() -> str:
    """The app's version, from pyproject.toml."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def run_pyinstaller(dist: Path, work: Path) -> None:
    """Run PyInstaller on the spec (output in ``dist``, scratch in ``work``)."""
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work), str(INSTALLERS / f"{NAME}.spec"),
    ]  # fmt: skip
    subprocess.run(command, cwd=ROOT, check=True)


def finish_folder(folder: Path, cli_link: bool = True) -> None:
    """Tidy the PyInstaller folder: dangling links out, ``desktop-crm-cli`` in.

    PyInstaller links every Qt library it saw to the top of the folder, also those the spec left
    out; off Windows the command-line program is a link to the one program (see the spec).
    """
    for path in folder.rglob("*"):
        if path.is_symlink() and not path.exists():
            path.unlink()
    if cli_link and sys.platform != "win32":
        cli = folder / f"{NAME}-cli"
        if not cli.exists():
            cli.symlink_to(NAME)


def strip_runtime(folder: Path) -> None:
    """Strip debug symbols from the libraries that carry them (Linux; ~70 MB here).

    Not the libraries auditwheel patched with patchelf (those in a wheel's ``*.libs`` folder and
    the modules that find them there by RPATH): strip breaks them ("ELF load command
    address/offset not page-aligned": numpy and OpenBLAS did). Nor the programs, whose end holds
    PyInstaller's archive.
    """
    if not sys.platform.startswith("linux") or shutil.which("strip") is None:
        return
    for path in (folder / "_internal").rglob("*.so*"):
        if path.is_symlink() or not path.is_file() or _patched_by_auditwheel(path):
            continue
        subprocess.run(["strip", "--strip-unneeded", str(path)], check=True)


def _patched_by_auditwheel(path: Path) -> bool:
    """Whether ``path`` is a vendored library or finds one through its RPATH/RUNPATH."""
    if any(part.endswith(".libs") for part in path.parts):
        return True
    dynamic = subprocess.run(
        ["readelf", "-d", str(path)], capture_output=True, text=True, check=False
    ).stdout
    return any(
        ".libs" in line for line in dynamic.splitlines() if "RPATH" in line or "RUNPATH" in line
    )


def package_linux(folder: Path, dist: Path) -> Path:
    """The tarball users download: ``desktop-crm-<version>/`` with the app and install.sh."""
    arch = platform.machine() or "x86_64"
    top = f"{NAME}-{version()}"
    target = dist / f"{top}-linux-{arch}.tar.gz"
    partial = target.with_name(target.name + ".part")
    extras = {
        "install.sh": INSTALLERS / "linux" / "install.sh",
        "uninstall.sh": INSTALLERS / "linux" / "uninstall.sh",
        "README.txt": INSTALLERS / "linux" / "README.txt",
    }
    with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=f"{top}/{NAME}")
        for name, source in extras.items():
            tar.add(source, arcname=f"{top}/{name}")
        for source in sorted((INSTALLERS / "linux").glob("*.desktop.in")) + sorted(
            (INSTALLERS / "linux").glob("*.xml")
        ):
            tar.add(source, arcname=f"{top}/share/{source.name}")
    os.replace(partial, target)
    return target


def size_report(folder: Path) -> dict[str, object]:
    """The folder's size in bytes and what takes it, by :data:`GROUPS` (links not counted)."""
    groups: dict[str, int] = {label: 0 for label, _ in GROUPS}
    groups["other libraries and modules"] = 0
    total = 0
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        relative = path.relative_to(folder).as_posix()
        label = next(
            (label for label, parts in GROUPS if any(p in relative for p in parts)),
            "other libraries and modules",
        )
        groups[label] += size
    ordered = dict(sorted(groups.items(), key=lambda item: -item[1]))
    return {"folder": str(folder), "bytes": total, "groups": ordered}


def print_report(report: dict[str, object]) -> None:
    """The size report as lines a person reads."""
    total = int(report["bytes"])  # type: ignore[call-overload]
    print(f"{report['folder']}: {total / 1e6:.1f} MB unpacked")
    for label, size in report["groups"].items():  # type: ignore[attr-defined]
        print(f"  {size / 1e6:7.1f} MB  {label}")


def main(argv: list[str] | None = None) -> int:
    """Build, package and report; exit non-zero when PyInstaller fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="scratch folder")
    parser.add_argument("--no-package", action="store_true", help="only the app folder")
    parser.add_argument("--json", action="store_true", help="print the size report as JSON")
    args = parser.parse_args(argv)
    folder = args.dist / NAME
    shutil.rmtree(folder, ignore_errors=True)
    try:
        run_pyinstaller(args.dist, args.work)
    except subprocess.CalledProcessError as exc:
        print(f"build.py: PyInstaller failed (exit {exc.returncode})", file=sys.stderr)
        return 1
    finish_folder(folder)
    strip_runtime(folder)
    if sys.platform == "darwin":
        # No link added inside the signed app (it would break the seal): the command line there
        # is "Desktop CRM.app/Contents/MacOS/desktop-crm".
        finish_folder(args.dist / "Desktop CRM.app", cli_link=False)
    report = size_report(folder)
    if not args.no_package and sys.platform.startswith("linux"):
        archive = package_linux(folder, args.dist)
        report["package"] = str(archive)
        report["package_bytes"] = archive.stat().st_size
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)
        if "package" in report:
            print(f"{report['package']}: {int(report['package_bytes']) / 1e6:.1f} MB")  # type: ignore[call-overload]
    return 0


if __name__ == "__main__":
    sys.exit(main())
