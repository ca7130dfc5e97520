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
    Letterhead,
    OverdueLine,
    PageLink,
    QuarterlyListRow,
    Registration,
    ReminderData,
    ReminderLetter,
    ReminderLine,
    ReportData,
    ReportLine,
)
from tracker.drafting.texts import shorten

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


def _full_texts(control: ControlServiceAPI, order_ids: list[str]) -> dict[str, str]:
    """Whole texts (order rows keep only their first characters, cut anywhere): drafts shorten them at a word."""
    if not order_ids:
        return {}
    return {order_id: control.order_card(order_id).order.text for order_id in order_ids}


def report_data(control: ControlServiceAPI, org: Letterhead, start: date, end: date, today: date,
                act_id: str | None = None, executor_id: str | None = None, calendar: Any = None) -> ReportData:
    """Counts, Kо per executor and overdue orders over one list of points (tracker.drafting.execution),
    so every total is the sum of its table."""
    from tracker.drafting import execution

    period = execution.Period(start, end, today)
    points = execution.gather(control, period, act_id, executor_id, calendar)
    discipline = execution.discipline_of(points)
    overdue = [OverdueLine(p.number, p.act, "; ".join(p.late_executors), p.due, p.days_overdue, shorten(p.text))
               for p in sorted((p for p in points if p.overdue), key=lambda p: (-p.days_overdue, p.act, p.number))]
    lines = [_report_line(p) for p in points]
    act_label = ""
    if act_id:
        act_label = next((_act_label(a) for a in control.acts() if a.id == act_id), act_id)
    executor_label = ""
    if executor_id:
        executor_label = next((e.name for e in control.executors() if e.id == executor_id), executor_id)
    return ReportData(org=org, reg=Registration(), start=start, end=end, today=period.as_of,
                      totals=execution.totals_of(points), discipline=discipline, overdue=overdue,
                      act=act_label, executor=executor_label,
                      ko_note="Kо — по поручениям этого акта за период." if act_id else "",
                      discipline_total=execution.discipline_total(discipline) if discipline else None,
                      permanent=[line for line in lines if line.permanent and line.state == "на исполнении"],
                      lines=lines)


def _report_line(point: Any) -> ReportLine:
    executors = "; ".join(dict.fromkeys(s.executor for s in point.shares)) or "без исполнителя"
    if len({s.state for s in point.shares}) > 1:  # the executors' shares differ: say whose is where
        executors = "; ".join(f"{s.executor}: {s.state}" for s in point.shares)
    return ReportLine(point.number, point.act, executors, point.due, point.state, point.closed_on, point.overdue,
                      shorten(point.text), point.permanent, point.on_time)


def reminder_data(control: ControlServiceAPI, org: Letterhead, today: date, within_days: int,
                  executor_id: str | None = None) -> ReminderData:
    """One letter per executor: their open orders due within `within_days` days or overdue."""
    from tracker.control.api import OrderFilter

    executors = {e.id: e for e in control.executors()}
    targets = [executor_id] if executor_id else list(executors)
    letters: list[ReminderLetter] = []
    for target in targets:
        flt = OrderFilter(executor_id=target, include_closed=False)
        rows = [r for r in _all_orders(control, flt, today)
                if r.due is not None and r.days_left is not None and r.days_left <= within_days]
        texts = _full_texts(control, [r.id for r in rows])
        lines = [ReminderLine(r.number, r.act_label, shorten(texts.get(r.id) or r.text), r.due, r.days_left)
                 for r in rows]
        if not lines:
            continue
        lines.sort(key=lambda line: (line.days_left, line.act, line.number))
        executor = executors.get(target)
        letters.append(ReminderLetter(executor=executor.name if executor else target,
                                      person=(executor.person or "") if executor else "", orders=lines))
    letters.sort(key=lambda letter: letter.executor.lower())
    return ReminderData(org=org, today=today, within_days=within_days, letters=letters)
