"""The CLI's registry commands get their services from tracker.root.compose: $TRACKER_TODAY is
their «today», and the «сообщить в ЦУР» points go on control (the registry's order sink)."""
from __future__ import annotations

from datetime import date

from typer.testing import CliRunner

from cli.main import build_app
from tracker.control.api import OrderFilter
from tracker.root import compose


def test_tracker_today_dates_a_registry_import_and_its_control_points(registry, tmp_path):
    app, db = build_app(), str(tmp_path / "tracker.db")
    env = {"TRACKER_TODAY": "02.11.2026"}
    first = CliRunner().invoke(app, ["registry", "import", "--yes", "--db", db,
                                     str(registry.write_csv(tmp_path / "v1.csv"))], env=env)
    assert first.exit_code == 0, first.output
    item = registry.accepted[0]
    item.telegram = "https://t.me/new_channel"
    result = CliRunner().invoke(app, ["registry", "import", "--yes", "--db", db,
                                      str(registry.write_csv(tmp_path / "v2.csv"))], env=env)
    assert "Поставлено на контроль «сообщить в ЦУР»: 1" in result.output, result.output
    opened = compose(db)
    try:
        orders = opened.control.list_orders(OrderFilter(text="Сообщить в ЦУР"), today=date(2026, 11, 2)).rows
        # 3 working days from Monday 02.11.2026 on the production calendar (04.11 is a holiday)
        assert [(o.due, o.executors) for o in orders] == [(date(2026, 11, 6), item.name)]
        versions = opened.registry.history(opened.registry.list_records().rows[0].id)
        assert {v.valid_from for v in versions} == {date(2026, 11, 2)}
    finally:
        opened.close()


def test_every_front_end_hands_the_registry_control_as_its_order_sink(tmp_path):
    opened = compose(tmp_path / "tracker.db")
    try:
        assert opened.registry.order_sink is opened.control
        assert opened.drafting.registry is opened.registry and opened.drafting.control is opened.control
        assert opened.drafts_dir == tmp_path / "Проекты документов"
    finally:
        opened.close()
