"""The registry and drafting services as one principal may use them (checked in the service layer).

Each method is named with the right it needs; a method not named here needs the feature's
change right, so a new method is refused to the read-only roles until it is classified.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tracker.access.models import Action, Principal, Role
from tracker.access.policy import AccessDeniedError, check, may

_REGISTRY_READS = frozenset({"today", "list_records", "districts", "get", "history", "as_of", "coverage",
                             "obligations", "norm_settings", "export", "working_days"})
_DRAFTING_READS = frozenset({"kinds", "last_update", "missing", "quarterly_basis"})


class _Guarded:
    """Delegates attribute access to `inner` after checking the right each name needs."""

    _reads: frozenset[str] = frozenset()
    _change: Action = Action.CONTROL
    _what = ""

    def __init__(self, inner: Any, who: Principal) -> None:
        self._inner = inner
        self.who = who

    def _check_read(self) -> None:
        check(self.who, Action.READ, what=self._what)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name == "store":
            raise AttributeError(name)
        if name in self._reads:
            self._check_read()
        else:
            check(self.who, self._change, what=self._what)
        return getattr(self._inner, name)


class GuardedRegistry(_Guarded):
    """The registry of official pages: read by every role but the исполнитель, kept by those with
    the registry right (its «сообщить в ЦУР» points go on control through the guarded control)."""

    _reads = _REGISTRY_READS
    _change = Action.REGISTRY
    _what = "реестр официальных страниц"

    def _check_read(self) -> None:
        super()._check_read()
        if self.who.role is Role.EXECUTOR:
            raise AccessDeniedError("Реестр официальных страниц исполнителю недоступен.")

    def check_norms(self, path: Any, keep: bool = True) -> Any:
        check(self.who, Action.REGISTRY if keep else Action.READ, what=self._what)
        self._check_read()
        return self._inner.check_norms(path, keep)


class GuardedDrafting(_Guarded):
    """Drafts need the drafting right; the first-run letterhead questions are the settings' (asked
    only of those who may change the settings)."""

    _reads = _DRAFTING_READS
    _change = Action.DRAFT
    _what = "проекты документов"

    def first_run_questions(self) -> list[Any]:
        if not may(self.who, Action.SETTINGS):
            return []  # not theirs to answer: the administrator sets the letterhead
        return list(self._inner.first_run_questions())

    def answer_first_run(self, values: dict[str, str] | None) -> None:
        check(self.who, Action.SETTINGS, what="реквизиты организации")
        self._inner.answer_first_run(values)


def guard(who: Principal | None, wrap: Callable[[Any, Principal], Any], inner: Any) -> Any:
    """`inner` as `who` may use it; a trusted caller (no principal) gets it as it is."""
    return inner if who is None else wrap(inner, who)
