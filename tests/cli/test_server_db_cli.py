"""`--db postgresql://…`: every command on the region's server, and moving a clerk's file onto it."""
from __future__ import annotations

from server_users import as_user, first_admin, server_cli


def with_password(url: str, password: str) -> str:
    """The same address with a password (the throwaway cluster trusts local logins, so it still opens)."""
    scheme, rest = url.split("://", 1)
    user, host = rest.split("@", 1)
    return f"{scheme}://{user}:{password}@{host}"


def test_commands_work_on_the_server_database(tmp_path, act_file, pg_url):
    server = first_admin(server_cli(tmp_path, pg_url))  # the server asks who you are

    imported = server("import", str(act_file), "--yes")
    assert imported.exit_code == 0, imported.output
    assert "поручений поставлено на контроль: 3" in imported.output

    listed = server("orders")
    assert listed.exit_code == 0, listed.output
    assert "Всего: 3" in listed.output
    assert not (tmp_path / "unused.db").exists()


def test_migrate_moves_a_file_database_to_the_server_with_counts_and_checksums(cli, act_file, pg_url):
    assert cli("import", str(act_file), "--yes").exit_code == 0

    moved = cli("db", "migrate", "--from", str(cli.db), "--to", pg_url)
    assert moved.exit_code == 0, moved.output
    assert "Перенос завершён: всё совпадает." in moved.output
    assert "Построены строки списка поручений: 3." in moved.output  # the first desk does not wait for them
    sums = [line.split(":")[-1].strip() for line in moved.output.splitlines() if "Контрольная сумма" in line]
    assert len(sums) == 2 and sums[0] == sums[1]

    on_server = first_admin(server_cli(cli.db.parent, pg_url))("orders")
    on_file = cli("orders")
    assert on_server.output == on_file.output

    again = cli("db", "migrate", "--from", str(cli.db), "--to", pg_url)
    assert again.exit_code == 1
    assert "не пуста" in again.output


def test_check_on_the_server_prints_counts_and_never_the_password(cli, act_file, pg_url):
    assert cli("import", str(act_file), "--yes").exit_code == 0
    assert cli("db", "migrate", "--from", str(cli.db), "--to", pg_url).exit_code == 0

    checked = cli("db", "check", "--db", with_password(pg_url, "s3cret-word"))
    assert checked.exit_code == 0, checked.output
    assert "orders" in checked.output and "3" in checked.output
    assert ":***@" in checked.output
    assert "s3cret-word" not in checked.output


def test_upgrade_backs_up_with_pg_dump_first(cli, pg_url, tmp_path):
    upgraded = cli("db", "upgrade", "--db", pg_url, "--backup-dir", str(tmp_path / "copies"))
    assert upgraded.exit_code == 0, upgraded.output
    assert "Резервная копия сохранена" in upgraded.output
    assert any((tmp_path / "copies").iterdir())


def test_upgrade_of_a_file_database_says_it_upgrades_itself(cli):
    result = cli("db", "upgrade")
    assert result.exit_code == 1
    assert "обновляется сам" in result.output


def test_upgrade_from_the_previous_schema_keeps_the_data_backs_up_and_builds_the_rows_of_orders(
        cli, act_file, pg_url, tmp_path, monkeypatch):
    import psycopg

    from db.postgres import schema
    from db.transfer import copy_store
    from tracker.root import open_store_at

    assert cli("import", str(act_file), "--yes").exit_code == 0
    every = schema.migrations()
    assert [version for version, _sql in every][-2:] == [1, 2]
    monkeypatch.setattr(schema, "migrations", lambda: every[:1])  # a server set up by the previous release
    source, target = open_store_at(cli.db), open_store_at(pg_url)
    copy_store(source, target)
    source.close()
    target.close()
    monkeypatch.undo()

    server = server_cli(tmp_path, pg_url)
    refused = as_user(server, "admin", "пароль")("orders")  # the old schema is named before any login
    assert refused.exit_code == 1
    assert "устарела (версия 1, нужна 2)" in refused.output and "tracker db upgrade" in refused.output

    upgraded = cli("db", "upgrade", "--db", pg_url, "--backup-dir", str(tmp_path / "copies"))
    assert upgraded.exit_code == 0, upgraded.output
    assert "Резервная копия сохранена" in upgraded.output
    assert "Построены строки списка поручений: 3." in upgraded.output
    backups = list((tmp_path / "copies").iterdir())
    assert len(backups) == 1 and backups[0].stat().st_size > 0

    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT value FROM store_meta WHERE key = 'ddl_version'").fetchone()[0] == 2
        assert conn.execute("SELECT count(*) FROM order_rows").fetchone()[0] == 3
    admin = first_admin(server)
    assert admin("orders").output == cli("orders").output
    assert admin("orders", "--text", "совещ").output == cli("orders", "--text", "совещ").output
