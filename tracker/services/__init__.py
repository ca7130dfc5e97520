"""Services: what the UI and the CLI call. `open_service(db_path)` opens the durable store.

Heavy modules stay out: importing tracker.services costs little, the store and the
parsers load when used.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tracker.services.control import ControlService

__all__ = ["ControlService", "open_service", "SCHEMA_VERSION", "MIGRATIONS"]

# Version of the shape of stored records; every room's tables live in one store.
SCHEMA_VERSION = 1
MIGRATIONS: dict[int, Any] = {}  # from_version -> callable(store) bringing it to from_version + 1


def open_service(db_path: str | Path, user: str | None = None, **options: Any) -> ControlService:
    """The control service over the database file at `db_path` (created if missing).

    A `calendar*.json` next to the database corrects the production calendar.
    """
    import db
    from tracker import calendar
    from tracker.services.control import ControlService

    path = Path(db_path).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    store = db.open_store(path, schema_version=SCHEMA_VERSION, migrations=MIGRATIONS)
    calendar.use_overrides(path.parent)
    return ControlService(store, user=user, **options)


def __getattr__(name: str) -> Any:
    if name == "ControlService":
        from tracker.services.control import ControlService

        return ControlService
    raise AttributeError(name)
