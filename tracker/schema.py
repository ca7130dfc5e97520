"""The shape of stored records: its version and the migrations that bring old databases forward.

Every room's tables live in one store; the root opens it with these.
"""
from __future__ import annotations

from collections.abc import Callable

from db.api import Store

SCHEMA_VERSION = 1
MIGRATIONS: dict[int, Callable[[Store], None]] = {}  # from_version -> brings the store to from_version + 1
