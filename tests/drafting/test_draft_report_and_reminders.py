"""Report on execution (.docx and .xlsx) and reminders (one letter per executor, a section each)."""
from __future__ import annotations

from datetime import date

from docx import Document
from docx.oxml.ns import qn
from drafting_docx import body_text, table_rows
from openpyxl import load_workbook

from tracker.drafting.engine import render_docx, template_path
from tracker.drafting.report import write_report_xlsx


def test_report_docx_has_totals_ko_per_executor_and_overdue_orders(tmp_path, report_data):
    path = render_docx(template_path("report.docx"), report_data, tmp_path / "report.docx")
    text = body_text(path)
    for expected in ("АДМИНИСТРАЦИЯ ГОРОДА ОБНИНСКА", "ИНФОРМАЦИЯ",
                     "о ходе исполнения поручений с 01.10.2026 по 31.12.2026",
                     "По состоянию на 5 ноября 2026 г. в отчёт включено поручений (контрольных точек периодических "
                     "поручений): 9, из них:",
                     "исполнено — 4;", "в том числе в срок — 3;", "с нарушением срока — 1;",
                     "просрочено — 2;", "снято с контроля — 1;", "Глава Администрации города", "Т.Н. Леонова",
                     "Исп. Иванова А.А., (484) 396-00-00"):
        assert expected in text, expected
    discipline = table_rows(path, 0)
    assert discipline[0] == ["№ п/п", "Исполнитель", "Срок наступил", "В срок", "С нарушением срока",
                             "Просрочено", "Kо"]
    assert discipline[1] == ["1", "Управление образования", "4", "3", "1", "0", "0,75"]
    assert discipline[3] == ["3", "Отдел спорта", "0", "0", "0", "0", "—"]
    overdue = table_rows(path, 1)
    assert overdue[1] == ["1", "Постановление № 1611-п от 30.06.2023, п. 2.2",
                          "организовать работу по размещению не менее 3 (трех) информационных материалов",
                          "Комитет ЖКХ", "31.10.2026", "5"]
    assert len(overdue) == 3


def test_report_limited_to_an_act_and_an_executor_says_so(tmp_path, report_data):
    report_data.act, report_data.executor = "Постановление № 1611-п от 30.06.2023", "Комитет ЖКХ"
    report_data.overdue, report_data.discipline = [], []
    text = body_text(render_docx(template_path("report.docx"), report_data, tmp_path / "r.docx"))
    assert "по акту: Постановление № 1611-п от 30.06.2023" in text
    assert "исполнитель: Комитет ЖКХ" in text
    assert "Просроченных поручений нет." in text
    assert "Поручений, срок исполнения которых наступил в отчётном периоде, нет." in text


def test_report_xlsx_has_totals_ko_and_overdue_sheets(tmp_path, report_data):
    book = load_workbook(write_report_xlsx(report_data, tmp_path / "report.xlsx"))
    assert book.sheetnames == ["Итоги", "Kо по исполнителям", "Просроченные", "Поручения"]
    totals = {row[0].value: row[1].value for row in book["Итоги"].iter_rows(min_row=2)}
    assert totals["Поручений в отчёте"] == 9 and totals["в том числе просрочено"] == 2
    ko = [[c.value for c in row] for row in book["Kо по исполнителям"].iter_rows(min_row=2)]
    assert ko[0] == ["Управление образования", 4, 3, 1, 0, 0.75]
    assert ko[2][-1] is None
    overdue = [[c.value for c in row] for row in book["Просроченные"].iter_rows(min_row=2)]
    assert overdue[0][0] == "Постановление № 1611-п от 30.06.2023"
    assert overdue[0][4].date() == date(2026, 10, 31) and overdue[0][5] == 5


def test_reminders_are_one_letter_per_executor_each_in_its_own_section(tmp_path, reminder_data):
    path = render_docx(template_path("reminders.docx"), reminder_data, tmp_path / "reminders.docx")
    document = Document(str(path))
    assert len(document.sections) == 2  # a section per letter: each starts on a new page
    for section in document.sections:
        assert section.different_first_page_header_footer
        assert section._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"  # numbering restarts
        assert round(section.left_margin.mm) == 30
    text = body_text(path)
    assert text.count("О сроках исполнения поручений") == 2
    assert text.count("от ________ № ____") == 2
    assert "Председателю Комитета ЖКХ Смирнову С.С." in text  # the addressee block, top right (ГОСТ: dative)
    first = table_rows(path, 1)
    assert first[1] == ["1", "Постановление № 1611-п от 30.06.2023, п. 2.2",
                        "организовать работу по размещению материалов", "31.10.2026", "просрочено на 5 дн."]
    assert first[2][-1] == "осталось 5 дн."
    second = table_rows(path, 4)  # per letter: letterhead, orders, signature
    assert second[1][-1] == "срок сегодня"
    assert "по просроченным поручениям — незамедлительно" in text.split("Управление образования")[0]
    assert text.count("незамедлительно") == 1  # only the letter with overdue orders says it
