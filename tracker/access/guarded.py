"""The control service as one principal may use it: every call checked here, in the service layer.

GuardedControl offers every public method of ControlService by delegating to the real service
after the policy (tracker.access.policy) allows the call. An исполнитель's reads are scoped to
its organisation on any OrderQueries implementation: lists are narrowed by the filter's
executor id and checked row by row, and every card or order is checked before it is shown or
changed; another organisation's order is refused like a missing one (nothing about it leaks).
A method this class does not know needs Action.CONTROL: a new service method is safe by default.
The raw store is not offered: what a front end stores goes through a service or the root.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.access.models import Action, Principal, Role
from tracker.access.policy import AccessDeniedError, check, visible_to
from tracker.control.api import (
    ControlServiceAPI,
    Dashboard,
    DisciplineRow,
    ImportOutcome,
    ImportPreview,
    ImportProgress,
    OrderCard,
    OrderFilter,
    OrdersPage,
    PageProgress,
)
from tracker.errors import NotFoundError
from tracker.models import Act, Executor, Order, Recurrence

if TYPE_CHECKING:
    from tracker.control.service import ControlService
    from tracker.executors import Directory

# reading helpers that reveal nothing an allowed read does not (ids, names, sync)
_HARMLESS = frozenset({"resolve_order_id", "short_id", "sync", "close", "directory", "calendar", "user"})


class GuardedControl:
    """The control service for `who`: refuses what the role may not do (AccessDeniedError, in Russian)."""

    def __init__(self, inner: ControlService | ControlServiceAPI, who: Principal,
                 standing: Callable[[Principal], None] | None = None) -> None:
        self._inner: Any = inner
        self.who = who
        # raises when `who`'s account was disabled or changed since the login (Accounts.still_standing):
        # asked on every change and on the desk's periodic sync, so an open session does not outlive it
        self._standing = standing or (lambda who: None)

    # -- scope ------------------------------------------------------------------------------
    @property
    def _scoped(self) -> bool:
        return self.who.role is Role.EXECUTOR

    def _visible(self, order: Order) -> bool:
        return not self._scoped or visible_to(self.who) in {a.executor_id for a in order.assignments}

    def _own(self, order_id: str) -> Order:
        """The order, if `who` may see it; another organisation's order is «not found»."""
        order: Order = self._inner.get_order(order_id)
        if not self._visible(order):
            raise NotFoundError(f"Поручение {order_id[:8]} не найдено.")
        return order

    def _may_change(self, order_id: str, action: Action, what: str) -> Order:
        self._standing(self.who)
        order = self._own(order_id)
        check(self.who, action, [a.executor_id for a in order.assignments], what)
        return order

    # -- plumbing ---------------------------------------------------------------------------
    @property
    def directory(self) -> Directory:
        return self._inner.directory

    def sync(self) -> bool:
        self._standing(self.who)
        return bool(self._inner.sync())

    def close(self) -> None:
        self._inner.close()

    @staticmethod
    def short_id(order_id: str) -> str:
        return order_id[:8]

    def resolve_order_id(self, ref: str) -> str:
        return str(self._inner.resolve_order_id(ref))

    # -- import -----------------------------------------------------------------------------
    def preview_file(self, path: Path, on_page: PageProgress | None = None,
                     cancel: threading.Event | None = None) -> ImportPreview:
        check(self.who, Action.IMPORT, what="загрузка акта")
        return self._inner.preview_file(path, on_page, cancel)

    def preview_files(self, paths: list[Path], on_page: PageProgress | None = None,
                      cancel: threading.Event | None = None) -> Iterator[ImportProgress]:
        check(self.who, Action.IMPORT, what="загрузка актов")
        return self._inner.preview_files(paths, on_page, cancel)

    def commit_import(self, preview: ImportPreview) -> ImportOutcome:
        self._standing(self.who)
        check(self.who, Action.IMPORT, what="постановка на контроль")
        return self._inner.commit_import(preview)

    # -- reading ----------------------------------------------------------------------------
    def dashboard(self, today: date | None = None) -> Dashboard:
        check(self.who, Action.READ)
        if self._scoped:
            # the figures over all orders would tell an executor about other organisations
            raise AccessDeniedError("Сводка по всем поручениям исполнителю недоступна; "
                                    "свои поручения — в разделе «Поручения».")
        return self._inner.dashboard(today)

    def list_orders(self, flt: OrderFilter, offset: int = 0, limit: int | None = 200,
                    today: date | None = None) -> OrdersPage:
        check(self.who, Action.READ)
        if not self._scoped:
            return self._inner.list_orders(flt, offset, limit, today)
        scope = visible_to(self.who)
        if scope is None or (flt.executor_id is not None and flt.executor_id != scope):
            return OrdersPage([], 0)  # no organisation, or another one asked for: nothing to see
        page: OrdersPage = self._inner.list_orders(replace(flt, executor_id=scope), offset, limit, today)
        # whatever read model answered, no row of another organisation leaves this layer
        rows = [row for row in page.rows if scope in {part.executor_id for part in row.parts}]
        return OrdersPage(rows, page.total - (len(page.rows) - len(rows)))

    def order_card(self, order_id: str, today: date | None = None) -> OrderCard:
        check(self.who, Action.READ)
        card: OrderCard = self._inner.order_card(order_id, today)
        if not self._visible(card.order):
            raise NotFoundError(f"Поручение {order_id[:8]} не найдено.")
        return card

    def get_order(self, order_id: str) -> Order:
        check(self.who, Action.READ)
        return self._own(order_id)

    def order_texts(self, order_ids: list[str]) -> dict[str, str]:
        check(self.who, Action.READ)
        if self._scoped:
            order_ids = [i for i in order_ids if self._visible(self._inner.get_order(i))]
        return dict(self._inner.order_texts(order_ids))

    def get_act(self, act_id: str) -> Act:
        check(self.who, Action.READ)
        return self._inner.get_act(act_id)

    def acts(self) -> list[Act]:
        check(self.who, Action.READ)
        return list(self._inner.acts())

    def act_orders_count(self) -> dict[str, int]:
        check(self.who, Action.READ)
        return dict(self._inner.act_orders_count())

    def executors(self) -> list[Executor]:
        check(self.who, Action.READ)
        return self._own_executors(self._inner.executors())

    def find_executors(self, text: str) -> list[Executor]:
        check(self.who, Action.READ)
        return self._own_executors(self._inner.find_executors(text))

    def _own_executors(self, found: list[Executor]) -> list[Executor]:
        """An executor's filters offer its own organisation only."""
        return [e for e in found if not self._scoped or e.id == visible_to(self.who)]

    def discipline(self, start: date, end: date, today: date | None = None) -> list[DisciplineRow]:
        check(self.who, Action.READ)
        if self._scoped:
            raise AccessDeniedError("Отчёт об исполнительской дисциплине исполнителю недоступен.")
        return self._inner.discipline(start, end, today)

    # -- changes ----------------------------------------------------------------------------
    def report_received(self, order_id: str, executor_id: str | None = None, text: str = "",
                        when: date | None = None) -> Order:
        self._may_change(order_id, Action.REPORT, "отчёт об исполнении")
        if self._scoped:
            executor_id = self.who.executor_id  # reports only for its own organisation
        return self._inner.report_received(order_id, executor_id, text, when)

    def comment(self, order_id: str, text: str) -> Order:
        self._may_change(order_id, Action.COMMENT, "комментарий")
        return self._inner.comment(order_id, text)

    def accept(self, order_id: str, executor_id: str | None = None, when: date | None = None,
               point: date | None = None) -> Order:
        self._may_change(order_id, Action.CONTROL, "приёмка исполнения")
        return self._inner.accept(order_id, executor_id, when, point)

    def return_for_rework(self, order_id: str, reason: str, executor_id: str | None = None) -> Order:
        self._may_change(order_id, Action.CONTROL, "возврат на доработку")
        return self._inner.return_for_rework(order_id, reason, executor_id)

    def extend(self, order_id: str, new_date: date, reason: str, basis: str | None = None) -> Order:
        self._may_change(order_id, Action.CONTROL, "перенос срока")
        return self._inner.extend(order_id, new_date, reason, basis)

    def withdraw(self, order_id: str, reason: str, executor_id: str | None = None) -> Order:
        self._may_change(order_id, Action.CONTROL, "снятие с контроля")
        return self._inner.withdraw(order_id, reason, executor_id)

    def anchor_relative(self, order_id: str, event: date) -> Order:
        self._may_change(order_id, Action.CONTROL, "дата события")
        return self._inner.anchor_relative(order_id, event)

    def set_recurrence(self, order_id: str, recurrence: Recurrence, point_day: int | None = None,
                       review_every_days: int | None = None, start: date | None = None) -> Order:
        self._may_change(order_id, Action.CONTROL, "периодичность")
        return self._inner.set_recurrence(order_id, recurrence, point_day, review_every_days, start)

    def create_order(self, act_id: str | None, number: str, text: str, responsible: list[str],
                     due: date | None = None, deadline_text: str | None = None) -> Order:
        self._standing(self.who)
        check(self.who, Action.CONTROL, what="новое поручение")
        return self._inner.create_order(act_id, number, text, responsible, due, deadline_text)

    def rename_executor(self, executor_id: str, name: str, alias: str | None = None) -> Executor:
        self._standing(self.who)
        check(self.who, Action.CONTROL, what="справочник исполнителей")
        return self._inner.rename_executor(executor_id, name, alias)

    def add_executor(self, name: str) -> Executor:
        self._standing(self.who)
        check(self.who, Action.CONTROL, what="справочник исполнителей")
        return self._inner.add_executor(name)

    # -- everything else: a control right, unless it is known to be harmless -------------------
    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name == "store":
            raise AttributeError(name)
        if name not in _HARMLESS:
            check(self.who, Action.CONTROL, what=name)
        return getattr(self._inner, name)
