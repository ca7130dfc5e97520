"""What the execution report counts: the control points of a period and each executor's share.

The points come from tracker.discipline.period_points — the one list the desk's dashboard
(«просрочено») and the control service's Kо count too — so the report's totals, its Kо table and
its overdue table are sums over the same things as the desk's figures, and always agree:

- a dated order is a point when its deadline falls in the period, when it was still open at the
  period's start (carried over), or when it was accepted or withdrawn within the period;
- a recurring order gives each of its periods so: every missed period stays overdue, each
  executor's acceptance counts for the period it was accepted for;
- a «постоянно» order is listed (never overdue, not in Kо); a posting norm is not a deadline;
- acceptances and withdrawals count on the day they happened, so a report for a past period
  shows the state at its end, not today's.

Here the points only get what a report shows beside them: the act, the item, the text, names.
Only the service's public reading methods are used: list_orders, order_card, executors.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tracker.discipline import (
    DONE,
    LATE,
    ON_TIME,
    OPEN,
    OVERDUE,
    PENDING,
    WITHDRAWN,
    ControlPoint,
    Item,
    Part,
    Period,
    figures_of,
    order_item,
    period_points,
)
from tracker.discipline import Share as Bare
from tracker.drafting.data import DisciplineLine, ReportTotals
from tracker.models import Deadline, DeadlineKind, Order, Recurrence

__all__ = ["DONE", "LATE", "ON_TIME", "OPEN", "OVERDUE", "PENDING", "WITHDRAWN", "Period", "Point", "Share",
           "discipline_of", "discipline_total", "gather", "item_of", "points_of", "totals_of"]

NO_EXECUTOR = "без исполнителя"


@dataclass(slots=True)
class Share:
    """One executor's share of a point, named."""

    executor_id: str
    executor: str
    state: str  # ON_TIME | LATE | OVERDUE | PENDING


@dataclass(slots=True)
class Point:
    """One control point in the report: a dated order, or one period of a recurring order."""

    order_id: str
    act: str
    number: str
    text: str  # the order's full text; drafts shorten it with tracker.drafting.texts.shorten
    due: date | None
    state: str  # DONE | WITHDRAWN | OPEN
    closed_on: date | None = None  # accepted or withdrawn on
    overdue: bool = False
    days_overdue: int = 0
    permanent: bool = False
    shares: list[Share] = field(default_factory=list)
    on_time: bool = False

    @property
    def late_executors(self) -> list[str]:
        """Who has not done their share of an overdue point (everyone, when nobody is marked)."""
        names = [s.executor for s in self.shares if s.state == OVERDUE]
        return names or [s.executor for s in self.shares] or [NO_EXECUTOR]


def _enum_value(value: Any) -> str:
    return str(getattr(value, "value", value) or "")


def _history_day(order: Any, action: str) -> date | None:
    """The day of the last `action` in the order's history (older records keep no withdrawal day)."""
    days = [entry.at.date() for entry in getattr(order, "history", None) or []
            if entry.action == action and entry.at]
    return max(days, default=None)


def _deadline(order: Any) -> Deadline | None:
    """The recurring deadline as the domain's record (None for any other)."""
    deadline = order.deadline
    if _enum_value(deadline.kind) != DeadlineKind.RECURRING:
        return None
    if isinstance(deadline, Deadline):
        return deadline
    recurrence = _enum_value(getattr(deadline, "recurrence", None))
    return Deadline(kind=DeadlineKind.RECURRING, recurrence=Recurrence(recurrence) if recurrence else None,
                    norm=bool(getattr(deadline, "norm", False)), start=getattr(deadline, "start", None),
                    point_day=getattr(deadline, "point_day", None), point_offset=getattr(deadline, "point_offset", None),
                    review_every_days=getattr(deadline, "review_every_days", None))


def item_of(order: Any) -> Item:
    """The order (as the service's card gives it) as tracker.discipline counts it."""
    if isinstance(order, Order):
        return order_item(order, _history_day(order, "withdraw"))
    status = _enum_value(order.status)
    withdrawn = status == WITHDRAWN
    withdrawn_on = (getattr(order, "withdrawn_on", None) or _history_day(order, "withdraw")) if withdrawn else None
    parts = [Part(a.executor_id, a.done_at, {p.due: p.done_at for p in getattr(a, "closed_points", None) or []},
                  _enum_value(getattr(a, "status", "")) == WITHDRAWN)
             for a in order.assignments or []]
    recurring = _deadline(order)
    return Item(order_id=order.id, due=None if recurring else order.deadline.due, recurring=recurring,
                closed_points={p.due: p.done_at for p in getattr(order, "closed_points", None) or []},
                parts=parts, done_on=order.done_at if status == DONE else None,
                withdrawn=withdrawn, withdrawn_on=withdrawn_on)


def _named(point: ControlPoint, order: Any, act: str, names: dict[str, str]) -> Point:
    shares = [Share(s.executor_id, names.get(s.executor_id, s.executor_id) or NO_EXECUTOR, s.state)
              for s in point.shares]
    return Point(order.id, act, order.number, order.text, point.due, point.state, point.closed_on, point.overdue,
                 point.days_overdue, point.permanent, shares, point.on_time)


def points_of(order: Any, act: str, period: Period, names: dict[str, str], calendar: Any = None) -> list[Point]:
    """The order's points in the report (none when it has nothing to do with the period)."""
    extra = {"calendar": calendar} if calendar is not None else {}
    found = period_points(item_of(order), period.start, period.end, period.today, **extra)
    return [_named(point, order, act, names) for point in found]


def gather(control: Any, period: Period, act_id: str | None = None, executor_id: str | None = None,
           calendar: Any = None) -> list[Point]:
    """Every point of the period (for one act or one executor when asked), sorted by deadline."""
    from tracker.control.api import OrderFilter

    names = {e.id: e.name for e in control.executors()}
    flt = OrderFilter(act_id=act_id, executor_id=executor_id, include_closed=True)
    rows = control.list_orders(flt, offset=0, limit=None, today=period.as_of).rows
    points: list[Point] = []
    for row in rows:
        card = control.order_card(row.id, today=period.as_of)  # the whole order and its history
        points += points_of(card.order, row.act_label, period, names, calendar)
    if executor_id:
        for point in points:
            point.shares = [s for s in point.shares if s.executor_id == executor_id]
    return sorted(points, key=lambda p: (p.due or date.max, p.act, p.number))


def totals_of(points: list[Point]) -> ReportTotals:
    totals = ReportTotals(orders=len(points))
    for point in points:
        if point.state == DONE:
            totals.done += 1
            if point.on_time:
                totals.done_on_time += 1
            else:
                totals.done_late += 1
        elif point.state == WITHDRAWN:
            totals.withdrawn += 1
        else:
            totals.on_control += 1
            totals.overdue += point.overdue
            totals.permanent += point.permanent
    return totals


def discipline_of(points: list[Point]) -> list[DisciplineLine]:
    """Kо per executor over the shares that came due (done or overdue), worst first
    (tracker.discipline.figures_of). Every executor of an overdue point has a line; an overdue
    point with nobody named counts under «без исполнителя»."""
    names = {s.executor_id: s.executor for p in points for s in p.shares}
    figures = figures_of(ControlPoint(p.order_id, p.due, p.state, p.closed_on, p.overdue, p.days_overdue,
                                      p.permanent, [Bare(s.executor_id, s.state) for s in p.shares]) for p in points)
    lines = [DisciplineLine(names.get(eid) or NO_EXECUTOR, f.due, f.done_on_time, f.done_late, f.overdue_now, f.ko)
             for eid, f in figures.items()]
    return sorted(lines, key=lambda line: (line.ko if line.ko is not None else 2, line.executor.lower()))


def discipline_total(lines: list[DisciplineLine]) -> DisciplineLine:
    """The «Итого» line: the column sums, and Kо of the sums."""
    due = sum(line.due for line in lines)
    on_time = sum(line.done_on_time for line in lines)
    return DisciplineLine("Итого", due, on_time, sum(line.done_late for line in lines),
                          sum(line.overdue_now for line in lines), on_time / due if due else None)
