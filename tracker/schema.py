"""The shape of stored records: its version and the migrations that bring old databases forward.

Every room's tables live in one store; the root opens it with these.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date

from db.api import Store
from tracker.models import Recurrence
from tracker.schedule import is_posting_norm, read_point_rule

SCHEMA_VERSION = 2


def _control_points_from_the_control_day(store: Store) -> None:
    """1 -> 2: recurring orders' control points counted from the act's date are counted from the
    day the order was put on control, with the day inside the period read from the act's words
    and posting norms no longer due (issue 10). Orders with any period already accepted keep
    their schedule: the clerk's acceptances belong to it."""
    table = store.table("orders")
    for raw in table.all():
        stored = dict(raw.get("deadline") or {})
        if stored.get("kind") != "recurring" or raw.get("closed_points") or stored.get("covered_until"):
            continue
        try:
            recurrence = Recurrence(str(stored.get("recurrence") or ""))
        except ValueError:
            continue
        words = stored.get("text")
        created = raw.get("created")
        if created and (not stored.get("start") or date.fromisoformat(stored["start"]) < date.fromisoformat(created)):
            stored["start"] = created
        if is_posting_norm(words):
            stored["norm"] = True
        elif stored.get("point_day") is None:
            rule = read_point_rule(recurrence, words)
            stored["point_day"], stored["point_offset"] = rule.day, rule.month_offset
        table.update(raw["id"], {"deadline": stored}, expected_rev=raw.get("_rev"))


MIGRATIONS: dict[int, Callable[[Store], None]] = {  # from_version -> brings the store to from_version + 1
    1: _control_points_from_the_control_day,
}
