"""What every desk screen shares: access to the app's services and its clock."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from textual.screen import Screen

from tracker.control.api import ControlServiceAPI
from tui.guard import guarded

if TYPE_CHECKING:
    from tui.app import TrackerApp

T = TypeVar("T")


class DeskScreen(Screen):
    @property
    def desk(self) -> TrackerApp:
        return self.app  # type: ignore[return-value]

    @property
    def service(self) -> ControlServiceAPI:
        return self.desk.service

    @property
    def today(self) -> date:
        return self.desk.today

    def call_service(self, action: Callable[[], T], *, success: str | None = None) -> T | None:
        """Every service call from a screen goes through here: errors become notifications."""
        return guarded(self.app, action, success=success)
