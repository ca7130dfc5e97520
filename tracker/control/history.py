"""History of orders: every change is an appended entry, and this is the one place that makes them.

Entries are keyed «<order id>.<n>» and read back in order without any index; the order record
keeps how many it has (`history_n`). `with_entry` is the single function every writer (status
changes, imports, new versions of an act) goes through, so the numbering cannot diverge.
"""
from __future__ import annotations

from db.api import Store
from tracker.control.records import HISTORY, history_to_record, order_to_record
from tracker.models import HistoryEntry, Order


def history_count(store: Store, raw: dict | None) -> int:
    """How many history entries the stored order has (kept on the order; probed for old records)."""
    if raw is None:
        return 0
    if raw.get("history_n") is not None:
        return int(raw["history_n"])
    table, count = store.table(HISTORY), 0
    while table.get(f"{raw['id']}.{count}") is not None:
        count += 1
    return count


def with_entry(store: Store, order: Order, raw: dict | None,
               entry: HistoryEntry | None) -> tuple[dict, dict | None]:
    """The order's record to store and its new history entry (None when there is nothing to say).

    `raw` is the order as stored before the change (None for a new order). The caller writes
    both in one transaction: the record with replace/insert, the entry into the history table.
    """
    count = history_count(store, raw)
    written = None
    if entry is not None:
        written = history_to_record(order.id, entry) | {"id": f"{order.id}.{count}", "n": count}
        count += 1
    return order_to_record(order) | {"history_n": count}, written


def entries(store: Store, raw: dict) -> list[dict]:
    """The stored history entries of an order, oldest first."""
    table = store.table(HISTORY)
    found = (table.get(f"{raw['id']}.{n}") for n in range(history_count(store, raw)))
    return [entry for entry in found if entry is not None]
