"""Dates as clerks type and read them: ДД.ММ.ГГГГ, with validation messages in Russian."""
from __future__ import annotations

from datetime import date

from tracker.dates import fmt_date, parse_user_date
from tracker.errors import ValidationError

__all__ = ["DateInputError", "fmt_date", "fmt_days_left", "month_bounds", "parse_date"]


class DateInputError(ValueError):
    """The text is not a real date in the form ДД.ММ.ГГГГ; str() is the Russian message."""


def parse_date(text: str) -> date:
    """Parse «05.11.2026»; reject anything else with a message saying what to type."""
    try:
        return parse_user_date(text)
    except ValidationError as error:
        raise DateInputError(str(error).rstrip(".")) from None


def fmt_days_left(days: int | None, overdue: bool) -> str:
    """«просрочено на 3 дн.», «сегодня», «5 дн.», or a dash when there is no date."""
    if days is None:
        return "—"
    if days < 0 or overdue:
        return f"просрочено {abs(days)} дн."
    if days == 0:
        return "сегодня"
    return f"{days} дн."


def month_bounds(today: date, shift: int = 0) -> tuple[date, date]:
    """First and last day of the month `shift` months after today's."""
    index = today.year * 12 + today.month - 1 + shift
    year, month = divmod(index, 12)
    first = date(year, month + 1, 1)
    next_index = index + 1
    ny, nm = divmod(next_index, 12)
    last = date.fromordinal(date(ny, nm + 1, 1).toordinal() - 1)
    return first, last
