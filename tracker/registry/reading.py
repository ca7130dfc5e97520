"""Spreadsheets to rows of text: .csv (encoding and delimiter detected) and .xlsx (openpyxl).

Every row keeps the number a person sees in the spreadsheet (1-based, header included),
so errors can name it.
"""
from __future__ import annotations

import csv
import io
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from tracker.errors import ImportFailure
from tracker.spreadsheet_safety import unquote_csv_cell

MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass(slots=True)
class SheetRows:
    """The raw text of one sheet: (row number as in the spreadsheet, cells)."""

    source: str
    rows: list[tuple[int, list[str]]]
    encoding: str | None = None  # .csv only
    delimiter: str | None = None  # .csv only
    sheet: str | None = None  # .xlsx only
    notes: list[str] = field(default_factory=list)


def read_rows(path: Path) -> SheetRows:
    """Read a .csv or .xlsx file; ImportFailure with a Russian message when it cannot be read."""
    path = Path(path)
    if not path.exists():
        raise ImportFailure(f"Файл {path} не найден. Проверьте путь.")
    if path.is_dir():
        raise ImportFailure(f"{path} — это папка, а нужен файл .xlsx или .csv.")
    size = path.stat().st_size
    if size == 0:
        raise ImportFailure(f"Файл {path.name} пуст. Выгрузите таблицу заново.")
    if size > MAX_FILE_BYTES:
        raise ImportFailure(f"Файл {path.name} больше 200 МБ. Разделите таблицу на части.")
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix == ".xls":
        raise ImportFailure(
            f"Файл {path.name} в старом формате .xls. Сохраните его в Excel или LibreOffice как .xlsx "
            "(«Сохранить как» → «Книга Excel») и загрузите снова."
        )
    raise ImportFailure(f"Файл {path.name}: формат {suffix or 'без расширения'} не поддерживается; нужен .xlsx или .csv.")


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1251 or KOI8-R when the letters
    say so (parsers.readers.text.decode_text); anything else is refused, never read as mojibake."""
    from parsers.readers.text import UndecodableText, decode_text

    try:
        text, encoding = decode_text(raw)
    except UndecodableText as error:
        raise ImportFailure(f"Файл {name}: текст не в кодировке UTF-8 и не в Windows-1251/KOI8-R ({error}). "
                            "Сохраните таблицу заново как .csv в UTF-8 или как .xlsx.") from None
    return text, {"utf-8-sig": "utf-8", "koi8_r": "koi8-r"}.get(encoding, encoding)


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the same, largest number of columns."""
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    best, best_score = ";", 0
    for candidate in (";", "\t", ",", "|"):
        counts = [len(next(csv.reader([line], delimiter=candidate))) for line in lines]
        if not counts or max(counts) < 2:
            continue
        most = max(set(counts), key=counts.count)
        score = counts.count(most) * most
        if score > best_score:
            best, best_score = candidate, score
    return best


def _read_csv(path: Path) -> SheetRows:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFailure(f"Файл {path.name} не текстовый (это не .csv). Сохраните таблицу как .csv или .xlsx.")
    text, encoding = decode(raw, path.name)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    # our own export writes formula-like cells as «'=…» (tracker.spreadsheet_safety): read them back as they were
    rows = [(number, [unquote_csv_cell(cell.strip()) for cell in cells]) for number, cells in enumerate(reader, start=1)]
    return SheetRows(str(path), rows, encoding=encoding, delimiter=delimiter)


def _read_xlsx(path: Path) -> SheetRows:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    from parsers.errors import ReadError
    from parsers.readers.archive import ZipBombError, check_archive
    from parsers.readers.damage import raised_by_library

    try:  # a zip bomb is refused before openpyxl inflates anything
        check_archive(path, "Excel (.xlsx)")
    except ZipBombError as error:
        raise ImportFailure(str(error)) from None
    except ReadError:
        pass  # not a sound zip: openpyxl's attempt below gives the spreadsheet's own message
    def unreadable() -> ImportFailure:
        return ImportFailure(f"Файл {path.name} не открывается как таблица Excel (файл повреждён). "
                             "Откройте его в Excel или LibreOffice и сохраните заново как .xlsx.")

    try:
        with warnings.catch_warnings():  # openpyxl warns in English about damaged parts it skips
            warnings.simplefilter("ignore")
            workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise unreadable() from None
    except Exception as error:  # openpyxl raises nearly anything on damaged XML inside the book
        if raised_by_library(error):
            raise unreadable() from None
        raise
    try:
        sheet = workbook.worksheets[0]
        rows = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):  # parsed lazily
                rows.append((number, [cell_text(value) for value in values]))
        notes = []
        if len(workbook.worksheets) > 1:
            notes.append(f"в книге {len(workbook.worksheets)} листа(ов); прочитан первый: «{sheet.title}»")
        return SheetRows(str(path), rows, sheet=sheet.title, notes=notes)
    except Exception as error:
        if raised_by_library(error) or isinstance(error, IndexError | zipfile.BadZipFile):
            raise unreadable() from None  # IndexError: a book without sheets
        raise
    finally:
        workbook.close()


def cell_text(value: object) -> str:
    """A cell as the person sees it: whole numbers without «.0», dates as ДД.ММ.ГГГГ."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
