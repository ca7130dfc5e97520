"""The control service as one principal may use it: every call checked here, in the service layer.

GuardedControl implements ControlServiceAPI by delegating to the real service after the policy
(tracker.access.policy) allows the call. An исполнитель's reads are scoped to its organisation:
another organisation's order is refused like a missing one (nothing about it leaks). A method
this class does not know needs Action.CONTROL: a new service method is safe by default.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from tracker.access.models import Action, Principal, Role
from tracker.access.policy import AccessDeniedError, check, visible_to
from tracker.control.api import ControlServiceAPI, OrderFilter, OrdersPage
from tracker.errors import NotFoundError
from tracker.models import Order

# reading helpers that reveal nothing an allowed read does not (ids, names, sync)
_HARMLESS = frozenset({"resolve_order_id", "short_id", "sync", "close", "directory"})


class GuardedControl:
    """ControlServiceAPI for `who`: refuses what the role may not do (AccessDeniedError, in Russian)."""

    def __init__(self, inner: ControlServiceAPI, who: Principal) -> None:
        self._inner = inner
        self.who = who

    # -- scope ------------------------------------------------------------------------------
    def _own(self, order_id: str) -> Order:
        """The order, if `who` may see it; another organisation's order is «not found»."""
        card = self._inner.order_card(order_id)
        scope = visible_to(self.who)
        if self.who.role is Role.EXECUTOR and scope not in {a.executor_id for a in card.order.assignments}:
            raise NotFoundError(f"Поручение {order_id[:8]} не найдено.")
        return card.order

    def _may_change(self, order_id: str, action: Action, what: str) -> None:
        order = self._own(order_id)
        check(self.who, action, [a.executor_id for a in order.assignments], what)

    # -- import -----------------------------------------------------------------------------
    def preview_file(self, path: Path) -> Any:
        check(self.who, Action.IMPORT, what="загрузка акта")
        return self._inner.preview_file(path)

    def preview_files(self, paths: list[Path]) -> Iterator[Any]:
        check(self.who, Action.IMPORT, what="загрузка актов")
        return self._inner.preview_files(paths)

    def commit_import(self, preview: Any) -> Any:
        check(self.who, Action.IMPORT, what="постановка на контроль")
        return self._inner.commit_import(preview)

    # -- reading ----------------------------------------------------------------------------
    def dashboard(self, today: date | None = None) -> Any:
        check(self.who, Action.READ)
        if self.who.role is Role.EXECUTOR:
            # the figures over all orders would tell an executor about other organisations
            raise AccessDeniedError("Сводка по всем поручениям исполнителю недоступна; "
                                    "свои поручения — в разделе «Поручения».")
        return self._inner.dashboard(today)

    def list_orders(self, flt: OrderFilter, offset: int = 0, limit: int | None = 200,
                    today: date | None = None) -> OrdersPage:
        check(self.who, Action.READ)
        scope = visible_to(self.who)
        if self.who.role is Role.EXECUTOR:
            flt = replace(flt, executor_id=scope or "\0none")  # no organisation: sees nothing
        return self._inner.list_orders(flt, offset, limit, today)

    def order_card(self, order_id: str, today: date | None = None) -> Any:
        check(self.who, Action.READ)
        self._own(order_id)
        return self._inner.order_card(order_id, today)

    def acts(self) -> Any:
        check(self.who, Action.READ)
        return self._inner.acts()

    def executors(self) -> Any:
        check(self.who, Action.READ)
        return self._inner.executors()

    def discipline(self, start: date, end: date, today: date | None = None) -> Any:
        check(self.who, Action.READ)
        if self.who.role is Role.EXECUTOR:
            raise AccessDeniedError("Отчёт об исполнительской дисциплине исполнителю недоступен.")
        return self._inner.discipline(start, end, today)

    # -- changes ----------------------------------------------------------------------------
    def report_received(self, order_id: str, executor_id: str | None = None, text: str = "",
                        when: date | None = None) -> Order:
        self._may_change(order_id, Action.REPORT, "отчёт об исполнении")
        if self.who.role is Role.EXECUTOR:
            executor_id = self.who.executor_id  # reports only for its own organisation
        return self._inner.report_received(order_id, executor_id, text, when)

    def comment(self, order_id: str, text: str) -> Order:
        self._may_change(order_id, Action.COMMENT, "комментарий")
        return self._inner.comment(order_id, text)

    def accept(self, order_id: str, executor_id: str | None = None, when: date | None = None) -> Order:
        self._may_change(order_id, Action.CONTROL, "снятие с контроля")
        return self._inner.accept(order_id, executor_id, when)

    def return_for_rework(self, order_id: str, reason: str, executor_id: str | None = None) -> Order:
        self._may_change(order_id, Action.CONTROL, "возврат на доработку")
        return self._inner.return_for_rework(order_id, reason, executor_id)

    def extend(self, order_id: str, new_date: date, reason: str, basis: str | None = None) -> Order:
        self._may_change(order_id, Action.CONTROL, "перенос срока")
        return self._inner.extend(order_id, new_date, reason, basis)

    def withdraw(self, order_id: str, reason: str) -> Order:
        self._may_change(order_id, Action.CONTROL, "снятие поручения")
        return self._inner.withdraw(order_id, reason)

    def create_order(self, act_id: str | None, number: str, text: str, responsible: list[str],
                     due: date | None = None, deadline_text: str | None = None) -> Order:
        check(self.who, Action.CONTROL, what="новое поручение")
        return self._inner.create_order(act_id, number, text, responsible, due, deadline_text)

    def rename_executor(self, executor_id: str, name: str, alias: str | None = None) -> Any:
        check(self.who, Action.CONTROL, what="справочник исполнителей")
        return self._inner.rename_executor(executor_id, name, alias)

    # -- everything else: a control right, unless it is known to be harmless -------------------
    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name not in _HARMLESS:
            check(self.who, Action.CONTROL, what=name)
        return getattr(self._inner, name)
