"""Control points of a period — the one list every figure of control is counted from.

`period_points` turns one order (as an `Item`) into its control points of a period, each with
every executor's share: the desk's dashboard («просрочено»), the control service's discipline
(Kо) and the execution report in drafting all count these, so they cannot disagree. A recurring
order gives one point per period; a dated order one point.

Which points belong to a period [start, end], as of `today`:
- a point whose date is in the period, or earlier and still open at the period's start (carried
  over), or accepted or withdrawn within the period;
- acceptances and withdrawals count on the day they happened: a report for a past period shows
  the state at its end, not today's;
- «постоянно» is listed (never overdue, not in Kо); a posting norm is no deadline and gives none.

An executor's share of a point is done on the day its part was accepted (for a recurring order:
accepted for that period), on time when that day is not after the point's date; it is overdue
when open and the date has passed. A point is done when every tracked share is done, overdue
when open and its date has passed. Kо = shares done on time / shares that came due (on time +
late + overdue), per executor; withdrawn points and parts do not count.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from tracker.calendar import BUNDLED, ProductionCalendar
from tracker.models import Deadline, DeadlineKind, Order, Recurrence, Status
from tracker.recurrence import control_points

DONE, WITHDRAWN, OPEN = "исполнено", "снято с контроля", "на исполнении"
ON_TIME, LATE, OVERDUE, PENDING = "в срок", "с нарушением срока", "просрочено", "срок не наступил"


@dataclass(slots=True)
class Part:
    """One executor's part of an order as the figures see it."""

    executor_id: str
    done_on: date | None = None  # a dated order: the day this part was accepted
    points: dict[date, date] = field(default_factory=dict)  # recurring: period's point -> accepted on
    withdrawn: bool = False  # this executor's part was withdrawn from control: it does not count


@dataclass(slots=True)
class Item:
    """One order as the figures see it.

    `responsible` is a shorthand for parts: (executor id, the day its part was accepted)."""

    responsible: list[tuple[str, date | None]] = field(default_factory=list)
    due: date | None = None  # a dated order's date (after extensions)
    withdrawn: bool = False  # withdrawn, on `withdrawn_on` (None: the day is not known — before any period)
    recurring: Deadline | None = None  # a recurring order's deadline: its points are the periods'
    closed_points: dict[date, date] = field(default_factory=dict)  # the order's accepted points -> accepted on
    parts: list[Part] = field(default_factory=list)
    order_id: str = ""
    done_on: date | None = None  # the order accepted as a whole (an order without executors)
    withdrawn_on: date | None = None
    permanent: bool = False  # «постоянно»: listed, never overdue, not in Kо
    norm: bool = False  # a posting norm: not a deadline, no points

    def __post_init__(self) -> None:
        if self.responsible and not self.parts:
            self.parts = [Part(executor_id, done_on) for executor_id, done_on in self.responsible]


def order_item(order: Order, withdrawn_on: date | None = None) -> Item:
    """An order as the figures see it; `withdrawn_on`: the day from its history when the record
    keeps none (older records)."""
    deadline = order.deadline
    recurring = deadline if deadline.kind == DeadlineKind.RECURRING else None
    withdrawn = order.status == Status.WITHDRAWN
    return Item(
        order_id=order.id, due=None if recurring else deadline.due, recurring=recurring,
        closed_points={p.due: p.done_at for p in order.closed_points},
        parts=[Part(a.executor_id, a.done_at, {p.due: p.done_at for p in a.closed_points},
                    a.status == Status.WITHDRAWN) for a in order.assignments],
        done_on=order.done_at if order.status == Status.DONE else None,
        withdrawn=withdrawn, withdrawn_on=(order.withdrawn_on or withdrawn_on) if withdrawn else None,
    )


@dataclass(slots=True)
class Share:
    """One executor's share of a control point."""

    executor_id: str
    state: str  # ON_TIME | LATE | OVERDUE | PENDING
    done_on: date | None = None


@dataclass(slots=True)
class ControlPoint:
    """One control point: a dated order, or one period of a recurring order."""

    order_id: str
    due: date | None
    state: str  # DONE | WITHDRAWN | OPEN
    closed_on: date | None = None  # accepted (the last share) or withdrawn on
    overdue: bool = False
    days_overdue: int = 0
    permanent: bool = False
    shares: list[Share] = field(default_factory=list)

    @property
    def on_time(self) -> bool:
        return self.state == DONE and (self.due is None or (self.closed_on is not None and self.closed_on <= self.due))

    @property
    def late_executors(self) -> list[str]:
        """Executor ids of the shares overdue (every share's when none is marked; [] with nobody named)."""
        return [s.executor_id for s in self.shares if s.state == OVERDUE] or [s.executor_id for s in self.shares]


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date
    today: date

    @property
    def as_of(self) -> date:
        """The day the state is taken on: today, or the period's end if it is over."""
        return min(self.today, self.end)

    @property
    def overdue_before(self) -> date:
        """A date before this day has passed: today, or the day after a finished period."""
        return self.today if self.today <= self.end else self.end + timedelta(days=1)

    def within(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.as_of

    def known(self, day: date | None) -> date | None:
        """The day if it had come by the period's end (later events are not yet known then)."""
        return day if day is not None and day <= self.as_of else None


def _is_permanent(item: Item) -> bool:
    if item.permanent:
        return True
    deadline = item.recurring
    return (deadline is not None and deadline.recurrence == Recurrence.PERMANENT
            and not deadline.review_every_days)


def _point(item: Item, due: date | None, period: Period, share_days: list[tuple[str, date | None]],
           whole: date | None = None, withdrawn_on: date | None = None, permanent: bool = False) -> ControlPoint:
    """A point with its shares; `whole`: the day the order (or this period of it) was accepted as a whole."""
    shares: list[Share] = []
    if withdrawn_on is None:
        for executor_id, done_on in share_days:
            if done_on is not None:
                state = ON_TIME if due is None or done_on <= due else LATE
            elif due is not None and due < period.overdue_before and not permanent:
                state = OVERDUE
            else:
                state = PENDING
            shares.append(Share(executor_id, state, done_on))
    done_days = [s.done_on for s in shares]
    if withdrawn_on is not None:
        state, closed = WITHDRAWN, withdrawn_on
    elif permanent:
        state, closed = OPEN, None
    elif shares and all(d is not None for d in done_days):
        state, closed = DONE, max(d for d in done_days if d is not None)
    elif not shares and whole is not None:
        state, closed = DONE, whole
    else:
        state, closed = OPEN, None
    overdue = state == OPEN and not permanent and due is not None and due < period.overdue_before
    days = (period.overdue_before - due).days if overdue and due is not None else 0
    return ControlPoint(item.order_id, due, state, closed, overdue, days, permanent, shares)


def period_points(item: Item, start: date, end: date, today: date,
                  calendar: ProductionCalendar = BUNDLED) -> list[ControlPoint]:
    """The order's control points of [start, end] as of `today` (none when it has nothing to do with it)."""
    period = Period(start, end, today)
    if item.withdrawn and item.withdrawn_on is None:
        return []  # withdrawn on a day not known: before any period
    withdrawn_on = period.known(item.withdrawn_on)
    if withdrawn_on is not None and withdrawn_on < period.start:
        return []
    if item.norm or (item.recurring is not None and item.recurring.norm):
        return []  # a posting norm is not a deadline
    parts = [p for p in item.parts if not p.withdrawn]
    if _is_permanent(item):
        return [_point(item, None, period, [(p.executor_id, None) for p in parts], None, withdrawn_on,
                       permanent=True)]
    if item.recurring is not None and item.recurring.kind == DeadlineKind.RECURRING:
        return _recurring_points(item, item.recurring, parts, period, withdrawn_on, calendar)
    whole = period.known(item.done_on)
    point = _point(item, item.due, period, [(p.executor_id, period.known(p.done_on) or whole) for p in parts],
                   whole, withdrawn_on)
    if point.state == DONE and point.closed_on is not None and point.closed_on < period.start:
        return []  # done before the period
    if withdrawn_on is None and point.state != DONE and (item.due is None or item.due > period.end):
        return []  # not due in the period, nor closed within it
    return [point]


def _recurring_points(item: Item, deadline: Deadline, parts: list[Part], period: Period,
                      withdrawn_on: date | None, calendar: ProductionCalendar) -> list[ControlPoint]:
    points: list[ControlPoint] = []
    parts = [_settled(part, deadline, item.closed_points, calendar) for part in parts]
    for due in control_points(deadline, deadline.covered_until, calendar):
        whole = period.known(item.closed_points.get(due))
        share_days = [(p.executor_id, period.known(p.points.get(due)) or whole) for p in parts]
        done = whole is not None or bool(parts) and all(d is not None for _e, d in share_days)
        if withdrawn_on is not None and not done:
            # withdrawn within the period: its first open period ends there, as one withdrawn point
            points.append(_point(item, due, period, share_days, whole, withdrawn_on))
            break
        if due > period.end:
            break
        point = _point(item, due, period, share_days, whole)
        if point.state == DONE and point.closed_on is not None and point.closed_on < period.start:
            continue  # closed before the period
        points.append(point)
    return points


def _settled(part: Part, deadline: Deadline, closed: dict[date, date], calendar: ProductionCalendar) -> Part:
    """A part of a recurring order accepted under the older rule (done, waiting for the others)
    was accepted for its earliest open period, as tracker.statuses settles it on the next change."""
    if part.done_on is None:
        return part
    for due in control_points(deadline, deadline.covered_until, calendar):
        if due not in closed and due not in part.points:
            return Part(part.executor_id, None, {**part.points, due: part.done_on}, part.withdrawn)
    return part


def overdue_points(item: Item, today: date, calendar: ProductionCalendar = BUNDLED) -> list[ControlPoint]:
    """The order's control points overdue today (a recurring order: every missed period)."""
    return [p for p in period_points(item, date.min, today, today, calendar) if p.overdue]


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

    def add(self, state: str) -> None:
        if state == ON_TIME:
            self.done_on_time += 1
        elif state == LATE:
            self.done_late += 1
        elif state == OVERDUE:
            self.overdue_now += 1
        else:
            return
        self.due += 1


def figures_of(points: Iterable[ControlPoint]) -> dict[str, Figures]:
    """Kо figures per executor id over the points' shares ("" for an overdue point nobody is named in):
    every executor with a point in the period has figures, zero while none of its points came due."""
    figures: dict[str, Figures] = {}
    for point in points:
        if point.permanent or point.state == WITHDRAWN:
            continue
        if point.overdue and not point.shares:
            figures.setdefault("", Figures()).add(OVERDUE)
        for share in point.shares:  # a share not yet due gives its executor a row (Kо «—» while nothing came due)
            figures.setdefault(share.executor_id, Figures()).add(share.state)
    return figures


def tally(items: Iterable[Item], start: date, end: date, today: date,
          calendar: ProductionCalendar = BUNDLED) -> dict[str, Figures]:
    """Figures per executor id for the control points of [start, end]."""
    return figures_of(point for item in items for point in period_points(item, start, end, today, calendar))
