"""A real PostgreSQL for team-mode tests: started on loopback for the session, then stopped.

PostgreSQL refuses to run as root (CI runs as root): the server then runs as the ``postgres``
system user (or ``nobody``) from a data folder that user owns. It listens on 127.0.0.1 only,
on a free port, with password (SCRAM) authentication, like a studio's hub.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ADMIN = "hub_admin"
ADMIN_PASSWORD = "admin-secret"


@dataclass(frozen=True)
class PgServer:
    """A running test server: where it listens and how to reach it as the admin."""

    host: str
    port: int
    data: Path
    runner: list[str]
    bin_dir: Path

    def url(self, database: str) -> str:
        """The hub URL of ``database`` (host, port and database, as the CLI takes it)."""
        return f"postgresql://{self.host}:{self.port}/{database}"

    def admin_dsn(self, database: str = "postgres") -> str:
        """A libpq connection string as the admin."""
        return (
            f"host={self.host} port={self.port} dbname={database} user={ADMIN} "
            f"password={ADMIN_PASSWORD}"
        )

    def stop(self) -> None:
        """Stop the server at once and remove its folder."""
        subprocess.run(
            [
                *self.runner,
                str(self.bin_dir / "pg_ctl"),
                "-D",
                str(self.data),
                "-m",
                "immediate",
                "stop",
            ],
            check=False,
            capture_output=True,
        )
        shutil.rmtree(self.data.parent, ignore_errors=True)


def find_bin_dir() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl`` (PATH, else Debian's versioned folders)."""
    found = shutil.which("initdb")
    if found:
        return Path(os.path.realpath(found)).parent
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    return candidates[0].parent if candidates else None


def _runner() -> tuple[list[str], int | None, int | None]:
    if os.geteuid() != 0:
        return [], None, None
    for name in ("postgres", "nobody"):
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        return ["runuser", "-u", name, "--"], entry.pw_uid, entry.pw_gid
    raise RuntimeError("running as root with no unprivileged user to run PostgreSQL as")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start() -> PgServer:
    """Initialise and start a throwaway server; raise RuntimeError saying why it could not."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (no initdb)")
    runner, uid, gid = _runner()
    root = Path(tempfile.mkdtemp(prefix="crm-hub-"))
    data = root / "data"
    pwfile = root / "pw"
    pwfile.write_text(ADMIN_PASSWORD + "\n")
    if uid is not None and gid is not None:
        os.chmod(root, 0o700)
        os.chown(root, uid, gid)
        os.chown(pwfile, uid, gid)
    subprocess.run(
        [
            *runner,
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            ADMIN,
            "--pwfile",
            str(pwfile),
            "--auth=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        ],
        check=True,
        capture_output=True,
    )
    port = _free_port()
    options = (
        f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
    )
    result = subprocess.run(
        [
            *runner,
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(root / "log"),
            "-w",
            "-t",
            "60",
            "start",
        ],
        capture_output=True,
        text=True,
    )
    if result.returncode:
        log = (root / "log").read_text() if (root / "log").exists() else ""
        raise RuntimeError(f"PostgreSQL did not start: {result.stderr.strip()} {log[-500:]}")
    return PgServer("127.0.0.1", port, data, runner, bin_dir)
