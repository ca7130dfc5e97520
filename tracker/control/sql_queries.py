"""SqlOrderQueries: the read model of orders on PostgreSQL (tracker.control.api.OrderQueries).

A desk on the server holds a page of orders, not all of them. Every order has one row in the
table `order_rows` (db/postgres/sql/0002_order_rows.sql) built by records.order_row — the very
code the in-memory index (tracker.control.index) builds its rows with — and written by a store
write hook inside the transaction that writes the order, so a row is never older than its
order. Lists filter, sort and page in SQL; the dashboard counts in SQL; the discipline figures
stream the rows that can count through the same tally as the file database. What the two read
sides share (the list's line of a row, whom an overdue order counts against, an order as
discipline sees it, resolving a short id) lives in tracker.control.index as functions.

Other clerks' changes need no rebuilding here: the rows are the server's. `refresh()` only
notices them (Store.refresh) so that a desk redraws, and re-reads the executors' directory.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any

import orjson

from tracker.amendments import ref_key
from tracker.calendar import ProductionCalendar
from tracker.control.api import (
    CountByExecutor,
    Dashboard,
    DisciplineRow,
    OrderFilter,
    OrderRow,
    OrdersPage,
    SortKey,
)
from tracker.control.index import item_of, late_executors, late_points, order_view, pick_order_id
from tracker.control.records import (
    ACTS,
    EXECUTORS,
    NO_DUE,
    ORDERS,
    IndexRow,
    act_label,
    executor_from_record,
    fold,
    index_row_from_dict,
    index_row_to_dict,
    number_sort_text,
    order_row,
)
from tracker.discipline import figures_of, period_points
from tracker.errors import ValidationError
from tracker.executors import Directory
from tracker.models import Status
from tracker.statuses import OPEN

if TYPE_CHECKING:
    import psycopg

    from db.postgres.store import PgStore

ROW_FORMAT = 2  # bump when order_row() or the columns change: every row is rebuilt on opening
ROW_FORMAT_KEY = "order_rows_format"
BATCH = 2000
_OPEN_STATUSES = sorted(str(s) for s in OPEN)

COLUMNS = ("id", "rev", "act_id", "act_label", "number", "nkey", "status", "is_open", "due_ord", "done_at",
           "needs_date", "permanent", "recurring", "executor_ids", "late_executors", "closed_done", "haystack",
           "row")
_TYPES = ("text", "int4", "text", "text", "text", "text", "text", "bool", "int4", "date", "bool", "bool", "bool",
          "text[]", "text[]", "date[]", "text", "jsonb")
_UPSERT = (
    f"INSERT INTO order_rows ({', '.join(COLUMNS)}) "
    f"VALUES ({', '.join(f'%s::{t}' for t in _TYPES)}) "
    f"ON CONFLICT (id) DO UPDATE SET {', '.join(f'{c} = EXCLUDED.{c}' for c in COLUMNS[1:])}"
)
_SORTS = {
    SortKey.DEADLINE: "due_ord, nkey, id",
    SortKey.URGENCY: "(NOT is_open), due_ord, nkey, id",
    SortKey.NUMBER: "act_label, nkey, id",
}


def row_values(row: IndexRow, rev: int, label: str) -> tuple[Any, ...]:
    """The columns of order_rows for one built row, in COLUMNS order."""
    return (
        row.id, rev, row.act_id, label, row.number, number_sort_text(row.number), str(row.status),
        row.status in OPEN, row.due_ord, row.done_at, row.needs_date, row.permanent, row.deadline is not None,
        [p[0] for p in row.parts], late_executors(row), [done for _point, done in row.closed], row.haystack,
        orjson.dumps(index_row_to_dict(row)).decode(),
    )


class OrderRows:
    """The write side of the read model: order records -> rows of order_rows, on a given connection."""

    def __init__(self, calendar: ProductionCalendar) -> None:
        self.calendar = calendar
        self._labels: dict[str, str] = {}  # act id -> label (an act's kind, number and date do not change)

    def build(self, conn: psycopg.Connection, records: list[dict]) -> list[tuple[Any, ...]]:
        """Rows of these order records as this transaction sees their acts and executors."""
        wanted = {r.get("act_id") or "" for r in records} - self._labels.keys()
        if wanted:
            for act_id, kind, number, when in conn.execute(
                    "SELECT id, kind, number, act_date FROM acts WHERE id = ANY(%s)", [sorted(wanted)]).fetchall():
                self._labels[act_id] = act_label(kind, number, when)
        executor_ids = sorted({a["executor_id"] for r in records for a in r.get("assignments") or []})
        names: dict[str, str] = dict(conn.execute(
            "SELECT id, coalesce(name, '') FROM executors WHERE id = ANY(%s)", [executor_ids]).fetchall())
        labels = self._labels

        def name(executor_id: str) -> str:
            return names.get(executor_id, executor_id)

        values = []
        for raw in records:
            row = order_row(raw, labels, name, self.calendar)
            values.append(row_values(row, int(raw["_rev"]), labels.get(row.act_id, "")))
        return values

    def write(self, conn: psycopg.Connection, records: list[dict]) -> None:
        if not records:
            return
        values = self.build(conn, records)
        if len(values) < 50:
            with conn.cursor() as cursor:
                cursor.executemany(_UPSERT, values)
            return
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS order_rows_load (LIKE order_rows) ON COMMIT DELETE ROWS")
        conn.execute("DELETE FROM order_rows_load")
        with conn.cursor() as cursor, cursor.copy(f"COPY order_rows_load ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            copy.set_types([*_TYPES[:-1], "text"])  # the row goes as its JSON text; the server reads it as jsonb
            for value in values:
                copy.write_row(value)
        conn.execute(
            f"INSERT INTO order_rows SELECT * FROM order_rows_load ON CONFLICT (id) DO UPDATE SET "
            f"{', '.join(f'{c} = EXCLUDED.{c}' for c in COLUMNS[1:])}")

    # -- the store's write hooks (inside the writing transaction) ----------------------------------
    def on_order(self, conn: psycopg.Connection, record_id: str, before: dict | None, after: dict | None) -> None:
        if after is not None:  # a deleted order takes its row with it (ON DELETE CASCADE)
            self.write(conn, [after])

    def on_executor(self, conn: psycopg.Connection, record_id: str, before: dict | None, after: dict | None) -> None:
        """A renamed (or new, or removed) executor: the rows that show or search its name."""
        if before is not None and after is not None and before.get("name") == after.get("name"):
            return  # a learned spelling changes no row
        self._rebuild(conn, "SELECT doc, rev FROM orders WHERE id IN "
                            "(SELECT order_id FROM order_executors WHERE executor_id = %s) ORDER BY id", [record_id])

    def on_act(self, conn: psycopg.Connection, record_id: str, before: dict | None, after: dict | None) -> None:
        keys = ("kind", "number", "date")
        if before is not None and after is not None and all(before.get(k) == after.get(k) for k in keys):
            return
        self._labels.pop(record_id, None)
        if before is not None:  # a new act has no rows yet
            self._rebuild(conn, "SELECT doc, rev FROM orders WHERE act_id = %s ORDER BY id", [record_id])

    def _rebuild(self, conn: psycopg.Connection, sql: str, params: list[Any]) -> None:
        records = [doc | {"_rev": rev} for doc, rev in conn.execute(sql, params).fetchall()]
        for at in range(0, len(records), BATCH):
            self.write(conn, records[at: at + BATCH])

    # -- catching up -----------------------------------------------------------------------------
    def catch_up(self, store: PgStore) -> int:
        """Build the rows that are missing or older than their orders (written by a tool that builds
        none: `db migrate`, a data migration) or of an older ROW_FORMAT. Returns how many."""
        with store.connection_in_transaction() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", [0x726F7773])  # one builder at a time
            found = conn.execute("SELECT value FROM store_meta WHERE key = %s", [ROW_FORMAT_KEY]).fetchone()
            if found is None or found[0] != ROW_FORMAT:
                stale = [r[0] for r in conn.execute("SELECT id FROM orders ORDER BY id").fetchall()]
            else:
                stale = [r[0] for r in conn.execute(
                    "SELECT o.id FROM orders o LEFT JOIN order_rows r ON r.id = o.id COLLATE \"C\" "
                    "WHERE r.id IS NULL OR r.rev <> o.rev ORDER BY o.id").fetchall()]
            for at in range(0, len(stale), BATCH):
                chunk = stale[at: at + BATCH]
                records = [doc | {"_rev": rev} for doc, rev in conn.execute(
                    "SELECT doc, rev FROM orders WHERE id = ANY(%s)", [chunk]).fetchall()]
                self.write(conn, records)
            conn.execute("INSERT INTO store_meta (key, value) VALUES (%s, %s::jsonb) "
                         "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", [ROW_FORMAT_KEY, str(ROW_FORMAT)])
        return len(stale)


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def where(flt: OrderFilter, now: int) -> tuple[str, dict[str, Any]]:
    """The filter as an SQL condition over order_rows (the same conditions as OrderIndex._narrow)."""
    conditions: list[str] = []
    params: dict[str, Any] = {"now": now, "no_due": NO_DUE}
    if flt.act_id is not None:
        conditions.append("act_id = %(act_id)s")
        params["act_id"] = flt.act_id
    if flt.executor_id is not None:
        conditions.append("executor_ids @> ARRAY[%(executor_id)s]::text[]")
        params["executor_id"] = flt.executor_id
    if flt.overdue:
        conditions.append("is_open AND due_ord < %(now)s")
    if flt.due_within_days is not None:
        conditions.append("is_open AND due_ord BETWEEN %(now)s AND %(within)s")
        params["within"] = now + flt.due_within_days
    if flt.due_from is not None:
        conditions.append("due_ord >= %(from)s AND due_ord < %(no_due)s")
        params["from"] = flt.due_from.toordinal()
    if flt.due_to is not None:
        conditions.append("due_ord <= %(to)s")
        params["to"] = flt.due_to.toordinal()
    if flt.statuses is not None:
        conditions.append("status = ANY(%(statuses)s::text[])")
        params["statuses"] = sorted(str(s) for s in flt.statuses)
    if not flt.include_closed:
        conditions.append("is_open")
    if flt.needs_date:
        conditions.append("is_open AND needs_date")
    if flt.permanent:
        conditions.append("permanent")
    text = " ".join(fold(flt.text).split()) if flt.text else ""
    for number, word in enumerate(dict.fromkeys(text.split())):
        conditions.append(f"haystack LIKE %(word{number})s")
        params[f"word{number}"] = _like(word)
    return " AND ".join(conditions) or "TRUE", params


class SqlOrderQueries:
    """Implements tracker.control.api.OrderQueries over the order_rows table of a PgStore."""

    def __init__(self, store: PgStore, calendar: ProductionCalendar) -> None:
        self.store = store
        self.calendar = calendar
        self.rows = OrderRows(calendar)
        store.set_write_hook(ORDERS, self.rows.on_order)
        store.set_write_hook(EXECUTORS, self.rows.on_executor)
        store.set_write_hook(ACTS, self.rows.on_act)
        self.built = self.rows.catch_up(store)
        self.directory = Directory()
        self.reload()

    def _query(self, sql: str, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
        return self.store.query(sql, params)

    # -- OrderQueries: building and changes ----------------------------------------------------
    def reload(self) -> None:
        """Re-read the executors' directory (the rows are the server's: nothing else is held)."""
        self.directory = Directory([executor_from_record(doc) for (doc,) in
                                    self._query("SELECT doc FROM executors ORDER BY id")])

    def refresh(self) -> bool:
        """True when another clerk changed the database since we last looked (the desk redraws)."""
        if self.store.refresh():
            self.reload()
            return True
        return False

    def remember_act(self, raw: dict) -> None:
        """Nothing to remember: acts are looked up on the server."""

    def put(self, raw: dict) -> None:
        """Nothing to do: the store's write hook wrote the row inside the order's transaction."""

    # -- lookups ---------------------------------------------------------------------------------
    def executor_name(self, executor_id: str) -> str:
        executor = self.directory.get(executor_id)
        return executor.name if executor else executor_id

    def has_act(self, act_id: str) -> bool:
        return bool(self._query("SELECT 1 FROM acts WHERE id = %(id)s", {"id": act_id}))

    def act_by_hash(self, sha256: str) -> str | None:
        found = self._query("SELECT id FROM acts WHERE doc->'hashes' @> %(hash)s::jsonb ORDER BY id DESC LIMIT 1",
                            {"hash": orjson.dumps([sha256]).decode()})
        return found[0][0] if found else None

    def act_by_key(self, key: str) -> str | None:
        found = self._query("SELECT id FROM acts WHERE act_key = %(key)s", {"key": key})
        return found[0][0] if found else None

    def act_label(self, act_id: str) -> str:
        found = self._query("SELECT kind, number, act_date FROM acts WHERE id = %(id)s", {"id": act_id})
        return act_label(*found[0]) if found else ""

    def act_by_ref(self, key: str) -> str | None:
        day = re.search(r"\|(\d{4}-\d{2}-\d{2})$", key or "")
        if day is None:
            return None
        for act_id, kind, number, when in self._query(
                "SELECT id, kind, number, act_date FROM acts WHERE act_date = %(day)s ORDER BY id",
                {"day": date.fromisoformat(day.group(1))}):
            if ref_key(kind, number, when) == key:
                return str(act_id)
        return None

    def act_summaries(self) -> list[dict]:
        """Every act record without its text and kept amendment drafts (what the acts list shows)."""
        return [doc | {"_rev": rev} for doc, rev in
                self._query("SELECT doc - 'text' - 'amendment_drafts', rev FROM acts ORDER BY id")]

    def act_text(self, act_id: str) -> str:
        found = self._query("SELECT doc->>'text' FROM acts WHERE id = %(id)s", {"id": act_id})
        return (found[0][0] or "") if found else ""

    def order_ids_of_act(self, act_id: str) -> list[str]:
        return [r[0] for r in self._query("SELECT id FROM orders WHERE act_id = %(id)s ORDER BY id", {"id": act_id})]

    def order_numbers_of_act(self, act_id: str) -> dict[str, str]:
        rows = self._query("SELECT coalesce(number, ''), id FROM orders WHERE act_id = %(id)s ORDER BY id",
                           {"id": act_id})
        return {number: order_id for number, order_id in rows}

    def resolve_order_id(self, ref: str) -> str:
        def exists(candidate: str) -> bool:
            return bool(self._query("SELECT 1 FROM order_rows WHERE id = %(id)s", {"id": candidate}))

        def prefixed(prefix: str) -> list[str]:
            return [r[0] for r in self._query("SELECT id FROM order_rows WHERE id LIKE %(p)s ORDER BY id LIMIT 6",
                                              {"p": _like(prefix)[1:]})]

        return pick_order_id(ref, exists, prefixed)

    # -- lists and figures ------------------------------------------------------------------------
    def _views(self, found: Iterable[tuple[Any, ...]], today: date) -> list:
        return [self._view(index_row_from_dict(raw), label, today) for raw, label in found]

    def _view(self, row: IndexRow, label: str, today: date) -> OrderRow:
        overdue = bool(row.status in OPEN and row.due and row.due < today)
        return order_view(row, label, self.executor_name, today,
                          overdue_points=len(late_points(row, today, self.calendar)) if overdue else 0)

    def list_orders(self, flt: OrderFilter, offset: int, limit: int | None, today: date) -> OrdersPage:
        condition, params = where(flt, today.toordinal())
        total = int(self._query(f"SELECT count(*) FROM order_rows WHERE {condition}", params)[0][0])
        params |= {"offset": max(0, offset), "limit": limit}
        found = self._query(f"SELECT row, act_label FROM order_rows WHERE {condition} "
                            f"ORDER BY {_SORTS[SortKey(flt.sort)]} LIMIT %(limit)s OFFSET %(offset)s", params)
        return OrdersPage(rows=self._views(found, today), total=total)

    def dashboard(self, today: date) -> Dashboard:
        now = today.toordinal()
        params = {"now": now, "week": now + 7, "no_due": NO_DUE, "first": today.replace(day=1), "today": today}
        # each figure from its own index: the open orders' counts read only order_rows_open_counts
        (on_control, undated, overdue_orders, overdue, soon), = self._query(
            "SELECT count(*), count(*) FILTER (WHERE needs_date), count(*) FILTER (WHERE due_ord < %(now)s), "
            "count(*) FILTER (WHERE due_ord < %(now)s AND NOT recurring), "
            "count(*) FILTER (WHERE due_ord >= %(now)s AND due_ord <> %(no_due)s AND due_ord <= %(week)s) "
            "FROM order_rows WHERE is_open", params)
        (done_month,), = self._query(
            f"SELECT count(*) FROM order_rows WHERE status = '{Status.DONE}' "  # our constant: the partial index's
            "AND done_at BETWEEN %(first)s AND %(today)s", params)
        (points_month,), = self._query(  # accepted control points: only recurring orders have them
            "SELECT coalesce(sum((SELECT count(*) FROM unnest(closed_done) AS day "
            "                     WHERE day BETWEEN %(first)s AND %(today)s)), 0) "
            "FROM order_rows WHERE recurring AND cardinality(closed_done) > 0", params)
        # «Просрочено» counts control points as tracker.discipline does: a dated order's one point
        # is counted in SQL (with the open counts above); a recurring order's missed periods by the same Python as the file store
        by_executor: dict[str, int] = {
            eid: int(n) for eid, n in self._query(
                "SELECT executor_id, count(*) FROM order_rows, unnest(late_executors) AS executor_id "
                "WHERE is_open AND due_ord < %(now)s AND NOT recurring GROUP BY executor_id", params)}
        overdue = int(overdue)  # the dated orders' points, one each (counted above)
        for (raw,) in self._query(
                "SELECT row FROM order_rows WHERE is_open AND due_ord < %(now)s AND recurring", params):
            for late in late_points(index_row_from_dict(raw), today, self.calendar):
                overdue += 1
                for eid in late:
                    by_executor[eid] = by_executor.get(eid, 0) + 1
        counts = sorted(
            (CountByExecutor(eid, self.executor_name(eid) if eid else "без исполнителя", n)
             for eid, n in by_executor.items()),
            key=lambda c: (-c.count, c.name),
        )
        nearest = self._query(
            "SELECT row, act_label FROM order_rows WHERE is_open AND due_ord >= %(now)s AND due_ord <> %(no_due)s "
            "ORDER BY due_ord, nkey, id LIMIT 10", params)
        return Dashboard(today, int(on_control), int(overdue), int(soon), int(done_month) + int(points_month),
                         counts, self._views(nearest, today), needs_date=int(undated),
                         overdue_orders=int(overdue_orders))

    def act_orders_count(self) -> dict[str, int]:
        return {act_id: int(n) for act_id, n in
                self._query("SELECT act_id, count(*) FROM order_rows GROUP BY act_id ORDER BY act_id")}

    def _rows_due_between(self, start: date, end: date) -> Iterator[IndexRow]:
        """Rows the discipline of [start, end] can count (by id, in batches): recurring ones, dated ones
        due by its end, closed ones and those with a part accepted (period_points says when)."""
        after = ""
        params: dict[str, Any] = {"last": end.toordinal(), "batch": BATCH,
                                  "part_done": orjson.dumps({"parts": [[str(Status.DONE)]]}).decode()}
        while True:
            found = self._query(
                "SELECT id, row FROM order_rows WHERE (recurring OR due_ord <= %(last)s OR NOT is_open "
                "OR row @> %(part_done)s::jsonb) "
                "AND id > %(after)s ORDER BY id LIMIT %(batch)s", params | {"after": after})
            for _id, raw in found:
                yield index_row_from_dict(raw)
            if len(found) < BATCH:
                return
            after = found[-1][0]

    def discipline(self, start: date, end: date, today: date) -> list[DisciplineRow]:
        """Per executor: due in [start, end] (come due or done), on time, late, overdue now, Kо."""
        if end < start:
            raise ValidationError("Конец периода раньше начала.")
        calendar = self.calendar
        figures = figures_of(point for row in self._rows_due_between(start, end)
                             for point in period_points(item_of(row), start, end, today, calendar))
        rows = [
            DisciplineRow(eid, self.executor_name(eid) if eid else "без исполнителя", f.due, f.done_on_time,
                          f.done_late, f.overdue_now, f.ko)
            for eid, f in figures.items()
        ]
        return sorted(rows, key=lambda r: r.name.lower())
