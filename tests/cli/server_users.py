"""Helpers for the specs of accounts and roles on the server database (a throwaway cluster)."""
from __future__ import annotations

import json

from cli_helpers import Cli

ADMIN_PASSWORD = "пароль-администратора"


def server_cli(tmp_path, pg_url: str) -> Cli:
    """`tracker` on the server database, no one logged in yet."""
    server = Cli(tmp_path / "unused.db")
    server.env["TRACKER_DB"] = pg_url
    return server


def as_user(cli: Cli, login: str | None, password: str | None = None) -> Cli:
    """The same `tracker` run by another person (TRACKER_USER / TRACKER_PASSWORD, as scripts do)."""
    other = Cli(cli.db)
    other.env = {key: value for key, value in cli.env.items()
                 if key not in {"TRACKER_USER", "TRACKER_PASSWORD", "TRACKER_NEW_PASSWORD"}}
    if login is not None:
        other.env["TRACKER_USER"] = login
    if password is not None:
        other.env["TRACKER_PASSWORD"] = password
    return other


def add_user(admin: Cli, login: str, role: str, password: str, *options: str):
    admin.env["TRACKER_NEW_PASSWORD"] = password
    try:
        return admin("users", "add", login, "--role", role, *options)
    finally:
        del admin.env["TRACKER_NEW_PASSWORD"]


def first_admin(server: Cli) -> Cli:
    """Bootstrap the first администратор and return `tracker` run as it."""
    server.env["TRACKER_NEW_PASSWORD"] = ADMIN_PASSWORD
    made = server("users", "add", "admin", "--role", "администратор", "--name", "Администратор ЦУР")
    del server.env["TRACKER_NEW_PASSWORD"]
    assert made.exit_code == 0, made.output
    return as_user(server, "admin", ADMIN_PASSWORD)


def rows(cli: Cli, *options: str) -> list[dict]:
    shown = cli("orders", "--json", *options)
    assert shown.exit_code == 0, shown.output
    return [json.loads(line) for line in shown.stdout.splitlines() if line.strip()]
