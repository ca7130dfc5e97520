"""Recurring orders generate control points; a point on a day off is due the working day before."""
from datetime import date
from itertools import islice

from tracker.models import Deadline, DeadlineKind, Recurrence
from tracker.recurrence import control_points, next_point, points_between


def recurring(rec: Recurrence, start: date, **extra) -> Deadline:
    return Deadline(kind=DeadlineKind.RECURRING, recurrence=rec, start=start, **extra)


def first(deadline: Deadline, n: int) -> list[date]:
    return list(islice(control_points(deadline), n))


def test_quarterly_points_are_the_last_working_day_of_each_quarter():
    points = first(recurring(Recurrence.QUARTERLY, date(2023, 6, 30)), 5)
    assert points == [date(2023, 9, 29), date(2023, 12, 29), date(2024, 3, 29), date(2024, 6, 28),
                      date(2024, 9, 30)]


def test_quarterly_on_a_day_the_clerk_sets_in_the_month_after_the_quarter():
    points = first(recurring(Recurrence.QUARTERLY, date(2024, 1, 15), point_day=5), 4)
    assert points == [date(2024, 4, 5), date(2024, 7, 5), date(2024, 10, 4), date(2024, 12, 28)]
    # 05.10.2024 is a Saturday -> 04.10; 05.01.2025 falls in the holidays -> 28.12.2024 (a worked Saturday)


def test_monthly_half_yearly_and_yearly():
    assert first(recurring(Recurrence.MONTHLY, date(2024, 1, 10)), 3) == [
        date(2024, 1, 31), date(2024, 2, 29), date(2024, 3, 29)]
    assert first(recurring(Recurrence.HALF_YEARLY, date(2024, 1, 10)), 2) == [date(2024, 6, 28), date(2024, 12, 28)]
    assert first(recurring(Recurrence.YEARLY, date(2023, 3, 1)), 2) == [date(2023, 12, 29), date(2024, 12, 28)]


def test_weekly_points_fall_on_friday_by_default_or_the_day_set():
    assert first(recurring(Recurrence.WEEKLY, date(2024, 4, 22)), 2) == [date(2024, 4, 26), date(2024, 5, 3)]
    # Wednesdays; 12.06.2024 is Russia Day -> 11.06
    assert first(recurring(Recurrence.WEEKLY, date(2024, 6, 3), point_day=3), 2) == [date(2024, 6, 5), date(2024, 6, 11)]


def test_weekly_monday_points_skip_to_the_working_day_before_a_holiday():
    points = first(recurring(Recurrence.WEEKLY, date(2024, 4, 23), point_day=1), 2)
    # Monday 29.04.2024 is a day off -> Saturday 27.04 was worked; Monday 06.05 is a working day
    assert points == [date(2024, 4, 27), date(2024, 5, 6)]


def test_permanent_control_is_a_periodic_review_the_clerk_sets():
    assert next_point(recurring(Recurrence.PERMANENT, date(2024, 1, 15))) is None
    points = first(recurring(Recurrence.PERMANENT, date(2024, 1, 15), review_every_days=30), 3)
    assert points == [date(2024, 2, 14), date(2024, 3, 15), date(2024, 4, 12)]  # 14.04.2024 is a Sunday


def test_the_next_point_follows_the_last_closed_one():
    deadline = recurring(Recurrence.QUARTERLY, date(2024, 1, 15))
    assert next_point(deadline) == date(2024, 3, 29)
    deadline.covered_until = date(2024, 3, 29)
    assert next_point(deadline) == date(2024, 6, 28)


def test_points_between_dates_for_discipline():
    deadline = recurring(Recurrence.MONTHLY, date(2024, 1, 10))
    assert points_between(deadline, date(2024, 2, 1), date(2024, 4, 30)) == [
        date(2024, 2, 29), date(2024, 3, 29), date(2024, 4, 27)]  # 30.04.2024 was a day off, 27.04 worked
