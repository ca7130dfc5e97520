"""Durable file primitives: write a whole file atomically, fsync a folder.

A reader either sees the old file or the new one, never a mix: the new content goes to
a temporary file beside the target, is fsynced, then `os.replace`d over it, and the
folder is fsynced so the rename itself survives a power cut.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where folders cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(target: Path, chunks: Iterable[bytes]) -> int:
    """Write `chunks` to `target` via temp + fsync + os.replace; return the size written."""
    target = Path(target)
    temp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    size = 0
    try:
        with open(temp, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
                size += len(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
    fsync_dir(target.parent)
    return size
