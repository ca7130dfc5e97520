"""The clock: what «now» is for every change and every «today» (history, deadlines, figures).

A clock is any callable returning the current datetime. The root builds the one every front end
uses; `$TRACKER_TODAY` (ГГГГ-ММ-ДД or ДД.ММ.ГГГГ) fixes the day for scripts, demos and tests.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import date, datetime

Clock = Callable[[], datetime]
TODAY_ENV = "TRACKER_TODAY"


def system_clock() -> datetime:
    return datetime.now()


def fixed_day(day: date) -> Clock:
    """A clock on `day` whose time of day runs (history entries keep their order)."""
    return lambda: datetime.combine(day, datetime.now().time())


def clock_from_env(environ: Mapping[str, str] | None = None) -> Clock:
    """$TRACKER_TODAY as the day if set (a wrong value is a Russian ValidationError), else the system clock."""
    raw = (os.environ if environ is None else environ).get(TODAY_ENV)
    if not raw:
        return system_clock
    from tracker.dates import parse_user_date
    from tracker.errors import ValidationError

    try:
        return fixed_day(parse_user_date(raw))
    except ValidationError as error:
        raise ValidationError(f"${TODAY_ENV}: {error}") from None
