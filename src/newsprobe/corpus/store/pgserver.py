"""A throwaway PostgreSQL server on 127.0.0.1, for the store's tests and benchmarks.

    >>> with PostgresServer.start() as server:       # raises PostgresUnavailable without it
    ...     url = server.create_database("corpus_test")

Debian's ``postgresql`` package puts ``initdb`` and ``pg_ctl`` in
``/usr/lib/postgresql/<version>/bin``. Both refuse to run as root, so as root (CI) they run
as the ``postgres`` system user the package creates (``runuser -u postgres``), in a
temporary folder that user owns. The server listens on a free port of 127.0.0.1 only, with
password authentication (so that a wrong password can be tested), and is stopped and its
folder removed at the end.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

__all__ = ["PostgresServer", "PostgresUnavailable", "find_binaries"]

USER = "newsprobe"
PASSWORD = "corpus-test-password"
_SYSTEM_USER = "postgres"


class PostgresUnavailable(RuntimeError):
    """PostgreSQL's server binaries (or a user to run them as) are not on this machine."""


def find_binaries() -> Path:
    """The folder holding ``initdb`` and ``pg_ctl``, the newest version first."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    raise PostgresUnavailable(
        "PostgreSQL server binaries not found (install Debian's postgresql package)"
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class PostgresServer:
    """A running server; `url` reaches its maintenance database as the test user."""

    folder: Path
    port: int
    binaries: Path
    run_as: list[str]

    @property
    def base_url(self) -> str:
        return f"postgresql://{USER}:{PASSWORD}@127.0.0.1:{self.port}"

    def url(self, database: str, *, password: str = PASSWORD) -> str:
        return f"postgresql://{USER}:{password}@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> None:
        result = subprocess.run(
            [*self.run_as, *args], capture_output=True, text=True, timeout=120, check=False
        )
        if result.returncode:
            raise PostgresUnavailable(
                f"{Path(args[0]).name} failed: {(result.stderr or result.stdout).strip()}"
            )

    @classmethod
    @contextmanager
    def start(cls, *, durable: bool = False) -> Iterator[PostgresServer]:
        """Start a server in a new folder; stop it and remove the folder at the end.

        Args:
            durable: keep PostgreSQL's default fsync on every commit (benchmarks); tests
                turn fsync off, which only matters if the machine itself crashes.
        """
        binaries = find_binaries()
        run_as: list[str] = []
        owner: pwd.struct_passwd | None = None
        if os.geteuid() == 0:
            try:
                owner = pwd.getpwnam(_SYSTEM_USER)
            except KeyError:
                raise PostgresUnavailable(
                    "running as root, and there is no 'postgres' user to run PostgreSQL as"
                ) from None
            runuser = shutil.which("runuser")
            if runuser is None:
                raise PostgresUnavailable("running as root, and runuser is missing")
            run_as = [runuser, "-u", _SYSTEM_USER, "--"]
        folder = Path(tempfile.mkdtemp(prefix="newsprobe-pg-"))
        if owner is not None:
            os.chown(folder, owner.pw_uid, owner.pw_gid)
        server = cls(folder=folder, port=_free_port(), binaries=binaries, run_as=run_as)
        data = folder / "data"
        secret = folder / "password"
        secret.write_text(PASSWORD + "\n")
        if owner is not None:
            os.chown(secret, owner.pw_uid, owner.pw_gid)
        try:
            server._run(
                str(binaries / "initdb"),
                "-D", str(data),
                "-U", USER,
                f"--pwfile={secret}",
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            )  # fmt: skip
            options = (
                f"-p {server.port} -c listen_addresses=127.0.0.1 -k {folder} -c max_connections=40"
            )
            if not durable:
                options += " -c fsync=off -c full_page_writes=off"
            server._run(
                str(binaries / "pg_ctl"),
                "-D", str(data),
                "-o", options,
                "-l", str(folder / "server.log"),
                "-w", "-t", "60",
                "start",
            )  # fmt: skip
            yield server
        finally:
            if (data / "postmaster.pid").exists():
                subprocess.run(
                    [*run_as, str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "-w",
                     "stop"],
                    capture_output=True,
                    timeout=60,
                    check=False,
                )  # fmt: skip
            shutil.rmtree(folder, ignore_errors=True)

    def create_database(self, name: str) -> str:
        """Create an empty database; its URL."""
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)
