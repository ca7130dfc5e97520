"""Проекты документов: pick a kind and its dates, generate in a worker, show where the files went.

Shown only when the app is given a drafting service (tracker.drafting.service.DraftingService).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Footer, Header, Input, Label, LoadingIndicator, Log, Select

from tracker.drafting.api import DraftingServiceAPI
from tracker.errors import TrackerError
from tui.dates import fmt_date, month_bounds, parse_date
from tui.delivery import offer_file
from tui.guard import error_text
from tui.screens.base import DeskScreen


@dataclass(slots=True, frozen=True)
class DraftRequest:
    """What the clerk asked for, validated on the main thread before the worker starts."""

    kind: str
    out: Path
    first: date  # as of (quarterly), period start (report)
    second: date | None  # period end (report)
    days: int  # reminders: due within N days


def default_name(kind: str, today: date) -> str:
    names = {"quarterly": "проект-постановления", "report": "информация-об-исполнении",
             "reminders": "напоминания"}
    return f"{names.get(kind, kind)}-{today:%Y-%m-%d}.docx"


class DraftsScreen(DeskScreen):
    BINDINGS = [
        Binding("ctrl+g", "generate", "Подготовить"),
        Binding("ctrl+t", "focus_kind", "К выбору вида"),
    ]

    class Done(Message):
        def __init__(self, lines: list[str], error: str | None = None, result: Any = None) -> None:
            super().__init__()
            self.lines = lines
            self.error = error
            self.result = result  # the DraftResult, recorded by the service on the main thread

    def __init__(self, drafting: DraftingServiceAPI, out_dir: Path | None = None) -> None:
        super().__init__()
        self.drafting = drafting
        self.out_dir = out_dir or Path.cwd()
        self.last_files: list[Path] = []

    def compose(self) -> ComposeResult:
        self._kinds = tuple(self.call_service(self.drafting.kinds) or ())
        self._descriptions = {kind.key: kind.description for kind in self._kinds}
        yield Header()
        with Vertical(id="drafts"):
            yield Label("Вид документа", classes="section-title")
            yield Select([(kind.title, kind.key) for kind in self._kinds], prompt="Выберите вид документа",
                         allow_blank=not self._kinds, id="draft-kind")
            yield Label("", id="draft-description")
            with Horizontal(id="draft-dates"):
                with Vertical(id="first-box"):
                    yield Label("", id="first-label")
                    yield Input(id="draft-first", max_length=10, placeholder="ДД.ММ.ГГГГ")
                with Vertical(id="second-box"):
                    yield Label("Конец периода (ДД.ММ.ГГГГ)")
                    yield Input(id="draft-second", max_length=10, placeholder="ДД.ММ.ГГГГ")
                with Vertical(id="days-box"):
                    yield Label("Срок истекает в ближайшие, дней")
                    yield Input("7", id="draft-days", max_length=3)
            yield Label("Файл проекта (.docx)")
            yield Input(id="draft-out")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Подготовить (Ctrl+G)", id="draft-go", variant="primary")
            yield LoadingIndicator(id="draft-busy")
            yield Log(id="draft-log")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Проекты документов"
        self.query_one("#draft-busy").display = False
        if self._kinds:
            self._show_kind(self._kinds[0].key)

    def _show_kind(self, kind: str) -> None:
        today = self.today
        self.query_one("#draft-description", Label).update(self._descriptions.get(kind, ""))
        first = self.query_one("#draft-first", Input)
        self.query_one("#second-box").display = kind == "report"
        self.query_one("#days-box").display = kind == "reminders"
        self.query_one("#first-box").display = kind != "reminders"
        if kind == "report":
            start, end = month_bounds(today, -1)
            self.query_one("#first-label", Label).update("Начало периода (ДД.ММ.ГГГГ)")
            first.value = fmt_date(start)
            self.query_one("#draft-second", Input).value = fmt_date(end)
        else:
            self.query_one("#first-label", Label).update("По состоянию на (ДД.ММ.ГГГГ)")
            first.value = fmt_date(today)
        self.query_one("#draft-out", Input).value = str(self.out_dir / default_name(kind, today))

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "draft-kind" and event.value is not Select.NULL:
            self._show_kind(str(event.value))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "draft-go":
            self.action_generate()

    def action_focus_kind(self) -> None:
        self.query_one("#draft-kind", Select).focus()

    def request(self) -> DraftRequest:
        """The form as a request; ValueError with a Russian message when something is wrong."""
        value = self.query_one("#draft-kind", Select).value
        if value is Select.NULL:
            raise ValueError("Выберите вид документа")
        kind = str(value)
        out_text = self.query_one("#draft-out", Input).value.strip()
        if not out_text:
            raise ValueError("Укажите файл, куда сохранить проект")
        out = Path(out_text).expanduser()
        if out.suffix.lower() != ".docx":
            raise ValueError("Проект сохраняется в файл .docx: исправьте имя файла")
        if not out.parent.is_dir():
            raise ValueError(f"Папки {out.parent} нет: укажите существующую")
        first = parse_date(self.query_one("#draft-first", Input).value) if kind != "reminders" else self.today
        second = parse_date(self.query_one("#draft-second", Input).value) if kind == "report" else None
        if second and second < first:
            raise ValueError("Конец периода раньше начала: поменяйте даты местами")
        days_text = self.query_one("#draft-days", Input).value.strip() or "7"
        if not days_text.isdigit():
            raise ValueError("Число дней — целое число, например 7")
        return DraftRequest(kind=kind, out=out, first=first, second=second, days=int(days_text))

    def action_generate(self) -> None:
        try:
            request = self.request()
        except ValueError as error:
            self.app.notify(str(error), title="Проверьте форму", severity="error")
            return
        self.query_one("#draft-busy").display = True
        self.query_one("#draft-go", Button).disabled = True
        self.generate(request)

    @work(thread=True, exclusive=True, group="draft")
    def generate(self, request: DraftRequest) -> None:
        try:
            result = self._run(request)
        except TrackerError as error:  # DraftError and storage errors (translated): shown as a message
            self.post_message(self.Done([], error_text(error)))
            return
        self.last_files = list(result.files)
        lines = list(result.summary) + [f"Внимание: {w}" for w in result.warnings]
        self.post_message(self.Done(lines, result=result))

    def _run(self, request: DraftRequest) -> Any:
        today = self.today
        if request.kind == "quarterly":
            return self.drafting.quarterly(request.out, as_of=request.first, today=today)
        if request.kind == "report":
            return self.drafting.report(request.out, request.first, request.second or request.first, today=today)
        return self.drafting.reminders(request.out, within_days=request.days, today=today)

    def on_drafts_screen_done(self, message: Done) -> None:
        self.query_one("#draft-busy").display = False
        self.query_one("#draft-go", Button).disabled = False
        log = self.query_one("#draft-log", Log)
        if message.error:
            log.write_line(f"Ошибка: {message.error}")
            self.app.notify(message.error, title="Проект не подготовлен", severity="error", timeout=10)
            return
        if message.result is not None:
            try:  # a quarterly draft is logged, so the next change sheet counts from its list
                self.drafting.remember(message.result)
            except TrackerError as error:  # storage errors (translated): shown, the draft itself is written
                self.app.notify(error_text(error), title="Проект не записан в журнал", severity="warning")
        for line in message.lines:
            log.write_line(line)
        # in a browser every file is offered as a download, not only kept on the server
        offered = [offer_file(self.app, Path(path)) for path in self.last_files]
        if any(offered):
            self.app.notify("Проект подготовлен; браузер скачивает: " + ", ".join(Path(p).name for p in self.last_files),
                            title="Готово", timeout=10)
        else:
            self.app.notify("Проект подготовлен: " + ", ".join(str(p) for p in self.last_files), title="Готово")
