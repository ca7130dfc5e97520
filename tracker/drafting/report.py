"""Report on execution as .xlsx (the .docx comes from templates/report.docx via the engine)."""
from __future__ import annotations

from pathlib import Path

from tracker.drafting.data import ReportData


def write_report_xlsx(data: ReportData, out: Path) -> Path:
    """Three sheets: totals, Kо per executor, overdue orders with days overdue."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from tracker.drafting.engine import save_atomically
    from tracker.drafting.xlsx import autosize, header

    book = Workbook()
    summary = book.active
    summary.title = "Итоги"
    summary.append([f"Информация о ходе исполнения поручений {data.period}"])
    summary["A1"].font = Font(bold=True, size=12)
    if data.act:
        summary.append(["Акт", data.act])
    if data.executor:
        summary.append(["Исполнитель", data.executor])
    summary.append(["По состоянию на", data.today])
    summary.cell(row=summary.max_row, column=2).number_format = "DD.MM.YYYY"
    totals = data.totals
    for label, value in (("Поручений в отчёте", totals.orders), ("Исполнено", totals.done),
                         ("в том числе в срок", totals.done_on_time), ("с нарушением срока", totals.done_late),
                         ("На исполнении", totals.on_control), ("Просрочено", totals.overdue),
                         ("Снято с контроля", totals.withdrawn)):
        summary.append([label, value])
    summary.column_dimensions["A"].width = 28
    summary.column_dimensions["B"].width = 14

    ko = book.create_sheet("Kо по исполнителям")
    header(ko, ["Исполнитель", "Срок наступил", "Исполнено в срок", "Исполнено с нарушением срока",
                "Просрочено", "Kо"])
    for line in data.discipline:
        ko.append([line.executor, line.due, line.done_on_time, line.done_late, line.overdue_now,
                   None if line.ko is None else round(line.ko, 4)])
        ko.cell(row=ko.max_row, column=6).number_format = "0.00"
    autosize(ko)

    overdue = book.create_sheet("Просроченные")
    header(overdue, ["Акт", "Пункт", "Поручение", "Исполнитель", "Срок", "Дней просрочки"])
    for late in data.overdue:
        overdue.append([late.act, late.number, late.text, late.executors, late.due, late.days_overdue])
        overdue.cell(row=overdue.max_row, column=5).number_format = "DD.MM.YYYY"
    autosize(overdue)
    for cells in overdue.iter_rows(min_row=2):
        cells[2].alignment = Alignment(wrap_text=True, vertical="top")
    save_atomically(out, book.save)
    return out
