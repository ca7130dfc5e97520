"""What the control service and the importer share: table names, history records, text folding."""
from __future__ import annotations

from typing import Any

from tracker import mapping
from tracker.models import HistoryEntry

ORDERS, ACTS, EXECUTORS, HISTORY = "orders", "acts", "executors", "history"


def history_record(order_id: str, n: int, entry: HistoryEntry) -> dict:
    """History entries are keyed «<order id>.<n>»: read back in order without any index."""
    return mapping.history_to_record(order_id, entry) | {"id": f"{order_id}.{n}", "n": n}


def history_count(store: Any, raw: dict) -> int:
    """How many history entries the order has (kept on the order; probed for old records)."""
    if raw.get("history_n") is not None:
        return int(raw["history_n"])
    table, count = store.table(HISTORY), 0
    while table.get(f"{raw['id']}.{count}") is not None:
        count += 1
    return count


def fold(text: str) -> str:
    """Lower case, «ё» as «е»: how texts are compared and searched."""
    return (text or "").lower().replace("ё", "е")
