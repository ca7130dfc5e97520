"""Issue 10, the control half: the desk tells the truth on the founding acts, today fixed at 04.12.2026.

Findings 1, 2 (recurring orders: control points from the day put on control, the day inside the
period), 3 (relative terms get dates), 4 (co-executors), 7 (amendments reach the amended act).
The acts are in tests/cli/founding_acts: copies of the founding acts of shared/corpus/dev and a
labelled stand-in for № 66 of 14.02.2020 (which seed 004 amends).
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from cli_helpers import Cli

from parsers.model import Deadline, DocumentInfo, ExtractedOrder, ParseResult, Party
from tracker.clock import fixed_day
from tracker.root import compose

ACTS = Path(__file__).parent / "founding_acts"
SEED_000 = ACTS / "000_bf32ea6260cf39eb.txt"  # перечень поручений of 01.08.2023 (Иркутская область)
SEED_002 = ACTS / "002_074e3d91da4f5710.txt"  # № 1611-п of 30.06.2023 (Обнинск)
SEED_004 = ACTS / "004_a6d3e35d7c4f5618.txt"  # № 171 of 31.03.2022, amends № 66 of 14.02.2020
FIXTURE_066 = ACTS / "066_fixture_not_a_real_act.txt"
TODAY = date(2026, 12, 4)


@pytest.fixture
def desk(tmp_path) -> Cli:
    return Cli(tmp_path / "base" / "tracker.db", today="04.12.2026")


def rows(desk: Cli, *args: str) -> list[dict]:
    result = desk("orders", "--json", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def by_number(desk: Cli, act: str) -> dict[str, dict]:
    return {row["number"]: row for row in rows(desk, "--act", act)}


def imported(desk: Cli, *paths: Path, extra: tuple[str, ...] = ()) -> str:
    result = desk("import", "--yes", *extra, *map(str, paths))
    assert result.exit_code == 0, result.output
    return result.output


def control(desk: Cli):
    return compose(desk.db, clock=fixed_day(TODAY)).control


# -- findings 1 and 2: recurring orders -------------------------------------------------------------
def test_overdue_lists_only_dated_orders_whose_date_has_passed_and_no_recurring_one(desk):
    imported(desk, SEED_000, SEED_002, SEED_004)
    overdue = rows(desk, "--overdue")
    assert sorted(row["number"] for row in overdue) == ["1.1", "3", "4.1", "4.2", "5", "6"]  # all of 000
    for row in overdue:
        assert row["due"] is not None and date.fromisoformat(row["due"]) < TODAY
        assert row["deadline"][:2].isdigit()  # a date, not «ежеквартально»
    every = rows(desk, "--limit", "0")
    recurring = [row for row in every if row["deadline"] in {"ежеквартально", "постоянно"}
                 or row["deadline"].startswith("норма")]
    assert len(recurring) == 4 and not any(row["overdue"] for row in recurring)


def test_a_quarterly_order_is_due_after_the_first_quarter_it_was_on_control(desk):
    imported(desk, SEED_002)
    orders = by_number(desk, "1611-п")
    # Q4 2026 ends on 31.12.2026, a day off (moved from 04.01): due the next working day, 11.01.2027
    assert orders["1"]["due"] == "2027-01-11" and orders["1"]["days_left"] == 38
    assert orders["2.5"]["due"] == "2027-01-11"


def test_a_posting_norm_is_never_a_deadline(desk):
    imported(desk, SEED_002)
    norm = by_number(desk, "1611-п")["2.2"]  # «не менее 3 (трех) информационных материалов в неделю»
    assert norm["due"] is None and not norm["overdue"]
    assert norm["deadline"].startswith("норма: не менее 3")


def test_permanent_orders_are_never_overdue_and_can_be_listed_apart(desk):
    imported(desk, SEED_000)
    permanent = rows(desk, "--permanent")
    assert [row["number"] for row in permanent] == ["1.2"]
    assert permanent[0]["permanent"] and not permanent[0]["overdue"] and permanent[0]["due"] is None


def test_catching_up_history_on_purpose_from_a_date_the_clerk_gives(desk):
    imported(desk, SEED_002, extra=("--since", "01.01.2026"))
    orders = by_number(desk, "1611-п")
    # the first quarter of 2026 ended on 31.03.2026: unreported since then
    assert orders["1"]["due"] == "2026-03-31" and orders["1"]["overdue"]


def test_each_period_is_accepted_on_its_own_and_a_missed_one_stays_overdue(desk):
    imported(desk, SEED_002, extra=("--since", "01.01.2026"))
    order_id = by_number(desk, "1611-п")["2.5"]["id"]
    assert desk("report", order_id, "--text", "за III квартал").exit_code == 0
    done = desk("done", order_id, "--point", "30.09.2026")  # the third quarter, not the first
    assert done.exit_code == 0, done.output
    card = desk("show", order_id).output
    assert "Не приняты контрольные точки: 31.03.2026, 30.06.2026" in card
    assert "Приняты контрольные точки: 30.09.2026" in card
    assert by_number(desk, "1611-п")["2.5"]["due"] == "2026-03-31"  # the earliest open period
    assert by_number(desk, "1611-п")["2.5"]["overdue"]


# -- finding 3: relative terms -----------------------------------------------------------------------
SIGNED = """ПРАВИТЕЛЬСТВО ИРКУТСКОЙ ОБЛАСТИ

ПОСТАНОВЛЕНИЕ

20 января 2026 года                                    № 15-пп

Иркутск

Об организации работы официальных страниц

Правительство Иркутской области ПОСТАНОВЛЯЕТ:

1. Министерству образования Иркутской области в течение 5 рабочих дней со дня подписания настоящего постановления назначить ответственных за ведение официальных страниц.

Губернатор Иркутской области                                  И.И. Кобзев
"""


def signed_act() -> ParseResult:
    """What the parser gives for SIGNED (the term is the point here, not the extraction)."""
    words = "в течение 5 рабочих дней со дня подписания настоящего постановления"
    order = ExtractedOrder("1", None, "назначить ответственных за ведение официальных страниц", (0, 10),
                           [Party("Министерству образования Иркутской области",
                                  "Министерство образования Иркутской области")],
                           deadline=Deadline(text=words, relative=words), confidence=0.9)
    return ParseResult(source="15-пп.txt", format="txt", text=SIGNED,
                       document=DocumentInfo(kind="постановление", number="15-пп", date=date(2026, 1, 20),
                                             issuer="Правительство Иркутской области", title="Об организации"),
                       orders=[order])


def test_a_term_from_the_signing_gets_its_date_on_import(desk, acts, tmp_path):
    acts["15-пп.txt"] = signed_act()
    path = tmp_path / "15-пп.txt"
    path.write_text(SIGNED, encoding="utf-8")
    imported(desk, path)
    order = by_number(desk, "15-пп")["1"]
    assert order["due"] == "2026-01-27"  # 20.01.2026 + 5 working days
    assert order["overdue"] and not order["needs_date"]


def test_a_term_from_another_event_waits_in_the_needs_date_list_until_the_clerk_dates_it(desk):
    imported(desk, FIXTURE_066, SEED_004)
    waiting = rows(desk, "--needs-date")
    assert sorted(row["number"] for row in waiting) == ["3", "4"]  # «в течение 3 рабочих дней с даты их создания»
    assert "НУЖНА ДАТА" in desk("orders").output
    assert control(desk).dashboard().needs_date == 2
    anchored = desk("anchor", waiting[0]["id"], "--date", "30.04.2026")
    assert anchored.exit_code == 0, anchored.output
    assert [row["number"] for row in rows(desk, "--needs-date")] == [waiting[1]["number"]]
    dated = next(row for row in rows(desk) if row["id"] == waiting[0]["id"])
    assert dated["due"] == "2026-05-06"  # 01.05 holiday, 02–03.05 weekend: 04, 05, 06.05 are the 3 working days


# -- finding 4: co-executors ---------------------------------------------------------------------------
def test_a_co_executor_keeps_the_order_open_and_its_report_is_taken(desk):
    imported(desk, SEED_000)
    order_id = next(r for r in rows(desk) if r["number"] == "1.1")["id"]  # press service + «Диалог»
    assert desk("report", order_id, "--executor", "пресс-службы", "--text", "размещено").exit_code == 0
    closed_part = desk("done", order_id, "--executor", "пресс-службы")
    assert closed_part.exit_code == 0, closed_part.output
    assert "«на исполнении»" in closed_part.output  # the co-executor «Диалог» has not reported
    states = {p["coexecutor"]: p["status"] for p in next(r for r in rows(desk) if r["id"] == order_id)["parts"]}
    assert states == {False: "исполнено", True: "на исполнении"}
    report = desk("report", order_id, "--executor", "Диалог", "--text", "материалы подготовлены")
    assert report.exit_code == 0, report.output
    assert desk("done", order_id, "--executor", "Диалог").output.rstrip().endswith("«исполнено».")
    card = desk("show", order_id).output
    assert card.count("— исполнено") == 2


def test_the_status_rule_is_in_the_help_of_done_and_report(desk):
    for command in ("done", "report"):
        text = " ".join(desk(command, "--help").output.split())
        assert "когда принято исполнение каждого его исполнителя" in text
        assert "соисполнителя" in text


def test_the_export_shows_each_executors_state(desk, tmp_path):
    imported(desk, SEED_000)
    target = tmp_path / "orders.xlsx"
    assert desk("export", "--xlsx", str(target)).exit_code == 0
    from openpyxl import load_workbook

    sheet = load_workbook(target).active
    header = [cell.value for cell in sheet[1]]
    column = header.index("Исполнители: состояние части")
    cells = [row[column].value for row in sheet.iter_rows(min_row=2)]
    assert any("(соисполнитель): на исполнении" in (cell or "") for cell in cells)


# -- finding 7: amendments ------------------------------------------------------------------------------
def amended_act_is_reworded(desk: Cli) -> None:
    orders = by_number(desk, "66")
    assert sorted(orders) == ["2", "2-1", "3", "4"]  # 2-1 added by № 171
    assert "Департамент информационной политики" in orders["2"]["executors"]
    assert "Главное управление" not in orders["2"]["executors"]
    assert by_number(desk, "171") == {}  # the same duties are not put on control twice
    history = desk("show", orders["2"]["id"]).output
    assert "Новая редакция пункта 2" in history and "основание: Постановление № 171 от 31.03.2022" in history


def test_an_amending_act_rewords_the_orders_of_the_act_on_control(desk):
    imported(desk, FIXTURE_066)
    preview = desk("import", "--dry-run", str(SEED_004)).output
    assert "изменяет акт Постановление № 66 от 14.02.2020: пункт 2 — новая редакция" in preview
    assert "пункт 2-1 — новый пункт" in preview
    imported(desk, SEED_004)
    amended_act_is_reworded(desk)


def test_amendments_imported_first_are_applied_when_the_amended_act_arrives(desk):
    first = imported(desk, SEED_004)
    assert "которого нет на контроле" in first
    imported(desk, FIXTURE_066)
    amended_act_is_reworded(desk)


def test_the_amending_act_in_a_second_file_puts_none_of_its_quoted_items_on_control(desk, tmp_path):
    imported(desk, SEED_004)
    other_file = tmp_path / "171 (другой файл).txt"  # the same act as its .pdf beside the .docx: other bytes
    other_file.write_text(SEED_004.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    output = imported(desk, other_file)
    assert "этот акт уже загружен, изменений нет" in output
    assert by_number(desk, "171") == {}
    imported(desk, FIXTURE_066)
    amended_act_is_reworded(desk)


def test_a_repealed_item_is_withdrawn_with_the_amending_act_as_basis(desk, tmp_path):
    imported(desk, FIXTURE_066)
    repeal = tmp_path / "repeal.txt"
    repeal.write_text(
        "ПРАВИТЕЛЬСТВО\nКЕМЕРОВСКОЙ ОБЛАСТИ - КУЗБАССА\n\nПОСТАНОВЛЕНИЕ\n\nот 1 июня 2022 г. № 300\n\n"
        "О внесении изменения в постановление Правительства Кемеровской области – Кузбасса от 14.02.2020 №66 "
        "«Об обеспечении создания и ведения аккаунтов»\n\nПравительство Кемеровской области - Кузбасса "
        "п о с т а н о в л я е т:\n\n1. Пункт 4 постановления Правительства Кемеровской области – Кузбасса "
        "от 14.02.2020 №66 признать утратившим силу.\n\nГубернатор\nКемеровской области – Кузбасса\n\nС.Е. Цивилев\n",
        encoding="utf-8")
    output = imported(desk, repeal)
    assert "пункт 4 — утратил силу" in output
    item = by_number(desk, "66")["4"]
    assert item["status"] == "снято с контроля"
    assert "признан утратившим силу: Постановление № 300 от 01.06.2022" in desk("show", item["id"]).output
