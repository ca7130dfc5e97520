"""Russian dates as documents print them: «5 ноября 2026 г.» or «05.11.2026», blanks until registered."""
from __future__ import annotations

from datetime import date

from tracker import dates

DATE_BLANK = "________"  # «от ________ № ____» until the document is registered
NUMBER_BLANK = "____"


def ru_date(value: date | None, blank: str = DATE_BLANK) -> str:
    """«5 ноября 2026 г.»; the blank when there is no date yet."""
    return dates.ru_date(value, empty=blank)


def dmy(value: date | None, blank: str = DATE_BLANK) -> str:
    """«05.11.2026»; the blank when there is no date yet."""
    return dates.fmt_date(value, empty=blank)


def quarter_start(value: date) -> date:
    """First day of the quarter `value` falls in."""
    return date(value.year, 3 * ((value.month - 1) // 3) + 1, 1)
