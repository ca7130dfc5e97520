"""Russian dates: genitive months, ДД.ММ.ГГГГ, blanks until a document is registered."""
from datetime import date

import pytest

from tracker.dates import parse_user_date
from tracker.drafting.data import ActRef, Registration
from tracker.drafting.dates import dmy, quarter_start, ru_date
from tracker.errors import ValidationError


@pytest.mark.parametrize(("day", "text"), [
    (date(2026, 11, 5), "5 ноября 2026 г."),
    (date(2026, 1, 31), "31 января 2026 г."),
    (date(2026, 3, 8), "8 марта 2026 г."),
    (date(2026, 5, 1), "1 мая 2026 г."),
    (date(2026, 8, 20), "20 августа 2026 г."),
])
def test_long_dates_use_genitive_months(day, text):
    assert ru_date(day) == text


def test_numeric_dates_are_zero_padded():
    assert dmy(date(2026, 11, 5)) == "05.11.2026"


def test_an_unregistered_document_shows_blanks():
    assert Registration().line == "от ________ № ____"
    assert Registration(date(2026, 11, 5), "123-п").line == "от 05.11.2026 № 123-п"


def test_act_reference_reads_as_the_act_cites_it():
    act = ActRef(number="1611-п", date=date(2023, 6, 30), title="Об организации информирования",
                 issuer_genitive="Администрации города Обнинска", item="2.5")
    assert act.basis == ("пунктом 2.5 постановления Администрации города Обнинска от 30.06.2023 № 1611-п "
                         "«Об организации информирования»")
    assert act.reference_nominative.startswith("постановление Администрации города Обнинска от 30.06.2023")
    act.item = ""
    assert act.basis.startswith("постановлением Администрации города Обнинска")


def test_an_unset_base_act_prints_blanks():
    assert ActRef().reference == "постановления от ________ № ____"


@pytest.mark.parametrize("text", ["05.11.2026", "5.11.2026", "2026-11-05"])
def test_clerk_dates_are_parsed(text):
    assert parse_user_date(text) == date(2026, 11, 5)


@pytest.mark.parametrize("text", ["31.02.2026", "завтра", "11/05/2026"])
def test_bad_dates_are_refused_in_russian(text):
    with pytest.raises(ValidationError, match="ДД.ММ.ГГГГ|такой даты нет"):
        parse_user_date(text)


def test_quarter_start():
    assert quarter_start(date(2026, 11, 5)) == date(2026, 10, 1)
    assert quarter_start(date(2026, 3, 31)) == date(2026, 1, 1)
