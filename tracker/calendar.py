"""The Russian production calendar: working days with the government's transferred days off.

The `holidays` package (country RU) knows the official holidays, the transferred days off
and the working Saturdays (27.04.2024 was one). A local override file can add or correct a
year: the bundled tracker/data/calendar/*.json and a user's `calendar*.json` next to the
database (see `use_overrides`). File format::

    {"year": 2027, "complete": false,
     "days_off": ["2027-01-01", ...],      # non-working days added (or the whole list)
     "working_days": ["2027-04-24", ...],  # working days added (Saturdays worked)
     "source": "Постановление Правительства РФ от ... № ..."}

With "complete": true the year is exactly weekends + days_off − working_days and the
package is not asked. `holidays` is imported lazily: `tracker --help` must stay light.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from russian_errors import os_problem
from tracker.errors import ValidationError

BUNDLED_DIR = Path(__file__).parent / "data" / "calendar"


@dataclass(slots=True)
class YearOverride:
    year: int
    complete: bool = False
    days_off: set[date] = field(default_factory=set)
    working_days: set[date] = field(default_factory=set)
    source: str | None = None


_overrides: dict[int, YearOverride] = {}
_extra_dirs: list[Path] = []
_loaded = False


def _parse_override(path: Path) -> list[YearOverride]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        why = os_problem(error) if isinstance(error, OSError) else error
        raise ValidationError(
            f"Файл производственного календаря {path} не читается ({why}). "
            "Исправьте JSON или удалите файл."
        ) from None
    items = raw if isinstance(raw, list) else [raw]
    result = []
    for item in items:
        try:
            year = int(item["year"])
            off = {date.fromisoformat(d) for d in item.get("days_off", [])}
            work = {date.fromisoformat(d) for d in item.get("working_days", [])}
        except (KeyError, TypeError, ValueError) as error:
            raise ValidationError(
                f"Файл производственного календаря {path}: неверная запись ({error}). "
                "Нужны поля year, days_off и working_days с датами ГГГГ-ММ-ДД."
            ) from None
        stray = [d for d in off | work if d.year != year]
        if stray:
            raise ValidationError(
                f"Файл производственного календаря {path}: дата {stray[0]:%d.%m.%Y} не из {year} года."
            )
        result.append(YearOverride(year, bool(item.get("complete", False)), off, work, item.get("source")))
    return result


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _overrides.clear()
    dirs = [BUNDLED_DIR, *_extra_dirs]
    for folder in dirs:
        if not folder.is_dir():
            continue
        pattern = "*.json" if folder == BUNDLED_DIR else "calendar*.json"
        for path in sorted(folder.glob(pattern)):
            for item in _parse_override(path):
                _merge(item)
    _loaded = True


def _merge(item: YearOverride) -> None:
    known = _overrides.get(item.year)
    if known is None or item.complete:
        _overrides[item.year] = item
        return
    known.days_off |= item.days_off
    known.working_days |= item.working_days
    known.days_off -= item.working_days


def use_overrides(folder: Path | None) -> None:
    """Also read `calendar*.json` from this folder (the database's folder); later files win."""
    global _loaded
    if folder is None:
        return
    folder = Path(folder)
    if folder not in _extra_dirs:
        _extra_dirs.append(folder)
        _loaded = False
        _year.cache_clear()


def reset_overrides() -> None:
    """Forget user folders (tests)."""
    global _loaded
    _extra_dirs.clear()
    _loaded = False
    _year.cache_clear()


def add_override(item: YearOverride) -> None:
    """Add a correction at run time (tests, or the UI after a clerk edits a year)."""
    _load()
    _merge(item)
    _year.cache_clear()


@lru_cache(maxsize=64)
def _year(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """(weekdays that are days off, weekend days that are worked) for one year."""
    _load()
    item = _overrides.get(year)
    off: set[date] = set()
    worked: set[date] = set()
    if item is None or not item.complete:
        import holidays  # lazy: about 0.1 s

        official = holidays.country_holidays("RU", years=year)
        off = {d for d in official if d.weekday() < 5 and not official.is_working_day(d)}
        worked = {d for d in getattr(official, "weekend_workdays", set()) if d.year == year}
    if item is not None:
        off |= {d for d in item.days_off if d.weekday() < 5}
        worked -= item.days_off
        off -= item.working_days
        worked |= {d for d in item.working_days if d.weekday() >= 5}
    return frozenset(off), frozenset(worked)


def is_working_day(day: date) -> bool:
    """True on a working day of the official five-day week with the year's transfers."""
    off, worked = _year(day.year)
    if day.weekday() >= 5:
        return day in worked
    return day not in off


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after `start` (start itself not counted); n < 0 counts back.

    «в течение 3 рабочих дней» from Friday 26.04.2024 ends on 03.05.2024 (27.04 was worked).
    n == 0 returns `start` unchanged.
    """
    step = 1 if n >= 0 else -1
    day = start
    left = abs(n)
    while left:
        day += timedelta(days=step)
        if is_working_day(day):
            left -= 1
    return day


def working_days_between(a: date, b: date) -> int:
    """Working days in (a, b]: so working_days_between(a, add_working_days(a, n)) == n.

    Negative when b is before a.
    """
    if b < a:
        return -working_days_between(b, a)
    count = 0
    day = a
    while day < b:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def previous_working_day(day: date) -> date:
    """The day itself if working, else the nearest working day before it (a deadline that
    falls on a day off is due the working day before, as the office rules say)."""
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def working_days_in_year(year: int) -> int:
    start = date(year, 1, 1)
    return sum(1 for i in range((date(year + 1, 1, 1) - start).days) if is_working_day(start + timedelta(days=i)))
