"""Акты: the acts on control; Enter shows an act's orders, F7/i imports new ones."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Label

from tracker.access.models import Action
from tui.dates import fmt_date
from tui.keys import both
from tui.screens.base import DeskScreen
from tui.screens.orders import Preset


class ActsScreen(DeskScreen):
    BINDINGS = [
        Binding(both("i"), "import_acts", "Импорт"),
        Binding(both("r"), "refresh", "Обновить"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "import_acts":
            return self.desk.may(Action.IMPORT)  # hidden from a role that may not import
        return True

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="acts-summary", classes="section-title")
        yield DataTable(id="acts-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Акты"
        table = self.query_one("#acts-table", DataTable)
        for label, width in (("Вид", 16), ("Номер", 10), ("Дата", 10), ("Кем издан", 30),
                             ("Заголовок", None), ("Редакций", 8)):
            table.add_column(label, key=label, width=width)
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        acts = self.call_service(self.service.acts)
        if acts is None:
            return
        table = self.query_one("#acts-table", DataTable)
        table.clear()
        for act in sorted(acts, key=lambda a: (a.date is None, a.date), reverse=True):
            table.add_row(
                (act.kind or "—").capitalize(), act.number or "—", fmt_date(act.date), act.issuer or "—",
                (act.title or "").replace("\n", " "), str(max(1, len(act.versions))), key=act.id,
            )
        summary = f"Актов на контроле: {len(acts)}. Enter — поручения акта, I — импорт новых"
        if not acts:
            summary = "Актов пока нет. Нажмите I (или F7), чтобы загрузить файлы актов"
        self.query_one("#acts-summary", Label).update(summary)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.desk.show_orders(Preset(act_id=event.row_key.value, status="any", period="any"))

    def action_import_acts(self) -> None:
        self.desk.action_import_acts()

    def action_refresh(self) -> None:
        self.reload()
