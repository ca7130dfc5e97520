"""Карточка поручения: text, source passage, executors, deadline with extensions, history, actions."""
from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import DataTable, Footer, Header, Label, Static

from tracker.access.models import Action
from tracker.control.api import OrderCard
from tracker.control.records import act_label
from tracker.models import Assignment, ExecutorRole, Order, Status
from tui.dates import fmt_date, fmt_days_left
from tui.dialogs.action import ActionDialog, ActionResult
from tui.dialogs.extend import ExtendDialog, ExtendResult
from tui.keys import both
from tui.screens.base import DeskScreen
from tui.widgets.source_view import SourceView

CLOSED = {Status.DONE, Status.WITHDRAWN}


class CardScreen(DeskScreen):
    BINDINGS = [
        Binding("escape", "back", "Назад"),
        Binding(both("r"), "report", "Отчёт получен"),
        Binding(both("a"), "accept", "Принять"),
        Binding(both("b"), "rework", "На доработку"),
        Binding(both("e"), "extend", "Продлить"),
        Binding(both("d"), "anchor", "Дата события"),
        Binding(both("w"), "withdraw", "Снять"),
        Binding(both("c"), "comment", "Комментарий"),
    ]

    def __init__(self, order_id: str) -> None:
        super().__init__()
        self.order_id = order_id
        self.card: OrderCard | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="card"):
            with VerticalScroll(id="card-info"):
                yield Label("", id="card-title", classes="section-title")
                yield Static("", id="card-status")
                yield Static("", id="card-text", classes="order-text")
                yield Label("Срок", classes="section-title")
                yield Static("", id="card-deadline")
                yield Label("Исполнители", classes="section-title")
                yield DataTable(id="card-executors", cursor_type="row", show_cursor=False)
                yield Label("История", classes="section-title")
                yield DataTable(id="card-history", cursor_type="row", show_cursor=False)
            yield SourceView(id="card-source")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Карточка поручения"
        executors = self.query_one("#card-executors", DataTable)
        for label in ("Исполнитель", "Роль", "Статус", "Отчёт", "Исполнено"):
            executors.add_column(label, key=label)
        history = self.query_one("#card-history", DataTable)
        for label in ("Когда", "Кто", "Что", "Почему"):
            history.add_column(label, key=label)
        self.reload()

    def reload(self) -> None:
        card = self.call_service(lambda: self.service.order_card(self.order_id, self.today))
        if card is None:
            return
        self.card = card
        self._show(card)

    def _show(self, card: OrderCard) -> None:
        order, act = card.order, card.act
        names = {e.id: e.name for e in (self.call_service(self.service.executors) or [])}
        caption = act_label(act.kind, act.number, act.date)
        self.sub_title = caption
        self.query_one("#card-title", Label).update(f"Пункт {order.number} — {caption}")
        status = Text(f"Статус: {order.status}")
        if card.overdue:
            status.append("  ПРОСРОЧЕНО", style="bold red")
        if order.withdrawn_reason:
            status.append(f"  (снято: {order.withdrawn_reason})")
        self.query_one("#card-status", Static).update(status)
        self.query_one("#card-text", Static).update(Text(order.text))
        self.query_one("#card-deadline", Static).update(self._deadline_text(card))
        executors = self.query_one("#card-executors", DataTable)
        executors.clear()
        for item in order.assignments:
            executors.add_row(
                names.get(item.executor_id, item.as_written),
                "ответственный" if item.role == ExecutorRole.RESPONSIBLE else "соисполнитель",
                str(item.status),
                item.report or ("получен " + fmt_date(item.reported_at) if item.reported_at else "—"),
                fmt_date(item.done_at) if item.done_at else _own_points(order, item),
                key=item.executor_id,
            )
        history = self.query_one("#card-history", DataTable)
        history.clear()
        for entry in order.history:
            history.add_row(entry.at.strftime("%d.%m.%Y %H:%M"), entry.who, entry.what, entry.why or "")
        self.query_one(SourceView).show(act.text, card.source_passage)

    @staticmethod
    def _deadline_text(card: OrderCard) -> Text:
        deadline = card.order.deadline
        text = Text()
        due = card.next_due or deadline.due
        text.append(fmt_date(due) if due else (deadline.text or "без срока"), style="bold")
        if deadline.text and due:
            text.append(f"  («{deadline.text}»)")
        if due and card.order.status not in CLOSED:
            text.append(f"  — {fmt_days_left(card.days_left, card.overdue)}",
                        style="bold red" if card.overdue else "")
        if card.needs_date:
            text.append("\nНУЖНА ДАТА события, от которого считается срок: D — задать", style="bold yellow")
        if card.missed_points:
            text.append("\nне приняты контрольные точки: " + ", ".join(fmt_date(p) for p in card.missed_points),
                        style="bold red")
        if card.order.closed_points:
            text.append("\nприняты: " + ", ".join(
                f"{fmt_date(p.due)} ({fmt_date(p.done_at)})" for p in card.order.closed_points[-4:]))
        for ext in card.order.extensions:
            line = f"\nпродлён с {fmt_date(ext.old)} на {fmt_date(ext.new)}: {ext.reason}"
            if ext.basis:
                line += f" (основание: {ext.basis})"
            text.append(line)
        return text

    # -- actions ------------------------------------------------------------------
    def _executor_choices(self, wanted: set[Status] | None = None) -> list[tuple[str, str]]:
        if self.card is None:
            return []
        names = {e.id: e.name for e in (self.call_service(self.service.executors) or [])}
        return [
            (a.executor_id, names.get(a.executor_id, a.as_written))
            for a in self.card.order.assignments
            if wanted is None or a.status in wanted
        ]

    def _after(self, change: Callable[[], Order], success: str) -> None:
        if self.call_service(change, success=success) is not None:
            self.reload()

    def _ask(self, dialog: ActionDialog, then: Callable[[ActionResult], None]) -> None:
        def done(result: ActionResult | None) -> None:
            if result is not None:
                then(result)

        self.app.push_screen(dialog, done)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_report(self) -> None:
        if self.desk.refused(Action.REPORT, "отметка об отчёте"):
            return
        choices = self._executor_choices({Status.ON_CONTROL, Status.REWORK})
        self._ask(
            ActionDialog("Отчёт получен", executors=choices, text_label="Отчёт (кратко, необязательно)",
                         ok_label="Отметить"),
            lambda r: self._after(
                lambda: self.service.report_received(self.order_id, r.executor_id, r.text, self.today),
                "Отчёт отмечен"),
        )

    def action_accept(self) -> None:
        if self.desk.refused(Action.CONTROL, "приёмка исполнения"):
            return
        choices = self._executor_choices({Status.REPORTED})
        self._ask(
            ActionDialog("Принять исполнение", executors=choices, text_label="Примечание (необязательно)",
                         ok_label="Принять"),
            lambda r: self._after(lambda: self.service.accept(self.order_id, r.executor_id, self.today),
                                  "Поручение принято"),
        )

    def action_rework(self) -> None:
        if self.desk.refused(Action.CONTROL, "возврат на доработку"):
            return
        choices = self._executor_choices({Status.REPORTED})
        self._ask(
            ActionDialog("Вернуть на доработку", executors=choices, text_label="Причина возврата",
                         text_required=True, ok_label="Вернуть", missing_text="Укажите причину возврата"),
            lambda r: self._after(lambda: self.service.return_for_rework(self.order_id, r.text, r.executor_id),
                                  "Возвращено на доработку"),
        )

    def action_extend(self) -> None:
        if self.desk.refused(Action.CONTROL, "перенос срока"):
            return
        current = (self.card.next_due or self.card.order.deadline.due) if self.card else None

        def done(result: ExtendResult | None) -> None:
            if result is not None:
                self._after(
                    lambda: self.service.extend(self.order_id, result.new_date, result.reason, result.basis),
                    f"Срок продлён до {fmt_date(result.new_date)}",
                )

        self.app.push_screen(ExtendDialog(current), done)

    def action_anchor(self) -> None:
        if self.desk.refused(Action.CONTROL, "дата события"):
            return
        def anchor(result: ActionResult) -> None:
            from tracker.dates import parse_user_date

            self._after(lambda: self.service.anchor_relative(self.order_id, parse_user_date(result.text)),
                        "Дата события задана")

        self._ask(ActionDialog("Дата события для срока", text_label="Дата события (ДД.ММ.ГГГГ)", text_required=True,
                               ok_label="Задать", missing_text="Введите дату в виде ДД.ММ.ГГГГ"), anchor)

    def action_withdraw(self) -> None:
        if self.desk.refused(Action.CONTROL, "снятие с контроля"):
            return
        self._ask(
            ActionDialog("Снять с контроля", text_label="Причина снятия", text_required=True,
                         ok_label="Снять", missing_text="Укажите причину снятия с контроля"),
            lambda r: self._after(lambda: self.service.withdraw(self.order_id, r.text), "Снято с контроля"),
        )

    def action_comment(self) -> None:
        if self.desk.refused(Action.COMMENT, "комментарий"):
            return
        self._ask(
            ActionDialog("Комментарий", text_label="Комментарий", text_required=True, ok_label="Добавить",
                         missing_text="Комментарий пуст"),
            lambda r: self._after(lambda: self.service.comment(self.order_id, r.text), "Комментарий добавлен"),
        )


def _own_points(order: Order, part: Assignment) -> str:
    """A recurring order: the periods this executor was accepted for while the others were not («за 30.06.2026»)."""
    closed = {p.due for p in order.closed_points}
    own = [fmt_date(p.due) for p in part.closed_points if p.due not in closed]
    return "за " + ", ".join(own) if own else "—"
