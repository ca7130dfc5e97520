"""Who runs a command on the server database: `--user/-u` (or $TRACKER_USER) and a password.

The password comes from $TRACKER_PASSWORD (scripts) or a hidden prompt. `--user` may stand
anywhere on the command line (`tracker -u ivanova orders`, `tracker orders --user ivanova`):
the root group takes it out before the commands see their arguments. A file database has no
accounts: its owner may do everything and `--user` is ignored there.
"""
from __future__ import annotations

import os
import sys

import typer
import typer.core

USER_ENV = "TRACKER_USER"
PASSWORD_ENV = "TRACKER_PASSWORD"
NEW_PASSWORD_ENV = "TRACKER_NEW_PASSWORD"
_USER_FLAGS = ("--user", "-u")
_META = "tracker.user"
USER_HELP = (f"Имя пользователя базы на сервере (по умолчанию ${USER_ENV}); пароль спрашивается скрытно "
             f"или берётся из ${PASSWORD_ENV}. Можно указывать и после команды. Для файла базы не нужно.")


def take_user(args: list[str]) -> tuple[str | None, list[str]]:
    """The value of `--user`/`-u`/`--user=…` anywhere before `--`, and the arguments without it."""
    user: str | None = None
    rest: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest.extend(args[index:])
            break
        if arg in _USER_FLAGS and index + 1 < len(args):
            user = args[index + 1]
            index += 2
            continue
        if arg.startswith("--user="):
            user = arg.split("=", 1)[1]
        else:
            rest.append(arg)
        index += 1
    return user, rest


class UserAwareGroup(typer.core.TyperGroup):
    """The root group: keeps `--user` wherever it was typed for the commands that need a login."""

    def parse_args(self, ctx, args):  # noqa: ANN001, ANN201 - Click's own signature
        user, rest = take_user(list(args))
        if user is not None:
            ctx.meta[_META] = user
        return super().parse_args(ctx, rest)


def given_user() -> str | None:
    """The login typed on the command line, else $TRACKER_USER."""
    from typer._click.globals import get_current_context

    context = get_current_context(silent=True)
    typed = context.meta.get(_META) if context is not None else None
    return typed or os.environ.get(USER_ENV) or None


def ask(question: str, hidden: bool = False) -> str:
    """A line from the person at the terminal (hidden for a password); a script with nothing to
    read gets a Russian message naming the variable to set instead."""
    try:
        return str(typer.prompt(question, hide_input=hidden, default="", show_default=False))
    except (typer.Abort, EOFError):
        print()  # end the prompt's line
        advice = (f"пароль передайте в переменной окружения {PASSWORD_ENV}" if hidden
                  else f"укажите --user ИМЯ или переменную окружения {USER_ENV}")
        print(f"Ошибка: для базы на сервере нужно войти, а ввести {'пароль' if hidden else 'имя пользователя'} "
              f"некому: {advice}.", file=sys.stderr)
        raise typer.Exit(1) from None


def credentials() -> tuple[str, str]:
    """Login and password of the person running the command (asked when not given)."""
    login = given_user() or ask("Пользователь").strip()
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        password = ask(f"Пароль пользователя {login}", hidden=True)
    return login, password


def new_password(login: str) -> str:
    """A new password for `login`: $TRACKER_NEW_PASSWORD, or typed twice without echo."""
    from tracker.errors import ValidationError

    given = os.environ.get(NEW_PASSWORD_ENV)
    if given is not None:
        return given
    first = ask(f"Новый пароль для {login}", hidden=True)
    second = ask("Повторите пароль", hidden=True)
    if first != second:
        raise ValidationError("Пароли не совпали. Ничего не изменено.")
    return first
