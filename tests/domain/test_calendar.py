"""The production calendar follows the official Russian one, transfers included."""
from datetime import date

import pytest

from tracker import calendar
from tracker.calendar import (
    YearOverride,
    add_working_days,
    is_working_day,
    previous_working_day,
    working_days_between,
    working_days_in_year,
)


@pytest.fixture(autouse=True)
def clean_overrides():
    calendar.reset_overrides()
    yield
    calendar.reset_overrides()


@pytest.mark.parametrize("year, days", [(2023, 247), (2024, 248), (2025, 247)])
def test_working_days_per_year_match_the_official_calendar(year, days):
    assert working_days_in_year(year) == days


@pytest.mark.parametrize("day", [
    date(2024, 4, 27), date(2024, 11, 2), date(2024, 12, 28),  # working Saturdays of 2024
    date(2025, 11, 1),  # the working Saturday of 2025
])
def test_transferred_working_saturdays_are_working_days(day):
    assert day.weekday() == 5
    assert is_working_day(day)


@pytest.mark.parametrize("day", [
    # 2023: 24.02 (from 01.01), 08.05 (from 08.01), 06.11 (Unity Day on Saturday)
    date(2023, 2, 24), date(2023, 5, 8), date(2023, 11, 6), date(2023, 1, 2), date(2023, 6, 12),
    # 2024: 29-30.04, 10.05, 30-31.12 are the transferred days off
    date(2024, 4, 29), date(2024, 4, 30), date(2024, 5, 10), date(2024, 12, 30), date(2024, 12, 31),
    date(2024, 1, 8), date(2024, 11, 4),
    # 2025: 02.05, 08.05, 13.06, 03.11, 31.12
    date(2025, 5, 2), date(2025, 5, 8), date(2025, 6, 13), date(2025, 11, 3), date(2025, 12, 31),
])
def test_holidays_and_transferred_days_off_are_not_working(day):
    assert day.weekday() < 5
    assert not is_working_day(day)


@pytest.mark.parametrize("day", [date(2023, 2, 22), date(2024, 5, 2), date(2024, 12, 27), date(2025, 12, 30)])
def test_ordinary_weekdays_work(day):
    assert is_working_day(day)


def test_three_working_days_from_a_friday_count_the_working_saturday():
    # 26.04.2024 (Fri) -> 27.04 (worked Sat), 02.05, 03.05
    assert add_working_days(date(2024, 4, 26), 3) == date(2024, 5, 3)


def test_adding_working_days_skips_the_new_year_holidays():
    assert add_working_days(date(2024, 12, 28), 1) == date(2025, 1, 9)


def test_add_and_between_agree_and_count_back():
    start = date(2024, 4, 25)
    for n in range(0, 15):
        assert working_days_between(start, add_working_days(start, n)) == n
    assert add_working_days(date(2024, 5, 3), -3) == date(2024, 4, 26)
    assert working_days_between(date(2024, 5, 3), date(2024, 4, 26)) == -3


def test_a_deadline_on_a_day_off_moves_to_the_working_day_before():
    assert previous_working_day(date(2024, 3, 31)) == date(2024, 3, 29)
    assert previous_working_day(date(2024, 4, 27)) == date(2024, 4, 27)


def test_a_local_override_adds_a_year_the_package_does_not_know(tmp_path):
    (tmp_path / "calendar-2031.json").write_text(
        '{"year": 2031, "days_off": ["2031-03-10"], "working_days": ["2031-03-15"]}', encoding="utf-8")
    assert is_working_day(date(2031, 3, 10))
    calendar.use_overrides(tmp_path)
    assert not is_working_day(date(2031, 3, 10))
    assert is_working_day(date(2031, 3, 15))  # a Saturday worked


def test_a_complete_override_replaces_the_package_for_its_year():
    calendar.add_override(YearOverride(year=2024, complete=True, days_off={date(2024, 7, 1)}))
    assert not is_working_day(date(2024, 7, 1))
    assert is_working_day(date(2024, 5, 9))  # the file alone decides now
    assert not is_working_day(date(2024, 4, 27))


def test_a_broken_override_file_is_reported_in_russian(tmp_path):
    from tracker.errors import ValidationError

    (tmp_path / "calendar.json").write_text("{not json", encoding="utf-8")
    calendar.use_overrides(tmp_path)
    with pytest.raises(ValidationError, match="производственного календаря"):
        is_working_day(date(2024, 1, 9))
