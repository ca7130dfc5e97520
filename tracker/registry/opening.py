"""Open the registry service on a database file (the CLI's way in; the UI gets a service handed over).

Kept apart from service.py so that importing the service does not pull in the store or the
parsers behind the control service.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from tracker.errors import TrackerError
from tracker.registry.service import RegistryService


def open_registry_service(path: Path | str, **options: Any) -> RegistryService:
    """The registry service on the database file, sharing the store of the control service.

    The control service (tracker.services.open_service) opens the store and takes the
    «сообщить в ЦУР» control points, so they go on control like any other order.
    """
    try:
        from tracker.services import open_service
    except ImportError as error:  # a broken installation, not the user's fault
        raise TrackerError(f"Служба контроля недоступна ({error}). Переустановите tracker: make install.") from None
    control = open_service(path)
    options.setdefault("order_sink", control)
    return RegistryService(control.store, **options)
