"""Backups of a server database with pg_dump (custom format, restorable with pg_restore)."""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

from db.errors import StoreError


def pg_tool(name: str) -> str:
    """The path of a PostgreSQL client program (PATH first, then Debian's versioned folders)."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if candidates:
        return candidates[-1]
    raise StoreError(f"Не найдена программа {name}. Установите клиент PostgreSQL: sudo apt-get install postgresql-client.")


def dump(url: str, folder: Path, reason: str = "manual") -> Path:
    """Write a consistent copy of the whole database into `folder`; return the file."""
    folder = Path(folder).expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"tracker-{datetime.now():%Y%m%d-%H%M%S}-{reason}.dump"
    result = subprocess.run(
        [pg_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={target}", f"--dbname={url}"],
        capture_output=True, text=True, env=os.environ.copy(), check=False,
    )
    if result.returncode != 0:
        target.unlink(missing_ok=True)
        detail = (result.stderr.strip().splitlines() or ["pg_dump завершился с ошибкой"])[-1]
        raise StoreError(f"Резервная копия не сделана ({detail}). Ничего не изменено.")
    return target
