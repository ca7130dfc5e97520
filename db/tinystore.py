"""The durable Store: TinyDB tables in memory, made durable by a snapshot and a journal.

Files beside each other, for a database `tracker.db`:
  tracker.db           the snapshot (db.snapshot): every table as of transaction `seq`
  tracker.db.journal   committed transactions since then, one checksummed line each (db.journal)
  tracker.db.lock      the cross-process write lock (db.lock)
  tracker.db.backups/  backups (db.backup)

A commit appends one line and fsyncs it before returning, so a change costs the same at
1,000 or 100,000 records and nothing acknowledged is lost when the process dies. When the
journal grows past a quarter of the snapshot (and 4 MB), the snapshot is rewritten whole (temp + fsync +
os.replace) and the journal restarted; a torn last line (a crash mid-append) was never
acknowledged and is dropped. Writers take the lock and first read what other processes
appended, so optimistic checks (expected_rev) run against the freshest state.
"""
from __future__ import annotations

import gc
import glob
import os
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import orjson
from tinydb import TinyDB, where
from tinydb.storages import MemoryStorage
from tinydb.table import Table as TinyDBTable

from db import backup as backups
from db import jsonvalue
from db.errors import ConflictError, CorruptStoreError, SchemaTooNewError, StoreError
from db.fileio import atomic_write
from db.journal import decode_line, entry_line, header_line, scan
from db.lock import StoreLock
from db.snapshot import DamagedFile, read_header, read_snapshot, split, write_snapshot, write_snapshot_body
from russian_errors import os_problem

Record = dict[str, Any]
Migration = Callable[[Any], None]

DEFAULT_LOCK_TIMEOUT = 15.0
DEFAULT_COMPACT_MIN_BYTES = 4 << 20
DEFAULT_COMPACT_RATIO = 0.25
DEFAULT_KEEP_BACKUPS = 5


def journal_path(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + ".journal")


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic GC while many acyclic JSON objects are made (it would rescan them)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_OPEN_FLAGS = os.O_RDWR | getattr(os, "O_BINARY", 0)


def _pread(fd: int, size: int, offset: int) -> bytes:
    """Read `size` bytes at `offset` (os.pread where there is one; Windows has not)."""
    chunks = []
    while size > 0:
        if hasattr(os, "pread"):
            chunk = os.pread(fd, size, offset)
        else:  # pragma: no cover - Windows
            os.lseek(fd, offset, os.SEEK_SET)
            chunk = os.read(fd, size)
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def _pwrite(fd: int, data: bytes, offset: int) -> None:
    written = 0
    while written < len(data):
        if hasattr(os, "pwrite"):
            written += os.pwrite(fd, data[written:], offset + written)
        else:  # pragma: no cover - Windows
            os.lseek(fd, offset + written, os.SEEK_SET)
            written += os.write(fd, data[written:])


def _sync(fd: int) -> None:
    """fdatasync where there is one: flushes the data and the new length, skips the mtime."""
    if hasattr(os, "fdatasync"):
        os.fdatasync(fd)
    else:  # pragma: no cover - Windows, macOS
        os.fsync(fd)


def _clone(value: Any) -> Any:
    """A deep copy of a JSON value (orjson is several times faster than copy.deepcopy)."""
    return orjson.loads(orjson.dumps(value))


# --- TinyDB with writes that touch only the changed document -------------------------

class _IntKeyView(MutableMapping):
    """The stored table (str keys, as TinyDB keeps them) seen with int document ids."""

    __slots__ = ("_raw",)

    def __init__(self, raw: dict[str, Any]) -> None:
        self._raw = raw

    def __getitem__(self, key: int) -> Any:
        return self._raw[str(key)]

    def __setitem__(self, key: int, value: Any) -> None:
        self._raw[str(key)] = value

    def __delitem__(self, key: int) -> None:
        del self._raw[str(key)]

    def __contains__(self, key: object) -> bool:
        return str(key) in self._raw

    def __iter__(self) -> Iterator[int]:
        return (int(key) for key in self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def clear(self) -> None:
        self._raw.clear()


class _InPlaceTable(TinyDBTable):
    """A TinyDB table whose updates work on the stored dict in place.

    Stock TinyDB copies the whole table twice per write to convert document-id keys, which
    makes one change cost O(table). In memory there is nothing to convert.
    """

    def _update_table(self, updater: Callable[[dict[int, Any]], None]) -> None:
        tables = self._storage.read()
        if tables is None:
            tables = {}
            self._storage.write(tables)
        raw = tables.get(self.name)
        if raw is None:
            raw = tables[self.name] = {}
        updater(_IntKeyView(raw))  # type: ignore[arg-type]
        self.clear_cache()


class _TinyDB(TinyDB):
    table_class = _InPlaceTable


class _Predicate:
    """A Python predicate as a TinyDB query; not cached (a new callable every time)."""

    __slots__ = ("_test",)

    def __init__(self, test: Callable[[Record], bool]) -> None:
        self._test = test

    def __call__(self, value: Mapping[Any, Any]) -> bool:
        # TinyDB hands its own documents (dicts) to a query; its annotations say Mapping
        return bool(self._test(cast(Record, value)))

    def __hash__(self) -> int:
        return id(self)

    def is_cacheable(self) -> bool:
        return False


def _replace_with(new: Record) -> Callable[[MutableMapping[Any, Any]], None]:
    def replace(doc: MutableMapping[Any, Any]) -> None:
        doc.clear()
        doc.update(new)

    return replace


def _index_key(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_index_key(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _index_key(v)) for k, v in value.items()))
    return value


# --- tables --------------------------------------------------------------------------

class TinyTable:
    """One table of a TinyStore (the db.api.Table protocol)."""

    def __init__(self, store: TinyStore, name: str, tiny: TinyDBTable) -> None:
        self.name = name
        self._store = store
        self._tiny = tiny
        self._doc_ids: dict[str, int] = {}
        self._indexes: dict[str, dict[Any, set[str]]] = {}

    # reads: always copies, so callers never change stored state by accident
    def get(self, record_id: str) -> Record | None:
        doc = self._raw(record_id)
        return _clone(doc) if doc is not None else None

    def get_many(self, record_ids: list[str]) -> dict[str, Record]:
        found = ((i, self._raw(i)) for i in dict.fromkeys(record_ids))
        return {i: _clone(doc) for i, doc in found if doc is not None}

    def all(self) -> list[Record]:
        with _gc_paused():
            return [_clone(doc) for doc in self._tiny.all()]

    def __iter__(self) -> Iterator[Record]:
        return (_clone(doc) for doc in self._tiny.all())

    def __len__(self) -> int:
        return len(self._doc_ids)

    def filter(self, predicate: Callable[[Record], bool]) -> list[Record]:
        with _gc_paused():
            return [_clone(doc) for doc in self._tiny.search(_Predicate(predicate))]

    def ensure_index(self, field: str) -> None:
        if field in self._indexes:
            return
        index: dict[Any, set[str]] = {}
        for doc in self._tiny.all():
            index.setdefault(_index_key(doc.get(field)), set()).add(doc["id"])
        self._indexes[field] = index

    def find_by(self, field: str, value: Any) -> list[Record]:
        with _gc_paused():
            if field in self._indexes:
                ids = self._indexes[field].get(_index_key(value), set())
                return [_clone(self._raw(i)) for i in sorted(ids)]
            if value is None:  # a missing field counts as None, as in MemoryStore
                return self.filter(lambda doc: doc.get(field) is None)
            return [_clone(doc) for doc in self._tiny.search(where(field) == value)]

    # writes: each runs in the store's transaction (its own, or the caller's)
    def insert(self, record: Record) -> Record:
        row = dict(record)
        row.setdefault("id", uuid.uuid4().hex[:12])
        _check_id(self.name, row["id"])
        with self._store.transaction():
            existing = self._raw(row["id"])
            if existing is not None:
                raise ConflictError(self.name, row["id"], None, existing.get("_rev"))
            row["_rev"] = 1
            return self._store._write_put(self, row, None)

    def insert_many(self, records: list[Record]) -> list[Record]:
        with self._store.transaction(), _gc_paused():
            return [self.insert(record) for record in records]

    def update(self, record_id: str, changes: Record, expected_rev: int | None = None) -> Record:
        with self._store.transaction():
            old = self._check(record_id, expected_rev)
            new = {**old, **changes, "id": record_id, "_rev": old.get("_rev", 0) + 1}
            return self._store._write_put(self, new, old)

    def replace(self, record: Record, expected_rev: int | None = None) -> Record:
        record_id = _check_id(self.name, record.get("id"))
        with self._store.transaction():
            old = self._check(record_id, expected_rev)
            new = {**record, "_rev": old.get("_rev", 0) + 1}
            return self._store._write_put(self, new, old)

    def delete(self, record_id: str, expected_rev: int | None = None) -> None:
        with self._store.transaction():
            old = self._check(record_id, expected_rev)
            self._store._write_delete(self, record_id, old)

    # internals (no journal, no undo): used by writes, replay, rollback and loading
    def _raw(self, record_id: str) -> Record | None:
        doc_id = self._doc_ids.get(record_id)
        return self._tiny.get(doc_id=doc_id) if doc_id is not None else None

    def _check(self, record_id: str, expected_rev: int | None) -> Record:
        row = self._raw(record_id)
        actual = row.get("_rev") if row is not None else None
        if row is None or (expected_rev is not None and actual != expected_rev):
            raise ConflictError(self.name, record_id, expected_rev, actual)
        return row

    def _set(self, row: Record) -> None:
        """Store `row` (owned by the store from now on) under its id."""
        if type(row) is not dict:
            row = dict(row)  # a TinyDB Document would bring its old doc_id back with it
        record_id = row["id"]
        doc_id = self._doc_ids.get(record_id)
        if doc_id is None:
            self._doc_ids[record_id] = self._tiny.insert(row)
        else:
            if self._indexes:
                self._index_remove(self._tiny.get(doc_id=doc_id))
            self._tiny.update(_replace_with(row), doc_ids=[doc_id])
        self._index_add(row)

    def _drop(self, record_id: str) -> None:
        doc_id = self._doc_ids.pop(record_id, None)
        if doc_id is None:
            return
        if self._indexes:
            self._index_remove(self._tiny.get(doc_id=doc_id))
        self._tiny.remove(doc_ids=[doc_id])

    def _load(self, rows: list[Record]) -> None:
        """Hand the rows to TinyDB as its storage would: {"1": doc, "2": doc, ...}."""
        try:
            self._doc_ids = {row["id"]: doc_id for doc_id, row in enumerate(rows, 1)}
        except (KeyError, TypeError):
            raise DamagedFile(f"в таблице {self.name} запись без идентификатора") from None
        if not all(type(record_id) is str for record_id in self._doc_ids):
            raise DamagedFile(f"в таблице {self.name} запись без идентификатора")
        tables = self._tiny.storage.read()
        if tables is None:
            tables = {}
            self._tiny.storage.write(tables)
        tables[self.name] = {str(doc_id): row for doc_id, row in enumerate(rows, 1)}
        self._tiny._next_id = None  # TinyDB finds the next free id again
        self._tiny.clear_cache()
        if len(self._doc_ids) != len(rows):
            raise DamagedFile(f"в таблице {self.name} повторяются идентификаторы")
        fields, self._indexes = list(self._indexes), {}
        for name in fields:
            self.ensure_index(name)

    def _rows(self) -> list[Record]:
        return [cast(Record, row) for row in self._tiny._read_table().values()]

    def _index_add(self, row: Record) -> None:
        for name, index in self._indexes.items():
            index.setdefault(_index_key(row.get(name)), set()).add(row["id"])

    def _index_remove(self, row: Record | None) -> None:
        if row is None:
            return
        for name, index in self._indexes.items():
            index.get(_index_key(row.get(name)), set()).discard(row["id"])


def _check_id(table: str, record_id: Any) -> str:
    """The record's id, which must be a non-empty string."""
    if not isinstance(record_id, str) or not record_id:
        raise StoreError(f"Запись таблицы {table}: идентификатор (id) должен быть непустой строкой, а не {record_id!r}.")
    return record_id


# --- the store -----------------------------------------------------------------------

@dataclass
class StoreInfo:
    """What `tracker db check` prints."""

    path: str
    schema_version: int | None
    seq: int
    tables: dict[str, int]
    snapshot_bytes: int
    journal_bytes: int
    torn_tail_bytes: int
    backups: list[str] = field(default_factory=list)


class TinyStore:
    """The durable db.api.Store over TinyDB. Use from one thread (TinyDB is not thread-safe)."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        new_schema_version: int | None = None,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        compact_min_bytes: int = DEFAULT_COMPACT_MIN_BYTES,
        compact_ratio: float = DEFAULT_COMPACT_RATIO,
        keep_backups: int = DEFAULT_KEEP_BACKUPS,
        freeze_gc: bool = True,
    ) -> None:
        self._path = Path(path).expanduser()
        self.path: str | None = str(self._path)
        self._journal_path = journal_path(self._path)
        self._lock = StoreLock(self._path, lock_timeout)
        self._compact_min_bytes = compact_min_bytes
        self._compact_ratio = compact_ratio
        self._keep_backups = keep_backups
        self._freeze_gc = freeze_gc
        self._db = _TinyDB(storage=MemoryStorage)
        self._tables: dict[str, TinyTable] = {}
        self._meta: dict[str, Any] = {}
        self.schema_version: int | None = None
        self._seq = 0
        self._snapshot_size = 0
        self._journal_fd: int | None = None
        self._journal_ident: tuple[int, int] = (0, 0)
        self._journal_offset = 0
        self._tx_depth = 0
        self._ops: list[bytes] = []
        self._undo: list[tuple] = []
        self._closed = False
        if not self._path.exists():
            if not create:
                raise StoreError(f"Базы {self._path} нет. Проверьте путь (--db) или переменную TRACKER_DB.")
            self._create(new_schema_version)
        self._load_all()

    # --- Store protocol ---
    def table(self, name: str) -> TinyTable:
        table = self._tables.get(name)
        if table is None:
            if not isinstance(name, str) or not name:
                raise StoreError(f"Имя таблицы должно быть непустой строкой, а не {name!r}.")
            table = self._tables[name] = TinyTable(self, name, self._db.table(name, cache_size=0))
        return table

    def table_names(self) -> list[str]:
        return sorted(self._tables)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self._ensure_open()
        outer = self._tx_depth == 0
        if outer:
            self._lock.acquire()
            try:
                self._catch_up()
            except BaseException:
                self._lock.release()
                raise
        mark = len(self._undo)
        self._tx_depth += 1
        try:
            yield
        except BaseException:
            self._tx_depth -= 1
            self._rollback_to(mark)
            if outer:
                self._lock.release()
            raise
        self._tx_depth -= 1
        if not outer:
            return
        try:
            self._commit()
            self._maybe_compact()
        except BaseException:
            self._rollback_to(0)
            raise
        finally:
            self._lock.release()

    def refresh(self) -> bool:
        self._ensure_open()
        if self._tx_depth:
            return False
        return self._catch_up()

    def get_meta(self, key: str, default: Any = None) -> Any:
        return _clone(self._meta[key]) if key in self._meta else default

    def set_meta(self, key: str, value: Any) -> None:
        with self.transaction():
            payload = self._encode(["meta", key, value], f"служебное значение {key}")
            self._undo.append(("meta", key, self._meta.get(key), key in self._meta))
            self._ops.append(payload)
            self._meta[key] = orjson.loads(payload)[2]

    def close(self) -> None:
        if self._journal_fd is not None:
            os.close(self._journal_fd)
            self._journal_fd = None
        self._closed = True

    def __enter__(self) -> TinyStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- maintenance ---
    def compact(self) -> None:
        """Rewrite the snapshot with everything and restart the journal (also takes a backup)."""
        self._ensure_open()
        self._ensure_no_transaction("сжать базу")
        with self._lock:
            self._catch_up()
            self._compact_locked()

    def backup(self, reason: str = "manual") -> Path:
        """Write a consistent copy of the whole database into the backups folder."""
        self._ensure_open()
        self._ensure_no_transaction("сделать резервную копию")
        with self._lock:
            self._catch_up()
            return self._backup_locked(reason)

    def info(self) -> StoreInfo:
        size = os.fstat(self._journal_fd).st_size if self._journal_fd is not None else 0
        return StoreInfo(
            path=str(self._path), schema_version=self.schema_version, seq=self._seq,
            tables={name: len(t) for name, t in sorted(self._tables.items())},
            snapshot_bytes=self._snapshot_size, journal_bytes=size,
            torn_tail_bytes=max(0, size - self._journal_offset),
            backups=[str(p) for p in backups.list_backups(self._path)],
        )

    # --- writes (called by tables inside a transaction) ---
    def _encode(self, op: list[Any], what: str) -> bytes:
        return jsonvalue.dumps(op, what)

    def _write_put(self, table: TinyTable, row: Record, old: Record | None) -> Record:
        payload = self._encode(["put", table.name, row], f"запись {row.get('id')} ({table.name})")
        stored = orjson.loads(payload)[2]
        table._set(stored)
        self._undo.append(("put", table, row["id"], old))
        self._ops.append(payload)
        return orjson.loads(payload)[2]

    def _write_delete(self, table: TinyTable, record_id: str, old: Record) -> None:
        payload = orjson.dumps(["del", table.name, record_id])
        table._drop(record_id)
        self._undo.append(("put", table, record_id, old))
        self._ops.append(payload)

    def _set_schema(self, version: int) -> None:
        with self.transaction():
            self._undo.append(("schema", self.schema_version))
            self._ops.append(orjson.dumps(["schema", version]))
            self.schema_version = version

    def _rollback_to(self, mark: int) -> None:
        while len(self._undo) > mark:
            undo = self._undo.pop()
            self._ops.pop()
            if undo[0] == "put":
                _, table, record_id, old = undo
                if old is None:
                    table._drop(record_id)
                else:
                    table._set(old)
            elif undo[0] == "meta":
                _, key, old, existed = undo
                if existed:
                    self._meta[key] = old
                else:
                    self._meta.pop(key, None)
            elif undo[0] == "schema":
                self.schema_version = undo[1]

    def _commit(self) -> None:
        if not self._ops:
            return
        seq = self._seq + 1
        line = entry_line(seq, self._ops)
        fd = self._journal_fd
        assert fd is not None
        try:
            if os.fstat(fd).st_size != self._journal_offset:
                os.ftruncate(fd, self._journal_offset)  # a torn tail left by a crashed writer
            _pwrite(fd, line, self._journal_offset)
            _sync(fd)
        except OSError as error:
            try:
                os.ftruncate(fd, self._journal_offset)
            except OSError:
                pass
            raise StoreError(
                f"Не удалось записать изменения в {self._journal_path}: {os_problem(error)}. "
                "Изменения не сохранены; проверьте место на диске и права на папку."
            ) from None
        self._journal_offset += len(line)
        self._seq = seq
        self._ops, self._undo = [], []

    def _maybe_compact(self) -> None:
        if self._journal_offset <= max(self._compact_min_bytes, self._snapshot_size * self._compact_ratio):
            return
        try:
            self._compact_locked()
        except OSError:
            pass  # the journal holds everything; the next commit tries again

    def _compact_locked(self) -> None:
        self._remove_stale_temp_files()
        tables = {name: table._rows() for name, table in self._tables.items()}
        self._snapshot_size = write_snapshot(self._path, tables, self._meta, self.schema_version, self._seq)
        if self._keep_backups > 0:
            try:
                backups.link_or_copy(self._path, backups.new_backup_path(self._path, backups.AUTO_REASON))
                backups.prune(self._path, self._keep_backups)
            except OSError:
                pass  # a backup is a comfort; the database itself is safe
        atomic_write(self._journal_path, [header_line(self._seq)])
        self._switch_journal(*self._open_journal())

    def _remove_stale_temp_files(self) -> None:
        """Temp files of writers killed mid-write (only a lock holder writes them, and we hold it)."""
        folders = [(self._path.parent, f".{self._path.name}"), (backups.backup_dir(self._path), ".")]
        for folder, prefix in folders:
            try:
                stale = [p for p in folder.glob(f"{glob.escape(prefix)}*.tmp-*") if p.name.startswith(prefix)]
            except OSError:
                continue
            for path in stale:
                try:
                    path.unlink()
                except OSError:
                    pass

    def _backup_locked(self, reason: str) -> Path:
        target = backups.new_backup_path(self._path, reason)
        tables = {name: table._rows() for name, table in self._tables.items()}
        write_snapshot(target, tables, self._meta, self.schema_version, self._seq)
        return target

    # --- reading files ---
    def _create(self, schema_version: int | None) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock:
            if self._path.exists():
                return
            if self._journal_path.exists() and self._journal_path.stat().st_size > 0:
                raise self._corrupt(self._path, "основного файла нет, остался только журнал")
            write_snapshot(self._path, {}, {}, schema_version, 0)
            atomic_write(self._journal_path, [header_line(0)])

    def _corrupt(self, path: Path, detail: str) -> CorruptStoreError:
        found = [str(p) for p in backups.list_backups(self._path)]
        return CorruptStoreError(str(path), detail, found, db_path=str(self._path))

    def _load_all(self) -> None:
        """Read the snapshot and replay the journal; also used when another process compacted.

        Millions of small objects come in at once: the cyclic GC is paused meanwhile and the
        loaded records are then frozen out of its scans (gc.freeze), or every later full
        collection would walk them all and freeze the UI. JSON records hold no cycles, so
        reference counting still frees them.
        """
        with _gc_paused():
            self._load_all_files()
        if self._freeze_gc:
            gc.freeze()

    def _load_all_files(self) -> None:
        for _attempt in range(20):
            try:
                snapshot = read_snapshot(self._path)
            except DamagedFile as damage:
                raise self._corrupt(self._path, damage.detail) from None
            except OSError as error:
                raise StoreError(f"Не удалось прочитать базу {self._path}: {os_problem(error)}.") from None
            opened = self._open_journal()
            if opened[2] <= snapshot.seq:
                break
            os.close(opened[0])  # another process is between writing the snapshot and the journal
            time.sleep(0.05)
        else:
            raise self._corrupt(self._journal_path, "журнал не соответствует основному файлу")
        self._meta = snapshot.meta
        self.schema_version = snapshot.schema_version
        self._seq = snapshot.seq
        self._snapshot_size = snapshot.size
        try:
            for name in set(self._tables) | set(snapshot.tables):
                self.table(name)._load(snapshot.tables.get(name, []))
        except DamagedFile as damage:
            os.close(opened[0])
            raise self._corrupt(self._path, damage.detail) from None
        self._switch_journal(*opened)
        self._read_journal()

    def _open_journal(self) -> tuple[int, tuple[int, int], int, int]:
        """Open the journal: (fd, identity, base_seq, offset after the header)."""
        try:
            fd = os.open(self._journal_path, _OPEN_FLAGS)
        except FileNotFoundError:
            with self._lock:
                if not self._journal_path.exists():
                    written = read_header(self._path) or {}
                    atomic_write(self._journal_path, [header_line(int(written.get("seq", 0)))])
            fd = os.open(self._journal_path, _OPEN_FLAGS)
        except OSError as error:
            raise StoreError(f"Не удалось открыть журнал {self._journal_path}: {os_problem(error)}.") from None
        stat = os.fstat(fd)
        first = _pread(fd, 4096, 0)
        newline = first.find(b"\n")
        header = decode_line(first[:newline]) if newline >= 0 else None
        if header is None or not isinstance(header.get("base_seq"), int):
            os.close(fd)
            raise self._corrupt(self._journal_path, "заголовок журнала повреждён")
        return fd, (stat.st_dev, stat.st_ino), header["base_seq"], newline + 1

    def _switch_journal(self, fd: int, ident: tuple[int, int], base_seq: int, offset: int) -> None:
        if self._journal_fd is not None:
            os.close(self._journal_fd)
        self._journal_fd, self._journal_ident, self._journal_offset = fd, ident, offset

    def _catch_up(self) -> bool:
        """Apply what other processes committed since we last looked; True if anything changed."""
        changed = self._read_journal()
        try:
            stat = os.stat(self._journal_path)
        except FileNotFoundError:
            return changed
        if (stat.st_dev, stat.st_ino) == self._journal_ident:
            return changed
        # the journal was restarted (compaction or restore by another process)
        opened = self._open_journal()
        if opened[2] == self._seq:
            self._switch_journal(*opened)
            self._snapshot_size = self._path.stat().st_size
            return self._read_journal() or changed
        os.close(opened[0])
        self._load_all()
        return True

    def _read_journal(self) -> bool:
        with _gc_paused():
            return self._read_journal_entries()

    def _read_journal_entries(self) -> bool:
        fd = self._journal_fd
        assert fd is not None
        size = os.fstat(fd).st_size
        if size <= self._journal_offset:
            return False
        data = _pread(fd, size - self._journal_offset, self._journal_offset)
        result = scan(data, self._journal_offset)
        if result.damaged_then_good:
            raise self._corrupt(self._journal_path, f"повреждена запись журнала (байт {result.damaged_at})")
        changed = False
        for entry in result.entries:
            seq = entry.get("seq")
            if not isinstance(seq, int) or not isinstance(entry.get("ops"), list):
                raise self._corrupt(self._journal_path, "запись журнала без номера или действий")
            if seq <= self._seq:
                continue
            if seq != self._seq + 1:
                raise self._corrupt(self._journal_path, f"в журнале пропущены записи {self._seq + 1}–{seq - 1}")
            self._apply(entry["ops"])
            self._seq = seq
            changed = True
        self._journal_offset = result.end
        return changed

    def _apply(self, ops: list[Any]) -> None:
        try:
            for op in ops:
                kind = op[0]
                if kind == "put":
                    self.table(op[1])._set(op[2])
                elif kind == "del":
                    self.table(op[1])._drop(op[2])
                elif kind == "meta":
                    self._meta[op[1]] = op[2]
                elif kind == "schema":
                    self.schema_version = op[1]
                else:
                    raise ValueError(kind)
        except (IndexError, KeyError, TypeError, ValueError):
            raise self._corrupt(self._journal_path, "непонятное действие в журнале") from None

    def _ensure_no_transaction(self, action: str) -> None:
        if self._tx_depth:  # the snapshot would hold changes not yet committed
            raise StoreError(f"Нельзя {action} посреди транзакции: сначала завершите её.")

    def _ensure_open(self) -> None:
        if self._closed:
            raise StoreError(f"База {self._path} уже закрыта.")


# --- opening with the schema brought up to date ---------------------------------------

def open_store(
    path: str | os.PathLike[str], schema_version: int, migrations: dict[int, Migration] | None = None,
    **options: Any,
) -> TinyStore:
    """Open (or create) the store at `path`, migrating it forward to `schema_version`.

    `migrations[v]` takes the data from version v to v+1: it gets the store and reads and
    rewrites tables through the Store API, inside one transaction (all or nothing). A
    backup is written before each step. A file newer than `schema_version` is refused.
    """
    store = TinyStore(path, new_schema_version=schema_version, **options)
    try:
        _upgrade(store, schema_version, migrations or {})
    except BaseException:
        store.close()
        raise
    return store


def _upgrade(store: TinyStore, target: int, migrations: dict[int, Migration]) -> None:
    if store.schema_version == target:
        return
    if store.schema_version is not None and store.schema_version > target:
        raise SchemaTooNewError(str(store.path), store.schema_version, target)
    with store._lock:
        store._catch_up()
        found = store.schema_version
        if found is None:
            store._set_schema(target)
            return
        if found > target:
            raise SchemaTooNewError(str(store.path), found, target)
        migrated = False
        while found < target:
            step = migrations.get(found)
            if step is None:
                raise StoreError(
                    f"База {store.path} в схеме {found}, а программе нужна {target}, и перехода "
                    f"с версии {found} нет. Обновите tracker или восстановите подходящую копию."
                )
            saved = store._backup_locked(f"before-migration-v{found}")
            try:
                with store.transaction():
                    step(store)
                    store._set_schema(found + 1)
            except StoreError:
                raise
            except Exception as error:
                raise StoreError(
                    f"Не удалось перевести базу {store.path} со схемы {found} на {found + 1}: {error}. "
                    f"База не изменена; копия перед переходом: {saved}."
                ) from error
            found += 1
            migrated = True
        if migrated:
            store._compact_locked()


# --- maintenance for the CLI ----------------------------------------------------------

def inspect_store(path: str | os.PathLike[str], **options: Any) -> StoreInfo:
    """Open an existing store read-only (no migration) and describe it; raises if damaged."""
    options.setdefault("freeze_gc", False)  # a short-lived look: nothing to keep out of the GC
    with TinyStore(path, create=False, **options) as store:
        return store.info()


def backup_store(path: str | os.PathLike[str], reason: str = "manual", **options: Any) -> Path:
    options.setdefault("freeze_gc", False)
    with TinyStore(path, create=False, **options) as store:
        return store.backup(reason)


def compact_store(path: str | os.PathLike[str], **options: Any) -> StoreInfo:
    options.setdefault("freeze_gc", False)
    with TinyStore(path, create=False, **options) as store:
        store.compact()
        return store.info()


def restore_backup(
    path: str | os.PathLike[str], backup: str | os.PathLike[str], lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
) -> Path | None:
    """Make `backup` the database at `path`; return where the current database was saved aside.

    The current database is first saved as a backup (or, if it cannot be read, its files are
    moved aside as they are). The restored snapshot gets a transaction number above any the
    database had, so processes that have it open reload instead of mixing the two.
    """
    path, backup = Path(path).expanduser(), Path(backup).expanduser()
    try:
        header, body = split(backup.read_bytes())
        orjson.loads(body)
    except OSError as error:
        raise StoreError(f"Не удалось прочитать резервную копию {backup}: {os_problem(error)}.") from None
    except DamagedFile as damage:
        raise StoreError(f"Резервная копия {backup} повреждена ({damage.detail}); выберите другую.") from None
    except orjson.JSONDecodeError:
        raise StoreError(f"Резервная копия {backup} повреждена (ошибка JSON); выберите другую.") from None

    store: TinyStore | None = None
    try:
        store = TinyStore(path, create=False, lock_timeout=lock_timeout, freeze_gc=False)
    except CorruptStoreError:
        store = None
    except StoreError:
        if path.exists():
            raise
    lock = store._lock if store is not None else StoreLock(path, lock_timeout)
    try:
        with lock:
            if store is not None:
                store._catch_up()
                current_seq = store._seq
                aside: Path | None = store._backup_locked("before-restore")
                store.close()
            else:
                current_seq, aside = _move_aside(path)
            seq = max(current_seq, int(header.get("seq", 0))) + 1
            path.parent.mkdir(parents=True, exist_ok=True)
            write_snapshot_body(path, body, header.get("schema_version"), seq)
            atomic_write(journal_path(path), [header_line(seq)])
    finally:
        if store is not None:
            store.close()
    return aside


def _move_aside(path: Path) -> tuple[int, Path | None]:
    """Move an unreadable database's files into its backups folder; return its last known seq."""
    seq = int((read_header(path) or {}).get("seq", 0))
    journal = journal_path(path)
    if journal.exists():
        for line in journal.read_bytes().split(b"\n"):
            entry = decode_line(line)
            if entry is not None:
                seq = max(seq, int(entry.get("seq", entry.get("base_seq", 0)) or 0))
    if not path.exists():
        return seq, None
    aside = backups.new_backup_path(path, "damaged")
    os.replace(path, aside)
    if journal.exists():
        os.replace(journal, aside.with_name(aside.name + ".journal"))
    return seq, aside
