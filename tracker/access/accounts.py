"""Accounts kept in the database: add, change a password, disable, list, log in."""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta

from db import errors as store_errors
from db.api import Store
from tracker.access import passwords
from tracker.access.models import Principal, Role, User
from tracker.access.policy import AccessDeniedError
from tracker.errors import NotFoundError, ValidationError

USERS = "users"
_LOGIN = re.compile(r"^[A-Za-zА-Яа-яЁё0-9._@-]{2,64}$")
WRONG = "Неверное имя пользователя или пароль (или учётная запись отключена)."
FAILURES_TO_LOCK = 5
LOCK_MINUTES = 15
_COUNT_TRIES = 20  # a wrong password written over concurrent ones: the retries of one compare-and-set


class AuthenticationError(AccessDeniedError):
    """Wrong login or password, or a disabled account (one message: it tells an intruder nothing)."""


class AccountClosedError(AccessDeniedError):
    """The account of an open session was disabled or changed: the session ends."""


class Accounts:
    """The users table of a store."""

    def __init__(self, store: Store, now: Callable[[], datetime] = datetime.now) -> None:
        self.store = store
        self._now = now

    def add(self, login: str, role: Role | str, password: str, *, name: str | None = None,
            executor_id: str | None = None) -> User:
        login = _valid_login(login)
        role = _role(role)
        if role is Role.EXECUTOR and not executor_id:
            raise ValidationError("Исполнителю нужна организация: укажите её (--executor).")
        if role is not Role.EXECUTOR:
            executor_id = None
        table = self.store.table(USERS)
        if table.get(login) is not None:
            raise ValidationError(f"Пользователь {login} уже есть. Пароль меняет `tracker users passwd {login}`.")
        user = User(login, role, passwords.hash_password(password), name, executor_id, False,
                    self._now().isoformat(timespec="seconds"))
        table.insert(_record(user))
        return user

    def get(self, login: str) -> User:
        raw = self.store.table(USERS).get(login)
        if raw is None:
            raise NotFoundError(f"Пользователя {login} нет. Список: `tracker users list`.")
        return _user(raw)

    def list(self) -> list[User]:
        return sorted((_user(r) for r in self.store.table(USERS).all()), key=lambda u: u.login)

    def set_password(self, login: str, password: str) -> User:
        user = self.get(login)
        user.password_hash = passwords.hash_password(password)
        self.store.table(USERS).update(login, {"password_hash": user.password_hash, "failed_logins": 0})
        return user

    def set_disabled(self, login: str, disabled: bool = True) -> User:
        user = self.get(login)
        if disabled and user.role is Role.ADMIN and not user.disabled and self._enabled_admins() == 1:
            raise ValidationError(f"{login} — единственный действующий администратор: его нельзя отключить, "
                                  "иначе учётными записями некому будет управлять. Сначала добавьте другого.")
        user.disabled = disabled
        self.store.table(USERS).update(login, {"disabled": disabled} | ({} if disabled else {"failed_logins": 0}))
        return user

    def authenticate(self, login: str, password: str) -> Principal:
        """The principal of a valid, enabled account; AuthenticationError otherwise.

        After FAILURES_TO_LOCK wrong passwords in a row an account refuses every password for
        LOCK_MINUTES (counted from the last failure): guessing a password by trying is slowed to
        a handful of tries an hour. A right password resets the count, as does the администратор
        giving a new password or enabling the account."""
        table = self.store.table(USERS)
        raw = table.get((login or "").strip())
        if raw is None or raw.get("disabled"):
            raise AuthenticationError(WRONG)
        now = self._now()
        failures, last = int(raw.get("failed_logins") or 0), raw.get("last_failed_login")
        if failures >= FAILURES_TO_LOCK and last:
            opens = datetime.fromisoformat(last) + timedelta(minutes=LOCK_MINUTES)
            if now < opens:
                minutes = max(1, -(-int((opens - now).total_seconds()) // 60))
                raise AuthenticationError(
                    f"Вход под именем {raw['id']} закрыт после {failures} неверных паролей подряд; "
                    f"повторите через {minutes} мин. или попросите администратора открыть его раньше "
                    f"(`tracker users enable {raw['id']}`).")
        if not passwords.verify(raw.get("password_hash") or "", password):
            self._count_failure(raw, now)
            raise AuthenticationError(WRONG)
        user = _user(raw)
        # the last login is kept so that the администратор sees who still uses an account
        changes: dict = {"last_login": now.isoformat(timespec="seconds")} | ({"failed_logins": 0} if failures else {})
        if passwords.needs_rehash(user.password_hash):  # parameters grew stronger since it was set
            changes["password_hash"] = passwords.hash_password(password)
        table.update(user.login, changes)
        return user.principal()

    def _count_failure(self, raw: dict, now: datetime) -> None:
        """One more wrong password, written only over the record as read (expected_rev): two
        desks that fail at once on a region's server each add theirs instead of one overwriting
        the other, so trying passwords in parallel does not slip past the lock."""
        table = self.store.table(USERS)

        def one_more(record: dict) -> dict:
            return {"failed_logins": int(record.get("failed_logins") or 0) + 1,
                    "last_failed_login": now.isoformat(timespec="seconds")}

        for _ in range(_COUNT_TRIES):
            try:
                table.update(raw["id"], one_more(raw), expected_rev=raw["_rev"])
                return
            except store_errors.ConflictError:
                fresh = table.get(raw["id"])
                if fresh is None:
                    return
                raw = fresh
        # still losing the race after every try: count this failure over the last read all the same,
        # since a guess that goes uncounted is worse than two that count as one
        table.update(raw["id"], one_more(raw))

    def any(self) -> bool:
        return len(self.store.table(USERS)) > 0

    def still_standing(self, who: Principal) -> None:
        """AccountClosedError when `who`'s account was disabled, removed, or given another role or
        organisation since the login: an open session ends instead of working on with old rights."""
        raw = self.store.table(USERS).get(who.login)
        if raw is None or raw.get("disabled"):
            raise AccountClosedError(f"Учётная запись {who.login} отключена администратором: сеанс закрыт.")
        if _user(raw).principal() != who:
            raise AccountClosedError(f"Роль или организация пользователя {who.login} изменены администратором: "
                                     "войдите снова.")

    def _enabled_admins(self) -> int:
        return sum(1 for u in self.list() if u.role is Role.ADMIN and not u.disabled)


def _valid_login(login: str) -> str:
    login = (login or "").strip()
    if not _LOGIN.match(login):
        raise ValidationError(f"Имя пользователя «{login}»: 2–64 буквы, цифры, точки, дефисы, @ или _.")
    return login


def _role(value: Role | str) -> Role:
    for role in Role:
        if str(value).strip().lower().replace("ё", "е") == str(role).replace("ё", "е"):
            return role
    names = ", ".join(str(r) for r in Role)
    raise ValidationError(f"Роли «{value}» нет. Роли: {names}.")


def _record(user: User) -> dict:
    return {"id": user.login, "login": user.login, "role": str(user.role), "password_hash": user.password_hash,
            "name": user.name, "executor_id": user.executor_id, "disabled": user.disabled, "created": user.created}


def _user(raw: dict) -> User:
    return User(raw["id"], Role(raw["role"]), raw.get("password_hash") or "", raw.get("name"),
                raw.get("executor_id"), bool(raw.get("disabled")), raw.get("created"), raw.get("last_login"),
                int(raw.get("failed_logins") or 0), raw.get("last_failed_login"))


class GuardedAccounts:
    """The accounts as one principal may keep them: the администратор keeps everyone's; anyone
    may change their own password. The last enabled администратор is never disabled."""

    def __init__(self, inner: Accounts, who: Principal) -> None:
        self._inner = inner
        self.who = who

    def _admin(self, what: str) -> None:
        from tracker.access.models import Action
        from tracker.access.policy import check

        check(self.who, Action.USERS, what=what)

    def add(self, login: str, role: Role | str, password: str, *, name: str | None = None,
            executor_id: str | None = None) -> User:
        self._admin("новая учётная запись")
        return self._inner.add(login, role, password, name=name, executor_id=executor_id)

    def get(self, login: str) -> User:
        if login != self.who.login:
            self._admin("учётные записи")
        return self._inner.get(login)

    def list(self) -> list[User]:
        self._admin("список учётных записей")
        return self._inner.list()

    def set_password(self, login: str, password: str) -> User:
        if login != self.who.login:
            self._admin("пароль другого пользователя")
        return self._inner.set_password(login, password)

    def set_disabled(self, login: str, disabled: bool = True) -> User:
        self._admin("отключение учётной записи" if disabled else "включение учётной записи")
        return self._inner.set_disabled(login, disabled)

    def authenticate(self, login: str, password: str) -> Principal:
        return self._inner.authenticate(login, password)

    def any(self) -> bool:
        return self._inner.any()


def first_administrator(accounts: Accounts, login: str, password: str, name: str | None = None) -> User:
    """Bootstrapping a server database: its first account, made without logging in, is an
    администратор, and only while there is no account at all."""
    if accounts.any():
        raise AccessDeniedError("Учётные записи уже есть: новую добавляет администратор "
                                "(`tracker users add … --user АДМИНИСТРАТОР`).")
    return accounts.add(login, Role.ADMIN, password, name=name)
