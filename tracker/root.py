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

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from db.api import Store
from tracker.boundary import store_errors_translated
from tracker.calendar import ProductionCalendar
from tracker.clock import Clock, clock_from_env
from tracker.control.api import OrderQueries
from tracker.control.importer import Parse
from tracker.control.service import ControlService
from tracker.schema import MIGRATIONS, SCHEMA_VERSION
from tracker.who import current_user

if TYPE_CHECKING:
    from tracker.drafting.service import DraftingService
    from tracker.registry.service import RegistryService

DRAFTS_FOLDER = "Проекты документов"  # beside the database: where the desk saves drafts
URL_SCHEMES = ("postgresql://", "postgres://")


@dataclass(frozen=True)
class Application:
    """Everything a front end needs, built once on one database.

    The registry and drafting services are built on first use (each once): `tracker import`
    never pays for loading them, and whoever asks gets them wired the one way."""

    store: Store
    clock: Clock
    calendar: ProductionCalendar
    user: str
    control: ControlService
    drafts_dir: Path | None  # where drafts are saved (beside the database file); None for a memory store

    @cached_property
    def registry(self) -> RegistryService:
        """The registry of official pages; its «сообщить в ЦУР» points go on control."""
        from tracker.registry.service import RegistryService

        clock = self.clock
        with store_errors_translated():
            return RegistryService(self.store, order_sink=self.control, working_days=self.calendar.add_working_days,
                                   today=lambda: clock().date(), who=self.user)

    @cached_property
    def drafting(self) -> DraftingService:
        """Drafts over the registry and control of this application."""
        from tracker.drafting.service import DraftingService

        return DraftingService(self.store, registry=self.registry, control=self.control, calendar=self.calendar)

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
            parse: Parse | None = None) -> Application:
    """The application on the database at `db` (created if missing).

    `clock` defaults to the system clock, or the day in $TRACKER_TODAY; `user` to the login
    name; `parse` replaces the parser (tests)."""
    clock = clock or clock_from_env()
    calendar = calendar_for(db)
    store = open_store_at(db)
    try:
        drafts_dir = None if str(db).startswith(URL_SCHEMES) else Path(db).expanduser().parent / DRAFTS_FOLDER
        return assemble(store, calendar=calendar, clock=clock, user=user, parse=parse, drafts_dir=drafts_dir)
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
             user: str | None = None, parse: Parse | None = None, drafts_dir: Path | None = None) -> Application:
    """The application over a store already open (compose() for a location; tests for a memory store)."""
    calendar = calendar or ProductionCalendar()
    clock = clock or clock_from_env()
    who = user or current_user()
    with store_errors_translated():
        control = ControlService(store, calendar=calendar, clock=clock, user=who, parse=parse,
                                 index=order_queries(store, calendar))
    return Application(store=store, clock=clock, calendar=calendar, user=who, control=control,
                       drafts_dir=drafts_dir)
