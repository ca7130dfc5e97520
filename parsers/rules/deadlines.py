"""Deadlines: Russian dates, recurrences and relative terms of an order.

A deadline is found only where the text makes it one: «Срок: ...» lines, «до / в срок до /
не позднее DATE», a month alone («в ноябре 1996 года» -> its last day), an event or start
date right by the verb, recurrence words, and terms or conditions («в течение 3 рабочих
дней ...», «при получении средств»). Dates of referenced acts («от 12.05.2023 № 5»),
dates inside quotes, amounts («до 40 рублей») and scope years («в 2014 году») are not.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from parsers.model import Deadline
from parsers.rules import sureness, words
from parsers.rules.text import mask_quoted, squash


@dataclass(slots=True)
class DateMatch:
    start: int
    end: int
    value: date
    month_only: bool = False
    year_written: bool = True


def _month_alternation(kind: str) -> str:
    forms = words.month_forms()
    ends = {"gen": ("я", "а"), "loc": ("е",)}[kind]
    chosen = [form for form in forms if form.endswith(ends)]
    return "|".join(sorted(chosen, key=len, reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    gen, loc = _month_alternation("gen"), _month_alternation("loc")
    year_tail = r"(?:\s*(?:года|год|г\.?)(?![а-яё]))?"
    return {
        "words": re.compile(
            # «с 01 октября 00 часов 2018 года»: an hour may stand between the month and the year
            rf"(?<!\d)[«\"]?\s*(\d{{1,2}})(?:-?го)?\s*[»\"]?\s*({gen})(?![а-яё])"  # «1-го марта»
            rf"(?:\s*(?:\d{{1,2}}(?:[.:]\d{{2}})?\s*(?:час\w*|ч\.)\s*(?:\d{{2}}\s*мин\w*\.?\s*)?)?(\d{{4}}){year_tail})?",
            re.IGNORECASE),
        # «31.07. 2020г.»: a page may put a space before a whole year
        "numeric": re.compile(rf"(?<![\d.])(\d{{1,2}})\.(\d{{1,2}})\.(?:[ \t]?(\d{{4}})|(\d{{2}}))(?!\.?\d){year_tail}"),
        "month": re.compile(rf"(?<![а-яё])(?:в\s*|до\s+конца\s+)({loc}|{gen})\s*(\d{{4}}){year_tail}",
                            re.IGNORECASE),
        "quarter": re.compile(rf"(?<![а-яё])(?:во?|до\s+конца)\s+(I{{1,3}}|IV|[1-4])(?:-?м)?\s+квартал\w*\s+(\d{{4}}){year_tail}",
                              re.IGNORECASE),
        "half": re.compile(rf"(?<![а-яё])в\s+(перв|втор)\w+\s+полугоди\w+\s+(\d{{4}}){year_tail}", re.IGNORECASE),
        "year_end": re.compile(rf"(?<![а-яё])до\s+конца\s+(\d{{4}}){year_tail}", re.IGNORECASE),
    }


@cache
def _day_set() -> re.Pattern[str]:
    """Several event days, a window like «с 5 по 11 ноября», not one date: days of one month
    («16 и 17 марта 2024 года», «5, 6 и 7 мая»), ranges of days («26-27 сентября 2015 года и
    03-04 октября 2015 года»), or whole dates in a row, each with its hours («19 декабря 2018 года
    в 14.00, 20 декабря 2018 года в 11.00 и в 14.00, 21 декабря 2018 года»)."""
    gen = _month_alternation("gen")
    year = r"(?:\s+\d{4}(?:\s*(?:года|г\.?)(?![а-яё]))?)?"
    days = rf"(?<![\d.])\d{{1,2}}(?:\s*,\s*\d{{1,2}})*\s+и\s+\d{{1,2}}\s+(?:{gen})(?![а-яё]){year}"
    span = rf"(?<![\d.])\d{{1,2}}\s*[-–—]\s*\d{{1,2}}\s*(?:{gen})(?![а-яё]){year}"
    hours = r"(?:\s*,?\s+в\s+\d{1,2}[.:]\d{2}(?:\s*час\w*)?(?:\s+и\s+в\s+\d{1,2}[.:]\d{2}(?:\s*час\w*)?)*)?"
    whole = rf"(?<![\d.])\d{{1,2}}\s+(?:{gen})\s+\d{{4}}\s*(?:года|г\.?)(?![а-яё]){hours}"
    return re.compile(rf"{span}(?:\s*(?:,|и)\s*{span})*|{days}|{whole}(?:\s*(?:,|и)\s*{whole})+", re.IGNORECASE)


def _year(text: str) -> int:
    year = int(text)
    if year < 100:
        year += 1900 if year > 50 else 2000
    return year


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def find_dates(text: str, reference: date | None = None) -> list[DateMatch]:
    """Every date the text spells out, in order. A day and month without a year take the
    reference date's year (the act's date), rolled to the next year if already past."""
    pats = _patterns()
    months = words.month_forms()
    found: list[DateMatch] = []
    for m in pats["words"].finditer(text):
        month = months[m.group(2).lower()]
        if m.group(3):
            value = _make(_year(m.group(3)), month, int(m.group(1)))
        elif reference is not None:
            value = _make(reference.year, month, int(m.group(1)))
            if value is not None and value < reference:
                value = _make(reference.year + 1, month, int(m.group(1)))
        else:
            value = None
        if value:
            found.append(DateMatch(m.start(), m.end(), value, year_written=bool(m.group(3))))
    for m in pats["numeric"].finditer(text):
        value = _make(_year(m.group(3) or m.group(4)), int(m.group(2)), int(m.group(1)))
        if value:
            found.append(DateMatch(m.start(), m.end(), value))
    taken = [(d.start, d.end) for d in found]
    for m in pats["month"].finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        found.append(DateMatch(m.start(), m.end(), _last_day(int(m.group(2)), months[m.group(1).lower()]), True))
    for m in pats["quarter"].finditer(text):
        roman = {"I": 1, "II": 2, "III": 3, "IV": 4}
        q = roman.get(m.group(1).upper()) or int(m.group(1))
        found.append(DateMatch(m.start(), m.end(), _last_day(int(m.group(2)), q * 3), True))
    for m in pats["half"].finditer(text):
        month = 6 if m.group(1).lower().startswith("перв") else 12
        found.append(DateMatch(m.start(), m.end(), _last_day(int(m.group(2)), month), True))
    for m in pats["year_end"].finditer(text):
        found.append(DateMatch(m.start(), m.end(), date(int(m.group(1)), 12, 31), True))
    found.sort(key=lambda d: d.start)
    return found


def is_reference_date(text: str, match: DateMatch) -> bool:
    """A date of another act («от 12.05.2023 № 5», «12.05.2023 N 5»), not a deadline."""
    before = text[max(0, match.start - 4):match.start].lower()
    after = text[match.end:match.end + 6]
    return bool(re.search(r"(?:^|\s)от\s*$", before)) or bool(re.match(r"\s*(?:№|N\s*\d)", after))


_TRIGGER = re.compile(r"(?<![а-яёa-z])(?:(?:в\s+срок\s+)?(?:до|не\s+позднее|не\s+позже|к)|в\s+срок|с|со)\s*$", re.IGNORECASE)
_PERIOD = re.compile(r"(?<![а-яё])с\s+\d{1,2}(?:\s*[а-яё]+)?(?:\s+\d{4}\s*(?:года|г\.?)?)?\s+(?:по|до)\s+\d{1,2}\s*[а-яё]+"
                     r"(?:\s+\d{4}(?:\s*(?:года|г\.?)(?![а-яё]))?)?"
                     # «с 01.05.2015 по 31.05.2015»: the same window in figures
                     r"|(?<![а-яё])с\s+\d{1,2}\.\d{1,2}\.\s?\d{2,4}\s*(?:г\.\s*|г\s+|года\s+|\s+)(?:по|до)\s+\d{1,2}\.\d{1,2}\.\s?\d{2,4}"
                     r"(?:\s*(?:года|г\.?)(?![а-яё]))?", re.IGNORECASE)
# an hour of the day: «10.00 часов», «12 часов 45 минут», «10:00», «12 ч. 00 мин.»
_CLOCK = r"\d{1,2}(?:[.:]\d{2})?\s*(?:час\w*|ч\.)(?:\s*\d{1,2}\s*(?:минут\w*|мин\.?))?|\d{1,2}[:]\d{2}"
_CLOCK_BEFORE = re.compile(rf"(?:{_CLOCK})\s*$", re.IGNORECASE)
# «с 18.00 до 22.00 часов» right after a whole date: the hours of that day (a bare «18.00» is an hour
# only with round minutes, else it may be a day and a month)
_ROUND_HOUR = r"\d{1,2}\.(?:00|15|30|45)(?!\.\d)"
_CLOCK_AFTER = re.compile(rf"\s*(?:года|г\.)?\s*,?\s*(?:в\s+период\s+)?(?:с|со)\s+(?:{_CLOCK}|{_ROUND_HOUR})\s*(?:до|по)\s+(?:{_CLOCK}|{_ROUND_HOUR})",
                          re.IGNORECASE)
_SROK = re.compile(r"(?:(?:^|(?<=[\s.;:]))(?:Срок[а-я]*(?:\s+[а-я]+){0,3}?|Доклад)|(?<=\()\s*срок[а-я]*)\s*[:–—-]\s*"
                   r"(?P<phrase>[^\n]+?)\s*(?=\.\s|\.?$|;|\n|\.\Z|\)(?=[\s.;]|$))", re.MULTILINE)
# «Срок представления единого плана … с проектом доклада Президенту … – до 26 декабря 2020 года»:
# «Срок» with a verbal noun whose object runs over lines before the dash and the term
_SROK_LONG = re.compile(r"(?:^|(?<=[\s.;:]))Срок\s+[а-я]+(?:ния|ки|ты)\b[^.;:–—]{0,240}?\s[–—-]\s*"
                        r"(?P<phrase>(?:до|не\s+позднее|к|в\s+течение|еже|\d)(?:[^.;\n]|\.(?=\d)|\n(?![ \t]*\n))*?)"
                        r"\s*(?=\.(?:\s|\Z)|;|\n[ \t]*\n|\Z)",
                        re.MULTILINE)


def _stated_term(text: str) -> re.Match[str] | None:
    """The text's «Срок …: …» / «Срок … – до …» clause, its term in group «phrase»."""
    return _SROK.search(text) or _SROK_LONG.search(text)


def states_a_term(text: str) -> bool:
    """Does the text say its term in a «Срок …» clause of its own?"""
    return _stated_term(text) is not None


def recurrence_in(text: str) -> tuple[str, int, int] | None:
    """The first recurrence the text states, as (value, start, end)."""
    best: tuple[str, int, int] | None = None
    lowered = text.lower()
    for stem, value in words.mapping("recurrence.txt").items():
        pattern = rf"(?<![а-яё]){re.escape(stem)}" + (r"(?![а-яё])" if " " in stem or stem == "постоянно" else "")
        m = next((m for m in re.finditer(pattern, lowered) if not _in_circumstance(lowered, m.start())), None)
        if m and (best is None or m.start() < best[1]):
            word = re.match(r"[а-яё]*", lowered[m.end():])  # always matches (possibly empty)
            end = (word.end() if word else 0) + m.end()
            best = (value, m.start(), end)
    every = re.search(r"(?<![а-яё])(?:кажд\w+\s+(день|недел|месяц|квартал|год)\w*|"
                      r"(?:по|кажд\w+)\s+(?:понедельник|вторник|сред|четверг|пятниц|суббот|воскресень)\w*)", lowered)
    if every and (best is None or every.start() < best[1]):
        unit = every.group(1) or "недел"  # «по понедельникам», «каждую пятницу» is weekly
        value = {"день": "ежедневно", "недел": "еженедельно", "месяц": "ежемесячно", "квартал": "ежеквартально",
                 "год": "ежегодно"}[unit]
        best = (value, every.start(), every.end())
    following = re.search(r"числа\s+месяца,?\s+следующего\s+за\s+отчетн\w+(\s+квартал\w*|\s+полугоди\w*)?",
                          lowered.replace("ё", "е"))
    if following and best is None:
        tail = (following.group(1) or "").strip()
        value = "ежеквартально" if tail.startswith("квартал") else "раз в полгода" if tail else "ежемесячно"
        best = (value, following.start(), following.end())
    units = words.mapping("period_units.txt")
    twice = re.search(r"(?<![а-яё])(?:два|2)\s+раза\s+в\s+год(?![а-яё])", lowered)
    if twice and (best is None or twice.start() < best[1]):
        return ("раз в полгода", twice.start(), twice.end())  # «два раза в год»
    for m in re.finditer(r"(?:не\s+(?:менее|реже|более)\b[^.;:]{0,90}?|(?<![а-яё])раз[а]?\s+)в\s+("
                         + "|".join(units) + r")(?![а-яё])", lowered):
        if best is None or m.start() < best[1]:
            best = (units[m.group(1)], m.start(), m.end())
        break
    return best


def _in_circumstance(lowered: str, at: int) -> bool:
    """Is the recurrence word at `at` an adjective inside a prepositional phrase («с учётом
    ежегодных планов работы», «в рамках ежегодного смотра»)? That phrase qualifies a
    circumstance of the task, not how often the task is done."""
    from parsers import nlp

    found = re.match(r"[а-яё]*", lowered[at:])
    word = found.group(0) if found else ""
    if nlp.first_pos(word) not in ("ADJF", "PRTF"):
        return False  # «ежегодно»: an adverb always states the recurrence
    before = re.findall(r"[а-яё]+", lowered[max(0, at - 40):at])[-2:]
    tags = [reading.tag if (reading := nlp.first_reading(w)) is not None else None for w in before]
    if tags and tags[-1] is not None and tags[-1].POS == "PREP":
        return True
    return (len(tags) == 2 and tags[0] is not None and tags[0].POS == "PREP" and tags[1] is not None
            and tags[1].POS == "NOUN")


_THEN = re.compile(r"(?<![а-яё])(?:и\s+|а\s+)?(?:далее|в\s+дальнейшем)\s*[–—-]?\s*(?P<then>[^.;\n]+)", re.IGNORECASE)


def then_recurrence(after: str) -> str | None:
    """«…, далее – ежегодно», «далее – один раз в полгода»: how often the task repeats after its
    first date (looked for in the words right after that date)."""
    m = _THEN.match(after.lstrip(" ,–—-"))
    found = recurrence_in(m.group("then")) if m else None
    return found[0] if found else None


def relative_in(text: str) -> tuple[int, int] | None:
    """The first term, window or condition («в течение 3 рабочих дней ...», «при получении ...»)."""
    best: tuple[int, int] | None = None
    for pattern in words.patterns("relative_terms.txt"):
        m = next((m for m in pattern.finditer(text) if not _after_participle(text, m.start())
                  and not _ANNIVERSARY.search(text, 0, m.start())), None)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end())
    if best is None:
        return None
    start, end = best
    if text[start:end].lower().startswith(("в течение", "в срок", "не позднее")):
        since = re.match(r"\s+(?:со?\s+(?:дня|даты|момента)|после|по\s+истечении)(?![а-яё])", text[end:], re.IGNORECASE)
        if since:
            end = _genitive_tail(text, end + since.end())
    else:
        end = _genitive_tail(text, end)
    return start, end


# «100-летия со дня рождения», «75 лет со дня Победы»: the day an anniversary counts from, no term
_ANNIVERSARY = re.compile(r"(?:лет|летия|летию|летие|годовщин[аыуе])\s*$", re.IGNORECASE)


def _after_participle(text: str, start: int) -> bool:
    """Does a participle stand right before the phrase («недостатков, выявленных в ходе проведения
    оценки»)? Then the phrase says when the thing was done, not when the order falls due."""
    from parsers import nlp

    before = re.search(r"([А-Яа-яЁё]+)\s*$", text[:start])
    if before is None:
        return False
    return nlp.first_pos(before.group(1)) == "PRTF"


def _genitive_tail(text: str, end: int, limit: int = 6) -> int:
    """Extend «при разработке» / «во время проведения» over the genitive words that follow."""
    from parsers import nlp

    for _ in range(limit):
        m = re.match(r"\s+(?:(?:либо|или|и)\s+)?([а-яё]{2,})", text[end:])
        if not m:
            break
        found = nlp.parses(m.group(1))
        if not any(p.tag.case == "gent" and p.tag.POS in ("NOUN", "ADJF", "PRTF", "NPRO") for p in found):
            break
        if nlp.first_pos(m.group(1)) in ("PREP", "CONJ", "INFN"):
            break
        end += m.end()
    return end


def deadline_from_phrase(phrase: str, start: int, reference: date | None) -> Deadline:
    """A deadline phrase known to be one («Срок: ...»): its date, recurrence or relative term."""
    dates = [d for d in find_dates(phrase, reference) if not is_reference_date(phrase, d)]
    words_ = squash(phrase)
    span = (start, start + len(phrase))
    found = recurrence_in(phrase)
    if dates and not (found and not dates[0].year_written):
        return Deadline(text=words_, date=dates[0].value, span=span,
                        recurrence=then_recurrence(phrase[dates[0].end:]), confidence=sureness.CLEAN)
    bare = _bare_period_end(phrase)
    if bare and not found:
        return Deadline(text=words_, date=bare, span=span, confidence=sureness.CLEAN)
    if found:
        return Deadline(text=words_, recurrence=found[0], span=span, confidence=sureness.CLEAN)
    return Deadline(text=words_, relative=words_, span=span, confidence=sureness.GOOD)


_BARE_QUARTER = re.compile(r"^\W*(?:до\s+(?:конца\s+)?)?(I{1,3}|IV|[1-4])(?:-?[йм]|-?ый)?\s+квартал\w*\s+(\d{4})", re.IGNORECASE)
_BARE_HALF = re.compile(r"^\W*(?:до\s+(?:конца\s+)?)?(I|II|1|2|перв\w*|втор\w*)(?:-?е)?\s+полугоди\w*\s+(\d{4})",
                        re.IGNORECASE)
_BARE_YEAR = re.compile(r"^\W*(?:до\s+конца\s+|в\s+течение\s+)?(\d{4})\s*(?:год|года|г\.?)(?![а-яё])", re.IGNORECASE)


def _bare_period_end(phrase: str) -> date | None:
    """«Срок: IV квартал 2026 г.», «декабрь 2026 года», «I полугодие 2026 г.», «2026 год» -> the period's last day."""
    m = _BARE_QUARTER.match(phrase)
    if m:
        q = {"I": 1, "II": 2, "III": 3, "IV": 4}.get(m.group(1).upper()) or int(m.group(1))
        return _last_day(int(m.group(2)), q * 3)
    m = _BARE_HALF.match(phrase)
    if m:
        first = m.group(1).upper() in ("I", "1") or m.group(1).lower().startswith("перв")
        return _last_day(int(m.group(2)), 6 if first else 12)
    m = re.match(r"^\W*(?:до\s+конца\s+)?([а-яё]+)\s+(\d{4})", phrase, re.IGNORECASE)
    if m and m.group(1).lower() in words.month_forms():
        return _last_day(int(m.group(2)), words.month_forms()[m.group(1).lower()])
    m = _BARE_YEAR.match(phrase)
    if m:
        return date(int(m.group(1)), 12, 31)
    return None


def _event_date(text: str, d: DateMatch, verb_span: tuple[int, int]) -> bool:
    """A whole date (day, month and year) after the verb and its object, with no preposition
    before it («Провести субботник 25 апреля 2015 года»): the day of the event, as a date by
    the verb is. A date after a participle or an adjective («принятого 25 апреля») belongs to
    the noun it describes; one after a preposition («в течение дня 25 апреля», «на 1 января»)
    is a circumstance the trigger rule reads or leaves."""
    from parsers import nlp

    if d.month_only or not d.year_written or d.start < verb_span[1]:
        return False
    # «(далее - спортивный праздник)»: a definition in brackets names, it does not part the date from its verb
    between = re.sub(r"\(\s*далее[^()]*\)\s*", "", text[verb_span[1]:d.start])
    before = re.search(r"([А-Яа-яЁё]+)[\s,«»\"]*$", between)  # a quoted name (masked) may end the object
    if before is None:
        return False
    if nlp.first_pos(before.group(1)) != "NOUN":
        return False
    if text[verb_span[0]:verb_span[1]].lower() == "провести" and not re.search(r"[;:()]|\.\s", between):
        # «Провести мероприятия, посвященные празднику «…» на Красной площади 1 июня 2015 года»: what
        # is held, however long its description, is held on the one whole date the sentence gives
        return True
    # otherwise another clause between (a comma) may own the date
    return not re.search(r"[,;:()]", between) and len(between.split()) <= 6


def find_deadline(text: str, offset: int = 0, reference: date | None = None,
                  verb_span: tuple[int, int] | None = None) -> Deadline | None:
    """The deadline of one order's own text (offset: where `text` starts in the act).

    `verb_span` is where the directive verb stands in `text`: a bare date right by it is
    an event or start date («Провести 02 марта 2014 года»).
    """
    m = _stated_term(text)
    if m:
        return deadline_from_phrase(m.group("phrase"), offset + m.start("phrase"), reference)
    masked = mask_quoted(text)
    # event days («16 и 17 марта», «19 декабря … , 20 декабря …»), unless a term's «до» leads them:
    # «представить до 1 марта 2025 года и 1 сентября 2025 года» is due on the first
    days = [(p.start(), p.end()) for p in _day_set().finditer(masked)
            if not _TRIGGER.search(masked[max(0, p.start() - 24):p.start()])]
    periods = sorted([(p.start(), p.end()) for p in _PERIOD.finditer(masked)] + days)
    dates = [d for d in find_dates(masked, reference) if not is_reference_date(masked, d)
             and not any(d.start < e and s < d.end for s, e in periods)]
    chosen: DateMatch | None = None
    how = sureness.CLEAN
    for d in dates:
        if d.month_only or _TRIGGER.search(_CLOCK_BEFORE.sub("", masked[max(0, d.start - 44):d.start])):
            chosen = d  # «до 10.00 часов 22 июня 2007 года»: an hour may stand between «до» and the day
            break
        if _CLOCK_AFTER.match(masked, d.end):
            chosen, how = d, sureness.GOOD  # «22 июня 2007 года с 11.00 часов до 12 часов 45 минут»: the event's day
            break
        if verb_span and (0 <= d.start - verb_span[1] <= 2 or 0 <= verb_span[0] - d.end <= 2):
            chosen, how = d, sureness.GOOD  # an event date by the verb
            break
        if verb_span is None and re.search(r"(?<![а-яё])[а-яё]{3,}(?:ть|ти|чь)\s*$", masked[max(0, d.start - 30):d.start],
                                           re.IGNORECASE):
            chosen, how = d, sureness.GOOD  # an event date right after the verb («Провести 14 февраля 2026 года»)
            break
    if chosen is None and verb_span is not None and len(dates) == 1 and _event_date(masked, dates[0], verb_span):
        chosen, how = dates[0], sureness.FALLBACK  # «Провести субботник 25 апреля 2015 года»: likely the event's day
    if chosen is not None and len(dates) > 1:
        how = min(how, sureness.FALLBACK)  # several dates in one order: the choice among them may be wrong
    found = recurrence_in(masked)
    if chosen is not None and not chosen.year_written and found:
        chosen = None  # «ежегодно до 1 февраля»: a recurrence, the year is not written
    if chosen is not None:
        start = chosen.start
        clock = _CLOCK_BEFORE.search(masked[max(0, start - 30):start])
        if clock and _TRIGGER.search(masked[max(0, start - 54):start - len(clock.group(0))]):
            start -= len(clock.group(0))  # the hour belongs to the term: «до 10.00 часов 22 июня»
        lead = re.search(r"(?<![а-яё])(?:(?:в\s+срок\s+)?(?:до|не\s+позднее|не\s+позже|к|с|со)|в\s+срок)\s*$",
                         masked[max(0, start - 24):start], re.IGNORECASE)
        if lead:
            start -= len(lead.group(0))
        return Deadline(text=squash(text[start:chosen.end]), date=chosen.value,
                        span=(offset + start, offset + chosen.end),
                        recurrence=then_recurrence(masked[chosen.end:chosen.end + 80]), confidence=how)
    relative = relative_in(masked)
    if periods and relative is not None and relative[0] < periods[0][0] <= relative[1] + 1:
        relative = (relative[0], max(relative[1], periods[0][1]))  # «в период с 1 по 10 апреля 2015 года»
    elif periods and (relative is None or periods[0][0] <= relative[0]):
        relative = periods[0]
    if found:  # a stated recurrence outranks a term or condition
        value, s, e = found
        return Deadline(text=squash(text[s:e]), recurrence=value, span=(offset + s, offset + e),
                        confidence=sureness.GOOD)
    if relative:
        s, e = relative
        words_ = squash(text[s:e])
        return Deadline(text=words_, relative=words_, span=(offset + s, offset + e),
                        confidence=sureness.FALLBACK)
    return None
