"""Whole records read from the store: an order with its history, an act, the order's card.

The query index answers lists and figures from light rows; what a card or a draft needs in
full (texts, history, versions) is read here, decoded by tracker.control.records.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import date

from db.api import Store
from tracker.calendar import ProductionCalendar
from tracker.control import history
from tracker.control.api import OrderCard, OrderQueries
from tracker.control.records import ACTS, ORDERS, act_from_record, history_from_record, order_from_record
from tracker.deadlines import needs_date
from tracker.discipline import order_item, overdue_points
from tracker.errors import NotFoundError
from tracker.models import Act, DeadlineKind, Order
from tracker.statuses import OPEN, order_due

MANUAL_ACT_ID = "manual"


def manual_act() -> Act:
    """The act that orders entered by hand belong to."""
    return Act(id=MANUAL_ACT_ID, kind="поручения вручную", number=None, date=None, issuer=None,
               title="Поручения, внесённые вручную")


class StoredRecords:
    """Full orders and acts from the store; order references resolved by the query index."""

    def __init__(self, store: Store, index: OrderQueries, calendar: ProductionCalendar) -> None:
        self.store = store
        self.index = index
        self.calendar = calendar

    def get_order(self, order_id: str) -> Order:
        """The full order with its history (id or unambiguous prefix)."""
        order_id = self.index.resolve_order_id(order_id)
        raw = self.store.table(ORDERS).get(order_id)
        if raw is None:
            raise NotFoundError(f"Поручение {order_id[:8]} не найдено (удалено другим пользователем?).")
        order = order_from_record(raw)
        order.history = [history_from_record(h) for h in history.entries(self.store, raw)]
        return order

    def order_texts(self, order_ids: list[str]) -> dict[str, str]:
        """Full texts of these orders (lists keep only the first 200 characters)."""
        found = self.store.table(ORDERS).get_many(order_ids)  # a page of rows: one query, not one each
        return {order_id: (found.get(order_id) or {}).get("text") or "" for order_id in order_ids}

    def get_act(self, act_id: str) -> Act:
        raw = self.store.table(ACTS).get(act_id)
        if raw is None:
            if act_id == MANUAL_ACT_ID:
                return manual_act()
            raise NotFoundError(f"Акт {act_id} не найден.")
        return act_from_record(raw)

    def order_card(self, order_id: str, today: date) -> OrderCard:
        order = self.get_order(order_id)
        act = self.get_act(order.act_id)
        due = order_due(order, self.calendar)
        is_open = order.status in OPEN
        recurring = order.deadline.kind == DeadlineKind.RECURRING
        # the card's missed periods are the overdue control points every figure counts
        missed = [p.due for p in overdue_points(order_item(order), today, self.calendar)
                  if p.due is not None] if recurring and is_open else []
        return OrderCard(
            order=order, act=act, overdue=bool(is_open and due and due < today),
            days_left=(due - today).days if due and is_open else None,
            next_due=due if recurring else None,
            source_passage=order.span, missed_points=missed, needs_date=needs_date(order.deadline),
        )

    def acts(self) -> list[Act]:
        self.index.refresh()
        summaries = getattr(self.index, "act_summaries", None)
        if summaries is not None:  # the server: the acts as lists show them; a text is read when asked for
            load = self.index.act_text  # type: ignore[attr-defined]
            result: list[Act] = [ActTextOnDemand(act_from_record(raw), load) for raw in summaries()]
        else:
            result = [act_from_record(r) for r in self.store.table(ACTS).all()]
        return sorted(result, key=lambda a: (a.date or date.min, a.number or ""), reverse=True)


class ActTextOnDemand(Act):
    """An act of a list whose text (often tens of kilobytes) is read from the store when first asked for."""

    def __init__(self, act: Act, load: Callable[[str], str]) -> None:
        self._load = load
        Act.__init__(self, **{f.name: getattr(act, f.name) for f in fields(Act) if f.name != "text"})
        self._text: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self._load(self.id)
        return self._text

    @text.setter
    def text(self, value: str) -> None:
        self._text = value
