"""A horizontal bar chart drawn with block characters (overdue orders by executor)."""
from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual.widgets import Static


@dataclass(slots=True, frozen=True)
class Bar:
    label: str
    value: int


class BarChart(Static):
    """Bars scaled to the widest value; labels are cut so the bars keep their room."""

    DEFAULT_CSS = """
    BarChart { height: auto; }
    """

    def __init__(self, bars: list[Bar] | None = None, *, empty: str = "Нет данных", **kwargs) -> None:
        super().__init__(**kwargs)
        self._bars = bars or []
        self._empty = empty

    def set_bars(self, bars: list[Bar]) -> None:
        self._bars = bars
        self.refresh(layout=True)

    def render(self) -> Table | Text:
        if not self._bars:
            return Text(self._empty, style="dim")
        width = max(self.size.width, 40)
        label_width = min(32, max(len(bar.label) for bar in self._bars))
        bar_room = max(5, width - label_width - 10)
        top = max(bar.value for bar in self._bars) or 1
        table = Table.grid(padding=(0, 1))
        table.add_column(width=label_width, no_wrap=True, overflow="ellipsis")
        table.add_column(no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        for bar in self._bars:
            length = max(1, round(bar.value / top * bar_room)) if bar.value else 0
            table.add_row(bar.label, Text("█" * length, style="bold red"), str(bar.value))
        return table
