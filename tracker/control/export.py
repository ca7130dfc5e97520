"""The orders list as a spreadsheet: one set of columns for `tracker export` and the desk's Ctrl+E.

Every cell goes through tracker.spreadsheet_safety (a formula-like text stays text). The .xlsx
is written to a path or to an open binary file (the desk in a browser hands the bytes to the
browser as a download instead of leaving them on the server).
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import BinaryIO

from tracker.control.api import ControlServiceAPI, OrderFilter, OrderRow
from tracker.spreadsheet_safety import append_row, csv_row

EXPORT_HEADER = ["Код", "Акт", "№ пункта", "Исполнители", "Срок", "Срок (как в акте)", "Дней осталось",
                 "Статус", "Просрочено", "Исполнители: состояние части", "Текст", "Просрочено контрольных точек"]
_WIDTHS = (10, 34, 9, 40, 12, 28, 8, 18, 11, 50, 80, 14)

Cell = str | int | date | None


def export_rows(rows: Iterable[OrderRow], texts: dict[str, str]) -> list[list[Cell]]:
    """One spreadsheet row per order, in EXPORT_HEADER's order; `texts`: the orders' full texts
    (a list row keeps only the first 200 characters)."""
    return [
        [r.id[:8], r.act_label, r.number, r.executors, r.due, r.deadline_text, r.days_left,
         "нужна дата" if r.needs_date and not r.overdue else str(r.status), "да" if r.overdue else "нет",
         "\n".join(p.label() for p in r.parts), texts.get(r.id, r.text), r.overdue_points]
        for r in rows
    ]


def orders_for_export(service: ControlServiceAPI, flt: OrderFilter, today: date | None = None) -> list[list[Cell]]:
    """Every order the filter finds (no page limit), as export rows with their full texts."""
    page = service.list_orders(flt, limit=None, today=today)
    return export_rows(page.rows, service.order_texts([r.id for r in page.rows]))


def write_xlsx(target: Path | BinaryIO, rows: list[list[Cell]]) -> None:
    """The sheet «Поручения»: a bold frozen header, dates as dates, parts' states wrapped."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Поручения"
    sheet.append(EXPORT_HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        append_row(sheet, row)
    for cell in sheet["E"][1:]:
        cell.number_format = "DD.MM.YYYY"
    for cell in sheet["J"][1:]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in zip("ABCDEFGHIJKL", _WIDTHS, strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    book.save(target)


def xlsx_bytes(rows: list[list[Cell]]) -> bytes:
    """The .xlsx of `rows` in memory (what a browser download carries)."""
    buffer = io.BytesIO()
    write_xlsx(buffer, rows)
    return buffer.getvalue()


def write_csv(path: Path, rows: list[list[Cell]]) -> None:
    """UTF-8 with a BOM and «;»: Excel opens it as is; dates as ДД.ММ.ГГГГ."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(EXPORT_HEADER)
        for row in rows:
            writer.writerow(csv_row(f"{v:%d.%m.%Y}" if isinstance(v, date) else ("" if v is None else v)
                                    for v in row))


def export_name(today: date) -> str:
    """«поручения-2026-11-02.xlsx»: the file name the desk offers."""
    return f"поручения-{today:%Y-%m-%d}.xlsx"
