"""On the server each order's list row is written in the order's own transaction, and rows that
fell behind (orders written by a tool that builds none) are rebuilt when the service opens."""
from __future__ import annotations

from datetime import date, datetime

import psycopg
import pytest

from tracker.control.api import OrderFilter
from tracker.root import compose

TODAY = date(2026, 11, 2)


def open_service(url: str):
    return compose(url, user="делопроизводитель", clock=lambda: datetime(2026, 11, 2, 10, 0)).control


def row_state(url: str, order_id: str) -> tuple[int, int, int]:
    """(the order's revision, its row's revision, the row's due ordinal) as another connection sees them."""
    with psycopg.connect(url) as conn:
        found = conn.execute("SELECT o.rev, r.rev, r.due_ord FROM orders o JOIN order_rows r ON r.id = o.id "
                             "COLLATE \"C\" WHERE o.id = %s", [order_id]).fetchone()
    assert found is not None
    return found


def test_a_rolled_back_change_leaves_the_order_and_its_row_as_they_were(pg_url):
    service = open_service(pg_url)
    order = service.create_order(None, "1", "Провести совещание", ["Минобразования"], due=date(2026, 10, 1))
    before = row_state(pg_url, order.id)
    assert before[0] == before[1]

    with pytest.raises(RuntimeError), service.store.transaction():
        service.extend(order.id, date(2026, 12, 15), "по письму")
        assert row_state(pg_url, order.id) == before  # not committed: nobody else sees the new row yet
        raise RuntimeError("the clerk's transaction fails after the change")

    assert row_state(pg_url, order.id) == before
    assert service.list_orders(OrderFilter(overdue=True), today=TODAY).total == 1

    service.extend(order.id, date(2026, 12, 15), "по письму")
    rev, row_rev, due = row_state(pg_url, order.id)
    assert rev == row_rev == before[0] + 1 and due == date(2026, 12, 15).toordinal()
    assert service.list_orders(OrderFilter(overdue=True), today=TODAY).total == 0
    service.close()


def test_rows_that_fell_behind_their_orders_are_rebuilt_when_the_service_opens(pg_url):
    service = open_service(pg_url)
    order = service.create_order(None, "1", "Провести совещание", ["Минобразования"], due=date(2026, 10, 1))
    service.close()
    with psycopg.connect(pg_url) as conn:  # a tool that knows nothing of the rows moves the deadline
        conn.execute("UPDATE orders SET doc = jsonb_set(doc, '{deadline,due}', '\"2026-12-15\"'), rev = rev + 1 "
                     "WHERE id = %s", [order.id])

    reopened = open_service(pg_url)
    assert reopened.index.built == 1
    assert reopened.list_orders(OrderFilter(overdue=True), today=TODAY).total == 0
    assert reopened.list_orders(OrderFilter(), today=TODAY).rows[0].due == date(2026, 12, 15)
    reopened.close()
