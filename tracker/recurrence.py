"""Control points of recurring orders: ежемесячно, ежеквартально, раз в полгода, ежегодно,
еженедельно, ежедневно, and «постоянно» as a periodic review the clerk sets.

Each period is its own control point, reported and accepted on its own, per executor
(Assignment.closed_points; Order.closed_points once every executor's part has it).
A month-based period's point is its last day, or day `point_day` of the month `point_offset`
months after the period's last month («до 5 числа месяца, следующего за отчётным»: 5, 1;
«ежегодно до 1 февраля»: 1, 2). A weekly point is the weekday `point_day` (1 = Monday,
default Friday). A point that falls on a day off is due on the next working day, as the Civil
Code (art. 193) moves the end of any term. Points come strictly after `start`: the day the
order was put on control (or the date the clerk gave on import to catch up history), so
periods before it are never overdue. «Постоянно» has no points (never overdue) unless the clerk
sets a review period; a posting norm has none at all.
"""
from __future__ import annotations

import calendar as _stdcal
from collections.abc import Collection, Iterator
from datetime import date, timedelta

from tracker.calendar import BUNDLED, ProductionCalendar
from tracker.models import Deadline, DeadlineKind, Recurrence

MONTHS_PER_PERIOD = {
    Recurrence.MONTHLY: 1,
    Recurrence.QUARTERLY: 3,
    Recurrence.HALF_YEARLY: 6,
    Recurrence.YEARLY: 12,
}
MAX_POINTS = 100_000  # a safety stop for iteration over far-away dates


def _month_end(year: int, month: int) -> date:
    return date(year, month, _stdcal.monthrange(year, month)[1])


def _shift(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _month_points(step: int, start: date, point_day: int | None, offset: int | None,
                  cal: ProductionCalendar) -> Iterator[date]:
    if point_day is not None and offset is None:
        offset = 1  # the clerk's day in the month after the period (older records)
    offset = offset or 0
    # the period that contains `start` ends in the first month m >= start.month with m % step == 0;
    # begin early enough that a point shifted past the period is not missed (the floor drops extras)
    month = start.month + (-start.month) % step
    year, month = _shift(start.year, month, -step * (offset // step + 1))
    while True:
        if point_day is None:
            raw = _month_end(*_shift(year, month, offset))
        else:
            py, pm = _shift(year, month, offset)
            raw = date(py, pm, min(max(point_day, 1), _stdcal.monthrange(py, pm)[1]))
        yield raw
        year, month = _shift(year, month, step)


def _weekly_points(start: date, point_day: int | None, cal: ProductionCalendar) -> Iterator[date]:
    weekday = min(max((point_day or 5) - 1, 0), 6)
    monday = start - timedelta(days=start.weekday() + 7)
    while True:
        yield monday + timedelta(days=weekday)
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
        yield start + timedelta(days=every * k)
        k += 1


def _raw_points(deadline: Deadline, cal: ProductionCalendar) -> Iterator[date]:
    start = deadline.start
    rec = deadline.recurrence
    if start is None or rec is None or deadline.norm:
        return iter(())
    if rec in MONTHS_PER_PERIOD:
        return _month_points(MONTHS_PER_PERIOD[rec], start, deadline.point_day, deadline.point_offset, cal)
    if rec == Recurrence.WEEKLY:
        return _weekly_points(start, deadline.point_day, cal)
    if rec == Recurrence.DAILY:
        return _daily_points(start + timedelta(days=1), cal)
    if rec == Recurrence.PERMANENT and deadline.review_every_days:
        return _review_points(start, deadline.review_every_days, cal)
    return iter(())


def control_points(deadline: Deadline, after: date | None = None,
                   calendar: ProductionCalendar = BUNDLED) -> Iterator[date]:
    """Control points of the periods whose own date comes after the start, each moved off a day
    off, and after `after`; in order (endless). A period whose date was before the start does
    not come due even when moving off a day off takes it past the start."""
    start = deadline.start
    last = None
    for count, raw in enumerate(_raw_points(deadline, calendar)):
        if count > MAX_POINTS:
            return
        if start is not None and raw <= start:
            continue
        point = calendar.next_working_day(raw)
        if (after is not None and point <= after) or point == last:
            continue
        last = point
        yield point


def next_point(deadline: Deadline, calendar: ProductionCalendar = BUNDLED,
               closed: Collection[date] = ()) -> date | None:
    """The earliest control point not yet closed: a missed period stays first until it is."""
    for point in control_points(deadline, deadline.covered_until, calendar):
        if point not in closed:
            return point
    return None


def open_points(deadline: Deadline, until: date, calendar: ProductionCalendar = BUNDLED,
                closed: Collection[date] = ()) -> list[date]:
    """Points due by `until` that are not closed (the missed periods the card lists)."""
    result = []
    for point in control_points(deadline, deadline.covered_until, calendar):
        if point > until:
            break
        if point not in closed:
            result.append(point)
    return result


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


def is_permanent(deadline: Deadline) -> bool:
    """«Постоянно»: on control without a date, never overdue; periodic reports list it apart."""
    return deadline.kind == DeadlineKind.RECURRING and deadline.recurrence == Recurrence.PERMANENT
