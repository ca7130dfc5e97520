"""Moving a deadline: the new date (ДД.ММ.ГГГГ, later than the old one), the reason and the basis."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label

from tui.dates import fmt_date, parse_date
from tui.dialogs.base import Dialog, buttons, error_label


@dataclass(slots=True, frozen=True)
class ExtendResult:
    new_date: date
    reason: str
    basis: str | None


class ExtendDialog(Dialog[ExtendResult]):
    def __init__(self, current_due: date | None) -> None:
        super().__init__()
        self._current = current_due

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Продление срока", classes="dialog-title")
            yield Label(f"Текущий срок: {fmt_date(self._current)}")
            yield Label("Новый срок (ДД.ММ.ГГГГ)")
            yield Input(id="new-date", placeholder="ДД.ММ.ГГГГ", max_length=10)
            yield Label("Причина продления")
            yield Input(id="reason", placeholder="например: по просьбе исполнителя")
            yield Label("Основание (документ), необязательно")
            yield Input(id="basis", placeholder="письмо от 01.10.2026 № 12-345")
            yield error_label()
            with Horizontal(classes="dialog-buttons"):
                yield from buttons("Продлить")

    def on_mount(self) -> None:
        self.query_one("#new-date", Input).focus()

    def collect(self) -> ExtendResult:
        new_date = parse_date(self.query_one("#new-date", Input).value)
        if self._current and new_date <= self._current:
            raise ValueError(f"Новый срок должен быть позже текущего ({fmt_date(self._current)})")
        reason = self.query_one("#reason", Input).value.strip()
        if not reason:
            raise ValueError("Укажите причину продления")
        basis = self.query_one("#basis", Input).value.strip() or None
        return ExtendResult(new_date=new_date, reason=reason, basis=basis)
