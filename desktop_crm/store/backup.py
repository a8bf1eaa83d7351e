"""Verified, rotating backups made with SQLite's online backup API (never a file copy).

A backup is taken with the backup API into a temporary SQLite file beside its destination,
checked with ``PRAGMA quick_check`` and ``foreign_key_check`` (``schema.copy_check``), then
compressed with zstd (level 1, frame checksum, content size) to
``<workspace>-<stamp>-<reason>.crmbak.zst``; the compressed file is read back in full before
it is renamed into place. Older versions wrote plain SQLite copies named ``.crmbak``:
everything here reads both, telling them apart by their first bytes rather than by name.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

import zstandard

from desktop_crm.domain.choices import BackupReason
from desktop_crm.domain.errors import BackupError
from desktop_crm.domain.retention import RetentionPolicy, backups_to_keep
from desktop_crm.store.schema import copy_check, integrity_check

_STAMP = "%Y%m%dT%H%M%S%fZ"
COMPRESSED_SUFFIX = ".crmbak.zst"
# Compressed backups and the plain ones of older versions list and rotate together.
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{12}Z)-(?P<reason>[a-z-]+)"
    r"\.crmbak(?:\.zst)?$"
)
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_FRAME_HEADER_MAX = 18  # ZSTD_FRAMEHEADERSIZE_MAX: enough to read any frame's parameters
_SQLITE_MAGIC = b"SQLite format 3\x00"
# Level 1: on the 100,000-contact workspace (250 MB) 1.0 s and 55.9 MB against level 3's
# 1.9 s and 53.5 MB; compression is the longest step of a backup now that the check is quick.
LEVEL = 1
# No zstd workers: the copy's check runs beside compression on the other core. Measured on
# 100,000 contacts (243 MB, level 1, two cores), whole backups: 0.92-0.99 s with 0 workers,
# 0.97-1.08 s with 1, 0.85-0.92 s with 2 (within noise, and 0 leaves a core to the app).
THREADS = 0
_CHUNK = 1 << 20  # 1 MiB reads and writes keep memory flat whatever the workspace's size


@dataclass(frozen=True)
class BackupFile:
    """One backup on disk.

    Attributes:
        path: Where it is.
        at: When it was taken (UTC).
        reason: Why: ``manual``, ``hourly``, ``close``, ``pre-migration``, ``pre-import``...
        size: Bytes on disk (compressed size for a compressed backup).
    """

    path: Path
    at: datetime
    reason: str
    size: int


def backup_dir_for(workspace: Path) -> Path:
    """The folder that holds ``workspace``'s backups."""
    return workspace.with_name(workspace.stem + "-backups")


def is_compressed(path: Path) -> bool:
    """Whether ``path`` is a zstd-compressed backup (by its first bytes, not its name).

    Raises:
        OSError: The file cannot be read.
    """
    with open(path, "rb") as f:
        return f.read(len(ZSTD_MAGIC)) == ZSTD_MAGIC


def make_backup(workspace: Path, reason: BackupReason, dest: Path | None = None) -> BackupFile:
    """Copy ``workspace`` with the backup API, verify the copy, compress it and verify that.

    The default destination is a new ``.crmbak.zst`` file in the backups folder. An explicit
    ``dest`` is compressed only when its name ends with ``.zst``; any other name (``.crmbak``,
    ``.crm``...) gets a plain, verified SQLite copy that opens as a workspace as it is, so the
    name never lies about what is inside.

    The check of the uncompressed copy (``schema.copy_check``) runs on a second thread while
    that same copy is compressed and read back: both must pass before the backup is renamed
    into place.

    Args:
        workspace: The live workspace file (it may be open elsewhere in this process).
        reason: A short lower-case word recorded in the file name.
        dest: An explicit target file; by default a new file in the backups folder.

    Raises:
        BackupError: The copy could not be written (disk full, no permission), failed its
            check, or its compressed form did not read back intact; no partial or
            temporary file is left behind.
    """
    at = datetime.now(UTC)
    if dest is None:
        folder = backup_dir_for(workspace)
        dest = folder / f"{workspace.stem}-{at.strftime(_STAMP)}-{reason}{COMPRESSED_SUFFIX}"
    compress = dest.name.endswith(".zst")
    part = dest.with_name(dest.name + ".part")
    # The uncompressed copy only lives until it is compressed; it also ends in .part, so a crash
    # never leaves anything that lists as a backup.
    raw = dest.with_name(dest.name + ".sqlite.part") if compress else part
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        _copy_with_backup_api(workspace, raw, durable=not compress)
        if compress:
            _check_compress_and_verify(raw, part)
        else:
            _require_ok(copy_check(raw))
        os.replace(part, dest)
        _sync_folder(dest.parent)
    except (OSError, sqlite3.Error, zstandard.ZstdError) as exc:
        raise BackupError(
            f"Could not write a backup to {dest.parent}: {_why(exc)}.",
            path=str(dest),
            detail=str(exc),
        ) from None
    finally:
        _discard(raw)
        _discard(part)
    return BackupFile(dest, at, reason, dest.stat().st_size)


def _copy_with_backup_api(workspace: Path, target: Path, *, durable: bool) -> None:
    src = sqlite3.connect(f"file:{workspace}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            if not durable:  # a throwaway copy: the compressed file is what gets synced
                dst.execute("PRAGMA synchronous=OFF")
            src.backup(dst)
            # A self-contained file: a WAL-mode header would expect a -wal beside it.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def _require_ok(verdict: str) -> None:
    if verdict != "ok":
        raise BackupError(f"The backup copy failed its check ({verdict}).", detail=verdict)


def _check_compress_and_verify(raw: Path, part: Path) -> None:
    """Integrity-check ``raw`` while compressing it to ``part`` and reading ``part`` back.

    Overlapping the two is safe: neither writes ``raw``, and ``part`` is only renamed into place
    by the caller once both have passed. It saves most of the compression time on two cores.
    """
    size = raw.stat().st_size
    # Leaving the block waits for the check even when compression fails: raw is deleted next.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="backup-check") as pool:
        checked = pool.submit(copy_check, raw)
        _compress(raw, part, size)
        problem = verify_compressed(part, expected_size=size)
    _require_ok(checked.result())
    if problem != "ok":
        raise BackupError(
            f"The compressed backup did not read back intact ({problem}).", detail=problem
        )


def _compress(raw: Path, part: Path, size: int) -> None:
    cctx = zstandard.ZstdCompressor(
        level=LEVEL, threads=THREADS, write_checksum=True, write_content_size=True
    )
    with open(raw, "rb") as source, open(part, "wb") as target:
        cctx.copy_stream(source, target, size=size, read_size=_CHUNK, write_size=_CHUNK)
        target.flush()
        # A full disk may only show here (delayed allocation), before anything is renamed.
        os.fsync(target.fileno())


class _Sink:
    """A write-only stream that counts bytes and keeps the first few."""

    def __init__(self) -> None:
        self.count = 0
        self.head = b""

    def write(self, data: bytes) -> int:
        if len(self.head) < len(_SQLITE_MAGIC):
            self.head += bytes(data[: len(_SQLITE_MAGIC) - len(self.head)])
        self.count += len(data)
        return len(data)


def verify_compressed(path: Path, expected_size: int | None = None) -> str:
    """Decompress ``path`` in full, as a stream, and say ``"ok"`` or what is wrong.

    The zstd frame must carry a checksum (checked by the decompressor against every byte) and
    its content size, must decompress to exactly that many bytes (``expected_size`` too, when
    given), and the result must start as an SQLite database does. This proves the bytes are
    the ones that passed the copy's check before compression.

    Raises:
        OSError: The file cannot be read.
    """
    with open(path, "rb") as f:
        header = f.read(_FRAME_HEADER_MAX)
    try:
        params = zstandard.get_frame_parameters(header)
    except zstandard.ZstdError as exc:
        return f"not a zstd file: {exc}"
    if not params.has_checksum:
        return "the compressed data carries no checksum"
    if params.content_size in (zstandard.CONTENTSIZE_UNKNOWN, zstandard.CONTENTSIZE_ERROR):
        return "the compressed data does not record its size"
    sink = _Sink()
    try:
        _decompress(path, sink)
    except zstandard.ZstdError as exc:
        return f"the compressed data is damaged: {exc}"
    if sink.count != params.content_size:
        return f"decompressed to {sink.count} bytes instead of {params.content_size}"
    if expected_size is not None and sink.count != expected_size:
        return f"decompressed to {sink.count} bytes instead of {expected_size}"
    if sink.head != _SQLITE_MAGIC:
        return "the decompressed data is not an SQLite database"
    return "ok"


def _decompress(path: Path, target: IO[bytes] | _Sink) -> None:
    # read_across_frames: a file recompressed by hand with the zstd tool may have several.
    dctx = zstandard.ZstdDecompressor()
    with open(path, "rb") as source:
        reader = dctx.stream_reader(source, read_size=_CHUNK, read_across_frames=True)
        while chunk := reader.read(_CHUNK):
            target.write(chunk)


def check_backup(path: Path) -> str:
    """Return ``"ok"`` or what is wrong with the backup at ``path``, whichever its format.

    A plain backup gets the full integrity check. A compressed one is decompressed in full as
    a stream (nothing written to disk) and its checksum and size verified: its contents passed
    the copy's check before they were compressed, and the checksum shows they are unchanged.
    ``restore_into`` still checks the integrity of the decompressed copy before using it.
    """
    try:
        compressed = is_compressed(path)
    except OSError as exc:
        return str(exc)
    if not compressed:
        return integrity_check(path)
    try:
        return verify_compressed(path)
    except OSError as exc:
        return str(exc)


def _why(exc: BaseException) -> str:
    full = (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or (
        isinstance(exc, sqlite3.Error) and exc.sqlite_errorcode == sqlite3.SQLITE_FULL
    )
    return "the disk is full; nothing was changed" if full else str(exc)


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable where the platform allows opening a folder (POSIX).
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def list_backups(workspace: Path) -> list[BackupFile]:
    """Backups of ``workspace`` (compressed ``.crmbak.zst`` and plain ``.crmbak``), newest first."""
    folder = backup_dir_for(workspace)
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            m = _NAME.match(path.name)
            if m and m.group("stem") == workspace.stem:
                at = datetime.strptime(m.group("stamp"), _STAMP).replace(tzinfo=UTC)
                found.append(BackupFile(path, at, m.group("reason"), path.stat().st_size))
    return sorted(found, key=lambda b: b.at, reverse=True)


def rotate(workspace: Path, policy: RetentionPolicy) -> list[Path]:
    """Delete the backups the policy does not keep; return what was deleted."""
    backups = list_backups(workspace)
    keep = backups_to_keep([b.at for b in backups], policy)
    removed = []
    for b in backups:
        if b.at not in keep:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def newest_good_backup(workspace: Path) -> BackupFile | None:
    """The newest backup that passes ``check_backup``, if any."""
    for b in list_backups(workspace):
        if check_backup(b.path) == "ok":
            return b
    return None


def set_aside(workspace: Path, why: str) -> Path:
    """Rename ``workspace`` (and its WAL files) out of the way; never delete it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = workspace.with_name(f"{workspace.name}.{why}-{stamp}")
    os.replace(workspace, aside)
    for suffix in ("-wal", "-shm"):
        side = workspace.with_name(workspace.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    return aside


def restore_into(workspace: Path, backup: Path) -> None:
    """Replace ``workspace`` with a verified copy of ``backup`` (the workspace must be closed).

    A compressed backup is decompressed to a temporary file beside the workspace and that file
    is integrity-checked; a plain one is checked, then copied with the backup API. Only then is
    the workspace swapped; until that rename it is untouched.

    Raises:
        BackupError: The backup is damaged or not a backup, or the copy failed (disk full...).
    """
    tmp = workspace.with_name(workspace.name + ".restoring")
    try:
        if is_compressed(backup):
            _expand(backup, tmp)
            verdict = integrity_check(tmp)
        else:
            verdict = integrity_check(backup)
            if verdict == "ok":
                _copy_with_backup_api(backup, tmp, durable=True)
        if verdict != "ok":
            raise BackupError(f"{backup.name} is not a good backup ({verdict}).", detail=verdict)
        # Stale WAL files of the old database must not be replayed into the restored one.
        for suffix in ("-wal", "-shm"):
            workspace.with_name(workspace.name + suffix).unlink(missing_ok=True)
        os.replace(tmp, workspace)
    except zstandard.ZstdError as exc:
        raise BackupError(
            f"{backup.name} is not a good backup (the compressed data is damaged: {exc}).",
            detail=str(exc),
        ) from None
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(
            f"Could not restore {backup.name}: {_why(exc)}.", detail=str(exc)
        ) from None
    finally:
        _discard(tmp)


def _expand(backup: Path, target: Path) -> None:
    with open(target, "wb") as out:
        _decompress(backup, out)
        out.flush()
        os.fsync(out.fileno())  # it becomes the workspace: on disk before the rename
