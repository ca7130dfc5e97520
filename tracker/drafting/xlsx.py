"""Small openpyxl helpers shared by the .xlsx outputs (change sheet, report)."""
from __future__ import annotations

from typing import Any


def header(sheet: Any, titles: list[str]) -> None:
    """A bold header row, frozen, with a filter."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from tracker.spreadsheet_safety import append_row

    append_row(sheet, titles)
    row = sheet.max_row
    for cell in sheet[row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE4EE")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.freeze_panes = f"A{row + 1}"  # a string: sheet.cell() would create an empty row
    sheet.auto_filter.ref = f"A{row}:{get_column_letter(len(titles))}{row}"


def autosize(sheet: Any, limit: int = 60) -> None:
    """Column widths from their longest line, capped so long texts wrap."""
    widths: dict[str, int] = {}
    for row in sheet.iter_rows(min_row=2 if sheet.max_row > 1 else 1):
        for cell in row:
            if cell.value is None:
                continue
            longest = max(len(line) for line in str(cell.value).splitlines() or [""])
            widths[cell.column_letter] = max(widths.get(cell.column_letter, 8), min(longest + 2, limit))
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = width
