"""The production calendar follows the official Russian one, transfers included."""
from datetime import date

import pytest

from tracker.calendar import ProductionCalendar, YearOverride


@pytest.fixture
def cal() -> ProductionCalendar:
    """A fresh calendar: the bundled years only."""
    return ProductionCalendar()


@pytest.mark.parametrize("year, days", [(2023, 247), (2024, 248), (2025, 247)])
def test_working_days_per_year_match_the_official_calendar(year, days, cal):
    assert cal.working_days_in_year(year) == days


@pytest.mark.parametrize("day", [
    date(2024, 4, 27), date(2024, 11, 2), date(2024, 12, 28),  # working Saturdays of 2024
    date(2025, 11, 1),  # the working Saturday of 2025
])
def test_transferred_working_saturdays_are_working_days(day, cal):
    assert day.weekday() == 5
    assert cal.is_working_day(day)


@pytest.mark.parametrize("day", [
    # 2023: 24.02 (from 01.01), 08.05 (from 08.01), 06.11 (Unity Day on Saturday)
    date(2023, 2, 24), date(2023, 5, 8), date(2023, 11, 6), date(2023, 1, 2), date(2023, 6, 12),
    # 2024: 29-30.04, 10.05, 30-31.12 are the transferred days off
    date(2024, 4, 29), date(2024, 4, 30), date(2024, 5, 10), date(2024, 12, 30), date(2024, 12, 31),
    date(2024, 1, 8), date(2024, 11, 4),
    # 2025: 02.05, 08.05, 13.06, 03.11, 31.12
    date(2025, 5, 2), date(2025, 5, 8), date(2025, 6, 13), date(2025, 11, 3), date(2025, 12, 31),
])
def test_holidays_and_transferred_days_off_are_not_working(day, cal):
    assert day.weekday() < 5
    assert not cal.is_working_day(day)


@pytest.mark.parametrize("day", [date(2023, 2, 22), date(2024, 5, 2), date(2024, 12, 27), date(2025, 12, 30)])
def test_ordinary_weekdays_work(day, cal):
    assert cal.is_working_day(day)


def test_three_working_days_from_a_friday_count_the_working_saturday(cal):
    # 26.04.2024 (Fri) -> 27.04 (worked Sat), 02.05, 03.05
    assert cal.add_working_days(date(2024, 4, 26), 3) == date(2024, 5, 3)


def test_adding_working_days_skips_the_new_year_holidays(cal):
    assert cal.add_working_days(date(2024, 12, 28), 1) == date(2025, 1, 9)


def test_add_and_between_agree_and_count_back(cal):
    start = date(2024, 4, 25)
    for n in range(0, 15):
        assert cal.working_days_between(start, cal.add_working_days(start, n)) == n
    assert cal.add_working_days(date(2024, 5, 3), -3) == date(2024, 4, 26)
    assert cal.working_days_between(date(2024, 5, 3), date(2024, 4, 26)) == -3


def test_a_deadline_on_a_day_off_moves_to_the_working_day_before(cal):
    assert cal.previous_working_day(date(2024, 3, 31)) == date(2024, 3, 29)
    assert cal.previous_working_day(date(2024, 4, 27)) == date(2024, 4, 27)


def test_a_local_override_adds_a_year_the_package_does_not_know(tmp_path, cal):
    (tmp_path / "calendar-2031.json").write_text(
        '{"year": 2031, "days_off": ["2031-03-10"], "working_days": ["2031-03-15"]}', encoding="utf-8")
    assert cal.is_working_day(date(2031, 3, 10))
    beside = ProductionCalendar.beside(tmp_path / "tracker.db")
    assert not beside.is_working_day(date(2031, 3, 10))
    assert beside.is_working_day(date(2031, 3, 15))  # a Saturday worked


def test_a_complete_override_replaces_the_package_for_its_year(cal):
    cal.add_override(YearOverride(year=2024, complete=True, days_off={date(2024, 7, 1)}))
    assert not cal.is_working_day(date(2024, 7, 1))
    assert cal.is_working_day(date(2024, 5, 9))  # the file alone decides now
    assert not cal.is_working_day(date(2024, 4, 27))


def test_a_broken_override_file_is_reported_in_russian(tmp_path, cal):
    from tracker.errors import ValidationError

    (tmp_path / "calendar.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ValidationError, match="производственного календаря"):
        ProductionCalendar.beside(tmp_path / "tracker.db").is_working_day(date(2024, 1, 9))


def test_two_databases_in_one_process_keep_their_own_calendars(tmp_path):
    """Corrections beside one database never change the days of another opened beside it."""
    from tracker.root import compose

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "calendar-2031.json").write_text(
        '{"year": 2031, "days_off": ["2031-03-10"], "working_days": []}', encoding="utf-8")
    one, other = compose(first / "a.db", user="тест"), compose(second / "b.db", user="тест")
    try:
        assert not one.calendar.is_working_day(date(2031, 3, 10))
        assert other.calendar.is_working_day(date(2031, 3, 10))
        assert one.calendar.add_working_days(date(2031, 3, 7), 1) == date(2031, 3, 11)
        assert other.calendar.add_working_days(date(2031, 3, 7), 1) == date(2031, 3, 10)
        assert ProductionCalendar().is_working_day(date(2031, 3, 10))  # nothing process-wide changed
    finally:
        one.close()
        other.close()


def test_russias_holidays_loaded_alone_are_those_the_package_gives_for_ru():
    """The calendar imports holidays' Russia without the other 249 countries (a fifth of a
    second on every import of acts): the days are the package's own, year after year."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from tracker.calendar import _package_year\n"
        "ours = {y: _package_year(y) for y in range(2000, 2036)}\n"
        "print(sum(m.startswith('holidays.countries.') for m in sys.modules))\n"
        "import holidays\n"
        "for y in range(2000, 2036):\n"
        "    official = holidays.country_holidays('RU', years=y)\n"
        "    off = {d for d in official if d.weekday() < 5 and not official.is_working_day(d)}\n"
        "    worked = {d for d in getattr(official, 'weekend_workdays', set()) if d.year == y}\n"
        "    assert ours[y] == (off, worked), y\n"
        "print('same')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.split() == ["1", "same"], done.stderr
