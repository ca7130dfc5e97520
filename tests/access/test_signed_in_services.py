"""The composition root on the server database: a logged-in clerk gets services guarded for the role.

Every front end (CLI, desk, served desk) signs in through tracker.root, so these specs hold for
all of them: the checks are in the services, not in a screen.
"""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from tracker.access.accounts import AccountClosedError, Accounts, AuthenticationError
from tracker.access.policy import AccessDeniedError
from tracker.control.api import OrderFilter
from tracker.errors import NotFoundError
from tracker.root import Gate, compose, sign_in

NOW = datetime(2026, 11, 2, 10, 0)


@pytest.fixture
def region(pg_url):
    """Two organisations' orders and one account per role on a throwaway cluster."""
    setup = compose(pg_url, user="setup", clock=lambda: NOW)
    ours = setup.control.create_order(None, "1", "Провести совещание", ["Министерство образования"])
    theirs = setup.control.create_order(None, "2", "Подготовить план", ["Министерство здравоохранения"])
    accounts = Accounts(setup.store)
    accounts.add("admin", "администратор", "пароль-администратора")
    accounts.add("ivanova", "контролёр", "пароль-ивановой")
    accounts.add("minobr", "исполнитель", "пароль-минобра", executor_id=ours.assignments[0].executor_id)
    accounts.add("viewer", "наблюдатель", "пароль-наблюдателя")
    setup.close()
    opened = []

    def person(login: str, password: str):
        app = sign_in(pg_url, login, password, clock=lambda: NOW)
        opened.append(app)
        return app

    yield person, ours, theirs
    for app in opened:
        app.close()


def test_an_executor_can_neither_see_nor_change_another_organisations_order(region):
    person, ours, theirs = region
    minobr = person("minobr", "пароль-минобра").control
    assert [row.id for row in minobr.list_orders(OrderFilter(), limit=None).rows] == [ours.id]
    for attempt in (lambda: minobr.order_card(theirs.id), lambda: minobr.get_order(theirs.id),
                    lambda: minobr.report_received(theirs.id, text="чужой"), lambda: minobr.comment(theirs.id, "x")):
        with pytest.raises(NotFoundError):
            attempt()


def test_an_executor_files_its_report_and_cannot_accept_it(region):
    person, ours, _ = region
    minobr = person("minobr", "пароль-минобра").control
    minobr.report_received(ours.id, text="письмо № 5")
    with pytest.raises(AccessDeniedError):
        minobr.accept(ours.id)
    assert str(person("admin", "пароль-администратора").control.get_order(ours.id).status) == "отчёт представлен"


def test_the_history_records_the_login_of_each_change(region):
    person, ours, _ = region
    person("minobr", "пароль-минобра").control.report_received(ours.id, text="письмо")
    person("ivanova", "пароль-ивановой").control.accept(ours.id)
    history = person("viewer", "пароль-наблюдателя").control.get_order(ours.id).history
    assert [entry.who for entry in history][-2:] == ["minobr", "ivanova"]


def test_an_observer_changes_nothing_in_any_service(region, tmp_path: Path):
    person, ours, _ = region
    viewer = person("viewer", "пароль-наблюдателя")
    for attempt in (lambda: viewer.control.comment(ours.id, "x"),
                    lambda: viewer.control.extend(ours.id, date(2030, 1, 1), "просьба"),
                    lambda: viewer.control.create_order(None, "3", "Новое", ["Министерство образования"]),
                    lambda: viewer.registry.preview_import(tmp_path / "реестр.csv"),
                    lambda: viewer.drafting.report(tmp_path / "отчёт.docx", date(2026, 1, 1), date(2026, 3, 31)),
                    lambda: viewer.drafting.answer_first_run({"name": "Чужая"}),
                    lambda: viewer.accounts.add("x-user", "администратор", "пароль-захватчика")):
        with pytest.raises(AccessDeniedError):
            attempt()
    assert viewer.registry.list_records().total == 0  # reading is allowed
    assert viewer.drafting.first_run_questions() == []  # the letterhead is the administrator's to set


def test_an_executor_has_no_registry_and_no_dashboard(region):
    person, _, _ = region
    minobr = person("minobr", "пароль-минобра")
    with pytest.raises(AccessDeniedError, match="Реестр"):
        minobr.registry.list_records()
    with pytest.raises(AccessDeniedError, match="Сводка"):
        minobr.control.dashboard()


def test_the_raw_store_is_not_handed_out_by_a_guarded_service(region):
    person, _, _ = region
    admin = person("admin", "пароль-администратора")
    for service in (admin.control, admin.registry, admin.drafting):
        with pytest.raises(AttributeError):
            service.store  # noqa: B018


def test_a_wrong_password_and_an_empty_server_are_refused_in_russian(region, pg_server):
    from pgcluster import drop_database, fresh_database

    person, _, _ = region
    with pytest.raises(AuthenticationError, match="Неверное имя пользователя или пароль"):
        person("ivanova", "не тот")
    empty = fresh_database(pg_server)
    try:
        gate = Gate(empty)
        try:
            assert not gate.has_accounts()
            with pytest.raises(AuthenticationError, match="tracker users add"):
                gate.log_in("admin", "пароль-администратора")
        finally:
            gate.close()
    finally:
        drop_database(pg_server, empty)


def test_an_open_session_ends_when_the_administrator_disables_its_account(region, pg_url):
    person, ours, _ = region
    ivanova = person("ivanova", "пароль-ивановой").control
    assert ivanova.sync() in (True, False)  # standing: the periodic look works
    admin = person("admin", "пароль-администратора")
    admin.accounts.set_disabled("ivanova")
    with pytest.raises(AccountClosedError, match="ivanova отключена администратором"):
        ivanova.sync()  # what the desk asks every few seconds
    with pytest.raises(AccountClosedError):
        ivanova.accept(ours.id)  # and no change under the old rights meanwhile


def test_an_open_session_ends_when_its_role_is_changed(region):
    person, ours, _ = region
    ivanova = person("ivanova", "пароль-ивановой").control
    admin = person("admin", "пароль-администратора")
    admin.store.table("users").update("ivanova", {"role": "наблюдатель"})  # no command yet: the raw change
    with pytest.raises(AccountClosedError, match="Роль или организация пользователя ivanova изменены"):
        ivanova.comment(ours.id, "под прежней ролью")
