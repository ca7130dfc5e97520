"""Справка: every key of every screen and dialog, read from the bindings themselves."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from tracker.rules import CALENDAR_RULE, POINTS_RULE, STATUS_RULE


def key_label(keys: str) -> str:
    names = {"slash": "/", "left_square_bracket": "[", "right_square_bracket": "]", "escape": "Esc",
             "enter": "Enter", "pagedown": "PgDn", "pageup": "PgUp", "delete": "Del"}
    parts = []
    for key in keys.split(","):
        key = key.strip()
        label = names.get(key, key)
        label = "+".join(p.capitalize() if len(p) > 1 else p.upper() for p in label.split("+"))
        parts.append(label)
    return ", ".join(parts)


def binding_sections() -> list[tuple[str, list[Binding]]]:
    """(section title, bindings) for the app, each screen and each dialog."""
    from tui.app import TrackerApp
    from tui.dialogs.base import Dialog
    from tui.dialogs.confirm import ConfirmDialog
    from tui.dialogs.file_picker import FilePickerDialog
    from tui.screens.acts import ActsScreen
    from tui.screens.card import CardScreen
    from tui.screens.dashboard import DashboardScreen
    from tui.screens.importing import ImportScreen
    from tui.screens.orders import OrdersScreen
    from tui.screens.review import ReviewScreen

    sections: list[tuple[str, type[DOMNode]]] = [
        ("Везде", TrackerApp), ("Сводка", DashboardScreen), ("Поручения", OrdersScreen),
        ("Карточка поручения", CardScreen), ("Акты", ActsScreen), ("Импорт", ImportScreen),
        ("Проверка найденного", ReviewScreen), ("Выбор файлов", FilePickerDialog),
        ("Диалоги", Dialog), ("Вопрос да/нет", ConfirmDialog),
    ]
    extra = _optional_sections()
    result = []
    for title, cls in sections + extra:
        bindings = [b for b in cls.BINDINGS if isinstance(b, Binding) and b.description]
        result.append((title, bindings))
    return result


def _optional_sections() -> list[tuple[str, type[DOMNode]]]:
    found: list[tuple[str, type[DOMNode]]] = []
    try:
        from tui.screens.registry import RegistryScreen

        found.append(("Реестр", RegistryScreen))
    except ImportError:
        pass
    try:
        from tui.screens.drafts import DraftsScreen

        found.append(("Проекты документов", DraftsScreen))
    except ImportError:
        pass
    return found


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "close", "Закрыть справку")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide", id="help"):
            yield Label("Справка: клавиши", classes="dialog-title")
            yield DataTable(id="help-keys", cursor_type="row", zebra_stripes=True)
            yield Label("Статус поручения с несколькими исполнителями", classes="section-title")
            yield Static(STATUS_RULE, id="help-status-rule")
            yield Label("Сроки и контрольные точки", classes="section-title")
            yield Static(CALENDAR_RULE + " " + POINTS_RULE, id="help-calendar-rule")
            yield Label("Esc — закрыть. Ctrl+P — палитра команд: начните вводить название действия.")

    def on_mount(self) -> None:
        table = self.query_one("#help-keys", DataTable)
        table.add_column("Где", key="where")
        table.add_column("Клавиша", key="key")
        table.add_column("Действие", key="action")
        for title, bindings in binding_sections():
            for binding in bindings:
                if self._available(title, binding):
                    table.add_row(title, key_label(binding.key), binding.description)
        table.focus()

    def _available(self, title: str, binding: Binding) -> bool:
        """Sections whose service the app was not given are left out (Реестр, Проекты документов)."""
        modes = self.app._modes
        if binding.action.startswith("section("):
            name = binding.action[len("section('"):-2]
            return name in modes and self.app.check_action("section", (name,)) is not False
        if binding.action == "import_acts":  # a role that may not import is not shown how
            return self.app.check_action("import_acts", ()) is not False
        return {"Реестр": "registry", "Проекты документов": "drafts"}.get(title, "dashboard") in modes

    def action_close(self) -> None:
        self.dismiss(None)
