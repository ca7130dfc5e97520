"""ControlService: the control workflow over a Store — lists, cards, status changes; import via ActImporter.

Reads are served from light in-memory rows (one per order) built once when the service
opens and kept up to date on every change this service makes; when another process
changed the database (Store.refresh() says so) the rows are rebuilt. So filtering 100,000
orders on every keystroke never re-reads the table. Every change is one store transaction:
the order record and its appended history entry are written together.
"""
from __future__ import annotations

import gc
import heapq
import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from itertools import compress, islice, repeat, takewhile
from operator import contains
from pathlib import Path
from typing import Any

from tracker import mapping
from tracker.deadlines import anchor as anchor_deadline
from tracker.deadlines import current_due, describe, make_extension
from tracker.discipline import Item, tally
from tracker.errors import NotFoundError, ValidationError
from tracker.executors import Directory
from tracker.models import (
    Act,
    Deadline,
    DeadlineKind,
    Executor,
    HistoryEntry,
    Order,
    Recurrence,
    Status,
)
from tracker.recurrence import control_points
from tracker.services.api import (
    CountByExecutor,
    Dashboard,
    DisciplineRow,
    DraftOrder,
    ImportOutcome,
    ImportPreview,
    ImportProgress,
    OrderCard,
    OrderFilter,
    OrderRow,
    OrdersPage,
    PageProgress,
    SortKey,
)
from tracker.services.importing import ActImporter, CacheHooks
from tracker.services.records import ACTS, EXECUTORS, HISTORY, ORDERS, fold, history_count, history_record
from tracker.statuses import OPEN, apply, withdraw
from tracker.who import current_user

MANUAL_ACT_ID = "manual"
_NO_DUE = date.max.toordinal() + 1


_STATUS = {str(status): status for status in Status}


@lru_cache(maxsize=8192)
def _iso_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@lru_cache(maxsize=8192)
def _ddmmyyyy(day: date) -> str:
    return f"{day:%d.%m.%Y}"


def _describe_stored(kind: str, due: date | None, stored: dict) -> str:
    """deadlines.describe() for a stored non-recurring deadline, without building a Deadline."""
    if kind == DeadlineKind.RELATIVE:
        words = stored.get("relative") or stored.get("text") or "относительный срок"
        return f"{_ddmmyyyy(due)} ({words})" if due else words
    if due is not None:
        return _ddmmyyyy(due)
    return stored.get("text") or "—"


@lru_cache(maxsize=4096)
def number_key(number: str) -> tuple:
    """«1.10» after «1.9»; letters after digits."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.findall(r"\d+|[^\W\d_]+", number or ""))


def _words(text: str) -> str:
    """The folded text's distinct words, each once: what a search for whitespace-free words needs.

    A word without spaces occurs in a text exactly when it occurs within one of its words, so
    dropping repeats changes no match and makes every keystroke's scan shorter."""
    return " ".join(dict.fromkeys(fold(text).split()))


@dataclass(slots=True, eq=False)
class _Row:
    """What lists, filters and figures need of one order, kept in memory."""

    id: str
    act_id: str
    number: str
    nkey: tuple
    parts: tuple[tuple[str, Status, date | None, bool], ...]  # executor id, status, done_at, responsible
    due: date | None
    deadline_text: str
    status: Status
    done_at: date | None
    text: str
    haystack: str
    deadline: Deadline | None  # kept for recurring orders only (discipline counts their points)
    closed: tuple[tuple[date, date], ...]
    due_ord: int = 0  # due.toordinal(), or after every date: a cheap sort key


class ControlService:
    """Implements tracker.services.api.ControlServiceAPI over a db Store."""

    def __init__(self, store: Any, user: str | None = None,
                 now: Callable[[], datetime] | None = None,
                 parse: Callable[[Path], Any] | None = None) -> None:
        self.store = store
        self.user = user or current_user()
        self._now = now or datetime.now
        self._load()
        self._importer = ActImporter(store, self._cache_hooks(), self.user, self._now, parse)

    # -- cache ---------------------------------------------------------------------------
    def _cache_hooks(self) -> CacheHooks:
        """The importer's narrow view of the cache (late-bound: _load() replaces the dicts)."""
        return CacheHooks(
            directory=lambda: self.directory,
            act_by_hash=lambda sha: self._hashes.get(sha),
            act_by_key=lambda key: self._act_keys.get(key),
            act_label=lambda act_id: self._act_labels.get(act_id, ""),
            order_ids_of_act=lambda act_id: [r.id for r in self._rows.values() if r.act_id == act_id],
            executor_name=self._executor_name,
            remember_act=self._remember_act,
            put=self._put,
            reload=self._load,
        )

    def _load(self) -> None:
        with _gc_paused():
            self._load_all()

    def _load_all(self) -> None:
        self._acts: dict[str, dict] = {}
        self._act_labels: dict[str, str] = {}
        self._act_keys: dict[str, str] = {}
        self._hashes: dict[str, str] = {}
        for raw in self.store.table(ACTS).all():
            self._remember_act(raw)
        self.directory = Directory([mapping.executor_from_record(r) for r in self.store.table(EXECUTORS).all()])
        self._rows: dict[str, _Row] = {}
        rows = self._rows

        def visit(raw: dict) -> bool:  # reads only: builds the row, keeps no reference to `raw`
            rows[raw["id"]] = self._row(raw)
            return False

        # filter() shows each stored record to the predicate without copying it, and copies
        # only the matches (none here): opening 100,000 orders skips 100,000 deep copies.
        self.store.table(ORDERS).filter(visit)
        self._sorted: dict[SortKey, tuple[list[_Row], list[str]]] = {}  # rows in order, their haystacks
        self._ids: list[str] | None = None
        self._version = getattr(self, "_version", 0) + 1  # bumped on every change to the rows
        # (filter key, rows passing all but the text, their haystacks)
        self._base: tuple[tuple, list[_Row], list[str]] | None = None
        # (text, its words, the rows found, their haystacks): a keystroke extending the text narrows these
        self._last_text: tuple[str, frozenset[str], list[_Row], list[str]] | None = None

    def _remember_act(self, raw: dict) -> None:
        light = {k: raw.get(k) for k in ("id", "kind", "number", "date", "issuer", "title", "key")}
        self._acts[raw["id"]] = light
        self._act_labels[raw["id"]] = mapping.act_label(raw.get("kind"), raw.get("number"), mapping.s2d(raw.get("date")))
        if raw.get("key"):
            self._act_keys[raw["key"]] = raw["id"]
        for sha in raw.get("hashes") or []:
            self._hashes[sha] = raw["id"]

    def _row(self, raw: dict) -> _Row:
        """The in-memory row of one stored order (the hot path of opening 100,000 orders)."""
        stored_deadline = raw.get("deadline") or {}
        kind = stored_deadline.get("kind") or "none"
        deadline = None
        if kind == DeadlineKind.RECURRING:
            deadline = mapping.deadline_from_dict(stored_deadline)
            due, deadline_text = current_due(deadline), describe(deadline)
        else:
            due = _iso_date(stored_deadline.get("due"))
            deadline_text = _describe_stored(kind, due, stored_deadline)
        assignments = raw.get("assignments") or []
        parts = tuple(
            (a["executor_id"], _STATUS[a.get("status") or "на исполнении"], _iso_date(a.get("done_at")),
             (a.get("role") or "responsible") == "responsible")
            for a in assignments
        )
        number = raw.get("number") or ""
        text = raw.get("text") or ""
        names = " ".join(self._executor_name(p[0]) for p in parts)
        writings = " ".join(a.get("as_written") or "" for a in assignments)
        haystack = _words(" ".join((text, self._act_labels.get(raw.get("act_id") or "", ""), names, writings, number)))
        return _Row(
            id=raw["id"], act_id=raw.get("act_id") or "", number=number, nkey=number_key(number), parts=parts,
            due=due, deadline_text=deadline_text, status=_STATUS[raw.get("status") or "на исполнении"],
            done_at=_iso_date(raw.get("done_at")), text=text[:200], haystack=haystack,
            deadline=deadline,
            closed=tuple((_iso_date(p["due"]), _iso_date(p["done_at"])) for p in raw.get("closed_points") or []),
            due_ord=due.toordinal() if due else _NO_DUE,
        )

    def _executor_name(self, executor_id: str) -> str:
        executor = self.directory.get(executor_id)
        return executor.name if executor else executor_id

    def _put(self, raw: dict) -> None:
        """Replace one order's row, keeping the sorted lists sorted (no full re-sort)."""
        new = self._row(raw)
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

    def _sort_key(self, sort: SortKey) -> Callable[[_Row], tuple]:
        if sort == SortKey.NUMBER:
            labels = self._act_labels
            return lambda r: (labels.get(r.act_id, ""), r.nkey)
        if sort == SortKey.URGENCY:
            return lambda r: (r.status not in OPEN, r.due_ord, r.nkey)
        return lambda r: (r.due_ord, r.nkey)

    def sync(self) -> bool:
        """Pick up changes made by another process; True if anything changed."""
        if self.store.refresh():
            self._load()
            return True
        return False

    def close(self) -> None:
        self.store.close()

    def _today(self, today: date | None) -> date:
        return today or self._now().date()

    # -- ids -----------------------------------------------------------------------------
    @staticmethod
    def short_id(order_id: str) -> str:
        return order_id[:8]

    def resolve_order_id(self, ref: str) -> str:
        """A full order id from an id or an unambiguous prefix of one (as shown: 8 characters)."""
        self.sync()
        ref = (ref or "").strip().lower()
        if ref in self._rows:
            return ref
        if len(ref) < 3:
            raise ValidationError(f"Укажите хотя бы 3 первых символа номера поручения, а не «{ref}».")
        if self._ids is None:
            self._ids = sorted(self._rows)
        at = bisect_left(self._ids, ref)
        found = []
        while at < len(self._ids) and self._ids[at].startswith(ref) and len(found) < 6:
            found.append(self._ids[at])
            at += 1
        if not found:
            raise NotFoundError(f"Поручение «{ref}» не найдено. Список: `tracker orders`.")
        if len(found) > 1:
            raise ValidationError(
                f"Под «{ref}» подходят несколько поручений ({', '.join(f[:10] for f in found)}): укажите больше символов."
            )
        return found[0]

    # -- import (ActImporter does the work) --------------------------------------------
    def preview_file(self, path: Path, on_page: PageProgress | None = None,
                     cancel: threading.Event | None = None) -> ImportPreview:
        """Parse one file and say what importing it would do; nothing is stored (thread-safe)."""
        return self._importer.preview_file(path, on_page, cancel)

    def preview_files(self, paths: list[Path], on_page: PageProgress | None = None,
                      cancel: threading.Event | None = None) -> Iterator[ImportProgress]:
        """Parse many files (directories expanded); one progress item per file; nothing stored.
        A scan's recognised pages go to `on_page`; setting `cancel` stops the parsing."""
        return self._importer.preview_files(paths, on_page, cancel)

    def commit_import(self, preview: ImportPreview) -> ImportOutcome:
        """Put the reviewed orders on control (or record a new version of a known act)."""
        self.sync()
        return self._importer.commit_import(preview)

    # -- reading ---------------------------------------------------------------------------
    def _sorted_rows(self, sort: SortKey) -> tuple[list[_Row], list[str]]:
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

    def _match(self, flt: OrderFilter, today: date) -> list[_Row]:
        """Rows passing the filter, in the filter's order: a keystroke over 100,000 rows.

        The rows passing every condition but the text are kept between calls (typing changes
        only the text); when the text extends the last one, only the last result is searched,
        and only for the words the last result does not already satisfy. The search reads only
        the list of haystacks and selects in C (map, compress): no Python step per row."""
        now = today.toordinal()
        key = (self._version, flt.sort, flt.act_id, flt.executor_id, flt.overdue, flt.due_within_days,
               flt.due_from, flt.due_to, frozenset(flt.statuses) if flt.statuses is not None else None,
               flt.include_closed, now)
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

    def _narrow(self, flt: OrderFilter, now: int) -> tuple[list[_Row], list[str]]:
        """Rows passing every condition but the text, with their haystacks. Each condition is
        one comprehension over the rows left (the cheap and selective ones first)."""
        rows, hays = self._sorted_rows(flt.sort)
        keeps: list[Callable[[_Row], bool]] = []
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
            keeps.append(lambda r: first <= r.due_ord < _NO_DUE)
        if flt.due_to is not None:
            last_day = flt.due_to.toordinal()
            keeps.append(lambda r: r.due_ord <= last_day)
        if flt.statuses is not None:
            statuses = flt.statuses
            keeps.append(lambda r: r.status in statuses)
        if not flt.include_closed:
            keeps.append(lambda r: r.status in OPEN)
        for keep in keeps:
            hits = list(map(keep, rows))
            rows, hays = list(compress(rows, hits)), list(compress(hays, hits))
        return rows, hays

    def _to_row(self, row: _Row, today: date) -> OrderRow:
        is_open = row.status in OPEN
        names = "; ".join(self._executor_name(p[0]) for p in row.parts if p[3]) or "без исполнителя"
        return OrderRow(
            id=row.id, act_label=self._act_labels.get(row.act_id, ""), number=row.number, executors=names,
            due=row.due, deadline_text=row.deadline_text,
            days_left=(row.due - today).days if row.due and is_open else None,
            status=row.status, overdue=bool(is_open and row.due and row.due < today), text=row.text,
        )

    def list_orders(self, flt: OrderFilter, offset: int = 0, limit: int | None = 200,
                    today: date | None = None) -> OrdersPage:
        self.sync()
        today = self._today(today)
        matched = self._match(flt, today)
        page = matched[offset: None if limit is None else offset + limit]
        return OrdersPage(rows=[self._to_row(r, today) for r in page], total=len(matched))

    def dashboard(self, today: date | None = None) -> Dashboard:
        """The start screen's figures in one pass over the rows (no sorting of all of them)."""
        self.sync()
        today = self._today(today)
        now = today.toordinal()
        week = now + 7
        month_start = today.replace(day=1)
        on_control = overdue = soon = done_month = 0
        by_executor: dict[str, int] = {}
        upcoming: list[_Row] = []
        done = Status.DONE
        for row in self._rows.values():
            if row.status in OPEN:
                on_control += 1
                due = row.due_ord
                if due < now:
                    overdue += 1
                    late = [p[0] for p in row.parts if p[3] and p[1] is not done] or [""]
                    for executor_id in late:
                        by_executor[executor_id] = by_executor.get(executor_id, 0) + 1
                elif due != _NO_DUE:
                    upcoming.append(row)
                    if due <= week:
                        soon += 1
            elif row.status is done and row.done_at is not None and month_start <= row.done_at <= today:
                done_month += 1
            if row.closed:
                done_month += sum(1 for _point, done_at in row.closed if month_start <= done_at <= today)
        counts = sorted(
            (CountByExecutor(eid, self._executor_name(eid) if eid else "без исполнителя", n)
             for eid, n in by_executor.items()),
            key=lambda c: (-c.count, c.name),
        )
        nearest = heapq.nsmallest(10, upcoming, key=lambda r: (r.due_ord, r.nkey))
        return Dashboard(today, on_control, overdue, soon, done_month, counts,
                         [self._to_row(r, today) for r in nearest])

    def get_order(self, order_id: str) -> Order:
        """The full order with its history (id or unambiguous prefix)."""
        order_id = self.resolve_order_id(order_id)
        raw = self.store.table(ORDERS).get(order_id)
        if raw is None:
            raise NotFoundError(f"Поручение {order_id[:8]} не найдено (удалено другим пользователем?).")
        order = mapping.order_from_record(raw)
        table = self.store.table(HISTORY)
        entries = [table.get(f"{order_id}.{n}") for n in range(history_count(self.store, raw))]
        order.history = [mapping.history_from_record(h) for h in entries if h is not None]
        return order

    def order_texts(self, order_ids: list[str]) -> dict[str, str]:
        """Full texts of these orders (lists keep only the first 200 characters)."""
        table = self.store.table(ORDERS)
        return {order_id: (table.get(order_id) or {}).get("text") or "" for order_id in order_ids}

    def get_act(self, act_id: str) -> Act:
        raw = self.store.table(ACTS).get(act_id)
        if raw is None:
            if act_id == MANUAL_ACT_ID:
                return _manual_act()
            raise NotFoundError(f"Акт {act_id} не найден.")
        return mapping.act_from_record(raw)

    def order_card(self, order_id: str, today: date | None = None) -> OrderCard:
        today = self._today(today)
        order = self.get_order(order_id)
        act = self.get_act(order.act_id)
        due = current_due(order.deadline)
        is_open = order.status in OPEN
        return OrderCard(
            order=order, act=act, overdue=bool(is_open and due and due < today),
            days_left=(due - today).days if due and is_open else None,
            next_due=due if order.deadline.kind == DeadlineKind.RECURRING else None,
            source_passage=order.span,
        )

    def acts(self) -> list[Act]:
        self.sync()
        result = [mapping.act_from_record(r) for r in self.store.table(ACTS).all()]
        return sorted(result, key=lambda a: (a.date or date.min, a.number or ""), reverse=True)

    def act_orders_count(self) -> dict[str, int]:
        """Orders per act id (for the acts list)."""
        counts: dict[str, int] = {}
        for row in self._rows.values():
            counts[row.act_id] = counts.get(row.act_id, 0) + 1
        return counts

    def executors(self) -> list[Executor]:
        self.sync()
        return self.directory.all()

    def find_executors(self, text: str) -> list[Executor]:
        """Executors matching an id prefix, a spelling, or a part of a name (CLI and UI filters)."""
        self.sync()
        return self.directory.find_text(text)

    def discipline(self, start: date, end: date, today: date | None = None) -> list[DisciplineRow]:
        """Per executor: due in [start, end] (come due or done), on time, late, overdue now, Kо."""
        self.sync()
        today = self._today(today)
        if end < start:
            raise ValidationError("Конец периода раньше начала.")
        items = (
            Item(responsible=[(p[0], p[2]) for p in row.parts if p[3]], due=row.due,
                 withdrawn=row.status == Status.WITHDRAWN, recurring=row.deadline, closed_points=dict(row.closed))
            for row in self._rows.values()
        )
        figures = tally(items, start, end, today)
        rows = [
            DisciplineRow(eid, self._executor_name(eid), f.due, f.done_on_time, f.done_late, f.overdue_now, f.ko)
            for eid, f in figures.items()
        ]
        return sorted(rows, key=lambda r: r.name.lower())

    # -- changes -----------------------------------------------------------------------------
    def _mutate(self, order_id: str, action: str, change: Callable[[Order], str], why: str | None = None,
                data: dict | None = None) -> Order:
        order_id = self.resolve_order_id(order_id)
        table = self.store.table(ORDERS)
        with self.store.transaction():
            raw = table.get(order_id)
            if raw is None:
                raise NotFoundError(f"Поручение {order_id[:8]} не найдено (удалено другим пользователем?).")
            order = mapping.order_from_record(raw)
            what = change(order)
            count = history_count(self.store, raw)
            stored = table.replace(mapping.order_to_record(order) | {"history_n": count + 1}, expected_rev=raw["_rev"])
            self.store.table(HISTORY).insert(history_record(
                order_id, count, HistoryEntry(self._now(), self.user, action, what, why, data or {})))
        self._put(stored)
        return self.get_order(order_id)

    def report_received(self, order_id: str, executor_id: str | None = None, text: str = "",
                        when: date | None = None) -> Order:
        day = self._today(when)
        return self._mutate(order_id, "report",
                            lambda o: apply(o, "report", day, executor_id, text), text.strip() or None,
                            {"executor_id": executor_id, "date": day.isoformat()})

    def accept(self, order_id: str, executor_id: str | None = None, when: date | None = None) -> Order:
        day = self._today(when)
        return self._mutate(order_id, "accept", lambda o: apply(o, "accept", day, executor_id),
                            None, {"executor_id": executor_id, "date": day.isoformat()})

    def return_for_rework(self, order_id: str, reason: str, executor_id: str | None = None) -> Order:
        day = self._today(None)
        return self._mutate(order_id, "return", lambda o: apply(o, "return", day, executor_id, reason),
                            reason.strip(), {"executor_id": executor_id})

    def extend(self, order_id: str, new_date: date, reason: str, basis: str | None = None) -> Order:
        def change(order: Order) -> str:
            if order.status not in OPEN:
                raise ValidationError(f"Срок не переносится: поручение {order.number} уже «{order.status}».")
            ext = make_extension(order.deadline, new_date, reason, basis, self.user, self._now())
            order.extensions.append(ext)
            old = f"{ext.old:%d.%m.%Y}" if ext.old else "не задан"
            tail = f" (основание: {ext.basis})" if ext.basis else ""
            return f"Срок перенесён: {old} → {ext.new:%d.%m.%Y}{tail}"

        return self._mutate(order_id, "extend", change, reason.strip(), {"new": new_date.isoformat(), "basis": basis})

    def withdraw(self, order_id: str, reason: str) -> Order:
        return self._mutate(order_id, "withdraw", lambda o: withdraw(o, reason), reason.strip())

    def comment(self, order_id: str, text: str) -> Order:
        if not text or not text.strip():
            raise ValidationError("Пустой комментарий не сохранён.")
        return self._mutate(order_id, "comment", lambda o: f"Комментарий: {text.strip()}", None)

    def anchor_relative(self, order_id: str, event: date) -> Order:
        """Set the event date of a relative term («с даты создания»): the due date follows."""
        def change(order: Order) -> str:
            due = anchor_deadline(order.deadline, event)
            return f"Дата события {event:%d.%m.%Y}: срок исполнения {due:%d.%m.%Y}"

        return self._mutate(order_id, "edit", change, None, {"anchor": event.isoformat()})

    def set_recurrence(self, order_id: str, recurrence: Recurrence, point_day: int | None = None,
                       review_every_days: int | None = None, start: date | None = None) -> Order:
        """Make an order recurring, or set its control day / review period (постоянно)."""
        if review_every_days is not None and review_every_days <= 0:
            raise ValidationError("Период проверки — целое число дней больше нуля.")

        def change(order: Order) -> str:
            old = order.deadline
            order.deadline = Deadline(
                kind=DeadlineKind.RECURRING, text=old.text, recurrence=Recurrence(recurrence),
                start=start or old.start or order.created, point_day=point_day,
                review_every_days=review_every_days,
            )
            if old.kind == DeadlineKind.RECURRING and old.covered_until and old.recurrence == recurrence:
                # the same periods stay closed: the n-th point of the new rule for the n closed
                closed = sum(1 for _ in takewhile(lambda p: p <= old.covered_until, control_points(old)))
                points = list(islice(control_points(order.deadline), closed))
                order.deadline.covered_until = points[-1] if points else None
            nxt = current_due(order.deadline)
            return f"Периодичность: {recurrence}" + (f"; ближайшая контрольная точка {nxt:%d.%m.%Y}" if nxt else "")

        return self._mutate(order_id, "edit", change, None, {"recurrence": str(recurrence)})

    def create_order(self, act_id: str | None, number: str, text: str, responsible: list[str],
                     due: date | None = None, deadline_text: str | None = None) -> Order:
        """A control point entered by hand or made by the registry («сообщить в ЦУР»)."""
        self.sync()
        if not text or not text.strip():
            raise ValidationError("Текст поручения пуст.")
        now = self._now()
        with self.store.transaction():
            if act_id is None:
                act_id = MANUAL_ACT_ID
                if self.store.table(ACTS).get(MANUAL_ACT_ID) is None:
                    self._remember_act(self.store.table(ACTS).insert(mapping.act_to_record(_manual_act())))
            elif act_id not in self._acts:
                raise NotFoundError(f"Акт {act_id} не найден.")
            act = self.get_act(act_id)
            draft = DraftOrder(number=number, text=text, responsible=list(responsible),
                               responsible_names=list(responsible), deadline_text=deadline_text, due=due)
            order = self._importer.order_from_draft(act, draft, now)
            self._importer.save_executors()
            stored = self._importer.insert_orders([order], now, "Поставлено на контроль вручную")
        self._put(stored[0])
        return self.get_order(order.id)

    def rename_executor(self, executor_id: str, name: str, alias: str | None = None) -> Executor:
        self.sync()
        if not name or not name.strip():
            raise ValidationError("Пустое наименование исполнителя.")
        executor = self.directory.get(executor_id)
        if executor is None:
            raise NotFoundError(f"Исполнитель {executor_id} не найден.")
        self.directory.rename(executor, name, alias)
        self.store.table(EXECUTORS).replace(mapping.executor_to_record(executor))
        self._load()
        return executor


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


def _manual_act() -> Act:
    return Act(id=MANUAL_ACT_ID, kind="поручения вручную", number=None, date=None, issuer=None,
               title="Поручения, внесённые вручную")

