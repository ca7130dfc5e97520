"""The Store contract (db/api.py) on PostgreSQL, for a whole region on one server.

Each table of the domain is a table of its own (db/postgres/sql): the record is kept whole
as `doc`, and PostgreSQL derives the typed columns, constraints and indexes from it. Writes
are optimistic exactly as in the file store: a record carries `_rev`, and a write that
expects another revision raises ConflictError and changes nothing.

Connections come from a psycopg pool. A transaction holds one connection for the thread
that opened it; a nested transaction is a savepoint. Every write transaction bumps one
change counter (store_state.change_seq) and sends NOTIFY tracker_changes, so `refresh()`
and a listening desk see other clerks' changes.

A write hook (`set_write_hook`) lets the application keep its own derived rows (the read side
of orders) current: it runs on the writing connection, inside the same transaction.
"""
from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import orjson
import psycopg
from psycopg_pool import ConnectionPool

from db.api import Record
from db.errors import ConflictError, StoreError
from db.jsonvalue import dumps
from db.postgres.errors import translate
from db.postgres.url import redact

CHANNEL = "tracker_changes"

# Called after each write of a record of one table, inside its transaction, on its connection:
# (connection, record id, the record before or None, the record after or None when deleted).
WriteHook = Callable[[psycopg.Connection, str, "Record | None", "Record | None"], None]

# Tables with a table of their own in the schema; any other name lives in other_records.
OWN_TABLES = frozenset({
    "acts", "executors", "orders", "history",
    "registry_records", "registry_versions", "registry_obligations", "registry_imports",
    "registry_activity", "registry_meta", "settings", "drafting_log", "users",
})


class PgTable:
    """One table of the domain: the Table protocol over SQL."""

    def __init__(self, store: PgStore, name: str) -> None:
        self.name = name
        self._store = store
        if name in OWN_TABLES:
            self._from, self._scope, self._cols, self._vals = name, "", "", ""
        else:
            self._from, self._scope = "other_records", "table_name = %(table)s AND "
            self._cols, self._vals = ", table_name", ", %(table)s"

    # -- reads ---------------------------------------------------------------------------
    def _select(self, condition: str, params: dict[str, Any], tail: str = "") -> list[Record]:
        sql = f"SELECT doc, rev FROM {self._from} WHERE {self._scope}{condition}{tail}"
        rows = self._store._fetch(sql, {"table": self.name, **params})
        return [_record(doc, rev) for doc, rev in rows]

    def get(self, record_id: str) -> Record | None:
        found = self._select("id = %(id)s", {"id": record_id})
        return found[0] if found else None

    def get_many(self, record_ids: list[str]) -> dict[str, Record]:
        if not record_ids:
            return {}
        return {r["id"]: r for r in self._select("id = ANY(%(ids)s)", {"ids": list(dict.fromkeys(record_ids))})}

    def all(self) -> list[Record]:
        return self._select("TRUE", {}, " ORDER BY id")

    def __iter__(self) -> Iterator[Record]:
        return iter(self.all())

    def __len__(self) -> int:
        sql = f"SELECT count(*) FROM {self._from} WHERE {self._scope}TRUE"
        return int(self._store._fetch(sql, {"table": self.name})[0][0])

    def filter(self, predicate: Callable[[Record], bool]) -> list[Record]:
        return [record for record in self.all() if predicate(record)]

    def ensure_index(self, field: str) -> None:
        """The schema declares the indexes the domain looks up by; nothing to build at run time."""

    def find_by(self, field: str, value: Any) -> list[Record]:
        if value is None:
            condition = "(doc->%(field)s IS NULL OR doc->%(field)s = 'null'::jsonb)"
            return self._select(condition, {"field": field}, " ORDER BY id")
        encoded = dumps(value, f"значение поля {field}").decode()
        return self._select("doc->%(field)s = %(value)s::jsonb", {"field": field, "value": encoded}, " ORDER BY id")

    # -- writes --------------------------------------------------------------------------
    def insert(self, record: Record) -> Record:
        row = {key: value for key, value in record.items() if key != "_rev"}
        row.setdefault("id", uuid.uuid4().hex[:12])
        _check_id(self.name, row["id"])
        payload = dumps(row, f"запись {row['id']} ({self.name})")
        with self._store.connection_in_transaction() as conn:
            inserted = conn.execute(
                f"INSERT INTO {self._from} (id, rev, doc{self._cols}) VALUES (%(id)s, 1, %(doc)s::jsonb{self._vals}) "
                "ON CONFLICT DO NOTHING RETURNING rev",
                {"id": row["id"], "doc": payload.decode(), "table": self.name},
            ).fetchone()
            if inserted is None:
                raise ConflictError(self.name, row["id"], None, self._rev_of(conn, row["id"]))
            self._store._changed()
            stored = _record(orjson.loads(payload), 1)
            self._store._after_write(conn, self.name, row["id"], None, stored)
        return stored

    def insert_many(self, records: list[Record]) -> list[Record]:
        with self._store.transaction():
            return [self.insert(record) for record in records]

    def update(self, record_id: str, changes: Record, expected_rev: int | None = None) -> Record:
        changes_json = orjson.loads(dumps(changes, f"запись {record_id} ({self.name})"))
        with self._store.connection_in_transaction() as conn:
            current, rev = self._locked(conn, record_id, expected_rev)
            new = {**current, **changes_json, "id": record_id}
            new.pop("_rev", None)
            return self._write(conn, record_id, new, rev, current)

    def replace(self, record: Record, expected_rev: int | None = None) -> Record:
        _check_id(self.name, record.get("id"))
        record_id = record["id"]
        new = orjson.loads(dumps({k: v for k, v in record.items() if k != "_rev"}, f"запись {record_id} ({self.name})"))
        with self._store.connection_in_transaction() as conn:
            current, rev = self._locked(conn, record_id, expected_rev)
            return self._write(conn, record_id, new, rev, current)

    def delete(self, record_id: str, expected_rev: int | None = None) -> None:
        with self._store.connection_in_transaction() as conn:
            current, _rev = self._locked(conn, record_id, expected_rev)
            conn.execute(f"DELETE FROM {self._from} WHERE {self._scope}id = %(id)s",
                         {"id": record_id, "table": self.name})
            self._store._changed()
            self._store._after_write(conn, self.name, record_id, current, None)

    def _locked(self, conn: psycopg.Connection, record_id: str, expected_rev: int | None) -> tuple[Record, int]:
        """The stored record, locked until the transaction ends; a ConflictError if it is not as expected."""
        found = conn.execute(
            f"SELECT doc, rev FROM {self._from} WHERE {self._scope}id = %(id)s FOR UPDATE",
            {"id": record_id, "table": self.name},
        ).fetchone()
        if found is None or (expected_rev is not None and found[1] != expected_rev):
            raise ConflictError(self.name, record_id, expected_rev, found[1] if found else None)
        return found[0], found[1]

    def _write(self, conn: psycopg.Connection, record_id: str, doc: Record, rev: int, before: Record) -> Record:
        conn.execute(
            f"UPDATE {self._from} SET doc = %(doc)s::jsonb, rev = %(rev)s WHERE {self._scope}id = %(id)s",
            {"id": record_id, "doc": orjson.dumps(doc).decode(), "rev": rev + 1, "table": self.name},
        )
        self._store._changed()
        stored = _record(doc, rev + 1)
        self._store._after_write(conn, self.name, record_id, before, stored)
        return stored

    def _rev_of(self, conn: psycopg.Connection, record_id: str) -> int | None:
        found = conn.execute(f"SELECT rev FROM {self._from} WHERE {self._scope}id = %(id)s",
                             {"id": record_id, "table": self.name}).fetchone()
        return found[0] if found else None


class _Local(threading.local):
    conn: psycopg.Connection | None = None
    dirty: bool = False


class PgStore:
    """db.api.Store on a PostgreSQL database (see db.postgres.open_pg_store)."""

    def __init__(self, url: str, pool: ConnectionPool) -> None:
        self.url = url
        self.path: str | None = redact(url)  # what messages and `tracker db check` show: no password
        self.schema_version: int = 0
        self._pool = pool
        self._local = _Local()
        self._tables: dict[str, PgTable] = {}
        self._closed = False
        self._pending = False  # another writer's change was noticed inside one of our transactions
        self._hooks: dict[str, WriteHook] = {}
        self._seen = self._current_seq()

    # -- Store protocol ----------------------------------------------------------------
    def table(self, name: str) -> PgTable:
        table = self._tables.get(name)
        if table is None:
            if not isinstance(name, str) or not name:
                raise StoreError(f"Имя таблицы должно быть непустой строкой, а не {name!r}.")
            table = self._tables[name] = PgTable(self, name)
        return table

    def table_names(self) -> list[str]:
        rows = self._fetch("SELECT DISTINCT table_name FROM other_records", {})
        used = {name for name in OWN_TABLES if self._fetch(f"SELECT EXISTS (SELECT 1 FROM {name})", {})[0][0]}
        return sorted(used | {row[0] for row in rows} | set(self._tables))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing; nested blocks are savepoints (db.api.Store.transaction)."""
        with self.connection_in_transaction():
            yield

    @contextmanager
    def connection_in_transaction(self) -> Iterator[psycopg.Connection]:
        """transaction(), yielding its connection: for this package's own statements."""
        self._ensure_open()
        local = self._local
        if local.conn is not None:
            try:
                with local.conn.transaction():
                    yield local.conn
            except psycopg.Error as error:
                raise translate(error, self.path) from None
            return
        try:
            with self._pool.connection() as conn:
                local.conn, local.dirty = conn, False
                try:
                    with conn.transaction():
                        before = _scalar(conn, "SELECT change_seq FROM store_state")
                        yield conn
                        seq = before
                        if local.dirty:
                            seq = _scalar(conn, "UPDATE store_state SET change_seq = change_seq + 1 RETURNING change_seq")
                            conn.execute("SELECT pg_notify(%s, %s)", [CHANNEL, str(seq)])
                finally:
                    local.conn, local.dirty = None, False
        except psycopg.Error as error:
            raise translate(error, self.path) from None
        # anything but our own single step since we last looked is another writer's change
        if before != self._seen or (seq != before and seq != before + 1):
            self._pending = True
        self._seen = seq

    def refresh(self) -> bool:
        if self._local.conn is not None:
            return False
        seq = self._current_seq()
        changed = self._pending or seq != self._seen
        self._seen, self._pending = seq, False
        return changed

    def get_meta(self, key: str, default: Any = None) -> Any:
        rows = self._fetch("SELECT value FROM store_meta WHERE key = %(key)s", {"key": key})
        return rows[0][0] if rows else default

    def set_meta(self, key: str, value: Any) -> None:
        payload = dumps(value, f"служебное значение {key}").decode()
        with self.connection_in_transaction() as conn:
            conn.execute(
                "INSERT INTO store_meta (key, value) VALUES (%(key)s, %(value)s::jsonb) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                {"key": key, "value": payload},
            )
            self._changed()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._pool.close()

    def __enter__(self) -> PgStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- for the application's own SQL (the read side of orders) --------------------------
    def set_write_hook(self, table: str, hook: WriteHook | None) -> None:
        """Run `hook` after every write of a record of `table`, inside the writing transaction."""
        if hook is None:
            self._hooks.pop(table, None)
        else:
            self._hooks[table] = hook

    def query(self, sql: str, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
        """Rows of a read-only statement (inside the thread's open transaction, if any)."""
        return self._fetch(sql, params or {})

    # -- inside the package ------------------------------------------------------------
    def _after_write(self, conn: psycopg.Connection, table: str, record_id: str,
                     before: Record | None, after: Record | None) -> None:
        hook = self._hooks.get(table)
        if hook is not None:
            hook(conn, record_id, before, after)

    def _fetch(self, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
        self._ensure_open()
        try:
            if self._local.conn is not None:
                return self._local.conn.execute(sql, params).fetchall()
            with self._pool.connection() as conn:
                return conn.execute(sql, params).fetchall()
        except psycopg.Error as error:
            raise translate(error, self.path) from None

    def _changed(self) -> None:
        self._local.dirty = True

    def _current_seq(self) -> int:
        return int(self._fetch("SELECT change_seq FROM store_state", {})[0][0])

    def _ensure_open(self) -> None:
        if self._closed:
            raise StoreError(f"Соединение с базой {self.path} уже закрыто.")


def _scalar(conn: psycopg.Connection, sql: str) -> int:
    row = conn.execute(sql).fetchone()
    if row is None:
        raise StoreError("В базе нет служебной строки store_state: база создана не tracker или повреждена.")
    return int(row[0])


def _record(doc: Record, rev: int) -> Record:
    doc["_rev"] = rev
    return doc


def _check_id(table: str, record_id: Any) -> None:
    if not isinstance(record_id, str) or not record_id:
        raise StoreError(f"Запись таблицы {table}: идентификатор (id) должен быть непустой строкой, а не {record_id!r}.")
