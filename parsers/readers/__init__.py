"""Readers: one module per file format, each turning a file into a ReadDocument of blocks.

`read_document(path)` picks the reader by the file's content (magic bytes) and suffix,
runs the limits every format shares, and raises ReadError with a Russian message for
anything it cannot read. Parsing libraries are imported only by the reader that needs them.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from parsers.errors import ReadError
from parsers.model import ReadDocument
from parsers.readers.limits import check_size
from parsers.readers.sniff import (
    SUFFIXES,
    describe_foreign,
    format_by_suffix,
    looks_like_markup,
    sniff_format,
)
from russian_errors import os_problem

if TYPE_CHECKING:
    from parsers.readers.ocr import OcrControl

SUPPORTED = ", ".join([*sorted({f".{fmt}" for fmt in SUFFIXES.values() if fmt != "image"}), ".jpg, .png, .tif (сканы)"])


def detect_format(path: Path) -> str:
    """The format to read the file as; ReadError if it is none we read."""
    by_suffix = format_by_suffix(path)
    special = _special_file(path)
    if special:  # opening a named pipe waits for a writer forever; a device never ends
        raise ReadError(str(path), f"это не файл, а {special}", "Укажите файл акта")
    try:
        with open(path, "rb") as handle:
            head = handle.read(2048)
    except FileNotFoundError:
        raise ReadError(str(path), "файл не найден", "Проверьте путь и имя файла") from None
    except IsADirectoryError:
        raise ReadError(str(path), "это папка, а не файл", "Укажите файлы актов внутри папки") from None
    except OSError as error:
        raise ReadError(str(path), f"файл не открывается ({os_problem(error)})",
                        "Проверьте права доступа к файлу") from None
    if not head:
        return by_suffix or "txt"  # check_size reports the empty file
    by_content = sniff_format(path, head)
    if by_content == "zip":
        raise ReadError(str(path), "это zip-архив, а не документ Word или OpenDocument",
                        "Распакуйте архив и укажите файлы актов из него")
    if by_content == "broken-zip":
        kind = "OpenDocument" if by_suffix == "odt" else "Word"
        raise ReadError(str(path), f"файл повреждён или обрезан: документ {kind} внутри не читается",
                        "Откройте его в Word или LibreOffice и сохраните заново, "
                        "или возьмите исходный файл ещё раз")
    if by_content == "doc" and by_suffix == "docx":
        raise ReadError(str(path), "документ Word защищён паролем (зашифрован)",
                        "Откройте его в Word с паролем и сохраните копию без пароля")
    if by_content:
        return by_content
    if by_suffix == "doc" and looks_like_markup(head):
        return "doc"  # Word's «web page» or 2003 XML saved as .doc: LibreOffice converts those too
    foreign = describe_foreign(head)
    if foreign:
        advice = ("Если это скан акта, сохраните его как .jpg, .png, .tif или .pdf: такие сканы распознаются"
                  if foreign.startswith("изображение") else f"Укажите файл акта в одном из форматов: {SUPPORTED}")
        named = f"назван .{by_suffix}, но " if by_suffix else ""
        raise ReadError(str(path), f"файл {named}внутри {foreign}, а не текст акта", advice)
    if by_suffix in ("docx", "odt"):
        raise ReadError(str(path), f"файл назван .{by_suffix}, но внутри не документ "
                        f"{'Word' if by_suffix == 'docx' else 'OpenDocument'} (повреждён или переименован)",
                        "Откройте его в Word или LibreOffice и сохраните заново как .docx")
    if by_suffix in ("pdf", "rtf", "doc"):
        raise ReadError(str(path), f"файл назван .{by_suffix}, но внутри не {by_suffix.upper()} "
                        "(повреждён или переименован)",
                        "Возьмите исходный файл ещё раз или сохраните акт как .docx или .pdf")
    if by_suffix is None:
        from parsers.readers.text import looks_binary

        if looks_binary(head) or path.suffix.lower() not in ("", ".md"):
            raise ReadError(str(path), f"формат «{path.suffix or 'без расширения'}» не поддерживается",
                            f"Сохраните акт в одном из форматов: {SUPPORTED}")
    return "txt"


def _special_file(path: Path) -> str | None:
    """What a path is when it is neither a regular file nor a folder (None for those and for errors,
    which opening the file reports)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISFIFO(mode):
        return "именованный канал (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "устройство"
    if stat.S_ISSOCK(mode):
        return "сокет"
    return None


def read_document(path: str | Path, ocr: OcrControl | None = None) -> ReadDocument:
    """Read one act file into blocks; ReadError (Russian, one line) if that is impossible.
    `ocr` hears the progress of scanned pages and can cancel their recognition."""
    path = Path(path)
    fmt = detect_format(path)
    check_size(path, fmt)
    if fmt == "txt":
        from parsers.readers.text import read_text

        return read_text(path)
    if fmt == "docx":
        from parsers.readers.docx import read_docx

        return read_docx(path)
    if fmt == "pdf":
        from parsers.readers.pdf import read_pdf

        return read_pdf(path, ocr)
    if fmt == "image":
        from parsers.readers.images import read_image

        return read_image(path, ocr)
    if fmt == "rtf":
        from parsers.readers.rtf import read_rtf

        return read_rtf(path)
    if fmt == "odt":
        from parsers.readers.odt import read_odt

        return read_odt(path)
    if fmt == "doc":
        from parsers.readers.doc import read_doc

        return read_doc(path)
    raise ReadError(str(path), f"формат «{path.suffix}» не поддерживается",  # pragma: no cover
                    f"Сохраните акт в одном из форматов: {SUPPORTED}")
