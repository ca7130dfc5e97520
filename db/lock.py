"""The cross-process write lock: one writer at a time per database file.

An OS file lock (filelock: flock on POSIX, LockFileEx on Windows) on `<db>.lock`; the OS
drops it when the holder dies, so a killed writer never leaves the database locked.
Reentrant within one store object, so a transaction may run inside a locked section.
"""
from __future__ import annotations

import os
from pathlib import Path

from filelock import FileLock, Timeout

from db.errors import LockedError, StoreError
from russian_errors import os_problem


class StoreLock:
    def __init__(self, db_path: Path, timeout: float) -> None:
        self._db_path = Path(db_path)
        self._lock = FileLock(
            str(self._db_path) + ".lock", timeout=timeout, thread_local=False, preserve_lock_file=True
        )
        self._depth = 0

    @property
    def held(self) -> bool:
        return self._depth > 0

    def acquire(self) -> None:
        if self._depth == 0:
            if not os.path.exists(self._lock.lock_file):  # filelock would retry an unwritable folder until
                self._check_openable()                   # the timeout, as if another process held the lock
            try:
                self._lock.acquire()
            except Timeout:
                self._check_openable()
                raise LockedError(str(self._db_path)) from None
        self._depth += 1

    def _check_openable(self) -> None:
        problem = _cannot_open(self._lock.lock_file)
        if problem:
            raise StoreError(f"База {self._db_path}: файл блокировки {self._lock.lock_file} не создаётся "
                             f"({problem}). Проверьте путь к базе и права на её папку.")

    def release(self) -> None:
        self._depth -= 1
        if self._depth == 0:
            self._lock.release()

    def __enter__(self) -> StoreLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _cannot_open(path: str) -> str | None:
    """Why the lock file cannot be opened for writing (in Russian), or None if it can."""
    try:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        return os_problem(error)
    os.close(descriptor)
    return None
