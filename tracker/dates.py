"""Dates as clerks type and read them: ДД.ММ.ГГГГ in, «05.11.2026» or «5 ноября 2026 г.» out.

The one place that parses a date typed by a user (CLI options, UI fields, settings).
"""
from __future__ import annotations

import re
from datetime import date

from tracker.errors import ValidationError

MONTHS_GENITIVE = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)

_DMY = re.compile(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*")
_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*")


def parse_user_date(text: str) -> date:
    """«05.11.2026» (also «5.11.2026» and ISO «2026-11-05»); ValidationError in Russian otherwise."""
    text = text or ""
    if match := _DMY.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    elif match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise ValidationError(f"«{text.strip()}» — не дата: введите дату в виде ДД.ММ.ГГГГ, например 05.11.2026.")
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(f"«{text.strip()}» — такой даты нет в календаре: проверьте день и месяц.") from None


def fmt_date(value: date | None, empty: str = "—") -> str:
    """«05.11.2026», or `empty` when there is no date."""
    return value.strftime("%d.%m.%Y") if value else empty


def ru_date(value: date | None, empty: str = "—") -> str:
    """«5 ноября 2026 г.», or `empty` when there is no date."""
    if value is None:
        return empty
    return f"{value.day} {MONTHS_GENITIVE[value.month - 1]} {value.year} г."
