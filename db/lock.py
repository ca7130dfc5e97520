"""The cross-process write lock: one writer at a time per database file.

An OS file lock (filelock: flock on POSIX, LockFileEx on Windows) on `<db>.lock`; the OS
drops it when the holder dies, so a killed writer never leaves the database locked.
Reentrant within one store object, so a transaction may run inside a locked section.
"""
from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from db.errors import LockedError


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
            try:
                self._lock.acquire()
            except Timeout:
                raise LockedError(str(self._db_path)) from None
        self._depth += 1

    def release(self) -> None:
        self._depth -= 1
        if self._depth == 0:
            self._lock.release()

    def __enter__(self) -> StoreLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
