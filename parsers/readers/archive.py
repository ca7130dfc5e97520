"""Zip containers (.docx, .odt, .xlsx, .docx templates) checked before any library opens them.

Two passes, both before python-docx, odfpy, openpyxl or docxtpl see the file:

1. the central directory: too many members, or declared sizes that are a bomb (cheap, at once);
2. every member inflated in a bounded stream with a byte counter, against a budget for the
   whole archive. A member whose header lies about its size (declares 5,000 bytes and
   inflates to 3.9 GB) is caught here: it is opened with a ZipInfo whose declared size is
   beyond the remaining budget, so zipfile inflates the real data chunk by chunk (never more than
   CHUNK at a time) instead of trusting the header, and the count decides. Memory stays a few
   megabytes whatever the archive holds.

Errors are ReadError (Russian: which file, what is wrong, what to do); callers outside
parsers turn them into their own error type with the same text.
"""
from __future__ import annotations

import copy
import os
import zipfile
from pathlib import Path

from parsers.errors import ReadError
from parsers.readers.limits import MB, human_size
from russian_errors import os_problem

MAX_UNZIPPED_BYTES = 200 * MB  # a whole act, template or registry: far below this
MAX_ZIP_RATIO = 200
MAX_ZIP_MEMBERS = 5000
CHUNK = 1 * MB
BOMB_ADVICE = "Не открывайте файл; запросите у отправителя нормальную копию и сообщите администратору"


class ZipBombError(ReadError):
    """The archive inflates far beyond a document's size, or its headers lie about the sizes."""


def check_archive(path: Path, kind: str, limit: int = MAX_UNZIPPED_BYTES) -> None:
    """Refuse a broken container or a zip bomb before any parsing library opens it.

    `kind` names the document for the message: «Word (.docx)», «OpenDocument (.odt)», ...
    """
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_declared(path, infos, limit)
            _check_inflated(path, archive, infos, limit)
    except ReadError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, KeyError,
            NotImplementedError, RuntimeError, UnicodeDecodeError):
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression method
        raise ReadError(str(path), f"файл повреждён или обрезан: это не полноценный документ {kind}",
                        "Откройте его в Word или LibreOffice и сохраните заново, "
                        "или возьмите исходный файл ещё раз") from None
    except OSError as error:
        raise ReadError(str(path), f"файл не читается ({os_problem(error)})",
                        "Проверьте права доступа к файлу") from None
    except Exception as error:  # zlib.error and the like: the compressed data is damaged
        if type(error).__module__ in ("zlib", "_bz2", "_lzma", "bz2", "lzma"):
            raise ReadError(str(path), f"файл повреждён: сжатые данные документа {kind} испорчены",
                            "Откройте его в Word или LibreOffice и сохраните заново, "
                            "или возьмите исходный файл ещё раз") from None
        raise


def read_member(archive: zipfile.ZipFile, name: str, limit: int = CHUNK) -> bytes:
    """At most `limit` bytes of one member, whatever its header says (for sniffing)."""
    with archive.open(name) as member:
        return member.read(limit)


def _check_declared(path: Path, infos: list[zipfile.ZipInfo], limit: int) -> None:
    if len(infos) > MAX_ZIP_MEMBERS:
        raise ZipBombError(str(path), f"в архиве документа слишком много частей ({len(infos)}); "
                           "похоже на zip-бомбу", BOMB_ADVICE)
    total = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if total > limit or (total > 10 * MB and total / packed > MAX_ZIP_RATIO):
        raise ZipBombError(str(path), f"документ распаковывается в {human_size(total)} из "
                           f"{human_size(os.path.getsize(path))} (похоже на zip-бомбу)", BOMB_ADVICE)


def _check_inflated(path: Path, archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], limit: int) -> None:
    """Inflate every member chunk by chunk, counting; refuse as soon as the budget is spent."""
    inflated = 0
    for info in infos:
        if info.is_dir():
            continue
        trusting_nothing = copy.copy(info)
        # zipfile stops (and checks the CRC) at the declared size: declare more than the budget
        # can hold, so the count below refuses first
        trusting_nothing.file_size = limit - inflated + 2 * CHUNK
        member_bytes = 0
        with archive.open(trusting_nothing) as member:
            while chunk := member.read(CHUNK):
                member_bytes += len(chunk)
                if inflated + member_bytes > limit:
                    raise ZipBombError(
                        str(path),
                        f"часть «{info.filename}» распаковывается больше чем в {human_size(limit)} "
                        f"из {human_size(os.path.getsize(path))}"
                        + (f", хотя в архиве указано {human_size(info.file_size)}"
                           if info.file_size < member_bytes else "")
                        + " (похоже на zip-бомбу)",
                        BOMB_ADVICE)
        if member_bytes > info.file_size:
            raise ZipBombError(
                str(path),
                f"размер части «{info.filename}» в заголовке архива подделан (указано "
                f"{info.file_size} байт, на деле {member_bytes}); похоже на zip-бомбу",
                BOMB_ADVICE)
        inflated += member_bytes
