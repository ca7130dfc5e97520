"""Import, step 1: parse the picked files in a worker with a progress bar (nothing is stored yet)."""
from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Footer, Header, Label, Log, ProgressBar
from textual.worker import get_current_worker

from tracker.control.api import ImportPreview, ImportProgress
from tracker.errors import TrackerError
from tui.guard import error_text
from tui.screens.base import DeskScreen


class ImportScreen(DeskScreen):
    BINDINGS = [Binding("escape", "cancel", "Прервать")]

    class Progressed(Message):
        def __init__(self, progress: ImportProgress) -> None:
            super().__init__()
            self.progress = progress

    class Finished(Message):
        def __init__(self, error: str | None = None) -> None:
            super().__init__()
            self.error = error

    def __init__(self, paths: list[Path]) -> None:
        super().__init__()
        self.paths = paths
        self.previews: list[ImportPreview] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="import-box"):
            yield Label(f"Разбор файлов: {len(self.paths)}", id="import-title", classes="section-title")
            yield ProgressBar(total=None, show_eta=False, id="import-progress")
            yield Log(id="import-log")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Импорт актов"
        self.parse_files()

    @work(thread=True, exclusive=True, group="import")
    def parse_files(self) -> None:
        """Runs the service's generator off the main thread; results travel back as messages."""
        worker = get_current_worker()
        try:
            for progress in self.service.preview_files(self.paths):
                if worker.is_cancelled:
                    return
                self.post_message(self.Progressed(progress))
        except TrackerError as error:  # the service's errors: shown, never raised into Textual
            self.post_message(self.Finished(error_text(error)))
            return
        self.post_message(self.Finished())

    def on_import_screen_progressed(self, message: Progressed) -> None:
        progress = message.progress
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=max(progress.total, 1), progress=progress.done)
        log = self.query_one("#import-log", Log)
        preview = progress.preview
        name = Path(progress.source).name
        if preview is None:
            log.write_line(f"{name}: …")
            return
        self.previews.append(preview)
        if preview.error:
            log.write_line(f"{name}: ошибка — {preview.error}")
        else:
            log.write_line(f"{name}: найдено поручений {len(preview.orders)}")

    def on_import_screen_finished(self, message: Finished) -> None:
        if message.error:
            self.app.notify(message.error, title="Импорт прерван", severity="error", timeout=10)
        if not self.previews:
            self.app.notify("Ни одного файла не разобрано", severity="warning")
            self.app.pop_screen()
            return
        from tui.screens.review import ReviewScreen

        self.app.switch_screen(ReviewScreen(self.previews))

    def action_cancel(self) -> None:
        self.workers.cancel_group(self, "import")
        self.app.notify("Импорт прерван: ничего не сохранено", severity="warning")
        self.app.pop_screen()
