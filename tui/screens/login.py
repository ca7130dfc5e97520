"""Вход: the first screen of the desk on a server database (login and password).

The screen only asks; the app's `log_in` callable (built by the front end over
tracker.root.Gate) checks the password and returns the clerk's services, guarded for the
role. A wrong password, a disabled account or a database without accounts is said in one
Russian line under the fields, and the password field is cleared for another try.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label

from tracker.errors import TrackerError
from tui.guard import error_text

if TYPE_CHECKING:
    from tui.app import TrackerApp


class LoginScreen(Screen[None]):
    CSS_PATH = "login.tcss"
    BINDINGS = [Binding("ctrl+q", "app.quit", "Выход", priority=True)]

    def compose(self) -> ComposeResult:
        yield Header()
        with Center(), Vertical(id="login-box"):
            yield Label("Вход в систему", id="login-title")
            yield Label("База данных на сервере: войдите под своей учётной записью.", id="login-hint")
            yield Label("Пользователь")
            yield Input(id="login-user", placeholder="имя пользователя")
            yield Label("Пароль")
            yield Input(id="login-password", password=True, placeholder="пароль")
            yield Label("", id="login-error")
            yield Button("Войти", id="login-submit", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Вход"
        self.query_one("#login-user", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "login-user":
            self.query_one("#login-password", Input).focus()
        else:
            self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "login-submit":
            self.submit()

    def submit(self) -> None:
        login = self.query_one("#login-user", Input).value.strip()
        password_field = self.query_one("#login-password", Input)
        error = self.query_one("#login-error", Label)
        if not login or not password_field.value:
            error.update("Введите имя пользователя и пароль.")
            return
        desk: TrackerApp = self.app  # type: ignore[assignment]
        try:
            desk.log_in(login, password_field.value)
        except TrackerError as failure:
            error.update(error_text(failure))
            password_field.value = ""
            password_field.focus()
