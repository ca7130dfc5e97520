"""ControlService: the control feature's facade (tracker.control.api.ControlServiceAPI and what the CLI needs).

It only delegates: lists and figures to the query index (OrderQueries), whole records to
StoredRecords, changes to OrderCommands, imports to ActImporter. Storage errors leave it as
tracker errors (tracker.boundary). Built by tracker.root.compose(), never by a front end.
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from db.api import Store
from tracker.boundary import translates_store_errors
from tracker.calendar import ProductionCalendar
from tracker.clock import Clock
from tracker.control.api import (
    Dashboard,
    DisciplineRow,
    ImportOutcome,
    ImportPreview,
    ImportProgress,
    OrderCard,
    OrderFilter,
    OrderQueries,
    OrdersPage,
    PageProgress,
)
from tracker.control.commands import OrderCommands
from tracker.control.importer import ActImporter, Parse
from tracker.control.index import OrderIndex
from tracker.control.reading import StoredRecords
from tracker.executors import Directory
from tracker.models import Act, Executor, Order, Recurrence


@translates_store_errors
class ControlService:
    """Implements tracker.control.api.ControlServiceAPI over a db Store."""

    def __init__(self, store: Store, calendar: ProductionCalendar, clock: Clock, user: str,
                 parse: Parse | None = None, index: OrderQueries | None = None) -> None:
        self.store = store
        self.calendar = calendar
        self.user = user
        self._now = clock
        self.index: OrderQueries = index if index is not None else OrderIndex(store, calendar)
        self.records = StoredRecords(store, self.index, calendar)
        self.importer = ActImporter(store, self.index, user, clock, parse, calendar)
        self.commands = OrderCommands(store, self.index, self.records, self.importer, calendar, clock, user)

    @property
    def directory(self) -> Directory:
        return self.index.directory

    def _today(self, today: date | None) -> date:
        return today or self._now().date()

    def sync(self) -> bool:
        """Pick up changes made by another process; True if anything changed."""
        return self.index.refresh()

    def close(self) -> None:
        self.store.close()

    # -- ids -----------------------------------------------------------------------------------
    @staticmethod
    def short_id(order_id: str) -> str:
        return order_id[:8]

    def resolve_order_id(self, ref: str) -> str:
        """A full order id from an id or an unambiguous prefix of one (as shown: 8 characters)."""
        return self.index.resolve_order_id(ref)

    # -- import --------------------------------------------------------------------------------
    def preview_file(self, path: Path, on_page: PageProgress | None = None,
                     cancel: threading.Event | None = None) -> ImportPreview:
        """Parse one file and say what importing it would do; nothing is stored (thread-safe)."""
        return self.importer.preview_file(path, on_page, cancel)

    def preview_files(self, paths: list[Path], on_page: PageProgress | None = None,
                      cancel: threading.Event | None = None) -> Iterator[ImportProgress]:
        """Parse many files (directories expanded); one progress item per file; nothing stored.
        A scan's recognised pages go to `on_page`; setting `cancel` stops the parsing."""
        yield from self.importer.preview_files(paths, on_page, cancel)

    def commit_import(self, preview: ImportPreview) -> ImportOutcome:
        """Put the reviewed orders on control (or record a new version of a known act)."""
        self.index.refresh()
        return self.importer.commit_import(preview)

    # -- reading -------------------------------------------------------------------------------
    def list_orders(self, flt: OrderFilter, offset: int = 0, limit: int | None = 200,
                    today: date | None = None) -> OrdersPage:
        return self.index.list_orders(flt, offset, limit, self._today(today))

    def dashboard(self, today: date | None = None) -> Dashboard:
        return self.index.dashboard(self._today(today))

    def discipline(self, start: date, end: date, today: date | None = None) -> list[DisciplineRow]:
        return self.index.discipline(start, end, self._today(today))

    def act_orders_count(self) -> dict[str, int]:
        """Orders per act id (for the acts list)."""
        return self.index.act_orders_count()

    def get_order(self, order_id: str) -> Order:
        """The full order with its history (id or unambiguous prefix)."""
        return self.records.get_order(order_id)

    def order_texts(self, order_ids: list[str]) -> dict[str, str]:
        return self.records.order_texts(order_ids)

    def get_act(self, act_id: str) -> Act:
        return self.records.get_act(act_id)

    def order_card(self, order_id: str, today: date | None = None) -> OrderCard:
        return self.records.order_card(order_id, self._today(today))

    def acts(self) -> list[Act]:
        return self.records.acts()

    def executors(self) -> list[Executor]:
        self.index.refresh()
        return self.index.directory.all()

    def find_executors(self, text: str) -> list[Executor]:
        """Executors matching an id prefix, a spelling, or a part of a name (CLI and UI filters)."""
        self.index.refresh()
        return self.index.directory.find_text(text)

    # -- changes (each appends history: when, who, what, why) -----------------------------------
    def report_received(self, order_id: str, executor_id: str | None = None, text: str = "",
                        when: date | None = None) -> Order:
        return self.commands.report_received(order_id, executor_id, text, when)

    def accept(self, order_id: str, executor_id: str | None = None, when: date | None = None,
               point: date | None = None) -> Order:
        """Accept the part of `executor_id` (all reported parts when None); `point`: the period it closes."""
        return self.commands.accept(order_id, executor_id, when, point)

    def return_for_rework(self, order_id: str, reason: str, executor_id: str | None = None) -> Order:
        return self.commands.return_for_rework(order_id, reason, executor_id)

    def extend(self, order_id: str, new_date: date, reason: str, basis: str | None = None) -> Order:
        return self.commands.extend(order_id, new_date, reason, basis)

    def withdraw(self, order_id: str, reason: str, executor_id: str | None = None) -> Order:
        """Withdraw the order, or only one executor's part of it (then it no longer counts for the status)."""
        return self.commands.withdraw(order_id, reason, executor_id)

    def comment(self, order_id: str, text: str) -> Order:
        return self.commands.comment(order_id, text)

    def anchor_relative(self, order_id: str, event: date) -> Order:
        """Set the event date of a relative term («с даты создания»): the due date follows."""
        return self.commands.anchor_relative(order_id, event)

    def set_recurrence(self, order_id: str, recurrence: Recurrence, point_day: int | None = None,
                       review_every_days: int | None = None, start: date | None = None) -> Order:
        """Make an order recurring, or set its control day / review period (постоянно)."""
        return self.commands.set_recurrence(order_id, recurrence, point_day, review_every_days, start)

    def create_order(self, act_id: str | None, number: str, text: str, responsible: list[str],
                     due: date | None = None, deadline_text: str | None = None) -> Order:
        """A control point entered by hand or made by the registry («сообщить в ЦУР»)."""
        return self.commands.create_order(act_id, number, text, responsible, due, deadline_text)

    def rename_executor(self, executor_id: str, name: str, alias: str | None = None) -> Executor:
        return self.commands.rename_executor(executor_id, name, alias)

    def add_executor(self, name: str) -> Executor:
        return self.commands.add_executor(name)
