"""The control service's figures are the shared list of control points (tracker.discipline):
the dashboard's «просрочено» and its bars, the orders' overdue points and Kо equal what
overdue_points / period_points give for each whole order, however its parts stand."""
from __future__ import annotations

from collections import Counter
from datetime import date

from domain_factories import MINOBR, MINOBR_DAT, MINZDRAV, MINZDRAV_DAT, TODAY, act, order, party

from tracker.control.api import OrderFilter
from tracker.discipline import figures_of, overdue_points, period_points
from tracker.drafting.execution import item_of


def load(service, parser, tmp_path) -> dict[str, str]:
    both = (party(MINOBR_DAT, MINOBR), party(MINZDRAV_DAT, MINZDRAV))
    result = act(
        "a.txt",
        order("1", "Обеспечить размещение", *both, due=date(2024, 2, 1)),
        order("2", "Провести совещание", due=date(2024, 2, 5)),
        order("3", "Представить сведения", *both, due=date(2024, 2, 10)),
        order("4", "Подготовить доклад", *both, due=date(2024, 4, 1)),
        order("5", "Ежемесячно представлять отчёт", *both, recurrence="ежемесячно"),
        order("6", "Разместить материалы", party(MINOBR_DAT, MINOBR), due=date(2024, 1, 20)),
        order("7", "Направить предложения", party(MINOBR_DAT, MINOBR), due=date(2024, 2, 20)),
    )
    path = tmp_path / "a.txt"
    path.write_text(result.text + "a.txt", encoding="utf-8")
    parser.results["a.txt"] = result
    preview = service.preview_file(path)
    preview.since = date(2023, 10, 1)  # the monthly order caught up: October to February missed
    service.commit_import(preview)
    ids = {row.number: row.id for row in service.list_orders(OrderFilter(), today=TODAY).rows}
    minobr, minzdrav = (next(e.id for e in service.executors() if e.name == name) for name in (MINOBR, MINZDRAV))
    service.report_received(ids["1"], executor_id=minobr, when=date(2024, 1, 30))
    service.accept(ids["1"], executor_id=minobr, when=date(2024, 1, 30))  # the other part is late
    service.withdraw(ids["3"], "передано другому органу", executor_id=minzdrav)
    service.report_received(ids["5"], executor_id=minzdrav, when=date(2024, 2, 12))
    service.accept(ids["5"], executor_id=minzdrav, when=date(2024, 2, 12))  # its October period only
    service.withdraw(ids["6"], "утратило актуальность")
    service.report_received(ids["7"], when=date(2024, 2, 15))
    service.accept(ids["7"], when=date(2024, 2, 15))
    return ids


def whole_orders(service) -> list:
    rows = service.list_orders(OrderFilter(), limit=None, today=TODAY).rows
    return [item_of(service.order_card(row.id, today=TODAY).order) for row in rows]


def test_the_dashboard_counts_every_overdue_point_of_the_whole_orders(service, parser, tmp_path):
    load(service, parser, tmp_path)
    names = {e.id: e.name for e in service.executors()}
    late = [point for item in whole_orders(service) for point in overdue_points(item, TODAY)]
    board = service.dashboard(today=TODAY)
    assert board.overdue == len(late) == 1 + 1 + 1 + 5  # 1 (Минздрав), 2, 3 (Минобр), 5: Oct–Feb
    assert board.overdue_orders == len({point.order_id for point in late}) == 4
    bars = Counter(names.get(executor_id, "без исполнителя") for point in late
                   for executor_id in point.late_executors or [""])
    assert {bar.name: bar.count for bar in board.overdue_by_executor} == dict(bars)
    assert bars[MINZDRAV] == 1 + 4 and bars[MINOBR] == 1 + 5  # Минздрав's October is accepted


def test_each_listed_order_says_how_many_of_its_points_are_overdue(service, parser, tmp_path):
    ids = load(service, parser, tmp_path)
    rows = {row.id: row for row in service.list_orders(OrderFilter(overdue=True), today=TODAY).rows}
    assert rows[ids["5"]].overdue_points == 5 and rows[ids["1"]].overdue_points == 1
    assert sum(row.overdue_points for row in rows.values()) == service.dashboard(today=TODAY).overdue


def test_ko_of_the_service_is_counted_over_the_same_points(service, parser, tmp_path):
    load(service, parser, tmp_path)
    start, end = date(2023, 10, 1), TODAY
    expected = figures_of(point for item in whole_orders(service) for point in period_points(item, start, end, TODAY))
    names = {e.id: e.name for e in service.executors()}
    got = {row.name: (row.due, row.done_on_time, row.done_late, row.overdue_now)
           for row in service.discipline(start, end, today=TODAY)}
    assert got == {names.get(eid, "без исполнителя"): (f.due, f.done_on_time, f.done_late, f.overdue_now)
                   for eid, f in expected.items()}
    assert got[MINZDRAV][2] == 1  # its October period, accepted in February: late
