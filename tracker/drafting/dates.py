"""Russian dates as documents print them: «5 ноября 2026 г.» or «05.11.2026», blanks until registered."""
from __future__ import annotations

from datetime import date

MONTHS_GENITIVE = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)
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
    text = text.strip()
    for sep, order in ((".", (2, 1, 0)), ("-", (0, 1, 2))):
        parts = text.split(sep)
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            try:
                return date(int(parts[order[0]]), int(parts[order[1]]), int(parts[order[2]]))
            except ValueError:
                break
    raise ValueError(f"«{text}» — не дата; введите дату как ДД.ММ.ГГГГ, например 05.11.2026")


def quarter_start(value: date) -> date:
    """First day of the quarter `value` falls in."""
    return date(value.year, 3 * ((value.month - 1) // 3) + 1, 1)
