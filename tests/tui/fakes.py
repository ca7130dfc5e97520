"""An in-memory service with the ControlServiceAPI shape: fast, deterministic data for UI tests.

The end-to-end workflow tests run on the real service; this one feeds the snapshot tests and
the benchmark's fallback, where a fixed, known data set matters more than the real rules.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from tracker.control.api import (
    CountByExecutor,
    Dashboard,
    DisciplineRow,
    DraftOrder,
    ImportOutcome,
    ImportPreview,
    ImportProgress,
    OrderCard,
    OrderFilter,
    OrderRow,
    OrdersPage,
    SortKey,
)
from tracker.errors import InvalidTransitionError, NotFoundError, ValidationError
from tracker.models import (
    Act,
    Assignment,
    Deadline,
    DeadlineKind,
    Executor,
    Extension,
    HistoryEntry,
    Order,
    Status,
)

CLOSED = {Status.DONE, Status.WITHDRAWN}
FIXED_AT = datetime(2026, 11, 2, 10, 0)
WHO = "делопроизводитель"


@dataclass
class FakeService:
    """Orders, acts and executors in dicts; rows precomputed so 100,000 orders filter quickly."""

    acts_by_id: dict[str, Act] = field(default_factory=dict)
    orders_by_id: dict[str, Order] = field(default_factory=dict)
    executors_by_id: dict[str, Executor] = field(default_factory=dict)
    learned: dict[str, str] = field(default_factory=dict)  # as written -> corrected name

    # -- building -------------------------------------------------------------------
    def add_executor(self, name: str) -> Executor:
        for executor in self.executors_by_id.values():
            if executor.name == name:
                return executor
        executor = Executor(id=f"e{len(self.executors_by_id) + 1}", name=name)
        self.executors_by_id[executor.id] = executor
        return executor

    def add_act(self, kind: str, number: str, when: date, title: str, text: str = "") -> Act:
        act = Act(id=f"a{len(self.acts_by_id) + 1}", kind=kind, number=number, date=when,
                  issuer="Правительство области", title=title, text=text)
        self.acts_by_id[act.id] = act
        return act

    def add_order(self, act: Act, number: str, text: str, executors: list[str], due: date | None,
                  status: Status = Status.ON_CONTROL, span: tuple[int, int] | None = None) -> Order:
        order = Order(
            id=f"o{len(self.orders_by_id) + 1}", act_id=act.id, number=number, text=text, span=span,
            deadline=Deadline(kind=DeadlineKind.DATE if due else DeadlineKind.NONE,
                              text=due.strftime("%d.%m.%Y") if due else None, due=due),
            assignments=[Assignment(executor_id=self.add_executor(name).id, as_written=name, status=status)
                         for name in executors],
            status=status,
            history=[HistoryEntry(at=FIXED_AT, who=WHO, action="created", what="поставлено на контроль")],
        )
        if status == Status.DONE:
            order.done_at = due
        self.orders_by_id[order.id] = order
        return order

    # -- reading --------------------------------------------------------------------
    def _today(self, today: date | None) -> date:
        return today or date.today()

    def _due(self, order: Order) -> date | None:
        return order.deadline.due

    def _overdue(self, order: Order, today: date) -> bool:
        due = self._due(order)
        return order.status not in CLOSED and due is not None and due < today

    def _row(self, order: Order, today: date) -> OrderRow:
        act = self.acts_by_id[order.act_id]
        due = self._due(order)
        return OrderRow(
            id=order.id,
            act_label=f"{(act.kind or '').capitalize()} № {act.number} от {act.date:%d.%m.%Y}",
            number=order.number,
            executors="; ".join(self.executors_by_id[a.executor_id].name for a in order.assignments),
            due=due,
            deadline_text=order.deadline.text or "—",
            days_left=(due - today).days if due else None,
            status=order.status,
            overdue=self._overdue(order, today),
            text=order.text[:200],
        )

    def _matches(self, order: Order, flt: OrderFilter, today: date) -> bool:
        due = self._due(order)
        if flt.statuses is not None and order.status not in flt.statuses:
            return False
        if not flt.include_closed and order.status in CLOSED:
            return False
        if flt.executor_id and all(a.executor_id != flt.executor_id for a in order.assignments):
            return False
        if flt.act_id and order.act_id != flt.act_id:
            return False
        if flt.overdue and not self._overdue(order, today):
            return False
        if flt.due_within_days is not None and not (
            due and today <= due <= today + timedelta(days=flt.due_within_days)
        ):
            return False
        if flt.due_from and not (due and due >= flt.due_from):
            return False
        if flt.due_to and not (due and due <= flt.due_to):
            return False
        if flt.text:
            needle = flt.text.lower()
            names = " ".join(self.executors_by_id[a.executor_id].name for a in order.assignments)
            haystack = f"{order.text} {self.acts_by_id[order.act_id].title} {names}".lower()
            if needle not in haystack:
                return False
        return True

    def list_orders(self, flt: OrderFilter, offset: int = 0, limit: int | None = 200,
                    today: date | None = None) -> OrdersPage:
        today = self._today(today)
        found = [o for o in self.orders_by_id.values() if self._matches(o, flt, today)]
        far = date.max
        if flt.sort == SortKey.URGENCY:
            found.sort(key=lambda o: (not self._overdue(o, today), self._due(o) or far, o.number))
        elif flt.sort == SortKey.NUMBER:
            found.sort(key=lambda o: [int(p) if p.isdigit() else 0 for p in re.split(r"\D+", o.number)])
        else:
            found.sort(key=lambda o: (self._due(o) or far, o.number))
        end = None if limit is None else offset + limit
        return OrdersPage(rows=[self._row(o, today) for o in found[offset:end]], total=len(found))

    def dashboard(self, today: date | None = None) -> Dashboard:
        today = self._today(today)
        open_orders = [o for o in self.orders_by_id.values() if o.status not in CLOSED]
        overdue = [o for o in open_orders if self._overdue(o, today)]
        by_executor: dict[str, int] = {}
        for order in overdue:
            for item in order.assignments:
                by_executor[item.executor_id] = by_executor.get(item.executor_id, 0) + 1
        counts = sorted(
            (CountByExecutor(eid, self.executors_by_id[eid].name, n) for eid, n in by_executor.items()),
            key=lambda c: (-c.count, c.name),
        )
        upcoming = sorted((o for o in open_orders if self._due(o)), key=lambda o: self._due(o))  # type: ignore[arg-type,return-value]
        return Dashboard(
            today=today,
            on_control=len(open_orders),
            overdue=len(overdue),
            overdue_orders=len(overdue),
            due_within_7=sum(1 for o in open_orders if o.deadline.due and 0 <= (o.deadline.due - today).days <= 7),
            done_this_month=sum(1 for o in self.orders_by_id.values()
                                if o.status == Status.DONE and o.done_at
                                and (o.done_at.year, o.done_at.month) == (today.year, today.month)),
            overdue_by_executor=counts,
            next_deadlines=[self._row(o, today) for o in upcoming if not self._overdue(o, today)][:10],
        )

    def order_card(self, order_id: str, today: date | None = None) -> OrderCard:
        today = self._today(today)
        order = self._order(order_id)
        due = self._due(order)
        return OrderCard(order=order, act=self.acts_by_id[order.act_id], overdue=self._overdue(order, today),
                         days_left=(due - today).days if due else None, next_due=None,
                         source_passage=order.span)

    def order_texts(self, order_ids: list[str]) -> dict[str, str]:
        return {order_id: self.orders_by_id[order_id].text for order_id in order_ids if order_id in self.orders_by_id}

    def acts(self) -> list[Act]:
        return list(self.acts_by_id.values())

    def executors(self) -> list[Executor]:
        return list(self.executors_by_id.values())

    def discipline(self, start: date, end: date, today: date | None = None) -> list[DisciplineRow]:
        return []

    # -- changes --------------------------------------------------------------------
    def _order(self, order_id: str) -> Order:
        try:
            return self.orders_by_id[order_id]
        except KeyError:
            raise NotFoundError(f"Поручение {order_id} не найдено") from None

    def _log(self, order: Order, action: str, what: str, why: str | None = None) -> Order:
        order.history.append(HistoryEntry(at=FIXED_AT, who=WHO, action=action, what=what, why=why))
        return order

    def _parts(self, order: Order, executor_id: str | None) -> list[Assignment]:
        return [a for a in order.assignments if executor_id is None or a.executor_id == executor_id]

    def _settle(self, order: Order) -> None:
        states = {a.status for a in order.assignments if a.status != Status.WITHDRAWN}  # the status rule
        if states == {Status.DONE}:
            order.status = Status.DONE
        elif Status.REWORK in states:
            order.status = Status.REWORK
        elif Status.ON_CONTROL in states:
            order.status = Status.ON_CONTROL
        else:
            order.status = Status.REPORTED

    def report_received(self, order_id: str, executor_id: str | None = None, text: str = "",
                        when: date | None = None) -> Order:
        order = self._order(order_id)
        for part in self._parts(order, executor_id):
            part.status, part.reported_at, part.report = Status.REPORTED, when, text or None
        self._settle(order)
        return self._log(order, "report", "отчёт представлен", text or None)

    def accept(self, order_id: str, executor_id: str | None = None, when: date | None = None,
               point: date | None = None) -> Order:
        order = self._order(order_id)
        parts = [p for p in self._parts(order, executor_id) if p.status == Status.REPORTED]
        if not parts:
            raise InvalidTransitionError("Принять можно только после отчёта исполнителя")
        for part in parts:
            part.status, part.done_at = Status.DONE, when
        self._settle(order)
        if order.status == Status.DONE:
            order.done_at = when
        return self._log(order, "status", "исполнение принято")

    def return_for_rework(self, order_id: str, reason: str, executor_id: str | None = None) -> Order:
        order = self._order(order_id)
        for part in self._parts(order, executor_id):
            part.status = Status.REWORK
        self._settle(order)
        return self._log(order, "status", "возвращено на доработку", reason)

    def extend(self, order_id: str, new_date: date, reason: str, basis: str | None = None) -> Order:
        order = self._order(order_id)
        old = order.deadline.due
        if old and new_date <= old:
            raise ValidationError("Новый срок должен быть позже прежнего")
        order.extensions.append(Extension(old=old, new=new_date, reason=reason, basis=basis, at=FIXED_AT, who=WHO))
        order.deadline.due = new_date
        return self._log(order, "extend", f"срок продлён до {new_date:%d.%m.%Y}", reason)

    def withdraw(self, order_id: str, reason: str, executor_id: str | None = None) -> Order:
        order = self._order(order_id)
        if executor_id is not None:
            for part in self._parts(order, executor_id):
                part.status = Status.WITHDRAWN
            self._settle(order)
            return self._log(order, "withdraw", "часть исполнителя снята с контроля", reason)
        order.status, order.withdrawn_reason = Status.WITHDRAWN, reason
        return self._log(order, "withdraw", "снято с контроля", reason)

    def anchor_relative(self, order_id: str, event: date) -> Order:
        order = self._order(order_id)
        order.deadline.anchor = event
        order.deadline.due = event + timedelta(days=order.deadline.relative_days or 0)
        return self._log(order, "edit", f"дата события {event:%d.%m.%Y}")

    def comment(self, order_id: str, text: str) -> Order:
        return self._log(self._order(order_id), "comment", "комментарий", text)

    def create_order(self, act_id: str | None, number: str, text: str, responsible: list[str],
                     due: date | None = None, deadline_text: str | None = None) -> Order:
        act = self.acts_by_id[act_id] if act_id else next(iter(self.acts_by_id.values()))
        return self.add_order(act, number, text, responsible, due)

    def rename_executor(self, executor_id: str, name: str, alias: str | None = None) -> Executor:
        executor = self.executors_by_id[executor_id]
        executor.name = name
        return executor

    # -- import -------------------------------------------------------------------------
    def preview_file(self, path: Path, on_page=None, cancel=None) -> ImportPreview:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            return ImportPreview(source=str(path), error=f"не удалось прочитать файл: {error}", kind=None,
                                 number=None, date=None, issuer=None, title=None, text="", orders=[], warnings=[])
        drafts = []
        for match in re.finditer(r"^(\d+)\.\s+(.+?)(?:\s+Срок\s*[-—]\s*(\d{2})\.(\d{2})\.(\d{4}))?\.?$", text, re.M):
            due = date(int(match[5]), int(match[4]), int(match[3])) if match[3] else None
            drafts.append(DraftOrder(number=match[1], text=match[2], span=match.span(), due=due,
                                     responsible=["Министерству образования"],
                                     responsible_names=["Министерство образования"], confidence=0.8))
        return ImportPreview(source=str(path), error=None, kind="постановление", number="1-п",
                             date=date(2026, 10, 1), issuer="Правительство области", title=path.stem,
                             text=text, orders=drafts, warnings=[])

    def preview_files(self, paths: list[Path], on_page=None, cancel=None) -> Iterator[ImportProgress]:
        files = [p for path in paths for p in (sorted(path.iterdir()) if path.is_dir() else [path])]
        for done, path in enumerate(files, 1):
            yield ImportProgress(done=done, total=len(files), source=str(path), preview=self.preview_file(path))

    def commit_import(self, preview: ImportPreview) -> ImportOutcome:
        act = self.add_act(preview.kind or "акт", preview.number or "", preview.date or date(2026, 1, 1),
                           preview.title or "", preview.text)
        kept = [d for d in preview.orders if d.keep]
        for draft in kept:
            for written, name in zip(draft.responsible, draft.responsible_names, strict=False):
                if written != name:
                    self.learned[written] = name
            self.add_order(act, draft.number, draft.text, draft.responsible_names or draft.responsible,
                           draft.due, span=draft.span)
        return ImportOutcome(source=preview.source, act_id=act.id, added_orders=len(kept), status="добавлен",
                             message=f"добавлено поручений: {len(kept)}")


def sample_service() -> FakeService:
    """A small, fixed data set: three acts, a dozen orders, some overdue on 02.11.2026."""
    service = FakeService()
    text = (
        "ПРАВИТЕЛЬСТВО ОБЛАСТИ\nПОСТАНОВЛЕНИЕ\nот 30.06.2026 № 1611-п\n\n"
        "Об официальных страницах органов власти\n\n"
        "1. Министерству образования обеспечить ведение официальных страниц. Срок — 01.10.2026.\n"
        "2. Министерству здравоохранения совместно с Министерством цифрового развития "
        "подключить учреждения к системе «Госпаблики». Срок — 15.11.2026.\n"
        "3. Контроль за исполнением постановления оставляю за собой.\n"
    )
    first = service.add_act("постановление", "1611-п", date(2026, 6, 30),
                            "Об официальных страницах органов власти", text)
    start = text.index("1. Министерству")
    service.add_order(first, "1", "Министерству образования обеспечить ведение официальных страниц.",
                      ["Министерство образования"], date(2026, 10, 1), span=(start, text.index("\n", start)))
    start2 = text.index("2. Министерству")
    service.add_order(first, "2", "Подключить учреждения к системе «Госпаблики».",
                      ["Министерство здравоохранения", "Министерство цифрового развития"], date(2026, 11, 15),
                      span=(start2, text.index("\n", start2)))
    second = service.add_act("распоряжение", "245-р", date(2026, 9, 1), "О мерах по развитию связи")
    names = ["Министерство образования", "Министерство здравоохранения", "Министерство культуры",
             "Министерство транспорта", "Администрация г. Иркутска"]
    for n in range(1, 9):
        due = date(2026, 10, 1) + timedelta(days=9 * n)
        status = Status.DONE if n == 3 else Status.ON_CONTROL
        service.add_order(second, str(n), f"Подготовить предложения по пункту {n} плана мероприятий.",
                          [names[n % len(names)]], due, status=status)
    third = service.add_act("перечень поручений", "Пр-12", date(2026, 10, 20), "По итогам совещания")
    service.add_order(third, "1", "Представить доклад о ходе работ.", ["Министерство культуры"], None)
    return service
