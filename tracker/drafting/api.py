"""The drafting service's Protocol: what the desk and the CLI call (DraftingService implements it)."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from tracker.drafting.service import DraftKind, DraftResult


class DraftingServiceAPI(Protocol):
    def kinds(self) -> tuple[DraftKind, ...]: ...
    def check(self, kind: str, template: Path | None = None) -> Path: ...
    def last_update(self, before: date) -> date | None: ...
    def quarterly(self, out: Path, as_of: date | None = None, since: date | None = None,
                  changes_out: Path | None = None, today: date | None = None,
                  template: Path | None = None) -> DraftResult: ...
    def remember(self, result: DraftResult) -> None: ...
    def report(self, out: Path, start: date, end: date, today: date | None = None, act_id: str | None = None,
               executor_id: str | None = None, xlsx_out: Path | None = None,
               template: Path | None = None) -> DraftResult: ...
    def reminders(self, out: Path, within_days: int = 7, today: date | None = None,
                  executor_id: str | None = None, template: Path | None = None) -> DraftResult: ...
