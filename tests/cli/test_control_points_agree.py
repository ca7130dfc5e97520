"""Issue 10: the desk's dashboard, `orders --overdue`, the service's Kо and `draft report` count one
list of control points (tracker.discipline), so they agree on the same database; a co-executor's
acceptance of a recurring order counts for its own period.

The founding acts of shared/corpus/dev (000, 002, 004) are imported on 04.12.2026 with the control
points of periodic orders caught up from 01.04.2026, so the quarterly orders of 1611-п have two
missed periods each (30.06 and 30.09.2026): two overdue control points in one overdue order.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from cli_helpers import Cli

from tracker.clock import fixed_day
from tracker.root import compose

ACTS = Path(__file__).parent / "founding_acts"
FOUNDING = [ACTS / "000_bf32ea6260cf39eb.txt", ACTS / "002_074e3d91da4f5710.txt", ACTS / "004_a6d3e35d7c4f5618.txt"]
TODAY = date(2026, 12, 4)


@pytest.fixture
def desk(tmp_path) -> Cli:
    desk = Cli(tmp_path / "base" / "tracker.db", today="04.12.2026")
    result = desk("import", "--yes", "--since", "01.04.2026", *map(str, FOUNDING))
    assert result.exit_code == 0, result.output
    return desk


def rows(desk: Cli, *args: str) -> list[dict]:
    result = desk("orders", "--json", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def order_of(desk: Cli, number: str, act: str = "1611-п") -> dict:
    return next(row for row in rows(desk, "--act", act) if row["number"] == number)


def service(desk: Cli):
    return compose(desk.db, clock=fixed_day(TODAY)).control


def report(desk: Cli, tmp_path: Path, *period: str) -> tuple[dict[str, int], openpyxl.Workbook]:
    out = tmp_path / "отчёт.docx"
    result = desk("draft", "report", "--out", str(out), *period)
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out.with_suffix(".xlsx"))
    totals = {row[0]: row[1] for row in book["Итоги"].iter_rows(values_only=True) if isinstance(row[1], int)}
    return totals, book


def ko_table(book: openpyxl.Workbook) -> dict[str, tuple[int, int, int, int]]:
    return {row[0]: tuple(row[1:5]) for row in book["Kо по исполнителям"].iter_rows(min_row=2, values_only=True)
            if row[1] is not None and row[0] != "Итого"}


def test_dashboard_overdue_list_and_report_count_the_same_overdue_control_points(desk, tmp_path):
    overdue = rows(desk, "--overdue")
    points = sum(row["overdue_points"] for row in overdue)
    quarterly = [row for row in overdue if row["deadline"].startswith("ежеквартально")]
    assert len(quarterly) == 2 and {row["overdue_points"] for row in quarterly} == {2}  # 30.06 and 30.09
    assert points == len(overdue) + 2

    board = service(desk).dashboard()
    assert (board.overdue, board.overdue_orders) == (points, len(overdue))
    assert sum(count.count for count in board.overdue_by_executor) >= board.overdue

    listing = desk("orders", "--overdue").output
    assert f"Просроченных контрольных точек: {points} в {len(overdue)} поручениях" in listing

    totals, book = report(desk, tmp_path)
    assert totals["в том числе просрочено"] == points == book["Просроченные"].max_row - 1

    exported = tmp_path / "поручения.xlsx"
    assert desk("export", "--xlsx", str(exported)).exit_code == 0
    sheet = openpyxl.load_workbook(exported).active
    column = [cell.value for cell in sheet[1]].index("Просрочено контрольных точек")
    assert sum(row[column] for row in sheet.iter_rows(min_row=2, values_only=True)) == points


def test_kо_of_the_service_and_of_the_report_are_the_same_figures(desk, tmp_path):
    order_id = order_of(desk, "2.5")["id"]
    assert desk("report", order_id, "--executor", "потребительского рынка", "--text", "за II квартал").exit_code == 0
    assert desk("done", order_id, "--executor", "потребительского рынка").exit_code == 0
    figures = {row.name: (row.due, row.done_on_time, row.done_late, row.overdue_now)
               for row in service(desk).discipline(date(2026, 4, 1), TODAY)}
    _totals, book = report(desk, tmp_path, "--from", "01.04.2026")
    assert ko_table(book) == figures
    assert figures["начальник Управления потребительского рынка транспорта и связи"] == (2, 0, 1, 1)
    assert figures["Заместители главы Администрации города Обнинска"] == (2, 0, 0, 2)
    # the report's list of points says whose share is where when they differ
    june = next(row for row in book["Поручения"].iter_rows(min_row=2, values_only=True)
                if row[1] == "2.5" and row[4].date() == date(2026, 6, 30))
    assert june[3] == ("Заместители главы Администрации города Обнинска: просрочено; начальник Управления "
                       "потребительского рынка транспорта и связи: с нарушением срока")


def test_a_co_executors_acceptance_counts_for_its_own_period_and_a_missed_period_stays_overdue(desk):
    order_id = order_of(desk, "2.5")["id"]  # two executors, periods 30.06 and 30.09.2026 missed
    market, deputies = "потребительского рынка", "Заместители главы"

    # one executor accepted, no period named: its earliest open one (30.06); the order's stays open
    assert desk("report", order_id, "--executor", market, "--text", "за II квартал").exit_code == 0
    accepted = desk("done", order_id, "--executor", market)
    assert accepted.exit_code == 0, accepted.output
    assert "за контрольную точку 30.06.2026" in desk("show", order_id).output
    order = order_of(desk, "2.5")
    assert order["due"] == "2026-06-30" and order["overdue"] and order["overdue_points"] == 2
    assert {part["status"] for part in order["parts"]} == {"на исполнении"}  # it may report the next period

    # the other executor accepted for the named later period (30.09): 30.06 stays overdue for it
    assert desk("report", order_id, "--executor", deputies, "--text", "за III квартал").exit_code == 0
    assert desk("done", order_id, "--executor", deputies, "--point", "30.09.2026").exit_code == 0
    order = order_of(desk, "2.5")
    assert order["due"] == "2026-06-30" and order["overdue_points"] == 2  # neither period accepted by both

    # the first executor's next acceptance closes 30.09 for it: accepted by both, that point closes
    assert desk("report", order_id, "--executor", market, "--text", "за III квартал").exit_code == 0
    closed = desk("done", order_id, "--executor", market)
    assert closed.exit_code == 0, closed.output
    card = desk("show", order_id).output
    assert "Приняты контрольные точки: 30.09.2026" in card
    assert "Не приняты контрольные точки: 30.06.2026" in card
    order = order_of(desk, "2.5")
    assert order["due"] == "2026-06-30" and order["overdue"] and order["overdue_points"] == 1

    figures = {row.name: row for row in service(desk).discipline(date(2026, 4, 1), TODAY)}
    late_market = figures["начальник Управления потребительского рынка транспорта и связи"]
    late_deputies = figures["Заместители главы Администрации города Обнинска"]
    assert (late_market.done_late, late_market.overdue_now) == (2, 0)
    assert (late_deputies.done_late, late_deputies.overdue_now) == (1, 1)  # its 30.06 is still missed
    assert service(desk).dashboard().overdue == sum(row["overdue_points"] for row in rows(desk, "--overdue"))
