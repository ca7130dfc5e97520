"""Correcting an extracted order under review (or adding a missed one): number, executors, deadline, text."""
from __future__ import annotations

import dataclasses

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, TextArea

from tracker.control.api import DraftOrder
from tui.dates import fmt_date, parse_date
from tui.dialogs.base import Dialog, buttons, error_label


def split_names(text: str) -> list[str]:
    return [part.strip() for part in text.replace("\n", ";").split(";") if part.strip()]


def corrected(draft: DraftOrder, number: str, text: str, names: list[str], due_text: str,
              deadline_words: str) -> DraftOrder:
    """A copy of `draft` with the clerk's values; executors as written stay aligned with the names."""
    due = parse_date(due_text) if due_text.strip() else None
    written = list(draft.responsible[: len(names)]) + names[len(draft.responsible):]
    persons = list(draft.persons[: len(names)]) + [None] * max(0, len(names) - len(draft.persons))
    words = deadline_words.strip() or (fmt_date(due) if due else None)
    return dataclasses.replace(
        draft,
        number=number,
        text=text,
        responsible=written,
        responsible_names=names,
        persons=persons,
        due=due,
        deadline_text=words,
        confidence=1.0 if draft.confidence < 1.0 else draft.confidence,
    )


class DraftOrderDialog(Dialog[DraftOrder]):
    def __init__(self, draft: DraftOrder, *, title: str = "Исправление поручения") -> None:
        super().__init__()
        self._draft = draft
        self._title = title

    def compose(self) -> ComposeResult:
        draft = self._draft
        names = draft.responsible_names or draft.responsible
        with Vertical(classes="dialog dialog-wide"):
            yield Label(self._title, classes="dialog-title")
            yield Label("Номер пункта")
            yield Input(draft.number, id="number")
            yield Label("Исполнители (через «;»)")
            yield Input("; ".join(names), id="executors")
            yield Label("Срок (ДД.ММ.ГГГГ, пусто — без даты)")
            yield Input(fmt_date(draft.due, empty=""), id="due", placeholder="ДД.ММ.ГГГГ", max_length=10)
            yield Label("Срок словами, как в акте")
            yield Input(draft.deadline_text or "", id="deadline-text")
            yield Label("Текст поручения")
            yield TextArea(draft.text, id="text", soft_wrap=True)
            yield error_label()
            with Horizontal(classes="dialog-buttons"):
                yield from buttons("Сохранить")

    def on_mount(self) -> None:
        self.query_one("#number", Input).focus()

    def collect(self) -> DraftOrder:
        number = self.query_one("#number", Input).value.strip()
        if not number:
            raise ValueError("Укажите номер пункта")
        text = self.query_one("#text", TextArea).text.strip()
        if not text:
            raise ValueError("Текст поручения не может быть пустым")
        names = split_names(self.query_one("#executors", Input).value)
        return corrected(
            self._draft,
            number=number,
            text=text,
            names=names,
            due_text=self.query_one("#due", Input).value,
            deadline_words=self.query_one("#deadline-text", Input).value,
        )
