"""db: a durable, locked document store (TinyDB by default). Knows no domain rules.

    from db import open_store, MemoryStore
    store = open_store(path, schema_version=1, migrations={})
    with store.transaction():
        store.table("orders").insert({"id": "o1", ...})

Importing `db` is light: TinyDB and orjson load only when a file store is opened.
"""
from db.api import Store, Table
from db.errors import (
    ConflictError,
    CorruptStoreError,
    LockedError,
    SchemaTooNewError,
    StoreError,
)
from db.memory import MemoryStore

__all__ = [
    "Store", "Table", "MemoryStore", "open_store",
    "StoreError", "ConflictError", "CorruptStoreError", "LockedError", "SchemaTooNewError",
    "inspect_store", "backup_store", "compact_store", "restore_backup", "list_backups",
]


def open_store(path, schema_version: int, migrations=None, **options):  # noqa: ANN001
    """Open (or create) the durable store at `path`, migrating it forward. See db.tinystore.

    `migrations[v](store)` takes the data from schema v to v+1 through the Store API; each
    runs in one transaction, after a backup. A newer file raises SchemaTooNewError.
    Options: lock_timeout (s, default 15), compact_min_bytes, compact_ratio, keep_backups (5),
    freeze_gc (True: loaded records are kept out of the cyclic GC's scans).
    """
    from db.tinystore import open_store as _open

    return _open(path, schema_version=schema_version, migrations=migrations or {}, **options)


def inspect_store(path, **options):  # noqa: ANN001, ANN201
    """Open an existing store without migrating it and describe it (tables, sizes, backups)."""
    from db.tinystore import inspect_store as _inspect

    return _inspect(path, **options)


def backup_store(path, reason: str = "manual", **options):  # noqa: ANN001, ANN201
    """Write a consistent backup of the store into its backups folder; return its path."""
    from db.tinystore import backup_store as _backup

    return _backup(path, reason, **options)


def compact_store(path, **options):  # noqa: ANN001, ANN201
    """Rewrite the snapshot and restart the journal; return the store's description."""
    from db.tinystore import compact_store as _compact

    return _compact(path, **options)


def restore_backup(path, backup, **options):  # noqa: ANN001, ANN201
    """Make `backup` the database at `path`, saving the current one aside first; return where."""
    from db.tinystore import restore_backup as _restore

    return _restore(path, backup, **options)


def list_backups(path):  # noqa: ANN001, ANN201
    """Backups of the database at `path`, newest first."""
    from db.backup import list_backups as _list

    return _list(path)
