"""`tracker ui [--db PATH]` (and `tracker` with no arguments): open the clerk's desk.

The UI package sits above tracker (tui -> tracker), so it is loaded by name at run time:
the domain never depends on the UI, and `tracker --help` never loads Textual.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import typer

from tracker.cli.common import DbOption, fail, friendly_errors, resolve_db


def _optional_services(service: Any) -> dict[str, Any]:
    """The registry and drafting services on the control service's store, where they are installed.

    A part that fails to load leaves its screen out; the orders desk still opens.
    """
    found: dict[str, Any] = {"registry": None, "drafting": None}
    store = getattr(service, "store", None)
    if store is None:
        return found
    try:
        from tracker.registry.service import RegistryService

        found["registry"] = RegistryService(store, order_sink=service)
    except ImportError:
        pass
    try:
        from tracker.drafting.service import DraftingService

        found["drafting"] = DraftingService(store, registry=found["registry"], control=service)
    except ImportError:
        pass
    return found


@friendly_errors
def open_ui(db: Path | None) -> None:
    """Build the service on the database and run the desk until the clerk quits."""
    path = resolve_db(db)
    try:
        services = importlib.import_module("tracker.services")
        open_service = services.open_service
    except (ImportError, AttributeError):
        raise fail("служба учёта поручений ещё не собрана; обновите программу") from None
    service = open_service(path)
    try:
        desk = importlib.import_module("tui.app")
    except ImportError as error:
        raise fail(f"не удалось загрузить интерфейс ({error}); переустановите программу: make install") from None
    app = desk.make_app(service, **_optional_services(service))
    app.run()


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""

    @app.command("ui")
    def ui(db: DbOption = None) -> None:
        """Открыть рабочее место делопроизводителя (терминальный интерфейс)."""
        open_ui(db)
