"""`tracker users add|passwd|disable|enable|list`: the accounts of a server database.

Passwords are typed twice without echo, or passed to scripts in $TRACKER_NEW_PASSWORD; they are
stored only as argon2 hashes. While a server database has no account at all, its first
администратор is added without logging in; after that the администратор keeps the accounts
(logged in with --user), and anyone may change their own password.
"""
from __future__ import annotations

from contextlib import closing
from typing import TYPE_CHECKING, Annotated

import typer

from cli import common
from cli.common import DbOption, fail, friendly_errors, resolve_db

if TYPE_CHECKING:
    from tracker.root import Application

LoginArg = Annotated[str, typer.Argument(metavar="ИМЯ", help="Имя пользователя (вход в систему).",
                                         show_default=False)]
ROLES = "администратор, контролёр, исполнитель, наблюдатель"
FILE_DATABASE = ("учётные записи бывают только у базы на сервере (--db postgresql://…): "
                 "файл базы принадлежит его владельцу, и он может всё.")


def _server(db: str | None) -> str:
    location = resolve_db(db)
    if not isinstance(location, str):
        raise fail(FILE_DATABASE)
    return location


def _executor_id(app: Application, text: str | None, new: bool = False) -> str | None:
    if not text:
        return None
    from tracker.errors import NotFoundError, ValidationError

    found = app.control.find_executors(text)
    exact = [e for e in found if e.id == text or e.name.lower() == text.lower()]
    found = exact or found
    if not found and new:
        return app.control.add_executor(text).id  # accounts made before the organisation's first act
    if not found:
        raise NotFoundError(f"Организация «{text}» не найдена среди исполнителей поручений. "
                            "Список: `tracker orders --json` (поле parts). Если её поручений ещё нет, "
                            "добавьте её полным наименованием: --executor «…» --new-executor.")
    if len(found) > 1:
        names = "; ".join(e.name for e in found[:5])
        raise ValidationError(f"Под «{text}» подходят несколько организаций: {names}. Уточните.")
    return found[0].id


def describe(user, app: Application | None = None, *, activity: bool = False) -> str:  # noqa: ANN001 - tracker.access.models.User
    organisation = ""
    if user.executor_id:
        found = app.control.directory.get(user.executor_id) if app is not None else None
        organisation = f", организация: {found.name if found else user.executor_id}"
    name = f" ({user.name})" if user.name else ""
    state = " — ОТКЛЮЧЕНА" if user.disabled else ""
    seen = ""
    if activity:  # the list says who still uses an account and who is being guessed at
        seen = f"; вход {_when(user.last_login)}" if user.last_login else "; не входил"
    if activity and user.failed_logins:
        seen += f"; неверных паролей подряд: {user.failed_logins} (последний {_when(user.last_failed_login)})"
    return f"{user.login}{name}: {user.role}{organisation}{seen}{state}"


def _when(stamp: str | None) -> str:
    from datetime import datetime

    return datetime.fromisoformat(stamp).strftime("%d.%m.%Y %H:%M") if stamp else "—"


def register(app: typer.Typer) -> None:
    """Add the `users` group to the app."""
    group = typer.Typer(help="Пользователи базы на сервере: добавить, сменить пароль, отключить, список.",
                        no_args_is_help=True, rich_markup_mode=None)
    app.add_typer(group, name="users")

    @group.command("add")
    @friendly_errors
    def add(
        login: LoginArg,
        role: Annotated[str, typer.Option("--role", "-r", help=f"Роль: {ROLES}.", show_default=False)],
        name: Annotated[str | None, typer.Option("--name", help="Как показывать: «Иванова А.П.».",
                                                 show_default=False)] = None,
        executor: Annotated[str | None, typer.Option(
            "--executor", "-e", show_default=False,
            help="Для исполнителя: его организация (часть наименования, как в списке поручений).")] = None,
        new_executor: Annotated[bool, typer.Option(
            "--new-executor", help="Организации ещё нет среди исполнителей поручений: добавить её "
                                   "(--executor — полное наименование в именительном падеже).")] = False,
        db: DbOption = None,
    ) -> None:
        """Добавить пользователя. Пароль вводится дважды скрыто (или $TRACKER_NEW_PASSWORD).

        Пока на сервере нет ни одной учётной записи, первого администратора можно добавить без входа."""
        from cli.login import new_password
        from tracker.access.accounts import Accounts, first_administrator
        from tracker.access.models import Action
        from tracker.root import Gate

        location = _server(db)
        gate = Gate(location)
        with closing(gate):
            if not gate.has_accounts():
                user = first_administrator(Accounts(gate.store), login, _first_role_is_admin(role, login),
                                           name=name)
                typer.echo(f"Добавлен первый администратор: {describe(user)}.")
                typer.echo(f"Дальше входите так: tracker … --user {login}")
                return
        opened = common.open_app(location)
        with closing(opened):
            opened.require(Action.USERS, "новая учётная запись")
            executor_id = _executor_id(opened, executor, new_executor)
            password = new_password(login)
            user = opened.accounts.add(login, role, password, name=name, executor_id=executor_id)
            typer.echo(f"Добавлен: {describe(user, opened)}.")

    @group.command("passwd")
    @friendly_errors
    def passwd(login: LoginArg, db: DbOption = None) -> None:
        """Сменить пароль (свой — любому пользователю, чужой — администратору)."""
        from cli.login import new_password

        opened = common.open_app(_server(db))
        with closing(opened):
            opened.accounts.get(login)  # the account exists and is this user's to change
            opened.accounts.set_password(login, new_password(login))
        typer.echo(f"Пароль пользователя {login} изменён.")

    @group.command("disable")
    @friendly_errors
    def disable(login: LoginArg, db: DbOption = None) -> None:
        """Отключить учётную запись: войти под ней нельзя, история её изменений остаётся."""
        opened = common.open_app(_server(db))
        with closing(opened):
            user = opened.accounts.set_disabled(login, True)
        typer.echo(f"Отключена: {describe(user)}.")

    @group.command("enable")
    @friendly_errors
    def enable(login: LoginArg, db: DbOption = None) -> None:
        """Включить отключённую учётную запись снова (или открыть вход, закрытый после неверных паролей)."""
        opened = common.open_app(_server(db))
        with closing(opened):
            user = opened.accounts.set_disabled(login, False)
        typer.echo(f"Включена: {describe(user)}.")

    @group.command("list")
    @friendly_errors
    def list_(db: DbOption = None) -> None:
        """Список пользователей: имя, роль, организация исполнителя, последний вход, неверные пароли, отключена ли."""
        opened = common.open_app(_server(db))
        with closing(opened):
            users = opened.accounts.list()
            for user in users:
                typer.echo(describe(user, opened, activity=True))
        typer.echo(f"Всего: {len(users)}")


def _first_role_is_admin(role: str, login: str) -> str:
    """The first account must be an администратор; returns its password once that holds."""
    from cli.login import new_password
    from tracker.access.models import Role
    from tracker.errors import ValidationError

    if role.strip().lower().replace("ё", "е") != str(Role.ADMIN):
        raise ValidationError("На сервере ещё нет учётных записей: первой добавьте администратора "
                              f"(`tracker users add {login} --role администратор`), а он добавит остальных.")
    return new_password(login)
