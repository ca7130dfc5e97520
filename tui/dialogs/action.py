"""The dialog for a status action on an order: which executor (when several) and a text."""
from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select

from tui.dialogs.base import Dialog, buttons, error_label

ALL_EXECUTORS = "__all__"


@dataclass(slots=True, frozen=True)
class ActionResult:
    executor_id: str | None  # None: the whole order / every executor
    text: str


class ActionDialog(Dialog[ActionResult]):
    """Report received, accept, return for rework, withdraw, comment: one form, different words."""

    def __init__(
        self,
        title: str,
        *,
        executors: list[tuple[str, str]] | None = None,
        text_label: str = "Текст",
        text_required: bool = False,
        ok_label: str = "Сохранить",
        missing_text: str = "Заполните поле",
    ) -> None:
        super().__init__()
        self._title = title
        self._executors = executors or []
        self._text_label = text_label
        self._text_required = text_required
        self._ok_label = ok_label
        self._missing_text = missing_text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self._title, classes="dialog-title")
            if len(self._executors) > 1:
                yield Label("Исполнитель")
                options = [("Все исполнители", ALL_EXECUTORS)] + [(name, ex_id) for ex_id, name in self._executors]
                yield Select(options, value=ALL_EXECUTORS, allow_blank=False, id="executor")
            yield Label(self._text_label)
            yield Input(id="text", placeholder=self._text_label)
            yield error_label()
            with Horizontal(classes="dialog-buttons"):
                yield from buttons(self._ok_label)

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def collect(self) -> ActionResult:
        text = self.query_one("#text", Input).value.strip()
        if self._text_required and not text:
            raise ValueError(self._missing_text)
        executor_id: str | None = None
        if len(self._executors) > 1:
            value = self.query_one("#executor", Select).value
            executor_id = None if value == ALL_EXECUTORS else str(value)
        elif len(self._executors) == 1:
            executor_id = self._executors[0][0]
        return ActionResult(executor_id=executor_id, text=text)
