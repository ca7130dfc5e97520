"""Which control points an execution report counts, and in what state (tracker.drafting.execution)."""
from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace as NS

from tracker.drafting.execution import (
    DONE,
    LATE,
    ON_TIME,
    OPEN,
    OVERDUE,
    PENDING,
    WITHDRAWN,
    Period,
    discipline_of,
    discipline_total,
    points_of,
    totals_of,
)
from tracker.models import Deadline, DeadlineKind, Recurrence

Q4 = Period(date(2026, 10, 1), date(2026, 12, 31), today=date(2026, 12, 4))
NAMES = {"a": "Комитет ЖКХ", "b": "Отдел спорта"}


def part(executor_id: str, done_at: date | None = None, points=()):
    return NS(executor_id=executor_id, done_at=done_at, closed_points=[NS(due=d, done_at=a) for d, a in points])


def monthly(start: date) -> Deadline:
    """«ежемесячно, до 5 числа месяца, следующего за отчётным», on control from `start`."""
    return Deadline(kind=DeadlineKind.RECURRING, recurrence=Recurrence.MONTHLY, start=start, point_day=5,
                    point_offset=1)


def order(due=None, status="на исполнении", done_at=None, parts=("a",), kind="date", recurrence=None,
          closed=(), history=(), deadline=None):
    return NS(id="o1", number="1", text="Представить информацию", status=status, done_at=done_at,
              deadline=deadline or NS(kind=kind, due=due, recurrence=recurrence),
              assignments=[p if not isinstance(p, str) else part(p) for p in parts],
              closed_points=[NS(due=d, done_at=a) for d, a in closed],
              history=[NS(action=action, at=datetime.combine(day, datetime.min.time())) for action, day in history])


def test_a_date_in_the_period_counts_and_is_overdue_once_passed():
    [point] = points_of(order(due=date(2026, 11, 20)), "Акт", Q4, NAMES)
    assert (point.state, point.overdue, point.days_overdue) == (OPEN, True, 14)
    assert [s.state for s in point.shares] == [OVERDUE]
    [later] = points_of(order(due=date(2026, 12, 20)), "Акт", Q4, NAMES)
    assert (later.overdue, later.shares[0].state) == (False, PENDING)


def test_an_old_order_still_open_is_carried_into_the_period():
    [point] = points_of(order(due=date(2026, 3, 16)), "Акт", Q4, NAMES)
    assert point.overdue and point.days_overdue == 263


def test_acceptance_counts_on_its_day_not_on_the_report_day():
    accepted = order(due=date(2026, 3, 16), status="исполнено", done_at=date(2026, 12, 4),
                     parts=[part("a", date(2026, 12, 4))])
    [point] = points_of(accepted, "Акт", Q4, NAMES)
    assert (point.state, point.on_time, point.shares[0].state) == (DONE, False, LATE)
    october = Period(date(2026, 10, 1), date(2026, 10, 31), today=date(2026, 12, 4))
    [then] = points_of(accepted, "Акт", october, NAMES)  # accepted after October: open then
    assert (then.state, then.overdue) == (OPEN, True)
    before = order(due=date(2026, 3, 16), status="исполнено", done_at=date(2026, 9, 1))
    assert points_of(before, "Акт", Q4, NAMES) == []  # done before the period: not in it


def test_withdrawal_counts_on_its_history_day():
    withdrawn = order(due=date(2026, 3, 16), status="снято с контроля",
                      history=[("created", date(2026, 2, 2)), ("withdraw", date(2026, 12, 4))])
    [point] = points_of(withdrawn, "Акт", Q4, NAMES)
    assert (point.state, point.closed_on, point.shares) == (WITHDRAWN, date(2026, 12, 4), [])
    october = Period(date(2026, 10, 1), date(2026, 10, 31), today=date(2026, 12, 4))
    assert points_of(withdrawn, "Акт", october, NAMES)[0].state == OPEN


def test_a_done_order_is_done_for_each_executor_and_a_late_co_executor_is_late_alone():
    done = order(due=date(2026, 11, 20), status="исполнено", done_at=date(2026, 11, 18),
                 parts=[part("a", date(2026, 11, 18)), part("b")])
    [point] = points_of(done, "Акт", Q4, NAMES)
    assert [s.state for s in point.shares] == [ON_TIME, ON_TIME]
    half = order(due=date(2026, 11, 20), parts=[part("a", date(2026, 11, 18)), part("b")])
    [point] = points_of(half, "Акт", Q4, NAMES)
    assert [s.state for s in point.shares] == [ON_TIME, OVERDUE]
    assert point.late_executors == ["Отдел спорта"]


def test_recurring_orders_give_their_accepted_points_and_the_current_one():
    accepted = order(deadline=monthly(date(2026, 9, 20)),
                     closed=[(date(2026, 10, 5), date(2026, 10, 4)), (date(2026, 11, 5), date(2026, 11, 9))])
    points = points_of(accepted, "Акт", Q4, NAMES)  # 05.12.2026 is a Saturday: the point moves to 07.12
    assert [(p.due, p.state, p.on_time) for p in points] == [
        (date(2026, 10, 5), DONE, True), (date(2026, 11, 5), DONE, False), (date(2026, 12, 7), OPEN, False)]
    assert not points[-1].overdue


def test_every_missed_period_of_a_recurring_order_stays_overdue():
    late = order(deadline=monthly(date(2026, 8, 20)), closed=[(date(2026, 11, 5), date(2026, 11, 4))])
    points = points_of(late, "Акт", Q4, NAMES)  # 05.09.2026 is a Saturday: 07.09
    assert [(p.due, p.state, p.overdue) for p in points] == [
        (date(2026, 9, 7), OPEN, True), (date(2026, 10, 5), OPEN, True), (date(2026, 11, 5), DONE, False),
        (date(2026, 12, 7), OPEN, False)]


def test_a_co_executor_accepted_for_a_period_is_done_there_alone():
    shared = order(deadline=monthly(date(2026, 9, 20)),
                   parts=[part("a"), part("b", points=[(date(2026, 10, 5), date(2026, 10, 2))])])
    october, november = points_of(shared, "Акт", Q4, NAMES)[:2]
    assert [s.state for s in october.shares] == [OVERDUE, ON_TIME] and october.overdue
    assert october.late_executors == ["Комитет ЖКХ"]
    assert [s.state for s in november.shares] == [OVERDUE, OVERDUE]
    lines = {line.executor: line for line in discipline_of(points_of(shared, "Акт", Q4, NAMES))}
    assert (lines["Отдел спорта"].done_on_time, lines["Отдел спорта"].overdue_now) == (1, 1)
    assert (lines["Комитет ЖКХ"].done_on_time, lines["Комитет ЖКХ"].overdue_now) == (0, 2)


def test_permanent_orders_are_listed_never_overdue_and_not_in_ko():
    [point] = points_of(order(kind="recurring", recurrence="постоянно"), "Акт", Q4, NAMES)
    assert (point.permanent, point.overdue, point.due) == (True, False, None)
    assert discipline_of([point]) == []
    assert totals_of([point]).permanent == 1


def test_a_posting_norm_is_no_deadline_and_not_in_the_report():
    norm = order(kind="recurring", recurrence="еженедельно")
    norm.deadline.norm = True  # «не менее 3 материалов в неделю»: how often, not by when
    assert points_of(norm, "Акт", Q4, NAMES) == []


def test_totals_and_ko_are_sums_over_the_same_points():
    points = (points_of(order(due=date(2026, 11, 20), parts=["a", "b"]), "Акт", Q4, NAMES)
              + points_of(order(due=date(2026, 11, 1), status="исполнено", done_at=date(2026, 10, 30),
                                parts=[part("a", date(2026, 10, 30))]), "Акт", Q4, NAMES)
              + points_of(order(due=date(2026, 11, 2), parts=()), "Акт", Q4, NAMES))
    totals = totals_of(points)
    assert (totals.orders, totals.done, totals.overdue, totals.on_control) == (3, 1, 2, 2)
    lines = {line.executor: line for line in discipline_of(points)}
    assert set(lines) == {"Комитет ЖКХ", "Отдел спорта", "без исполнителя"}
    assert (lines["Комитет ЖКХ"].due, lines["Комитет ЖКХ"].done_on_time, lines["Комитет ЖКХ"].ko) == (2, 1, 0.5)
    total = discipline_total(list(lines.values()))
    assert (total.due, total.done_on_time, total.overdue_now) == (4, 1, 3)


def test_an_executor_whose_order_comes_due_later_in_the_period_has_a_ko_row():
    points = points_of(order(due=date(2026, 12, 20), parts=["b"]), "Акт", Q4, NAMES)
    [line] = discipline_of(points)
    assert (line.executor, line.due, line.overdue_now, line.ko, line.ko_text) == ("Отдел спорта", 0, 0, None, "—")
