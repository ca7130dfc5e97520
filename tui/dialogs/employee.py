"""Editing the employee responsible for an institution's pages (a dated change in the registry)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label

from tui.dates import fmt_date, parse_date
from tui.dialogs.base import Dialog, buttons, error_label

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(slots=True, frozen=True)
class EmployeeResult:
    full_name: str
    position: str
    phone: str
    email: str
    when: date
    reason: str


class EmployeeDialog(Dialog[EmployeeResult]):
    def __init__(self, organisation: str, *, full_name: str = "", position: str = "", phone: str = "",
                 email: str = "", today: date) -> None:
        super().__init__()
        self._organisation = organisation
        self._values = (full_name, position, phone, email)
        self._today = today

    def compose(self) -> ComposeResult:
        full_name, position, phone, email = self._values
        with Vertical(classes="dialog dialog-wide"):
            yield Label(f"Ответственный сотрудник: {self._organisation}", classes="dialog-title")
            yield Label("ФИО")
            yield Input(full_name, id="full-name")
            yield Label("Должность")
            yield Input(position, id="position")
            yield Label("Телефон")
            yield Input(phone, id="phone", placeholder="+7 (4212) 00-00-00")
            yield Label("E-mail")
            yield Input(email, id="email")
            yield Label("Дата изменения (ДД.ММ.ГГГГ)")
            yield Input(fmt_date(self._today), id="when", max_length=10)
            yield Label("Причина (необязательно)")
            yield Input(id="reason", placeholder="смена ответственного сотрудника")
            yield error_label()
            with Horizontal(classes="dialog-buttons"):
                yield from buttons("Сохранить")

    def on_mount(self) -> None:
        self.query_one("#full-name", Input).focus()

    def collect(self) -> EmployeeResult:
        full_name = self.query_one("#full-name", Input).value.strip()
        if not full_name:
            raise ValueError("Укажите ФИО ответственного сотрудника")
        email = self.query_one("#email", Input).value.strip()
        if email and not _EMAIL.match(email):
            raise ValueError(f"«{email}» — не адрес электронной почты: нужен вид name@example.ru")
        phone = self.query_one("#phone", Input).value.strip()
        if phone and sum(ch.isdigit() for ch in phone) < 6:
            raise ValueError(f"«{phone}» — не номер телефона: нужно не меньше 6 цифр")
        return EmployeeResult(
            full_name=full_name,
            position=self.query_one("#position", Input).value.strip(),
            phone=phone,
            email=email,
            when=parse_date(self.query_one("#when", Input).value),
            reason=self.query_one("#reason", Input).value.strip(),
        )
