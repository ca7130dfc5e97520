"""What every command shares: the database path, Russian error output, exit codes.

Heavy libraries (pymorphy3, pdfplumber, textual...) are imported inside commands, never here:
`tracker --help` must stay fast.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from db.postgres.url import is_server_url
from tracker.errors import TrackerError

if TYPE_CHECKING:
    from tracker.root import Application

DB_ENV = "TRACKER_DB"

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help=f"Файл базы данных или адрес сервера postgresql://пользователь@хост:порт/имя "
             f"(по умолчанию из ${DB_ENV} или файл в папке данных пользователя). "
             "На сервере укажите и себя: --user ИМЯ (или $TRACKER_USER).",
        show_default=False,
    ),
]


def default_db_path() -> Path | str:
    """$TRACKER_DB, else the user's data folder (XDG_DATA_HOME or ~/.local/share)/tracker/tracker.db."""
    env = os.environ.get(DB_ENV)
    if env:
        return env if is_server_url(env) else Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(Path.home(), ".local", "share")
    return Path(base) / "tracker" / "tracker.db"


def resolve_db(path: str | Path | None) -> Path | str:
    """The database location: a file Path, or a server address kept as the string it is."""
    if not path:
        return default_db_path()
    return path if is_server_url(path) else Path(path).expanduser()


def open_app(db: str | Path | None) -> Application:
    """The application on --db (or the default database): every command's services come from here.

    On a server database the person logs in first (`--user`, the password asked or from
    $TRACKER_PASSWORD: cli.login) and every service checks that account's role; a file database
    belongs to its owner. The clock honours $TRACKER_TODAY (tracker.clock); tests replace this
    function to use a memory store."""
    from tracker.root import compose, is_server, sign_in

    location = resolve_db(db)
    if not is_server(location):
        return compose(location)
    from cli.login import credentials

    login, password = credentials()
    return sign_in(location, login, password)


_done_and_closed = False


def work_is_done() -> None:
    """Called by a command once its work is committed, its output written and its database and
    helper processes closed: the console script may then end the process at once (cli.main.main)."""
    global _done_and_closed
    _done_and_closed = True


def done_and_closed() -> bool:
    return _done_and_closed


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a Russian message to stderr; return the Exit to raise."""
    print(f"Ошибка: {message}", file=sys.stderr)
    return typer.Exit(code)


F = TypeVar("F", bound=Callable)


def friendly_errors(func: F) -> F:
    """Turn the project's errors into one Russian line and exit status 1 (never a traceback)."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        from db.errors import StoreError  # light: `tracker db` calls the store itself, not a service
        from parsers.errors import ParserError

        try:
            return func(*args, **kwargs)
        except (TrackerError, StoreError, ParserError) as error:
            raise fail(str(error)) from None
        except KeyboardInterrupt:
            raise fail("прервано пользователем", code=130) from None
        except OSError as error:  # a file or folder the command was given: say it in Russian
            from russian_errors import os_problem

            where = f"{error.filename}: " if getattr(error, "filename", None) else ""
            raise fail(f"{where}{os_problem(error)}. Проверьте путь и права доступа.") from None

    return wrapper  # type: ignore[return-value]


def page_read(source: str, done: int, total: int) -> None:
    """A scan's pages as they are recognised, one line each on stderr (stdout keeps the results;
    Ctrl+C stops the recognition)."""
    if done:
        print(f"{Path(source).name}: распознано страниц {done} из {total}", file=sys.stderr, flush=True)
