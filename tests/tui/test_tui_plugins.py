"""The «Реестр» and «Проекты документов» screens on the real services, and `tracker ui` wiring them in."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Log
from tui_helpers import SIZE, TODAY, label_text, settle, type_text

import tracker
from cli import ui_cmd
from tracker.drafting.service import DraftingService
from tracker.registry.service import RegistryService
from tracker.root import DRAFTS_FOLDER, compose
from tui.app import TrackerApp, make_app
from tui.dialogs.employee import EmployeeDialog
from tui.screens.drafts import DraftsScreen
from tui.screens.registry import RegistryScreen

REGISTRY_CSV = Path(tracker.__file__).parent / "samples" / "registry" / "registry-sample.csv"


@pytest.fixture
def services(tmp_path: Path):
    app = compose(tmp_path / "desk.db", user="делопроизводитель",
                  clock=lambda: datetime.combine(TODAY, datetime.min.time()))
    control, registry, drafting = app.control, app.registry, app.drafting
    registry.commit_import(registry.preview_import(REGISTRY_CSV, when=date(2026, 10, 1)))
    yield control, registry, drafting
    app.close()


async def test_registry_screen_filters_and_edits_an_employee(services):
    control, registry, drafting = services
    app = make_app(control, registry=registry, drafting=drafting, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, RegistryScreen)
        table = app.screen.query_one("#registry-table", DataTable)
        everyone = table.row_count
        assert everyone > 0
        assert "Подключено к «Госпаблики»" in label_text(app, "#registry-coverage")
        await pilot.press("slash")
        await type_text(pilot, "Библиотека")
        await pilot.pause()
        assert 0 < table.row_count < everyone
        record_id = table.coordinate_to_cell_key(table.cursor_coordinate)[0].value
        await pilot.press("ctrl+t", "e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EmployeeDialog)
        dialog.query_one("#full-name", Input).value = "Петрова А.С."
        dialog.query_one("#email", Input).value = "не почта"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "не адрес электронной почты" in label_text(app, "#dialog-error")
        dialog.query_one("#email", Input).value = "petrova@example.ru"
        dialog.query_one("#when", Input).value = "01.11.2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RegistryScreen)
    record = registry.get(record_id)
    assert record.employee.full_name == "Петрова А.С."
    assert len(registry.history(record_id)) == 2  # imported, then edited: a dated change
    before = {r.id: r for r in registry.as_of(date(2026, 10, 15))}[record_id]
    assert before.employee.full_name != "Петрова А.С."


async def test_drafts_screen_generates_a_draft_in_a_worker(services, tmp_path: Path):
    control, registry, drafting = services
    app = make_app(control, registry=registry, drafting=drafting, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DraftsScreen)
        screen.query_one("#draft-out", Input).value = str(tmp_path / "нет-папки" / "x.docx")
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert any("Папки" in note.message for note in app._notifications)
        out = tmp_path / "проект.docx"
        screen.query_one("#draft-out", Input).value = str(out)
        await pilot.press("ctrl+g")
        await settle(pilot)
        lines = screen.query_one("#draft-log", Log).lines
        assert out.exists(), lines
        assert any(str(out) in line for line in lines)
    # the quarterly draft is logged (on the main thread), so the next change sheet counts from it
    assert len(control.store.table("drafting_log")) == 1


def test_tracker_ui_opens_the_desk_with_every_service(tmp_path: Path, monkeypatch):
    opened: list[TrackerApp] = []
    monkeypatch.setattr(TrackerApp, "run", lambda self, *a, **k: opened.append(self))
    ui_cmd.open_ui(tmp_path / "ui.db")
    app = opened[0]
    assert {"dashboard", "orders", "acts", "registry", "drafts"} <= set(app._modes)
    assert isinstance(app.registry, RegistryService) and isinstance(app.drafting, DraftingService)
    assert (tmp_path / DRAFTS_FOLDER).is_dir()  # drafts go beside the database, not into cwd
    assert app.registry.order_sink is app.service  # «сообщить в ЦУР» points go on control from the desk too
    app.service.close()


async def test_in_a_browser_a_generated_draft_is_offered_as_a_download(services, tmp_path: Path, monkeypatch):
    control, registry, drafting = services
    delivered: list[tuple[Path, str | None]] = []
    monkeypatch.setattr(TrackerApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(TrackerApp, "deliver_binary",
                        lambda self, path, **options: delivered.append((path, options.get("save_filename"))))
    app = make_app(control, registry=registry, drafting=drafting, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        out = tmp_path / "проект.docx"
        app.screen.query_one("#draft-out", Input).value = str(out)
        await pilot.press("ctrl+g")
        await settle(pilot)
    assert out.exists()
    assert delivered[0] == (out, "проект.docx")
    sheets = [path for path, _name in delivered[1:]]  # the quarterly draft's change sheet goes along
    assert [p.suffix for p in sheets] == [".xlsx"] and all(p.exists() for p in sheets)
