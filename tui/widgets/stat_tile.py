"""A tile with one big number and its caption, for the dashboard."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label


class StatTile(Vertical):
    """Caption above, value below; `variant` colours it (e.g. «danger» for overdue)."""

    DEFAULT_CSS = """
    StatTile { height: 5; border: round $primary; padding: 0 1; width: 1fr; }
    StatTile.danger { border: round $error; }
    StatTile.warning { border: round $warning; }
    StatTile.success { border: round $success; }
    StatTile > .caption { color: $text-muted; }
    StatTile > .value { text-style: bold; }
    """

    def __init__(self, caption: str, value: int = 0, variant: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self._caption = caption
        self._value = value
        if variant:
            self.add_class(variant)

    def compose(self) -> ComposeResult:
        yield Label(self._caption, classes="caption")
        yield Label(str(self._value), classes="value")

    def set_value(self, value: int, note: str = "") -> None:
        """The figure, and beside it a short note («поручений: 16») when there is one."""
        self._value = value
        self.query_one(".value", Label).update(f"{value}  {note}" if note else str(value))
