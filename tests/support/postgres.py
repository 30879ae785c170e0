"""A throwaway PostgreSQL server for the test suite, started from Debian's binaries.

``PostgresServer.start()`` runs ``initdb`` into a temporary folder, starts the server on a
free TCP port of 127.0.0.1 (socket in the same folder, ``trust`` authentication, durability
off: it holds test data only), and waits until it accepts connections. ``create_database``
/ ``drop_database`` make and remove databases, ``create_schema`` / ``drop_schema`` give each
test its own schema in one (what the suite uses: much cheaper); ``stop()`` shuts the server down with
``pg_ctl stop -m fast`` (and kills it if that fails) and removes the folder.

PostgreSQL refuses to run as root: when the tests run as root, every server command runs
as the ``postgres`` system user (created by the Debian package) through ``runuser``/``su``.
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

NOT_FOUND = "PostgreSQL binaries not found (apt-get install postgresql)"
START_TIMEOUT = 60.0
COMMAND_TIMEOUT = 120.0
SERVER_USER = "postgres"


class PostgresUnavailable(RuntimeError):
    """The binaries exist but the server could not be set up; the message says why."""


def find_bin_dir() -> Path | None:
    """The newest ``/usr/lib/postgresql/<version>/bin`` holding initdb and pg_ctl, else PATH's."""

    def version(path: str) -> tuple[int, ...]:
        m = re.search(r"/postgresql/([\d.]+)/bin/", path)
        return tuple(int(p) for p in m.group(1).split(".")) if m else (0,)

    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version, reverse=True)
    for initdb in candidates:
        folder = Path(initdb).parent
        if (folder / "pg_ctl").exists() and (folder / "postgres").exists():
            return folder
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).parent
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user() -> tuple[list[str], int | None, int | None]:
    """(command prefix, uid, gid) to run server commands as a non-root user."""
    if os.geteuid() != 0:
        return [], None, None
    try:
        entry = pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise PostgresUnavailable(
            f"running as root and there is no '{SERVER_USER}' system user to run the PostgreSQL "
            "server as (the Debian postgresql package creates it)"
        ) from None
    runuser = shutil.which("runuser")
    prefix = [runuser, "-u", SERVER_USER, "--"] if runuser else None
    if prefix is None:
        su = shutil.which("su")
        if su is None:
            raise PostgresUnavailable("running as root and neither runuser nor su is available")
        prefix = [su, SERVER_USER, "-s", "/bin/sh", "-c"]
    return prefix, entry.pw_uid, entry.pw_gid


@dataclass
class PostgresServer:
    bin_dir: Path
    host: str = "127.0.0.1"
    user: str = "postgres"  # the database superuser that initdb creates
    port: int = 0
    root: Path | None = None
    _prefix: list[str] = field(default_factory=list)
    _started: bool = False

    @property
    def data_dir(self) -> Path:
        assert self.root is not None
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        assert self.root is not None
        return self.root / "server.log"

    def _run(self, *args: str, timeout: float = COMMAND_TIMEOUT) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self._prefix and self._prefix[-1] == "-c":  # su ... -c 'one string'
            command = [*self._prefix, shlex.join(command)]
        else:
            command = [*self._prefix, *command]
        try:
            return subprocess.run(
                command,
                check=False,
                capture_output=True,
                text=True,
                timeout=timeout,
                stdin=subprocess.DEVNULL,
                cwd=self.root,
            )
        except subprocess.TimeoutExpired as e:
            raise PostgresUnavailable(f"{args[0]} did not finish within {timeout:.0f} s") from e

    def _log_tail(self, lines: int = 20) -> str:
        try:
            text = self.log_file.read_text(errors="replace").splitlines()
        except OSError:
            return "(no server log)"
        return "\n".join(text[-lines:])

    def start(self) -> PostgresServer:
        self._prefix, uid, gid = _as_server_user()
        self.root = Path(tempfile.mkdtemp(prefix="portwright-pg-"))
        atexit.register(self.stop)  # a safety net if the session ends abnormally
        if uid is not None:
            os.chown(self.root, uid, gid if gid is not None else -1)
        result = self._run(
            "initdb",
            "-D",
            str(self.data_dir),
            "-U",
            self.user,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
            "--no-instructions",
        )
        if result.returncode != 0:
            self.stop()
            raise PostgresUnavailable(f"initdb failed ({result.returncode}): {result.stderr.strip()[-2000:]}")
        last_error = ""
        for _attempt in range(5):  # the free port may be taken between probing and binding
            self.port = free_port()
            options = (
                f"-p {self.port} -k {self.root} -c listen_addresses={self.host} -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
            )
            result = self._run(
                "pg_ctl",
                "start",
                "-D",
                str(self.data_dir),
                "-l",
                str(self.log_file),
                "-w",
                "-t",
                str(int(START_TIMEOUT)),
                "-o",
                options,
                timeout=START_TIMEOUT + 15,
            )
            if result.returncode == 0:
                self._started = True
                break
            last_error = f"{result.stdout.strip()} {result.stderr.strip()}\n{self._log_tail()}"
            if "already in use" not in last_error and "could not bind" not in last_error:
                break
        if not self._started:
            self.stop()
            raise PostgresUnavailable(f"the PostgreSQL server did not start: {last_error.strip()}")
        self._wait_ready()
        return self

    def _connect(self, dbname: str = "postgres"):  # type: ignore[no-untyped-def]
        import psycopg

        return psycopg.connect(
            host=self.host, port=self.port, user=self.user, dbname=dbname, autocommit=True, connect_timeout=5
        )

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        error: Exception | None = None
        while time.monotonic() < deadline:
            try:
                with self._connect() as conn:
                    conn.execute("SELECT 1")
                return
            except Exception as e:
                error = e
                time.sleep(0.1)
        self.stop()
        raise PostgresUnavailable(f"the PostgreSQL server does not accept connections: {error}\n{self._log_tail()}")

    def url(self, dbname: str, schema: str | None = None) -> str:
        """A SQLAlchemy URL; with ``schema``, connections put that schema first on the search path."""
        url = f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{dbname}"
        return f"{url}?options=-csearch_path%3D{schema}" if schema else url

    def create_schema(self, dbname: str, prefix: str = "t") -> str:
        """A new empty schema in ``dbname``: a private workspace at a fraction of a database's cost
        (CREATE DATABASE forces a checkpoint: about 0.25 s each)."""
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with self._connect(dbname) as conn:
            conn.execute(f'CREATE SCHEMA "{name}"')
        return name

    def drop_schema(self, dbname: str, name: str) -> None:
        with self._connect(dbname) as conn:
            conn.execute("SET lock_timeout = '30s'")
            conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')

    def create_database(self, prefix: str = "pw") -> str:
        """A new empty database; returns its name."""
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        with self._connect() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        with self._connect() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _postmaster_pid(self) -> int | None:
        try:
            return int((self.data_dir / "postmaster.pid").read_text().split("\n", 1)[0])
        except (OSError, ValueError):
            return None

    def stop(self) -> None:
        """Stop the server (fast shutdown, then SIGKILL if needed) and remove its folder."""
        if self.root is None:
            return
        if self._started or (self.data_dir / "postmaster.pid").exists():
            try:
                result = self._run(
                    "pg_ctl", "stop", "-D", str(self.data_dir), "-m", "fast", "-w", "-t", "30", timeout=45
                )
                stopped = result.returncode == 0
            except PostgresUnavailable:
                stopped = False
            pid = self._postmaster_pid()
            if not stopped and pid is not None:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.kill(pid, signal.SIGKILL)  # its backends exit when they see it gone
                deadline = time.monotonic() + 10
                while time.monotonic() < deadline:
                    try:
                        os.kill(pid, 0)
                    except ProcessLookupError:
                        break
                    time.sleep(0.05)
            self._started = False
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None
        with contextlib.suppress(Exception):
            atexit.unregister(self.stop)


def start_server() -> PostgresServer | None:
    """A running server, or None when the binaries are absent (PostgresUnavailable if they fail)."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        return None
    return PostgresServer(bin_dir).start()
