"""Start `tracker serve` on a database of the sample acts for the served-desk tests."""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "tracker" / "samples" / "acts"


def tracker(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "cli.main", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}, timeout=600)


def sample_database(folder: Path) -> Path:
    db = folder / "served.db"
    done = tracker("import", "--yes", "--db", str(db), str(SAMPLES))
    assert done.returncode == 0, done.stderr
    return db


ADMIN = ("admin", "пароль-администратора")
CONTROLLER = ("ivanova", "пароль-ивановой")


def as_person(login: str, password: str) -> dict[str, str]:
    """The environment a script passes its login in (TRACKER_USER / TRACKER_PASSWORD)."""
    return {"TRACKER_USER": login, "TRACKER_PASSWORD": password}


def server_sample_database(url: str) -> str:
    """The sample acts on a server database with an администратор and a контролёр (ivanova)."""
    made = tracker("users", "add", ADMIN[0], "--role", "администратор", "--db", url,
                   env={"TRACKER_NEW_PASSWORD": ADMIN[1]})
    assert made.returncode == 0, made.stderr
    admin = as_person(*ADMIN)
    done = tracker("import", "--yes", "--db", url, str(SAMPLES), env=admin)
    assert done.returncode == 0, done.stderr
    made = tracker("users", "add", CONTROLLER[0], "--role", "контролёр", "--name", "Иванова А.П.", "--db", url,
                   env={**admin, "TRACKER_NEW_PASSWORD": CONTROLLER[1]})
    assert made.returncode == 0, made.stderr
    return url


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Served:
    url: str
    db: Path | str
    process: subprocess.Popen[str]

    def desks(self) -> int:
        """How many desk processes this server started are running (orphans included)."""
        return len(desk_processes(self.process.pid))


@contextlib.contextmanager
def serving(db: Path | str, *options: str) -> Iterator[Served]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "cli.main", "serve", "--db", str(db), "--port", str(port), *options],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + "/", timeout=2).read()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read() if process.stdout else ""
                    raise AssertionError(f"tracker serve did not start: {output}") from None
                time.sleep(0.3)
        yield Served(url, db, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        for pid in desk_processes(process.pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def desk_processes(server_pid: int) -> list[int]:
    """The live desks a `tracker serve` started: `cli.main ui` processes whose environment names that
    server (TRACKER_SERVER_PID), so that a desk the dead server left behind is still found."""
    marker = f"TRACKER_SERVER_PID={server_pid}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
            environment = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if b"cli.main\x00ui" in command and marker in environment.split(b"\x00") and state != "Z":
            found.append(int(entry.name))
    return found


def wait_until(condition, within: float, step: float = 0.3) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()
