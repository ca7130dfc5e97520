"""The registry to .xlsx or .csv with the same headers the import reads (a round trip works)."""
from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tracker.errors import ValidationError
from tracker.registry.models import show_value
from tracker.spreadsheet_safety import append_row, csv_row

COLUMNS: list[tuple[str, str]] = [
    ("district", "Муниципальное образование"),
    ("organisation", "Наименование учреждения"),
    ("kind", "Тип"),
    ("page_vk", "ВКонтакте"),
    ("page_ok", "Одноклассники"),
    ("page_telegram", "Telegram"),
    ("state_mark", "Госметка"),
    ("state_mark_since", "Госметка с"),
    ("gospubliki", "Подключено к «Госпаблики»"),
    ("exempt", "Освобождено"),
    ("exempt_basis", "Основание освобождения"),
    ("full_name", "ФИО ответственного"),
    ("position", "Должность"),
    ("phone", "Телефон"),
    ("email", "E-mail"),
]


def rows_for_export(records: Iterable[dict[str, Any]]) -> list[list[str]]:
    ordered = sorted(records, key=lambda r: (r.get("district") or "", r.get("organisation") or ""))
    out = []
    for number, record in enumerate(ordered, start=1):
        cells = [str(number)]
        for name, _header in COLUMNS:
            value = record.get(name)
            cells.append("" if value in (None, "") else show_value(value))
        out.append(cells)
    return out


def write(path: Path, records: Iterable[dict[str, Any]]) -> int:
    """Write .xlsx or .csv (UTF-8 with BOM, «;», as Excel opens it); returns the number of rows."""
    path = Path(path)
    header = ["№ п/п"] + [h for _n, h in COLUMNS]
    rows = rows_for_export(records)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValidationError(f"Файл {path.name}: выгрузка возможна только в .xlsx или .csv.")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    if suffix == ".csv":
        with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(header)
            writer.writerows(csv_row(row) for row in rows)
    else:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("Реестр")
        sheet.append(header)
        for row in rows:
            append_row(sheet, row)
        book.save(tmp)
    tmp.replace(path)
    return len(rows)
