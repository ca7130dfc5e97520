"""Fixtures for the store tests: the same suite runs on MemoryStore, the file store and PostgreSQL."""
from __future__ import annotations

from pathlib import Path

import pytest
from storeproc import FILE_OPTIONS

from db import MemoryStore, open_store


@pytest.fixture(params=["memory", "tinydb", "postgresql"])
def store(request, tmp_path):
    """An empty store of each kind, schema version 1."""
    if request.param == "memory":
        yield MemoryStore(schema_version=1)
        return
    if request.param == "postgresql":
        from db.postgres import open_pg_store

        opened = open_pg_store(request.getfixturevalue("pg_url"), schema_version=1)
        yield opened
        opened.close()
        return
    opened = open_store(tmp_path / "store.db", schema_version=1, **FILE_OPTIONS)
    yield opened
    opened.close()


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "tracker.db"
