"""Поручения: the table with instant filters (text, executor, act, status, period) and sorting."""
from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Header, Input, Label, Select
from textual.widgets.select import NoSelection

from russian_errors import os_problem
from tracker.control.api import OrderFilter, OrdersPage, SortKey
from tracker.control.export import Cell, export_name, orders_for_export, xlsx_bytes
from tracker.control.records import act_label
from tracker.models import Status
from tui.dates import month_bounds
from tui.delivery import offer_bytes
from tui.screens.base import DeskScreen
from tui.widgets.orders_table import OrdersTable

OPEN_STATUSES = {Status.ON_CONTROL, Status.REPORTED, Status.REWORK}
ANY = "any"

STATUS_OPTIONS = [("Незакрытые", "open"), ("Все статусы", ANY)] + [
    (str(status).capitalize(), status.value) for status in Status
]
PERIOD_OPTIONS = [
    ("Любой срок", ANY),
    ("Просроченные", "overdue"),
    ("Ближайшие 7 дней", "week"),
    ("Ближайшие 30 дней", "month30"),
    ("Этот месяц", "this_month"),
    ("Следующий месяц", "next_month"),
    ("Нужна дата события", "needs_date"),
    ("Постоянно", "permanent"),
]
SORT_OPTIONS = [("По сроку", SortKey.DEADLINE.value), ("По срочности", SortKey.URGENCY.value),
                ("По номеру", SortKey.NUMBER.value)]


@dataclass(slots=True, frozen=True)
class Preset:
    """A filter set from elsewhere (dashboard, act list, palette); None keeps the current value."""

    period: str | None = None
    status: str | None = None
    act_id: str | None = None
    executor_id: str | None = None
    text: str | None = None
    clear_choices: bool = False  # reset the executor and act choices


class OrdersScreen(DeskScreen):
    BINDINGS = [
        Binding("slash,ctrl+f", "focus_search", "Поиск"),
        Binding("ctrl+t", "focus_table", "К таблице"),
        Binding("ctrl+o", "toggle_overdue", "Просроченные"),
        Binding("ctrl+s", "cycle_sort", "Сортировка"),
        Binding("ctrl+r", "reset", "Сбросить фильтры"),
        # priority: exports from the search field too (where Ctrl+E would only move the cursor)
        Binding("ctrl+e", "export", "В Excel", priority=True),
        Binding("enter", "open_card", "Открыть", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._ready = False
        self._pending: Preset | None = None  # a preset given before the screen was mounted

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="filters"):
            yield Input(placeholder="Поиск по тексту, акту, исполнителю", id="search")
            yield Select([], prompt="Все исполнители", id="executor")
            yield Select([], prompt="Все акты", id="act")
            yield Select(STATUS_OPTIONS, value="open", allow_blank=False, id="status")
            yield Select(PERIOD_OPTIONS, value=ANY, allow_blank=False, id="period")
            yield Select(SORT_OPTIONS, value=SortKey.DEADLINE.value, allow_blank=False, id="sort")
        yield Label("", id="orders-summary")
        yield OrdersTable(id="orders-table")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Поручения"
        self._fill_choices()
        self._ready = True
        if self._pending is not None:
            self.apply_preset(self._pending)
            self._pending = None
        else:
            self.reload()
        self.query_one(OrdersTable).focus()

    def on_screen_resume(self) -> None:
        if self._ready:
            self._fill_choices()
            self.reload(keep_cursor=True)

    def _fill_choices(self) -> None:
        executors = self.call_service(self.service.executors) or []
        acts = self.call_service(self.service.acts) or []
        executor_select = self.query_one("#executor", Select)
        act_select = self.query_one("#act", Select)
        executor_value, act_value = executor_select.value, act_select.value
        with self.prevent(Select.Changed):
            executor_options = sorted(((e.name, e.id) for e in executors), key=lambda o: o[0].lower())
            executor_select.set_options(executor_options)
            act_select.set_options([(act_label(a.kind, a.number, a.date), a.id) for a in acts])
            ids = {e.id for e in executors}
            if executor_value in ids:
                executor_select.value = executor_value
            if act_value in {a.id for a in acts}:
                act_select.value = act_value

    # -- filter -------------------------------------------------------------------
    def current_filter(self) -> OrderFilter:
        text = self.query_one("#search", Input).value.strip() or None
        executor = self.query_one("#executor", Select).value
        act = self.query_one("#act", Select).value
        # status, period and sort are never blank (allow_blank=False); were one blank, it would
        # restrict nothing, as a blank executor or act does, and the table keeps its default order
        status = self.query_one("#status", Select).value
        period = self.query_one("#period", Select).value
        sort_value = self.query_one("#sort", Select).value
        sort = SortKey.DEADLINE if isinstance(sort_value, NoSelection) else SortKey(sort_value)
        flt = OrderFilter(
            text=text,
            executor_id=None if executor is Select.NULL else str(executor),
            act_id=None if act is Select.NULL else str(act),
            sort=sort,
        )
        if status == "open":
            flt.statuses = set(OPEN_STATUSES)
            flt.include_closed = False
        elif status != ANY and not isinstance(status, NoSelection):
            flt.statuses = {Status(status)}
        today = self.today
        if period == "overdue":
            flt.overdue = True
        elif period == "week":
            flt.due_within_days = 7
        elif period == "month30":
            flt.due_within_days = 30
        elif period in ("this_month", "next_month"):
            flt.due_from, flt.due_to = month_bounds(today, 0 if period == "this_month" else 1)
        elif period == "needs_date":
            flt.needs_date = True
        elif period == "permanent":
            flt.permanent = True
        return flt

    def reload(self, keep_cursor: bool = False) -> None:
        table = self.query_one(OrdersTable)
        flt = self.current_filter()
        today = self.today
        cursor_row = table.cursor_row if keep_cursor else 0

        def fetch(offset: int, limit: int) -> OrdersPage:
            if offset == 0:  # the first page: the caller below reports a failure
                return self.service.list_orders(flt, offset=offset, limit=limit, today=today)
            page = self.call_service(lambda: self.service.list_orders(flt, offset=offset, limit=limit, today=today))
            return page or OrdersPage(rows=[], total=0)  # a failed later page ends the scroll, with a message

        total = self.call_service(lambda: table.load(fetch))
        if total is None:
            return
        self.query_one("#orders-summary", Label).update(self._summary(total))
        if keep_cursor and table.row_count:
            table.move_cursor(row=min(cursor_row, table.row_count - 1))

    @staticmethod
    def _summary(total: int) -> str:
        return f"Найдено поручений: {total}" if total else "Ничего не найдено: измените фильтры (Ctrl+R — сбросить)"

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search" and self._ready:
            self.reload()

    def on_select_changed(self, event: Select.Changed) -> None:
        if self._ready:
            self.reload()

    def apply_preset(self, preset: Preset) -> None:
        """Set several filters at once and reload once."""
        if not self._ready:
            self._pending = preset
            return
        with self.prevent(Select.Changed, Input.Changed):
            if preset.text is not None:
                self.query_one("#search", Input).value = preset.text
            if preset.status is not None:
                self.query_one("#status", Select).value = preset.status
            if preset.period is not None:
                self.query_one("#period", Select).value = preset.period
            if preset.act_id is not None:
                self.query_one("#act", Select).value = preset.act_id
            if preset.executor_id is not None:
                self.query_one("#executor", Select).value = preset.executor_id
            if preset.clear_choices:
                self.query_one("#executor", Select).clear()
                self.query_one("#act", Select).clear()
        self.reload()
        self.query_one(OrdersTable).focus()

    # -- actions ------------------------------------------------------------------
    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_focus_table(self) -> None:
        self.query_one(OrdersTable).focus()

    def action_toggle_overdue(self) -> None:
        period = self.query_one("#period", Select)
        period.value = ANY if period.value == "overdue" else "overdue"

    def action_cycle_sort(self) -> None:
        sort = self.query_one("#sort", Select)
        values = [value for _, value in SORT_OPTIONS]
        sort.value = values[(values.index(str(sort.value)) + 1) % len(values)]

    def action_reset(self) -> None:
        self.apply_preset(Preset(period=ANY, status="open", text="", clear_choices=True))

    def action_open_card(self) -> None:
        order_id = self.query_one(OrdersTable).current_order_id
        if order_id:
            self.desk.open_card(order_id)

    def on_orders_table_chosen(self, message: OrdersTable.Chosen) -> None:
        self.desk.open_card(message.order_id)

    # -- export -------------------------------------------------------------------
    def action_export(self) -> None:
        """The orders the filters find (every page, not only those scrolled to) as .xlsx, with the
        columns of `tracker export`: a download in a browser, a file in the drafts folder here."""
        flt, today = self.current_filter(), self.today
        rows = self.call_service(lambda: orders_for_export(self.service, flt, today))
        if rows is None:
            return
        if not rows:
            self.app.notify("Ни одно поручение не подходит под фильтры: выгружать нечего.", severity="warning")
            return
        self.build_export(rows, export_name(today))

    @work(thread=True, exclusive=True, group="export")
    def build_export(self, rows: list[list[Cell]], name: str) -> None:
        data = xlsx_bytes(rows)  # thousands of rows take a moment: off the main thread
        self.app.call_from_thread(self.deliver_export, data, name, len(rows))

    def deliver_export(self, data: bytes, name: str, count: int) -> None:
        try:
            path = offer_bytes(self.app, data, name, self.desk.drafts_dir)
        except OSError as error:
            self.app.notify(f"Файл не сохранён: {os_problem(error)}.", title="Выгрузка в Excel", severity="error")
            return
        where = f"файл {path}" if path else f"браузер скачивает файл {name}"
        self.app.notify(f"Выгружено поручений: {count}; {where}", title="Выгрузка в Excel", timeout=10)
