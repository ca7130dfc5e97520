"""The clerk's desk: the Textual app, its screens as modes, the command palette and the help key.

The app gets its services from outside (`make_app(service)`): it never opens storage itself.
On a server database it gets a `log_in` callable instead and starts on the login screen; the
services it then receives are guarded for the clerk's role (tracker.access), and the desk
hides the sections and refuses (with a Russian notice) the actions that role may not take.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from tracker.access.accounts import AccountClosedError
from tracker.access.models import Action, Principal, Role
from tracker.access.policy import may
from tracker.control.api import ControlServiceAPI
from tracker.drafting.api import DraftingServiceAPI
from tracker.errors import TrackerError
from tracker.registry.api import RegistryServiceAPI
from tui.dialogs.file_picker import FilePickerDialog
from tui.screens.acts import ActsScreen
from tui.screens.dashboard import DashboardScreen
from tui.screens.help import HelpScreen
from tui.screens.importing import ImportScreen
from tui.screens.orders import OrdersScreen, Preset
from tui.terminal import watch_terminal

if TYPE_CHECKING:
    from tracker.root import Application

SYNC_SECONDS = 3.0
CLOSE_SESSION_SECONDS = 6.0  # the notice that the account was closed stays this long before the desk ends
LogIn = Callable[[str, str], "Application"]  # login, password -> the clerk's services (TrackerError if refused)


class TrackerApp(App[object]):
    """Modes are the desk's sections; each keeps its own stack (a card opened from a table).

    App[object], as Textual itself types every app (`self.app`, `CommandPalette.is_open`): the
    desk returns nothing, and its ReturnType is invariant, so App[None] is not an App[object]."""

    CSS_PATH = "app.tcss"
    TITLE = "Контроль исполнения поручений"
    ENABLE_COMMAND_PALETTE = True
    MODES = {"dashboard": DashboardScreen, "orders": OrdersScreen, "acts": ActsScreen}
    DEFAULT_MODE = "dashboard"
    BINDINGS = [
        Binding("f1", "help", "Справка"),
        Binding("f2", "section('dashboard')", "Сводка"),
        Binding("f3", "section('orders')", "Поручения"),
        Binding("f4", "section('acts')", "Акты"),
        Binding("f5", "section('registry')", "Реестр"),
        Binding("f6", "section('drafts')", "Проекты"),
        Binding("f7", "import_acts", "Импорт"),
        Binding("ctrl+p", "command_palette", "Команды", show=False, priority=True),
        Binding("ctrl+q", "quit", "Выход", priority=True),
        Binding("ctrl+c", "help_quit", show=False, system=True),
    ]

    def __init__(
        self,
        service: ControlServiceAPI | None,
        *,
        registry: RegistryServiceAPI | None = None,
        drafting: DraftingServiceAPI | None = None,
        today: date | None = None,
        import_dir: Path | None = None,
        drafts_dir: Path | None = None,
        ask_missing: bool = False,
        log_in: LogIn | None = None,
    ) -> None:
        self.service: ControlServiceAPI = service  # type: ignore[assignment]  # None only before the login
        self.registry = registry
        self.drafting = drafting
        self.principal: Principal | None = None  # None: the owner of a file database, who may do everything
        self.session: Application | None = None  # what log_in gave (closed by whoever made the gate)
        self._log_in = log_in
        self._ask_missing = ask_missing
        self._fixed_today = today
        self._session_ending = False  # the session is ending (close_session)
        self.import_dir = import_dir or Path.cwd()
        if log_in is not None:
            # read by App.__init__: the desk starts on the login screen. Textual declares DEFAULT_MODE a
            # ClassVar but reads it through the instance; set on this desk only, not on the class.
            self.DEFAULT_MODE = "login"  # type: ignore[misc]  # Textual's ClassVar, read per instance
        self.drafts_dir = drafts_dir  # where files made on the desk go in a terminal (None: the current folder)
        super().__init__()
        if log_in is not None:
            from tui.screens.login import LoginScreen

            self.add_mode("login", LoginScreen)
        self._add_sections()

    def _add_sections(self) -> None:
        registry, drafting, drafts_dir = self.registry, self.drafting, self.drafts_dir
        if registry is not None and self.may(Action.REGISTRY, reading=True):
            from tui.screens.registry import RegistryScreen

            self.add_mode("registry", lambda: RegistryScreen(registry))
        if drafting is not None and self.may(Action.DRAFT):
            from tui.screens.drafts import DraftsScreen

            self.add_mode("drafts", lambda: DraftsScreen(drafting, out_dir=drafts_dir))

    def on_mount(self) -> None:
        watch_terminal(self)
        # Other clerks (other processes, other desks on the server) change orders too: look every
        # few seconds; on PostgreSQL sync() is one query of the change counter.
        self.set_interval(SYNC_SECONDS, self.pick_up_changes)
        if self._ask_missing and self.drafting is not None:
            self.ask_letterhead()

    # -- who is at the desk -------------------------------------------------------------
    @property
    def logged_in(self) -> bool:
        return self.service is not None

    def may(self, action: Action, *, reading: bool = False) -> bool:
        """May the clerk at the desk take `action`? (`reading`: only look at that section: the
        registry is read by every role but the исполнитель.) The services check it again."""
        if self.principal is None:
            return True
        if reading:
            return self.principal.role is not Role.EXECUTOR
        return may(self.principal, action)

    def refused(self, action: Action, what: str) -> bool:
        """Say in Russian that the role does not allow `what`; True when refused (nothing is opened)."""
        if self.may(action):
            return False
        assert self.principal is not None
        self.notify(f"Роль «{self.principal.role}» не даёт права: {what}. Обратитесь к администратору системы.",
                    title="Нет прав", severity="warning", timeout=6)
        return True

    def log_in(self, login: str, password: str) -> None:
        """Check the login and password (TrackerError in Russian if wrong) and open the desk for that role."""
        if self._log_in is None:
            return
        session = self._log_in(login, password)
        self.session = session
        self.principal = session.principal
        self.service = session.control
        self.registry = session.registry if self.may(Action.REGISTRY, reading=True) else None
        self.drafting = session.drafting if self.may(Action.DRAFT) else None
        if session.drafts_dir is not None:
            self.drafts_dir = session.drafts_dir
        self._add_sections()
        who = session.principal.shown if session.principal else login
        self.sub_title = f"{who} ({session.principal.role})" if session.principal else who
        start = "orders" if self.principal is not None and self.principal.role is Role.EXECUTOR else "dashboard"
        self.switch_mode(start)
        self.remove_mode("login")
        if self._ask_missing and self.drafting is not None:
            self.ask_letterhead()

    def on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        """A download the browser did not get (tui/delivery.py offers them)."""
        name = f"«{event.name}» " if event.name else ""
        self.notify(f"Файл {name}не передан браузеру: повторите действие.", severity="error")

    def pick_up_changes(self) -> bool:
        """Ask the service for other processes' changes; redraw the visible screen if there were any."""
        sync = getattr(self.service, "sync", None)
        if sync is None:
            return False
        try:
            changed = bool(sync())
        except AccountClosedError as closed:
            self.close_session(str(closed))
            return False
        except TrackerError:
            return False  # the next tick tries again; a real failure surfaces on the next action
        if changed:
            screen = self.screen
            if isinstance(screen, OrdersScreen):
                screen.reload(keep_cursor=True)
            else:
                reload = getattr(screen, "reload", None)  # the screens that show the service's data
                if callable(reload):
                    reload()
        return changed

    def close_session(self, why: str) -> None:
        """The administrator disabled or changed this clerk's account: say so, then end the desk
        (in a browser its process ends with it); nothing more is done under the old rights."""
        if self._session_ending:
            return
        self._session_ending = True
        self.notify(f"{why} Рабочее место закроется.", title="Сеанс закрыт", severity="error",
                    timeout=CLOSE_SESSION_SECONDS)
        self.set_timer(CLOSE_SESSION_SECONDS, lambda: self.exit(message=why))

    def ask_letterhead(self) -> None:
        """First run: ask once for the letterhead the drafts would leave blank (tui/dialogs/letterhead)."""
        from tui.dialogs.letterhead import LetterheadDialog

        drafting = self.drafting
        if drafting is None:  # both callers ask only with a drafting service
            return
        questions = drafting.first_run_questions()
        if questions:
            self.push_screen(LetterheadDialog(questions), drafting.answer_first_run)

    @property
    def today(self) -> date:
        """The fixed date in tests, the real one otherwise."""
        return self._fixed_today or date.today()

    # -- navigation ---------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.logged_in:
            return action in {"quit", "help", "help_quit", "command_palette"}
        if action == "section" and parameters:
            if parameters[0] == "dashboard" and self.principal is not None and self.principal.role is Role.EXECUTOR:
                return False  # figures over all orders are not an executor's to see
            return parameters[0] in self._modes
        if action == "import_acts":
            return self.may(Action.IMPORT)
        return True  # everything else is always available

    def action_section(self, name: str) -> None:
        if name == "dashboard" and self.principal is not None and self.principal.role is Role.EXECUTOR:
            self.notify("Сводка по всем поручениям исполнителю недоступна; свои поручения — в разделе "
                        "«Поручения» (F3).", title="Нет прав", severity="warning")
            return
        if name not in self._modes:
            self.notify("Этот раздел ещё не подключён", severity="warning")
            return
        self.switch_mode(name)

    def show_orders(self, preset: Preset) -> None:
        """Open the orders table with a filter already set (from the dashboard or an act)."""
        self.switch_mode("orders")
        screen = self.screen
        if isinstance(screen, OrdersScreen):
            screen.apply_preset(preset)
        else:  # a card is open over the table: go back to it first
            while not isinstance(self.screen, OrdersScreen) and len(self.screen_stack) > 1:
                self.pop_screen()
            self.call_after_refresh(lambda: self._apply_preset_later(preset))

    def _apply_preset_later(self, preset: Preset) -> None:
        if isinstance(self.screen, OrdersScreen):
            self.screen.apply_preset(preset)

    def open_card(self, order_id: str) -> None:
        from tui.screens.card import CardScreen

        self.push_screen(CardScreen(order_id))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_import_acts(self) -> None:
        if self.refused(Action.IMPORT, "загрузка актов"):
            return

        def picked(paths: list[Path] | None) -> None:
            if paths:
                self.start_import(paths)

        self.push_screen(FilePickerDialog(self.import_dir), picked)

    def start_import(self, paths: list[Path]) -> None:
        """Parse the files in a worker, then review them (see ImportScreen)."""
        if self.current_mode != "acts":
            self.switch_mode("acts")
        self.push_screen(ImportScreen(paths))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder="Найти команду…"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Russian commands only: the palette speaks the clerk's language."""
        if not self.logged_in:
            yield SystemCommand("Выход", "Закрыть программу", self.exit)
            return
        yield SystemCommand("Сводка", "Главный экран: сколько на контроле и просрочено", lambda: self.action_section("dashboard"))
        yield SystemCommand("Поручения", "Таблица поручений с фильтрами", lambda: self.action_section("orders"))
        yield SystemCommand("Просроченные поручения", "Таблица, отфильтрованная по просрочке",
                            lambda: self.show_orders(Preset(period="overdue")))
        yield SystemCommand("Срок в ближайшие 7 дней", "Поручения со сроком в ближайшую неделю",
                            lambda: self.show_orders(Preset(period="week")))
        yield SystemCommand("Акты", "Список загруженных актов", lambda: self.action_section("acts"))
        if self.may(Action.IMPORT):
            yield SystemCommand("Импорт актов", "Выбрать файлы и загрузить поручения", self.action_import_acts)
        if "registry" in self._modes:
            yield SystemCommand("Реестр страниц", "Официальные страницы и ответственные", lambda: self.action_section("registry"))
        if "drafts" in self._modes:
            yield SystemCommand("Проекты документов", "Подготовить проект документа", lambda: self.action_section("drafts"))
        yield SystemCommand("Справка", "Все клавиши", self.action_help)
        yield SystemCommand("Светлая/тёмная тема", "Переключить оформление", self._toggle_dark)
        yield SystemCommand("Выход", "Закрыть программу", self.exit)

    def _toggle_dark(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"


def make_app(
    service: ControlServiceAPI | None,
    *,
    registry: RegistryServiceAPI | None = None,
    drafting: DraftingServiceAPI | None = None,
    today: date | None = None,
    import_dir: Path | None = None,
    drafts_dir: Path | None = None,
    ask_missing: bool = False,
    log_in: LogIn | None = None,
) -> TrackerApp:
    """Build the desk over a service; `today` fixes the clock (tests, snapshots); drafts are
    saved in `drafts_dir` by default (the current folder when not given); `ask_missing`: on
    start, ask once for the letterhead the drafts would leave blank (`tracker ui` does); `log_in`
    (a server database, `service` None): start on the login screen and take the clerk's services from it."""
    return TrackerApp(service, registry=registry, drafting=drafting, today=today, import_dir=import_dir,
                      drafts_dir=drafts_dir, ask_missing=ask_missing, log_in=log_in)
