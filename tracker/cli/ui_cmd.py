"""`tracker ui`: open the terminal UI (placeholder until the UI issue lands)."""
from __future__ import annotations

from pathlib import Path

import typer

from tracker.cli.common import fail


def open_ui(db: Path | None) -> None:
    raise fail("интерфейс ещё не готов; используйте команды, см. `tracker --help`")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
