"""The rules of each role, decided here and checked by the services (a front end may only hide).

An исполнитель sees and reports on the orders addressed to its organisation (as responsible
or co-executor) and nothing else; it never accepts or returns anything, its own reports least
of all. A наблюдатель reads. A контролёр does all the control work; an администратор also
keeps the accounts and the settings.
"""
from __future__ import annotations

from collections.abc import Iterable

from tracker.access.models import Action, Principal, Role
from tracker.errors import TrackerError

_RIGHTS: dict[Role, frozenset[Action]] = {
    Role.ADMIN: frozenset(Action),
    Role.CONTROLLER: frozenset(Action) - {Action.USERS, Action.SETTINGS},
    Role.EXECUTOR: frozenset({Action.READ, Action.REPORT, Action.COMMENT}),
    Role.OBSERVER: frozenset({Action.READ}),
}

# actions an исполнитель takes only on the orders addressed to its organisation
_OWN_ORDERS_ONLY = frozenset({Action.READ, Action.REPORT, Action.COMMENT})


class AccessDeniedError(TrackerError):
    """The user's role does not allow this; the message says what and whom to ask."""


def may(who: Principal, action: Action, executors: Iterable[str] | None = None) -> bool:
    """May `who` take `action` (on an order addressed to `executors`, when it concerns one)?"""
    if action not in _RIGHTS[who.role]:
        return False
    if who.role is Role.EXECUTOR and action in _OWN_ORDERS_ONLY and executors is not None:
        return who.executor_id is not None and who.executor_id in set(executors)
    return True


def check(who: Principal, action: Action, executors: Iterable[str] | None = None, what: str = "") -> None:
    """Raise AccessDeniedError unless `who` may take `action`."""
    if may(who, action, executors):
        return
    subject = f" ({what})" if what else ""
    if who.role is Role.EXECUTOR and action in _OWN_ORDERS_ONLY:
        raise AccessDeniedError(
            f"Пользователь {who.login} (исполнитель) работает только с поручениями своей организации{subject}."
        )
    raise AccessDeniedError(
        f"Роль «{who.role}» пользователя {who.login} не даёт права: {action}{subject}. "
        "Обратитесь к администратору системы."
    )


def visible_to(who: Principal) -> str | None:
    """The organisation whose orders alone `who` sees, or None when it sees all."""
    return who.executor_id if who.role is Role.EXECUTOR else None
