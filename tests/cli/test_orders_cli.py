"""`tracker import|orders|show|report|done|return|extend|withdraw|comment|export|settings` end to end."""
from __future__ import annotations

import csv
import json

from cli_helpers import MINOBR, parsed_act


def imported(cli, act_file) -> dict[str, dict]:
    result = cli("import", str(act_file), "--yes")
    assert result.exit_code == 0, result.output
    listing = cli("orders", "--json")
    return {row["number"]: row for row in map(json.loads, listing.stdout.splitlines())}


def test_import_shows_what_it_found_and_puts_orders_on_control(cli, act_file):
    result = cli("import", str(act_file), "--yes")
    assert result.exit_code == 0, result.output
    assert "Постановление № 1611-п от 15.01.2024" in result.output
    assert "п. 1: Министерство образования Иркутской области — срок: 01.02.2024" in result.output
    assert "поручений поставлено на контроль: 3" in result.output
    assert cli.db.exists()


def test_import_twice_adds_nothing(cli, act_file):
    cli("import", str(act_file), "--yes")
    again = cli("import", str(act_file), "--yes")
    assert again.exit_code == 0
    assert "уже загружен" in again.output
    assert len(cli("orders", "--json").stdout.splitlines()) == 3


def test_dry_run_writes_nothing(cli, act_file):
    result = cli("import", str(act_file), "--dry-run")
    assert "Пробный прогон" in result.output and "поручений 3" in result.output
    assert cli("orders").output.strip() == "Поручений по этому отбору нет."


def test_import_asks_before_writing(cli, act_file):
    refused = cli("import", str(act_file), input="н\n")
    assert "Отменено" in refused.output
    agreed = cli("import", str(act_file), input="д\n")
    assert "поручений поставлено на контроль: 3" in agreed.output


def test_a_folder_with_a_bad_file_imports_the_good_ones_and_fails_the_bad(cli, tmp_path, acts):
    folder = tmp_path / "acts"
    folder.mkdir()
    good = folder / "good.txt"
    good.write_text("акт", encoding="utf-8")
    acts["good.txt"] = parsed_act(str(good))
    (folder / "empty.docx").write_bytes(b"")
    result = cli("import", str(folder), "--yes")
    assert result.exit_code == 1
    assert "ошибка:" in result.output
    assert "поручений поставлено на контроль: 3" in result.output
    assert "ошибок: 1" in result.output


def test_orders_filters(cli, act_file):
    rows = imported(cli, act_file)
    assert set(rows) == {"1", "2", "3"}
    overdue = [json.loads(x)["number"] for x in cli("orders", "--overdue", "--json").stdout.splitlines()]
    assert overdue == ["1"]
    within = [json.loads(x)["number"] for x in cli("orders", "--due-within", "31", "--json").stdout.splitlines()]
    assert within == ["2", "3"]  # both 01.04.2024: the quarter ends on Sunday 31.03, due the next working day
    by_executor = cli("orders", "--executor", "здравоохранения", "--json").stdout.splitlines()
    assert [json.loads(x)["number"] for x in by_executor] == ["2", "3"]
    assert "Всего: 1" in cli("orders", "--text", "Совещание").output
    assert cli("orders", "--act", "1611-п", "--json").stdout.count("\n") == 3
    assert [json.loads(x)["number"] for x in cli("orders", "--status", "просрочено", "--json").stdout.splitlines()] == ["1"]
    table = cli("orders")
    assert "ПРОСРОЧЕНО" in table.output and "Всего: 3" in table.output


def test_unknown_filters_fail_in_russian(cli, act_file):
    imported(cli, act_file)
    result = cli("orders", "--status", "непонятно")
    assert result.exit_code == 1 and "Статус «непонятно» неизвестен" in result.output
    assert "не найден" in cli("orders", "--executor", "Минфин").output


def test_the_order_workflow_from_report_to_done(cli, act_file):
    rows = imported(cli, act_file)
    short = rows["1"]["short_id"]
    assert "Отчёт отмечен" in cli("report", short, "--text", "письмо № 5").output
    back = cli("return", short, "--reason", "нет приложения")
    assert "«на доработке»" in back.output
    cli("report", short)
    done = cli("done", short, "--date", "02.03.2024")
    assert "«исполнено»" in done.output
    card = cli("show", short).output
    assert "Статус: исполнено" in card
    assert "Возвращено на доработку" in card and "нет приложения" in card
    assert "Е.А. Терпугова" in card


def test_done_without_a_report_is_refused(cli, act_file):
    rows = imported(cli, act_file)
    result = cli("done", rows["1"]["short_id"])
    assert result.exit_code == 1
    assert "Нельзя принять исполнение" in result.output


def test_per_executor_report_and_accept(cli, act_file):
    rows = imported(cli, act_file)
    short = rows["2"]["short_id"]
    cli("report", short, "--executor", "образования")
    cli("done", short, "--executor", "образования")
    card = cli("show", short).output
    assert "Статус: на исполнении" in card
    assert f"{MINOBR} (Е.А. Терпугова)" not in card  # the person belongs to order 1 only
    assert "— исполнено; отчёт 01.03.2024; исполнено 01.03.2024" in card
    assert "— на исполнении" in card  # the other executor has not reported


def test_extend_withdraw_and_comment(cli, act_file):
    rows = imported(cli, act_file)
    short = rows["1"]["short_id"]
    too_early = cli("extend", short, "--to", "01.01.2024", "--reason", "просьба")
    assert too_early.exit_code == 1 and "позже текущего" in too_early.output
    bad_date = cli("extend", short, "--to", "1 мая", "--reason", "просьба")
    assert bad_date.exit_code == 1 and "ДД.ММ.ГГГГ" in bad_date.output
    moved = cli("extend", short, "--to", "01.05.2024", "--reason", "просьба исполнителя", "--basis", "письмо № 7")
    assert moved.exit_code == 0 and "01.05.2024" in moved.output
    assert cli("orders", "--overdue", "--json").stdout == ""
    cli("comment", short, "звонили")
    withdrawn = cli("withdraw", short, "--reason", "утратило актуальность")
    assert "снято с контроля" in withdrawn.output
    card = cli("show", short).output
    assert "перенос 01.02.2024 → 01.05.2024: просьба исполнителя, основание: письмо № 7" in card
    assert "Комментарий: звонили" in card and "утратило актуальность" in card


def test_unknown_and_ambiguous_ids(cli, act_file):
    imported(cli, act_file)
    result = cli("show", "zzzzzz")
    assert result.exit_code == 1 and "не найдено" in result.output


def test_export_csv_opens_in_excel_and_xlsx_holds_every_order(cli, act_file, tmp_path):
    imported(cli, act_file)
    target = tmp_path / "out.csv"
    assert cli("export", "--csv", str(target)).exit_code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert lines[0][:3] == ["Код", "Акт", "№ пункта"] and len(lines) == 4
    book_path = tmp_path / "out.xlsx"
    assert cli("export", "--xlsx", str(book_path)).exit_code == 0
    from openpyxl import load_workbook

    sheet = load_workbook(book_path).active
    assert sheet.max_row == 4 and sheet["K2"].value == "Обеспечить размещение сведений"
    assert sheet["J2"].value == "Министерство образования Иркутской области: на исполнении"
    both = cli("export", "--csv", "a.csv", "--xlsx", "b.xlsx")
    assert both.exit_code == 1 and "ровно одно" in both.output


def test_settings_show_and_set(cli, act_file):
    imported(cli, act_file)
    assert "organisation.name = " in cli("settings", "show").output
    assert cli("settings", "set", "organisation.city", "г. Иркутск").exit_code == 0
    assert "organisation.city = г. Иркутск" in cli("settings", "show").output
    wrong = cli("settings", "set", "organisation.nothing", "x")
    assert wrong.exit_code == 1 and "нет настройки" in wrong.output


def test_a_new_version_of_the_act_is_reported(cli, act_file, tmp_path, acts):
    imported(cli, act_file)
    second = tmp_path / "p1611-v2.txt"
    second.write_text("ПОСТАНОВЛЕНИЕ № 1611-п (ред. 2)", encoding="utf-8")
    from datetime import date

    acts[second.name] = parsed_act(str(second), first_due=date(2024, 3, 15))
    result = cli("import", str(second), "--yes")
    assert "новая редакция 2" in result.output
    assert "Пункт 1: срок «01.02.2024» → «15.03.2024»" in result.output
    assert len(cli("orders", "--json").stdout.splitlines()) == 3


def test_every_command_has_russian_help(cli):
    for command in ("import", "orders", "show", "report", "done", "return", "extend", "withdraw",
                    "comment", "export", "settings"):
        text = cli(command, "--help").output
        assert "Использование:" in text and "Показать эту справку и выйти." in text, command
        assert "Usage" not in text and "Show this message" not in text and "Options" not in text, command
    top = cli("--help").output
    assert "Параметры:" in top and "Команды:" in top and "КОМАНДА" in top


def test_usage_errors_are_russian(cli):
    result = cli("extend", "abc")
    assert result.exit_code == 2
    assert "Ошибка: Не указан параметр '--to'." in result.output
    assert "Нет такой команды" in cli("nosuch").output


def test_an_act_named_by_its_number_wins_over_an_id_that_begins_with_those_digits():
    # ids are random hex: one in 256 begins with «66», and the clerk who typed «66» meant the number
    from types import SimpleNamespace

    from cli.orders_cmd import _act_id

    acts = [SimpleNamespace(id="66a0f1c2d3", number="300"), SimpleNamespace(id="0b1c2d3e4f", number="66")]
    service = SimpleNamespace(acts=lambda: acts)
    assert _act_id(service, "66") == "0b1c2d3e4f"  # type: ignore[arg-type]
    assert _act_id(service, "66a0") == "66a0f1c2d3"  # type: ignore[arg-type]
