"""`tracker serve`: the desk in a browser (one desk process per browser session, textual-serve).

Each session runs `tracker ui --db …` of this very installation. The server binds to
127.0.0.1 unless told otherwise; a region puts it behind nginx with TLS (README).
"""
from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path
from typing import Annotated

import typer

from cli.common import DB_ENV, DbOption, fail, friendly_errors, resolve_db

TITLE = "Контроль исполнения поручений"


def desk_command() -> str:
    """The shell command that starts one desk with this interpreter (no PATH lookup); `exec` makes
    the desk the process textual-serve watches and stops, not a shell around it. The desk is told
    the server's process id: it ends if the server dies without closing it (tui/terminal).

    The database comes to the desk in its environment ($TRACKER_DB, set by `serve`), not on its
    command line: a server address may carry a password, and any local user can read another's
    command line (ps), not its environment."""
    from tui.terminal import SERVER_PID_VARIABLE

    return f"export {SERVER_PID_VARIABLE}={os.getpid()}; exec {shlex.quote(sys.executable)} -m cli.main ui"


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""

    @app.command("serve")
    @friendly_errors
    def serve(
        db: DbOption = None,
        host: Annotated[str, typer.Option("--host", help="Адрес, на котором принимать подключения.")] = "127.0.0.1",
        port: Annotated[int, typer.Option("--port", help="Порт.")] = 8000,
        max_sessions: Annotated[int, typer.Option(
            "--max-sessions", help="Сколько рабочих мест (процессов) открыто одновременно, не больше.")] = 10,
        idle_minutes: Annotated[float, typer.Option(
            "--idle-minutes", help="Через сколько минут без действий сеанс закрывается.")] = 30.0,
        public_url: Annotated[str | None, typer.Option(
            "--public-url", help="Адрес, под которым сервер виден пользователям (за nginx: https://…).",
            show_default=False)] = None,
    ) -> None:
        """Открыть рабочее место в браузере: по отдельному процессу на каждый сеанс."""
        from cli.web import DeskServer

        if max_sessions < 1:
            raise fail("--max-sessions: нужно целое число не меньше 1.")
        if idle_minutes <= 0:
            raise fail("--idle-minutes: нужно число минут больше нуля.")
        if not 0 < port < 65536:
            raise fail(f"--port: порт {port} вне диапазона 1–65535.")
        path = resolve_db(db)
        refuse_without_accounts(path)
        os.environ[DB_ENV] = str(path)  # the desks inherit it (desk_command)
        server = DeskServer(desk_command(), host=host, port=port, title=TITLE, max_sessions=max_sessions,
                            idle_seconds=idle_minutes * 60, public_url=public_url)
        server.serve()


def refuse_without_accounts(location: Path | str) -> None:
    """A server database is served only once it has accounts: every browser session logs in, and
    with no account nobody could. A file database is its owner's and needs none."""
    from tracker.root import Gate, is_server

    if not is_server(location):
        return
    gate = Gate(location)
    try:
        if not gate.has_accounts():
            raise fail("на сервере ещё нет учётных записей, и войти в рабочее место в браузере будет некому. "
                       "Сначала создайте администратора: "
                       f"`tracker users add ИМЯ --role администратор --db {_shown(str(location))}`, "
                       "затем остальных пользователей (`tracker users add … --user ИМЯ`).")
    finally:
        gate.close()


def _shown(url: str) -> str:
    """The address without its password, as the messages show it."""
    from db.postgres.url import redact

    return redact(url)
