"""Domain records: acts, orders, executors, per-executor execution, deadlines, history.

Small typed dataclasses with enums for closed sets. Persisted through tracker.control.records
(to/from db records); nothing here knows about storage.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Status(StrEnum):
    """Control statuses of an order and of each executor's part of it.

    «Просрочено» is never stored: it is derived from the deadline and today.
    """

    ON_CONTROL = "на исполнении"
    REPORTED = "отчёт представлен"  # на приёмке
    REWORK = "на доработке"
    DONE = "исполнено"
    WITHDRAWN = "снято с контроля"


class DeadlineKind(StrEnum):
    DATE = "date"
    RECURRING = "recurring"
    RELATIVE = "relative"
    NONE = "none"


class Recurrence(StrEnum):
    PERMANENT = "постоянно"
    DAILY = "ежедневно"
    WEEKLY = "еженедельно"
    MONTHLY = "ежемесячно"
    QUARTERLY = "ежеквартально"
    HALF_YEARLY = "раз в полгода"
    YEARLY = "ежегодно"


class ExecutorRole(StrEnum):
    RESPONSIBLE = "responsible"
    COEXECUTOR = "coexecutor"


@dataclass(slots=True)
class Deadline:
    kind: DeadlineKind = DeadlineKind.NONE
    text: str | None = None  # always the original words when the act had any
    due: date | None = None  # computed date where there is one (DATE; RELATIVE once anchored)
    recurrence: Recurrence | None = None
    relative: str | None = None  # «в течение 3 рабочих дней с даты создания»
    relative_days: int | None = None
    relative_working: bool = False
    relative_months: int | None = None  # a term in months: ends on the same day of the month (Civil Code art. 192)
    anchor: date | None = None  # the event date the clerk entered for a relative term
    review_every_days: int | None = None  # «постоянно»: periodic review set by the clerk
    start: date | None = None  # RECURRING: control points start from here (the act's date)
    point_day: int | None = None  # RECURRING: day of the month of a period's point (weekday 1..7 for weekly)
    covered_until: date | None = None  # RECURRING, old records: every point up to here was closed
    point_offset: int | None = None  # RECURRING: the point's month after the period's last (None: 1 with point_day)
    norm: bool = False  # a posting norm («не менее 3 материалов в неделю»): no control points, never overdue


@dataclass(slots=True)
class ClosedPoint:
    """A control point of a recurring order that was reported and accepted."""

    due: date
    done_at: date
    report: str | None = None  # what was reported for this period


@dataclass(slots=True)
class Executor:
    """A body or an official in the directory; aliases make spellings one executor."""

    id: str
    name: str  # canonical nominative name
    aliases: list[str] = field(default_factory=list)
    person: str | None = None  # head / contact official, nominative
    kind: str | None = None  # орган власти | подведомственное учреждение | ОМСУ | лицо | ...


@dataclass(slots=True)
class HistoryEntry:
    at: datetime
    who: str
    action: str  # created | status | extend | report | comment | edit | version | withdraw ...
    what: str  # human-readable Russian description of the change
    why: str | None = None
    data: dict = field(default_factory=dict)  # machine-readable details (old/new values)


@dataclass(slots=True)
class Extension:
    old: date | None
    new: date
    reason: str
    basis: str | None  # basis document («письмо от 01.10.2026 № 12-345»)
    at: datetime
    who: str


@dataclass(slots=True)
class Assignment:
    """One executor's part of an order: each reports separately."""

    executor_id: str
    as_written: str
    role: ExecutorRole = ExecutorRole.RESPONSIBLE
    person: str | None = None
    status: Status = Status.ON_CONTROL
    reported_at: date | None = None
    done_at: date | None = None
    report: str | None = None
    # recurring orders: the periods this executor's part was accepted for (point -> accepted on);
    # the order's own point closes when every tracked part has it (Order.closed_points)
    closed_points: list[ClosedPoint] = field(default_factory=list)


@dataclass(slots=True)
class Order:
    id: str
    act_id: str
    number: str
    text: str
    parent: str | None = None
    span: tuple[int, int] | None = None
    deadline: Deadline = field(default_factory=Deadline)
    assignments: list[Assignment] = field(default_factory=list)
    status: Status = Status.ON_CONTROL
    done_at: date | None = None
    withdrawn_reason: str | None = None
    withdrawn_on: date | None = None  # the day it was withdrawn (older records: only in the history)
    extensions: list[Extension] = field(default_factory=list)
    history: list[HistoryEntry] = field(default_factory=list)  # loaded for the card; stored apart
    confidence: float = 1.0
    closed_points: list[ClosedPoint] = field(default_factory=list)
    created: date | None = None
    rev: int | None = None  # the store's revision when loaded (optimistic concurrency)


@dataclass(slots=True)
class ActVersion:
    version: int
    source: str
    sha256: str
    imported_at: datetime
    who: str
    changes: list[str] = field(default_factory=list)  # Russian lines: what changed from the previous


@dataclass(slots=True)
class Act:
    id: str
    kind: str | None
    number: str | None
    date: date | None
    issuer: str | None
    title: str | None
    text: str = ""  # the act's text; order spans point into it
    format: str | None = None
    controller: str | None = None
    signatory: str | None = None
    amends: list[str] = field(default_factory=list)
    versions: list[ActVersion] = field(default_factory=list)
    rev: int | None = None
