"""Discipline figures: due, done on time, done late, overdue now, Kо = on time / due."""
from datetime import date

import pytest
from domain_factories import MINOBR, MINOBR_DAT, MINZDRAV, MINZDRAV_DAT, act, import_act, order, party

from tracker.control.api import OrderFilter
from tracker.discipline import Figures, Item, tally
from tracker.models import Deadline, DeadlineKind, Recurrence

TODAY = date(2024, 4, 15)
MARCH = (date(2024, 3, 1), date(2024, 3, 31))


def test_kind_of_each_part_is_counted():
    items = [
        Item([("a", date(2024, 3, 5))], due=date(2024, 3, 10)),  # on time
        Item([("a", date(2024, 3, 20))], due=date(2024, 3, 10)),  # late
        Item([("a", None)], due=date(2024, 3, 25)),  # overdue now
        Item([("a", None)], due=date(2024, 5, 1)),  # outside the period
        Item([("a", None)], due=date(2024, 3, 12), withdrawn=True),  # withdrawn: not counted
    ]
    figures = tally(items, *MARCH, today=TODAY)
    a = figures["a"]
    assert (a.due, a.done_on_time, a.done_late, a.overdue_now) == (3, 1, 1, 1)
    assert a.ko == pytest.approx(1 / 3)


def test_a_deadline_not_yet_come_does_not_count_unless_done():
    items = [Item([("a", None)], due=date(2024, 4, 20)), Item([("a", date(2024, 4, 2))], due=date(2024, 4, 25))]
    a = tally(items, date(2024, 4, 1), date(2024, 4, 30), today=TODAY)["a"]
    assert (a.due, a.done_on_time, a.overdue_now) == (1, 1, 0)


def test_each_executor_is_counted_for_its_own_part():
    items = [Item([("a", date(2024, 3, 1)), ("b", None)], due=date(2024, 3, 10))]
    figures = tally(items, *MARCH, today=TODAY)
    assert figures["a"].done_on_time == 1 and figures["b"].overdue_now == 1


def test_recurring_orders_count_every_control_point():
    deadline = Deadline(kind=DeadlineKind.RECURRING, recurrence=Recurrence.MONTHLY, start=date(2024, 1, 10))
    items = [Item([("a", None)], recurring=deadline, closed_points={date(2024, 1, 31): date(2024, 2, 2),
                                                                     date(2024, 2, 29): date(2024, 2, 29)})]
    a = tally(items, date(2024, 1, 1), date(2024, 4, 1), today=TODAY)["a"]  # 31.03.2024 Sunday -> 01.04
    assert (a.due, a.done_on_time, a.done_late, a.overdue_now) == (3, 1, 1, 1)


def test_no_due_means_no_ko():
    assert Figures().ko is None


def test_the_service_reports_discipline_per_executor(service, parser, tmp_path):
    import_act(service, parser, tmp_path, "a.txt", act(
        "a.txt",
        order("1", "Обеспечить", party(MINOBR_DAT, MINOBR), due=date(2024, 3, 10)),
        order("2", "Провести", party(MINOBR_DAT, MINOBR), party(MINZDRAV_DAT, MINZDRAV), due=date(2024, 3, 20)),
    ))
    ids = {r.number: r.id for r in service.list_orders(OrderFilter(), today=TODAY).rows}
    service.report_received(ids["1"], when=date(2024, 3, 9))
    service.accept(ids["1"], when=date(2024, 3, 9))
    minobr = next(e.id for e in service.executors() if e.name == MINOBR)
    service.report_received(ids["2"], executor_id=minobr, when=date(2024, 3, 25))
    service.accept(ids["2"], executor_id=minobr, when=date(2024, 3, 25))
    rows = {r.name: r for r in service.discipline(*MARCH, today=TODAY)}
    assert (rows[MINOBR].due, rows[MINOBR].done_on_time, rows[MINOBR].done_late, rows[MINOBR].ko) == (2, 1, 1, 0.5)
    assert (rows[MINZDRAV].due, rows[MINZDRAV].overdue_now, rows[MINZDRAV].ko) == (1, 1, 0.0)


def test_a_co_executors_period_counts_for_it_alone():
    from tracker.discipline import Part

    deadline = Deadline(kind=DeadlineKind.RECURRING, recurrence=Recurrence.MONTHLY, start=date(2024, 1, 10))
    item = Item(recurring=deadline, parts=[Part("a"), Part("b", points={date(2024, 1, 31): date(2024, 1, 30)})])
    figures = tally([item], date(2024, 1, 1), date(2024, 2, 29), today=TODAY)
    assert (figures["b"].done_on_time, figures["b"].overdue_now) == (1, 1)
    assert (figures["a"].done_on_time, figures["a"].overdue_now) == (0, 2)


def test_a_part_accepted_under_the_older_rule_counts_for_its_earliest_open_period():
    from tracker.discipline import Part

    deadline = Deadline(kind=DeadlineKind.RECURRING, recurrence=Recurrence.MONTHLY, start=date(2024, 1, 10))
    item = Item(recurring=deadline, parts=[Part("a", done_on=date(2024, 2, 1)), Part("b")])
    figures = tally([item], date(2024, 1, 1), date(2024, 2, 29), today=TODAY)
    assert (figures["a"].done_late, figures["a"].overdue_now, figures["b"].overdue_now) == (1, 1, 2)
