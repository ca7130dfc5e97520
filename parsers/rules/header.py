"""Header: the act's kind, number, date, issuer and title, from the act's own header.

Only the header counts (the text before the first item or the enacting formula), and never
site chrome («Сегодня понедельник, 20 мая 2024 г.», «Дата публикации: ...») or the dates of
acts the title refers to. The number and date are taken as a pair where one line holds
both («от 8 декабря 2014 г. № 1521-рг», «06.10.97 N 360»), else from a date standing alone.
The letterhead (the kind in capitals on its own line) outranks a site's title line above it;
editors' notes («Утратил силу – Указ … от 03.04.2019 № 141», «(в ред. … от 11.05.2016 № 230)»),
a title's cited act and the preamble («в соответствии с решением … от … № 57») are not read.
Where the header gives no sure details, the signature block does («Москва, Кремль / 12 мая
2008 года / № 724», in find_tail_details). Each detail carries the confidence of the sub-rule
that found it (parsers/rules/sureness.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from parsers import nlp
from parsers.rules import executors, sureness, words
from parsers.rules.deadlines import find_dates
from parsers.rules.text import despace_letters, squash, strip_markup

# a number may open with a series of letters: «№ ПР-17», «№ Пр-5» (перечни поручений, протоколы)
_NUMBER = re.compile(r"(?:№|(?<![A-Za-zА-Яа-яЁё])N)\s*(?P<number>(?:[А-ЯЁA-Z][А-Яа-яЁёA-Za-z]{0,4}-)?"
                     r"(?:\d[\w/\-.]*[\wа-яА-Я]|\d))")
_OBLIQUE_REF = re.compile(r"(?:\bв\s+(?:постановление|распоряжение|приказ|решение|указ)|постановлением|распоряжением|"
                          r"приказом|решением|указом|законом|\bот\s+\S+\s+\S+\s+\S+\s+№.*\bот\b)", re.IGNORECASE)
# a title line, bracketed, or quoted whole by a site («"О принятии … на 2008 год"»)
_TITLE_START = re.compile(r"^(?:\(?\s*(?:О|Об|ОБ|Изменения|ИЗМЕНЕНИЯ|О внесении)\b|[«\"]\s*(?:О|Об|ОБ)\b(?=.*[»\"]\s*$))")
_PREAMBLE = re.compile(r"^\s*(?:В\s+(?:соответствии|целях|связи|рамках|исполнение)|На\s+основании|Руководствуясь|"
                       r"Во\s+исполнение|Рассмотрев|В\s+порядке|С\s+целью|Согласно|Учитывая)", re.IGNORECASE)
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
    # how sure the sub-rule that found each field was (parsers/rules/sureness.py)
    confidence: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class _Line:
    text: str  # cleaned
    start: int
    chrome: bool


_FRAGMENT_AT = re.compile(r"(?<=[.!?:])\s+(?=[А-ЯЁ«\"])|\s{3,}|(?<=[\dА-ЯЁа-яё])\s+(?=(?:О|Об)\s+[а-яё])|(?<=[а-яёa-z0-9.,:;/)])\s+(?=[А-ЯЁ]{4,}\s+[А-ЯЁ]{2,})")
LONG_LINE = 160  # a longer line is a whole act printed on one line: read it by sentences


def _is_chrome(fragment: str) -> bool:
    return any(p.search(fragment) for p in words.patterns("chrome_markers.txt"))


def _is_review(fragment: str) -> bool:
    return any(p.search(fragment) for p in words.patterns("review_markers.txt"))


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
            if "|" in clean:  # «от | 01 июня 2018 г. | № | 561 |»: a letterhead table flattened by the page
                clean = squash(re.sub(r"\s*\|\s*", " ", clean))
            if clean:
                out.append(_Line(clean, pos + shift, _is_chrome(clean)))
        pos += len(raw) + 1
    return _rejoin_dates(out)


_DATE_BROKEN = re.compile(r"(?:\bот|\d{1,2}|\d{1,2}\s+[а-яё]{3,})\s*$")  # «25 апреля / 2016г. № 1801»


def _rejoin_dates(lines: list[_Line]) -> list[_Line]:
    """«… от 19 / января 2004 г. N 13-р …»: a line a hard wrap ended inside a date is joined with
    the next, so that the date and the number are read as one pair."""
    out: list[_Line] = []
    for line in lines:
        if out and _DATE_BROKEN.search(out[-1].text) and not out[-1].chrome \
                and re.match(r"(?:\d{1,2}\s+)?[а-яё]+\s+\d{4}|\d{1,2}[.\s]|\d{4}(?!\d)", line.text) \
                and find_dates(f"{out[-1].text} {line.text}") and not find_dates(out[-1].text):
            out[-1] = _Line(f"{out[-1].text} {line.text}", out[-1].start, out[-1].chrome or line.chrome)
            continue
        out.append(line)
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


_LONG_FORMULA = ("постановляю", "постановляет", "постановляют", "приказываю", "распоряжаюсь", "постановил",
                 "постановила")


def _formula_kind(text: str) -> tuple[str | None, int]:
    """The kind the enacting formula gives and where it stands; a long formula may be glued to the
    word before it by a page that lost the line break («города Пермипостановляю:»)."""
    m = re.search(r"(?:(?<![а-яё])(" + "|".join(_FORMULA) + r")|(?<=[а-яё])(" + "|".join(_LONG_FORMULA) + r"))\s*:",
                  despace_letters(text), re.IGNORECASE)
    if not m:
        return None, -1
    return _FORMULA[(m.group(1) or m.group(2)).lower()], m.start()


_DETACHED_SUFFIX = re.compile(r"[ \t]-[ \t]?[а-яё]{1,4}(?![а-яё\w])")


def _pair(line: str, reference: date | None = None) -> tuple[str | None, date | None]:
    numbers = list(_NUMBER.finditer(line))
    dates = [d for d in find_dates(line) if not line[:d.start].rstrip().endswith(("№", "N"))]
    number = numbers[0].group("number").rstrip(".-") if numbers else None
    if number and (detached := _DETACHED_SUFFIX.match(line, numbers[0].end())) and number == numbers[0].group("number"):
        number += detached.group(0)  # «№ 39 -ра»: the series suffix a stray space parted from the number
    if number and dates:
        anchor = numbers[0].start()
        closest = min(dates, key=lambda d: abs(d.start - anchor))
        return number, closest.value
    return number, (dates[0].value if dates else None)


def _recase(upper: str) -> str:
    """«АДМИНИСТРАЦИЯ ГОРОДА ОБНИНСКА» -> «Администрация города Обнинска»: proper names, the
    adjectives of a region («КЕМЕРОВСКОЙ ОБЛАСТИ»), places named after a place noun («ГОРОДА
    ЛЕСНОЙ») keep their capital, abbreviations stay upper case."""
    tokens = re.split(r"(\s+|[-–—])", upper.lower())
    word_positions = [i for i, t in enumerate(tokens) if t and t.strip() and t not in "-–—"]
    out = list(tokens)
    named = _place_names(tokens, word_positions)
    capital: set[int] = set()
    for rank, i in enumerate(word_positions):
        token = tokens[i]
        bare = token.strip("«»\"()")
        if _abbreviation(bare):
            out[i] = token.upper()  # «МО», «ЗАТО», «МКУ» stay as printed
            continue
        tags = [p.tag for p in nlp.parses(bare)] if bare else []
        proper = any(("Geox" in t or "Name" in t or "Surn" in t) for t in tags[:2]) or (
            bare[:7] in ("республ", "федерац") and rank > 0)
        near = [tokens[j] for j in word_positions[rank + 1: rank + 3]]
        regional = any(w[:5] in ("облас", "края", "район", "округ", "респу", "федер") for w in near) and any(
            t.POS == "ADJF" for t in tags) and bare[:6] not in ("муници", "городс", "сельск", "автоно", "админи",
                                                                "госуда", "национ")
        if rank == 0 or proper or regional or rank in named:
            capital.add(i)
    for i in range(1, len(tokens) - 1):  # «ХАНТЫ-МАНСИЙСКОГО»: the halves of a hyphenated name go together
        if tokens[i] == "-" and tokens[i - 1].strip() and tokens[i + 1].strip() and capital & {i - 1, i + 1}:
            capital |= {i - 1, i + 1}
    for i in capital:
        token = out[i]
        lead = len(token) - len(token.lstrip("«\"("))  # «ПЕЧОРА» -> «Печора»
        out[i] = token[:lead] + token[lead:lead + 1].upper() + token[lead + 1:]
    return "".join(out)


def _abbreviation(word: str) -> bool:
    """An abbreviation in an upper-case letterhead: a word with no vowel («МКУ»), one the
    dictionary does not know (up to 5 letters), or one it reads as an abbreviation and never as a
    preposition («МО», «ЗАТО»; not «ПО»)."""
    if not word.isalpha() or len(word) < 2:
        return False
    if not set(word) & set("аеёиоуыэюя"):
        return True
    readings = nlp.parses(word)
    if len(word) <= 5 and all("UNKN" in p.tag for p in readings):
        return True
    if len(word) == 2 and not any(p.tag.POS in ("PREP", "CONJ", "PRCL", "NPRO") for p in readings):
        return True  # «ГО», «АО»: two letters that are no preposition, conjunction or pronoun
    return any("Abbr" in p.tag for p in readings) and not any(p.tag.POS == "PREP" for p in readings)


# Words after which an upper-case letterhead names a place: «ГОРОДА ЛЕСНОЙ», «ПОСЕЛКА ПЕРВОМАЙСКИЙ»,
# «СЕЛЬСКОГО ПОСЕЛЕНИЯ ВЕРХНЕЕ ЖУРАВЛЕВО», «ГОРОДСКОГО ОКРУГА ЗАРЕЧНЫЙ»; the dictionary does not
# know most such names, and many are common adjectives.
_PLACE_NOUNS = frozenset({"город", "посёлок", "поселок", "село", "деревня", "станица", "хутор", "аул",
                          "слобода", "поселение", "округ"})
_NOT_A_NAME = _PLACE_NOUNS | frozenset({"муниципальный", "городской", "сельский", "район", "область", "край",
                                        "республика", "администрация", "образование", "городское", "сельское"})


def _place_names(tokens: list[str], word_positions: list[int]) -> set[int]:
    """Ranks of the words that name a place: up to three after a place noun, stopping at a word
    of the body's structure, and the first word inside quotes («МУНИЦИПАЛЬНОГО РАЙОНА «ПЕЧОРА»»)."""
    named: set[int] = set()
    after_place = 0
    for rank, i in enumerate(word_positions):
        token = tokens[i]
        bare = token.strip("«»\"()")
        lemmas = nlp.lemmas(bare) if bare else frozenset()
        if token[:1] in "«\"" and bare:
            named.add(rank)  # a quoted name opens with a capital, «Город Новый Уренгой» too
        if lemmas & _PLACE_NOUNS:
            after_place = 3
            continue
        if after_place and bare and bare.isalpha() and len(bare) > 2 and not lemmas & _NOT_A_NAME:
            named.add(rank)
            after_place -= 1
        else:
            after_place = 0
    return named


def _genitive(phrase: str) -> str:
    """«Калужская область» -> «Калужской области»: each word read in the nominative, declined."""
    out = []
    for word in phrase.split():
        reading = next((p for p in nlp.parses(word) if p.tag.case == "nomn" and p.tag.POS in ("ADJF", "NOUN")), None)
        form = reading.inflect({"gent"}) if reading is not None else None
        out.append(executors.restyle(form.word, word) if form is not None else word)
    return " ".join(out)


def _issuer(lines: list[_Line], kind_index: int | None, text: str, formula_at: int) -> tuple[str | None, float]:
    """The issuing body and how sure the place it was read from is."""
    if kind_index is not None:
        above: list[str] = []
        for line in reversed(lines[:kind_index]):
            if line.chrome or re.search(r"\d", line.text):
                break
            if not line.text.isupper():
                first = line.text.split()[0]
                if not above and first[:1].isupper() and nlp.lemmas(first) & words.body_heads():
                    return line.text, sureness.CLEAN  # «Администрация Зеленодольского муниципального района»
                break
            above.insert(0, line.text)
        if above:
            # «РОССИЙСКАЯ ФЕДЕРАЦИЯ / КОСТРОМСКАЯ ОБЛАСТЬ / … РАЙОН / АДМИНИСТРАЦИЯ …»: the country and
            # the territories above the body's own line are where it sits, not who issued the act
            heads = [i for i, line in enumerate(above) if nlp.lemmas(line.split()[0].lower()) & words.body_heads()]
            if heads and heads[0] > 0 and len(above[heads[0]:]) == 1 and len(above[heads[0]].split()) == 1:
                # «КАЛУЖСКАЯ ОБЛАСТЬ / ГУБЕРНАТОР»: a post alone is the post of the territory above it
                return f"{_recase(above[heads[0]])} {_genitive(_recase(above[heads[0] - 1]))}", sureness.CLEAN
            return _recase(" ".join(above[heads[0]:] if heads else above)), sureness.CLEAN
        after = lines[kind_index + 1] if kind_index + 1 < len(lines) else None
        if after and after.text.isupper() and not re.search(r"\d", after.text):
            return executors.nominative(_recase(after.text), "gent"), sureness.GOOD
    for line in lines:
        m = re.match(r"^(?:Принят[оа]?|Утвержден[оа]?)\s+([А-ЯЁ].+)$", line.text)
        if m:
            return executors.nominative(m.group(1), "ablt"), sureness.GOOD
    if formula_at > 0:
        before = text[max(0, formula_at - 200):formula_at]
        clause = re.split(r"[,.;:\n]\s*(?=[^,.;:\n]*$)", before)[-1].strip()
        if clause and clause[:1].isalpha() and len(clause.split()) <= 12 and not _PREAMBLE.match(clause):
            return clause[:1].upper() + clause[1:], sureness.FALLBACK
    return None, 0.0


def _title(lines: list[_Line], start_index: int) -> str | None:
    found = _title_lines(lines, start_index)
    if found is None:
        return None
    title = squash(" ".join(lines[i].text for i in found))
    preamble = re.search(r"\s(?=(?:В\s+(?:соответствии|целях|связи)|На\s+основании|Руководствуясь|С\s+целью|Согласно|Учитывая)\s)", title)
    if preamble:
        title = title[: preamble.start()]
    if title.startswith("(") and title.endswith(")"):
        title = title[1:-1]
    if title[:1] == "«" and title[-1:] == "»" and title.count("«") == title.count("»"):
        title = title[1:-1]  # a site's title line quotes the title: «О …»
    elif title[:1] == '"':
        title = title[1:]  # «"О принятии … "Программа "…" на 2008 год"»: the closing quote may be shared
        if title.endswith('"') and title.count('"') % 2:
            title = title[:-1]
    return title


def _title_lines(lines: list[_Line], start_index: int) -> list[int] | None:
    """The indices of the lines the title («О ...») spans: it may cite another act's number and
    date («..., утвержденное Указом Президента / от 9 сентября 2000 г. N 1624»)."""
    for i in range(start_index, len(lines)):
        line = lines[i]
        if line.chrome or not _TITLE_START.match(line.text):
            continue
        parts = [line.text]
        for follow in lines[i + 1: i + 8]:
            if (_PREAMBLE.match(follow.text) or _kind_at_start(follow.text) or follow.chrome
                    or re.match(r"^\d+[.)]", follow.text) or _TITLE_START.match(follow.text)
                    or follow.text.startswith(("Принят", "г.")) or _formula_kind(follow.text)[0]
                    or _alone_date(follow.text)):  # «19 ноября 2008 г.» under it: a site's edition date
                break
            if line.text.isupper() != follow.text.isupper() and not follow.text[:1].islower():
                break
            parts.append(follow.text)
            if follow.text.endswith((".", ":")):
                break
        return list(range(i, i + len(parts)))
    return None


# Notes an editor puts above the text of an act as it stands now: a repeal note, the list of
# amending acts. Their numbers and dates are those of other acts.
_NOTE = re.compile(
    r"\(\s*(?:в\s+ред(?:акции|\.)|с\s+изменени|с\s+учетом\s+изменени|утратил\w?\s+силу|"
    r"документ\s+утратил|изменени\w+\s+(?:внесены|вносятся))[^()]*(?:\([^()]*\)[^()]*)*\)"
    r"|(?<![а-яё])(?:Утратил\w?|УТРАТИЛ\w?)\s+(?:силу|СИЛУ)\b[^\n]*(?:\n(?![ \t]*\n)[^\n]*){0,3}"
    # a legal portal's note on the act as it stands: «Постановление изменено с 24 апреля 2020 г. -
    # Постановление … от 24 апреля 2020 г. N 207», «Постановлением … от 21 апреля 2017 г. N 509
    # настоящее постановление признано утратившим силу»
    r"|(?:(?<=\n)|^)[ \t]*[А-ЯЁ][а-яё]+\s+изменен[аоы]?\s+с\s[^\n]*"
    r"|(?:(?<=\n)|^)[^\n]*\bнастоящ(?:ее|ий|ая)\s+[а-яё]+\s+(?:признан[оа]?\s+утративш\w+\s+силу|изменен[оа]?)\b[^\n]*",
    re.IGNORECASE)
# «Текст Указа», «Настоящий Указ вступает в силу»: the act names its own kind
_SELF_NAMED = re.compile(r"(?:\bТекст|\b[Нн]астоящ(?:ий|ее|им|его|ему|ая|ей|ую))\s+([А-ЯЁ]?[а-яё]+)")  # «к настоящему распоряжению»


def _blank_notes(text: str) -> str:
    """The header with editors' notes blanked, offsets kept."""
    return _NOTE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


# (a heading opens its line with it: «Указом Президента …», «в Указ Губернатора …» in a preamble cite other acts)
_UKAZ_NAMED = re.compile(r"\b(?:[Тт]екст|подписал|подписан)\s+[Уу]каз|(?m:^)[ \t]*(?:Указ|УКАЗ)\s+(?:Президента|Губернатора|Главы)\b")


def _names_a_ukaz(head: str) -> bool:
    """Does the text above the formula name the act a указ («Текст Указа:», «Путин подписал Указ
    «О …»», «Указ Президента Российской Федерации …»)?"""
    return bool(_UKAZ_NAMED.search(head))


def _self_named_kind(text: str) -> str | None:
    forms = words.act_kind_forms()
    for m in _SELF_NAMED.finditer(text):
        kind = forms.get(m.group(1).lower()) or next(
            (k for f, k in forms.items() if m.group(1).lower().startswith(f[:-1]) and len(f) > 4), None)
        if kind:
            return kind
    return None


def _number_only(number: str) -> str:
    """«184-рПравительство» -> «184-р»: a page that lost its spaces glues the next word to the number."""
    number = re.sub(r"(?<=\d)г\.\s*[А-ЯЁ].*$", "", number)  # «N 360г.Ростов-на-Дону»: the place glued on
    return re.sub(r"(?<=[\dа-яёa-z])[А-ЯЁ][а-яё].*$", "", number).rstrip(".-")


def _narrated(before: str) -> bool:
    """Does a finite verb stand before the number («Глава района подписал постановление от …
    № 45»)? A header line names the act; a sentence that tells of one is news about it."""
    return any(w[:1].islower() and (nlp.parses(w)[:1] or [None])[0] is not None and nlp.parses(w)[0].tag.POS == "VERB"
               for w in re.findall(r"[А-Яа-яЁё]+", before))


def runs_into_items(head: str) -> bool:
    """Is the text before the first item an act's preamble that runs into its items («В
    соответствии с … , руководствуясь статьей 43 Устава города, / 1. С 01 апреля …»)? Its last
    paragraph opens with a preamble's words and ends with a comma or colon, not a full stop: a
    page that lost the act's header and formula still shows an act, not news."""
    lines = [line.strip() for line in head.split("\n") if line.strip()]
    while lines and re.match(r"№[^\d]*$", lines[-1]):
        lines.pop()  # «№ п/п | Поручение»: the heading row of a table of items
    if not lines or not lines[-1].endswith((",", ":")):
        return False
    if _PREAMBLE.match(lines[-1]):
        return True
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", head) if p.strip() and not re.match(r"\s*№[^\d]*$", p)]
    if paragraphs and _PREAMBLE.match(paragraphs[-1]):
        return True  # a blank line before a hard-wrapped preamble sets it off from the title above
    first = len(lines) - 1  # a hard-wrapped paragraph: its lines after a line that ends no sentence
    while first > 0 and len(lines) - first < 15 and not lines[first - 1].endswith((".", ":", ";", "!", "?")):
        first -= 1
    if first < len(lines) - 1:
        lines = lines[:first] + [" ".join(lines[first:])]
        if _PREAMBLE.match(lines[-1]):
            return True
    # a page run into one line: the preamble opens after the site's words with a capital
    # («… Дата принятия: 27.01.2023 Руководствуясь Федеральным законом … № 1011:») and no
    # sentence ends after it
    opens = [m.start() for m in re.finditer(r"(?<=\s)(?=[ВНР])", lines[-1]) if _PREAMBLE.match(lines[-1][m.start():])]
    return bool(opens) and len(lines[-1]) > 300 and not re.search(r"[.!?]\s+[А-ЯЁ]", lines[-1][opens[-1]:])


def tells_of_an_act(head: str) -> bool:
    """Is the text before the first item news about an act («Глава района подписал постановление
    … Документом предусмотрено:»): a sentence with a finite verb before an act's kind named in
    lower case? Such a text is no act, and its list holds no orders."""
    for sentence in re.split(r"(?<=[.!?])\s+|\n", head):
        kind = re.search(_KIND_WORD, sentence)
        if kind and _narrated(sentence[: kind.start()]):
            return True
    return False


_KIND_WORD = r"(?<![а-яё])(?:постановлени|распоряжени|указ|решени|приказ|протокол|перечень)[а-яё]*(?![а-яё])"


_KIND_NUMBER_DATE = re.compile(r"^\s*(?:ПРИКАЗ|ПОСТАНОВЛЕНИЕ|РАСПОРЯЖЕНИЕ|РЕШЕНИЕ|Приказ|Постановление|Распоряжение|Решение)"
                               r"\s+(?P<number>\d{1,5}(?:[-/][А-ЯЁA-Zа-яё0-9]{1,6})?)\s+(?:от\s+)?(?P<date>\d{1,2}\.\d{1,2}\.\d{2,4})\s*(?:г\.?)?\s*$")
_NUMBER_AFTER_KIND = re.compile(r"(?<![а-яё])(?:постановлени|распоряжени|приказ|решени|указ|протокол)[а-яё]*\s*"
                                r"(?:№|(?<![А-Яа-яЁё])N)\s*(?P<number>[\w/-]*\d[\w/-]*)", re.IGNORECASE)


def _details(lines: list[_Line], is_act: bool, lettered: bool = True) -> tuple[str | None, date | None, dict[str, float]]:
    """The act's number and date from its header lines, and how sure each is. `lettered`: the
    lines are a letterhead's; a date alone on a page without one may be a site's edition date."""
    sure: dict[str, float] = {}
    number = day = None
    for line in lines:
        if line.chrome or _TITLE_START.match(line.text):
            continue
        n, d = _pair(line.text)
        if n and d and not _OBLIQUE_REF.search(line.text[: line.text.find(n)]) \
                and not _narrated(line.text[: line.text.find(n)]):
            number, day = _number_only(n), d
            # a pair on a header's line: short («от 8 декабря 2014 г. № 1521-рг») or naming the kind
            # of act; on a long line of other words it may be a citation the page's cut left alone
            header_like = len(line.text) <= 60 or _kind_at_start(line.text) or _kind_anywhere(line.text) \
                or re.search(_KIND_WORD, line.text[: line.text.find(n)], re.IGNORECASE)
            sure["number"] = sure["date"] = sureness.CLEAN if header_like else sureness.FALLBACK
            break
    if number is None:
        for line in lines:
            if line.chrome or _TITLE_START.match(line.text):
                continue
            bare = _KIND_NUMBER_DATE.match(line.text)
            bare_day = find_dates(bare.group("date")) if bare else []
            if bare and bare_day:
                # «ПРИКАЗ 12-ОР 31.08.2020»: the kind, then its number and date with no «№» or «от»
                number, day = bare.group("number"), bare_day[0].value
                sure["number"] = sure["date"] = sureness.GOOD
                break
            after_kind = _NUMBER_AFTER_KIND.search(line.text)
            if after_kind:
                # «12 2.202 г Распоряжение №83» below «ШКОЛА (учебный корпус №1)»: the number the
                # kind names is the act's, whatever numbers the letterhead's names hold
                number = _number_only(after_kind.group("number"))
                sure["number"] = sureness.GOOD
                break
    if number is None:
        for line in lines:
            if line.chrome or _TITLE_START.match(line.text):
                continue
            n, _ = _pair(line.text)
            if n and not _OBLIQUE_REF.search(line.text) and not _narrated(line.text[: line.text.find(n)]):
                number = _number_only(n)
                # «№ 9», «ПРОТОКОЛ № 5»: a letterhead's; «больницы N 38, город Москва»: a guess
                before = line.text[: line.text.find(n)].rstrip(" №N")
                letterhead = not re.search(r"[а-яё]", before) or bool(_kind_at_start(line.text))
                sure["number"] = sureness.GOOD if letterhead else sureness.FALLBACK
                break
    if day is None:
        for line in lines:
            if line.chrome or _TITLE_START.match(line.text):
                continue
            found = find_dates(line.text)
            if found and re.fullmatch(r"(?:от\s+)?" + re.escape(line.text[found[0].start:found[0].end]).strip()
                                      + r"\s*(?:г\.?|года)?\.?", line.text.strip()):
                day = found[0].value
                sure["date"] = sureness.GOOD if lettered else sureness.FALLBACK
                break
    if day is None and (number is not None or is_act):
        for line in lines:  # an act on one line: its date stands among the header words
            if line.chrome or _TITLE_START.match(line.text):
                continue
            found = [d for d in find_dates(line.text) if not re.match(r"\s*(?:г\.?|года)?\s*(?:№|N\s*\d)",
                                                                     line.text[d.end:])]
            if found and not _OBLIQUE_REF.search(line.text[: found[0].start]):
                day = found[0].value
                sure["date"] = sureness.FALLBACK
                break
    return number, day, sure


def _disagreeing_pairs(lines: list[_Line], number: str, day: date | None) -> bool:
    """Does another header line (not chrome, not a title) carry a number and date of its own that
    differ from the chosen ones («… от 15.01.2020 № 3» on a site's title line above a letterhead
    «от 17.01.2020 № 5»)?"""
    for line in lines:
        if line.chrome or _TITLE_START.match(line.text):
            continue
        n, d = _pair(line.text)
        if n and d and (_number_only(n).lower() != number.lower() or (day is not None and d != day)) \
                and not _OBLIQUE_REF.search(line.text[: line.text.find(n)]):
            return True
    return False


# a draft's letterhead with the number or the date left to be filled in
_BLANK_NUMBER = re.compile(r"(?:№|(?<![А-Яа-яЁё])N)\s*_{3,}")
_BLANK_DATE = re.compile(r"\bот\s*_{3,}|(?m:^[ \t]*_{5,})")


# «с. Моргауши « 11 » марта 2014 года», «г. Тверь 02.03.2026»: the letterhead's place-and-date line
_PLACE_AND_DATE = re.compile(r"^(?:г|с|п|пгт|рп|р\.п|д|ст|х)\.\s?[А-ЯЁ][А-Яа-яЁё-]+(?:\s+[А-ЯЁ][а-яё-]+)?[\s,]+(?:от\s+)?[«\"]?\s*\d")


def find_header(text: str, body_at: int) -> Header:
    """The header facts of an act whose enacting part starts at `body_at`."""
    end = body_at if body_at > 0 else min(len(text), 3000)
    lines = _lines(_blank_notes(text[:end]), end)
    header = Header(end=end)
    sure: dict[str, float] = {}
    kind_index = None
    for i, line in enumerate(lines):
        if line.chrome:
            continue
        kind = _kind_at_start(line.text)
        how = sureness.CLEAN if kind else sureness.GOOD
        kind = kind or (None if _PREAMBLE.match(line.text) else _kind_anywhere(line.text))  # a preamble cites other acts
        if kind is None and i + 1 < len(lines) and len(line.text.split()) == 1:
            # «ПЕРЕЧЕНЬ / поручений Главы Республики ...»: a two-word kind broken over two lines
            joined = _kind_at_start(f"{line.text} {lines[i + 1].text}")
            kind = joined if joined and " " in joined else None
        if kind is None and i + 1 < len(lines) and re.match(r"(?:от\s+\d|№|N\s*\d)", lines[i + 1].text):
            # «Распоряжение Главы городского округа город Воронеж / от 27 марта 2007 г. N 210-р»: a
            # title line broken before its details
            kind = _kind_at_start(f"{line.text} {lines[i + 1].text}")
            how = sureness.GOOD
        if kind:
            header.kind, kind_index = kind, i
            sure["kind"] = how
            break
    if header.kind is None:
        joined = " ".join(line.text for line in lines if not line.chrome)
        m = re.search(r"приложени[ея](?:\s*(?:№|N)\s*\d+)?\s+к\s+([а-яё]+)", joined, re.IGNORECASE)
        if m:
            header.kind = words.act_kind_forms().get(m.group(1).lower())
            sure["kind"] = sureness.FALLBACK
    formula_kind, formula_at = _formula_kind(text[: max(end, 1)] if body_at > 0 else text[:4000])
    if header.kind is None and formula_kind == "постановление" and _names_a_ukaz(text[: max(end, formula_at + 20, 1)]):
        # «Полный текст Указа: … постановляю:»: a President's or governor's указ uses the same formula
        header.kind = "указ"
        sure["kind"] = sureness.FALLBACK
    elif header.kind is None and formula_kind:
        header.kind = formula_kind
        sure["kind"] = sureness.FALLBACK
    elif formula_kind and header.kind != formula_kind and header.kind not in ("указ", "протокол", "перечень поручений"):
        sure["kind"] = sureness.FALLBACK  # «РАСПОРЯЖЕНИЕ» over «постановляю:»: the page mixes two acts
    if header.kind is None:
        header.kind = _self_named_kind(text)
        if header.kind:
            sure["kind"] = sureness.FALLBACK
    # the letterhead («ПОСТАНОВЛЕНИЕ» in capitals on its line) holds the act's own details: a
    # site's title line above it is read only when the letterhead has none. The preamble
    # («В соответствии с решением ... от 12 марта 2021 года № 57») cites other acts.
    heading = next((i for i, line in enumerate(lines) if line.text.isupper() and _kind_at_start(line.text)), None)
    preamble = next((i for i, line in enumerate(lines) if _PREAMBLE.match(line.text)), len(lines))
    titled = set(_title_lines(lines, kind_index or 0) or ())
    own = [line for i, line in enumerate(lines) if i not in titled]  # a title cites other acts
    preamble = sum(1 for i in range(preamble) if i not in titled)
    lines_all, lines, letterhead = lines, own, heading
    if heading is not None:
        heading -= sum(1 for i in range(heading) if i in titled)
    number = day = None
    from_letterhead = False
    if heading is not None and heading < preamble:
        number, day, found = _details(lines[heading:preamble], header.kind is not None)
        sure.update(found)
        from_letterhead = number is not None or day is not None
    if number is None and day is None:
        number, day, found = _details(lines[:preamble], header.kind is not None, heading is not None)
        sure.update(found)
    if heading is None and kind_index is None and number is None and not any(
            _PLACE_AND_DATE.match(line.text) for line in lines[:preamble]):
        day = None  # a date alone on a page with no letterhead, kind line or number: a site's edition date
    if number is not None and not from_letterhead and _disagreeing_pairs(lines[:preamble], number, day):
        for name in ("number", "date"):  # the header names two acts: which is this one's is a guess
            sure[name] = min(sure.get(name, 0.0), sureness.FALLBACK)
    lines = lines_all
    if number is None and heading is None and tells_of_an_act(text[:end]):
        return Header(end=end)  # news about an act («Глава района подписал постановление …»): no details
    if header.kind is None and number is not None and _cited(lines[:preamble], number):
        number = day = None  # «о ходе реализации Федерального закона № 518-ФЗ от 30.12.2020»: another act
    if (header.kind is None and number is None) or any(_is_review(line.text) for line in lines):
        return Header(end=end)  # not an act (a news text, a site's review of an act): no details invented
    # «_____________ с. Михайловка № __________»: a draft, its details left blank to be filled in
    letterhead_at = lines[kind_index].start if kind_index is not None else 0
    # (details a sure rule found elsewhere stand: an annex's form is blank, its stamp is not)
    if _BLANK_NUMBER.search(text[:end], letterhead_at) and sure.get("number", 0) < sureness.GOOD:
        number = None
    if _BLANK_DATE.search(text[:end], letterhead_at) and sure.get("date", 0) < sureness.GOOD:
        day = None
    header.number, header.date = number, day
    header.title = _title(lines, kind_index or 0) or _title(lines, 0)
    if header.title:
        sure["title"] = sureness.CLEAN if kind_index is not None else sureness.GOOD
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
        if header.title:
            sure["title"] = sureness.GOOD
    header.issuer, sure["issuer"] = _issuer(lines, letterhead if letterhead is not None else kind_index, text, formula_at)
    header.confidence = {k: v for k, v in sure.items() if getattr(header, k) is not None}
    return header


_ACT_NAME = re.compile(r"(?<![А-ЯЁа-яё])(?:[Зз]акон|[Пп]остановлени|[Рр]аспоряжени|[Уу]каз|[Пп]риказ|[Рр]ешени)[а-яё]*")


def _cited(lines: list[_Line], number: str) -> bool:
    """Is the number, on a page naming no kind of its own, written after an act's name in an
    oblique case («Федерального закона № 518-ФЗ», «постановлением администрации от … № 5»)?"""
    for line in lines:
        at = line.text.find(number)
        if at < 0:
            continue
        names = list(_ACT_NAME.finditer(line.text[max(0, at - 80):at]))
        if not names:
            return False
        word = names[-1].group(0).lower()
        return not any(p.tag.case == "nomn" and p.tag.number == "sing" for p in nlp.parses(word))
    return False


_TAIL_NUMBER = re.compile(r"^(?:№|N)\s*(?P<number>(?:[А-ЯЁA-Z][А-Яа-яЁёA-Za-z]{0,4}-)?\d[\w/\-.]*?)[.\-_]*$")


def find_tail_details(tail: str) -> tuple[str | None, date | None]:
    """Number and date printed under the signature, as указы and laws are («Москва, Кремль /
    12 мая 2008 года / № 724», «г. Сыктывкар / 10 октября 2022 года / № 95»): each stands alone
    on its line. A date line with a number line right under it is the signature block wherever
    it stands; otherwise the first such lines after the last item."""
    lines = [squash(strip_markup(raw)) for raw in tail.splitlines()]
    lines = [line for line in lines if line]
    for i, line in enumerate(lines[:-1]):
        day = _alone_date(line)
        m = _TAIL_NUMBER.match(lines[i + 1])
        if day and m:
            return m.group("number"), day
    number = day = None
    for line in lines[:12]:
        m = _TAIL_NUMBER.match(line)
        if m and number is None:
            number = m.group("number")
            continue
        if day is None:
            day = _alone_date(line)
    if number is None and day is None:
        return _self_reference(lines)
    return number, day


_SELF_REFERENCE = re.compile(
    r"^(?:(?:УТВЕРЖДЕН|Утвержден)[А-Яа-яЁё]*\s+(?P<instr>[а-яё]+)"  # an annex's approval stamp
    r"|(?:ПРИЛОЖЕНИЕ|Приложение)(?:\s*(?:№|N)\s*\d+)?\s+к\s+(?P<dat>[а-яё]+)"  # an annex's heading
    r"|(?P<nom>[А-ЯЁ][а-яё]+))"  # a site's title line of the act: «Постановление Администрации ... от ... N 448»
    r"(?P<rest>.{0,200}?)\bот\s+(?P<date>[^№N]{6,22}?)\s*(?:г\.|года)?\s*(?:№|N)\s*\S")


def find_inline_tail(tail: str, in_item: bool = False) -> tuple[str | None, date | None]:
    """The signature block run into one line with what follows or precedes it, in an act printed on
    one line («… В.Путин Москва, Кремль 14 ноября 2002 года N 1318 ___ УТВЕРЖДЕНО …»): the first
    date followed by a number with no «от» before it (that would cite another act). `in_item`: the
    text is the last item, whose first sentence is the task, not the signature."""
    first_stop = re.search(r"[.;]\s", tail) if in_item else None
    found = None
    for d in find_dates(tail):
        if in_item and (first_stop is None or d.start < first_stop.end()):
            continue
        last_item = tail
        m = re.match(r"\s*(?:г\.?|года)?\s*(?:№|N)\s*(?P<number>(?:[А-ЯЁA-Z][А-Яа-яЁёA-Za-z]{0,4}-)?\d[\w/\-]*)",
                     last_item[d.end:])
        if m and not re.search(r"(?<![а-яё])от\s*$", last_item[:d.start], re.IGNORECASE):
            found = (_number_only(m.group("number")), d.value)
            break
    return found if found else (None, None)


_APPROVAL_STAMP = re.compile(r"^\W*(?:утвержд[её]н[аоы]?|УТВЕРЖДЕН[АОЫ]?|принят[аоы]?|"
                             r"приложение(?:\s*(?:№|N)?\s*\d+)?\s+к)\s+(?P<instr>[а-яё]+)\s+"
                             r"(?P<rest>[^()\n]{0,120}?)\bот\s+(?P<date>[^№N\n]{6,22}?)\s*(?:г\.|года)?\s*(?:№|N)\s*"
                             r"(?P<number>[\w/-]*\d[\w/-]*)", re.IGNORECASE | re.MULTILINE)


def approval_stamp(head: str, across_lines: bool = False) -> tuple[str | None, str | None, date | None]:
    """The act a page's document was approved by, from a stamp above it («(утверждён постановлением
    администрации города от 10.02.2021 № 122)» over a plan of measures, or the annex's heading
    «Приложение 2 к постановлению администрации … от 17 июня 2016 г. N 956»): its kind, number and date.
    A page showing only the approved document (a plan, a list) has no other details of its act.
    `across_lines`: the stamp may be set on several lines («УТВЕРЖДЁН / распоряжением Правительства
    / … / от 25 июня 2019 года N 203-р» over the annex after the act's signature)."""
    if across_lines:
        head = re.sub(r"[ \t]*\n[ \t]*(?=[а-яёА-ЯЁ]|от\s)(?![Уу]твержд|УТВЕРЖД|[Пп]ринят|Приложени|ПРИЛОЖЕНИ)", " ", head)
    m = _APPROVAL_STAMP.search(head)
    if not m:
        return None, None, None
    kind = _instrumental_kind(m.group("instr"))
    found = find_dates(m.group("date"))
    if kind is None or not found:
        return None, None, None
    return kind, _number_only(m.group("number")), found[0].value


def _instrumental_kind(word: str | None) -> str | None:
    """«постановлением» -> «постановление» (pymorphy3), when the lemma is an act's kind."""
    if not word:
        return None
    kinds = set(words.act_kind_forms().values())
    return next((lemma for lemma in nlp.lemmas(word) if lemma in kinds), None)


def _self_reference(lines: list[str]) -> tuple[str | None, date | None]:
    """Where the signature block has no details, a line after the last item that names this act
    by its kind does: the approval stamp of its annex («Утверждена / постановлением администрации
    / от 28.12.2024 N 1378»), the annex heading («Приложение к постановлению … от … № …») or the
    site's title line printed under the text («Постановление Администрации … от 16 июля 2020 г.
    N 448 "О …"»). A kind in another case (a cited act), a line in an item, a quote: not read."""
    forms = words.act_kind_forms()
    joined = [" ".join(lines[i:i + 4]) for i in range(len(lines))]
    for line, text in zip(lines, joined, strict=True):
        m = _SELF_REFERENCE.match(text)
        if not m or re.match(r"^\d", line):
            continue
        kind_word = (m.group("instr") or m.group("dat") or m.group("nom")).lower()
        kind = forms.get(kind_word) or _instrumental_kind(m.group("instr"))
        if kind is None or (m.group("nom") and forms.get(kind_word) != kind_word):
            continue  # «Постановлением … от …» alone on a line is a citation, not the title line
        if m.group("nom") and not line.startswith(m.group(0)[:40]):
            continue  # a title line stands on its own line
        number, day = _pair(text[m.start("date") - 3:m.end() + 30])
        if number and day:
            return _number_only(number), day
    return None, None


def _alone_date(line: str) -> date | None:
    found = find_dates(line)
    if found and re.fullmatch(r"(?:от\s+)?" + re.escape(line[found[0].start:found[0].end]).strip()
                              + r"\s*(?:г\.?|года)?\.?", line):
        return found[0].value
    return None
