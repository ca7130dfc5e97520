"""psycopg's errors as the store's own, in Russian: what failed and what to do."""
from __future__ import annotations

import psycopg
from psycopg import errors as pg

from db.errors import StoreError


class ServerUnavailableError(StoreError):
    """The server cannot be reached or refuses the connection."""


def translate(error: psycopg.Error, where: str | None) -> StoreError:
    """One StoreError with a message a clerk or an administrator can act on."""
    place = where or "на сервере"
    if isinstance(error, pg.ForeignKeyViolation):
        return StoreError(f"База {place} отказалась сохранить запись: она ссылается на отсутствующую "
                          f"({_detail(error)}). Изменение не сохранено.")
    if isinstance(error, pg.UniqueViolation):
        return StoreError(f"База {place}: такая запись уже есть ({_detail(error)}). Изменение не сохранено.")
    if isinstance(error, pg.IntegrityError):
        return StoreError(f"База {place} отказалась сохранить запись ({_detail(error)}). Изменение не сохранено.")
    if isinstance(error, pg.InsufficientPrivilege):
        return StoreError(f"У пользователя базы нет прав на это действие ({place}). Обратитесь к администратору.")
    if isinstance(error, pg.SerializationFailure | pg.DeadlockDetected):
        return StoreError(f"База {place} занята одновременными изменениями. Повторите действие.")
    if isinstance(error, psycopg.OperationalError):
        return ServerUnavailableError(
            f"Сервер базы {place} недоступен ({_first_line(error)}). Проверьте адрес, что сервер запущен, "
            "имя пользователя и пароль."
        )
    return StoreError(f"Ошибка базы {place}: {_first_line(error)}. Изменение не сохранено.")


def _detail(error: psycopg.Error) -> str:
    diag = getattr(error, "diag", None)
    return (diag.message_detail or diag.message_primary or "") if diag else _first_line(error)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
