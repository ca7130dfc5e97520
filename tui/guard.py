"""One boundary for every user action: errors become a Russian notification, never a traceback."""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.app import App

from tracker.errors import StorageError, TrackerError

T = TypeVar("T")

_FALLBACK = "Операция не выполнена"


def error_text(error: BaseException) -> str:
    """The message to show: the error's own Russian text, or a generic one when it has none."""
    text = str(error).strip()
    return text or f"{_FALLBACK}: {type(error).__name__}"


def guarded(app: App, action: Callable[[], T], *, success: str | None = None) -> T | None:
    """Run a service call; on failure notify the clerk and return None.

    Services raise TrackerError subclasses only: storage errors are translated at the service
    boundary (tracker.boundary) into tracker.errors.StorageError and its kinds.
    """
    try:
        result = action()
    except StorageError as error:
        app.notify(error_text(error), title="Ошибка хранилища", severity="error", timeout=10)
        return None
    except TrackerError as error:
        app.notify(error_text(error), title="Ошибка", severity="error", timeout=8)
        return None
    if success:
        app.notify(success, title="Готово")
    return result
