"""Size limits per format and the checks every reader runs before opening a file.

A clerk's act is a few pages; anything far larger is a wrong file or an attack (a zip
bomb), and is refused before any parsing library sees it.
"""
from __future__ import annotations

import os
from pathlib import Path

from parsers.errors import ReadError
from russian_errors import os_problem

MB = 1024 * 1024

# On-disk size limits per format.
MAX_FILE_BYTES: dict[str, int] = {
    "txt": 5 * MB,
    "rtf": 30 * MB,
    "docx": 40 * MB,
    "odt": 40 * MB,
    "doc": 40 * MB,
    "pdf": 60 * MB,
    "image": 60 * MB,
}
# Zip containers (.docx, .odt): parsers.readers.archive.
MAX_PDF_PAGES = 500  # pages of a PDF and of a multi-page TIFF
# Pixels of one scanned page, as the file declares them or as a PDF page would be rendered: an A4
# page at 600 dpi is 35 million; a picture past this is no scan of an act (a decompression bomb
# declares billions), and is refused before it is decoded.
MAX_PAGE_PIXELS = 40_000_000


def human_size(size: int) -> str:
    """«52,4 МБ» / «830 КБ» for messages."""
    if size >= MB:
        return f"{size / MB:.1f} МБ".replace(".", ",")
    return f"{max(1, size // 1024)} КБ"


def check_size(path: Path, format: str) -> int:
    """Refuse missing, empty and oversized files; return the size."""
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        raise ReadError(str(path), "файл не найден", "Проверьте путь и имя файла") from None
    except OSError as error:
        raise ReadError(str(path), f"файл не открывается ({os_problem(error)})",
                        "Проверьте права доступа к файлу") from None
    if path.is_dir():
        raise ReadError(str(path), "это папка, а не файл", "Укажите файлы актов внутри папки")
    if size == 0:
        raise ReadError(str(path), "файл пуст (0 байт)",
                        "Возможно, он не сохранился или не докачался: возьмите исходный файл заново")
    limit = MAX_FILE_BYTES.get(format, 40 * MB)
    if size > limit:
        raise ReadError(
            str(path),
            f"файл слишком большой ({human_size(size)}, для формата .{format} допускается "
            f"не больше {human_size(limit)})",
            "Проверьте, что это нужный акт; большой документ разделите на части",
        )
    return size
