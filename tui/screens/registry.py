"""Реестр: official pages of institutions and their responsible employees, with filters and editing.

Shown only when the app is given a registry service (tracker.registry.service.RegistryService).
"""
from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Input, Label, Select

from tracker.access.models import Action
from tracker.registry.api import RegistryServiceAPI
from tui.dialogs.employee import EmployeeDialog, EmployeeResult
from tui.keys import both
from tui.screens.base import DeskScreen

ANY = "any"
PAGE_SIZE = 500
GAP_OPTIONS = [
    ("Все учреждения", ANY),
    ("Без страницы", "no_page"),
    ("Без ответственного", "no_responsible"),
    ("Не подключены к «Госпаблики»", "not_connected"),
    ("Без госметки", "no_mark"),
]


def yes_no(value: bool | None) -> str:
    return "да" if value else ("нет" if value is False else "—")


class RegistryScreen(DeskScreen):
    BINDINGS = [
        Binding("slash,ctrl+f", "focus_search", "Поиск"),
        Binding("ctrl+t", "focus_table", "К таблице"),
        Binding(both("e"), "edit_employee", "Ответственный"),
        Binding("ctrl+r", "reset", "Сбросить фильтры"),
    ]

    def __init__(self, registry: RegistryServiceAPI) -> None:
        super().__init__()
        self.registry = registry
        self._ready = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="registry-coverage", classes="section-title")
        with Horizontal(id="filters"):
            yield Input(placeholder="Поиск: учреждение, район, сотрудник, страница", id="registry-search")
            yield Select([], prompt="Все районы", id="registry-district")
            yield Select(GAP_OPTIONS, value=ANY, allow_blank=False, id="registry-gap")
        yield Label("", id="registry-summary")
        yield DataTable(id="registry-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Реестр официальных страниц"
        table = self.query_one("#registry-table", DataTable)
        for label, width in (("Район", 20), ("Учреждение", 36), ("ВКонтакте", 24), ("ОК", 8), ("Telegram", 12),
                             ("Госметка", 8), ("Госпаблики", 10), ("Ответственный", 24), ("Телефон", 18)):
            table.add_column(label, key=label, width=width)
        districts = self.call_service(self.registry.districts) or []
        self.query_one("#registry-district", Select).set_options([(d, d) for d in districts])
        self._ready = True
        self.reload()
        table.focus()

    def on_screen_resume(self) -> None:
        if self._ready:
            self.reload()

    def current_filter(self) -> Any:
        from tracker.registry.service import RegistryFilter

        district = self.query_one("#registry-district", Select).value
        gap = self.query_one("#registry-gap", Select).value
        return RegistryFilter(
            text=self.query_one("#registry-search", Input).value.strip() or None,
            district=None if district is Select.NULL else str(district),
            no_page=gap == "no_page",
            no_responsible=gap == "no_responsible",
            gospubliki=False if gap == "not_connected" else None,
            state_mark=False if gap == "no_mark" else None,
        )

    def reload(self) -> None:
        page = self.call_service(lambda: self.registry.list_records(self.current_filter(), 0, PAGE_SIZE))
        if page is None:
            return
        table = self.query_one("#registry-table", DataTable)
        table.clear()
        for record in page.rows:
            pages = {str(network.value): url for network, url in record.pages.items()}
            employee = record.employee
            table.add_row(
                record.district, record.organisation, pages.get("vk", "—"), "есть" if pages.get("ok") else "—",
                "есть" if pages.get("telegram") else "—", yes_no(record.state_mark), yes_no(record.gospubliki),
                Text(employee.full_name or "не назначен", style="" if employee.full_name else "bold red"),
                employee.phone or "—", key=record.id,
            )
        shown = f"Найдено: {page.total}"
        if page.total > len(page.rows):
            shown += f" (показаны первые {len(page.rows)}: уточните фильтр)"
        self.query_one("#registry-summary", Label).update(shown)
        coverage = self.call_service(self.registry.coverage)
        if coverage is not None:
            total = coverage.total
            self.query_one("#registry-coverage", Label).update(
                f"Подключено к «Госпаблики» {total.connected} из {total.obliged}; "
                f"страниц с госметкой {total.with_mark}, без неё {total.without_mark}; "
                f"без страницы {total.no_page}, без ответственного {total.no_responsible}"
            )

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._ready:
            self.reload()

    def on_select_changed(self, event: Select.Changed) -> None:
        if self._ready:
            self.reload()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit_employee()

    def action_focus_search(self) -> None:
        self.query_one("#registry-search", Input).focus()

    def action_focus_table(self) -> None:
        self.query_one("#registry-table", DataTable).focus()

    def action_reset(self) -> None:
        with self.prevent(Input.Changed, Select.Changed):
            self.query_one("#registry-search", Input).value = ""
            self.query_one("#registry-district", Select).clear()
            self.query_one("#registry-gap", Select).value = ANY
        self.reload()

    def action_edit_employee(self) -> None:
        if self.desk.refused(Action.REGISTRY, "ведение реестра"):
            return
        table = self.query_one("#registry-table", DataTable)
        if not table.row_count:
            return
        key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        rid = key.value
        if rid is None:  # never: every row is added with its record's id as the key (reload)
            return
        record = self.call_service(lambda: self.registry.get(rid))
        if record is None:
            return
        employee = record.employee

        def done(result: EmployeeResult | None) -> None:
            if result is not None:
                self._save_employee(record.id, result)

        self.app.push_screen(
            EmployeeDialog(record.organisation, full_name=employee.full_name, position=employee.position,
                           phone=employee.phone, email=employee.email, today=self.today),
            done,
        )

    def _save_employee(self, record_id: str, result: EmployeeResult) -> None:
        from tracker.registry.models import Employee

        employee = Employee(full_name=result.full_name, position=result.position, phone=result.phone,
                            email=result.email)
        saved = self.call_service(
            lambda: self.registry.edit_employee(record_id, employee, when=result.when,
                                                reason=result.reason or "смена ответственного сотрудника"),
            success="Ответственный сотрудник записан",
        )
        if saved is not None:
            self.reload()
