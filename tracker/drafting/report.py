"""Report on execution as .xlsx (the .docx comes from templates/report.docx via the engine)."""
from __future__ import annotations

from pathlib import Path

from tracker.drafting.data import ReportData


def write_report_xlsx(data: ReportData, out: Path) -> Path:
    """Four sheets: totals, Kо per executor (with «Итого» and the formula), overdue orders, and every
    point of the report, so each total can be checked as a count of that sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from tracker.drafting.engine import save_atomically
    from tracker.drafting.xlsx import autosize, header
    from tracker.spreadsheet_safety import append_row

    book = Workbook()
    summary = book.active
    summary.title = "Итоги"
    append_row(summary, [f"Информация о ходе исполнения поручений {data.period}"])
    summary["A1"].font = Font(bold=True, size=12)
    if data.act:
        append_row(summary, ["Акт", data.act])
    if data.executor:
        append_row(summary, ["Исполнитель", data.executor])
    append_row(summary, ["По состоянию на", data.today])
    summary.cell(row=summary.max_row, column=2).number_format = "DD.MM.YYYY"
    totals = data.totals
    for label, value in (("Поручений в отчёте", totals.orders), ("Исполнено", totals.done),
                         ("в том числе в срок", totals.done_on_time), ("с нарушением срока", totals.done_late),
                         ("На исполнении", totals.on_control), ("в том числе просрочено", totals.overdue),
                         ("на постоянном контроле", totals.permanent), ("Снято с контроля", totals.withdrawn)):
        append_row(summary, [label, value])
    summary.column_dimensions["A"].width = 28
    summary.column_dimensions["B"].width = 14

    ko = book.create_sheet("Kо по исполнителям")
    header(ko, ["Исполнитель", "Срок наступил", "Исполнено в срок", "Исполнено с нарушением срока",
                "Просрочено", "Kо"])
    for line in data.discipline + ([data.discipline_total] if data.discipline_total else []):
        append_row(ko, [line.executor, line.due, line.done_on_time, line.done_late, line.overdue_now,
                   None if line.ko is None else round(line.ko, 4)])
        ko.cell(row=ko.max_row, column=6).number_format = "0.00"
    if data.discipline_total:
        for cell in ko[ko.max_row]:
            cell.font = Font(bold=True)
    autosize(ko)
    ko.append([])
    append_row(ko, [data.ko_formula])
    ko.cell(row=ko.max_row, column=1).alignment = Alignment(wrap_text=False)

    overdue = book.create_sheet("Просроченные")
    header(overdue, ["Акт", "Пункт", "Поручение", "Исполнитель", "Срок", "Дней просрочки"])
    for late in data.overdue:
        append_row(overdue, [late.act, late.number, late.text, late.executors, late.due, late.days_overdue])
        overdue.cell(row=overdue.max_row, column=5).number_format = "DD.MM.YYYY"
    autosize(overdue)
    for cells in overdue.iter_rows(min_row=2):
        cells[2].alignment = Alignment(wrap_text=True, vertical="top")

    listing = book.create_sheet("Поручения")
    header(listing, ["Акт", "Пункт", "Поручение", "Исполнитель", "Срок", "Состояние", "Исполнено (снято)"])
    for point in data.lines:
        append_row(listing, [point.act, point.number, point.text, point.executors, point.due or point.due_text,
                             point.outcome, point.closed_on])
        listing.cell(row=listing.max_row, column=5).number_format = "DD.MM.YYYY"
        listing.cell(row=listing.max_row, column=7).number_format = "DD.MM.YYYY"
    autosize(listing)
    save_atomically(out, book.save)
    return out
