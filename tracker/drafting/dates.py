"""Russian dates as documents print them: «5 ноября 2026 г.» or «05.11.2026», blanks until registered."""
from __future__ import annotations

from datetime import date

from tracker.dates import MONTHS_GENITIVE

DATE_BLANK = "________"  # «от ________ № ____» until the document is registered
NUMBER_BLANK = "____"


def ru_date(value: date | None, blank: str = DATE_BLANK) -> str:
    """«5 ноября 2026 г.»; the blank when there is no date yet."""
    if value is None:
        return blank
    return f"{value.day} {MONTHS_GENITIVE[value.month - 1]} {value.year} г."


def dmy(value: date | None, blank: str = DATE_BLANK) -> str:
    """«05.11.2026»; the blank when there is no date yet."""
    if value is None:
        return blank
    return value.strftime("%d.%m.%Y")


def parse_dmy(text: str) -> date:
    """ДД.ММ.ГГГГ (or ISO ГГГГ-ММ-ДД) typed by a clerk; ValueError with a Russian message otherwise."""
    from tracker.dates import parse_user_date
    from tracker.errors import ValidationError

    try:
        return parse_user_date(text)
    except ValidationError as error:
        raise ValueError(str(error).rstrip(".")) from None


def quarter_start(value: date) -> date:
    """First day of the quarter `value` falls in."""
    return date(value.year, 3 * ((value.month - 1) // 3) + 1, 1)
