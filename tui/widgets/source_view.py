"""An act's text with one passage highlighted: the clerk sees where an order came from."""
from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

HIGHLIGHT = "bold black on yellow"
UNSURE = "underline red"  # a line of a scan the OCR read poorly


class SourceView(VerticalScroll):
    """Scrollable act text; `show(text, span)` highlights the span and scrolls it into view."""

    DEFAULT_CSS = """
    SourceView { border: round $secondary; padding: 0 1; }
    SourceView > Static { width: 1fr; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._body = Static("", id="source-body")
        self._text = ""

    def compose(self):
        yield self._body

    def show(self, text: str, span: tuple[int, int] | None = None,
             unsure: list[tuple[int, int]] | None = None) -> None:
        """`unsure`: spans of lines recognised poorly from a scan, marked for the clerk to check."""
        self._text = text or ""
        rich_text = Text(self._text or "Текст акта не сохранён.")
        for start, end in unsure or []:
            if 0 <= start < end <= len(self._text):
                rich_text.stylize(UNSURE, start, end)
        if span and 0 <= span[0] < span[1] <= len(self._text):
            rich_text.stylize(HIGHLIGHT, span[0], span[1])
            line = self._text.count("\n", 0, span[0])
            self._body.update(rich_text)
            self.call_after_refresh(self._scroll_to_line, line)
        else:
            self._body.update(rich_text)

    def _scroll_to_line(self, line: int) -> None:
        # Wrapped lines make this approximate; it still lands the passage on screen.
        width = max(self._body.size.width, 1)
        rows = sum(max(1, -(-len(part) // width)) for part in self._text.split("\n")[:line])
        self.scroll_to(y=max(0, rows - 2), animate=False)
