"""An in-memory Store for tests and previews: same semantics as the durable one, no file."""
from __future__ import annotations

import copy
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from db.api import Record
from db.errors import ConflictError, StoreError
from db.jsonvalue import json_copy


class MemoryTable:
    def __init__(self, name: str) -> None:
        self.name = name
        self._rows: dict[str, Record] = {}
        self._indexes: dict[str, dict[Any, set[str]]] = {}

    # reads return copies so callers never mutate stored state by accident
    def get(self, record_id: str) -> Record | None:
        row = self._rows.get(record_id)
        return copy.deepcopy(row) if row is not None else None

    def get_many(self, record_ids: list[str]) -> dict[str, Record]:
        return {i: copy.deepcopy(self._rows[i]) for i in dict.fromkeys(record_ids) if i in self._rows}

    def all(self) -> list[Record]:
        return [copy.deepcopy(r) for r in self._rows.values()]

    def __iter__(self) -> Iterator[Record]:
        return iter(self.all())

    def __len__(self) -> int:
        return len(self._rows)

    def filter(self, predicate: Callable[[Record], bool]) -> list[Record]:
        return [copy.deepcopy(r) for r in self._rows.values() if predicate(r)]

    def ensure_index(self, field: str) -> None:
        if field in self._indexes:
            return
        index: dict[Any, set[str]] = {}
        for rid, row in self._rows.items():
            index.setdefault(_key(row.get(field)), set()).add(rid)
        self._indexes[field] = index

    def find_by(self, field: str, value: Any) -> list[Record]:
        if field in self._indexes:
            ids = self._indexes[field].get(_key(value), set())
            return [copy.deepcopy(self._rows[i]) for i in sorted(ids)]
        return self.filter(lambda r: r.get(field) == value)

    def _restore(self, rows: dict[str, Record]) -> None:
        self._rows = rows
        fields, self._indexes = list(self._indexes), {}
        for field in fields:
            self.ensure_index(field)

    def _index_add(self, row: Record) -> None:
        for field, index in self._indexes.items():
            index.setdefault(_key(row.get(field)), set()).add(row["id"])

    def _index_remove(self, row: Record) -> None:
        for field, index in self._indexes.items():
            index.get(_key(row.get(field)), set()).discard(row["id"])

    def _check(self, record_id: str, expected_rev: int | None) -> Record:
        row = self._rows.get(record_id)
        actual = row.get("_rev") if row else None
        if row is None or (expected_rev is not None and actual != expected_rev):
            raise ConflictError(self.name, record_id, expected_rev, actual)
        return row

    def insert(self, record: Record) -> Record:
        row = dict(record)
        row.setdefault("id", uuid.uuid4().hex[:12])
        _check_id(self.name, row["id"])
        if row["id"] in self._rows:
            raise ConflictError(self.name, row["id"], None, self._rows[row["id"]].get("_rev"))
        row["_rev"] = 1
        row = json_copy(row, f"запись {row['id']} ({self.name})")
        self._rows[row["id"]] = row
        self._index_add(row)
        return copy.deepcopy(row)

    def insert_many(self, records: list[Record]) -> list[Record]:
        """All or nothing, as in the file store (which runs it in one transaction)."""
        inserted: list[Record] = []
        try:
            for record in records:
                inserted.append(self.insert(record))
        except BaseException:
            for row in inserted:
                self._index_remove(self._rows.pop(row["id"]))
            raise
        return inserted

    def update(self, record_id: str, changes: Record, expected_rev: int | None = None) -> Record:
        row = self._check(record_id, expected_rev)
        new = {**row, **json_copy(changes, f"запись {record_id} ({self.name})"), "id": record_id,
               "_rev": row.get("_rev", 0) + 1}
        self._index_remove(row)
        self._rows[record_id] = new
        self._index_add(new)
        return copy.deepcopy(new)

    def replace(self, record: Record, expected_rev: int | None = None) -> Record:
        _check_id(self.name, record.get("id"))
        row = self._check(record["id"], expected_rev)
        new = json_copy({**record, "_rev": row.get("_rev", 0) + 1}, f"запись {record['id']} ({self.name})")
        self._index_remove(row)
        self._rows[record["id"]] = new
        self._index_add(new)
        return copy.deepcopy(new)

    def delete(self, record_id: str, expected_rev: int | None = None) -> None:
        row = self._check(record_id, expected_rev)
        self._index_remove(row)
        del self._rows[record_id]


def _check_id(table: str, record_id: Any) -> None:
    if not isinstance(record_id, str) or not record_id:
        raise StoreError(f"Запись таблицы {table}: идентификатор (id) должен быть непустой строкой, а не {record_id!r}.")


def _key(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


class MemoryStore:
    def __init__(self, schema_version: int = 1) -> None:
        self.path: str | None = None  # a memory store has no file (the Store protocol allows None)
        self.schema_version = schema_version
        self._tables: dict[str, MemoryTable] = {}
        self._meta: dict[str, Any] = {}

    def table(self, name: str) -> MemoryTable:
        return self._tables.setdefault(name, MemoryTable(name))

    def table_names(self) -> list[str]:
        return sorted(self._tables)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        # all-or-nothing: restore a copy if the block fails, into the same table objects
        # (callers hold on to them)
        saved_rows = {name: copy.deepcopy(t._rows) for name, t in self._tables.items()}
        saved_meta = copy.deepcopy(self._meta)
        try:
            yield
        except BaseException:
            for name, table in self._tables.items():
                table._restore(saved_rows.get(name, {}))
            self._meta = saved_meta
            raise

    def refresh(self) -> bool:
        return False

    def get_meta(self, key: str, default: Any = None) -> Any:
        return copy.deepcopy(self._meta.get(key, default))

    def set_meta(self, key: str, value: Any) -> None:
        self._meta[key] = json_copy(value, f"служебное значение {key}")

    def close(self) -> None:
        pass
