"""The orders table, loaded page by page: 100,000 orders cost one page until the clerk scrolls."""
from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable

from tracker.control.api import OrderRow, OrdersPage
from tracker.models import Status
from tui.dates import fmt_date, fmt_days_left

OVERDUE = "bold red"
PageFetcher = Callable[[int, int], OrdersPage]

COLUMNS = (
    ("№", "number", 7),
    ("Акт", "act", 36),
    ("Исполнитель", "executors", 28),
    ("Срок", "due", 12),
    ("Осталось", "left", 19),
    ("Статус", "status", 18),
    ("Поручение", "text", None),
)


def row_cells(row: OrderRow) -> tuple[str | Text, ...]:
    """The cells of one row; overdue ones in red so they stand out at a glance.

    Plain strings where no style is needed: they are cheaper to build and measure than Text.
    """
    due = fmt_date(row.due) if row.due else (row.deadline_text or "—")
    left = fmt_days_left(row.days_left, row.overdue)
    text = row.text.replace("\n", " ")
    status = status_cell(row)
    if row.overdue:
        return (
            Text("! " + row.number, style=OVERDUE), row.act_label, row.executors or "—",
            Text(due, style=OVERDUE), Text(left, style=OVERDUE), Text(status, style=OVERDUE), text,
        )
    return (row.number, row.act_label, row.executors or "—", due, left, status, text)


def status_cell(row: OrderRow) -> str:
    """The order's status; «нужна дата» for a term waiting for its event; with executors whose parts
    differ, how many parts are accepted («на исполнении, принято 1 из 2»; the card names them); how
    many control points are overdue when more than one («на исполнении, просрочено точек: 2»)."""
    if row.needs_date and row.status not in (Status.DONE, Status.WITHDRAWN):
        return "нужна дата"
    tracked = [p for p in row.parts if p.status != Status.WITHDRAWN]
    # a recurring order with several missed periods: each is an overdue control point of its own
    points = f", просрочено точек: {row.overdue_points}" if row.overdue_points > 1 else ""
    if len(tracked) > 1 and len({p.status for p in tracked}) > 1:
        accepted = sum(1 for p in tracked if p.status == Status.DONE)
        return f"{row.status}, принято {accepted} из {len(tracked)}{points}"
    return f"{row.status}{points}"


class OrdersTable(DataTable):
    """A DataTable that asks for the next page when the cursor or the scroll nears the end."""

    PAGE_SIZE = 60  # more than a tall terminal shows; the rest comes as the clerk scrolls
    PREFETCH_MARGIN = 20

    class Chosen(Message):
        """The clerk pressed Enter on an order."""

        def __init__(self, order_id: str) -> None:
            super().__init__()
            self.order_id = order_id

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self._fetch: PageFetcher | None = None
        self.total = 0
        self.loaded = 0
        self._busy = False  # rows are being added: cursor moves then are not the clerk's
        self._more_scheduled = False

    def on_mount(self) -> None:
        for label, key, width in COLUMNS:
            self.add_column(label, key=key, width=width)

    def load(self, fetch: PageFetcher) -> int:
        """Replace the content with the first page of `fetch`; returns the total count."""
        self._fetch = fetch
        page = fetch(0, self.PAGE_SIZE)
        self._busy = True
        try:
            self.clear()
        finally:
            self._busy = False
        self.total = page.total
        self.loaded = 0
        self._append(page.rows)
        return self.total

    def load_more(self) -> bool:
        """Append the next page, if any; True when rows were added."""
        if self._fetch is None or self.loaded >= self.total:
            return False
        page = self._fetch(self.loaded, self.PAGE_SIZE)
        if not page.rows:
            self.total = self.loaded
            return False
        self._append(page.rows)
        return True

    def _append(self, rows: list[OrderRow]) -> None:
        self._busy = True
        try:
            for row in rows:
                self.add_row(*row_cells(row), key=row.id)
            self.loaded += len(rows)
        finally:
            self._busy = False

    @property
    def current_order_id(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    def _near_end(self, row_index: int) -> bool:
        return not self._busy and self.loaded < self.total and row_index >= self.loaded - self.PREFETCH_MARGIN

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        super().watch_cursor_coordinate(old, new)
        if self._near_end(new.row):
            self._schedule_more()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self._near_end(int(new_value) + self.size.height):
            self._schedule_more()

    def _schedule_more(self) -> None:
        if not self._more_scheduled:
            self._more_scheduled = True
            self.call_later(self._scheduled_more)

    def _scheduled_more(self) -> None:
        self._more_scheduled = False
        self.load_more()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.post_message(self.Chosen(event.row_key.value))
