"""Recurring orders: one control point per period, from the day the order was put on control.

A point that falls on a day off is due on the next working day (Civil Code art. 193): the
production calendar's transfers count (27.04.2024 was worked; 29.04–01.05.2024 were off).
"""
from datetime import date
from itertools import islice

from tracker.models import Deadline, DeadlineKind, Recurrence
from tracker.recurrence import control_points, is_permanent, next_point, open_points, points_between


def recurring(rec: Recurrence, start: date, **extra) -> Deadline:
    return Deadline(kind=DeadlineKind.RECURRING, recurrence=rec, start=start, **extra)


def first(deadline: Deadline, n: int) -> list[date]:
    return list(islice(control_points(deadline), n))


def test_quarterly_points_are_the_last_day_of_each_quarter_moved_to_the_next_working_day():
    points = first(recurring(Recurrence.QUARTERLY, date(2023, 6, 30)), 5)
    # 30.09.2023 Saturday -> 02.10; 31.12.2023 Sunday -> 09.01.2024 (new-year holidays); 31.03.2024 Sunday -> 01.04
    assert points == [date(2023, 10, 2), date(2024, 1, 9), date(2024, 4, 1), date(2024, 7, 1), date(2024, 9, 30)]


def test_quarterly_on_the_tenth_of_the_month_after_the_quarter():
    deadline = recurring(Recurrence.QUARTERLY, date(2024, 1, 15), point_day=10, point_offset=1)
    # 10.04.2024 Wed; 10.07 Wed; 10.10 Thu; 10.01.2025 Fri is worked (the holidays end on 08.01)
    assert first(deadline, 4) == [date(2024, 4, 10), date(2024, 7, 10), date(2024, 10, 10), date(2025, 1, 10)]


def test_monthly_on_the_fifth_of_the_next_month():
    deadline = recurring(Recurrence.MONTHLY, date(2026, 12, 4), point_day=5, point_offset=1)
    # November's report: 05.12.2026 is a Saturday -> 07.12; December's: 05.01.2027 holidays -> 11.01
    assert first(deadline, 3) == [date(2026, 12, 7), date(2027, 1, 11), date(2027, 2, 5)]


def test_yearly_by_the_first_of_february():
    deadline = recurring(Recurrence.YEARLY, date(2026, 12, 4), point_day=1, point_offset=2)
    assert first(deadline, 2) == [date(2027, 2, 1), date(2028, 2, 1)]


def test_half_yearly_and_monthly_without_a_day_end_with_the_period():
    assert first(recurring(Recurrence.HALF_YEARLY, date(2024, 1, 10)), 2) == [date(2024, 7, 1), date(2025, 1, 9)]
    assert first(recurring(Recurrence.MONTHLY, date(2024, 1, 10)), 3) == [
        date(2024, 1, 31), date(2024, 2, 29), date(2024, 4, 1)]


def test_weekly_points_fall_on_friday_by_default_or_the_day_set():
    assert first(recurring(Recurrence.WEEKLY, date(2024, 4, 22)), 2) == [date(2024, 4, 26), date(2024, 5, 3)]
    # Wednesdays; 12.06.2024 is Russia Day -> 13.06
    assert first(recurring(Recurrence.WEEKLY, date(2024, 6, 3), point_day=3), 2) == [date(2024, 6, 5), date(2024, 6, 13)]


def test_points_before_the_start_never_come_due():
    deadline = recurring(Recurrence.QUARTERLY, date(2026, 12, 4), point_day=10, point_offset=1)
    # Q3 2026's point (12.10.2026) is before the order was put on control: not a point at all
    assert next_point(deadline) == date(2027, 1, 11)  # 10.01.2027 is a Sunday in the holidays


def test_permanent_control_has_no_points_unless_the_clerk_sets_a_review():
    plain = recurring(Recurrence.PERMANENT, date(2024, 1, 15))
    assert next_point(plain) is None and is_permanent(plain)
    points = first(recurring(Recurrence.PERMANENT, date(2024, 1, 15), review_every_days=30), 3)
    assert points == [date(2024, 2, 14), date(2024, 3, 15), date(2024, 4, 15)]  # 14.04.2024 is a Sunday


def test_a_posting_norm_has_no_points():
    assert next_point(recurring(Recurrence.WEEKLY, date(2024, 1, 15), norm=True)) is None


def test_the_earliest_open_point_is_due_even_after_later_ones_are_closed():
    deadline = recurring(Recurrence.QUARTERLY, date(2024, 1, 15))
    assert next_point(deadline) == date(2024, 4, 1)
    assert next_point(deadline, closed={date(2024, 4, 1)}) == date(2024, 7, 1)
    # the second period accepted, the first missed: the first stays the order's date
    assert next_point(deadline, closed={date(2024, 7, 1)}) == date(2024, 4, 1)
    assert open_points(deadline, date(2024, 12, 31), closed={date(2024, 7, 1)}) == [date(2024, 4, 1), date(2024, 9, 30)]


def test_old_records_closed_up_to_a_point_stay_closed():
    deadline = recurring(Recurrence.QUARTERLY, date(2024, 1, 15), covered_until=date(2024, 4, 1))
    assert next_point(deadline) == date(2024, 7, 1)


def test_points_between_dates_for_discipline():
    deadline = recurring(Recurrence.MONTHLY, date(2024, 1, 10))
    assert points_between(deadline, date(2024, 2, 1), date(2024, 5, 31)) == [
        date(2024, 2, 29), date(2024, 4, 1), date(2024, 5, 2), date(2024, 5, 31)]  # 30.04.2024 off, 01.05 a holiday
