"""Header: the act's kind, number, date, issuer and title, from the act's own header.

Only the header counts (the text before the first item or the enacting formula), and never
site chrome («Сегодня понедельник, 20 мая 2024 г.», «Дата публикации: ...») or the dates of
acts the title refers to. The number and date are taken as a pair where one line holds
both («от 8 декабря 2014 г. № 1521-рг», «06.10.97 N 360»), else from a date standing alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from parsers import nlp
from parsers.rules import executors, words
from parsers.rules.deadlines import find_dates
from parsers.rules.text import despace_letters, squash, strip_markup

# a number may open with a series of letters: «№ ПР-17», «№ Пр-5» (перечни поручений, протоколы)
_NUMBER = re.compile(r"(?:№|(?<![A-Za-zА-Яа-яЁё])N)\s*(?P<number>(?:[А-ЯЁA-Z][А-Яа-яЁёA-Za-z]{0,4}-)?"
                     r"(?:\d[\w/\-.]*[\wа-яА-Я]|\d))")
_OBLIQUE_REF = re.compile(r"(?:\bв\s+(?:постановление|распоряжение|приказ|решение|указ)|постановлением|распоряжением|"
                          r"приказом|решением|указом|законом|\bот\s+\S+\s+\S+\s+\S+\s+№.*\bот\b)", re.IGNORECASE)
_TITLE_START = re.compile(r"^\(?\s*(?:О|Об|ОБ|Изменения|ИЗМЕНЕНИЯ|О внесении)\b")
_PREAMBLE = re.compile(r"^\s*(?:В\s+(?:соответствии|целях|связи|рамках|исполнение)|На\s+основании|Руководствуясь|"
                       r"Во\s+исполнение|Рассмотрев|В\s+порядке)", re.IGNORECASE)
_FORMULA = {"постановляю": "постановление", "постановляет": "постановление", "постановляют": "постановление",
            "приказываю": "приказ", "распоряжаюсь": "распоряжение", "решил": "решение", "решила": "решение",
            "решили": "решение", "постановил": "постановление", "постановила": "постановление"}


@dataclass(slots=True)
class Header:
    kind: str | None = None
    number: str | None = None
    date: date | None = None
    issuer: str | None = None
    title: str | None = None
    end: int = 0


@dataclass(slots=True)
class _Line:
    text: str  # cleaned
    start: int
    chrome: bool


_FRAGMENT_AT = re.compile(r"(?<=[.!?:])\s+(?=[А-ЯЁ«\"])|\s{3,}|(?<=[\dА-ЯЁа-яё])\s+(?=(?:О|Об)\s+[а-яё])|(?<=[а-яёa-z0-9.,:;/)])\s+(?=[А-ЯЁ]{4,}\s+[А-ЯЁ]{2,})")
LONG_LINE = 160  # a longer line is a whole act printed on one line: read it by sentences


def _is_chrome(fragment: str) -> bool:
    return any(p.search(fragment) for p in words.patterns("chrome_markers.txt"))


def _lines(text: str, end: int) -> list[_Line]:
    """Header lines; a very long line is cut into sentence-like fragments."""
    out = []
    pos = 0
    for raw in text[:end].split("\n"):
        pieces = [(raw, 0)]
        if len(raw) > LONG_LINE:
            pieces, last = [], 0
            for cut in _FRAGMENT_AT.finditer(raw):
                pieces.append((raw[last:cut.start()], last))
                last = cut.end()
            pieces.append((raw[last:], last))
        for piece, shift in pieces:
            clean = squash(despace_letters(strip_markup(piece)))
            if clean:
                out.append(_Line(clean, pos + shift, _is_chrome(clean)))
        pos += len(raw) + 1
    return out


def _kind_at_start(line: str) -> str | None:
    lowered = line.lower()
    forms = words.act_kind_forms()
    for form in sorted(forms, key=len, reverse=True):
        kind = forms[form]
        if form != kind:  # only the nominative form heads a line
            continue
        if not lowered.startswith(form):
            continue
        rest = line[len(form):]
        if rest[:1].isalpha():
            continue
        word = line[: len(form)]
        if (word.isupper() or not rest.strip() or re.match(r"\s*(?:от\b|№|N\s*\d|\d)", rest)
                or kind in ("перечень поручений", "протокол") or re.search(r"\bот\s+\d|№", rest)):
            return kind
    return None


def _kind_anywhere(line: str) -> str | None:
    m = re.search(r"приложени[ея](?:\s*(?:№|N)\s*\d+)?\s+к\s+([а-яё]+)", line, re.IGNORECASE)
    if m:
        return words.act_kind_forms().get(m.group(1).lower())
    for form, kind in words.act_kind_forms().items():
        if form != kind:
            continue
        if re.search(rf"(?<![А-ЯЁ]){form.upper()}(?![А-ЯЁ])", line):
            return kind
        if re.search(rf"(?<![а-яёА-ЯЁ]){form.capitalize()}\s+(?:от\s+[«\d]|№|N\s*\d)", line):
            return kind
    return None


def _formula_kind(text: str) -> tuple[str | None, int]:
    m = re.search(r"(?<![а-яё])(" + "|".join(_FORMULA) + r")\s*:", despace_letters(text), re.IGNORECASE)
    if not m:
        return None, -1
    return _FORMULA[m.group(1).lower()], m.start()


def _pair(line: str, reference: date | None = None) -> tuple[str | None, date | None]:
    numbers = list(_NUMBER.finditer(line))
    dates = [d for d in find_dates(line) if not line[:d.start].rstrip().endswith(("№", "N"))]
    number = numbers[0].group("number").rstrip(".-") if numbers else None
    if number and dates:
        anchor = numbers[0].start()
        closest = min(dates, key=lambda d: abs(d.start - anchor))
        return number, closest.value
    return number, (dates[0].value if dates else None)


def _recase(upper: str) -> str:
    """«АДМИНИСТРАЦИЯ ГОРОДА ОБНИНСКА» -> «Администрация города Обнинска»: proper names and
    the adjectives of a region («КЕМЕРОВСКОЙ ОБЛАСТИ») keep their capital."""
    tokens = re.split(r"(\s+|[-–—])", upper.lower())
    word_positions = [i for i, t in enumerate(tokens) if t and t.strip() and t not in "-–—"]
    out = list(tokens)
    for rank, i in enumerate(word_positions):
        token = tokens[i]
        tags = [p.tag for p in nlp.parses(token)]
        proper = any(("Geox" in t or "Name" in t or "Surn" in t) for t in tags[:2]) or (
            token[:7] in ("республ", "федерац") and rank > 0)
        near = [tokens[j] for j in word_positions[rank + 1: rank + 3]]
        regional = any(w[:5] in ("облас", "края", "район", "округ", "респу") for w in near) and any(
            t.POS == "ADJF" for t in tags) and token[:6] not in ("муници", "городс", "сельск", "автоно", "админи",
                                                                 "госуда", "национ")
        if rank == 0 or proper or regional:
            out[i] = token[:1].upper() + token[1:]
    return "".join(out)


def _issuer(lines: list[_Line], kind_index: int | None, text: str, formula_at: int) -> str | None:
    if kind_index is not None:
        above: list[str] = []
        for line in reversed(lines[:kind_index]):
            if line.chrome or re.search(r"\d", line.text):
                break
            if not line.text.isupper():
                first = line.text.split()[0]
                if not above and first[:1].isupper() and nlp.lemmas(first) & words.body_heads():
                    return line.text  # «Администрация Зеленодольского муниципального района»
                break
            above.insert(0, line.text)
        if above:
            return _recase(" ".join(above))
        after = lines[kind_index + 1] if kind_index + 1 < len(lines) else None
        if after and after.text.isupper() and not re.search(r"\d", after.text):
            return executors.nominative(_recase(after.text), "gent")
    for line in lines:
        m = re.match(r"^(?:Принят[оа]?|Утвержден[оа]?)\s+([А-ЯЁ].+)$", line.text)
        if m:
            return executors.nominative(m.group(1), "ablt")
    if formula_at > 0:
        before = text[max(0, formula_at - 200):formula_at]
        clause = re.split(r"[,.;:\n]\s*(?=[^,.;:\n]*$)", before)[-1].strip()
        if clause and clause[:1].isalpha() and len(clause.split()) <= 12 and not _PREAMBLE.match(clause):
            return clause[:1].upper() + clause[1:]
    return None


def _title(lines: list[_Line], start_index: int) -> str | None:
    for i in range(start_index, len(lines)):
        line = lines[i]
        if line.chrome or not _TITLE_START.match(line.text):
            continue
        parts = [line.text]
        for follow in lines[i + 1: i + 8]:
            if (_PREAMBLE.match(follow.text) or _kind_at_start(follow.text) or follow.chrome
                    or re.match(r"^\d+[.)]", follow.text) or _TITLE_START.match(follow.text)
                    or follow.text.startswith(("Принят", "г.")) or _formula_kind(follow.text)[0]):
                break
            if line.text.isupper() != follow.text.isupper() and not follow.text[:1].islower():
                break
            parts.append(follow.text)
            if follow.text.endswith((".", ":")):
                break
        title = squash(" ".join(parts))
        preamble = re.search(r"\s(?=(?:В\s+(?:соответствии|целях|связи)|На\s+основании|Руководствуясь)\s)", title)
        if preamble:
            title = title[: preamble.start()]
        if title.startswith("(") and title.endswith(")"):
            title = title[1:-1]
        return title
    return None


def find_header(text: str, body_at: int) -> Header:
    """The header facts of an act whose enacting part starts at `body_at`."""
    end = body_at if body_at > 0 else min(len(text), 3000)
    lines = _lines(text, end)
    header = Header(end=end)
    kind_index = None
    for i, line in enumerate(lines):
        if line.chrome:
            continue
        kind = _kind_at_start(line.text) or _kind_anywhere(line.text)
        if kind is None and i + 1 < len(lines) and len(line.text.split()) == 1:
            # «ПЕРЕЧЕНЬ / поручений Главы Республики ...»: a two-word kind broken over two lines
            joined = _kind_at_start(f"{line.text} {lines[i + 1].text}")
            kind = joined if joined and " " in joined else None
        if kind:
            header.kind, kind_index = kind, i
            break
    if header.kind is None:
        joined = " ".join(line.text for line in lines if not line.chrome)
        m = re.search(r"приложени[ея](?:\s*(?:№|N)\s*\d+)?\s+к\s+([а-яё]+)", joined, re.IGNORECASE)
        if m:
            header.kind = words.act_kind_forms().get(m.group(1).lower())
    formula_kind, formula_at = _formula_kind(text[: max(end, 1)] if body_at > 0 else text[:4000])
    if header.kind is None:
        header.kind = formula_kind
    number = day = None
    for line in lines:
        if line.chrome or _TITLE_START.match(line.text) or _PREAMBLE.match(line.text):
            continue
        n, d = _pair(line.text)
        if n and d and not _OBLIQUE_REF.search(line.text[: line.text.find(n)]):
            number, day = n, d
            break
    if number is None:
        for line in lines:
            if line.chrome or _TITLE_START.match(line.text):
                continue
            n, _ = _pair(line.text)
            if n and not _OBLIQUE_REF.search(line.text):
                number = n
                break
    if day is None:
        for line in lines:
            if line.chrome or _TITLE_START.match(line.text) or _PREAMBLE.match(line.text):
                continue
            found = find_dates(line.text)
            if found and re.fullmatch(r"(?:от\s+)?" + re.escape(line.text[found[0].start:found[0].end]).strip()
                                      + r"\s*(?:г\.?|года)?\.?", line.text.strip()):
                day = found[0].value
                break
    if day is None and (number is not None or header.kind is not None):
        for line in lines:  # an act on one line: its date stands among the header words
            if line.chrome or _TITLE_START.match(line.text) or _PREAMBLE.match(line.text):
                continue
            found = [d for d in find_dates(line.text) if not re.match(r"\s*(?:г\.?|года)?\s*(?:№|N\s*\d)",
                                                                     line.text[d.end:])]
            if found and not _OBLIQUE_REF.search(line.text[: found[0].start]):
                day = found[0].value
                break
    if header.kind is None and number is None:
        return Header(end=end)  # not an act: no details invented from a news text
    header.number, header.date = number, day
    header.title = _title(lines, kind_index or 0) or _title(lines, 0)
    if header.kind in ("перечень поручений", "протокол") and kind_index is not None and header.title is None:
        parts: list[str] = []
        for follow in lines[kind_index + 1: kind_index + 6]:
            if follow.text.startswith(("г.", "г ")) or find_dates(follow.text):
                break
            if not (follow.text[:1].islower() or parts and not follow.text.startswith(("г.", "Дата", "№"))
                    and not find_dates(follow.text) and not re.match(r"^\d", follow.text)):
                break
            parts.append(follow.text)
        header.title = squash(" ".join(parts)) or None
    heading = next((i for i, line in enumerate(lines) if line.text.isupper() and _kind_at_start(line.text)), kind_index)
    header.issuer = _issuer(lines, heading, text, formula_at)
    return header


_TAIL_NUMBER = re.compile(r"^(?:№|N)\s*(?P<number>(?:[А-ЯЁA-Z][А-Яа-яЁёA-Za-z]{0,4}-)?\d[\w/\-.]*?)\.?$")


def find_tail_details(tail: str) -> tuple[str | None, date | None]:
    """Number and date printed under the signature, as указы and laws are («г. Сыктывкар /
    10 октября 2022 года / № 95»): each stands alone on its line."""
    number = day = None
    for raw in tail.splitlines()[:12]:
        line = squash(strip_markup(raw))
        m = _TAIL_NUMBER.match(line)
        if m and number is None:
            number = m.group("number")
            continue
        found = find_dates(line)
        if found and day is None and re.fullmatch(r"(?:от\s+)?" + re.escape(line[found[0].start:found[0].end]).strip()
                                                  + r"\s*(?:г\.?|года)?\.?", line):
            day = found[0].value
    return number, day
