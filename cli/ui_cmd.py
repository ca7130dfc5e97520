"""`tracker ui [--db PATH]` (and `tracker` with no arguments): open the clerk's desk.

The CLI sits above the desk (cli -> tui -> tracker), so it imports tui.app directly; the import
is inside the command so that `tracker --help` never loads Textual.
"""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import typer

from cli import common
from cli.common import DbOption, friendly_errors
from tracker.clock import TODAY_ENV, clock_from_env


def fixed_today() -> date | None:
    """The day $TRACKER_TODAY fixes, for the desk's «Сегодня» and its lists as for the services
    (which read it in tracker.clock); None: the desk follows the calendar, past midnight too."""
    if not os.environ.get(TODAY_ENV):
        return None
    return clock_from_env()().date()


@friendly_errors
def open_ui(db: str | Path | None) -> None:
    """Build the services on the database and run the desk until the clerk quits.

    On a server database the desk starts on its login screen (tui/screens/login.py) and gets the
    services of whoever logs in there, guarded for that role; `--user` is not asked here."""
    from tracker.root import is_server
    from tui.app import make_app

    location = common.resolve_db(db)
    if is_server(location):
        open_server_ui(str(location))
        return
    app = common.open_app(location)
    try:
        if app.drafts_dir is not None:
            app.drafts_dir.mkdir(parents=True, exist_ok=True)
        desk = make_app(app.control, registry=app.registry, drafting=app.drafting, import_dir=Path.cwd(),
                        drafts_dir=app.drafts_dir, ask_missing=True, today=fixed_today())
        desk.run()
    finally:
        app.close()


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""

    @app.command("ui")
    def ui(db: DbOption = None) -> None:
        """Открыть рабочее место делопроизводителя (терминальный интерфейс)."""
        open_ui(db)


def open_server_ui(location: str) -> None:
    """The desk on the server database: the login screen first, then that clerk's desk."""
    from tracker.root import Gate
    from tui.app import make_app

    gate = Gate(location)
    try:
        desk = make_app(None, import_dir=Path.cwd(), ask_missing=True, log_in=gate.log_in, today=fixed_today())
        desk.run()
    finally:
        gate.close()
