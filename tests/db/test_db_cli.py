"""`tracker db check|backup|restore|compact` on a real database file."""
from __future__ import annotations

import typer
from storeproc import FILE_OPTIONS
from typer.testing import CliRunner

from cli import db_cmd
from db import list_backups, open_store


def run(*args: str):
    app = typer.Typer()

    @app.callback()
    def root() -> None:
        """tracker"""

    db_cmd.register(app)
    return CliRunner().invoke(app, list(args))


def make_db(path) -> None:
    with open_store(path, schema_version=2, **FILE_OPTIONS) as store:
        store.table("orders").insert_many([{"id": f"o{i}"} for i in range(3)])
        store.table("acts").insert({"id": "a1", "title": "Об официальных страницах"})


def test_check_prints_the_tables_and_says_the_database_is_sound(db_path):
    make_db(db_path)
    result = run("db", "check", "--db", str(db_path))
    assert result.exit_code == 0, result.output
    assert "Версия схемы: 2" in result.output
    assert "orders" in result.output and "acts" in result.output
    assert "Проверка пройдена" in result.output


def test_check_reads_the_path_from_tracker_db(db_path, monkeypatch):
    make_db(db_path)
    monkeypatch.setenv("TRACKER_DB", str(db_path))
    result = run("db", "check")
    assert result.exit_code == 0 and str(db_path) in result.output


def test_check_of_a_damaged_database_names_the_backup_to_restore(db_path):
    make_db(db_path)
    run("db", "backup", "--db", str(db_path))
    db_path.write_bytes(db_path.read_bytes()[:-5])
    result = run("db", "check", "--db", str(db_path))
    assert result.exit_code == 1
    assert "повреждён" in result.output and "tracker db restore" in result.output
    assert "Резервные копии (новые сверху):" in result.output
    assert str(list_backups(db_path)[0]) in result.output
    assert "Traceback" not in result.output


def test_check_of_a_missing_database_is_one_russian_line(tmp_path):
    result = run("db", "check", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 1 and "Ошибка: Базы" in result.output


def test_backup_then_restore_brings_the_database_back(db_path):
    make_db(db_path)
    result = run("db", "backup", "--db", str(db_path))
    assert result.exit_code == 0 and "Резервная копия сохранена" in result.output
    backup = list_backups(db_path)[0]
    with open_store(db_path, schema_version=2, **FILE_OPTIONS) as store:
        store.table("orders").delete("o0")
    result = run("db", "restore", str(backup), "--db", str(db_path))
    assert result.exit_code == 0, result.output
    assert "восстановлена" in result.output and "Прежнее состояние сохранено" in result.output
    with open_store(db_path, schema_version=2, **FILE_OPTIONS) as store:
        assert len(store.table("orders")) == 3


def test_restore_from_a_missing_file_fails_clearly(db_path, tmp_path):
    make_db(db_path)
    result = run("db", "restore", str(tmp_path / "nope.db"), "--db", str(db_path))
    assert result.exit_code == 1 and "нет файла резервной копии" in result.output


def test_compact_rewrites_the_file_and_keeps_the_data(db_path):
    make_db(db_path)
    result = run("db", "compact", "--db", str(db_path))
    assert result.exit_code == 0 and "База сжата" in result.output
    assert any("compact" in p.name for p in list_backups(db_path))
    with open_store(db_path, schema_version=2, **FILE_OPTIONS) as store:
        assert len(store.table("orders")) == 3 and len(store.table("acts")) == 1
