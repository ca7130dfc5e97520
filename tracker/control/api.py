"""The control feature's contract: the view records it returns and the Protocols at its seams.

`ControlServiceAPI` is what the desk (and drafting) call; tracker.control.service.ControlService
implements it and `tracker.root.compose(db)` builds one. `OrderQueries` is the read model behind
it (the in-memory index on a file, tracker.control.sql_queries on the server). Every method raises only TrackerError subclasses
with Russian messages: storage errors are translated at the service boundary.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from tracker.amendments import AmendedAct
from tracker.models import Act, Executor, Order, Status

if TYPE_CHECKING:
    from tracker.executors import Directory


Day = date  # a name the dataclass field `date` of ImportPreview does not shadow


class SortKey(StrEnum):
    DEADLINE = "deadline"
    URGENCY = "urgency"  # overdue first, then fewest days left
    NUMBER = "number"


@dataclass(slots=True)
class OrderFilter:
    text: str | None = None  # substring of the order text, act title or executor (case-insensitive)
    executor_id: str | None = None
    act_id: str | None = None
    statuses: set[Status] | None = None  # None = all
    overdue: bool = False
    due_within_days: int | None = None  # due from today up to today + N
    due_from: date | None = None
    due_to: date | None = None
    include_closed: bool = True  # done and withdrawn too
    sort: SortKey = SortKey.DEADLINE
    needs_date: bool = False  # only relative terms whose event date is not entered («нужна дата»)
    permanent: bool = False  # only «постоянно» orders (periodic reports list them apart)


@dataclass(frozen=True, slots=True)
class PartState:
    """One executor's part of an order as lists, exports and reports show it."""

    executor_id: str
    name: str
    coexecutor: bool
    status: Status

    def label(self) -> str:
        """«Минобразования (соисполнитель): на исполнении»."""
        return f"{self.name}{' (соисполнитель)' if self.coexecutor else ''}: {self.status}"


@dataclass(slots=True)
class OrderRow:
    """One line of the orders table: flat, cheap, ready to show."""

    id: str
    act_label: str  # «Постановление № 1611-п от 30.06.2023»
    number: str
    executors: str  # «Минобразования; Минздрав»
    due: date | None
    deadline_text: str  # «31.08.2023», «ежеквартально», «в течение 3 рабочих дней ...», «—»
    days_left: int | None  # negative when overdue
    status: Status
    overdue: bool
    text: str  # first ~200 chars of the order's text
    parts: tuple[PartState, ...] = ()  # every executor (co-executors too) with the state of its part
    needs_date: bool = False  # a relative term waiting for its event date
    permanent: bool = False  # «постоянно»: never overdue
    overdue_points: int = 0  # control points overdue today (tracker.discipline.overdue_points): a recurring
    # order's every missed period; what the dashboard's «просрочено» and the execution report count

    @property
    def executor_states(self) -> str:
        """«Управление …: исполнено; Диалог (соисполнитель): на исполнении»."""
        return "; ".join(p.label() for p in self.parts) or self.executors


@dataclass(slots=True)
class OrdersPage:
    rows: list[OrderRow]
    total: int  # matching the filter, before offset/limit


@dataclass(slots=True)
class CountByExecutor:
    executor_id: str
    name: str
    count: int


@dataclass(slots=True)
class Dashboard:
    today: date
    on_control: int
    overdue: int  # overdue control points
    due_within_7: int
    done_this_month: int
    overdue_by_executor: list[CountByExecutor]
    next_deadlines: list[OrderRow]
    needs_date: int = 0  # relative terms waiting for the clerk to enter their event date
    # `overdue` counts control points (a recurring order's every missed period, as the execution
    # report does); this counts the orders they belong to (what `orders --overdue` lists)
    overdue_orders: int = 0


@dataclass(slots=True)
class OrderCard:
    """Everything the order's card shows."""

    order: Order
    act: Act
    overdue: bool
    days_left: int | None
    next_due: date | None  # for recurring orders: the earliest control point not yet accepted
    source_passage: tuple[int, int] | None  # span in act.text to highlight
    missed_points: list[date] = field(default_factory=list)  # recurring: points passed and not accepted
    needs_date: bool = False  # a relative term waiting for its event date


@dataclass(slots=True)
class DisciplineRow:
    """Discipline figures per executor for a period; Kо = done_on_time / due."""

    executor_id: str
    name: str
    due: int
    done_on_time: int
    done_late: int
    overdue_now: int
    ko: float | None


@dataclass(slots=True)
class DraftOrder:
    """An extracted order under review; the clerk may edit any field before commit."""

    number: str
    text: str
    parent: str | None = None
    span: tuple[int, int] | None = None
    responsible: list[str] = field(default_factory=list)  # as written
    responsible_names: list[str] = field(default_factory=list)  # nominative / directory names
    persons: list[str | None] = field(default_factory=list)
    coexecutors: list[str] = field(default_factory=list)
    coexecutor_persons: list[str | None] = field(default_factory=list)  # their officials, as parse found them
    deadline_text: str | None = None
    due: date | None = None
    recurrence: str | None = None
    relative: str | None = None
    confidence: float = 0.0
    keep: bool = True  # False: the clerk dropped it as a false order
    read_confidence: float | None = None  # OCR: how well its lines of a scan were read (None: typed text)
    poorly_read: bool = False  # OCR: some of its lines were read poorly; the clerk checks them
    unsure: list[str] = field(default_factory=list)  # fields to check: the rules doubt them or a scan read them poorly
    quoted: bool = False  # an item in quoted new wording of another act (an amendment), not this act's own


@dataclass(slots=True)
class ImportPreview:
    """What an import found in one file, before anything is stored."""

    source: str
    error: str | None
    kind: str | None
    number: str | None
    date: date | None
    issuer: str | None
    title: str | None
    text: str
    orders: list[DraftOrder]
    warnings: list[str]
    duplicate_of: str | None = None  # act id: the very same file was imported already
    new_version_of: str | None = None  # act id: same act (kind, number, date, issuer), changed file
    sha256: str = ""
    format: str | None = None
    controller: str | None = None
    signatory: str | None = None
    amends: list[str] = field(default_factory=list)  # acts it amends, as written
    poorly_read: list[tuple[int, int, float]] = field(default_factory=list)  # OCR: spans of doubtful lines
    unsure: list[str] = field(default_factory=list)  # act details the rules are not sure of: kind, number, date ...
    amended_acts: list[AmendedAct] = field(default_factory=list)  # the same, as kind/number/date
    repealed: list[str] = field(default_factory=list)  # items of the amended act it repeals
    amendment_lines: list[str] = field(default_factory=list)  # «изменяет акт …: пункт 2 — новая редакция»
    since: Day | None = None  # control points start here (catching up history); None: the import day


@dataclass(slots=True)
class ImportOutcome:
    source: str
    act_id: str | None
    added_orders: int
    status: str  # «добавлен», «уже загружен», «новая редакция», «пропущен», «ошибка»
    message: str
    changes: list[str] = field(default_factory=list)  # for a new version: what changed


@dataclass(slots=True)
class ImportProgress:
    done: int
    total: int
    source: str
    preview: ImportPreview | None = None


# Called as the pages of a scan are recognised: the file, pages done, pages in all.
PageProgress = Callable[[str, int, int], None]


class ControlServiceAPI(Protocol):
    # -- import -----------------------------------------------------------------
    def preview_file(self, path: Path, on_page: PageProgress | None = None,
                     cancel: threading.Event | None = None) -> ImportPreview: ...
    def preview_files(self, paths: list[Path], on_page: PageProgress | None = None,
                      cancel: threading.Event | None = None) -> Iterator[ImportProgress]:
        """Parse many files (a directory is expanded); yields progress, one per file. No storage.
        A scan's recognised pages are reported to `on_page`; setting `cancel` stops the parsing."""
        ...
    def commit_import(self, preview: ImportPreview) -> ImportOutcome:
        """Put the (possibly corrected) orders on control; learns corrected executor names."""
        ...

    # -- reading ----------------------------------------------------------------
    def dashboard(self, today: date | None = None) -> Dashboard: ...
    def list_orders(self, flt: OrderFilter, offset: int = 0, limit: int | None = 200,
                    today: date | None = None) -> OrdersPage: ...
    def order_card(self, order_id: str, today: date | None = None) -> OrderCard: ...
    def order_texts(self, order_ids: list[str]) -> dict[str, str]:
        """Full texts of these orders (a list row keeps the first 200 characters): for exports."""
        ...
    def acts(self) -> list[Act]: ...
    def executors(self) -> list[Executor]: ...
    def discipline(self, start: date, end: date, today: date | None = None) -> list[DisciplineRow]: ...

    # -- changes (each appends history: when, who, what, why) --------------------
    def report_received(self, order_id: str, executor_id: str | None = None, text: str = "",
                        when: date | None = None) -> Order: ...
    def accept(self, order_id: str, executor_id: str | None = None, when: date | None = None,
               point: date | None = None) -> Order:
        """Accept `executor_id`'s part (every reported part when None); `point`: the period it closes."""
        ...
    def return_for_rework(self, order_id: str, reason: str, executor_id: str | None = None) -> Order: ...
    def extend(self, order_id: str, new_date: date, reason: str, basis: str | None = None) -> Order: ...
    def withdraw(self, order_id: str, reason: str, executor_id: str | None = None) -> Order:
        """Withdraw the order, or only `executor_id`'s part (it then stops counting for the status)."""
        ...
    def comment(self, order_id: str, text: str) -> Order: ...
    def anchor_relative(self, order_id: str, event: date) -> Order:
        """Enter the event date of a relative term; the due date follows on the production calendar."""
        ...
    def create_order(self, act_id: str | None, number: str, text: str, responsible: list[str],
                     due: date | None = None, deadline_text: str | None = None) -> Order:
        """A control point entered by hand or made by the registry («сообщить в ЦУР»)."""
        ...
    def rename_executor(self, executor_id: str, name: str, alias: str | None = None) -> Executor: ...
    def add_executor(self, name: str) -> Executor:
        """An organisation entered before any of its orders (an исполнитель's account needs one);
        the one the directory already knows by this name, if any."""
        ...


class OrderQueries(Protocol):
    """The read model of orders: what lists, filters and figures are answered from.

    The in-memory index (tracker.control.index.OrderIndex) implements it over any Store;
    tracker.control.sql_queries.SqlOrderQueries implements it in SQL on PostgreSQL (tracker.root
    picks by the store). Both sort ties by the order id, so both give the same pages. Besides the queries it is told of every
    change the commands and the importer make, so it never has to re-read what they wrote."""

    directory: Directory

    # -- queries --------------------------------------------------------------------------
    def refresh(self) -> bool:
        """Pick up changes made by another process; True if anything changed."""
        ...
    def list_orders(self, flt: OrderFilter, offset: int, limit: int | None, today: date) -> OrdersPage: ...
    def dashboard(self, today: date) -> Dashboard: ...
    def discipline(self, start: date, end: date, today: date) -> list[DisciplineRow]: ...
    def act_orders_count(self) -> dict[str, int]: ...
    def resolve_order_id(self, ref: str) -> str: ...
    def has_act(self, act_id: str) -> bool: ...
    def act_by_hash(self, sha256: str) -> str | None: ...
    def act_by_key(self, key: str) -> str | None: ...
    def act_label(self, act_id: str) -> str: ...
    def order_ids_of_act(self, act_id: str) -> list[str]: ...
    def act_by_ref(self, key: str) -> str | None:
        """The act on control with this amendments.ref_key (kind, number, date)."""
        ...
    def order_numbers_of_act(self, act_id: str) -> dict[str, str]:
        """The act's orders: item number -> order id."""
        ...
    def executor_name(self, executor_id: str) -> str: ...

    # -- told of changes ------------------------------------------------------------------
    def remember_act(self, raw: dict) -> None:
        """A stored act record: learn its label, key and hashes."""
        ...
    def put(self, raw: dict) -> None:
        """A stored order record: replace its row."""
        ...
    def reload(self) -> None:
        """The store rolled back or changed wholesale: rebuild everything from it."""
        ...
