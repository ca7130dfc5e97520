"""Paths that are not files: a named pipe (opening it waits for a writer forever) and a device
(/dev/zero never ends). Reading, parsing and importing them gives one Russian line at once,
instead of a command that hangs. Run in a child process with a timeout, so a regression fails
instead of hanging the suite."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pipe(tmp_path) -> Path:
    path = tmp_path / "акт.txt"
    os.mkfifo(path)
    return path


def tracker(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TRACKER_DB": str(tmp_path / "t.db"), "TRACKER_TODAY": "01.06.2026"}
    return subprocess.run([sys.executable, "-m", "cli.main", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def test_reading_a_named_pipe_or_a_device_is_refused_at_once(pipe):
    done = subprocess.run([sys.executable, "-c", "import sys\nfrom parsers.readers import read_document\n"
                           "for name in sys.argv[1:]:\n"
                           "    try:\n        read_document(name)\n    except Exception as error:\n"
                           "        print(type(error).__name__, error)", str(pipe), "/dev/zero"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.stdout.splitlines() == [
        f"ReadError {pipe}: это не файл, а именованный канал (FIFO). Укажите файл акта",
        "ReadError /dev/zero: это не файл, а устройство. Укажите файл акта"]


def test_tracker_parse_and_import_say_so_and_go_on(pipe, tmp_path):
    parsed = tracker(tmp_path, "parse", str(pipe))
    assert parsed.returncode == 1 and "это не файл, а именованный канал" in parsed.stderr
    imported = tracker(tmp_path, "import", "--yes", str(pipe), "/dev/zero")
    output = imported.stdout + imported.stderr
    assert output.count("это не файл, а именованный канал или устройство") == 2
    assert "Traceback" not in output


def test_a_database_whose_folder_cannot_hold_its_lock_is_not_called_busy(tmp_path):
    """filelock retries an unwritable folder until its timeout, which read as «занята другим процессом»."""
    from db.errors import LockedError, StoreError
    from db.lock import StoreLock

    blocker = tmp_path / "не папка"
    blocker.write_text("")
    with pytest.raises(StoreError) as caught:
        StoreLock(blocker / "tracker.db", timeout=30).acquire()
    assert not isinstance(caught.value, LockedError)
    assert "файл блокировки" in str(caught.value) and "не создаётся (" in str(caught.value)
    assert "Errno" not in str(caught.value) and "Not a directory" not in str(caught.value)
