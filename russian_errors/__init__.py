"""Operating-system errors in Russian, for the Russian messages every layer writes.

`str(OSError)` and `strerror` are English («No space left on device»); a clerk reads
«на диске нет места». This is the bottom layer: parsers, db and tracker all use it and it
imports nothing of the project.
"""
from __future__ import annotations

import errno

_RUSSIAN: dict[int, str] = {
    errno.ENOENT: "файл или папка не найдены",
    errno.EACCES: "нет прав доступа",
    errno.EPERM: "операция запрещена (нет прав)",
    errno.ENOSPC: "на диске нет места",
    errno.EDQUOT: "исчерпана квота на диске",
    errno.EROFS: "диск или папка только для чтения",
    errno.EISDIR: "это папка, а не файл",
    errno.ENOTDIR: "часть пути — не папка",
    errno.EEXIST: "файл уже существует",
    errno.ENOTEMPTY: "папка не пуста",
    errno.EBUSY: "файл занят другой программой",
    errno.ETXTBSY: "файл занят другой программой",
    errno.EAGAIN: "файл временно заблокирован другой программой",
    errno.EMFILE: "открыто слишком много файлов",
    errno.ENFILE: "в системе открыто слишком много файлов",
    errno.EIO: "ошибка чтения или записи на диске",
    errno.ENAMETOOLONG: "слишком длинное имя файла или путь",
    errno.ELOOP: "символические ссылки зациклены",
    errno.EINVAL: "недопустимое имя файла или параметр",
    errno.EFBIG: "файл слишком большой",
    errno.ENOMEM: "не хватает памяти",
    errno.EXDEV: "нельзя переместить файл на другой диск",
    errno.ENXIO: "устройство недоступно",
    errno.ENODEV: "устройство недоступно",
    errno.ESTALE: "сетевой диск недоступен",
    errno.ETIMEDOUT: "истекло время ожидания",
    errno.ECONNREFUSED: "соединение отклонено",
    errno.EPIPE: "соединение прервано",
    errno.EINTR: "операция прервана",
}


def os_problem(error: BaseException) -> str:
    """What went wrong, in Russian, for an OSError (or anything carrying an errno)."""
    code = getattr(error, "errno", None)
    if code in _RUSSIAN:
        return _RUSSIAN[code]
    if isinstance(error, TimeoutError):
        return "истекло время ожидания"
    if isinstance(error, PermissionError):
        return "нет прав доступа"
    if isinstance(error, FileNotFoundError):
        return "файл или папка не найдены"
    return f"системная ошибка № {code}" if code else "ошибка ввода-вывода"
