"""Deadlines: snippets of orders -> the date, recurrence or relative term a clerk would put on control."""
from datetime import date

import pytest

from parsers.rules.deadlines import find_dates, find_deadline

ACT_DATE = date(2026, 3, 10)


@pytest.mark.parametrize(
    ("snippet", "expected_date"),
    [
        ("Срок: 31 августа 2026 года.", date(2026, 8, 31)),
        ("Срок исполнения – 01.12.2026.", date(2026, 12, 1)),
        ("в срок до 15 апреля 2026 г. представить отчет", date(2026, 4, 15)),
        ("обеспечить готовность не позднее 20.05.2026", date(2026, 5, 20)),
        ("подготовить предложения к 1 сентября 2026 года", date(2026, 9, 1)),
        ("Провести 14 февраля 2026 года торжественное собрание", date(2026, 2, 14)),
        ("выделить вноябре 2026 года средства на ремонт", date(2026, 11, 30)),
        ("завершить работы в феврале 2027 г.", date(2027, 2, 28)),
        ("до « 5 » октября 2026 г. направить сведения", date(2026, 10, 5)),
        ("представить информацию в IV квартале 2026 года", date(2026, 12, 31)),
        ("до 30.06.26 утвердить график", date(2026, 6, 30)),
        ("до 1 июня представить доклад", date(2026, 6, 1)),  # the act's year
        ("до 1 марта представить доклад", date(2027, 3, 1)),  # already past in the act's year
        ("в срок до 1-го марта 2027 года представить доклад", date(2027, 3, 1)),  # the day as an ordinal
    ],
)
def test_dates_a_deadline_is_set_by(snippet, expected_date):
    deadline = find_deadline(snippet, reference=ACT_DATE)
    assert deadline is not None and deadline.date == expected_date


@pytest.mark.parametrize(
    ("snippet", "recurrence"),
    [
        ("Срок: постоянно.", "постоянно"),
        ("ежеквартально готовить доклад о ходе исполнения", "ежеквартально"),
        ("обеспечить ежемесячное представление сведений", "ежемесячно"),
        ("ежегодно до 1 февраля представлять отчет", "ежегодно"),
        ("размещать не менее 5 (пяти) публикаций в неделю", "еженедельно"),
        ("проводить совещания не реже одного раза в месяц", "ежемесячно"),
        ("осуществлять мониторинг на постоянной основе", "постоянно"),
        ("Срок: еженедельно, по понедельникам.", "еженедельно"),
    ],
)
def test_recurrences_are_only_where_the_text_says_them(snippet, recurrence):
    deadline = find_deadline(snippet, reference=ACT_DATE)
    assert deadline is not None and deadline.recurrence == recurrence and deadline.date is None


@pytest.mark.parametrize(
    "snippet",
    [
        "представлять сведения в течение 3 рабочих дней с даты их создания",
        "в течение 10 календарных дней со дня подписания настоящего распоряжения довести его до сведения",
        "при получении средств обеспечить их целевое использование",
        "заблаговременно уведомить органы внутренних дел",
        "обеспечить дежурство во время проведения праздничных мероприятий",
        "провести месячник с 5 по 25 апреля 2026 года",
        "в месячный срок разработать порядок",
        "Срок: по мере поступления обращений.",
    ],
)
def test_terms_windows_and_conditions_are_relative_with_no_date(snippet):
    deadline = find_deadline(snippet, reference=ACT_DATE)
    assert deadline is not None and deadline.relative and deadline.date is None and deadline.recurrence is None


@pytest.mark.parametrize(
    "snippet",
    [
        "установить плату до 40 рублей в день",
        "обеспечить финансирование в 2026 году за счет средств областного бюджета",
        "в соответствии с постановлением от 12.05.2025 № 318 организовать работу",
        "внести изменения в программу «Развитие культуры до 31 декабря 2030 года»",
        "опубликовать распоряжение в газете «Вестник района»",
        "информацию о мероприятиях, приуроченных к Дню города 12 июня 2026 года, представить заблаговременно",
    ],
)
def test_amounts_scopes_references_and_titles_are_no_dates(snippet):
    deadline = find_deadline(snippet, reference=ACT_DATE)
    assert deadline is None or deadline.date is None


def test_a_reference_date_of_another_act_is_skipped_but_the_real_deadline_is_kept():
    deadline = find_deadline("в соответствии с приказом от 01.02.2026 № 5 в срок до 1 мая 2026 года "
                             "представить отчет", reference=ACT_DATE)
    assert deadline is not None and deadline.date == date(2026, 5, 1)
    assert deadline.text == "в срок до 1 мая 2026 года"


def test_deadline_keeps_the_original_words_and_their_place():
    text = "Отделу культуры обеспечить показ.\nСрок: 30 сентября 2026 года."
    deadline = find_deadline(text, offset=100, reference=ACT_DATE)
    assert deadline.text == "30 сентября 2026 года"
    assert text[deadline.span[0] - 100:deadline.span[1] - 100] == "30 сентября 2026 года"


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("от 06.10.97 N 360", [date(1997, 10, 6)]),
        ("31.02.2026 и 29 февраля 2024 года", [date(2024, 2, 29)]),  # an impossible date is no date
        ("с 26 сентября 2026 г. по 10 октября 2026 г.", [date(2026, 9, 26), date(2026, 10, 10)]),
    ],
)
def test_date_patterns(snippet, expected):
    assert [d.value for d in find_dates(snippet)] == expected


@pytest.mark.parametrize(
    ("snippet", "expected_date"),
    [
        ("Срок: IV квартал 2026 г.", date(2026, 12, 31)),
        ("Срок: декабрь 2026 года.", date(2026, 12, 31)),
        ("Срок: I полугодие 2026 г.", date(2026, 6, 30)),
        ("Срок: 2026 год.", date(2026, 12, 31)),
    ],
)
def test_a_period_named_as_the_deadline_ends_on_its_last_day(snippet, expected_date):
    assert find_deadline(snippet, reference=ACT_DATE).date == expected_date


@pytest.mark.parametrize(
    ("snippet", "recurrence"),
    [
        ("представлять сведения до 5 числа месяца, следующего за отчетным", "ежемесячно"),
        ("Срок: до 10 числа месяца, следующего за отчетным кварталом.", "ежеквартально"),
    ],
)
def test_reporting_days_imply_a_recurrence(snippet, recurrence):
    assert find_deadline(snippet, reference=ACT_DATE).recurrence == recurrence


@pytest.mark.parametrize(
    ("snippet", "recurrence"),
    [
        ("представлять сводку каждый месяц", "ежемесячно"),
        ("проводить планерки по понедельникам", "еженедельно"),
        ("представлять сведения каждую пятницу до 12.00", "еженедельно"),
        ("Срок исполнения поручения: ежеквартально.", "ежеквартально"),
    ],
)
def test_other_ways_of_saying_a_recurrence(snippet, recurrence):
    assert find_deadline(snippet, reference=ACT_DATE).recurrence == recurrence
