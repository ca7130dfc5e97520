"""The Russian production calendar: working days with the government's transferred days off.

The `holidays` package (country RU) knows the official holidays, the transferred days off
and the working Saturdays (27.04.2024 was one). A local override file can add or correct a
year: the bundled tracker/data/calendar/*.json and a user's `calendar*.json` next to the
database (`ProductionCalendar.beside(db_path)`, which the root builds). File format::

    {"year": 2027, "complete": false,
     "days_off": ["2027-01-01", ...],      # non-working days added (or the whole list)
     "working_days": ["2027-04-24", ...],  # working days added (Saturdays worked)
     "source": "Постановление Правительства РФ от ... № ..."}

With "complete": true the year is exactly weekends + days_off − working_days and the
package is not asked. `holidays` is imported lazily: `tracker --help` must stay light.
The calendar is an object handed to whoever counts days; no module state changes at run time.
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


class ProductionCalendar:
    """Working days of the official five-day week with the year's transfers and local corrections.

    Each database gets its own (the root builds it with the database's folder), so two
    databases in one process never share corrections; nothing here is process-wide.
    """

    def __init__(self, folders: tuple[Path, ...] | list[Path] = ()) -> None:
        self.folders: tuple[Path, ...] = tuple(Path(f) for f in folders)
        self._overrides: dict[int, YearOverride] | None = None
        self._years: dict[int, tuple[frozenset[date], frozenset[date]]] = {}

    @classmethod
    def beside(cls, database: Path) -> ProductionCalendar:
        """The calendar of the database at this path: bundled years plus `calendar*.json` in its folder."""
        return cls((Path(database).expanduser().parent,))

    # -- corrections ------------------------------------------------------------------------
    def _loaded(self) -> dict[int, YearOverride]:
        if self._overrides is None:
            overrides: dict[int, YearOverride] = {}
            for folder in (BUNDLED_DIR, *self.folders):
                if not folder.is_dir():
                    continue
                pattern = "*.json" if folder == BUNDLED_DIR else "calendar*.json"
                for path in sorted(folder.glob(pattern)):
                    for item in _parse_override(path):
                        _merge(overrides, item)
            self._overrides = overrides
        return self._overrides

    def add_override(self, item: YearOverride) -> None:
        """Add a correction at run time (tests, or the UI after a clerk edits a year)."""
        _merge(self._loaded(), item)
        self._years.clear()

    def _year(self, year: int) -> tuple[frozenset[date], frozenset[date]]:
        """(weekdays that are days off, weekend days that are worked) for one year."""
        found = self._years.get(year)
        if found is None:
            found = self._years[year] = _official_year(year, self._loaded().get(year))
        return found

    # -- counting ---------------------------------------------------------------------------
    def is_working_day(self, day: date) -> bool:
        """True on a working day of the official five-day week with the year's transfers."""
        off, worked = self._year(day.year)
        if day.weekday() >= 5:
            return day in worked
        return day not in off

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start` (start itself not counted); n < 0 counts back.

        «в течение 3 рабочих дней» from Friday 26.04.2024 ends on 03.05.2024 (27.04 was worked).
        n == 0 returns `start` unchanged.
        """
        step = 1 if n >= 0 else -1
        day = start
        left = abs(n)
        while left:
            day += timedelta(days=step)
            if self.is_working_day(day):
                left -= 1
        return day

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in (a, b]: so working_days_between(a, add_working_days(a, n)) == n.

        Negative when b is before a.
        """
        if b < a:
            return -self.working_days_between(b, a)
        count = 0
        day = a
        while day < b:
            day += timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count

    def previous_working_day(self, day: date) -> date:
        """The day itself if working, else the nearest working day before it (a deadline that
        falls on a day off is due the working day before, as the office rules say)."""
        while not self.is_working_day(day):
            day -= timedelta(days=1)
        return day

    def next_working_day(self, day: date) -> date:
        """The day itself if working, else the nearest working day after it: a term that ends on
        a day off ends on the next working day (Civil Code art. 193)."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def working_days_in_year(self, year: int) -> int:
        start = date(year, 1, 1)
        days = (date(year + 1, 1, 1) - start).days
        return sum(1 for i in range(days) if self.is_working_day(start + timedelta(days=i)))


def _merge(overrides: dict[int, YearOverride], item: YearOverride) -> None:
    known = overrides.get(item.year)
    if known is None or item.complete:
        overrides[item.year] = YearOverride(item.year, item.complete, set(item.days_off),
                                            set(item.working_days), item.source)
        return
    known.days_off |= item.days_off
    known.working_days |= item.working_days
    known.days_off -= item.working_days


@lru_cache(maxsize=64)
def _package_year(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """What the `holidays` package says of one year (the same for every calendar: cached once)."""
    official = _russia()(years=year)
    off = {d for d in official if d.weekday() < 5 and not official.is_working_day(d)}
    worked = {d for d in getattr(official, "weekend_workdays", set()) if d.year == year}
    return frozenset(off), frozenset(worked)


@lru_cache(maxsize=1)
def _russia() -> type:
    """holidays' class of Russia, the one `country_holidays("RU")` builds, imported alone.

    Lazy (about 0.05 s). `holidays.countries`' __init__ imports all 250 countries (0.1–0.2 s,
    on the path of every import of acts) before any one of them; a bare package stands in for
    it while russia.py loads, and is removed at once, so a later `import holidays.countries`
    runs the real one (and finds Russia already loaded)."""
    import sys
    import types

    import holidays

    if "holidays.countries" in sys.modules:
        from holidays.countries import Russia

        return Russia
    bare = types.ModuleType("holidays.countries")
    bare.__path__ = [str(Path(holidays.__file__).parent / "countries")]
    sys.modules["holidays.countries"] = bare
    try:
        from holidays.countries.russia import Russia
    finally:
        if sys.modules.get("holidays.countries") is bare:
            del sys.modules["holidays.countries"]
    if getattr(holidays, "countries", None) is bare:
        delattr(holidays, "countries")
    return Russia


def _official_year(year: int, item: YearOverride | None) -> tuple[frozenset[date], frozenset[date]]:
    off: set[date] = set()
    worked: set[date] = set()
    if item is None or not item.complete:
        package_off, package_worked = _package_year(year)
        off, worked = set(package_off), set(package_worked)
    if item is not None:
        off |= {d for d in item.days_off if d.weekday() < 5}
        worked -= item.days_off
        off -= item.working_days
        worked |= {d for d in item.working_days if d.weekday() >= 5}
    return frozenset(off), frozenset(worked)


# The bundled calendar alone (no database's corrections): what code counts on when no calendar is
# handed to it. It never changes; a database's corrections live in that database's own calendar.
BUNDLED = ProductionCalendar()
