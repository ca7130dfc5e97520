"""Deadlines: a date, a recurrence, or a relative term anchored on an event; extensions.

A deadline always keeps the act's own words. A relative term whose event is the act itself
(«в течение 5 рабочих дней со дня подписания», «с даты принятия настоящего постановления»)
gets its date at import from the act's date; any other («с даты их создания») once the clerk
enters the event's date, and until then the order needs a date (`needs_date`). Working days
follow the production calendar; calendar days follow the Civil Code (art. 191, 193): the term
begins the day after the event, and a term ending on a day off ends on the next working day. An extension moves the date strictly later, with a reason and
(where there is one) a basis document.
"""
from __future__ import annotations

import calendar as _stdcal
import re
from collections.abc import Collection
from datetime import date, datetime, timedelta

from tracker.calendar import BUNDLED, ProductionCalendar
from tracker.dates import MONTHS_GENITIVE
from tracker.errors import ValidationError
from tracker.models import Deadline, DeadlineKind, Extension, Recurrence
from tracker.recurrence import next_point
from tracker.schedule import PointRule, is_posting_norm, read_point_rule, term_clause

_NUMBER_WORDS = {
    "одного": 1, "один": 1, "одной": 1, "двух": 2, "два": 2, "двое": 2, "трех": 3, "три": 3,
    "четырех": 4, "четыре": 4, "пяти": 5, "пять": 5, "шести": 6, "шесть": 6, "семи": 7, "семь": 7,
    "восьми": 8, "восемь": 8, "девяти": 9, "девять": 9, "десяти": 10, "десять": 10,
    "пятнадцати": 15, "пятнадцать": 15, "двадцати": 20, "двадцать": 20, "тридцати": 30, "тридцать": 30,
}
_UNIT_DAYS = {"д": 1, "н": 7}  # день, неделя; months handled apart
_RELATIVE = re.compile(
    r"(?:(?P<num>\d{1,3})|(?P<word>[а-я]+))?[\s-]*(?:\(\s*\w+\s*\)\s*)?"
    r"(?P<working>рабоч\w*\s+|календарн\w*\s+)?"
    r"(?P<unit>дн(?:я|ей)|день|дневн\w*|недел\w*|месяц\w*)",
)


def parse_relative(text: str | None) -> tuple[int, bool] | None:
    """(days, working) of a relative term, or None. Months count as 30 calendar days.

    «в течение 3 рабочих дней» -> (3, True); «в 10-дневный срок» -> (10, False);
    «в течение месяца» -> (30, False); «в двухнедельный срок» -> (14, False).
    """
    if not text:
        return None
    low = text.lower().replace("ё", "е")
    if "двухнедельн" in low:
        return 14, False
    if "месячный срок" in low:
        return 30, False
    for match in _RELATIVE.finditer(low):
        unit = match["unit"]
        number = None
        if match["num"]:
            number = int(match["num"])
        elif match["word"] and match["word"] in _NUMBER_WORDS:
            number = _NUMBER_WORDS[match["word"]]
        if number is None:
            if unit.startswith("месяц") and ("течение месяца" in low or "месячный" in low):
                return 30, False
            if unit.startswith("недел") and "течение недели" in low:
                return 7, False
            continue
        working = bool(match["working"] and match["working"].startswith("рабоч"))
        if unit.startswith("месяц"):
            return number * 30, False
        return number * _UNIT_DAYS["н" if unit.startswith("недел") else "д"], working
    return None


# the event is the act itself: its signing, publication, entry into force or adoption
_ACT_EVENT = re.compile(
    r"(?:со\s+дня|с\s+даты|с\s+момента|после|от\s+даты|с\s+дня)\s+(?:его\s+|ее\s+)?(?:официального\s+)?"
    r"(?:подписани\w+|опубликовани\w+|вступлени\w+\s+в\s+(?:законную\s+)?силу|приняти\w+|издани\w+)"
    r"(?P<tail>\s+настоящ\w+\s+\w+|\s+\w+)?"
)


def event_is_the_act(words: str | None) -> bool:
    """True when a relative term counts from the act's own signing, publication or entry into force.

    «со дня подписания», «со дня официального опубликования настоящего постановления», «с даты
    принятия настоящего постановления»; not «со дня подписания соглашения» (another document).
    """
    low = " ".join((words or "").lower().replace("ё", "е").split())
    for found in _ACT_EVENT.finditer(low):
        tail = (found.group("tail") or "").strip()
        if not tail or tail.startswith("настоящ") or tail in {"и", "или", "либо"}:
            return True
    return False


def parse_months(text: str | None) -> int | None:
    """How many months a term in months runs: «в течение месяца» -> 1, «в течение 2 месяцев» -> 2,
    «в месячный срок» -> 1; None for a term in days or weeks."""
    if not text:
        return None
    low = text.lower().replace("ё", "е")
    if "месячный срок" in low or "течение месяца" in low:
        return 1
    for match in _RELATIVE.finditer(low):
        if not match["unit"].startswith("месяц"):
            continue
        if match["num"]:
            return int(match["num"])
        if match["word"] in _NUMBER_WORDS:
            return _NUMBER_WORDS[match["word"]]
    return None


def build_deadline(text: str | None, due: date | None, recurrence: str | None,
                   relative: str | None, start: date | None, act_date: date | None = None,
                   calendar: ProductionCalendar = BUNDLED, order_text: str | None = None) -> Deadline:
    """A Deadline from the extracted words.

    `start` is when the order's control points begin (the day it was put on control, or the
    date the clerk gave to catch up history); the day inside each period comes from the words,
    and a posting norm gets no points (`order_text`, the order's words, is read where the term's
    own words stop at the recurrence word). A relative term counted from the act itself is dated
    from `act_date` at once."""
    if recurrence:
        try:
            rec = Recurrence(recurrence)
        except ValueError:
            rec = None
        if rec is not None:
            words = text or recurrence
            if is_posting_norm(words):
                return Deadline(kind=DeadlineKind.RECURRING, text=words, recurrence=rec, start=start, norm=True)
            rule = read_point_rule(rec, words)
            if rule == PointRule():
                rule = read_point_rule(rec, term_clause(order_text, text))
            return Deadline(kind=DeadlineKind.RECURRING, text=words, recurrence=rec,
                            start=start, due=None, point_day=rule.day, point_offset=rule.month_offset)
    if due is not None:
        return Deadline(kind=DeadlineKind.DATE, text=text, due=due)
    if relative and (last := window_last_day(relative)) is not None:
        # «с 1 по 30 апреля 2026 года»: the window's words name their own end, the day to check it
        return Deadline(kind=DeadlineKind.DATE, text=text or relative, due=last)
    if relative:
        parsed = parse_relative(relative) or parse_relative(text)
        days, working = parsed if parsed else (None, False)
        deadline = Deadline(kind=DeadlineKind.RELATIVE, text=text or relative, relative=relative,
                            relative_days=days, relative_working=working,
                            relative_months=parse_months(relative) or parse_months(text))
        if days and act_date is not None and (event_is_the_act(relative) or event_is_the_act(text)):
            anchor(deadline, act_date, calendar)
        return deadline
    return Deadline(kind=DeadlineKind.NONE, text=text)


_MONTH_WORD = "|".join(MONTHS_GENITIVE)
_WINDOW = re.compile(
    rf"^\s*(?:в\s+период\s+)?с\s+(?:\d{{1,2}}(?:\s+(?:{_MONTH_WORD}))?(?:\s+\d{{4}}\s*(?:года|г\.?)?)?|\d{{1,2}}\.\d{{1,2}}\.\d{{4}})"
    rf"\s+(?:г\.\s+)?(?:по|до)\s+(?:(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_WORD})\s+(?P<year>\d{{4}})"
    rf"|(?P<dmy>\d{{1,2}}\.\d{{1,2}}\.\d{{4}}))\s*(?:года|г\.?)?\s*$",
    re.IGNORECASE)


def window_last_day(words: str | None) -> date | None:
    """The last day of a time window whose end is a whole date («с 1 по 30 апреля 2026 года»,
    «с 01.01.2027 по 31.03.2027»); None for anything else (an open start, a window with no year,
    a condition)."""
    m = _WINDOW.match(words or "")
    if m is None:
        return None
    try:
        if m.group("dmy"):
            day, month, year = (int(x) for x in m.group("dmy").split("."))
            return date(year, month, day)
        return date(int(m.group("year")), MONTHS_GENITIVE.index(m.group("month").lower()) + 1, int(m.group("day")))
    except ValueError:
        return None


def relative_due(event: date, days: int, working: bool, calendar: ProductionCalendar = BUNDLED,
                 months: int | None = None) -> date:
    """The last day of a term of `days` days (or `months` months) from `event`.

    Working days: the `days`-th working day after the event. Calendar days (Civil Code art.
    191, 193): the term begins the day after the event, so it ends `days` days after it. Months
    (art. 192): on the same day of the last month, or its last day when it has no such day. An
    end on a day off moves to the next working day."""
    if working:
        return calendar.add_working_days(event, days)
    if months:
        index = event.year * 12 + event.month - 1 + months
        year, month = index // 12, index % 12 + 1
        end = date(year, month, min(event.day, _stdcal.monthrange(year, month)[1]))
        return calendar.next_working_day(end)
    return calendar.next_working_day(event + timedelta(days=days))


def anchor(deadline: Deadline, event: date, calendar: ProductionCalendar = BUNDLED) -> date:
    """Anchor a relative term on its event's date; returns the due date."""
    if deadline.kind != DeadlineKind.RELATIVE:
        raise ValidationError("Дату события задают только для относительного срока («в течение N дней ...»).")
    if not deadline.relative_days:
        raise ValidationError(
            f"Не удалось понять срок «{deadline.relative or deadline.text}»: укажите дату исполнения вручную (продлением)."
        )
    deadline.anchor = event
    deadline.due = relative_due(event, deadline.relative_days, deadline.relative_working, calendar,
                                deadline.relative_months)
    return deadline.due


def needs_date(deadline: Deadline) -> bool:
    """A relative term whose event date nobody has entered yet: the «нужна дата» list."""
    return deadline.kind == DeadlineKind.RELATIVE and deadline.due is None


def current_due(deadline: Deadline, calendar: ProductionCalendar = BUNDLED,
                closed: Collection[date] = ()) -> date | None:
    """The date the order is due now: the date, the anchored term, or the earliest open control point."""
    if deadline.kind == DeadlineKind.RECURRING:
        return next_point(deadline, calendar, closed)
    return deadline.due


def describe(deadline: Deadline) -> str:
    """Short Russian text for a table cell."""
    if deadline.kind == DeadlineKind.DATE and deadline.due:
        return f"{deadline.due:%d.%m.%Y}"
    if deadline.kind == DeadlineKind.RECURRING and deadline.norm:
        return f"норма: {deadline.text}" if deadline.text else "норма"
    if deadline.kind == DeadlineKind.RECURRING and deadline.recurrence:
        return str(deadline.recurrence) + _point_words(deadline)
    if deadline.kind == DeadlineKind.RELATIVE:
        words = deadline.relative or deadline.text or "относительный срок"
        return f"{deadline.due:%d.%m.%Y} ({words})" if deadline.due else words
    if deadline.due:
        return f"{deadline.due:%d.%m.%Y}"
    return deadline.text or "—"


_WEEKDAYS = ("по понедельникам", "по вторникам", "по средам", "по четвергам", "по пятницам", "по субботам",
             "по воскресеньям")


def _point_words(deadline: Deadline) -> str:
    """«, до 5 числа», «, до 1 февраля», «, по пятницам»: the day inside the period, when set."""
    day = deadline.point_day
    if not day:
        return ""
    if deadline.recurrence == Recurrence.WEEKLY:
        return f", {_WEEKDAYS[min(max(day, 1), 7) - 1]}"
    if deadline.recurrence == Recurrence.YEARLY and deadline.point_offset:
        return f", до {day} {MONTHS_GENITIVE[(deadline.point_offset - 1) % 12]}"
    if deadline.recurrence in (Recurrence.MONTHLY, Recurrence.QUARTERLY, Recurrence.HALF_YEARLY, Recurrence.YEARLY):
        return f", до {day} числа"
    return ""


def make_extension(deadline: Deadline, new: date, reason: str, basis: str | None,
                   who: str, at: datetime) -> Extension:
    """Validate and apply a move of the deadline: strictly later, with a reason."""
    if not reason or not reason.strip():
        raise ValidationError("Укажите причину переноса срока.")
    if deadline.kind == DeadlineKind.RECURRING:
        raise ValidationError(
            "Срок периодического поручения не переносится: контрольные точки задаются периодичностью."
        )
    old = deadline.due
    if old is not None and new <= old:
        raise ValidationError(
            f"Новый срок {new:%d.%m.%Y} должен быть позже текущего {old:%d.%m.%Y}."
        )
    extension = Extension(old=old, new=new, reason=reason.strip(), basis=(basis or "").strip() or None,
                          at=at, who=who)
    deadline.due = new
    if deadline.kind == DeadlineKind.NONE:
        deadline.kind = DeadlineKind.DATE
    return extension

