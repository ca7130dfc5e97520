"""Accounts: argon2 hashes, one message for every failed login, disabled accounts stay out."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from db import errors as store_errors
from tracker.access import Principal, Role
from tracker.access.accounts import Accounts, AuthenticationError
from tracker.errors import NotFoundError, ValidationError


def test_a_password_is_stored_only_as_an_argon2_hash(store):
    Accounts(store).add("ivanova", "контролёр", "верный-пароль-1", name="Иванова А.П.")
    raw = store.table("users").get("ivanova")
    assert raw["password_hash"].startswith("$argon2id$")
    assert "верный-пароль-1" not in str(raw)


def test_logging_in_gives_the_principal_of_the_account(store):
    accounts = Accounts(store)
    accounts.add("minfin", Role.EXECUTOR, "пароль-минфина", executor_id="e-minfin")
    assert accounts.authenticate("minfin", "пароль-минфина") == Principal("minfin", Role.EXECUTOR, "e-minfin")


@pytest.mark.parametrize("login, password", [("ivanova", "не тот пароль"), ("nobody", "верный-пароль-1"),
                                             ("", "")])
def test_a_wrong_login_or_password_gets_one_message_that_tells_nothing_more(store, login, password):
    Accounts(store).add("ivanova", "контролёр", "верный-пароль-1")
    with pytest.raises(AuthenticationError, match="Неверное имя пользователя или пароль"):
        Accounts(store).authenticate(login, password)


def test_a_disabled_account_cannot_log_in_until_enabled_again(store):
    accounts = Accounts(store)
    accounts.add("petrov", "наблюдатель", "пароль-петрова")
    accounts.set_disabled("petrov")
    with pytest.raises(AuthenticationError):
        accounts.authenticate("petrov", "пароль-петрова")
    accounts.set_disabled("petrov", False)
    assert accounts.authenticate("petrov", "пароль-петрова").role is Role.OBSERVER


def test_a_new_password_replaces_the_old_one(store):
    accounts = Accounts(store)
    accounts.add("petrov", "наблюдатель", "старый-пароль")
    accounts.set_password("petrov", "новый-пароль-2")
    with pytest.raises(AuthenticationError):
        accounts.authenticate("petrov", "старый-пароль")
    assert accounts.authenticate("petrov", "новый-пароль-2").login == "petrov"


@pytest.mark.parametrize("login, role, password, executor, message", [
    ("a", "контролёр", "длинный-пароль", None, "Имя пользователя"),
    ("ivanova", "директор", "длинный-пароль", None, "Роли «директор» нет"),
    ("ivanova", "контролёр", "короткий", None, None),
    ("ivanova", "контролёр", "корот", None, "Пароль короче"),
    ("minfin", "исполнитель", "длинный-пароль", None, "нужна организация"),
])
def test_what_an_account_needs_is_checked_with_a_russian_message(store, login, role, password, executor, message):
    accounts = Accounts(store)
    if message is None:
        assert accounts.add(login, role, password, executor_id=executor).login == login
        return
    with pytest.raises(ValidationError, match=message):
        accounts.add(login, role, password, executor_id=executor)
    assert accounts.list() == []


def test_the_same_login_twice_is_refused(store):
    accounts = Accounts(store)
    accounts.add("ivanova", "контролёр", "длинный-пароль")
    with pytest.raises(ValidationError, match="уже есть"):
        accounts.add("ivanova", "наблюдатель", "другой-пароль")
    assert [u.role for u in accounts.list()] == [Role.CONTROLLER]


def test_an_unknown_account_is_named_when_changed(store):
    with pytest.raises(NotFoundError, match="Пользователя nobody нет"):
        Accounts(store).set_disabled("nobody")


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 5, 9, 0)

    def __call__(self) -> datetime:
        return self.now


def test_five_wrong_passwords_in_a_row_close_the_login_for_fifteen_minutes(store):
    clock = Clock()
    accounts = Accounts(store, now=clock)
    accounts.add("ivanova", "контролёр", "верный-пароль-1")
    for _ in range(5):
        with pytest.raises(AuthenticationError, match="Неверное имя пользователя или пароль"):
            accounts.authenticate("ivanova", "подбираемый")
    clock.now += timedelta(minutes=1)
    with pytest.raises(AuthenticationError, match=r"закрыт после 5 неверных паролей подряд; повторите через 14 мин"):
        accounts.authenticate("ivanova", "верный-пароль-1")  # even the right one, while closed
    clock.now += timedelta(minutes=14)
    assert accounts.authenticate("ivanova", "верный-пароль-1").login == "ivanova"
    with pytest.raises(AuthenticationError, match="Неверное имя"):  # the count starts again from nought
        accounts.authenticate("ivanova", "подбираемый")
    assert accounts.authenticate("ivanova", "верный-пароль-1").login == "ivanova"


def test_fewer_wrong_passwords_than_five_close_nothing(store):
    accounts = Accounts(store, now=Clock())
    accounts.add("ivanova", "контролёр", "верный-пароль-1")
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            accounts.authenticate("ivanova", "подбираемый")
    assert accounts.authenticate("ivanova", "верный-пароль-1").login == "ivanova"


@pytest.mark.parametrize("reopen, password", [
    (lambda accounts: accounts.set_disabled("ivanova", False), "верный-пароль-1"),
    (lambda accounts: accounts.set_password("ivanova", "новый-пароль-3"), "новый-пароль-3"),
], ids=["users enable", "users passwd"])
def test_the_administrator_reopens_a_closed_login_at_once(store, reopen, password):
    accounts = Accounts(store, now=Clock())
    accounts.add("ivanova", "контролёр", "верный-пароль-1")
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            accounts.authenticate("ivanova", "подбираемый")
    reopen(accounts)
    assert accounts.authenticate("ivanova", password).login == "ivanova"


class _SecondDeskFailsBetween:
    """A store on which another desk enters a wrong password right after this one read the account."""

    def __init__(self, store, other: Accounts):
        self.store, self.other, self.raced = store, other, False

    def __getattr__(self, name):
        return getattr(self.store, name)

    def table(self, name):
        table, outer = self.store.table(name), self

        class Racing:
            def __getattr__(self, attr):
                return getattr(table, attr)

            def get(self, record_id):
                record = table.get(record_id)
                if not outer.raced:
                    outer.raced = True
                    with pytest.raises(AuthenticationError):
                        outer.other.authenticate("ivanova", "подбираемый-на-другом-месте")
                return record
        return Racing()


def test_wrong_passwords_entered_at_the_same_moment_are_each_counted(store):
    clock = Clock()
    Accounts(store, now=clock).add("ivanova", "контролёр", "верный-пароль-1")
    racing = Accounts(_SecondDeskFailsBetween(store, Accounts(store, now=clock)), now=clock)
    with pytest.raises(AuthenticationError):
        racing.authenticate("ivanova", "подбираемый")
    assert store.table("users").get("ivanova")["failed_logins"] == 2  # neither overwrote the other


class _EveryWriteLosesTheRace:
    """A store on which another desk changes the account before each of this desk's writes."""

    def __init__(self, store):
        self.store = store

    def __getattr__(self, name):
        return getattr(self.store, name)

    def table(self, name):
        table = self.store.table(name)

        class Losing:
            def __getattr__(self, attr):
                return getattr(table, attr)

            def update(self, record_id, changes, expected_rev=None):
                if expected_rev is not None:
                    raise store_errors.ConflictError("users", record_id, expected_rev, expected_rev + 1)
                return table.update(record_id, changes)
        return Losing()


def test_a_wrong_password_is_counted_even_when_every_careful_write_loses_the_race(store):
    clock = Clock()
    Accounts(store, now=clock).add("ivanova", "контролёр", "верный-пароль-1")
    losing = Accounts(_EveryWriteLosesTheRace(store), now=clock)
    with pytest.raises(AuthenticationError):
        losing.authenticate("ivanova", "подбираемый")
    assert store.table("users").get("ivanova")["failed_logins"] == 1


def test_a_login_is_recorded_and_a_right_password_clears_the_wrong_ones_before_it(store):
    clock = Clock()
    accounts = Accounts(store, now=clock)
    accounts.add("ivanova", "контролёр", "верный-пароль-1")
    assert accounts.get("ivanova").last_login is None
    with pytest.raises(AuthenticationError):
        accounts.authenticate("ivanova", "подбираемый")
    assert accounts.get("ivanova").failed_logins == 1
    accounts.authenticate("ivanova", "верный-пароль-1")
    user = accounts.get("ivanova")
    assert user.last_login == clock().isoformat(timespec="seconds") and user.failed_logins == 0
