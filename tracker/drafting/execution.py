"""What the execution report counts: control points of a period and each executor's share of them.

One list of points feeds every figure of the report, so the totals, the Kо table and the
overdue table are sums over the same things and always agree:

- a dated order is a point when its deadline falls in the period, when it was still open at the
  period's start (carried over), or when it was accepted or withdrawn within the period;
- a recurring order gives its accepted points (closed points) and its current open point, as
  the control service reports them (order.closed_points, order_card().next_due);
- a «постоянно» order is listed (never overdue, not in Kо);
- acceptances and withdrawals count on the day they happened (history dates), so a report
  for a past period shows the state at its end, not today's.

The state of each executor's share comes from the order the service returns (assignment
status and done_at); a point the service says is done is done for all its executors.
Only the service's public reading methods are used: list_orders, order_card, executors.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from tracker.drafting.data import DisciplineLine, ReportTotals

DONE, WITHDRAWN, OPEN = "исполнено", "снято с контроля", "на исполнении"
ON_TIME, LATE, OVERDUE, PENDING = "в срок", "с нарушением срока", "просрочено", "срок не наступил"
NO_EXECUTOR = "без исполнителя"


@dataclass(slots=True)
class Share:
    """One executor's share of a point."""

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

    @property
    def on_time(self) -> bool:
        return self.state == DONE and (self.due is None or (self.closed_on is not None and self.closed_on <= self.due))

    @property
    def late_executors(self) -> list[str]:
        """Who has not done their share of an overdue point (everyone, when nobody is named)."""
        names = [s.executor for s in self.shares if s.state == OVERDUE]
        return names or [s.executor for s in self.shares] or [NO_EXECUTOR]


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date
    today: date

    @property
    def as_of(self) -> date:
        """The day the report's state is taken on: today, or the period's end if it is over."""
        return min(self.today, self.end)

    @property
    def overdue_before(self) -> date:
        """A deadline before this day has passed: today, or the day after a finished period."""
        return self.today if self.today <= self.end else self.end + timedelta(days=1)

    def within(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.as_of


def _enum_value(value: Any) -> str:
    return str(getattr(value, "value", value) or "")


def _history_day(order: Any, action: str) -> date | None:
    """The day of the last `action` in the order's history (withdrawals keep no date on the order)."""
    days = [entry.at.date() for entry in order.history or [] if entry.action == action and entry.at]
    return max(days, default=None)


def _shares(order: Any, names: dict[str, str], due: date | None, point_done: date | None,
            period: Period) -> list[Share]:
    shares: list[Share] = []
    for part in order.assignments or []:
        done_at = part.done_at if part.done_at is not None and part.done_at <= period.as_of else None
        if point_done is not None:
            done_at = done_at or point_done  # the service says the point is done: so is every share
        if done_at is not None:
            state = ON_TIME if due is None or done_at <= due else LATE
        elif due is not None and due < period.overdue_before:
            state = OVERDUE
        else:
            state = PENDING
        shares.append(Share(part.executor_id, names.get(part.executor_id, part.executor_id), state))
    return shares


def _point(order: Any, act: str, due: date | None, period: Period, names: dict[str, str],
           done_on: date | None, withdrawn_on: date | None, permanent: bool = False) -> Point:
    if withdrawn_on is not None:
        state, closed = WITHDRAWN, withdrawn_on
    elif done_on is not None:
        state, closed = DONE, done_on
    else:
        state, closed = OPEN, None
    overdue = state == OPEN and not permanent and due is not None and due < period.overdue_before
    shares = [] if state == WITHDRAWN else _shares(order, names, due, done_on, period)
    days = (period.overdue_before - due).days if overdue and due is not None else 0
    return Point(order.id, act, order.number, order.text, due, state, closed, overdue, days, permanent, shares)


def points_of(order: Any, act: str, next_due: date | None, period: Period, names: dict[str, str],
              missed: list[date] | tuple[date, ...] = ()) -> list[Point]:
    """The order's points in the report (none when it has nothing to do with the period).

    `next_due` and `missed` are what the service's order card says of a recurring order: its
    earliest point not accepted, and every point passed and not accepted (each stays overdue)."""
    deadline = order.deadline
    withdrawn_on = _history_day(order, "withdraw") if _enum_value(order.status) == WITHDRAWN else None
    if withdrawn_on is not None and withdrawn_on > period.as_of:
        withdrawn_on = None  # withdrawn after the period: it was still on control then
    if withdrawn_on is not None and withdrawn_on < period.start:
        return []
    recurrence = _enum_value(getattr(deadline, "recurrence", None))
    if recurrence == "постоянно" or getattr(deadline, "norm", False):  # a posting norm is not a deadline either
        return [_point(order, act, None, period, names, None, withdrawn_on, permanent=True)]
    if _enum_value(deadline.kind) == "recurring":
        closed = getattr(order, "closed_points", None) or []
        points = [_point(order, act, p.due, period, names, p.done_at, None)
                  for p in closed if period.within(p.done_at)]
        accepted = {p.due for p in closed if p.done_at is not None and p.done_at <= period.as_of}
        if withdrawn_on is not None:
            points.append(_point(order, act, next_due, period, names, None, withdrawn_on))
            return points
        waiting = {day for day in (*missed, next_due) if day is not None and day <= period.end}
        points += [_point(order, act, day, period, names, None, None) for day in sorted(waiting - accepted)]
        return points
    due = deadline.due
    done_on = order.done_at if _enum_value(order.status) == DONE else None
    if done_on is not None and done_on > period.as_of:
        done_on = None  # accepted after the period: it was open at its end
    if done_on is not None and done_on < period.start:
        return []
    closed_in_period = period.within(done_on) or period.within(withdrawn_on)
    if not closed_in_period and (due is None or due > period.end):
        return []
    return [_point(order, act, due, period, names, done_on, withdrawn_on)]


def gather(control: Any, period: Period, act_id: str | None = None, executor_id: str | None = None) -> list[Point]:
    """Every point of the period (for one act or one executor when asked), sorted by deadline."""
    from tracker.control.api import OrderFilter

    names = {e.id: e.name for e in control.executors()}
    flt = OrderFilter(act_id=act_id, executor_id=executor_id, include_closed=True)
    rows = control.list_orders(flt, offset=0, limit=None, today=period.as_of).rows
    points: list[Point] = []
    for row in rows:
        card = control.order_card(row.id, today=period.as_of)  # the whole order, its history, its next point
        points += points_of(card.order, row.act_label, card.next_due, period, names,
                            getattr(card, "missed_points", None) or ())
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
    """Kо per executor over the shares that came due (done or overdue), worst first.

    Every executor of an overdue point has a line; an overdue point with nobody named counts
    under «без исполнителя»."""
    counts: dict[str, list[int]] = {}  # name -> [on time, late, overdue]
    for point in points:
        if point.permanent or point.state == WITHDRAWN:
            continue
        if point.overdue and not point.shares:
            counts.setdefault(NO_EXECUTOR, [0, 0, 0])[2] += 1
        for share in point.shares:
            column = {ON_TIME: 0, LATE: 1, OVERDUE: 2}.get(share.state)
            if column is not None:
                counts.setdefault(share.executor, [0, 0, 0])[column] += 1
    lines = [DisciplineLine(name, sum(c), c[0], c[1], c[2], c[0] / sum(c) if sum(c) else None)
             for name, c in counts.items()]
    return sorted(lines, key=lambda line: (line.ko if line.ko is not None else 2, line.executor.lower()))


def discipline_total(lines: list[DisciplineLine]) -> DisciplineLine:
    """The «Итого» line: the column sums, and Kо of the sums."""
    due = sum(line.due for line in lines)
    on_time = sum(line.done_on_time for line in lines)
    return DisciplineLine("Итого", due, on_time, sum(line.done_late for line in lines),
                          sum(line.overdue_now for line in lines), on_time / due if due else None)
