"""Roles on the server database through the CLI: each person sees and changes only what the role allows.

The prepared act has three orders: 1 to Минобразования, 2 to Минобразования and Минздрав, 3 to
Минздрав. An исполнитель of Минздрав works with orders 2 and 3 only; a наблюдатель reads.
"""
from __future__ import annotations

import pytest
from server_users import add_user, as_user, first_admin, rows, server_cli


@pytest.fixture
def region(tmp_path, act_file, pg_url):
    """The server database with the act imported by the администратор and one account per role."""
    admin = first_admin(server_cli(tmp_path, pg_url))
    imported = admin("import", str(act_file), "--yes")
    assert imported.exit_code == 0, imported.output
    assert add_user(admin, "minzdrav", "исполнитель", "пароль-минздрава", "--executor",
                    "Министерство здравоохранения").exit_code == 0
    assert add_user(admin, "viewer", "наблюдатель", "пароль-наблюдателя").exit_code == 0
    assert add_user(admin, "ivanova", "контролёр", "пароль-ивановой").exit_code == 0
    orders = {row["number"]: row["id"][:8] for row in rows(admin)}
    return admin, orders


def test_an_executor_sees_only_the_orders_addressed_to_its_organisation(region):
    admin, orders = region
    minzdrav = as_user(admin, "minzdrav", "пароль-минздрава")
    assert sorted(row["number"] for row in rows(minzdrav)) == ["2", "3"]
    other = minzdrav("orders", "--executor", "Министерство образования")
    assert other.exit_code == 1 and "не найден" in other.output  # another organisation is not offered
    foreign = minzdrav("show", orders["1"])
    assert foreign.exit_code == 1
    assert "не найдено" in foreign.output and "Обеспечить размещение" not in foreign.output


def test_an_executor_cannot_change_another_organisations_order(region):
    admin, orders = region
    minzdrav = as_user(admin, "minzdrav", "пароль-минздрава")
    for attempt in (("report", orders["1"], "--text", "чужой отчёт"), ("comment", orders["1"], "чужое")):
        refused = minzdrav(*attempt)
        assert refused.exit_code == 1 and "не найдено" in refused.output
    assert "чужой отчёт" not in admin("show", orders["1"]).output


def test_an_executor_reports_on_its_order_but_cannot_accept_its_own_report(region):
    admin, orders = region
    minzdrav = as_user(admin, "minzdrav", "пароль-минздрава")
    reported = minzdrav("report", orders["3"], "--text", "письмо от 01.03.2024 № 5")
    assert reported.exit_code == 0, reported.output
    refused = minzdrav("done", orders["3"])
    assert refused.exit_code == 1
    assert refused.output.strip().splitlines() == [
        "Ошибка: Роль «исполнитель» пользователя minzdrav не даёт права: решения по поручениям "
        "(приёмка исполнения). Обратитесь к администратору системы."]
    assert "отчёт представлен" in admin("show", orders["3"]).output


def test_history_records_the_login_of_whoever_made_each_change(region):
    admin, orders = region
    assert as_user(admin, "minzdrav", "пароль-минздрава")("report", orders["3"], "--text", "отчёт").exit_code == 0
    assert as_user(admin, "ivanova", "пароль-ивановой")("done", orders["3"]).exit_code == 0
    card = admin("show", orders["3"]).output
    assert " minzdrav: " in card and " ivanova: " in card
    assert " admin: " in card  # the import


def test_an_observer_reads_everything_and_changes_nothing(region):
    admin, orders = region
    viewer = as_user(admin, "viewer", "пароль-наблюдателя")
    assert len(rows(viewer)) == 3
    for attempt in (("comment", orders["1"], "замечание"), ("report", orders["1"]),
                    ("extend", orders["1"], "--to", "01.12.2030", "--reason", "просьба"),
                    ("settings", "set", "organisation.name", "Чужая организация")):
        refused = viewer(*attempt)
        assert refused.exit_code == 1, attempt
        assert "«наблюдатель»" in refused.output and "Traceback" not in refused.output
    assert "замечание" not in admin("show", orders["1"]).output


def test_a_controller_may_not_keep_the_settings_or_accounts(region):
    admin, _ = region
    ivanova = as_user(admin, "ivanova", "пароль-ивановой")
    refused = ivanova("settings", "set", "organisation.name", "Администрация")
    assert refused.exit_code == 1 and "«контролёр»" in refused.output
    assert ivanova("users", "list").exit_code == 1
    assert admin("settings", "set", "organisation.name", "Администрация").exit_code == 0


@pytest.mark.parametrize("login, password", [("minzdrav", "не тот пароль"), ("nobody", "пароль-минздрава")])
def test_a_wrong_password_gets_one_russian_line(region, login, password):
    admin, _ = region
    refused = as_user(admin, login, password)("orders")
    assert refused.exit_code == 1
    assert refused.output.strip().splitlines() == [
        "Ошибка: Неверное имя пользователя или пароль (или учётная запись отключена)."]


def test_a_disabled_account_cannot_log_in(region):
    admin, _ = region
    assert admin("users", "disable", "minzdrav").exit_code == 0
    refused = as_user(admin, "minzdrav", "пароль-минздрава")("orders")
    assert refused.exit_code == 1 and "отключена" in refused.output


def test_the_user_may_be_named_after_the_command_and_the_password_is_asked(region):
    admin, _ = region
    person = as_user(admin, None)
    listed = person("orders", "--user", "viewer", input="пароль-наблюдателя\n")
    assert listed.exit_code == 0, listed.output
    assert "Всего: 3" in listed.output
    assert "пароль-наблюдателя" not in listed.output  # typed without echo


def test_a_script_without_a_password_is_told_which_variable_to_set(region):
    admin, _ = region
    refused = as_user(admin, "viewer")("orders")
    assert refused.exit_code == 1
    assert "TRACKER_PASSWORD" in refused.output


def test_maintenance_needs_no_login(region):
    admin, _ = region
    checked = as_user(admin, None)("db", "check")
    assert checked.exit_code == 0, checked.output
    assert "users" in checked.output


def test_the_file_database_needs_no_account_and_ignores_user(cli, act_file):
    assert cli("import", str(act_file), "--yes", "--user", "кто-угодно").exit_code == 0
    shown = cli("-u", "кто-угодно", "orders")
    assert shown.exit_code == 0 and "Всего: 3" in shown.output
