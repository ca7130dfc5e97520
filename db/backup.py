"""Backups: whole snapshot files in a folder beside the database, named by time and reason.

`tracker.db` keeps its backups in `tracker.db.backups/` as
`tracker-20261123-011500-123456-compact.db`. Automatic backups taken on compaction are
pruned to the newest few; the others (manual, before a migration, before a restore) are kept.
"""
from __future__ import annotations

import os
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

from db.fileio import fsync_dir

AUTO_REASON = "compact"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z0-9-]+)(?P<suffix>\.[^.]*)?$")


def backup_dir(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".backups")


def new_backup_path(db_path: Path, reason: str) -> Path:
    """A fresh, unique name for a backup taken now."""
    db_path = Path(db_path)
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    while True:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
        candidate = folder / f"{db_path.stem}-{stamp}-{reason}{db_path.suffix}"
        if not candidate.exists():
            return candidate


def list_backups(db_path: Path) -> list[Path]:
    """Backups of this database, newest first."""
    db_path = Path(db_path)
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match and match["stem"] == db_path.stem and entry.is_file():
            found.append((match["stamp"], entry))
    return [entry for _, entry in sorted(found, reverse=True)]


def link_or_copy(source: Path, target: Path) -> None:
    """Snapshots are never changed in place, so a hard link is a free, faithful backup."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
        with open(target, "rb+") as handle:
            os.fsync(handle.fileno())
    fsync_dir(target.parent)


def prune(db_path: Path, keep: int) -> list[Path]:
    """Delete automatic backups beyond the newest `keep`; return what was deleted."""
    auto = [p for p in list_backups(db_path) if p.name.endswith(f"-{AUTO_REASON}{Path(db_path).suffix}")]
    removed = []
    for old in auto[max(keep, 0):]:
        try:
            old.unlink()
            removed.append(old)
        except OSError:
            pass
    return removed
