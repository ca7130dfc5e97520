"""The desk on the region's server holds a page of orders and asks for the next as the clerk scrolls."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from textual.widgets import Label
from tui_helpers import SIZE, TODAY

from tracker.control.api import OrderFilter
from tracker.control.sql_queries import SqlOrderQueries
from tracker.root import compose
from tui.app import make_app
from tui.widgets.orders_table import OrdersTable

ORDERS = 170


def server_with_orders(url: str):
    service = compose(url, user="делопроизводитель", clock=lambda: datetime(2026, 11, 2, 10, 0)).control
    for n in range(ORDERS):
        service.create_order(None, str(n + 1), f"Поручение номер {n + 1}: представить сведения",
                             ["Министерство образования" if n % 2 else "Министерство культуры"],
                             due=TODAY + timedelta(days=n % 40 - 10))
    return service


async def test_the_desk_pages_through_170_orders_on_postgresql(pg_url):
    service = server_with_orders(pg_url)
    assert isinstance(service.index, SqlOrderQueries)  # no order is held in the desk's memory
    expected = [r.id for r in service.list_orders(OrderFilter(), limit=None, today=TODAY).rows]
    app = make_app(service, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        table = app.screen.query_one(OrdersTable)
        assert table.total == ORDERS
        assert table.row_count == OrdersTable.PAGE_SIZE < ORDERS  # one page, not every order
        assert str(app.screen.query_one("#orders-summary", Label).render()) == f"Найдено поручений: {ORDERS}"
        table.focus()
        pages = 1
        presses = 0
        while table.row_count < ORDERS and presses < 60:  # PageDown as a clerk scrolls
            before = table.row_count
            await pilot.press("pagedown")
            await pilot.pause()
            presses += 1
            pages += table.row_count > before
        assert table.row_count == ORDERS and pages == 3  # 60 + 60 + 50, each page asked for as it neared
        shown = [table.coordinate_to_cell_key((row, 0)).row_key.value for row in range(table.row_count)]
        assert shown == expected  # every order once, in the order of their deadlines (ties by number, id)
        dues = [r.due for r in service.list_orders(OrderFilter(), limit=None, today=TODAY).rows]
        assert dues == sorted(dues) and dues[0] == date(2026, 10, 23)
    service.close()
