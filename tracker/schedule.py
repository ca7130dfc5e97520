"""Reading a recurring deadline's own words: the day inside the period, and posting norms.

The parser gives the recurrence word («ежемесячно») and keeps the words of the term; the day
a report is due inside each period is in those words:

- «ежемесячно, до 5 числа месяца, следующего за отчётным» -> day 5, one month after the period;
- «ежеквартально, не позднее 10 числа месяца, следующего за отчётным кварталом» -> day 10, +1;
- «ежеквартально, до 20 числа последнего месяца квартала» -> day 20, in the period's last month;
- «ежегодно до 1 февраля» -> 1 February, i.e. day 1, two months after the (calendar) year;
- «еженедельно, по пятницам» -> weekday 5.

A posting norm («не менее 3 (трех) информационных материалов в неделю», «не реже 2 раз в
месяц») says how often, not by when: it is not a deadline and has no control points.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.models import Recurrence

MONTHS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр")
_MONTH_WORD = r"(январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[яй]|июн[ья]|июл[ья]|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья])"
_DAY_AND_MONTH = re.compile(r"(\d{1,2})(?:-?го)?\s+" + _MONTH_WORD)
_DAY_OF_MONTH = re.compile(r"(\d{1,2})(?:-?го)?\s+числа")
_WEEKDAYS = (("понедельник", 1), ("вторник", 2), ("сред", 3), ("четверг", 4), ("пятниц", 5),
             ("суббот", 6), ("воскресен", 7))
_WEEKDAY = re.compile(r"\b(?:по|в|во|каждый|каждую|каждое|до|не позднее)\s+(понедельник\w*|вторник\w*|сред\w*|"
                      r"четверг\w*|пятниц\w*|суббот\w*|воскресень\w*)")
_NORM = re.compile(
    r"не\s+(?:менее|реже|более|чаще)\s+(?:\d+|[а-я]+)(?:\s*\([^)]*\))?\s+[^.;]*?"
    r"\bв\s+(?:день|сутки|неделю|месяц|квартал|полугодие|год)\b"
)
_SAME_PERIOD = re.compile(r"последн\w+\s+месяц|текущ\w+\s+месяц|отчетн\w+\s+месяц\w*\s*$|того же месяца")


@dataclass(frozen=True, slots=True)
class PointRule:
    """Where a period's control point falls; None fields leave the default (the period's last day)."""

    day: int | None = None  # day of the month, or weekday 1..7 for weekly orders
    month_offset: int | None = None  # months after the period's last month (0: in it)


def _fold(words: str | None) -> str:
    return " ".join((words or "").lower().replace("ё", "е").split())


def is_posting_norm(words: str | None) -> bool:
    """«не менее 3 (трех) материалов в неделю», «не реже 2 раз в месяц»: how often, not by when."""
    return bool(_NORM.search(_fold(words)))


def read_point_rule(recurrence: Recurrence | None, words: str | None) -> PointRule:
    """The day inside the period the deadline's words name (PointRule() when they name none)."""
    low = _fold(words)
    if not low or recurrence is None:
        return PointRule()
    if recurrence == Recurrence.WEEKLY:
        found = _WEEKDAY.search(low)
        if found:
            for stem, number in _WEEKDAYS:
                if found.group(1).startswith(stem):
                    return PointRule(day=number)
        return PointRule()
    if recurrence not in (Recurrence.MONTHLY, Recurrence.QUARTERLY, Recurrence.HALF_YEARLY, Recurrence.YEARLY):
        return PointRule()
    dated = _DAY_AND_MONTH.search(low)
    if dated and recurrence == Recurrence.YEARLY:
        month = _month_number(dated.group(2))
        # the year's period ends in December: month M of the next year is M months after it
        return PointRule(day=int(dated.group(1)), month_offset=month)
    numbered = _DAY_OF_MONTH.search(low)
    if numbered is None:
        return PointRule()
    day = int(numbered.group(1))
    if not 1 <= day <= 31:
        return PointRule()
    if "следующ" in low:
        return PointRule(day=day, month_offset=1)
    if _SAME_PERIOD.search(low) or recurrence == Recurrence.MONTHLY:
        # «ежемесячно до 25 числа»: the 25th of every month
        return PointRule(day=day, month_offset=0)
    return PointRule(day=day, month_offset=1)  # «ежеквартально до 5 числа»: the month after the quarter


_CLAUSE_END = re.compile(r";|\.(?=\s|$)|:\s")


def term_clause(order_text: str | None, deadline_words: str | None) -> str | None:
    """The order's words from the recurrence word to the end of its clause.

    The parser keeps the recurrence word as the term («ежемесячно»); the day inside the period
    follows it in the order's text: «ежемесячно, до 5 числа месяца, следующего за отчетным,
    формировать рейтинг…» -> «ежемесячно, до 5 числа месяца, следующего за отчетным, формировать рейтинг…»."""
    if not order_text or not deadline_words:
        return deadline_words
    low = order_text.lower().replace("ё", "е")
    at = low.find(deadline_words.lower().replace("ё", "е").strip())
    if at < 0:
        return deadline_words
    end = _CLAUSE_END.search(order_text, at + len(deadline_words))
    return order_text[at: end.start() if end else len(order_text)]


def _month_number(word: str) -> int:
    for number, stem in enumerate(MONTHS, start=1):
        if word.startswith(stem) and not (stem == "ма" and word.startswith("мар")):
            return number
    raise ValueError(word)  # the pattern admits month words only
