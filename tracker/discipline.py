"""Discipline of execution per executor and period: due, done on time, done late, overdue now, Kо.

An executor's part counts as due in a period when its deadline (after extensions) falls in
the period and it either was done or its deadline has passed; so due = on time + late +
overdue now, and Kо = done on time / due. A recurring order counts each of its control
points in the period. Withdrawn orders do not count.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from tracker.calendar import BUNDLED, ProductionCalendar
from tracker.models import Deadline
from tracker.recurrence import points_between


@dataclass(slots=True)
class Figures:
    due: int = 0
    done_on_time: int = 0
    done_late: int = 0
    overdue_now: int = 0

    @property
    def ko(self) -> float | None:
        """Kо = done on time / due; None when nothing came due."""
        return self.done_on_time / self.due if self.due else None

    def count(self, deadline: date, done_at: date | None, today: date) -> None:
        if done_at is not None:
            self.due += 1
            if done_at <= deadline:
                self.done_on_time += 1
            else:
                self.done_late += 1
        elif deadline < today:
            self.due += 1
            self.overdue_now += 1


@dataclass(slots=True)
class Item:
    """One order as discipline sees it."""

    responsible: list[tuple[str, date | None]]  # executor id, the day its part was accepted
    due: date | None = None
    withdrawn: bool = False
    recurring: Deadline | None = None
    closed_points: dict[date, date] = field(default_factory=dict)  # point -> accepted on


def tally(items: Iterable[Item], start: date, end: date, today: date,
          calendar: ProductionCalendar = BUNDLED) -> dict[str, Figures]:
    """Figures per executor id for deadlines within [start, end]."""
    figures: dict[str, Figures] = {}
    for item in items:
        if item.withdrawn or not item.responsible:
            continue
        if item.recurring is not None:
            for point in points_between(item.recurring, start, end, calendar):
                done_at = item.closed_points.get(point)
                for executor_id, _done in item.responsible:
                    figures.setdefault(executor_id, Figures()).count(point, done_at, today)
            continue
        if item.due is None or not (start <= item.due <= end):
            continue
        for executor_id, done_at in item.responsible:
            figures.setdefault(executor_id, Figures()).count(item.due, done_at, today)
    return figures
