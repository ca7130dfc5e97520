"""Entry point of the `tracker` console script.

`tracker` with no arguments opens the UI on the default database.
"""
from __future__ import annotations

import importlib
import sys

import typer

from tracker.cli import russian_help

# Each module registers its commands on the app; the list is the CLI's table of contents.
COMMAND_MODULES = (
    "tracker.cli.parse_cmd",  # parse
    "tracker.cli.orders_cmd",  # import, orders, show, report, done, return, extend, withdraw, comment, export
    "tracker.cli.db_cmd",  # db check|backup|restore
    "tracker.cli.registry_cmd",  # registry import|export|coverage|norms
    "tracker.cli.draft_cmd",  # draft quarterly|report|reminders
    "tracker.cli.ui_cmd",  # ui, demo
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
    )

    @app.callback(invoke_without_command=True)
    def root(ctx: typer.Context) -> None:
        """tracker — контроль исполнения поручений."""
        if ctx.invoked_subcommand is None:
            ui_cmd = importlib.import_module("tracker.cli.ui_cmd")
            ui_cmd.open_ui(None)

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)
    return app


def run() -> None:
    app = build_app()
    app(prog_name="tracker")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
