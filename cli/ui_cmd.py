"""`tracker ui [--db PATH]` (and `tracker` with no arguments): open the clerk's desk.

The CLI sits above the desk (cli -> tui -> tracker), so it imports tui.app directly; the import
is inside the command so that `tracker --help` never loads Textual.
"""
from __future__ import annotations

from pathlib import Path

import typer

from cli import common
from cli.common import DbOption, friendly_errors


@friendly_errors
def open_ui(db: str | Path | None) -> None:
    """Build the services on the database and run the desk until the clerk quits."""
    from tui.app import make_app

    app = common.open_app(db)
    try:
        if app.drafts_dir is not None:
            app.drafts_dir.mkdir(parents=True, exist_ok=True)
        desk = make_app(app.control, registry=app.registry, drafting=app.drafting, import_dir=Path.cwd(),
                        drafts_dir=app.drafts_dir, ask_missing=True)
        desk.run()
    finally:
        app.close()


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""

    @app.command("ui")
    def ui(db: DbOption = None) -> None:
        """Открыть рабочее место делопроизводителя (терминальный интерфейс)."""
        open_ui(db)
