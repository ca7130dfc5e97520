"""Thin adapters: gather the drafting engine's plain data from the registry and control services.

The engine never sees a service: these functions read RegistryService.as_of(day) records and
ControlService's orders, executors, acts and discipline figures, and return the dataclasses
of tracker.drafting.data. They rely only on the services' public methods (duck-typed), so
tests can hand them small fakes.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from tracker.drafting.data import (
    DisciplineLine,
    Letterhead,
    OverdueLine,
    PageLink,
    QuarterlyListRow,
    Registration,
    ReminderData,
    ReminderLetter,
    ReminderLine,
    ReportData,
    ReportTotals,
)

if TYPE_CHECKING:
    from tracker.control.api import ControlServiceAPI, OrderFilter, OrderRow
    from tracker.models import Act
    from tracker.registry.api import RegistryAsOf

NETWORK_NAMES = {"vk": "ВКонтакте", "ok": "Одноклассники", "telegram": "Телеграм"}  # as 1611-п spells them


def list_rows(records: Iterable[Any]) -> tuple[list[QuarterlyListRow], list[str]]:
    """Registry records -> list rows; also the institutions left out for having no responsible
    employee (exempt institutions are left out silently: they keep no pages)."""
    rows: list[QuarterlyListRow] = []
    without_employee: list[str] = []
    for record in records:
        if getattr(record, "exempt", False) or getattr(record, "removed", False):
            continue
        employee = record.employee
        name = f"{record.organisation} ({record.district})" if record.district else record.organisation
        if not (employee.full_name or "").strip():
            without_employee.append(name)
            continue
        pages = [PageLink(NETWORK_NAMES.get(str(network), str(network)), url)
                 for network, url in record.pages.items() if url]
        order = list(NETWORK_NAMES)
        pages.sort(key=lambda p: order.index(_network_key(p.network)) if _network_key(p.network) in order else 9)
        rows.append(QuarterlyListRow(
            organisation=record.organisation, person=employee.full_name.strip(), position=employee.position,
            phone=employee.phone, email=employee.email, district=record.district or "",
            kind=str(record.kind) if record.kind else "", pages=pages,
        ))
    return rows, without_employee


def _network_key(label: str) -> str:
    return next((key for key, name in NETWORK_NAMES.items() if name == label), label)


def registry_rows(registry: RegistryAsOf, day: date) -> tuple[list[QuarterlyListRow], list[str]]:
    """The list as the registry stood on `day`."""
    return list_rows(registry.as_of(day))


# -- control: reports and reminders -------------------------------------------------------

def _act_label(act: Act) -> str:
    from tracker.control.records import act_label

    return act_label(act.kind, act.number, act.date)


def _all_orders(control: ControlServiceAPI, flt: OrderFilter, today: date) -> list[OrderRow]:
    page = control.list_orders(flt, offset=0, limit=None, today=today)
    return list(page.rows)


def report_data(control: ControlServiceAPI, org: Letterhead, start: date, end: date, today: date,
                act_id: str | None = None, executor_id: str | None = None) -> ReportData:
    """Counts, Kо per executor and overdue orders, for a period and optionally one act or executor."""
    from tracker.control.api import OrderFilter
    from tracker.models import Status

    flt = OrderFilter(act_id=act_id, executor_id=executor_id, include_closed=True)
    # due in the period, plus older ones still overdue (carried over into it)
    rows = [r for r in _all_orders(control, flt, today)
            if r.due is not None and (start <= r.due <= end or (r.overdue and r.due < start))]
    totals = ReportTotals(orders=len(rows))
    for row in rows:
        if row.status == Status.DONE:
            totals.done += 1
            done_at = control.order_card(row.id, today=today).order.done_at
            if done_at is not None and row.due is not None and done_at <= row.due:
                totals.done_on_time += 1
            else:
                totals.done_late += 1
        elif row.status == Status.WITHDRAWN:
            totals.withdrawn += 1
        else:
            totals.on_control += 1
        if row.overdue:
            totals.overdue += 1
    figures = control.discipline(start, end, today=today)
    ko_note = ""
    if executor_id:
        figures = [f for f in figures if f.executor_id == executor_id]
    elif act_id:
        names = {name.strip() for r in rows for name in r.executors.split(";")}
        figures = [f for f in figures if f.name in names]
        ko_note = "Kо исполнителей этого акта — по всем их поручениям за период."
    discipline = [DisciplineLine(f.name, f.due, f.done_on_time, f.done_late, f.overdue_now, f.ko)
                  for f in sorted(figures, key=lambda f: (f.ko if f.ko is not None else 2, f.name))]
    overdue = [OverdueLine(r.number, r.act_label, r.executors, r.due, -(r.days_left or 0), r.text)
               for r in sorted((r for r in rows if r.overdue), key=lambda r: (r.days_left or 0, r.act_label))]
    act_label = ""
    if act_id:
        act_label = next((_act_label(a) for a in control.acts() if a.id == act_id), act_id)
    executor_label = ""
    if executor_id:
        executor_label = next((e.name for e in control.executors() if e.id == executor_id), executor_id)
    return ReportData(org=org, reg=Registration(), start=start, end=end, today=today, totals=totals,
                      discipline=discipline, overdue=overdue, act=act_label, executor=executor_label,
                      ko_note=ko_note)


def reminder_data(control: ControlServiceAPI, org: Letterhead, today: date, within_days: int,
                  executor_id: str | None = None) -> ReminderData:
    """One letter per executor: their open orders due within `within_days` days or overdue."""
    from tracker.control.api import OrderFilter

    executors = {e.id: e for e in control.executors()}
    targets = [executor_id] if executor_id else list(executors)
    letters: list[ReminderLetter] = []
    for target in targets:
        flt = OrderFilter(executor_id=target, include_closed=False)
        lines = [ReminderLine(r.number, r.act_label, r.text, r.due, r.days_left)
                 for r in _all_orders(control, flt, today)
                 if r.due is not None and r.days_left is not None and r.days_left <= within_days]
        if not lines:
            continue
        lines.sort(key=lambda line: (line.days_left, line.act, line.number))
        executor = executors.get(target)
        letters.append(ReminderLetter(executor=executor.name if executor else target,
                                      person=(executor.person or "") if executor else "", orders=lines))
    letters.sort(key=lambda letter: letter.executor.lower())
    return ReminderData(org=org, today=today, within_days=within_days, letters=letters)
