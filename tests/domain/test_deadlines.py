"""Deadlines keep their words; relative terms anchor on an event; extensions only move later."""
from datetime import date, datetime

import pytest

from tracker.dates import parse_user_date
from tracker.deadlines import (
    anchor,
    build_deadline,
    current_due,
    describe,
    make_extension,
    parse_relative,
)
from tracker.errors import ValidationError
from tracker.models import DeadlineKind, Recurrence

AT = datetime(2024, 3, 1, 9, 30)


@pytest.mark.parametrize("words, expected", [
    ("в течение 3 рабочих дней с даты создания", (3, True)),
    ("в течение трех рабочих дней", (3, True)),
    ("в течение 2 (двух) рабочих дней", (2, True)),
    ("в течение 5 дней со дня получения", (5, False)),
    ("в 10-дневный срок", (10, False)),
    ("в двухнедельный срок", (14, False)),
    ("в течение месяца", (30, False)),
    ("по мере необходимости", None),
])
def test_relative_terms_are_read_as_days_and_kind_of_days(words, expected):
    assert parse_relative(words) == expected


def test_a_deadline_keeps_its_original_words():
    deadline = build_deadline("до 31 августа 2023 года", date(2023, 8, 31), None, None, start=date(2023, 6, 30))
    assert deadline.kind == DeadlineKind.DATE
    assert deadline.text == "до 31 августа 2023 года"
    assert describe(deadline) == "31.08.2023"


def test_a_recurrence_starts_from_the_day_it_was_put_on_control():
    deadline = build_deadline("ежеквартально", None, "ежеквартально", None, start=date(2023, 6, 30))
    assert deadline.kind == DeadlineKind.RECURRING
    assert deadline.recurrence == Recurrence.QUARTERLY
    assert current_due(deadline) == date(2023, 10, 2)  # 30.09.2023 is a Saturday: the next working day


def test_a_relative_term_gets_its_date_from_the_event_the_clerk_enters():
    deadline = build_deadline("в течение 3 рабочих дней с даты создания", None, None,
                              "в течение 3 рабочих дней с даты создания", start=None)
    assert deadline.kind == DeadlineKind.RELATIVE
    assert current_due(deadline) is None
    assert anchor(deadline, date(2024, 4, 26)) == date(2024, 5, 3)
    assert deadline.anchor == date(2024, 4, 26)
    assert describe(deadline).startswith("03.05.2024")


def test_a_calendar_day_term_counts_every_day_and_an_end_on_a_day_off_moves_on():
    deadline = build_deadline(None, None, None, "в течение 5 дней", start=None)
    # 26.04.2024 + 5 = 01.05.2024, a holiday; 02.05 is the next working day (Civil Code art. 193)
    assert anchor(deadline, date(2024, 4, 26)) == date(2024, 5, 2)


def test_an_unreadable_relative_term_asks_for_a_date():
    deadline = build_deadline(None, None, None, "по мере поступления", start=None)
    with pytest.raises(ValidationError, match="укажите дату"):
        anchor(deadline, date(2024, 1, 1))


def test_an_extension_records_old_new_reason_and_basis():
    deadline = build_deadline("до 1 марта 2024 г.", date(2024, 3, 1), None, None, start=None)
    ext = make_extension(deadline, date(2024, 4, 1), "запрос исполнителя", "письмо от 27.02.2024 № 12-345",
                         "иванова", AT)
    assert (ext.old, ext.new, ext.reason, ext.basis, ext.who) == (
        date(2024, 3, 1), date(2024, 4, 1), "запрос исполнителя", "письмо от 27.02.2024 № 12-345", "иванова")
    assert deadline.due == date(2024, 4, 1)
    assert deadline.text == "до 1 марта 2024 г."


@pytest.mark.parametrize("new", [date(2024, 3, 1), date(2024, 2, 1)])
def test_an_extension_must_move_the_deadline_strictly_later(new):
    deadline = build_deadline(None, date(2024, 3, 1), None, None, start=None)
    with pytest.raises(ValidationError, match="позже текущего"):
        make_extension(deadline, new, "причина", None, "иванова", AT)
    assert deadline.due == date(2024, 3, 1)


def test_an_extension_needs_a_reason():
    deadline = build_deadline(None, date(2024, 3, 1), None, None, start=None)
    with pytest.raises(ValidationError, match="причину"):
        make_extension(deadline, date(2024, 4, 1), " ", None, "иванова", AT)


def test_an_order_with_no_deadline_gets_one_by_extension():
    deadline = build_deadline("по мере необходимости", None, None, None, start=None)
    ext = make_extension(deadline, date(2024, 4, 1), "установлен срок", None, "иванова", AT)
    assert ext.old is None
    assert deadline.kind == DeadlineKind.DATE


@pytest.mark.parametrize("text, expected", [
    ("05.11.2026", date(2026, 11, 5)), ("5.1.2026", date(2026, 1, 5)), ("2026-11-05", date(2026, 11, 5)),
])
def test_dates_are_typed_as_dd_mm_yyyy_or_iso(text, expected):
    assert parse_user_date(text) == expected


@pytest.mark.parametrize("text", ["05.11.26", "31.02.2026", "завтра", ""])
def test_bad_dates_are_refused_in_russian(text):
    with pytest.raises(ValidationError, match="ДД.ММ.ГГГГ|такой даты нет"):
        parse_user_date(text)


# Windows from the sample acts and real acts (tracker/samples/acts; corpus/real/rules c005)
@pytest.mark.parametrize("words, last_day", [
    ("с 1 по 30 апреля 2026 года", date(2026, 4, 30)),
    ("с 1 по 31 мая 2026 года", date(2026, 5, 31)),
    ("с 1 января по 31 марта 2027 года", date(2027, 3, 31)),
    ("в период с 1 июня 2026 года по 31 августа 2026 года", date(2026, 8, 31)),
    ("с 01.01.2027 по 31.03.2027", date(2027, 3, 31)),
])
def test_a_window_whose_end_is_a_whole_date_is_checked_on_its_last_day(words, last_day):
    deadline = build_deadline(words, None, None, words, start=date(2026, 3, 23))
    assert (deadline.kind, deadline.due, deadline.text) == (DeadlineKind.DATE, last_day, words)


@pytest.mark.parametrize("words", [
    "с 5 по 11 ноября",  # no year: which November is the clerk's to say
    "во время зимних каникул",
    "в период прохождения паводка",
    "с 17 сентября",
    "с 31 по 30 февраля 2026 года",  # no such day
])
def test_a_window_without_a_whole_end_date_still_waits_for_the_clerk(words):
    deadline = build_deadline(words, None, None, words, start=date(2026, 3, 23))
    assert deadline.kind is DeadlineKind.RELATIVE and deadline.due is None
