"""Terms read from the act's words: the day inside a recurring period, posting norms, and
relative terms counted from the act itself, dated on the production calendar (2020–2027)."""
from datetime import date

import pytest

from tracker import amendments
from tracker.amendments import Step, plan, ref_key, repealed
from tracker.deadlines import (
    build_deadline,
    current_due,
    describe,
    event_is_the_act,
    needs_date,
    relative_due,
)
from tracker.models import DeadlineKind, Recurrence
from tracker.schedule import PointRule, is_posting_norm, read_point_rule, term_clause

PUT_ON_CONTROL = date(2026, 12, 4)


@pytest.mark.parametrize(("recurrence", "words", "rule"), [
    (Recurrence.MONTHLY, "ежемесячно, до 5 числа месяца, следующего за отчётным", PointRule(5, 1)),
    (Recurrence.MONTHLY, "ежемесячно до 25 числа", PointRule(25, 0)),
    (Recurrence.QUARTERLY, "ежеквартально, не позднее 10 числа месяца, следующего за отчётным кварталом",
     PointRule(10, 1)),
    (Recurrence.QUARTERLY, "ежеквартально до 20-го числа последнего месяца квартала", PointRule(20, 0)),
    (Recurrence.QUARTERLY, "ежеквартально до 5 числа", PointRule(5, 1)),
    (Recurrence.YEARLY, "ежегодно до 1 февраля", PointRule(1, 2)),
    (Recurrence.YEARLY, "ежегодно, не позднее 15 января года, следующего за отчетным", PointRule(15, 1)),
    (Recurrence.YEARLY, "ежегодно до 1 декабря", PointRule(1, 12)),
    (Recurrence.WEEKLY, "еженедельно, по пятницам", PointRule(5)),
    (Recurrence.WEEKLY, "еженедельно по понедельникам", PointRule(1)),
    (Recurrence.HALF_YEARLY, "один раз в полгода", PointRule()),
    (Recurrence.QUARTERLY, "ежеквартально", PointRule()),
])
def test_the_day_inside_the_period_comes_from_the_words(recurrence, words, rule):
    assert read_point_rule(recurrence, words) == rule


@pytest.mark.parametrize(("words", "recurrence", "first_point"), [
    # November's report by 05.12.2026, a Saturday -> Monday 07.12
    ("ежемесячно, до 5 числа месяца, следующего за отчётным", "ежемесячно", date(2026, 12, 7)),
    # Q4's report by 10.01.2027, a Sunday in the holidays -> 11.01; Q3's (10.10.2026) precedes control
    ("ежеквартально, не позднее 10 числа месяца, следующего за отчётным кварталом", "ежеквартально",
     date(2027, 1, 11)),
    ("ежегодно до 1 февраля", "ежегодно", date(2027, 2, 1)),
    # 31.12.2026 is a day off (moved from 04.01.2026): the next working day is 11.01.2027
    ("один раз в полгода", "раз в полгода", date(2027, 1, 11)),
    ("еженедельно, по пятницам", "еженедельно", date(2026, 12, 4 + 7)),
])
def test_the_first_control_point_after_the_order_was_put_on_control(words, recurrence, first_point):
    deadline = build_deadline(words, None, recurrence, None, start=PUT_ON_CONTROL)
    assert current_due(deadline) == first_point


@pytest.mark.parametrize(("words", "norm"), [
    ("не менее 3 (трех) информационных материалов в неделю", True),
    ("не реже 2 раз в месяц", True),
    ("не реже одного раза в квартал", True),
    ("ежемесячно, до 5 числа месяца, следующего за отчётным", False),
    ("ежеквартально, не позднее 10 числа", False),
])
def test_a_posting_norm_is_not_a_deadline(words, norm):
    assert is_posting_norm(words) is norm


def test_a_posting_norm_keeps_its_recurrence_but_never_comes_due():
    deadline = build_deadline("не менее 3 (трех) информационных материалов в неделю", None, "еженедельно", None,
                              start=date(2023, 6, 30))
    assert deadline.recurrence == Recurrence.WEEKLY and deadline.norm
    assert current_due(deadline) is None


def test_permanent_is_never_due():
    assert current_due(build_deadline("постоянно", None, "постоянно", None, start=date(2023, 8, 1))) is None


@pytest.mark.parametrize(("words", "from_act"), [
    ("в течение 5 рабочих дней со дня подписания", True),
    ("в течение 10 дней со дня официального опубликования настоящего постановления", True),
    ("в течение 30 дней с даты принятия настоящего постановления", True),
    ("в течение 10 дней после вступления в силу настоящего постановления", True),
    ("в течение месяца со дня подписания настоящего распоряжения", True),
    ("в течение 10 дней со дня подписания соглашения", False),
    ("в течение 3 рабочих дней с даты их создания либо удаления", False),
    ("в течение 5 дней с момента поступления запроса", False),
])
def test_which_relative_terms_count_from_the_act_itself(words, from_act):
    assert event_is_the_act(words) is from_act


# act date, term, working days?, due: real transfers of the production calendar
CALENDAR_TABLE = [
    (date(2020, 12, 30), 5, True, date(2021, 1, 14)),  # 31.12.2020 worked, 01–10.01.2021 off
    (date(2021, 2, 19), 3, True, date(2021, 2, 25)),  # 20.02.2021 Saturday worked, 22–23.02 off
    (date(2021, 4, 29), 3, True, date(2021, 5, 5)),  # 01–03.05.2021 off; 04.05 worked by the calendar
    (date(2021, 11, 2), 2, True, date(2021, 11, 8)),  # 04–07.11.2021 off
    (date(2022, 3, 4), 2, True, date(2022, 3, 9)),  # 05.03.2022 Saturday worked; 07–08.03 off
    (date(2023, 2, 21), 2, True, date(2023, 2, 27)),  # 23–24.02.2023 off
    (date(2023, 5, 5), 3, True, date(2023, 5, 12)),  # 08–09.05.2023 off
    (date(2024, 4, 26), 3, True, date(2024, 5, 3)),  # 27.04.2024 Saturday worked; 29.04–01.05 off
    (date(2024, 11, 1), 1, True, date(2024, 11, 2)),  # 02.11.2024 Saturday worked (04.11 off)
    (date(2024, 12, 27), 2, True, date(2025, 1, 9)),  # 28.12.2024 Saturday worked; 30.12–08.01 off
    (date(2026, 1, 20), 5, True, date(2026, 1, 27)),
    (date(2026, 12, 29), 2, True, date(2027, 1, 11)),  # 31.12.2026 off (from 04.01), 01–10.01.2027 off  # the example: 20.01.2026 + 5 working days
    (date(2026, 3, 5), 3, True, date(2026, 3, 11)),  # 09.03.2026 off (8 March on a Sunday)
    (date(2027, 4, 29), 2, True, date(2027, 5, 4)),  # 01–02.05.2027 weekend, 03.05 off
    (date(2020, 4, 24), 7, False, date(2020, 5, 6)),  # 01.05.2020 Friday + holidays: 06.05 (Wed, worked)
    (date(2022, 12, 22), 10, False, date(2023, 1, 9)),  # 01.01.2023 Sunday, holidays to 08.01
    (date(2023, 10, 30), 5, False, date(2023, 11, 7)),  # 04.11.2023 Saturday, 06.11 off -> 07.11
    (date(2025, 2, 28), 10, False, date(2025, 3, 10)),  # 10.03.2025 Monday, a working day
    (date(2025, 3, 3), 5, False, date(2025, 3, 10)),  # 08.03.2025 Saturday -> Monday 10.03
    (date(2027, 10, 25), 10, False, date(2027, 11, 8)),  # 04.11.2027 holiday, 05.11 off (from 02.01)
]


@pytest.mark.parametrize(("event", "months", "due"), [
    (date(2026, 1, 20), 1, date(2026, 2, 20)),  # «в течение месяца»: the same day of the next month
    (date(2026, 1, 31), 1, date(2026, 3, 2)),  # no 31.02: 28.02.2026, a Saturday -> Monday 02.03
    (date(2023, 12, 8), 1, date(2024, 1, 9)),  # 08.01.2024 in the holidays -> 09.01
    (date(2025, 2, 22), 2, date(2025, 4, 22)),
])
def test_terms_in_months_end_on_the_same_day_of_the_month(event, months, due):
    assert relative_due(event, 0, False, months=months) == due


def test_a_month_from_the_signing_is_a_month_not_thirty_days():
    words = "в течение месяца со дня подписания настоящего постановления"
    deadline = build_deadline(words, None, None, words, start=None, act_date=date(2026, 1, 20))
    assert deadline.relative_months == 1 and deadline.due == date(2026, 2, 20)


@pytest.mark.parametrize(("event", "days", "working", "due"), CALENDAR_TABLE,
                         ids=[f"{e:%d.%m.%Y}+{d}{'р' if w else 'к'}" for e, d, w, _due in CALENDAR_TABLE])
def test_terms_on_the_production_calendar(event, days, working, due):
    assert relative_due(event, days, working) == due


def test_a_term_from_the_signing_gets_its_date_on_import():
    words = "в течение 5 рабочих дней со дня подписания"
    deadline = build_deadline(words, None, None, words, start=None, act_date=date(2026, 1, 20))
    assert deadline.kind == DeadlineKind.RELATIVE
    assert deadline.due == date(2026, 1, 27) and deadline.anchor == date(2026, 1, 20)
    assert not needs_date(deadline)


def test_a_term_from_another_event_waits_for_the_clerk():
    words = "в течение 3 рабочих дней с даты их создания либо удаления"
    deadline = build_deadline(words, None, None, words, start=None, act_date=date(2022, 3, 31))
    assert deadline.due is None and needs_date(deadline)


@pytest.mark.parametrize(("text", "items"), [
    ("1. Пункт 4 постановления Правительства Кемеровской области – Кузбасса от 14.02.2020 №66 признать "
     "утратившим силу.", ["4"]),
    ("1.2. Пункты 5, 6 признать утратившими силу.", ["5", "6"]),
    ("1.3. Пункт 2-1 исключить.", ["2-1"]),
    ("1.4. В пункте 3 слова «в течение месяца» исключить.", []),
    ("1.5. Пункт 2 изложить в следующей редакции: «2. Признать утратившим силу постановление № 5.».", []),
])
def test_items_an_amending_act_repeals(text, items):
    assert repealed(text) == items


def test_what_an_amendment_does_to_the_act_on_control():
    changes = plan({"1", "2", "3", "4", "5"}, ["2", "2-1", "3", "4"], ["5"])
    assert [(c.number, c.step) for c in changes] == [
        ("2", Step.REWORD), ("2-1", Step.ADD), ("3", Step.REWORD), ("4", Step.REWORD), ("5", Step.REPEAL)]
    assert amendments.describe("Постановление № 66 от 14.02.2020", changes[:1]) == [
        "изменяет акт Постановление № 66 от 14.02.2020: пункт 2 — новая редакция"]
    assert ref_key("Постановление", "№ 66", date(2020, 2, 14)) == ref_key("постановление", "66", date(2020, 2, 14))


def test_the_day_inside_the_period_is_read_on_in_the_orders_text_when_the_term_is_the_word_alone():
    text = ("ежемесячно, до 5 числа месяца, следующего за отчетным, формировать рейтинг активности "
            "официальных страниц подведомственных учреждений;")
    assert term_clause(text, "ежемесячно").startswith("ежемесячно, до 5 числа месяца, следующего за отчетным")
    deadline = build_deadline("ежемесячно", None, "ежемесячно", None, start=PUT_ON_CONTROL, order_text=text)
    assert (deadline.point_day, deadline.point_offset) == (5, 1)
    assert current_due(deadline) == date(2026, 12, 7)  # November's rating: 05.12.2026 is a Saturday


@pytest.mark.parametrize(("words", "recurrence", "shown"), [
    ("ежемесячно, до 5 числа месяца, следующего за отчётным", "ежемесячно", "ежемесячно, до 5 числа"),
    ("ежегодно до 1 февраля", "ежегодно", "ежегодно, до 1 февраля"),
    ("еженедельно, по пятницам", "еженедельно", "еженедельно, по пятницам"),
    ("ежеквартально", "ежеквартально", "ежеквартально"),
])
def test_the_list_shows_the_day_inside_the_period(words, recurrence, shown):
    assert describe(build_deadline(words, None, recurrence, None, start=PUT_ON_CONTROL)) == shown
