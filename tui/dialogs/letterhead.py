"""First run of the desk: ask once for the letterhead settings that the acts and settings leave blank.

The drafting service says what is missing (organisation, signatory) and saves the answers;
this dialog only shows the questions. Ctrl+S saves what was typed, Escape skips: either way the
desk does not ask again (`tracker settings set organisation.…` changes it later).
"""
from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label

from tui.dialogs.base import Dialog, buttons, error_label


class LetterheadDialog(Dialog[dict[str, str]]):
    """Questions: tracker.drafting.service.Question (key, label, value); result: key -> answer."""

    def __init__(self, questions: list[Any]) -> None:
        super().__init__()
        self._questions = list(questions)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide"):
            yield Label("Реквизиты для проектов документов", classes="dialog-title")
            yield Label("Их нет ни в загруженных актах, ни в настройках; без них в проектах останутся "
                        "пропуски. Спросим один раз: Esc — пропустить (задать позже: tracker settings set).")
            for question in self._questions:
                yield Label(question.label)
                yield Input(question.value, id=f"letterhead-{question.key}")
            yield error_label()
            with Horizontal(classes="dialog-buttons"):
                yield from buttons("Сохранить")

    def on_mount(self) -> None:
        inputs = self.query(Input)
        if inputs:
            inputs.first().focus()

    def collect(self) -> dict[str, str]:
        answers = {q.key: self.query_one(f"#letterhead-{q.key}", Input).value.strip() for q in self._questions}
        if not any(answers.values()):
            raise ValueError("Заполните хотя бы одно поле или нажмите Esc, чтобы пропустить")
        if "___" in "".join(answers.values()):
            raise ValueError("Вместо подчёркиваний впишите значение")
        return {key: value for key, value in answers.items() if value}
