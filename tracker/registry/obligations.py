"""Obligations that follow from registry changes: a new or deleted page -> «сообщить в ЦУР».

The act (Кузбасс № 171, п. 3–4) gives 3 working days from creation or deletion. The control
point is made through a port (anything with `create_order`, such as the control service), so
the registry does not depend on how orders are kept; without one, the obligation waits in
registry_obligations until it is handed over.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from db.api import Store
from tracker.registry.models import NETWORK_LABELS, Network

TABLE = "registry_obligations"
WorkingDays = Callable[[date, int], date]


class OrderSink(Protocol):
    """The part of ControlServiceAPI the registry needs."""

    def create_order(self, act_id: str | None, number: str, text: str, responsible: list[str],
                     due: date | None = None, deadline_text: str | None = None) -> Any: ...


@dataclass(slots=True, frozen=True)
class PageEvent:
    network: Network
    url: str
    created: bool  # False: deleted

    def describe(self) -> str:
        what = "создана" if self.created else "удалена"
        return f"{NETWORK_LABELS[self.network]} {self.url} ({what})"


def page_events(old: dict[str, Any] | None, new: dict[str, Any]) -> list[PageEvent]:
    """Pages that appeared or disappeared between two states (a changed URL is both)."""
    events = []
    for network in Network:
        name = f"page_{network.value}"
        before = "" if old is None or old.get("removed") else (old.get(name) or "")
        after = "" if new.get("removed") else (new.get(name) or "")
        if before == after:
            continue
        if before:
            events.append(PageEvent(network, before, False))
        if after:
            events.append(PageEvent(network, after, True))
    return events


def default_working_days() -> WorkingDays:
    """The bundled production calendar (the root hands a database's own calendar instead)."""
    from tracker.calendar import BUNDLED

    return BUNDLED.add_working_days


def obligation_record(record: dict[str, Any], events: list[PageEvent], when: date, due: date,
                      days: int, basis: str, number: str) -> dict[str, Any]:
    pages = "; ".join(event.describe() for event in events)
    text = (f"Сообщить в ЦУР о созданных и удалённых страницах «{record.get('organisation', '')}» "
            f"({record.get('district') or 'район не указан'}): {pages}.")
    return {
        "id": f"obl-{record['id']}-{when.isoformat()}-{number}",
        "number": number,
        "record_id": record["id"],
        "organisation": record.get("organisation", ""),
        "text": text,
        "event_date": when.isoformat(),
        "due": due.isoformat(),
        "deadline_text": f"в течение {days} рабочих дней с даты создания либо удаления ({basis})",
        "events": [[e.network.value, e.url, e.created] for e in events],
        "order_id": None,
        "state": "ожидает передачи в контроль",
    }


def hand_over(store: Store, sink: OrderSink, pending: list[dict[str, Any]]) -> int:
    """Create the control points in the sink; mark each obligation with the order's id."""
    table = store.table(TABLE)
    done = 0
    for item in pending:
        order = sink.create_order(
            None, item["number"], item["text"], [item["organisation"]],
            due=date.fromisoformat(item["due"]), deadline_text=item["deadline_text"],
        )
        order_id = getattr(order, "id", None) or (order if isinstance(order, str) else None)
        table.update(item["id"], {"order_id": order_id, "state": "на контроле"})
        done += 1
    return done
