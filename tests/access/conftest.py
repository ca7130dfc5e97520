"""Accounts are kept in the same store as everything else: specs run on every kind of store."""
from __future__ import annotations

import pytest

from db import MemoryStore, open_store


@pytest.fixture(params=["memory", "tinydb", "postgresql"])
def store(request, tmp_path):
    if request.param == "memory":
        yield MemoryStore()
        return
    if request.param == "postgresql":
        from db.postgres import open_pg_store

        opened = open_pg_store(request.getfixturevalue("pg_url"), schema_version=1)
    else:
        opened = open_store(tmp_path / "users.db", schema_version=1, freeze_gc=False)
    yield opened
    opened.close()
