"""The desk on the server database: the login screen first, then only what the role may do."""
from __future__ import annotations

import asyncio
from datetime import datetime

import pytest
from textual.widgets import DataTable, Input
from tui_helpers import SIZE, TODAY, column_values, label_text, notifications, settle

from tracker.access.accounts import Accounts
from tracker.root import Gate, compose
from tui.app import make_app
from tui.screens.card import CardScreen
from tui.screens.dashboard import DashboardScreen
from tui.screens.login import LoginScreen
from tui.screens.orders import OrdersScreen

NOW = datetime(2026, 11, 2, 10, 0)


@pytest.fixture
def server(pg_url):
    """Two orders (Минобразования, Минздрав) and an account of each kind on a throwaway cluster."""
    setup = compose(pg_url, user="setup", clock=lambda: NOW)
    ours = setup.control.create_order(None, "1", "Провести совещание", ["Министерство образования"])
    setup.control.create_order(None, "2", "Подготовить план", ["Министерство здравоохранения"])
    accounts = Accounts(setup.store)
    accounts.add("ivanova", "контролёр", "пароль-ивановой", name="Иванова А.П.")
    accounts.add("minobr", "исполнитель", "пароль-минобра", executor_id=ours.assignments[0].executor_id)
    accounts.add("viewer", "наблюдатель", "пароль-наблюдателя")
    setup.close()
    gate = Gate(pg_url, clock=lambda: NOW)
    yield gate
    gate.close()


async def log_in(pilot, login: str, password: str) -> None:
    app = pilot.app
    app.screen.query_one("#login-user", Input).value = login
    app.screen.query_one("#login-password", Input).focus()
    app.screen.query_one("#login-password", Input).value = password
    await pilot.press("enter")
    await settle(pilot)


def table_numbers(app) -> list[str]:
    table = app.screen.query_one("#orders-table", DataTable)
    texts = [" ".join(str(cell) for cell in table.get_row_at(row)) for row in range(table.row_count)]
    return sorted("1" if "совещание" in text else "2" for text in texts)


async def test_a_wrong_password_is_said_in_russian_and_a_right_one_opens_the_desk(server):
    app = make_app(None, today=TODAY, log_in=server.log_in)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, LoginScreen)
        await pilot.press("f3")  # nothing opens before the login
        assert isinstance(app.screen, LoginScreen)
        await log_in(pilot, "ivanova", "не тот пароль")
        assert isinstance(app.screen, LoginScreen)
        assert "Неверное имя пользователя или пароль" in label_text(app, "#login-error")
        assert app.screen.query_one("#login-password", Input).value == ""
        await log_in(pilot, "ivanova", "пароль-ивановой")
        assert isinstance(app.screen, DashboardScreen)
        assert "Иванова А.П." in app.sub_title
        await pilot.press("f3")
        await settle(pilot)
        assert table_numbers(app) == ["1", "2"]


async def test_an_executor_sees_only_its_orders_and_cannot_accept(server):
    app = make_app(None, today=TODAY, log_in=server.log_in)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "minobr", "пароль-минобра")
        assert isinstance(app.screen, OrdersScreen)  # no dashboard of everyone's figures
        assert table_numbers(app) == ["1"]
        assert app.check_action("section", ("dashboard",)) is False
        assert app.check_action("import_acts", ()) is False
        assert "registry" not in app._modes and "drafts" not in app._modes
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CardScreen)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, CardScreen)  # no dialog opened
        assert any("«исполнитель» не даёт права: приёмка исполнения" in note for note in notifications(app))
        await pilot.press("f1")
        await settle(pilot)
        described = column_values(app.screen.query_one("#help-keys", DataTable), 2)
        assert "Поручения" in described and "Сводка" not in described and "Импорт" not in described


async def test_an_observer_reads_and_is_told_it_may_not_change(server):
    app = make_app(None, today=TODAY, log_in=server.log_in)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "viewer", "пароль-наблюдателя")
        await pilot.press("f3")
        await settle(pilot)
        assert table_numbers(app) == ["1", "2"]
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CardScreen)
        assert any("«наблюдатель» не даёт права: комментарий" in note for note in notifications(app))
        assert app.check_action("import_acts", ()) is False


async def test_the_desk_of_a_disabled_account_says_so_and_ends(server, pg_url, monkeypatch):
    monkeypatch.setattr("tui.app.CLOSE_SESSION_SECONDS", 0.1)
    app = make_app(None, today=TODAY, log_in=server.log_in)
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "ivanova", "пароль-ивановой")
        assert isinstance(app.screen, DashboardScreen)
        said: list[str] = []
        ended: list[str | None] = []
        monkeypatch.setattr(app, "notify", lambda message, **options: said.append(message))
        real_exit = app.exit
        monkeypatch.setattr(app, "exit", lambda *args, message=None, **options: ended.append(message))
        admin = compose(pg_url, user="admin", clock=lambda: NOW)
        Accounts(admin.store).set_disabled("ivanova")
        admin.close()
        assert app.pick_up_changes() is False  # what the desk's 3-second timer calls
        app.pick_up_changes()  # a second tick before the end says nothing more
        await asyncio.sleep(0.5)
        monkeypatch.setattr(app, "exit", real_exit)
    assert said == ["Учётная запись ivanova отключена администратором: сеанс закрыт. Рабочее место закроется."]
    assert ended == ["Учётная запись ivanova отключена администратором: сеанс закрыт."]
