"""db: a durable, locked document store (TinyDB by default). Knows no domain rules.

    from db import open_store, MemoryStore
    store = open_store(path, schema_version=1, migrations={})
    with store.transaction():
        store.table("orders").insert({"id": "o1", ...})
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
]


def open_store(path, schema_version: int, migrations=None, **options):  # noqa: ANN001
    """Open (or create) the durable store at `path`. See db.tinystore."""
    from db.tinystore import open_store as _open

    return _open(path, schema_version=schema_version, migrations=migrations or {}, **options)
