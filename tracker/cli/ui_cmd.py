"""`tracker ui [--db PATH]` (and `tracker` with no arguments): open the clerk's desk.

The UI package sits above tracker (tui -> tracker), so it is loaded by name at run time:
the domain never depends on the UI, and `tracker --help` never loads Textual.
"""
from __future__ import annotations

import importlib
from pathlib import Path

import typer

from tracker.cli.common import DbOption, friendly_errors, resolve_db

DRAFTS_FOLDER = "Проекты документов"  # beside the database: where the desk saves drafts


@friendly_errors
def open_ui(db: Path | None) -> None:
    """Build the services on the database and run the desk until the clerk quits."""
    from tracker.drafting.service import DraftingService
    from tracker.registry.service import RegistryService
    from tracker.services import open_service

    path = resolve_db(db)
    service = open_service(path)
    registry = RegistryService(service.store, order_sink=service)
    drafting = DraftingService(service.store, registry=registry, control=service)
    drafts_dir = path.parent / DRAFTS_FOLDER
    drafts_dir.mkdir(parents=True, exist_ok=True)
    desk = importlib.import_module("tui.app")
    app = desk.make_app(service, registry=registry, drafting=drafting, import_dir=Path.cwd(),
                        drafts_dir=drafts_dir, ask_missing=True)
    app.run()


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""

    @app.command("ui")
    def ui(db: DbOption = None) -> None:
        """Открыть рабочее место делопроизводителя (терминальный интерфейс)."""
        open_ui(db)
