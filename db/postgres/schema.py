"""The server's schema: versioned SQL files in db/postgres/sql, applied in order.

A fresh database gets every file; an older one is brought forward only by
`tracker db upgrade` (after a backup): on a shared server an administrator decides when.
"""
from __future__ import annotations

import re
from importlib import resources

import psycopg

from db.errors import SchemaTooNewError, StoreError

DDL_VERSION_KEY = "ddl_version"
_LOCK = 0x7472_6163  # advisory lock: two processes never build the schema at once


def migrations() -> list[tuple[int, str]]:
    """(version, SQL) of every schema file, oldest first."""
    files = []
    for entry in resources.files("db.postgres").joinpath("sql").iterdir():
        found = re.match(r"(\d+)_.*\.sql$", entry.name)
        if found:
            files.append((int(found.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(files)


def latest() -> int:
    return migrations()[-1][0]


def installed(conn: psycopg.Connection) -> int | None:
    """The schema version of the database, or None when tracker's tables are not there."""
    found = conn.execute("SELECT to_regclass('store_meta')").fetchone()
    if found is None or found[0] is None:
        return None
    row = conn.execute("SELECT value FROM store_meta WHERE key = %s", [DDL_VERSION_KEY]).fetchone()
    return int(row[0]) if row else 0


def prepare(conn: psycopg.Connection, where: str, *, create: bool, upgrade: bool) -> list[int]:
    """Create or check the schema; with `upgrade`, apply what is missing. Returns the versions applied."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK])
        found = installed(conn)
        target = latest()
        if found is None and not create:
            raise StoreError(f"В базе {where} нет таблиц tracker. Создайте их: `tracker db upgrade --db {where}`.")
        if found is not None and found > target:
            raise SchemaTooNewError(where, found, target)
        if found is not None and found < target and not upgrade:
            raise StoreError(
                f"Схема базы {where} устарела (версия {found}, нужна {target}). Администратор обновляет её "
                f"командой `tracker db upgrade --db {where}` (перед этим делается резервная копия)."
            )
        applied = []
        for version, sql in migrations():
            if found is None or version > found:
                conn.execute(sql.encode())  # our own files, not user input
                applied.append(version)
        if applied:
            conn.execute(
                "INSERT INTO store_meta (key, value) VALUES (%s, %s::jsonb) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                [DDL_VERSION_KEY, str(target)],
            )
        return applied
