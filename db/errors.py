"""Storage errors. Messages are Russian: a clerk reads them."""
from __future__ import annotations


class StoreError(Exception):
    """Base of every storage error; str() is a message for the user."""


class ConflictError(StoreError):
    """The record changed underneath (another process or window saved it first)."""

    def __init__(self, table: str, record_id: str, expected: int | None, actual: int | None) -> None:
        self.table, self.record_id, self.expected, self.actual = table, record_id, expected, actual
        super().__init__(
            f"Запись {record_id} ({table}) уже изменена другим пользователем или окном. "
            "Обновите данные и повторите действие."
        )


class LockedError(StoreError):
    """Another process holds the database lock for too long."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(
            f"База {path} занята другим процессом (импорт или другое окно). Повторите через минуту."
        )


class CorruptStoreError(StoreError):
    """The file cannot be read; `backups` lists the newest backups first."""

    def __init__(self, path: str, detail: str, backups: list[str] | None = None, db_path: str | None = None) -> None:
        self.path, self.detail, self.backups = path, detail, list(backups or [])
        self.db_path = db_path or path  # the database the damaged file belongs to (path may be its journal)
        advice = (
            f"Последняя резервная копия: {self.backups[0]}. Восстановите её командой "
            f"`tracker db restore {self.backups[0]} --db {self.db_path}`."
            if self.backups
            else "Резервных копий нет; обратитесь к администратору."
        )
        super().__init__(f"Файл базы {path} повреждён ({detail}). {advice}")


class SchemaTooNewError(StoreError):
    def __init__(self, path: str, found: int, supported: int) -> None:
        self.path, self.found, self.supported = path, found, supported
        super().__init__(
            f"База {path} создана более новой версией программы (схема {found}, "
            f"поддерживается {supported}). Обновите tracker."
        )
