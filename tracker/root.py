"""The composition root: the one place that builds the whole application on a database.

    app = compose("~/tracker.db")          # or compose(path, user=..., clock=...)
    app.control.list_orders(OrderFilter())
    app.registry.coverage()
    app.close()

Every front end — each CLI command, the desk, the benchmarks, the tests' fixtures — gets its
services here, so they are wired one way: the registry always hands its «сообщить в ЦУР»
points to control, every service counts days on the database's own calendar, and the clock
honours $TRACKER_TODAY everywhere. Heavy libraries are not imported by this module.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, cast

from db.api import Store
from tracker.access.models import Action, Principal
from tracker.boundary import store_errors_translated
from tracker.calendar import ProductionCalendar
from tracker.clock import Clock, clock_from_env
from tracker.control.api import OrderQueries
from tracker.control.importer import Parse
from tracker.control.service import ControlService
from tracker.schema import MIGRATIONS, SCHEMA_VERSION
from tracker.who import current_user

if TYPE_CHECKING:
    from tracker.access.accounts import Accounts, GuardedAccounts
    from tracker.drafting.service import DraftingService
    from tracker.registry.service import RegistryService

DRAFTS_FOLDER = "Проекты документов"  # beside the database: where the desk saves drafts
URL_SCHEMES = ("postgresql://", "postgres://")


@dataclass(frozen=True)
class Application:
    """Everything a front end needs, built once on one database.

    The registry and drafting services are built on first use (each once): `tracker import`
    never pays for loading them, and whoever asks gets them wired the one way.

    With a `principal` (a clerk logged in on the server) every service is the guarded one of
    tracker.access: each call is checked against the role there, in the service layer, and the
    history records the principal's login. Without one the caller is trusted (the owner of a file
    database, maintenance, tests)."""

    store: Store
    clock: Clock
    calendar: ProductionCalendar
    user: str
    control: ControlService  # a GuardedControl (same methods, each checked) when there is a principal
    drafts_dir: Path | None  # where drafts are saved (beside the database file); None for a memory store
    principal: Principal | None = None

    @cached_property
    def registry(self) -> RegistryService:
        """The registry of official pages; its «сообщить в ЦУР» points go on control."""
        from tracker.access.features import GuardedRegistry, guard
        from tracker.registry.service import RegistryService

        clock = self.clock
        with store_errors_translated():
            service = RegistryService(self.store, order_sink=self.control, working_days=self.calendar.add_working_days,
                                      today=lambda: clock().date(), who=self.user)
        return cast("RegistryService", guard(self.principal, GuardedRegistry, service))

    @cached_property
    def drafting(self) -> DraftingService:
        """Drafts over the registry and control of this application."""
        from tracker.access.features import GuardedDrafting, guard
        from tracker.drafting.service import DraftingService

        service = DraftingService(self.store, registry=self.registry, control=self.control, calendar=self.calendar)
        return cast("DraftingService", guard(self.principal, GuardedDrafting, service))

    @cached_property
    def accounts(self) -> Accounts | GuardedAccounts:
        """The accounts of this database (kept by the администратор; one's own password by anyone)."""
        from tracker.access.accounts import Accounts, GuardedAccounts

        clock = self.clock
        accounts = Accounts(self.store, now=lambda: clock())
        return accounts if self.principal is None else GuardedAccounts(accounts, self.principal)

    def may(self, action: Action) -> bool:
        """May the user of this application take `action` (a trusted caller may do everything)?"""
        from tracker.access.policy import may

        return self.principal is None or may(self.principal, action)

    def require(self, action: Action, what: str = "") -> None:
        """AccessDeniedError (Russian) unless the user may take `action`: for what no service keeps
        (the settings the CLI writes)."""
        from tracker.access.policy import check

        if self.principal is not None:
            check(self.principal, action, what=what)

    def close(self) -> None:
        self.store.close()


def open_store_at(location: str | Path) -> Store:
    """The store at a database location: a file path, or a `postgresql://` server address."""
    import db

    text = str(location)
    if text.lower().startswith(URL_SCHEMES):
        from db.postgres import open_pg_store

        with store_errors_translated():
            return open_pg_store(text, schema_version=SCHEMA_VERSION, migrations=MIGRATIONS)

    path = Path(location).expanduser()
    with store_errors_translated():
        path.parent.mkdir(parents=True, exist_ok=True)
        return db.open_store(path, schema_version=SCHEMA_VERSION, migrations=MIGRATIONS)


def calendar_for(location: str | Path) -> ProductionCalendar:
    """The database's calendar: the bundled years and the `calendar*.json` files beside a database file."""
    text = str(location)
    if text.startswith(URL_SCHEMES):
        return ProductionCalendar()
    return ProductionCalendar.beside(Path(location).expanduser())


def compose(db: str | Path, *, user: str | None = None, clock: Clock | None = None,
            parse: Parse | None = None, principal: Principal | None = None) -> Application:
    """The application on the database at `db` (created if missing).

    `clock` defaults to the system clock, or the day in $TRACKER_TODAY; `user` to the login
    name (the principal's login when there is one); `parse` replaces the parser (tests);
    `principal`: the logged-in clerk whose role every service checks (tracker.access)."""
    clock = clock or clock_from_env()
    calendar = calendar_for(db)
    store = open_store_at(db)
    try:
        drafts_dir = None if str(db).startswith(URL_SCHEMES) else Path(db).expanduser().parent / DRAFTS_FOLDER
        return assemble(store, calendar=calendar, clock=clock, user=user, parse=parse, drafts_dir=drafts_dir,
                        principal=principal)
    except BaseException:
        store.close()
        raise


def order_queries(store: Store, calendar: ProductionCalendar) -> OrderQueries | None:
    """The read side of orders for this store: SQL on the server; None: the in-memory index."""
    from db.postgres import is_server_store

    if is_server_store(store):
        from tracker.control.sql_queries import SqlOrderQueries

        return SqlOrderQueries(store, calendar)  # type: ignore[arg-type]
    return None


def rows_of_orders_built(store: Store) -> int:
    """After `tracker db upgrade`: build the server's rows of orders that are missing; how many."""
    queries = order_queries(store, ProductionCalendar())
    return int(getattr(queries, "built", 0))


def assemble(store: Store, *, calendar: ProductionCalendar | None = None, clock: Clock | None = None,
             user: str | None = None, parse: Parse | None = None, drafts_dir: Path | None = None,
             principal: Principal | None = None) -> Application:
    """The application over a store already open (compose() for a location; tests for a memory store)."""
    calendar = calendar or ProductionCalendar()
    clock = clock or clock_from_env()
    who = principal.login if principal is not None else (user or current_user())
    with store_errors_translated():
        control = ControlService(store, calendar=calendar, clock=clock, user=who, parse=parse,
                                 index=order_queries(store, calendar))
    if principal is not None:
        from tracker.access.guarded import GuardedControl

        control = cast(ControlService, GuardedControl(control, principal, _standing_on(store)))
    return Application(store=store, clock=clock, calendar=calendar, user=who, control=control,
                       drafts_dir=drafts_dir, principal=principal)


def _standing_on(store: Store) -> Callable[[Principal], None]:
    """The check that a logged-in account still stands (tracker.access.accounts), storage errors translated."""
    from tracker.access.accounts import Accounts

    accounts = Accounts(store)

    def standing(who: Principal) -> None:
        with store_errors_translated():
            accounts.still_standing(who)

    return standing


def is_server(db: str | Path) -> bool:
    """Is `db` a server address (accounts and logins), not a file (its owner has every right)?"""
    return str(db).lower().startswith(URL_SCHEMES)


NO_ACCOUNTS = ("На сервере ещё нет учётных записей. Первого администратора создаёт "
               "`tracker users add ИМЯ --role администратор --db АДРЕС`.")


class Gate:
    """A server database before anyone has logged in: only the accounts are read through it.

    `log_in` gives the application of the clerk whose login and password match (every service
    guarded for that clerk); the desk's login screen asks it as many times as needed."""

    def __init__(self, db: str | Path, *, clock: Clock | None = None, parse: Parse | None = None) -> None:
        self.db = db
        self._clock = clock
        self._parse = parse
        self.store = open_store_at(db)
        self._opened: Application | None = None

    def has_accounts(self) -> bool:
        from tracker.access.accounts import Accounts

        with store_errors_translated():
            return Accounts(self.store).any()

    def log_in(self, login: str, password: str) -> Application:
        from tracker.access.accounts import Accounts, AuthenticationError

        with store_errors_translated():
            accounts = Accounts(self.store)
            if not accounts.any():
                raise AuthenticationError(NO_ACCOUNTS)
            principal = accounts.authenticate(login, password)
        self._opened = assemble(self.store, calendar=calendar_for(self.db), clock=self._clock, parse=self._parse,
                                principal=principal)
        return self._opened

    def close(self) -> None:
        self.store.close()


def sign_in(db: str | Path, login: str, password: str, *, clock: Clock | None = None,
            parse: Parse | None = None) -> Application:
    """The application on the server database `db` for the clerk with this login and password
    (AuthenticationError, in Russian, for a wrong one or a disabled account)."""
    gate = Gate(db, clock=clock, parse=parse)
    try:
        return gate.log_in(login, password)
    except BaseException:
        gate.close()
        raise
