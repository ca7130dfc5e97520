"""OrderCommands: every change to orders, each one store transaction with its history entry.

The order record and its appended history entry (tracker.control.history.with_entry) are written
together; the query index is told of the stored record afterwards.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import islice, takewhile

from db.api import Store
from tracker.calendar import ProductionCalendar
from tracker.clock import Clock
from tracker.control import history
from tracker.control.api import DraftOrder, OrderQueries
from tracker.control.importer import ActImporter
from tracker.control.reading import MANUAL_ACT_ID, StoredRecords, manual_act
from tracker.control.records import (
    ACTS,
    EXECUTORS,
    HISTORY,
    ORDERS,
    act_to_record,
    executor_to_record,
    order_from_record,
)
from tracker.deadlines import anchor as anchor_deadline
from tracker.deadlines import make_extension
from tracker.errors import NotFoundError, ValidationError
from tracker.models import Deadline, DeadlineKind, Executor, HistoryEntry, Order, Recurrence
from tracker.recurrence import control_points
from tracker.statuses import OPEN, apply, order_due, renumber_points, withdraw


class OrderCommands:
    """Status changes, moved deadlines, comments, hand-made orders, renamed executors."""

    def __init__(self, store: Store, index: OrderQueries, records: StoredRecords, importer: ActImporter,
                 calendar: ProductionCalendar, clock: Clock, user: str) -> None:
        self.store = store
        self.index = index
        self.records = records
        self.importer = importer
        self.calendar = calendar
        self._now = clock
        self.user = user

    def _today(self, today: date | None) -> date:
        return today or self._now().date()

    def _change(self, order_id: str, action: str, change: Callable[[Order], str], why: str | None = None,
                data: dict | None = None) -> Order:
        order_id = self.index.resolve_order_id(order_id)
        table = self.store.table(ORDERS)
        with self.store.transaction():
            raw = table.get(order_id)
            if raw is None:
                raise NotFoundError(f"Поручение {order_id[:8]} не найдено (удалено другим пользователем?).")
            order = order_from_record(raw)
            what = change(order)
            record, entry = history.with_entry(
                self.store, order, raw, HistoryEntry(self._now(), self.user, action, what, why, data or {}))
            stored = table.replace(record, expected_rev=raw["_rev"])
            if entry is not None:
                self.store.table(HISTORY).insert(entry)
        self.index.put(stored)
        return self.records.get_order(order_id)

    def report_received(self, order_id: str, executor_id: str | None = None, text: str = "",
                        when: date | None = None) -> Order:
        day = self._today(when)
        return self._change(order_id, "report",
                            lambda o: apply(o, "report", day, executor_id, text, self.calendar), text.strip() or None,
                            {"executor_id": executor_id, "date": day.isoformat()})

    def accept(self, order_id: str, executor_id: str | None = None, when: date | None = None,
               point: date | None = None) -> Order:
        day = self._today(when)
        return self._change(order_id, "accept",
                            lambda o: apply(o, "accept", day, executor_id, calendar=self.calendar, point=point),
                            None, {"executor_id": executor_id, "date": day.isoformat(),
                                   "point": point.isoformat() if point else None})

    def return_for_rework(self, order_id: str, reason: str, executor_id: str | None = None) -> Order:
        day = self._today(None)
        return self._change(order_id, "return", lambda o: apply(o, "return", day, executor_id, reason, self.calendar),
                            reason.strip(), {"executor_id": executor_id})

    def extend(self, order_id: str, new_date: date, reason: str, basis: str | None = None) -> Order:
        def change(order: Order) -> str:
            if order.status not in OPEN:
                raise ValidationError(f"Срок не переносится: поручение {order.number} уже «{order.status}».")
            ext = make_extension(order.deadline, new_date, reason, basis, self.user, self._now())
            order.extensions.append(ext)
            old = f"{ext.old:%d.%m.%Y}" if ext.old else "не задан"
            tail = f" (основание: {ext.basis})" if ext.basis else ""
            return f"Срок перенесён: {old} → {ext.new:%d.%m.%Y}{tail}"

        return self._change(order_id, "extend", change, reason.strip(), {"new": new_date.isoformat(), "basis": basis})

    def withdraw(self, order_id: str, reason: str, executor_id: str | None = None) -> Order:
        return self._change(order_id, "withdraw", lambda o: withdraw(o, reason, executor_id, self._today(None)),
                            reason.strip(),
                            {"executor_id": executor_id} if executor_id else None)

    def comment(self, order_id: str, text: str) -> Order:
        if not text or not text.strip():
            raise ValidationError("Пустой комментарий не сохранён.")
        return self._change(order_id, "comment", lambda o: f"Комментарий: {text.strip()}", None)

    def anchor_relative(self, order_id: str, event: date) -> Order:
        """Set the event date of a relative term («с даты создания»): the due date follows."""
        def change(order: Order) -> str:
            due = anchor_deadline(order.deadline, event, self.calendar)
            return f"Дата события {event:%d.%m.%Y}: срок исполнения {due:%d.%m.%Y}"

        return self._change(order_id, "edit", change, None, {"anchor": event.isoformat()})

    def set_recurrence(self, order_id: str, recurrence: Recurrence, point_day: int | None = None,
                       review_every_days: int | None = None, start: date | None = None) -> Order:
        """Make an order recurring, or set its control day / review period (постоянно)."""
        if review_every_days is not None and review_every_days <= 0:
            raise ValidationError("Период проверки — целое число дней больше нуля.")

        def change(order: Order) -> str:
            old = order.deadline
            order.deadline = Deadline(
                kind=DeadlineKind.RECURRING, text=old.text, recurrence=Recurrence(recurrence),
                start=start or old.start or order.created, point_day=point_day,
                review_every_days=review_every_days,
            )
            covered = old.covered_until
            if old.kind == DeadlineKind.RECURRING and covered and old.recurrence == recurrence:
                # the same periods stay closed: the n-th point of the new rule for the n closed
                closed = sum(1 for _ in takewhile(lambda p: p <= covered, control_points(old, calendar=self.calendar)))
                points = list(islice(control_points(order.deadline, calendar=self.calendar), closed))
                order.deadline.covered_until = points[-1] if points else None
            if old.kind == DeadlineKind.RECURRING and order.closed_points and old.recurrence == recurrence:
                renumber_points(order, old, self.calendar)
            nxt = order_due(order, self.calendar)
            return f"Периодичность: {recurrence}" + (f"; ближайшая контрольная точка {nxt:%d.%m.%Y}" if nxt else "")

        return self._change(order_id, "edit", change, None, {"recurrence": str(recurrence)})

    def create_order(self, act_id: str | None, number: str, text: str, responsible: list[str],
                     due: date | None = None, deadline_text: str | None = None) -> Order:
        """A control point entered by hand or made by the registry («сообщить в ЦУР»)."""
        self.index.refresh()
        if not text or not text.strip():
            raise ValidationError("Текст поручения пуст.")
        now = self._now()
        with self.store.transaction():
            if act_id is None:
                act_id = MANUAL_ACT_ID
                if self.store.table(ACTS).get(MANUAL_ACT_ID) is None:
                    self.index.remember_act(self.store.table(ACTS).insert(act_to_record(manual_act())))
            elif not self.index.has_act(act_id):
                raise NotFoundError(f"Акт {act_id} не найден.")
            act = self.records.get_act(act_id)
            draft = DraftOrder(number=number, text=text, responsible=list(responsible),
                               responsible_names=list(responsible), deadline_text=deadline_text, due=due)
            order = self.importer.order_from_draft(act, draft, now)
            self.importer.save_executors()
            stored = self.importer.insert_orders([order], now, "Поставлено на контроль вручную")
        self.index.put(stored[0])
        return self.records.get_order(order.id)

    def rename_executor(self, executor_id: str, name: str, alias: str | None = None) -> Executor:
        self.index.refresh()
        if not name or not name.strip():
            raise ValidationError("Пустое наименование исполнителя.")
        directory = self.index.directory
        executor = directory.get(executor_id)
        if executor is None:
            raise NotFoundError(f"Исполнитель {executor_id} не найден.")
        directory.rename(executor, name, alias)
        self.store.table(EXECUTORS).replace(executor_to_record(executor))
        self.index.reload()
        return executor

    def add_executor(self, name: str) -> Executor:
        self.index.refresh()
        name = (name or "").strip()
        if not name:
            raise ValidationError("Пустое наименование организации.")
        known = self.index.directory.find(name)
        if known is not None:
            return known  # «Минобразования» for «Министерство образования …»: one body, one entry
        # the orders imported later resolve to it by the same keys as any spelling of the body
        executor = self.index.directory.resolve(name).executor
        self.store.table(EXECUTORS).insert(executor_to_record(executor))
        self.index.reload()
        return executor
