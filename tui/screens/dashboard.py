"""Сводка, the start screen: the four figures, overdue by executor as bars, the next deadlines."""
from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Header, Label

from tracker.control.api import Dashboard
from tui.dates import fmt_date, fmt_days_left
from tui.keys import both
from tui.screens.base import DeskScreen
from tui.screens.orders import Preset
from tui.widgets.bar_chart import Bar, BarChart
from tui.widgets.stat_tile import StatTile

MAX_BARS = 10


def _orders_word(count: int) -> str:
    """«в 1 поручении», «в 16 поручениях»."""
    return "поручении" if count % 10 == 1 and count % 100 != 11 else "поручениях"


class DashboardScreen(DeskScreen):
    BINDINGS = [
        Binding(both("o"), "overdue", "Просроченные"),
        Binding(both("w"), "week", "Срок за 7 дней"),
        Binding(both("d"), "needs_date", "Нужна дата"),
        Binding(both("r"), "refresh", "Обновить"),
        Binding("enter", "open_next", "Открыть", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="dashboard"):
            yield Label("", id="dashboard-date", classes="section-title")
            with Horizontal(id="tiles"):
                yield StatTile("На контроле", id="tile-on-control")
                yield StatTile("Просрочено контрольных точек", variant="danger", id="tile-overdue")
                yield StatTile("Срок в ближайшие 7 дней", variant="warning", id="tile-week")
                yield StatTile("Исполнено в этом месяце", variant="success", id="tile-done")
                yield StatTile("Нужна дата события", variant="warning", id="tile-needs-date")
            with Horizontal(id="dashboard-lower"):
                with Vertical(id="chart-box"):
                    yield Label("Просроченные контрольные точки по исполнителям", classes="section-title")
                    yield BarChart(id="overdue-chart", empty="Просроченных поручений нет")
                with Vertical(id="next-box"):
                    yield Label("Ближайшие сроки", classes="section-title")
                    yield DataTable(id="next-deadlines", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Сводка"
        table = self.query_one("#next-deadlines", DataTable)
        for label in ("Срок", "Осталось", "№", "Исполнитель", "Акт"):
            table.add_column(label, key=label)
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        board = self.call_service(lambda: self.service.dashboard(self.today))
        if board is not None:
            self.show(board)

    def show(self, board: Dashboard) -> None:
        self.query_one("#dashboard-date", Label).update(f"Сегодня {fmt_date(board.today)}")
        self.query_one("#tile-on-control", StatTile).set_value(board.on_control)
        # points, as the execution report counts them; the orders they are in (as the list shows
        # them) beside, when a recurring order's several missed periods make the two differ
        orders = board.overdue_orders
        self.query_one("#tile-overdue", StatTile).set_value(
            board.overdue, f"в {orders} {_orders_word(orders)}" if orders != board.overdue else "")
        self.query_one("#tile-week", StatTile).set_value(board.due_within_7)
        self.query_one("#tile-done", StatTile).set_value(board.done_this_month)
        self.query_one("#tile-needs-date", StatTile).set_value(board.needs_date)
        bars = [Bar(item.name, item.count) for item in board.overdue_by_executor[:MAX_BARS]]
        self.query_one("#overdue-chart", BarChart).set_bars(bars)
        table = self.query_one("#next-deadlines", DataTable)
        table.clear()
        for row in board.next_deadlines:
            style = "bold red" if row.overdue else ""
            table.add_row(
                Text(fmt_date(row.due) if row.due else row.deadline_text, style=style),
                Text(fmt_days_left(row.days_left, row.overdue), style=style),
                row.number,
                row.executors,
                row.act_label,
                key=row.id,
            )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.desk.open_card(event.row_key.value)

    def action_open_next(self) -> None:
        table = self.query_one("#next-deadlines", DataTable)
        if table.row_count:
            key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
            if key.value:
                self.desk.open_card(key.value)

    def action_overdue(self) -> None:
        self.desk.show_orders(Preset(period="overdue"))

    def action_week(self) -> None:
        self.desk.show_orders(Preset(period="week"))

    def action_needs_date(self) -> None:
        self.desk.show_orders(Preset(period="needs_date", status="open"))

    def action_refresh(self) -> None:
        self.reload()
