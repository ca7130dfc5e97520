"""The desk on a known in-memory data set: navigation, filters, dialogs, help, palette, errors."""
from __future__ import annotations

from datetime import date

from textual.command import CommandPalette
from textual.widgets import Input, Select
from tui_fakes import FakeService, sample_service
from tui_helpers import SIZE, TODAY, column_values, label_text, notifications, type_text

from tracker.errors import ValidationError
from tui.app import make_app
from tui.dialogs.extend import ExtendDialog
from tui.screens.card import CardScreen
from tui.screens.dashboard import DashboardScreen
from tui.screens.help import HelpScreen, binding_sections
from tui.screens.orders import OrdersScreen
from tui.widgets.orders_table import OrdersTable


async def test_start_screen_is_the_dashboard_with_its_four_figures(fake_app):
    async with fake_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(fake_app.screen, DashboardScreen)
        assert label_text(fake_app, "#tile-on-control .value") == "10"
        assert label_text(fake_app, "#tile-overdue .value") == "3"
        assert "02.11.2026" in label_text(fake_app, "#dashboard-date")


async def test_overdue_key_on_the_dashboard_opens_the_filtered_table(fake_app):
    async with fake_app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(fake_app.screen, OrdersScreen)
        table = fake_app.screen.query_one(OrdersTable)
        assert table.row_count == 3
        assert all(value.startswith("! ") for value in column_values(table, 0))


async def test_typing_in_the_search_box_filters_at_once(fake_app):
    async with fake_app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("slash")
        await type_text(pilot, "Госпаблики")
        await pilot.pause()
        table = fake_app.screen.query_one(OrdersTable)
        assert table.row_count == 1
        assert "Найдено поручений: 1" in label_text(fake_app, "#orders-summary")


async def test_filter_by_executor_and_reset(fake_app, fake: FakeService):
    culture = next(e.id for e in fake.executors() if e.name == "Министерство культуры")
    async with fake_app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        fake_app.screen.query_one("#executor", Select).value = culture
        await pilot.pause()
        table = fake_app.screen.query_one(OrdersTable)
        assert set(column_values(table, 2)) == {"Министерство культуры"}
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert table.row_count == 10


async def test_the_table_loads_page_by_page():
    service = sample_service()
    act = service.acts()[1]
    for n in range(1000):
        service.add_order(act, str(100 + n), f"Поручение {n}", ["Министерство транспорта"],
                          date(2027, 1, 1))
    app = make_app(service, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        table = app.screen.query_one(OrdersTable)
        assert table.total == 1010
        assert table.row_count == OrdersTable.PAGE_SIZE
        table.move_cursor(row=table.row_count - 1)
        await pilot.pause()
        assert table.row_count == 2 * OrdersTable.PAGE_SIZE


async def test_extend_dialog_rejects_a_malformed_or_earlier_date(fake_app):
    async with fake_app.run_test(size=SIZE) as pilot:
        fake_app.open_card("o1")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = fake_app.screen
        assert isinstance(dialog, ExtendDialog)
        await type_text(pilot, "31.02.2027")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "такой даты нет" in label_text(fake_app, "#dialog-error")
        dialog.query_one("#new-date", Input).value = "01.09.2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "позже текущего" in label_text(fake_app, "#dialog-error")
        dialog.query_one("#new-date", Input).value = "01.12.2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "причину" in label_text(fake_app, "#dialog-error")
        assert isinstance(fake_app.screen, ExtendDialog)


async def test_a_service_error_becomes_a_russian_notification_not_a_crash(fake_app, fake: FakeService):
    def refuse(*args, **kwargs):
        raise ValidationError("Срок нельзя продлить: поручение снято с контроля")

    fake.extend = refuse  # type: ignore[method-assign]
    async with fake_app.run_test(size=SIZE) as pilot:
        fake_app.open_card("o1")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await type_text(pilot, "01.12.2026")
        fake_app.screen.query_one("#reason", Input).value = "просьба исполнителя"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(fake_app.screen, CardScreen)
        assert "Срок нельзя продлить: поручение снято с контроля" in notifications(fake_app)


async def test_a_store_failure_is_shown_by_its_message(fake_app, fake: FakeService):
    from tracker.errors import StorageError

    class DiskFull(StorageError):  # what a store failure is once the service boundary translated it
        pass

    def broken(*args, **kwargs):
        raise DiskFull("База данных занята другим процессом: повторите через минуту")

    fake.dashboard = broken  # type: ignore[method-assign]
    async with fake_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "База данных занята другим процессом: повторите через минуту" in notifications(fake_app)


async def test_withdraw_needs_a_reason_and_records_it(fake_app, fake: FakeService):
    async with fake_app.run_test(size=SIZE) as pilot:
        fake_app.open_card("o2")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "Укажите причину" in label_text(fake_app, "#dialog-error")
        await type_text(pilot, "утратило силу")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(fake_app.screen, CardScreen)
    assert fake.orders_by_id["o2"].withdrawn_reason == "утратило силу"


async def test_help_lists_every_key_with_a_russian_description(fake_app):
    async with fake_app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(fake_app.screen, HelpScreen)
        table = fake_app.screen.query_one("#help-keys")
        listed = table.row_count
    bindings = [b for title, section in binding_sections() for b in section
                if title not in ("Реестр", "Проекты документов") and "registry" not in b.action
                and "drafts" not in b.action]
    assert listed == len(bindings)  # no registry or drafting service given: their keys are left out
    assert all(any("а" <= ch.lower() <= "я" for ch in b.description) for b in bindings)


async def test_command_palette_offers_russian_commands(fake_app):
    async with fake_app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(fake_app)
        titles = [command.title for command in fake_app.get_system_commands(fake_app.screen)]
        assert "Просроченные поручения" in titles and "Импорт актов" in titles
        await type_text(pilot, "Акты")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert fake_app.current_mode == "acts"


def test_the_orders_list_says_when_executors_parts_differ_and_when_a_date_is_needed():
    from tracker.control.api import OrderRow, PartState
    from tracker.models import Status
    from tui.widgets.orders_table import status_cell

    def row(*parts: Status, needs_date: bool = False) -> OrderRow:
        return OrderRow(id="x", act_label="", number="1.1", executors="", due=None, deadline_text="—",
                        days_left=None, status=Status.ON_CONTROL, overdue=False, text="",
                        parts=tuple(PartState(f"e{i}", f"e{i}", i > 0, s) for i, s in enumerate(parts)),
                        needs_date=needs_date)

    assert status_cell(row(Status.DONE, Status.ON_CONTROL)) == "на исполнении, принято 1 из 2"
    assert status_cell(row(Status.ON_CONTROL, Status.ON_CONTROL)) == "на исполнении"
    assert status_cell(row(Status.DONE, Status.WITHDRAWN)) == "на исполнении"  # a withdrawn part does not count
    assert status_cell(row(Status.ON_CONTROL, needs_date=True)) == "нужна дата"


def test_the_orders_list_says_how_many_control_points_of_an_order_are_overdue():
    from tracker.control.api import OrderRow
    from tracker.models import Status
    from tui.widgets.orders_table import status_cell

    def row(points: int) -> OrderRow:
        return OrderRow(id="x", act_label="", number="2.5", executors="", due=None, deadline_text="ежеквартально",
                        days_left=-157, status=Status.ON_CONTROL, overdue=points > 0, text="",
                        overdue_points=points)

    assert status_cell(row(2)) == "на исполнении, просрочено точек: 2"  # two missed periods
    assert status_cell(row(1)) == "на исполнении"
