"""Every control command gets its services from tracker.root.compose, with one clock."""
from __future__ import annotations

from datetime import date

from tracker.control.api import OrderFilter
from tracker.root import compose


def test_tracker_today_dates_the_history_a_command_writes(cli, act_file):
    assert cli("import", str(act_file), "--yes").exit_code == 0
    opened = compose(cli.db)
    order_id = opened.control.list_orders(OrderFilter()).rows[0].id
    opened.close()
    result = cli("comment", order_id[:8], "позвонили исполнителю")
    assert result.exit_code == 0, result.output
    opened = compose(cli.db)
    try:
        history = opened.control.get_order(order_id).history
        assert [entry.at.date() for entry in history] == [date(2024, 3, 1), date(2024, 3, 1)]
    finally:
        opened.close()


def test_a_wrong_tracker_today_is_one_russian_line(cli, act_file):
    cli.env["TRACKER_TODAY"] = "31.02.2024"
    result = cli("orders")
    assert result.exit_code == 1
    assert "TRACKER_TODAY" in result.output and "такой даты нет" in result.output


def test_the_desk_shows_the_day_tracker_today_fixes(monkeypatch):
    from cli.ui_cmd import fixed_today

    monkeypatch.setenv("TRACKER_TODAY", "04.12.2026")
    assert fixed_today() == date(2026, 12, 4)  # the desk's «Сегодня» and its lists, as the services count
    monkeypatch.delenv("TRACKER_TODAY")
    assert fixed_today() is None  # no fixed day: the desk follows the calendar past midnight
