"""A desk whose terminal goes away ends by itself instead of burning a processor."""
from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path

from tui.terminal import GONE_EXIT_CODE

TRACKER = Path(sys.executable).with_name("tracker")
SAMPLES = Path(__file__).resolve().parents[2] / "tracker" / "samples" / "acts"


def wait_for_exit(pid: int, within: float) -> int | None:
    """The exit status of `pid` once it ends, or None if it is still running after `within` seconds."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.2)
    return None


def test_a_desk_whose_terminal_disappears_without_a_hangup_signal_exits(tmp_path):
    db = tmp_path / "desk.db"
    subprocess.run([str(TRACKER), "import", "--yes", "--db", str(db), str(SAMPLES)], check=True,
                   capture_output=True)
    pid, terminal = pty.fork()
    if pid == 0:  # the desk, deaf to SIGHUP as when its parent shell or multiplexer died first
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        os.environ["TERM"] = "xterm-256color"
        os.execv(str(TRACKER), [str(TRACKER), "ui", "--db", str(db)])
    try:
        drawn = b""
        deadline = time.monotonic() + 60
        while "Сводка".encode() not in drawn and time.monotonic() < deadline:  # the desk is up
            try:
                drawn += os.read(terminal, 65536)
            except OSError:
                break
        assert "Сводка".encode() in drawn, "the desk did not start"
        os.close(terminal)  # the terminal is gone
        status = wait_for_exit(pid, within=30)
        assert status == GONE_EXIT_CODE, "the desk kept running after its terminal disappeared"
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
