"""Picking act files in a directory tree: Enter on a file marks it, on a folder marks all its acts."""
from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, DirectoryTree, Label, ListItem, ListView

from tui.dialogs.base import Dialog, error_label
from tui.keys import both

ACT_SUFFIXES = {".docx", ".pdf", ".txt", ".rtf", ".odt", ".doc", ".jpg", ".jpeg", ".png", ".tif", ".tiff"}  # scans too


class ActsTree(DirectoryTree):
    """Shows folders and the files tracker can read; hidden files stay hidden."""

    def filter_paths(self, paths):
        return [
            path for path in paths
            if not path.name.startswith(".") and (path.is_dir() or path.suffix.lower() in ACT_SUFFIXES)
        ]


class FilePickerDialog(Dialog[list[Path]]):
    BINDINGS = [
        Binding("escape", "cancel", "Отмена"),
        Binding("ctrl+s", "submit", "Загрузить отмеченные"),
        Binding(both("x"), "toggle_current", "Отметить файл или папку"),
        Binding("delete", "clear", "Снять все отметки"),
    ]

    def __init__(self, start: Path) -> None:
        super().__init__()
        self._start = start
        self.chosen: list[Path] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-wide picker"):
            yield Label("Выбор файлов актов", classes="dialog-title")
            yield Label("Enter — отметить файл, X — отметить файл или все акты папки; Ctrl+S — загрузить")
            with Horizontal(id="picker-body"):
                yield ActsTree(self._start, id="tree")
                yield ListView(id="chosen")
            yield error_label()
            with Horizontal(classes="dialog-buttons"):
                yield Button("Загрузить", id="dialog-ok", variant="primary")
                yield Button("Отмена", id="dialog-cancel")

    def on_mount(self) -> None:
        self.query_one("#tree", ActsTree).focus()

    def _toggle(self, path: Path) -> None:
        paths = [path] if path.is_file() else sorted(
            p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ACT_SUFFIXES
        )
        for item in paths:
            if item in self.chosen and path.is_file():
                self.chosen.remove(item)
            elif item not in self.chosen:
                self.chosen.append(item)
        self._show_chosen()

    def _show_chosen(self) -> None:
        view = self.query_one("#chosen", ListView)
        view.clear()
        for path in self.chosen:
            view.append(ListItem(Label(path.name)))
        self.show_error("")

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self._toggle(event.path)

    def action_toggle_current(self) -> None:
        node = self.query_one("#tree", ActsTree).cursor_node
        if node is not None and node.data is not None:
            self._toggle(Path(node.data.path))

    def action_clear(self) -> None:
        self.chosen.clear()
        self._show_chosen()

    def collect(self) -> list[Path]:
        if not self.chosen:
            raise ValueError("Не отмечено ни одного файла: выберите файлы клавишей Enter или X")
        return list(self.chosen)
