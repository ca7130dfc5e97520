"""`tracker registry import|export|coverage|norms`: what a clerk types and reads."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from registry_fakes import IMPORT_DAY, make_activity, weekdays_only, write_rows
from typer.testing import CliRunner

from cli import common
from cli.main import build_app
from db import MemoryStore
from tracker.registry.service import RegistryService
from tracker.root import assemble


@pytest.fixture
def memory_cli(monkeypatch):
    """The CLI on one memory store shared by the invocations of a test."""
    store = MemoryStore()

    def open_app(db):  # noqa: ANN001, ANN202 - the root over the shared memory store, a weekday calendar
        app = assemble(store, user="тест", clock=lambda: datetime.combine(IMPORT_DAY, datetime.min.time()))
        # the registry the root builds on first use, here on a weekday calendar (as the fakes count)
        app.__dict__["registry"] = RegistryService(store, order_sink=app.control, working_days=weekdays_only,
                                                   today=lambda: IMPORT_DAY, who="тест")
        return app

    monkeypatch.setattr(common, "open_app", open_app)
    app = build_app()

    def run(*args: str):
        return CliRunner().invoke(app, ["registry", *args])

    run.store = store
    return run


def test_import_yes_names_every_faulty_row_and_takes_the_rest(memory_cli, registry, tmp_path):
    result = memory_cli("import", "--yes", str(registry.write_csv(tmp_path / "r.csv")))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "«Наименование учреждения» → наименование учреждения" in out
    for row, number in ((8, 7), (24, 23), (42, 41), (78, 77), (121, 120), (302, 301)):
        assert f"Строка {row} (№ п/п {number}): " in out
    assert "Строка 151 (№ п/п 150): не указан ответственный сотрудник (ФИО) (строка принята)" in out
    assert f"добавлено {len(registry.accepted)}, изменено 0" in out
    assert len(memory_cli.store.table("registry_records")) == len(registry.accepted)


def test_dry_run_writes_nothing(memory_cli, registry, tmp_path):
    result = memory_cli("import", "--dry-run", str(registry.write_csv(tmp_path / "r.csv")))
    assert result.exit_code == 0
    assert "Пробный запуск: в базу ничего не записано." in result.output
    assert len(memory_cli.store.table("registry_records")) == 0


def test_without_yes_and_without_a_terminal_the_import_asks_for_yes(memory_cli, registry, tmp_path):
    result = memory_cli("import", str(registry.write_csv(tmp_path / "r.csv")))
    assert result.exit_code == 1
    assert "нужно подтверждение: запустите с --yes" in result.stderr
    assert len(memory_cli.store.table("registry_records")) == 0


def test_the_same_file_twice_says_nothing_changed(memory_cli, registry, tmp_path):
    path = str(registry.write_csv(tmp_path / "r.csv"))
    memory_cli("import", "--yes", path)
    result = memory_cli("import", "--yes", path)
    assert "Изменений нет: реестр уже совпадает с файлом." in result.output


def test_coverage_prints_connected_x_of_y_per_district(memory_cli, registry, tmp_path):
    memory_cli("import", "--yes", str(registry.write_csv(tmp_path / "r.csv")))
    result = memory_cli("coverage")
    assert result.exit_code == 0
    connected = sum(1 for i in registry.accepted if i.district == "Областные учреждения" and i.connected == "да")
    total = sum(1 for i in registry.accepted if i.district == "Областные учреждения")
    assert f"Областные учреждения: подключено {connected} из {total}" in result.output
    assert f"Без страницы (1):\n  Каменский район: {registry.by_number(188).name}" in result.output
    assert memory_cli("coverage", "--as-of", "01.01.2020").output.endswith(
        "Реестр пуст. Загрузите таблицу: tracker registry import ФАЙЛ\n")


def test_norms_lists_pages_that_fall_short(memory_cli, registry, tmp_path):
    memory_cli("import", "--yes", str(registry.write_csv(tmp_path / "r.csv")))
    weeks = [date(2026, 10, 5) + timedelta(weeks=k) for k in range(2)]
    activity = write_rows(tmp_path / "a.csv", make_activity(registry, weeks, pages=10))
    result = memory_cli("norms", str(activity))
    assert result.exit_code == 0
    assert "Норма: не менее 3 публикаций в неделю — постановление Администрации города Обнинска" in result.output
    assert "Нарушений: " in result.output and "ответственный: " in result.output


def test_export_as_of_a_date_and_bad_input(memory_cli, registry, tmp_path):
    memory_cli("import", "--yes", str(registry.write_csv(tmp_path / "r.csv")))
    out = tmp_path / "out.xlsx"
    result = memory_cli("export", "--out", str(out), "--as-of", "01.10.2026")
    assert result.exit_code == 0 and out.exists()
    assert f"Выгружено записей: {len(registry.accepted)} на 01.10.2026" in result.output
    bad_date = memory_cli("export", "--out", str(out), "--as-of", "2026/13/45")
    assert bad_date.exit_code == 1 and "введите дату в виде ДД.ММ.ГГГГ" in bad_date.stderr
    missing = memory_cli("import", "--yes", str(tmp_path / "nope.csv"))
    assert missing.exit_code == 1 and "не найден" in missing.stderr and "Traceback" not in missing.output


def test_the_real_database_keeps_the_registry_between_commands(registry, tmp_path):
    app = build_app()
    db = str(tmp_path / "tracker.db")
    path = str(registry.write_csv(tmp_path / "r.csv"))
    first = CliRunner().invoke(app, ["registry", "import", "--yes", "--db", db, path])
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(app, ["registry", "import", "--yes", "--db", db, path])
    assert f"без изменений {len(registry.accepted)}" in again.output
    coverage = CliRunner().invoke(app, ["registry", "coverage", "--db", db])
    assert coverage.exit_code == 0 and f"{len(registry.accepted)}" in coverage.output


def test_a_new_page_goes_on_control_as_an_order_in_the_real_database(registry, tmp_path):
    from tracker.control.api import OrderFilter
    from tracker.root import compose

    app = build_app()
    db = str(tmp_path / "tracker.db")
    CliRunner().invoke(app, ["registry", "import", "--yes", "--date", "02.11.2026", "--db", db,
                             str(registry.write_csv(tmp_path / "v1.csv"))])
    item = registry.accepted[0]
    item.telegram = "https://t.me/new_channel"
    result = CliRunner().invoke(app, ["registry", "import", "--yes", "--date", "02.11.2026", "--db", db,
                                      str(registry.write_csv(tmp_path / "v2.csv"))])
    assert "Поставлено на контроль «сообщить в ЦУР»: 1" in result.output, result.output
    control = compose(db).control
    orders = control.list_orders(OrderFilter(text="Сообщить в ЦУР"), today=date(2026, 11, 2)).rows
    assert [(o.due, o.executors) for o in orders] == [(date(2026, 11, 6), item.name)]
    control.store.close()
