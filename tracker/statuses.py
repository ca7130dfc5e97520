"""Status rules of control: what may follow what, per executor and for the whole order.

на исполнении → отчёт представлен (на приёмке) → исполнено, or → на доработке → отчёт
представлен again; снято с контроля (with a reason) from any open state.

Each executor — responsible or co-executor — reports and is accepted separately; derive_status
is the one rule for the order's own status, written for the clerk in tracker.rules.STATUS_RULE
(quoted by the CLI's --help, the desk's F1 screen and the README). A report from an executor
whose part is open is never refused, whatever the others' state. A recurring order's acceptance
closes one period per accepted executor (Assignment.closed_points: the named one, or that
executor's earliest open one); the order's control point closes when every tracked part has it
(Order.closed_points), and the order stays on control. «Просрочено» is derived from the
deadline and today, never stored.
"""
from __future__ import annotations

from collections.abc import Collection
from datetime import date
from itertools import islice, takewhile

from tracker.calendar import BUNDLED, ProductionCalendar
from tracker.deadlines import current_due
from tracker.errors import InvalidTransitionError, ValidationError
from tracker.models import (
    Assignment,
    ClosedPoint,
    Deadline,
    DeadlineKind,
    ExecutorRole,
    Order,
    Status,
)
from tracker.recurrence import control_points, next_point

OPEN = frozenset({Status.ON_CONTROL, Status.REPORTED, Status.REWORK})
CLOSED = frozenset({Status.DONE, Status.WITHDRAWN})

# action -> (allowed from, resulting status)
TRANSITIONS: dict[str, tuple[frozenset[Status], Status]] = {
    # a part that reported already may report again (the newer report stands): no valid report is refused
    "report": (frozenset({Status.ON_CONTROL, Status.REWORK, Status.REPORTED}), Status.REPORTED),
    "accept": (frozenset({Status.REPORTED}), Status.DONE),
    "return": (frozenset({Status.REPORTED}), Status.REWORK),
}
ACTION_WORDS = {"report": "отметить отчёт", "accept": "принять исполнение", "return": "вернуть на доработку"}


def is_open(status: Status) -> bool:
    return status in OPEN


def responsible(order: Order) -> list[Assignment]:
    return [a for a in order.assignments if a.role == ExecutorRole.RESPONSIBLE]


def tracked(order: Order) -> list[Assignment]:
    """The parts the order's status follows: every executor's, but those withdrawn from control."""
    return [a for a in order.assignments if a.status != Status.WITHDRAWN]


def derive_status(order: Order) -> Status:
    """The order's status by STATUS_RULE (the stored one where no part is tracked)."""
    if order.status == Status.WITHDRAWN:
        return Status.WITHDRAWN
    parts = tracked(order)
    if not parts:
        return order.status
    states = {a.status for a in parts}
    if states == {Status.DONE}:
        return Status.DONE
    if Status.REWORK in states:
        return Status.REWORK
    if states <= {Status.REPORTED, Status.DONE}:
        return Status.REPORTED
    return Status.ON_CONTROL


def closed_dates(order: Order) -> frozenset[date]:
    return frozenset(p.due for p in order.closed_points)


def order_due(order: Order, calendar: ProductionCalendar = BUNDLED) -> date | None:
    """The order's date now: its deadline, or its earliest control point not yet accepted."""
    return current_due(order.deadline, calendar, closed_dates(order))


def is_overdue(order: Order, today: date, calendar: ProductionCalendar = BUNDLED) -> bool:
    """Open and its current deadline (or earliest open control point) is before today."""
    if not is_open(order.status):
        return False
    due = order_due(order, calendar)
    return due is not None and due < today


def _targets(order: Order, action: str, executor_id: str | None) -> list[Assignment]:
    allowed, _result = TRANSITIONS[action]
    if executor_id is not None:
        chosen = [a for a in order.assignments if a.executor_id == executor_id]
        if not chosen:
            raise ValidationError(f"У поручения {order.number} нет такого исполнителя.")
        bad = [a for a in chosen if a.status not in allowed]
        if bad:
            raise InvalidTransitionError(
                f"Нельзя {ACTION_WORDS[action]}: у исполнителя «{bad[0].as_written}» статус «{bad[0].status}»."
            )
        return chosen
    chosen = [a for a in tracked(order) if a.status in allowed]
    if not chosen:
        states = ", ".join(sorted({str(a.status) for a in tracked(order)}))
        raise InvalidTransitionError(f"Нельзя {ACTION_WORDS[action]}: статус исполнителей — {states}.")
    return chosen


def _check_open(order: Order, action: str, executor_id: str | None = None) -> None:
    if order.status == Status.DONE and executor_id is not None and any(
            a.executor_id == executor_id and a.status in OPEN for a in order.assignments):
        return  # an open part of an order closed by an older rule: its report is still valid
    if order.status in CLOSED:
        raise InvalidTransitionError(
            f"Нельзя {ACTION_WORDS.get(action, action)}: поручение {order.number} уже «{order.status}»."
        )


def has_points(order: Order) -> bool:
    """A recurring order whose periods are control points (not «постоянно» without review, not a norm)."""
    return order.deadline.kind == DeadlineKind.RECURRING and not order.deadline.norm and next(
        iter(control_points(order.deadline, order.deadline.covered_until)), None) is not None


def part_closed(order: Order, part: Assignment) -> frozenset[date]:
    """The periods closed for this executor: its own acceptances and the order's closed points."""
    return closed_dates(order) | {p.due for p in part.closed_points}


def apply(order: Order, action: str, when: date, executor_id: str | None = None,
          text: str = "", calendar: ProductionCalendar = BUNDLED, point: date | None = None) -> str:
    """Apply report / accept / return; returns the Russian line for the history.

    `point` (recurring orders, on accept): the period this acceptance closes for each accepted
    executor; by default each one's earliest open period. The order's own control point closes
    when every tracked executor's part has it."""
    _check_open(order, action, executor_id)
    if action == "return" and not text.strip():
        raise ValidationError("Укажите, что нужно доработать (причину возврата).")
    allowed, result = TRANSITIONS[action]
    periodic = has_points(order)
    if periodic:
        _settle_old_acceptances(order, calendar)
    if not tracked(order) and executor_id is None:
        if order.status not in allowed:
            raise InvalidTransitionError(
                f"Нельзя {ACTION_WORDS[action]}: поручение {order.number} в статусе «{order.status}»."
            )
        names = "поручение"
        order.status = result
        if result == Status.DONE:
            order.done_at = when
    else:
        chosen = _targets(order, action, executor_id)
        if action == "accept" and periodic:
            return _accept_periods(order, chosen, when, calendar, point)
        for part in chosen:
            part.status = result
            if action == "report":
                part.reported_at = when
                part.report = text.strip() or part.report
            elif action == "accept":
                part.done_at = when
            else:
                part.done_at = None
        names = "; ".join(a.as_written for a in chosen)
        order.status = derive_status(order)
        if order.status == Status.DONE:
            order.done_at = max((a.done_at for a in tracked(order) if a.done_at), default=when)
    line = {
        "report": f"Отчёт представлен ({names})",
        "accept": f"Исполнение принято ({names})",
        "return": f"Возвращено на доработку ({names})",
    }[action]
    if order.status == Status.DONE and order.deadline.kind == DeadlineKind.RECURRING:
        line += _close_point(order, when, calendar, point)
    elif order.status == Status.DONE:
        line += "; поручение исполнено"
    return line


def _period_of(order: Order, part: Assignment, chosen: date | None, calendar: ProductionCalendar) -> date | None:
    """The period an acceptance of `part` closes: the named one, or its earliest open one."""
    closed = part_closed(order, part)
    if chosen is None:
        return next_point(order.deadline, calendar, closed)
    if chosen in closed:
        raise ValidationError(f"Контрольная точка {chosen:%d.%m.%Y} уже закрыта для «{part.as_written}».")
    if chosen not in _points_until(order, chosen, calendar):
        raise ValidationError(f"У поручения {order.number} нет контрольной точки {chosen:%d.%m.%Y}.")
    return chosen


def _accept_periods(order: Order, chosen: list[Assignment], when: date, calendar: ProductionCalendar,
                    point: date | None) -> str:
    """Each accepted executor closes its period (and may report the next one at once); the order's
    point closes when every tracked part has closed it. A missed period stays open until accepted."""
    periods = [_period_of(order, part, point, calendar) for part in chosen]
    done: list[str] = []
    for part, period in zip(chosen, periods, strict=True):
        if period is None:
            continue
        part.closed_points.append(ClosedPoint(due=period, done_at=when, report=part.report))
        part.closed_points.sort(key=lambda p: p.due)
        part.status, part.reported_at, part.done_at, part.report = Status.ON_CONTROL, None, None, None
        done.append(f"{part.as_written} — за контрольную точку {period:%d.%m.%Y}")
    line = f"Исполнение принято ({'; '.join(done)})"
    closed_now = _close_completed(order)
    order.status = derive_status(order)
    order.done_at = None
    for period in closed_now:
        line += f"; контрольная точка {period:%d.%m.%Y} закрыта"
    following = next_point(order.deadline, calendar, closed_dates(order))
    if closed_now and following:
        line += f"; ближайшая открытая {following:%d.%m.%Y}"
    return line


def _close_completed(order: Order) -> list[date]:
    """Close the order's points every tracked part has accepted; the points closed now."""
    parts = tracked(order)
    closed_now: list[date] = []
    if not parts:
        return closed_now
    for period in sorted({c.due for a in parts for c in a.closed_points} - closed_dates(order)):
        own = [next((c for c in a.closed_points if c.due == period), None) for a in parts]
        found = [c for c in own if c is not None]
        if len(found) == len(own):
            reports = "; ".join(c.report for c in found if c.report)
            order.closed_points.append(ClosedPoint(due=period, done_at=max(c.done_at for c in found),
                                                   report=reports or None))
            closed_now.append(period)
    order.closed_points.sort(key=lambda p: p.due)
    return closed_now


def _settle_old_acceptances(order: Order, calendar: ProductionCalendar) -> None:
    """A part accepted under the older rule (status «исполнено» on a recurring order, waiting for
    the others) closed its earliest open period: record it so, and open the part for the next."""
    for part in order.assignments:
        if part.status == Status.DONE and part.done_at is not None:
            period = next_point(order.deadline, calendar, part_closed(order, part))
            if period is not None:
                part.closed_points.append(ClosedPoint(due=period, done_at=part.done_at, report=part.report))
            part.status, part.reported_at, part.done_at, part.report = Status.ON_CONTROL, None, None, None


def _close_point(order: Order, when: date, calendar: ProductionCalendar, chosen: date | None) -> str:
    closed = closed_dates(order)
    if chosen is not None:
        if chosen in closed:
            raise ValidationError(f"Контрольная точка {chosen:%d.%m.%Y} уже закрыта.")
        if chosen not in _points_until(order, chosen, calendar):
            raise ValidationError(f"У поручения {order.number} нет контрольной точки {chosen:%d.%m.%Y}.")
        point: date | None = chosen
    else:
        point = next_point(order.deadline, calendar, closed)
    if point is None:
        return "; поручение исполнено"
    reports = "; ".join(a.report for a in order.assignments if a.report)
    order.closed_points.append(ClosedPoint(due=point, done_at=when, report=reports or None))
    order.closed_points.sort(key=lambda p: p.due)
    order.status = Status.ON_CONTROL
    order.done_at = None
    for part in order.assignments:
        if part.status != Status.WITHDRAWN:
            part.status, part.reported_at, part.done_at, part.report = Status.ON_CONTROL, None, None, None
    following = next_point(order.deadline, calendar, closed_dates(order))
    tail = f"; ближайшая открытая {following:%d.%m.%Y}" if following else ""
    return f"; контрольная точка {point:%d.%m.%Y} закрыта{tail}"


def _points_until(order: Order, last: date, calendar: ProductionCalendar) -> Collection[date]:
    result = set()
    for point in control_points(order.deadline, order.deadline.covered_until, calendar):
        if point > last:
            break
        result.add(point)
    return result


def renumber_points(order: Order, old: Deadline, calendar: ProductionCalendar = BUNDLED) -> None:
    """After the clerk changes the day inside the period: each closed period stays closed,
    its point moved to the new rule's point of the same period (the n-th for the n-th)."""
    last = max(p.due for p in order.closed_points)
    old_points = list(takewhile(lambda p: p <= last, control_points(old, old.covered_until, calendar)))
    new_points = list(islice(control_points(order.deadline, order.deadline.covered_until, calendar), len(old_points)))
    moved = dict(zip(old_points, new_points, strict=False))
    for point in order.closed_points:
        point.due = moved.get(point.due, point.due)


def withdraw(order: Order, reason: str, executor_id: str | None = None, when: date | None = None) -> str:
    """Withdraw the order — or, with `executor_id`, only that executor's part — with a reason."""
    if not reason or not reason.strip():
        raise ValidationError("Укажите причину снятия с контроля.")
    if executor_id is not None:
        parts = [a for a in order.assignments if a.executor_id == executor_id]
        if not parts:
            raise ValidationError(f"У поручения {order.number} нет такого исполнителя.")
        if order.status == Status.WITHDRAWN:
            raise InvalidTransitionError(f"Поручение {order.number} уже снято с контроля.")
        for part in parts:
            part.status = Status.WITHDRAWN
        if order.deadline.kind == DeadlineKind.RECURRING:
            _close_completed(order)  # the others had all accepted a period: it closes now
        order.status = derive_status(order)
        return f"Снята с контроля часть исполнителя «{parts[0].as_written}»: {reason.strip()}"
    _check_open(order, "снять с контроля")
    order.status = Status.WITHDRAWN
    order.withdrawn_on = when
    order.withdrawn_reason = reason.strip()
    return f"Снято с контроля: {reason.strip()}"
