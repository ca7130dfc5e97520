"""Import, step 2: the clerk checks each file's orders beside its text, corrects, then puts them on control."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.notifications import SeverityLevel
from textual.widgets import DataTable, Footer, Header, Label, Static

from tracker.control.api import DraftOrder, ImportOutcome, ImportPreview
from tracker.control.records import act_label
from tui.dates import fmt_date
from tui.dialogs.action import ActionDialog, ActionResult
from tui.dialogs.draft_order import DraftOrderDialog
from tui.keys import both
from tui.screens.base import DeskScreen
from tui.widgets.source_view import SourceView

LOW_CONFIDENCE = 0.6
UNSURE = " (?)"  # after a field the rules doubt or a scan read poorly: the clerk checks it against the act
UNSURE_STYLE = "bold yellow"
ACT_FIELDS = {"kind": "вид", "number": "номер", "date": "дата", "issuer": "кто издал", "title": "заголовок"}
ORDER_FIELDS = {"responsible": "исполнитель", "deadline": "срок"}


class ReviewScreen(DeskScreen):
    BINDINGS = [
        Binding(both("e"), "edit", "Исправить"),
        Binding(both("d"), "drop", "Исключить/вернуть"),
        Binding(both("n"), "add", "Добавить пункт"),
        Binding("ctrl+s", "commit", "На контроль"),
        Binding(both("t"), "since", "Точки с даты…"),
        Binding("right_square_bracket,pagedown", "next_file", "След. файл"),
        Binding("left_square_bracket,pageup", "previous_file", "Пред. файл"),
        Binding("escape", "close", "Закрыть"),
    ]

    def __init__(self, previews: list[ImportPreview]) -> None:
        super().__init__()
        self.previews = previews
        self.index = 0
        self.outcomes: dict[int, ImportOutcome] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="review-title", classes="section-title")
        yield Static("", id="review-notes")
        with Horizontal(id="review"):
            yield SourceView(id="review-source")
            with Vertical(id="review-right"):
                yield DataTable(id="review-orders", cursor_type="row", zebra_stripes=True)
                yield Static("", id="review-detail", classes="order-text")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Проверка найденного"
        table = self.query_one("#review-orders", DataTable)
        for label, width in (("№", 6), ("Исполнители", 34), ("Срок", 14), ("Увер.", 5), ("", 10)):
            table.add_column(label or "Отметка", key=label or "mark", width=width)
        self.show_file()
        table.focus()

    @property
    def preview(self) -> ImportPreview:
        return self.previews[self.index]

    def show_file(self) -> None:
        preview = self.preview
        name = Path(preview.source).name
        caption = act_label(preview.kind, preview.number, preview.date)
        done = self.outcomes.get(self.index)
        state = f" — {done.status}" if done else ""
        head_end = min((d.span[0] for d in preview.orders if d.span), default=len(preview.text))
        unsure = UNSURE if any(start < head_end for start, _, _ in preview.poorly_read) else ""
        self.query_one("#review-title", Label).update(
            f"Файл {self.index + 1} из {len(self.previews)}: {name} — {caption}{unsure}{state}")
        notes = Text()
        if preview.error:
            notes.append(f"Ошибка: {preview.error}\n", style="bold red")
        if preview.duplicate_of:
            notes.append("Этот файл уже загружен: повторная загрузка ничего не добавит.\n", style="yellow")
        if preview.new_version_of:
            notes.append("Это новая редакция уже загруженного акта: изменения будут записаны.\n", style="yellow")
        if preview.unsure:
            fields = ", ".join(ACT_FIELDS.get(name, name) for name in preview.unsure)
            notes.append(f"Проверьте по тексту акта (правило не уверено или строка скана прочитана плохо): "
                         f"{fields}.\n", style=UNSURE_STYLE)
        for line in preview.amendment_lines:
            notes.append(f"• {line}\n", style="bold")
        if any(d.recurrence for d in preview.orders):
            since = fmt_date(preview.since) if preview.since else "дня постановки на контроль"
            notes.append(f"Контрольные точки периодических поручений — с {since} (T — изменить).\n", style="dim")
        for warning in preview.warnings[:5]:
            notes.append(f"• {warning}\n", style="dim")
        if preview.title:
            notes.append(preview.title.replace("\n", " "))
        self.query_one("#review-notes", Static).update(notes)
        self.refresh_table()
        self.show_current()

    def refresh_table(self, cursor: int | None = None) -> None:
        table = self.query_one("#review-orders", DataTable)
        row = table.cursor_row if cursor is None else cursor
        table.clear()
        for position, draft in enumerate(self.preview.orders):
            low = draft.confidence < LOW_CONFIDENCE or draft.poorly_read
            style = "strike dim" if not draft.keep else ("yellow" if low else "")
            names = "; ".join(draft.responsible_names or draft.responsible) or "—"
            deadline = fmt_date(draft.due) if draft.due else (draft.recurrence or draft.relative
                                                              or draft.deadline_text or "—")
            names_cell, deadline_cell = Text(names, style=style), Text(deadline, style=style)
            if draft.keep and "responsible" in draft.unsure:
                names_cell.append(UNSURE, style=UNSURE_STYLE)
            if draft.keep and "deadline" in draft.unsure:
                deadline_cell.append(UNSURE, style=UNSURE_STYLE)
            table.add_row(
                Text(draft.number + (UNSURE if draft.poorly_read else ""), style=style), names_cell, deadline_cell,
                f"{draft.confidence:.0%}", "исключён" if not draft.keep else "", key=str(position),
            )
        if table.row_count:
            table.move_cursor(row=min(max(row, 0), table.row_count - 1))

    def current_draft(self) -> tuple[int, DraftOrder] | None:
        table = self.query_one("#review-orders", DataTable)
        if not table.row_count:
            return None
        position = table.cursor_row
        return position, self.preview.orders[position]

    def show_current(self) -> None:
        current = self.current_draft()
        source = self.query_one(SourceView)
        detail = self.query_one("#review-detail", Static)
        unsure = [(start, end) for start, end, _ in self.preview.poorly_read]
        if current is None:
            source.show(self.preview.text or (self.preview.error or ""), None, unsure)
            detail.update("Поручений не найдено. N — добавить пропущенное.")
            return
        _, draft = current
        source.show(self.preview.text, draft.span, unsure)
        lines = Text(f"Пункт {draft.number}\n", style="bold")
        lines.append(draft.text)
        for line, confidence in self._poor_lines(draft):
            lines.append(f"\nРаспознано со скана неуверенно ({confidence:.0%}), сверьте с оригиналом:\n",
                         style="bold red")
            lines.append(f"«{line}»", style="red")
        if draft.coexecutors:
            lines.append(f"\nСоисполнители: {'; '.join(draft.coexecutors)}")
        if draft.deadline_text:
            lines.append(f"\nСрок в акте: «{draft.deadline_text}»")
        if draft.unsure:
            fields = ", ".join(ORDER_FIELDS.get(name, name) for name in draft.unsure)
            lines.append(f"\n(?) Проверьте: {fields} (правило не уверено или скан прочитан плохо).", style=UNSURE_STYLE)
        detail.update(lines)

    def _poor_lines(self, draft: DraftOrder) -> list[tuple[str, float]]:
        """The recognised lines, as read, that this order comes from and the OCR doubted."""
        if not draft.poorly_read or not draft.span:
            return []
        start, end = draft.span
        return [(" ".join(self.preview.text[s:e].split()), confidence)
                for s, e, confidence in self.preview.poorly_read if s < end and start < e]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_current()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def _locked(self) -> bool:
        if self.index in self.outcomes:
            self.app.notify("Этот файл уже поставлен на контроль", severity="warning")
            return True
        return False

    def action_edit(self) -> None:
        current = self.current_draft()
        if current is None or self._locked():
            return
        position, draft = current

        def done(result: DraftOrder | None) -> None:
            if result is not None:
                self.preview.orders[position] = result
                self.refresh_table(position)
                self.show_current()

        self.app.push_screen(DraftOrderDialog(draft), done)

    def action_drop(self) -> None:
        current = self.current_draft()
        if current is None or self._locked():
            return
        position, draft = current
        self.preview.orders[position] = dataclasses.replace(draft, keep=not draft.keep)
        self.refresh_table(position)

    def action_add(self) -> None:
        if self._locked():
            return
        blank = DraftOrder(number=str(len(self.preview.orders) + 1), text="", confidence=1.0)

        def done(result: DraftOrder | None) -> None:
            if result is not None:
                self.preview.orders.append(result)
                self.refresh_table(len(self.preview.orders) - 1)
                self.show_current()

        self.app.push_screen(DraftOrderDialog(blank, title="Добавление пропущенного поручения"), done)

    def action_since(self) -> None:
        """Catch up history on purpose: periodic orders' control points from a date the clerk gives."""
        if self._locked():
            return

        def chosen(result: ActionResult) -> None:
            from tracker.dates import parse_user_date
            from tracker.errors import TrackerError

            try:
                self.preview.since = parse_user_date(result.text) if result.text.strip() else None
            except TrackerError as error:  # its Russian message
                self.app.notify(str(error), severity="error")
                return
            self.show_file()

        self.app.push_screen(ActionDialog(
            "Контрольные точки с даты", ok_label="Применить",
            text_label="С какой даты считать периоды (ДД.ММ.ГГГГ; пусто — со дня постановки на контроль)"),
            lambda result: chosen(result) if result is not None else None)

    def action_commit(self) -> None:
        if self._locked():
            return
        if self.preview.error:
            self.app.notify("Файл не разобран, ставить на контроль нечего", severity="warning")
            self._advance()
            return
        outcome = self.call_service(lambda: self.service.commit_import(self.preview))
        if outcome is None:
            return
        self.outcomes[self.index] = outcome
        severity: SeverityLevel = "error" if outcome.status == "ошибка" else "information"
        self.app.notify(outcome.message or f"{outcome.status}: поручений {outcome.added_orders}",
                        title=Path(outcome.source).name, severity=severity)
        self._advance()

    def _advance(self) -> None:
        pending = [i for i in range(len(self.previews)) if i not in self.outcomes and not self.previews[i].error]
        if not pending:
            added = sum(o.added_orders for o in self.outcomes.values())
            self.app.notify(f"Импорт завершён: поставлено на контроль поручений — {added}", title="Готово")
            self.app.pop_screen()
            return
        later = [i for i in pending if i > self.index]
        self.index = later[0] if later else pending[0]
        self.show_file()

    def action_next_file(self) -> None:
        if self.index + 1 < len(self.previews):
            self.index += 1
            self.show_file()

    def action_previous_file(self) -> None:
        if self.index > 0:
            self.index -= 1
            self.show_file()

    def action_close(self) -> None:
        pending = [i for i in range(len(self.previews)) if i not in self.outcomes and not self.previews[i].error]
        if pending:
            from tui.dialogs.confirm import ConfirmDialog

            def answered(leave: bool | None) -> None:
                if leave:
                    self.app.pop_screen()

            self.app.push_screen(
                ConfirmDialog(f"Не поставлено на контроль файлов: {len(pending)}. Закрыть без сохранения?",
                              yes="Закрыть"), answered)
        else:
            self.app.pop_screen()
