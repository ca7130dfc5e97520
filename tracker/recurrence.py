"""Control points of recurring orders: ежемесячно, ежеквартально, раз в полгода, ежегодно,
еженедельно, ежедневно, and «постоянно» as a periodic review the clerk sets.

A month-based period's point is its last day, or, when the clerk sets `point_day`, that day
of the month after the period («до 5 числа месяца, следующего за кварталом»). A weekly point
is the weekday `point_day` (1 = Monday, default Friday). A point that falls on a day off is
due the working day before. Points come strictly after the start (the act's date).
"""
from __future__ import annotations

import calendar as _stdcal
from collections.abc import Iterator
from datetime import date, timedelta

from tracker.calendar import BUNDLED, ProductionCalendar
from tracker.models import Deadline, Recurrence

MONTHS_PER_PERIOD = {
    Recurrence.MONTHLY: 1,
    Recurrence.QUARTERLY: 3,
    Recurrence.HALF_YEARLY: 6,
    Recurrence.YEARLY: 12,
}
MAX_POINTS = 100_000  # a safety stop for iteration over far-away dates


def _month_end(year: int, month: int) -> date:
    return date(year, month, _stdcal.monthrange(year, month)[1])


def _month_points(step: int, start: date, point_day: int | None, cal: ProductionCalendar) -> Iterator[date]:
    # the period that contains `start` ends in the first month m >= start.month with m % step == 0
    month = start.month + (-start.month) % step
    year = start.year
    while True:
        if point_day is None:
            raw = _month_end(year, month)
        else:
            ny, nm = (year + 1, 1) if month == 12 else (year, month + 1)
            raw = date(ny, nm, min(max(point_day, 1), _stdcal.monthrange(ny, nm)[1]))
        yield cal.previous_working_day(raw)
        month += step
        if month > 12:
            month -= 12
            year += 1


def _weekly_points(start: date, point_day: int | None, cal: ProductionCalendar) -> Iterator[date]:
    weekday = (point_day or 5) - 1
    monday = start - timedelta(days=start.weekday())
    while True:
        yield cal.previous_working_day(monday + timedelta(days=min(max(weekday, 0), 6)))
        monday += timedelta(days=7)


def _daily_points(start: date, cal: ProductionCalendar) -> Iterator[date]:
    day = start
    while True:
        if cal.is_working_day(day):
            yield day
        day += timedelta(days=1)


def _review_points(start: date, every: int, cal: ProductionCalendar) -> Iterator[date]:
    k = 1
    while True:
        yield cal.previous_working_day(start + timedelta(days=every * k))
        k += 1


def _raw_points(deadline: Deadline, cal: ProductionCalendar) -> Iterator[date]:
    start = deadline.start
    rec = deadline.recurrence
    if start is None or rec is None:
        return iter(())
    if rec in MONTHS_PER_PERIOD:
        return _month_points(MONTHS_PER_PERIOD[rec], start, deadline.point_day, cal)
    if rec == Recurrence.WEEKLY:
        return _weekly_points(start, deadline.point_day, cal)
    if rec == Recurrence.DAILY:
        return _daily_points(start + timedelta(days=1), cal)
    if rec == Recurrence.PERMANENT and deadline.review_every_days:
        return _review_points(start, deadline.review_every_days, cal)
    return iter(())


def control_points(deadline: Deadline, after: date | None = None,
                   calendar: ProductionCalendar = BUNDLED) -> Iterator[date]:
    """Control points strictly after the start and after `after`, in order (endless)."""
    floor = deadline.start
    if after is not None and (floor is None or after > floor):
        floor = after
    last = None
    for count, point in enumerate(_raw_points(deadline, calendar)):
        if count > MAX_POINTS:
            return
        if floor is not None and point <= floor:
            continue
        if point == last:
            continue
        last = point
        yield point


def next_point(deadline: Deadline, calendar: ProductionCalendar = BUNDLED) -> date | None:
    """The first control point not yet closed."""
    return next(control_points(deadline, deadline.covered_until, calendar), None)


def points_between(deadline: Deadline, first: date, last: date,
                   calendar: ProductionCalendar = BUNDLED) -> list[date]:
    """Control points within [first, last] (closed or not): for discipline figures."""
    result = []
    for point in control_points(deadline, calendar=calendar):
        if point > last:
            break
        if point >= first:
            result.append(point)
    return result
