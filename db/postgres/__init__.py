"""db.postgres: the Store on a PostgreSQL server (psycopg 3 with a connection pool).

    from db.postgres import open_pg_store
    store = open_pg_store("postgresql://tracker@127.0.0.1:5432/tracker", schema_version=1)

Importing db stays light: psycopg loads only when a server database is opened.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.errors import SchemaTooNewError, StoreError
from db.postgres.url import is_server_url, redact

if TYPE_CHECKING:
    from db.postgres.store import PgStore

__all__ = ["open_pg_store", "upgrade_pg_store", "is_server_url", "is_server_store", "redact"]

Migration = Callable[[Any], None]


def open_pg_store(url: str, schema_version: int, migrations: dict[int, Migration] | None = None, *,
                  create: bool = True, upgrade: bool = False, pool_size: int = 4,
                  connect_timeout: float = 10.0) -> PgStore:
    """Open the database at `url`: a fresh one gets the schema; an older one needs `upgrade`."""
    import orjson
    import psycopg
    from psycopg.types.json import set_json_loads
    from psycopg_pool import ConnectionPool, PoolTimeout

    from db.postgres import schema
    from db.postgres.errors import ServerUnavailableError, translate
    from db.postgres.store import PgStore

    where = redact(url)

    def configure(conn: psycopg.Connection) -> None:
        set_json_loads(orjson.loads, conn)

    pool = ConnectionPool(url, min_size=1, max_size=max(1, pool_size), open=False, configure=configure,
                          kwargs={"autocommit": True, "connect_timeout": max(1, int(connect_timeout))},
                          name="tracker")
    try:
        pool.open(wait=True, timeout=connect_timeout)
    except PoolTimeout:
        pool.close()
        raise ServerUnavailableError(
            f"Не удалось подключиться к базе {where} за {connect_timeout:.0f} с. Проверьте адрес, что сервер "
            "запущен, имя пользователя и пароль (переменная PGPASSWORD или файл ~/.pgpass)."
        ) from None
    try:
        with pool.connection() as conn:
            schema.prepare(conn, where, create=create, upgrade=upgrade)
        store = PgStore(url, pool)
        _domain_schema(store, schema_version, migrations or {}, upgrade)
    except psycopg.Error as error:
        pool.close()
        raise translate(error, where) from None
    except BaseException:
        pool.close()
        raise
    return store


def is_server_store(store: object) -> bool:
    """Is this store a PgStore? (Answered without importing psycopg for a file store.)"""
    import sys

    module = sys.modules.get("db.postgres.store")
    return module is not None and isinstance(store, module.PgStore)


def upgrade_pg_store(url: str, schema_version: int, migrations: dict[int, Migration] | None,
                     backup_folder: Path) -> tuple[Path, PgStore]:
    """Back the database up with pg_dump, then bring its schema and data forward."""
    from db.postgres.backup import dump

    saved = dump(url, backup_folder, "before-upgrade")
    return saved, open_pg_store(url, schema_version, migrations, upgrade=True)


def _domain_schema(store: PgStore, target: int, migrations: dict[int, Migration], upgrade: bool) -> None:
    """The version of the shape of the records (the domain's migrations, as on the file store)."""
    found = store.get_meta("schema_version")
    if found is None:
        store.set_meta("schema_version", target)
        found = target
    if found > target:
        raise SchemaTooNewError(str(store.path), found, target)
    while found < target:
        if not upgrade:
            raise StoreError(f"Данные базы {store.path} в схеме {found}, программе нужна {target}: "
                             f"выполните `tracker db upgrade --db {store.path}`.")
        step = migrations.get(found)
        if step is None:
            raise StoreError(f"В базе {store.path} схема {found}, а перехода с неё к {target} нет. Обновите tracker.")
        with store.transaction():
            step(store)
            store.set_meta("schema_version", found + 1)
        found += 1
    store.schema_version = target
