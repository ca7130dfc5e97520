"""`tracker users`: the accounts of a server database, kept by its администратор."""
from __future__ import annotations

import re

import pytest
from server_users import ADMIN_PASSWORD, add_user, as_user, first_admin, rows, server_cli


@pytest.fixture
def server(tmp_path, pg_url):
    return server_cli(tmp_path, pg_url)


def test_the_first_administrator_is_added_without_logging_in_and_then_keeps_the_accounts(server):
    admin = first_admin(server)
    assert add_user(admin, "petrov", "наблюдатель", "пароль-петрова", "--name", "Петров П.П.").exit_code == 0
    listed = admin("users", "list")
    assert listed.exit_code == 0, listed.output
    lines = listed.output.splitlines()
    assert re.fullmatch(r"admin \(Администратор ЦУР\): администратор; вход \d\d\.\d\d\.\d{4} \d\d:\d\d", lines[0])
    assert lines[1:] == ["petrov (Петров П.П.): наблюдатель; не входил", "Всего: 2"]


def test_only_an_administrator_may_come_first(server):
    server.env["TRACKER_NEW_PASSWORD"] = "пароль-контролёра"
    refused = server("users", "add", "ivanova", "--role", "контролёр")
    assert refused.exit_code == 1 and "первой добавьте администратора" in refused.output


def test_once_accounts_exist_adding_one_needs_the_administrator(server):
    first_admin(server)
    nobody = as_user(server, None)
    nobody.env["TRACKER_NEW_PASSWORD"] = "пароль-захватчика"
    refused = nobody("users", "add", "intruder", "--role", "администратор")
    assert refused.exit_code == 1 and "нужно войти" in refused.output and "TRACKER_USER" in refused.output
    admin = as_user(server, "admin", ADMIN_PASSWORD)
    assert add_user(admin, "viewer", "наблюдатель", "пароль-наблюдателя").exit_code == 0
    viewer = as_user(server, "viewer", "пароль-наблюдателя")
    viewer.env["TRACKER_NEW_PASSWORD"] = "пароль-захватчика"
    refused = viewer("users", "add", "intruder", "--role", "администратор")
    assert refused.exit_code == 1 and "«наблюдатель»" in refused.output and "учётные записи" in refused.output
    assert "intruder" not in admin("users", "list").output


def test_passwords_are_typed_twice_without_echo(server):
    admin = first_admin(server)
    added = admin("users", "add", "petrov", "--role", "наблюдатель", input="пароль-петрова\nпароль-петрова\n")
    assert added.exit_code == 0, added.output
    assert "пароль-петрова" not in added.output
    mismatch = admin("users", "add", "sidorov", "--role", "наблюдатель", input="пароль-один\nпароль-два\n")
    assert mismatch.exit_code == 1 and "Пароли не совпали" in mismatch.output


def test_anyone_changes_their_own_password_and_only_the_administrator_anothers(server):
    admin = first_admin(server)
    add_user(admin, "petrov", "наблюдатель", "пароль-петрова")
    add_user(admin, "sidorov", "наблюдатель", "пароль-сидорова")
    petrov = as_user(server, "petrov", "пароль-петрова")
    petrov.env["TRACKER_NEW_PASSWORD"] = "новый-пароль-петрова"
    assert petrov("users", "passwd", "petrov").exit_code == 0
    assert petrov("users", "passwd", "sidorov").exit_code == 1
    assert as_user(server, "petrov", "новый-пароль-петрова")("orders").exit_code == 0
    assert as_user(server, "petrov", "пароль-петрова")("orders").exit_code == 1


def test_disable_and_enable_an_account_and_never_the_last_administrator(server):
    admin = first_admin(server)
    add_user(admin, "petrov", "наблюдатель", "пароль-петрова")
    disabled = admin("users", "disable", "petrov")
    assert disabled.exit_code == 0 and "ОТКЛЮЧЕНА" in disabled.output
    assert "petrov: наблюдатель; не входил — ОТКЛЮЧЕНА" in admin("users", "list").output
    assert as_user(server, "petrov", "пароль-петрова")("orders").exit_code == 1
    assert admin("users", "enable", "petrov").exit_code == 0
    assert as_user(server, "petrov", "пароль-петрова")("orders").exit_code == 0
    last = admin("users", "disable", "admin")
    assert last.exit_code == 1 and "единственный действующий администратор" in last.output


def test_an_executor_account_names_its_organisation(tmp_path, server, act_file):
    admin = first_admin(server)
    assert admin("import", str(act_file), "--yes").exit_code == 0
    added = add_user(admin, "minobr", "исполнитель", "пароль-минобра", "--executor", "образования")
    assert added.exit_code == 0, added.output
    assert "организация: Министерство образования Иркутской области" in added.output
    unknown = add_user(admin, "x-org", "исполнитель", "пароль-неизвестной", "--executor", "Минобороны")
    assert unknown.exit_code == 1 and "не найдена" in unknown.output
    missing = add_user(admin, "y-org", "исполнитель", "пароль-без-организации")
    assert missing.exit_code == 1 and "нужна организация" in missing.output


def test_a_file_database_has_no_accounts(cli):
    refused = cli("users", "list")
    assert refused.exit_code == 1 and "только у базы на сервере" in refused.output


def test_the_list_shows_each_accounts_last_login_and_the_wrong_passwords_since(server):
    admin = first_admin(server)
    add_user(admin, "petrov", "наблюдатель", "пароль-петрова")
    assert as_user(server, "petrov", "пароль-петрова")("orders").exit_code == 0
    for _ in range(2):
        assert as_user(server, "petrov", "подбираемый")("orders").exit_code == 1
    petrov = next(line for line in admin("users", "list").output.splitlines() if line.startswith("petrov"))
    assert re.fullmatch(r"petrov: наблюдатель; вход \d\d\.\d\d\.\d{4} \d\d:\d\d; "
                        r"неверных паролей подряд: 2 \(последний \d\d\.\d\d\.\d{4} \d\d:\d\d\)", petrov), petrov


def test_an_organisation_with_no_orders_yet_is_added_with_its_first_account(server, act_file):
    admin = first_admin(server)
    unknown = add_user(admin, "minobr", "исполнитель", "пароль-минобра", "--executor",
                       "Министерство образования Иркутской области")
    assert unknown.exit_code == 1 and "--new-executor" in unknown.output
    added = add_user(admin, "minobr", "исполнитель", "пароль-минобра", "--executor",
                     "Министерство образования Иркутской области", "--new-executor")
    assert added.exit_code == 0, added.output
    assert "организация: Министерство образования Иркутской области" in added.output
    assert admin("import", str(act_file), "--yes").exit_code == 0
    minobr = as_user(server, "minobr", "пароль-минобра")
    mine = rows(minobr)
    assert mine and all(any(part["name"] == "Министерство образования Иркутской области" for part in row["parts"])
                        for row in mine)
