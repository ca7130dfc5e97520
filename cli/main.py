"""Entry point of the `tracker` console script.

`tracker` with no arguments opens the UI on the default database.
"""
from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from cli import (
    db_cmd,
    draft_cmd,
    orders_cmd,
    parse_cmd,
    registry_cmd,
    russian_help,
    serve_cmd,
    ui_cmd,
    users_cmd,
)
from cli.common import done_and_closed
from cli.login import USER_HELP, UserAwareGroup

# Each module registers its commands on the app; the list is the CLI's table of contents.
# The modules themselves are light: services, parsers and the desk load inside the commands.
COMMAND_MODULES = (
    parse_cmd,  # parse
    orders_cmd,  # import, orders, show, report, done, return, extend, withdraw, comment, export
    db_cmd,  # db check|backup|restore
    registry_cmd,  # registry import|export|coverage|norms
    draft_cmd,  # draft quarterly|report|reminders
    ui_cmd,  # ui, demo
    serve_cmd,  # serve: the desk in a browser
    users_cmd,  # users add|passwd|disable|enable|list: accounts of the server database
)


def build_app() -> typer.Typer:
    russian_help.install()
    app = typer.Typer(
        name="tracker",
        help="tracker — контроль исполнения поручений: разбор актов, учёт поручений, реестр страниц, проекты документов.",
        add_completion=False,
        no_args_is_help=False,
        invoke_without_command=True,
        context_settings={"help_option_names": ["-h", "--help"]},
        rich_markup_mode=None,
        cls=UserAwareGroup,
    )

    @app.callback(invoke_without_command=True)
    def root(
        ctx: typer.Context,
        user: Annotated[str | None, typer.Option("--user", "-u", help=USER_HELP, show_default=False)] = None,
    ) -> None:
        """tracker — контроль исполнения поручений."""
        if ctx.invoked_subcommand is None:
            ui_cmd.open_ui(None)

    for module in COMMAND_MODULES:
        module.register(app)
    return app


def run() -> None:
    app = build_app()
    app(prog_name="tracker")


def main() -> None:
    """The console script: run the command, then leave.

    A command that has committed its work and closed what it opened says so
    (common.work_is_done); the process then ends at once with the command's exit status instead
    of tearing the interpreter down object by object (pymorphy3's tables, the
    modules: about 0.2 s of an import). Every other command, and any exception, ends normally."""
    try:
        run()
        code: str | int | None = 0
    except SystemExit as done:
        code = 0 if done.code is None else done.code
    if done_and_closed() and isinstance(code, int):
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):  # a closed pipe: let Python report it as usual
            sys.exit(code)
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
