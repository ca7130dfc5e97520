"""`tracker db check|backup|restore|compact`: look after the database file.

These work on the file itself (no domain rules, no migration), through db's maintenance
functions; the store loads inside each command, so `tracker --help` stays light.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cli.common import DbOption, fail, friendly_errors, resolve_db

if TYPE_CHECKING:
    from db.tinystore import StoreInfo

SHOW_BACKUPS = 5
DEFAULT_BACKUP_DIR = Path("tracker-backups")


def register(app: typer.Typer) -> None:
    """Add the `db` group to the app."""
    db_app = typer.Typer(
        help="Обслуживание базы: проверка, резервные копии, восстановление, сжатие.",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    app.add_typer(db_app, name="db")

    @db_app.command("check")
    @friendly_errors
    def check(db: DbOption = None) -> None:
        """Проверить базу: открыть, сверить контрольные суммы, показать число записей в таблицах."""
        from db import CorruptStoreError, inspect_store

        location = resolve_db(db)
        if isinstance(location, str):
            print(server_census(location))
            print("Проверка пройдена: база на сервере открывается, таблицы прочитаны.")
            return
        try:
            info = inspect_store(location)
        except CorruptStoreError as damage:
            if damage.backups:
                print("Резервные копии (новые сверху):", file=sys.stderr)
                for path in damage.backups[:SHOW_BACKUPS]:
                    print(f"  {path}", file=sys.stderr)
            raise
        print(describe(info))
        print("Проверка пройдена: база цела.")

    @db_app.command("backup")
    @friendly_errors
    def backup(db: DbOption = None) -> None:
        """Сохранить резервную копию базы в папку рядом с ней."""
        from db import backup_store

        location = resolve_db(db)
        if isinstance(location, str):
            from db.postgres.backup import dump

            saved = dump(location, DEFAULT_BACKUP_DIR, "manual")
        else:
            saved = backup_store(location)
        print(f"Резервная копия сохранена: {saved}")

    @db_app.command("restore")
    @friendly_errors
    def restore(
        backup: Annotated[Path, typer.Argument(help="Файл резервной копии (см. `tracker db check`).",
                                               show_default=False)],
        db: DbOption = None,
    ) -> None:
        """Восстановить базу из резервной копии; текущая база сначала сохраняется в сторону."""
        from db import restore_backup

        if not backup.is_file():
            raise fail(f"нет файла резервной копии {backup}. Список копий показывает `tracker db check`.")
        path = resolve_db(db)
        if isinstance(path, str):
            raise fail("восстановление базы на сервере делается средствами PostgreSQL (pg_restore или psql "
                       "из файла копии), см. README.")
        aside = restore_backup(path, backup)
        print(f"База {path} восстановлена из {backup}.")
        if aside is not None:
            print(f"Прежнее состояние сохранено: {aside}")

    @db_app.command("compact")
    @friendly_errors
    def compact(db: DbOption = None) -> None:
        """Сжать базу: переписать основной файл целиком и начать журнал заново (с резервной копией)."""
        from db import compact_store

        location = resolve_db(db)
        if isinstance(location, str):
            raise fail("сжатие нужно только файлу базы; на сервере PostgreSQL сам убирает старые строки (VACUUM).")
        info = compact_store(location)
        print(describe(info))
        print("База сжата.")

    @db_app.command("upgrade")
    @friendly_errors
    def upgrade(
        db: DbOption = None,
        backup_dir: Annotated[Path, typer.Option("--backup-dir", help="Папка для копии pg_dump перед обновлением.")]
        = DEFAULT_BACKUP_DIR,
    ) -> None:
        """Обновить схему базы на сервере: сначала копия pg_dump, затем ожидающие миграции."""
        from db.postgres import redact, upgrade_pg_store
        from tracker.boundary import store_errors_translated
        from tracker.root import MIGRATIONS, SCHEMA_VERSION, rows_of_orders_built

        location = resolve_db(db)
        if not isinstance(location, str):
            raise fail("`tracker db upgrade` обновляет базу на сервере (--db postgresql://…); файл базы "
                       "обновляется сам при открытии, с резервной копией.")
        with store_errors_translated():
            saved, store = upgrade_pg_store(location, SCHEMA_VERSION, MIGRATIONS, backup_dir)
            try:
                version = store.get_meta("schema_version")
                built = rows_of_orders_built(store)
            finally:
                store.close()
        print(f"Резервная копия сохранена: {saved}")
        print(f"База {redact(location)} обновлена: схема сервера и миграции данных применены, "
              f"версия данных {version}.")
        if built:
            print(f"Построены строки списка поручений: {built}.")

    @db_app.command("migrate")
    @friendly_errors
    def migrate(
        source: Annotated[Path, typer.Option("--from", help="Файл базы, которую переносим.", show_default=False)],
        target: Annotated[str, typer.Option("--to", help="Адрес пустой базы на сервере postgresql://…",
                                            show_default=False)],
    ) -> None:
        """Перенести файл базы на сервер: всё до последней записи, с подсчётом и контрольной суммой."""
        from db.postgres import is_server_url
        from db.transfer import copy_store
        from tracker.root import open_store_at, rows_of_orders_built

        if not source.is_file():
            raise fail(f"нет файла базы {source}. Укажите существующий файл в --from.")
        if not is_server_url(target):
            raise fail("--to: нужен адрес сервера postgresql://пользователь@хост:порт/имя.")
        source_store = open_store_at(source)
        try:
            target_store = open_store_at(target)
            try:
                before, after = copy_store(source_store, target_store)
                built = rows_of_orders_built(target_store) if before == after else 0
            finally:
                target_store.close()
        finally:
            source_store.close()
        width = max((len(name) for name in before.counts), default=0)
        print("Перенесено записей:")
        for name, count in before.counts.items():
            print(f"  {name:<{width}}  {count:>9}  на сервере: {after.counts.get(name, 0)}")
        print(f"Контрольная сумма файла:   {before.checksum}")
        print(f"Контрольная сумма сервера: {after.checksum}")
        if before != after:
            raise fail("содержимое на сервере не совпало с файлом; перенесённые данные проверьте вручную.")
        print("Перенос завершён: всё совпадает.")
        if built:
            print(f"Построены строки списка поручений: {built}.")


def server_census(url: str) -> str:
    """The server database in a few Russian lines: its address (no password) and the tables' counts."""
    from db.postgres import redact
    from tracker.boundary import store_errors_translated
    from tracker.root import open_store_at

    store = open_store_at(url)
    try:
        with store_errors_translated():
            counts = {name: len(store.table(name)) for name in store.table_names()}
            version = store.get_meta("schema_version")
    finally:
        store.close()
    lines = [f"База: {redact(url)}", f"Версия данных: {version}"]
    counts = {name: count for name, count in counts.items() if count}
    if counts:
        width = max(len(name) for name in counts)
        lines.append("Таблицы:")
        lines += [f"  {name:<{width}}  {count:>9,}".replace(",", " ") for name, count in counts.items()]
    else:
        lines.append("Таблиц нет (база пуста).")
    return "\n".join(lines)


def describe(info: StoreInfo) -> str:
    """The database in a few Russian lines: schema, sizes, tables, backups."""
    lines = [
        f"База: {info.path}",
        f"Версия схемы: {info.schema_version if info.schema_version is not None else 'не задана'}; "
        f"записано транзакций: {info.seq}",
        f"Основной файл: {human_size(info.snapshot_bytes)}; журнал: {human_size(info.journal_bytes)}",
    ]
    if info.tables:
        lines.append("Таблицы:")
        width = max(len(name) for name in info.tables)
        lines += [f"  {name:<{width}}  {count:>9,}".replace(",", " ") for name, count in info.tables.items()]
    else:
        lines.append("Таблиц нет (база пуста).")
    if info.torn_tail_bytes:
        lines.append(
            f"В конце журнала оборванная запись ({info.torn_tail_bytes} байт): её сохранение не было "
            "подтверждено, она будет отброшена при следующей записи."
        )
    if info.backups:
        lines.append(f"Резервных копий: {len(info.backups)}; последняя: {info.backups[0]}")
    else:
        lines.append("Резервных копий пока нет (`tracker db backup` сделает копию).")
    return "\n".join(lines)


def human_size(size: int) -> str:
    for unit, scale in (("ГБ", 1 << 30), ("МБ", 1 << 20), ("КБ", 1 << 10)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}".replace(".", ",")
    return f"{size} байт"
