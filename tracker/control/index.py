"""OrderIndex: the in-memory read model of orders (the OrderQueries of tracker.control.api).

Reads are served from light in-memory rows (one per order, decoded by records.order_row) built
once when the index opens and kept up to date on every change the commands and the importer
report (put, remember_act); when another process changed the database (Store.refresh() says so)
the rows are rebuilt. So filtering 100,000 orders on every keystroke never re-reads the table.
"""
from __future__ import annotations

import gc
import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from itertools import compress, repeat
from operator import contains

from db.api import Store
from tracker.amendments import ref_key
from tracker.calendar import ProductionCalendar
from tracker.control.api import (
    CountByExecutor,
    Dashboard,
    DisciplineRow,
    OrderFilter,
    OrderRow,
    OrdersPage,
    PartState,
    SortKey,
)
from tracker.control.records import (
    ACTS,
    EXECUTORS,
    NO_DUE,
    ORDERS,
    IndexRow,
    act_label,
    executor_from_record,
    fold,
    order_row,
    s2d,
)
from tracker.discipline import Item, Part, figures_of, overdue_points, period_points
from tracker.errors import NotFoundError, ValidationError
from tracker.executors import Directory
from tracker.models import Status
from tracker.statuses import OPEN


class OrderIndex:
    """Implements tracker.control.api.OrderQueries in memory over a db Store."""

    def __init__(self, store: Store, calendar: ProductionCalendar) -> None:
        self.store = store
        self.calendar = calendar
        self._version = 0
        self.reload()

    # -- building ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Rebuild everything from the store (opening, another process's change, a rollback)."""
        with _gc_paused():
            self._load_all()

    def _load_all(self) -> None:
        self._acts: dict[str, dict] = {}
        self._act_labels: dict[str, str] = {}
        self._act_keys: dict[str, str] = {}
        self._hashes: dict[str, str] = {}
        self._refs: dict[str, str] = {}
        for raw in self.store.table(ACTS).all():
            self.remember_act(raw)
        self.directory = Directory([executor_from_record(r) for r in self.store.table(EXECUTORS).all()])
        self._rows: dict[str, IndexRow] = {}
        rows = self._rows
        labels, name, calendar = self._act_labels, self.executor_name, self.calendar

        def visit(raw: dict) -> bool:  # reads only: builds the row, keeps no reference to `raw`
            rows[raw["id"]] = order_row(raw, labels, name, calendar)
            return False

        # filter() shows each stored record to the predicate without copying it, and copies
        # only the matches (none here): opening 100,000 orders skips 100,000 deep copies.
        self.store.table(ORDERS).filter(visit)
        self._sorted: dict[SortKey, tuple[list[IndexRow], list[str]]] = {}  # rows in order, their haystacks
        self._ids: list[str] | None = None
        self._version += 1  # bumped on every change to the rows
        # (filter key, rows passing all but the text, their haystacks)
        self._base: tuple[tuple, list[IndexRow], list[str]] | None = None
        # (text, its words, the rows found, their haystacks): a keystroke extending the text narrows these
        self._last_text: tuple[str, frozenset[str], list[IndexRow], list[str]] | None = None

    def remember_act(self, raw: dict) -> None:
        """A stored act record: learn its label, key and hashes."""
        light = {k: raw.get(k) for k in ("id", "kind", "number", "date", "issuer", "title", "key")}
        self._acts[raw["id"]] = light
        self._act_labels[raw["id"]] = act_label(raw.get("kind"), raw.get("number"), s2d(raw.get("date")))
        if raw.get("key"):
            self._act_keys[raw["key"]] = raw["id"]
        ref = ref_key(raw.get("kind"), raw.get("number"), s2d(raw.get("date")))
        if ref:
            self._refs.setdefault(ref, raw["id"])
        for sha in raw.get("hashes") or []:
            self._hashes[sha] = raw["id"]


    def executor_name(self, executor_id: str) -> str:
        executor = self.directory.get(executor_id)
        return executor.name if executor else executor_id

    def put(self, raw: dict) -> None:
        """Replace one order's row, keeping the sorted lists sorted (no full re-sort)."""
        new = order_row(raw, self._act_labels, self.executor_name, self.calendar)
        old = self._rows.get(new.id)
        self._rows[new.id] = new
        self._version += 1
        self._base = self._last_text = None
        if old is None:
            self._ids = None
        for sort, (rows, hays) in self._sorted.items():
            key = self._sort_key(sort)
            if old is not None:
                at = bisect_left(rows, key(old), key=key)
                while at < len(rows) and rows[at] is not old:
                    at += 1
                if at < len(rows):
                    del rows[at], hays[at]
            at = bisect_right(rows, key(new), key=key)
            rows.insert(at, new)
            hays.insert(at, new.haystack)

    def _sort_key(self, sort: SortKey) -> Callable[[IndexRow], tuple]:
        # ties end on the order id: both read sides (this one and the SQL one) give one order
        if sort == SortKey.NUMBER:
            labels = self._act_labels
            return lambda r: (labels.get(r.act_id, ""), r.nkey, r.id)
        if sort == SortKey.URGENCY:
            return lambda r: (r.status not in OPEN, r.due_ord, r.nkey, r.id)
        return lambda r: (r.due_ord, r.nkey, r.id)


    def refresh(self) -> bool:
        """Pick up changes made by another process; True if anything changed."""
        if self.store.refresh():
            self.reload()
            return True
        return False

    # -- what the importer and the commands ask -----------------------------------------------
    def has_act(self, act_id: str) -> bool:
        return act_id in self._acts

    def act_by_hash(self, sha256: str) -> str | None:
        return self._hashes.get(sha256)

    def act_by_key(self, key: str) -> str | None:
        return self._act_keys.get(key)

    def act_label(self, act_id: str) -> str:
        return self._act_labels.get(act_id, "")

    def order_ids_of_act(self, act_id: str) -> list[str]:
        return [r.id for r in self._rows.values() if r.act_id == act_id]

    def act_by_ref(self, key: str) -> str | None:
        return self._refs.get(key)

    def order_numbers_of_act(self, act_id: str) -> dict[str, str]:
        return {r.number: r.id for r in self._rows.values() if r.act_id == act_id}

    # -- ids ----------------------------------------------------------------------------------
    def resolve_order_id(self, ref: str) -> str:
        """A full order id from an id or an unambiguous prefix of one (as shown: 8 characters)."""
        self.refresh()

        def prefixed(ref: str) -> list[str]:
            if self._ids is None:
                self._ids = sorted(self._rows)
            at = bisect_left(self._ids, ref)
            found: list[str] = []
            while at < len(self._ids) and self._ids[at].startswith(ref) and len(found) < 6:
                found.append(self._ids[at])
                at += 1
            return found

        return pick_order_id(ref, self._rows.__contains__, prefixed)


    # -- reading ----------------------------------------------------------------------------
    def _sorted_rows(self, sort: SortKey) -> tuple[list[IndexRow], list[str]]:
        """The rows in this order, and beside them their haystacks (what a text search reads)."""
        found = self._sorted.get(sort)
        if found is None:
            with _gc_paused():
                rows = sorted(self._rows.values(), key=self._sort_key(sort))
                if self._sorted or not rows:
                    hays = [r.haystack for r in rows]
                else:
                    # the first order (the table's) gets fresh copies, one after another in memory:
                    # a keystroke then reads 100,000 haystacks in sequence, not scattered, at twice the speed
                    hays = "\n".join([r.haystack for r in rows]).split("\n")
                    for row, hay in zip(rows, hays, strict=True):
                        row.haystack = hay
            found = self._sorted[sort] = (rows, hays)
        return found

    def _match(self, flt: OrderFilter, today: date) -> list[IndexRow]:
        """Rows passing the filter, in the filter's order: a keystroke over 100,000 rows.

        The rows passing every condition but the text are kept between calls (typing changes
        only the text); when the text extends the last one, only the last result is searched,
        and only for the words the last result does not already satisfy. The search reads only
        the list of haystacks and selects in C (map, compress): no Python step per row."""
        now = today.toordinal()
        key = (self._version, flt.sort, flt.act_id, flt.executor_id, flt.overdue, flt.due_within_days,
               flt.due_from, flt.due_to, frozenset(flt.statuses) if flt.statuses is not None else None,
               flt.include_closed, now, flt.needs_date, flt.permanent)
        if self._base is None or self._base[0] != key:
            self._base = (key, *self._narrow(flt, now))
            self._last_text = None
        _key, rows, hays = self._base
        text = " ".join(fold(flt.text).split()) if flt.text else ""
        if not text:
            return rows
        words = text.split()
        last = self._last_text
        if last is not None and text.startswith(last[0]):
            # every row of the last result holds each of its words: only new or grown ones are left
            rows, hays, words = last[2], last[3], [word for word in words if word not in last[1]]
        for word in words:
            hits = list(map(contains, hays, repeat(word)))
            rows, hays = list(compress(rows, hits)), list(compress(hays, hits))
        self._last_text = (text, frozenset(text.split()), rows, hays)
        return rows

    def _narrow(self, flt: OrderFilter, now: int) -> tuple[list[IndexRow], list[str]]:
        """Rows passing every condition but the text, with their haystacks. Each condition is
        one comprehension over the rows left (the cheap and selective ones first)."""
        rows, hays = self._sorted_rows(flt.sort)
        keeps: list[Callable[[IndexRow], bool]] = []
        if flt.act_id is not None:
            act_id = flt.act_id
            keeps.append(lambda r: r.act_id == act_id)
        if flt.executor_id is not None:
            executor = flt.executor_id
            keeps.append(lambda r: any(p[0] == executor for p in r.parts))
        if flt.overdue:
            keeps.append(lambda r: r.due_ord < now and r.status in OPEN)
        if flt.due_within_days is not None:
            last = now + flt.due_within_days
            keeps.append(lambda r: now <= r.due_ord <= last and r.status in OPEN)
        if flt.due_from is not None:
            first = flt.due_from.toordinal()
            keeps.append(lambda r: first <= r.due_ord < NO_DUE)
        if flt.due_to is not None:
            last_day = flt.due_to.toordinal()
            keeps.append(lambda r: r.due_ord <= last_day)
        if flt.statuses is not None:
            statuses = flt.statuses
            keeps.append(lambda r: r.status in statuses)
        if not flt.include_closed:
            keeps.append(lambda r: r.status in OPEN)
        if flt.needs_date:
            keeps.append(lambda r: r.needs_date and r.status in OPEN)
        if flt.permanent:
            keeps.append(lambda r: r.permanent)
        for keep in keeps:
            hits = list(map(keep, rows))
            rows, hays = list(compress(rows, hits)), list(compress(hays, hits))
        return rows, hays

    def _to_row(self, row: IndexRow, today: date) -> OrderRow:
        overdue = bool(row.status in OPEN and row.due and row.due < today)
        return order_view(row, self._act_labels.get(row.act_id, ""), self.executor_name, today,
                          overdue_points=len(late_points(row, today, self.calendar)) if overdue else 0)

    def list_orders(self, flt: OrderFilter, offset: int, limit: int | None, today: date) -> OrdersPage:
        self.refresh()
        matched = self._match(flt, today)
        page = matched[offset: None if limit is None else offset + limit]
        return OrdersPage(rows=[self._to_row(r, today) for r in page], total=len(matched))

    def dashboard(self, today: date) -> Dashboard:
        """The start screen's figures in one pass over the rows (no sorting of all of them).

        «Просрочено» counts control points (tracker.discipline.overdue_points: a recurring order
        with two missed periods is two), as the execution report does; the orders they belong to
        (what `orders --overdue` lists) are counted beside them."""
        self.refresh()
        now = today.toordinal()
        week = now + 7
        month_start = today.replace(day=1)
        on_control = overdue = overdue_orders = soon = done_month = undated = 0
        by_executor: dict[str, int] = {}
        upcoming: list[IndexRow] = []
        done = Status.DONE
        for row in self._rows.values():
            if row.status in OPEN:
                on_control += 1
                undated += row.needs_date
                due = row.due_ord
                if due < now:  # its earliest open point has passed: count every missed one
                    overdue_orders += 1
                    for late in late_points(row, today, self.calendar):
                        overdue += 1
                        for executor_id in late:
                            by_executor[executor_id] = by_executor.get(executor_id, 0) + 1
                elif due != NO_DUE:
                    upcoming.append(row)
                    if due <= week:
                        soon += 1
            elif row.status is done and row.done_at is not None and month_start <= row.done_at <= today:
                done_month += 1
            if row.closed:
                done_month += sum(1 for _point, done_at in row.closed if month_start <= done_at <= today)
        counts = sorted(
            (CountByExecutor(eid, self.executor_name(eid) if eid else "без исполнителя", n)
             for eid, n in by_executor.items()),
            key=lambda c: (-c.count, c.name),
        )
        nearest = heapq.nsmallest(10, upcoming, key=lambda r: (r.due_ord, r.nkey, r.id))
        return Dashboard(today, on_control, overdue, soon, done_month, counts,
                         [self._to_row(r, today) for r in nearest], needs_date=undated,
                         overdue_orders=overdue_orders)

    def act_orders_count(self) -> dict[str, int]:
        """Orders per act id (for the acts list)."""
        counts: dict[str, int] = {}
        for row in self._rows.values():
            counts[row.act_id] = counts.get(row.act_id, 0) + 1
        return counts

    def discipline(self, start: date, end: date, today: date) -> list[DisciplineRow]:
        """Per executor: due in [start, end] (come due or done), on time, late, overdue now, Kо;
        counted over the control points of the period (tracker.discipline.period_points)."""
        self.refresh()
        if end < start:
            raise ValidationError("Конец периода раньше начала.")
        calendar = self.calendar
        figures = figures_of(point for row in self._rows.values()
                             for point in period_points(item_of(row), start, end, today, calendar))
        rows = [
            DisciplineRow(eid, self.executor_name(eid) if eid else "без исполнителя", f.due, f.done_on_time,
                          f.done_late, f.overdue_now, f.ko)
            for eid, f in figures.items()
        ]
        return sorted(rows, key=lambda r: r.name.lower())


# -- shared with the SQL read side (tracker.control.sql_queries): one rule, two stores -----------
def order_view(row: IndexRow, act_label: str, executor_name: Callable[[str], str], today: date,
               overdue_points: int = 0) -> OrderRow:
    """The list's line of an order on `today` (days left and «просрочено» depend on the day);
    `overdue_points`: how many of its control points are overdue (late_points below)."""
    is_open = row.status in OPEN
    names = "; ".join(executor_name(p[0]) for p in row.parts if p[3]) or "без исполнителя"
    return OrderRow(
        id=row.id, act_label=act_label, number=row.number, executors=names,
        due=row.due, deadline_text=row.deadline_text,
        days_left=(row.due - today).days if row.due and is_open else None,
        status=row.status, overdue=bool(is_open and row.due and row.due < today), text=row.text,
        parts=tuple(PartState(p[0], executor_name(p[0]), not p[3], p[1]) for p in row.parts),
        needs_date=row.needs_date, permanent=row.permanent, overdue_points=overdue_points,
    )


def late_executors(row: IndexRow) -> list[str]:
    """Whom the dashboard counts a dated overdue order's one point against: each executor whose part is open."""
    return [p[0] for p in row.parts if p[1] in OPEN] or [""]


def late_points(row: IndexRow, today: date, calendar: ProductionCalendar) -> tuple[tuple[str, ...], ...]:
    """The executors late on each overdue control point of an open order whose date has passed
    (tracker.discipline.overdue_points; "" where nobody is named).

    A dated order has one point, and the parts not done are late on it: counted here straight
    from the row, as overdue_points would (tests/domain/test_one_list_of_points.py holds them
    equal), since 100,000 orders leave no time to build each one. A recurring order's points
    are counted by overdue_points, once per row and day."""
    if row.deadline is None:
        return (tuple(late_executors(row)),)
    now = today.toordinal()
    if row.late_points is None or row.late_points[0] != now:
        found = overdue_points(item_of(row), today, calendar)
        row.late_points = (now, tuple(tuple(p.late_executors) or ("",) for p in found))
    return row.late_points[1]


def item_of(row: IndexRow) -> Item:
    """The order as tracker.discipline counts it, from its in-memory row."""
    return Item(
        order_id=row.id, due=row.due if row.deadline is None else None, recurring=row.deadline,
        closed_points=dict(row.closed), withdrawn=row.status == Status.WITHDRAWN, withdrawn_on=row.withdrawn_on,
        done_on=row.done_at if row.status == Status.DONE else None, permanent=row.permanent,
        parts=[Part(p[0], p[2] if p[1] == Status.DONE else None, dict(p[4]), p[1] == Status.WITHDRAWN)
               for p in row.parts],
    )


def pick_order_id(ref: str, exists: Callable[[str], bool], prefixed: Callable[[str], list[str]]) -> str:
    """A full order id from an id or an unambiguous prefix (`prefixed` gives up to 6 ids, sorted)."""
    ref = (ref or "").strip().lower()
    if exists(ref):
        return ref
    if len(ref) < 3:
        raise ValidationError(f"Укажите хотя бы 3 первых символа номера поручения, а не «{ref}».")
    found = prefixed(ref)
    if not found:
        raise NotFoundError(f"Поручение «{ref}» не найдено. Список: `tracker orders`.")
    if len(found) > 1:
        raise ValidationError(
            f"Под «{ref}» подходят несколько поручений ({', '.join(f[:10] for f in found)}): укажите больше символов."
        )
    return found[0]


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Building 100,000 small objects: the cyclic collector would walk them again and again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

