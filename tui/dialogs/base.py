"""What every dialog shares: Escape cancels, Ctrl+S or the main button submits, errors show inline."""
from __future__ import annotations

from typing import Generic, TypeVar

from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

R = TypeVar("R")


class Dialog(ModalScreen[R | None], Generic[R]):
    """Subclasses build their fields and implement `collect()`, raising ValueError with a Russian message."""

    BINDINGS = [
        Binding("escape", "cancel", "Отмена"),
        Binding("ctrl+s", "submit", "Сохранить"),
    ]

    def collect(self) -> R:
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        label = self.query_one("#dialog-error", Label)
        label.update(message)
        label.display = bool(message)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_submit(self) -> None:
        try:
            result = self.collect()
        except ValueError as error:
            self.show_error(str(error))
            return
        self.dismiss(result)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "dialog-ok":
            self.action_submit()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()


def error_label() -> Label:
    label = Label("", id="dialog-error", classes="dialog-error")
    label.display = False
    return label


def buttons(ok: str = "Сохранить") -> list[Button]:
    return [Button(ok, id="dialog-ok", variant="primary"), Button("Отмена", id="dialog-cancel")]
