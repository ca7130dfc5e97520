"""Fixtures every test folder may use: a PostgreSQL server started for this test session."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from pgcluster import cluster, drop_database, fresh_database


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a throwaway PostgreSQL cluster on 127.0.0.1, stopped after the session."""
    with cluster() as url:
        yield url


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """An empty database of its own for one test."""
    url = fresh_database(pg_server)
    yield url
    drop_database(pg_server, url)
