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

        try:
            info = inspect_store(resolve_db(db))
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

        saved = backup_store(resolve_db(db))
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
        aside = restore_backup(path, backup)
        print(f"База {path} восстановлена из {backup}.")
        if aside is not None:
            print(f"Прежнее состояние сохранено: {aside}")

    @db_app.command("compact")
    @friendly_errors
    def compact(db: DbOption = None) -> None:
        """Сжать базу: переписать основной файл целиком и начать журнал заново (с резервной копией)."""
        from db import compact_store

        info = compact_store(resolve_db(db))
        print(describe(info))
        print("База сжата.")


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
