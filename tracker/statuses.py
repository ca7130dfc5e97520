"""Status rules of control: what may follow what, per executor and for the whole order.

на исполнении → отчёт представлен (на приёмке) → исполнено, or → на доработке → отчёт
представлен again; снято с контроля (with a reason) from any open state. With several
responsible executors each reports and is accepted separately; the order is done when all
of them are. A recurring order closes its current control point instead and stays on
control. «Просрочено» is derived from the deadline and today, never stored.
"""
from __future__ import annotations

from datetime import date

from tracker.calendar import BUNDLED, ProductionCalendar
from tracker.deadlines import current_due
from tracker.errors import InvalidTransitionError, ValidationError
from tracker.models import (
    Assignment,
    ClosedPoint,
    DeadlineKind,
    ExecutorRole,
    Order,
    Status,
)
from tracker.recurrence import next_point

OPEN = frozenset({Status.ON_CONTROL, Status.REPORTED, Status.REWORK})
CLOSED = frozenset({Status.DONE, Status.WITHDRAWN})

# action -> (allowed from, resulting status)
TRANSITIONS: dict[str, tuple[frozenset[Status], Status]] = {
    "report": (frozenset({Status.ON_CONTROL, Status.REWORK}), Status.REPORTED),
    "accept": (frozenset({Status.REPORTED}), Status.DONE),
    "return": (frozenset({Status.REPORTED}), Status.REWORK),
}
ACTION_WORDS = {"report": "отметить отчёт", "accept": "принять исполнение", "return": "вернуть на доработку"}


def is_open(status: Status) -> bool:
    return status in OPEN


def responsible(order: Order) -> list[Assignment]:
    return [a for a in order.assignments if a.role == ExecutorRole.RESPONSIBLE]


def derive_status(order: Order) -> Status:
    """The order's status from its executors' statuses (the stored one where there are none)."""
    if order.status == Status.WITHDRAWN:
        return Status.WITHDRAWN
    parts = responsible(order)
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


def is_overdue(order: Order, today: date, calendar: ProductionCalendar = BUNDLED) -> bool:
    """Open and its current deadline (or control point) is before today."""
    if not is_open(order.status):
        return False
    due = current_due(order.deadline, calendar)
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
    chosen = [a for a in responsible(order) if a.status in allowed]
    if not chosen:
        states = ", ".join(sorted({str(a.status) for a in responsible(order)}))
        raise InvalidTransitionError(f"Нельзя {ACTION_WORDS[action]}: статус исполнителей — {states}.")
    return chosen


def _check_open(order: Order, action: str) -> None:
    if order.status in CLOSED:
        raise InvalidTransitionError(
            f"Нельзя {ACTION_WORDS.get(action, action)}: поручение {order.number} уже «{order.status}»."
        )


def apply(order: Order, action: str, when: date, executor_id: str | None = None,
          text: str = "", calendar: ProductionCalendar = BUNDLED) -> str:
    """Apply report / accept / return; returns the Russian line for the history."""
    _check_open(order, action)
    if action == "return" and not text.strip():
        raise ValidationError("Укажите, что нужно доработать (причину возврата).")
    allowed, result = TRANSITIONS[action]
    if not responsible(order) and executor_id is None:
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
            order.done_at = max((a.done_at for a in responsible(order) if a.done_at), default=when)
    line = {
        "report": f"Отчёт представлен ({names})",
        "accept": f"Исполнение принято ({names})",
        "return": f"Возвращено на доработку ({names})",
    }[action]
    if order.status == Status.DONE and order.deadline.kind == DeadlineKind.RECURRING:
        line += _close_point(order, when, calendar)
    elif order.status == Status.DONE:
        line += "; поручение исполнено"
    return line


def _close_point(order: Order, when: date, calendar: ProductionCalendar) -> str:
    point = next_point(order.deadline, calendar)
    if point is None:
        return "; поручение исполнено"
    order.closed_points.append(ClosedPoint(due=point, done_at=when))
    order.deadline.covered_until = point
    order.status = Status.ON_CONTROL
    order.done_at = None
    for part in order.assignments:
        part.status, part.reported_at, part.done_at = Status.ON_CONTROL, None, None
    following = next_point(order.deadline, calendar)
    tail = f"; следующая {following:%d.%m.%Y}" if following else ""
    return f"; контрольная точка {point:%d.%m.%Y} закрыта{tail}"


def withdraw(order: Order, reason: str) -> str:
    _check_open(order, "снять с контроля")
    if not reason or not reason.strip():
        raise ValidationError("Укажите причину снятия с контроля.")
    order.status = Status.WITHDRAWN
    order.withdrawn_reason = reason.strip()
    return f"Снято с контроля: {reason.strip()}"
