"""Fixtures for the domain specs: a service over an in-memory store with a fixed clock."""
from __future__ import annotations

import pytest
from domain_factories import Clock, FakeParser

from db import MemoryStore, open_store
from tracker.control.service import ControlService
from tracker.root import assemble


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def parser() -> FakeParser:
    return FakeParser()


@pytest.fixture(params=["memory", "tinydb", "postgresql"])
def store(request, tmp_path):
    """Every service spec runs on the in-memory store, the file store and PostgreSQL."""
    if request.param == "memory":
        yield MemoryStore()
        return
    from tracker.schema import MIGRATIONS, SCHEMA_VERSION

    if request.param == "postgresql":
        from db.postgres import open_pg_store

        server = open_pg_store(request.getfixturevalue("pg_url"), schema_version=SCHEMA_VERSION,
                               migrations=MIGRATIONS)
        yield server
        server.close()
        return

    durable = open_store(tmp_path / "control.db", schema_version=SCHEMA_VERSION, migrations=MIGRATIONS)
    yield durable
    durable.close()


@pytest.fixture
def service(store, parser, clock) -> ControlService:
    return assemble(store, user="иванова", clock=clock, parse=parser).control
