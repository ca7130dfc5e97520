"""Executors: who an order is addressed to, as written, in the nominative, with the official.

The executor is the dative phrase before the directive verb («Управлению ... (О.Г.
Константинова) обеспечить»), after «Поручить / Рекомендовать» («Рекомендовать главам ...»),
or the accusative after «возложить на». A list «A (X), B (Y)» is two executors; a name that
holds commas («отдела культуры, по делам национальностей, ...») is one. «Совместно с» names
co-executors. The nominative follows the head rule: only the first noun phrase is inflected,
the genitive tail stays as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parsers import nlp
from parsers.model import Party
from parsers.rules import sureness, words
from parsers.rules.deadlines import recurrence_in, relative_in
from parsers.rules.text import mask_quoted, squash

WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
INITIALS = r"[А-ЯЁ]\.\s?[А-ЯЁ]\.?"
SURNAME = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[А-ЯЁ]{2,}(?:-[А-ЯЁ]{2,})?"
# an official as most acts write one: «И.И. Иванов», «Иванов И.И.», «Иванов И.»
INITIALS_AND_SURNAME = rf"{INITIALS}\s?(?:{SURNAME})|(?:{SURNAME})\s+{INITIALS}"
PATRONYMIC = r"[А-ЯЁ][а-яё]+(?:ович|евич|ич|овн|евн|ичн|инич)[а-яё]*"
FULL_NAME = (rf"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ][а-яё]+\s+{PATRONYMIC}"
             rf"|[А-ЯЁ][а-яё]+\s+{PATRONYMIC}\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")  # «Ивану Петровичу Иванову»
PERSON_FULL = re.compile(rf"^(?:{INITIALS_AND_SURNAME}|{FULL_NAME}|"
                         rf"[А-ЯЁ]\.\s?(?:{SURNAME})|(?:{SURNAME})\s+[А-ЯЁ]\.)$")
TRAILING_PERSON = re.compile(rf"\s+(?P<person>{INITIALS_AND_SURNAME}|{FULL_NAME})\s*$")
PAREN = re.compile(r"\(([^()]*)\)")
LEADING_PERSON = re.compile(rf"^\s*(?P<person>{INITIALS_AND_SURNAME})"
                            rf"\s*(?:,|;|\sи\s|\s[–—-]|\s(?=по\s+согласованию))\s*\S")
DROP_PARENS = re.compile(r"^\s*(?:по\s+согласованию|далее\s*[-–—]|далее\b|по\s+списку|прилагается)", re.IGNORECASE)
# where an executor's name ends and the circumstances of the task begin
NAME_END = re.compile(
    r"\s(?:в\s+срок|в\s+течение|в\s+целях|в\s+связи|в\s+соответствии|в\s+рамках|в\s+(?:[а-яё]+\s+)?период|во\s+время|"
    r"в\s*(?:январ|феврал|март|апрел|ма[ея]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*(?:\s*[-–—]\s*[а-яё]+)?\s*\d+|"
    r"по\s+(?:итогам|результатам|мере|окончании|завершении|истечении)|"
    r"во?\s+(?:I{1,3}|IV|[1-4]|перв\w*|втор\w*|треть\w*|четверт\w*)(?:-?м)?\s+(?:квартал|полугоди)\w*|"
    r"в\s+\d{4}\s*(?:[-–—]\s*\d{4}\s*)?(?:году|годах|гг?\.)|в\s+[а-яё]+\s+порядке|"
    r"в\s+[\w-]+\s+срок|"
    r"при\s*(?![А-ЯЁ])[а-яё]|в\s+случа[ея]|до\s+\d+|до\s+конца\s+\d{4}|\(\s*срок|к\s+\d+|не\s+позднее|совместно\s+с|по\s+согласованию\s+с|с\s+учетом|с\s+участием|с\s+привлечением|"
    r"ежедневно|еженедельно|ежемесячно|ежеквартально|ежегодно|постоянно|заблаговременно|незамедлительно|"
    r"дополнительно|повторно|в\s+срочном|в\s+установленн|в\s+пределах|за\s+счет|на\s+основании|в\s+лице)\b",
    re.IGNORECASE)
CASE_CODES = {"datv": "datv", "accs": "accs", "ablt": "ablt", "gent": "gent", "nomn": "nomn"}


@dataclass(slots=True)
class _Word:
    text: str
    start: int
    end: int


def restyle(new: str, old: str) -> str:
    """Give `new` the capitalization of `old`, and map ё back to е where the source had е."""
    if "ё" not in old.lower():
        new = new.replace("ё", "е")
    if old.isupper() and len(old) > 1:
        return new.upper()
    if old[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def _noun_parse(word: str, case: str):
    best = None
    for parse in nlp.parses(word):
        if parse.tag.POS == "NOUN" and parse.tag.case == case:
            if "Surn" in parse.tag or "Name" in parse.tag or "Patr" in parse.tag:
                best = best or parse
                continue
            return parse
    return best


def _adj_parse(word: str, case: str):
    for parse in nlp.parses(word):
        if parse.tag.POS in ("ADJF", "PRTF", "NUMR") and parse.tag.case == case:
            return parse
    return None


def _inflect_head(phrase: str, case: str, start: int = 0) -> str:
    """Inflect the noun phrase that opens `phrase` at `start` from `case` to the nominative."""
    if case == "nomn":
        return phrase
    found = list(WORD.finditer(phrase, start))
    adjectives = []
    noun = None
    for m in found[:6]:
        word = m.group(0)
        adj = _adj_parse(word, case)
        noun_parse = _noun_parse(word, case)
        nxt_is_noun_case = False
        if adj is not None and noun_parse is not None:
            # prefer the adjective reading before a noun in the same case («Первому заместителю»)
            idx = found.index(m)
            if idx + 1 < len(found):
                nxt = found[idx + 1].group(0)
                nxt_is_noun_case = _noun_parse(nxt, case) is not None or _adj_parse(nxt, case) is not None
        if adj is not None and (noun_parse is None or nxt_is_noun_case):
            adjectives.append((m, adj))
            continue
        if noun_parse is not None:
            noun = (m, noun_parse)
        break
    if noun is None and len(adjectives) == 1 and len(found) > 1 and _substantive(found[0].group(0), found[1].group(0), case):
        m, adj = adjectives[0]  # «Заведующему сектором» -> «Заведующий сектором»
        form = adj.inflect({"nomn", adj.tag.number or "sing"} | ({adj.tag.gender} if adj.tag.gender else set()))
        return phrase if form is None else phrase[:m.start()] + restyle(form.word, m.group(0)) + phrase[m.end():]
    if noun is None:
        return phrase
    noun_m, noun_p = noun
    number = noun_p.tag.number or "sing"
    replacements = []
    inflected = noun_p.inflect({"nomn", number} if number == "plur" else {"nomn"})
    if inflected is None:
        return phrase
    replacements.append((noun_m, inflected.word))
    for m, adj in adjectives:
        grams = {"nomn", number}
        if number == "sing" and noun_p.tag.gender:
            grams.add(noun_p.tag.gender)
        form = adj.inflect(grams)
        replacements.append((m, form.word if form else m.group(0)))
    out = phrase
    for m, word in sorted(replacements, key=lambda r: r[0].start(), reverse=True):
        out = out[:m.start()] + restyle(word, m.group(0)) + out[m.end():]
    return out


def nominative(phrase: str, case: str = "datv") -> str:
    """The nominative of an executor's name by the head rule; a second title after a dash
    («... – Председателю Правительства») is inflected too."""
    acting = re.match(r"^\s*(?:[Вв]ременно\s+)?([Ии]сполняющ\w+)\s+обязанности\s", phrase)
    if acting:  # «Исполняющему обязанности главы ...»: only the participle declines
        return phrase[:acting.start(1)] + restyle("исполняющий", acting.group(1)) + phrase[acting.end(1):]
    out = _inflect_head(phrase, case)
    dash = re.search(r"\s[–—-]\s+(?=[А-ЯЁа-яё])", out)
    if dash:  # a second title in apposition takes the same case
        out = out[:dash.end()] + _inflect_head(out[dash.end():], case)
    # «…, ответственную за ГО и ЧС», «…, имеющим в пользовании котельные»: an adjective or participle
    # after a comma that describes the addressee takes its case, so it declines too
    for m in reversed(list(re.finditer(r",\s+([а-яё]+)(?=\s+(?:за|в|во|на|по|с|к)\s)", out))):
        adj = _adj_parse(m.group(1), case)
        form = adj.inflect({"nomn"}) if adj is not None and _noun_parse(m.group(1), case) is None else None
        if form is not None:
            out = out[:m.start(1)] + restyle(form.word, m.group(1)) + out[m.end(1):]
    return out


def _surname_nominative(word: str, case: str) -> str:
    if case == "nomn":
        return word.capitalize() if word.isupper() and len(word) > 1 else word
    for parse in nlp.parses(word):
        if "Surn" in parse.tag and parse.tag.case == case:
            form = parse.inflect({"nomn"})
            if form:
                return restyle(form.word, word if not word.isupper() else word.capitalize())
    lowered = word.lower()
    endings = {  # surname endings by case: dative -ову is a man, accusative -ову a woman
        "datv": (("ской", "ская"), ("цкой", "цкая"), ("скому", "ский"), ("цкому", "цкий"), ("овой", "ова"),
                 ("евой", "ева"), ("иной", "ина"), ("ыной", "ына"), ("ову", "ов"), ("еву", "ев"), ("ину", "ин"),
                 ("ыну", "ын")),
        "accs": (("скую", "ская"), ("цкую", "цкая"), ("ского", "ский"), ("цкого", "цкий"), ("ову", "ова"),
                 ("еву", "ева"), ("ину", "ина"), ("ыну", "ына"), ("ова", "ов"), ("ева", "ев"), ("ина", "ин"), ("у", "а"), ("а", "")),
        "ablt": (("ской", "ская"), ("ским", "ский"), ("овой", "ова"), ("евой", "ева"), ("иной", "ина"),
                 ("овым", "ов"), ("евым", "ев"), ("иным", "ин")),
        "gent": (("ской", "ская"), ("ского", "ский"), ("овой", "ова"), ("евой", "ева"), ("ова", "ов"),
                 ("ева", "ев"), ("ина", "ин")),
    }
    for ending, repl in endings.get(case, ()):
        if lowered.endswith(ending):
            return restyle(lowered[: -len(ending)] + repl, word.capitalize())
    return word.capitalize() if word.isupper() else word


def person_nominative(text: str, case: str = "nomn") -> str:
    """«Е.А. Терпуговой» -> «Е.А. Терпугова»; «Савинову А.А.» -> «Савинов А.А.»; «В.Н.ИЛЯСОВ» -> «В.Н. Илясов»."""
    text = squash(text)
    m = re.match(rf"^((?:[А-ЯЁ]\.\s?){{1,2}})\s?({SURNAME})$", text)
    if m:
        initials = m.group(1).replace(" ", "")
        return f"{initials} {_surname_nominative(m.group(2), case)}"
    m = re.match(rf"^({SURNAME})\s+({INITIALS})$", text)
    if m:
        return f"{_surname_nominative(m.group(1), case)} {m.group(2).replace(' ', '')}"
    if re.fullmatch(SURNAME, text):
        return _surname_nominative(text, case)
    m = re.fullmatch(FULL_NAME, text)
    if m:  # «Бульс Ольгу Викторовну» -> «О.В. Бульс»: initials and surname, as the contract writes officials
        first, second, third = text.split()
        if re.fullmatch(PATRONYMIC, second):  # «Ивану Петровичу Иванову»: name, patronymic, surname
            return f"{first[0]}.{second[0]}. {_surname_nominative(third, case)}"
        return f"{second[0]}.{third[0]}. {_surname_nominative(first, case)}"
    return text


def _looks_like_person(inside: str) -> bool:
    inside = inside.strip()
    if PERSON_FULL.match(inside):
        return True
    if re.fullmatch(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?", inside):
        lemmas = nlp.lemmas(inside)
        return not (lemmas & words.body_heads())
    return False


def _split_top(text: str, separators: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans of `text` cut at separators that stand outside quotes and parentheses."""
    depth = 0
    cuts = []
    for i, ch in enumerate(text):
        if ch in "(«“":
            depth += 1
        elif ch in ")»”" and depth:
            depth -= 1
        elif depth == 0:
            m = separators.match(text, i)
            if m and m.end() > i:
                cuts.append((i, m.end()))
    spans = []
    pos = 0
    for s, e in cuts:
        if s >= pos:
            spans.append((pos, s))
            pos = e
    spans.append((pos, len(text)))
    return spans


def _is_abbreviation(word: str) -> bool:
    return word.isupper() and 2 <= len(word) <= 8 and word.lower() not in ("и", "в", "по")


def _first_word_case(segment: str, case: str) -> tuple[bool, bool]:
    """(the segment opens with a noun phrase in `case`, its head is a body or an official)."""
    acting = _ACTING.match(segment)
    if acting:  # «И.о. начальника отдела», «Врио главы»: the post after it is a genitive
        return _first_word_case(segment[acting.end():], "gent")
    found = list(WORD.finditer(segment))
    if found and found[0].start() == len(segment) - len(segment.lstrip()) and _is_abbreviation(found[0].group(0)):
        return True, True  # «МКУ «Управление образования»», «ОМВД России по району»: indeclinable
    if _INDECLINABLE_SHORT.match(segment):
        return True, True  # «Минцифры России», «Минпросвещения России»: a short name reads as any case
    if len(found) > 1 and _substantive(found[0].group(0), found[1].group(0), case):
        return True, True  # «Заведующему сектором ...», «Дежурному ЕДДС»: a participle used as a noun
    if found and nlp.first_pos(found[0].group(0)) in ("PREP", "CONJ", "PRCL"):
        return False, False
    for m in found[:5]:
        word = m.group(0)
        if _noun_parse(word, case) is not None and not (_adj_parse(word, case) and len(found) > 1
                                                           and m is not found[-1]
                                                           and _noun_parse(found[found.index(m) + 1].group(0), case)):
            head = bool({lemma.split("-")[0] for lemma in nlp.lemmas(word)} & words.body_heads())  # «специалисту-эксперту»
            surname = any("Surn" in p.tag for p in nlp.parses(word)) and word[:1].isupper()
            return True, head or surname
        if _adj_parse(word, case) is not None:
            continue
        return False, False
    return False, False


# A federal body's short name: one capitalized word before «России» («Минцифры России», «Банку
# России», «ФНС России»); its first word is often indeclinable or looks like a genitive.
_FEDERAL_SHORT = re.compile(r"\s*[А-ЯЁ][А-ЯЁа-яё]+\s+России(?![а-яё])")
# … whose first word does not decline («Минцифры», «Минпросвещения», «Минобрнауки», «ФНС»): a
# declined one («Минобразованию России») is read by its case like any other noun
_INDECLINABLE_SHORT = re.compile(r"\s*(?:[А-ЯЁ]{2,}|Мин[а-яё]+[ыия])\s+России(?![а-яё])")


_ACTING = re.compile(r"^\s*(?:[Ии]\.\s?о\.|[Вв]р[Ии][Оо]|ВРИО|(?:[Вв]ременно\s+)?[Ии]сполняющ\w+\s+обязанности)\s+")


def _substantive(word: str, following: str, case: str) -> bool:
    """A full adjective or participle in `case` whose nominative heads names of posts
    (body_heads.txt: «заведующий», «дежурный») and that no noun in the same case follows."""
    adj = _adj_parse(word, case)
    if adj is None or _noun_parse(word, case) is not None:
        return False
    if _noun_parse(following, case) is not None or _adj_parse(following, case) is not None:
        return False
    form = adj.inflect({"nomn", "sing", "masc"})
    return bool(form and form.word in words.body_heads())


def _agrees(ending: str, group: str) -> bool:
    """Can «котор-<ending>» refer to a noun inside `group` (not its head, which the list shares)?
    A plural pronoun needs a plural noun in an oblique case; a singular one, a singular noun."""
    plural = ending in ("ых", "ым", "ые", "ыми")
    found = list(WORD.finditer(group))
    for m in found[1:] or found:  # a name of one word: the clause defines its head
        for parse in nlp.parses(m.group(0))[:3]:
            if parse.tag.POS != "NOUN" or parse.tag.case in ("nomn", "accs"):
                continue
            if (parse.tag.number == "plur") == plural:
                return True
    return False


def _proper_noun_in(segment: str, case: str) -> bool:
    """Does the segment open with a capitalized noun in `case` (a body's own name, «Минтруду»)?"""
    first = WORD.search(segment)
    return bool(first and first.start() == len(segment) - len(segment.lstrip()) and first.group(0)[:1].isupper()
                and not first.group(0).isupper() and _noun_parse(first.group(0), case) is not None
                and _adj_parse(first.group(0), case) is None)


def opens_with_head(segment: str, case: str) -> bool:
    """Does the segment open with a body or an official («Отдел ...», «заместителя главы ...») in `case`?"""
    return _first_word_case(segment, case) == (True, True)


_DATIVE_SURNAME = re.compile(r"(?:ов|ев|ин|ск|цк)(?:ой|ому|у)$|(?:ов|ев|ин)у$")


def _paren_case(inside: str, case: str) -> str:
    """The official in parentheses is in the nominative, unless the drafter declined him with
    the body («Отделу ... (Кирилловой Е.В.)»): a dative surname ending is taken as written."""
    surname = max(WORD.findall(inside) or [""], key=len)
    return "datv" if case == "datv" and _DATIVE_SURNAME.search(surname.lower()) else "nomn"


def _blank_definitions(segment: str) -> str:
    """The segment with its «(далее – …)» blanked, nested parentheses and all, to the segment's
    end where the act never closes it («… Российской Федерации (далее - органы (организации):»)."""
    for m in reversed(list(re.finditer(r"\(\s*далее\b", segment, re.IGNORECASE))):
        depth, end = 0, len(segment)
        for i in range(m.start(), len(segment)):
            depth += {"(": 1, ")": -1}.get(segment[i], 0)
            if depth == 0:
                end = i + 1
                break
        segment = segment[:m.start()] + " " * (end - m.start()) + segment[end:]
    return segment


def party_from(segment: str, start: int, case: str) -> Party | None:
    """One executor from its segment: the person pulled out, the name as written and in the nominative."""
    person = None
    written = _blank_definitions(segment)
    for m in list(PAREN.finditer(written)):
        inside = m.group(1)
        post_and_name = TRAILING_PERSON.search(" " + inside) if inside[:1].islower() else None
        if post_and_name is None or _PERSON_LIST.match(inside):
            # «(Иванов И.И., по согласованию)», «(Иванов И.И. – начальник отдела)», «(И.И. Иванов и П.П. Петров)»
            post_and_name = LEADING_PERSON.match(inside) or post_and_name
        if DROP_PARENS.match(inside) or (person is None and (_looks_like_person(inside) or post_and_name)):
            if person is None and _looks_like_person(inside):
                person = person_nominative(inside, _paren_case(inside, case))
            elif person is None and post_and_name:  # «(начальник управления Иванов И.И.)»
                person = person_nominative(post_and_name.group("person"), "nomn")
            written = written[:m.start()] + " " * (m.end() - m.start()) + written[m.end():]
    written_clean = squash(written).strip(" ,;:–—-")
    if not written_clean:
        return None
    lead = LEADING_PERSON.match(written_clean) if person is None else None
    if lead and re.match(r"\s*[–—-]\s*", written_clean[lead.end("person"):]):
        # «Иванова И.И. – заместителя главы администрации»: the post after the dash is the addressee
        rest = written_clean[lead.end("person"):].strip(" ,;:–—-")
        if opens_with_head(rest, case):
            person, written_clean = person_nominative(lead.group("person"), case), rest
    if person is None:
        tail = TRAILING_PERSON.search(" " + written_clean)
        if tail:
            raw = tail.group("person")
            rest = (" " + written_clean)[: tail.start()].strip()
            if not rest:  # an order addressed to a person alone
                return Party(as_written=written_clean, name=person_nominative(raw, case),
                             person=person_nominative(raw, case), span=(start, start + len(segment)),
                             confidence=sureness.CLEAN)
            person = person_nominative(raw, case)
            written_clean = rest.rstrip(" ,;:–—-")  # «Начальнику отдела культуры – Иванову И.И.»
    # the span covers the name as the text has it: a run of spaces or a line break inside counts
    # in full, and a bracketed official taken out of it is still inside it
    found = re.search(r"\s+".join(map(re.escape, written_clean.split())), written)
    if found is not None:
        span = (start + found.start(), start + found.end())
    else:
        offset = max(segment.find(written_clean[:10]), 0)
        span = (start + offset, start + offset + len(written_clean))
    return Party(as_written=written_clean, name=nominative(written_clean, case), person=person,
                 confidence=_party_sureness(written_clean, case), span=span)


def _stray_word(written: str) -> bool:
    """Does the name hold a word a dative name cannot (pymorphy3): a lower-case noun or adjective
    that is only nominative or accusative with no preposition before it («Отделу культуры
    информацию о …»), or a finite verb? A name's tail is genitive or prepositional, so such a
    word means the name may have taken in the task's words: the name is then not sure."""
    masked = mask_quoted(written, also_parens=True)
    found = list(WORD.finditer(masked))
    for i, m in enumerate(found[1:], start=1):
        word = m.group(0)
        if not word.islower():
            continue
        readings = nlp.parses(word)
        if nlp.first_pos(word) in ("VERB", "INFN"):
            return True
        named = [r for r in readings if r.tag.POS in ("NOUN", "ADJF", "PRTF")]
        if not named or len(named) < len(readings) or any(r.tag.case not in ("nomn", "accs") for r in named):
            continue
        before = [w.group(0) for w in found[max(0, i - 3):i]]
        if any(w.lower() in _ACCS_PREPOSITIONS for w in before) or not before[-1].islower():
            continue  # «за пожарную безопасность»; «Боградский район»
        if any(nlp.first_pos(w) == "PRTF" for w in before):
            continue  # «осуществляющим борьбу …»
        if re.match(r"\s*(?:[А-ЯЁ«\"])", masked[m.end():]) or re.match(r"\s*[«\"]", written[m.end():]):
            continue  # «муниципального образования город Краснодар»
        return True
    return False


_ACCS_PREPOSITIONS = frozenset({"в", "во", "на", "за", "через", "под", "про", "о", "об"})


def _party_sureness(written: str, case: str) -> float:
    """A name that opens with a known body or official in its case is sure; one that the head
    rule could not place (an unknown word, a long name with commas or a clause, a word that no
    dative name holds) is not."""
    if len(written) > 160 or re.search(r"(?<![а-яё])котор", written, re.IGNORECASE):
        return sureness.FALLBACK
    if case == "datv" and _stray_word(written):
        return sureness.FALLBACK
    return sureness.CLEAN if opens_with_head(written, case) or _proper_noun_in(written, case) else sureness.FALLBACK


_PERSON_LIST = re.compile(rf"^\s*(?:{INITIALS_AND_SURNAME})"
                          rf"(?:\s*(?:,|;|\sи)\s*(?:{INITIALS_AND_SURNAME}))+\s*$")


def _more_officials(segment: str, start: int, party: Party) -> list[Party]:
    """«Министерству (И.И. Иванов, П.П. Петров)»: the officials after the first, each kept as
    named (a person alone), so no name is lost."""
    for m in PAREN.finditer(segment):
        if _PERSON_LIST.match(m.group(1)):
            names = [n.strip() for n in re.split(r"\s*(?:,|;|\sи\s)\s*", m.group(1))][1:]
            return [Party(as_written=person_nominative(n), name=person_nominative(n), person=person_nominative(n),
                          span=(start + m.start(1), start + m.end(1)), confidence=party.confidence)
                    for n in names]
    return []


def _adverb_at(text: str) -> int | None:
    """Where the first adverb outside quotes and parentheses stands after the first word: a body's
    name holds none, so «Руководителям предприятий и населению района неукоснительно соблюдать»
    ends at «неукоснительно» (pymorphy3: an adverb or a short adjective, no noun or full adjective
    reading). An adverb before its participle («временно исполняющему обязанности») or of a
    compound preposition («независимо от форм собственности») belongs to the name."""
    masked = mask_quoted(text, also_parens=True)
    found = list(WORD.finditer(masked))
    for i, m in enumerate(found[1:], start=1):
        word = m.group(0)
        if not word.islower() or len(word) < 4:
            continue
        readings = nlp.parses(word)
        if nlp.first_pos(word) != "ADVB" or any(
                r.tag.POS not in ("ADVB", "ADJS", "PRED") for r in readings):
            continue
        after = found[i + 1].group(0).lower() if i + 1 < len(found) else ""
        if after in ("от", "с", "со") or nlp.first_pos(after) == "PRTF":
            continue
        if i + 1 < len(found) and re.fullmatch(r"\s*[-–—]\s*", masked[m.end():found[i + 1].start()]):
            continue  # «организационно - контрольной»: the first half of a compound adjective, spaced

        return m.start()
    return None


def _term_at(text: str) -> int | None:
    """Where a stated recurrence («на постоянной основе», «ежемесячно») or a term the deadline rules
    read («до начала купального сезона», «по мере необходимости») begins: the name ends there."""
    starts = [found[1] for found in (recurrence_in(text),) if found]
    relative = relative_in(mask_quoted(text, also_parens=True))
    if relative:
        starts.append(relative[0])
    starts = [at for at in starts if at > 0]
    return min(starts) if starts else None


# «…, независимо от формы собственности», «…, по подведомственным подразделениям»: a circumstance
# set off by a comma, never part of a body's name (which holds its «по» with no comma before it)
_COMMA_ADVERBIAL = re.compile(r",\s+(?:независимо\s+от|по\s+(?P<word>[а-яё]+))\b", re.IGNORECASE)


def _comma_adverbial_at(text: str) -> int | None:
    for m in _COMMA_ADVERBIAL.finditer(mask_quoted(text, also_parens=True)):
        word = m.group("word")
        # «по делам национальностей» after a comma still names a department: only an adjective
        # («по подведомственным учреждениям») opens a circumstance
        reading = nlp.first_reading(word) if word is not None else None
        if word is None or reading is not None and reading.tag.case == "datv" and reading.tag.POS in ("ADJF", "PRTF"):
            return m.start()
    return None


def _charged_with_at(text: str, case: str) -> int | None:
    """Where «за …» after the accusative of «возложить ответственность на» begins: what the person is
    answerable for («на руководителей учреждений … области за надлежащее выполнение»). Only after
    a noun that no «по» governs: «отдел по контролю за …», «ответственного за …» keep theirs."""
    if case != "accs":
        return None
    masked = mask_quoted(text, also_parens=True)
    for m in re.finditer(r"\sза\s", masked):
        before = WORD.findall(masked[:m.start()])
        if len(before) >= 2 and nlp.first_pos(before[-1]) == "NOUN" and before[-2].lower() != "по":
            return m.start()
    return None


_GOVERNED_CUE = re.compile(r"(?:на\s+основании|в\s+соответствии|в\s+рамках|в\s+пределах|за\s+счет|в\s+установленн)",
                          re.IGNORECASE)


def _after_participle(text: str, at: int) -> bool:
    """Is the word before `at` a participle («созданных», «действующих»), which governs what follows?"""
    before = list(WORD.finditer(text[max(0, at - 40):at]))
    return bool(before) and any(p.tag.POS == "PRTF" for p in nlp.parses(before[-1].group(0)))


def cut_name(text: str, case: str = "datv") -> str:
    """The executor phrase without the circumstances that follow it («в срок до ...», «при ...»,
    an adverb, a recurrence)."""
    for m in NAME_END.finditer(text):
        if _GOVERNED_CUE.match(m.group(0).strip()) and _after_participle(text, m.start()):
            continue  # «организаций, созданных на основании федеральных законов»: the clause defines the body
        text = text[: m.start()]
        break
    for at in (_adverb_at(text), _term_at(text), _comma_adverbial_at(text), _charged_with_at(text, case)):
        if at is not None:
            text = text[:at].rstrip(" ,")
    # the official in parentheses closes the name: what follows is the task
    for paren in PAREN.finditer(text):
        rest = text[paren.end():]
        inside = paren.group(1)
        names_person = _looks_like_person(inside) or (inside[:1].islower() and TRAILING_PERSON.search(" " + inside))
        if not (names_person and rest.strip()):
            continue
        if _genitive_tail(rest):
            continue  # «Отделу дошкольного образования (М.В. Плескевич) управления развития …»: the name goes on
        more = re.match(r"(?:\s*[,;]|\s+и)\s+", rest)
        if more and (all(_first_word_case(rest[more.end():], case)) or _proper_noun_in(rest[more.end():], case)
                     and re.match(r"[^,;(]*\(", rest[more.end():])):
            continue  # «A (X), B (Y)», «Минтруду России (М.А.Топилину), Минфину России (…)»: the list goes on
        return text[: paren.end()]
    return text


def _genitive_tail(rest: str) -> bool:
    """Does the text after an official's parenthesis go on with the body's name in the genitive
    («управления развития … департамента образования») rather than with its task or a term?"""
    first = re.match(r"\s+([а-яё]+)\s+([а-яё]+)", rest)
    if not first:
        return False
    readings = [nlp.first_reading(w) for w in first.groups()]
    return all(r is not None and r.tag.POS in ("NOUN", "ADJF") and r.tag.case == "gent" for r in readings) \
        and not nlp.is_infinitive(first.group(1))


def _only_dative(word: str) -> bool:
    readings = nlp.parses(word)
    return bool(readings) and all(r.tag.POS == "NOUN" and r.tag.case == "datv" for r in readings)


def _dative_conjunct(piece: str, group: str) -> bool:
    """Does a conjunct that is not a known body or post still name a second addressee? Its noun
    can only be a dative («населению района», «индивидуальным предпринимателям»), and nothing in
    the name before it governs a dative: inside a genitive tail a dative cannot continue the
    name, unless a «по» governs it («Комитету по физической культуре и спорту»)."""
    found = [m.group(0) for m in WORD.finditer(piece)][:3]
    if found and found[0].lower() in ("их", "его", "ее", "её"):
        return False  # «администрациям районов и их должностным лицам»: the officials of the same bodies
    noun = next((w for w in found if any(r.tag.POS == "NOUN" for r in nlp.parses(w))), None)
    if noun is None or not noun[:1].islower() or not _only_dative(noun):
        return False
    if any(_adj_parse(w, "datv") is None for w in found[: found.index(noun)]):
        return False
    return not re.search(r"(?<![а-яё])(?:по|к|согласно|благодаря|вопреки)\s", group, re.IGNORECASE)


def _shared_complement(text: str, groups: list[list[int]]) -> int | None:
    """Do bare nouns joined to a last noun share its genitive («предприятиям, учреждениям и
    организациям города Тобольска»)? Then they name one addressee, the kinds of bodies of one
    place, not each a body of its own. The index of the first such noun; the run may follow other
    addressees when the genitive is a scope («филиалу …, организациям и учреждениям всех форм
    собственности»)."""
    if len(groups) < 2 or "и" not in text[groups[-2][1]:groups[-1][0]].split():
        return None
    last = WORD.findall(text[groups[-1][0]:groups[-1][1]])
    reading = nlp.first_reading(last[1]) if len(last) >= 2 else None
    if reading is None or not last[1].islower() or reading.tag.case != "gent" or reading.tag.POS not in ("NOUN", "ADJF"):
        return None
    first = len(groups) - 1
    while first > 0 and len(WORD.findall(text[groups[first - 1][0]:groups[first - 1][1]])) == 1:
        first -= 1
    if first > 0 and "Apro" not in reading.tag:
        # after other addressees only a scope shared by kinds of bodies («всех форм собственности»)
        # joins them; «предпринимателям и владельцам частных домовладений» are two addressees
        return None
    return first if first < len(groups) - 1 else None


_SEPARATORS = re.compile(r",?\s+а\s+также\s+|,\s+и\s+|,\s+|\s+и\s+|;\s+")  # «A, а также B» is a list too


def parties(text: str, start: int = 0, case: str = "datv") -> list[Party]:
    """Executors named by an executor phrase (a lead before the verb, or the words after
    «Рекомендовать»). Nothing when the phrase does not open with a noun in `case`."""
    blank = len(text) - len(text.lstrip())  # «Поручить Кузнецову К.К., …»: the words after the verb
    text, start = text[blank:], start + blank
    # the sentence ends the name, an abbreviation does not («помощи им. А.С. Пучкова», «ул. Ленина»)
    # a page may glue the next sentence to the stop («района.Ответственность за …»)
    text = re.split(r"(?<=[а-яё]{2})(?<![\s(]им)(?<![\s(]ул)\.(?:\s+(?=[А-ЯЁ])|(?=[А-ЯЁ][а-яё]))", text, maxsplit=1)[0]
    # «… Панова Р.Ю. Губернатор Челябинской области …»: an act on one line runs its signature into the
    # last name; an official's initials followed by a capitalised word end the name there
    # (not «Е.А. Терпугова», «им. А.С. Пучкова»: initials before a surname)
    for m in re.finditer(r"[А-ЯЁ][а-яё]+\s[А-ЯЁ]\.\s?[А-ЯЁ]\.\s+([А-ЯЁ][а-яё]{2,})", text):
        if not any({"Surn", "Name", "Patr"} & set(p.tag.grammemes) for p in nlp.parses(m.group(1))):
            text = text[:m.start(1)]
            break
    text = text.rstrip(" :,\n\t")
    text = text[:-1] if re.search(r"[а-яё»)\"]\.$", text) else text  # the stop ending the item, not an initial
    text = re.sub(r"\s+не$", "", text)  # «руководителям предприятий не допускать»: the negation is the verb's
    colon = re.search(r":\s*\S", text)
    if colon and text[: colon.start()].count("(") == text[: colon.start()].count(")"):
        text = text[: colon.start()]  # «Классным руководителям: -обеспечить …»: the tasks follow the colon
    text = cut_name(text, case)
    if not text.strip():
        return []
    opens, _ = _first_word_case(text, case)
    if not opens:
        return []
    spans = _split_top(text, _SEPARATORS)
    groups: list[list[int]] = []
    for s, e in spans:
        piece = text[s:e]
        if not piece.strip():
            continue
        relative = re.search(r"(?<![а-яё])котор(ых|ого|ой|ому|ым|ую|ая|ый|ое|ые|ыми)", piece, re.IGNORECASE)
        if relative:
            if groups and _agrees(relative.group(1).lower(), text[groups[-1][0]:groups[-1][1]]):
                groups[-1][1] = e  # «руководителям организаций, на балансе которых находятся объекты»:
                continue  # the clause defines a noun of this name, so it is part of the name
            break  # «A, B, в подчинении которых ...»: a clause about the whole list ends it
        is_case, is_head = _first_word_case(piece, case)
        if groups and not is_head and _proper_noun_in(piece, case) and _proper_noun_in(text[groups[-1][0]:], case):
            is_head = True  # «Минобразованию России и Минтруду России»: conjuncts of one shape are two bodies
        if groups and _FEDERAL_SHORT.match(piece) and _FEDERAL_SHORT.match(text[groups[-1][0]:]):
            is_case = is_head = True  # «ФНС России и Казначейству России»: two short names, two bodies
        first = WORD.search(piece)
        joined_by_and = "и" in text[max(0, s - 4):s].split()
        if groups and joined_by_and and first and _is_abbreviation(first.group(0)) and (
                not re.match(r"\s*[«\"]|\s+[А-ЯЁ]", piece[first.end():])
                or TRAILING_PERSON.fullmatch(piece[first.end():].rstrip())):  # «ГО и ЧС Антипову П.В.»
            is_case = is_head = False  # «по делам ГО и ЧС администрации»: an abbreviation inside a name
        separator = text[max(0, s - 4):s]
        new_party = is_case and is_head if groups else is_case
        if groups and case == "datv" and not new_party and _dative_conjunct(piece, text[groups[-1][0]:groups[-1][1]]):
            is_head = new_party = True  # «руководителям учреждений и предпринимателям»: a second addressee
        if groups and "и" in separator.split() and not (is_case and is_head):
            new_party = False
        if groups and is_case and text[:s].rstrip().endswith(",") and \
                TRAILING_PERSON.search(" " + text[groups[-1][0]:groups[-1][1]].rstrip(" ,")):
            new_party = True  # «Заместителю префекта Тимошенко В.Е., управе района»: the official closes a name
        if groups and new_party and text[:s].rstrip().endswith(",") and _apposition(piece):
            new_party = False  # «ведущего специалиста поселения, ответственную за ГО и ЧС …»: the same person
        if new_party:
            groups.append([s, e])
        elif groups:
            groups[-1][1] = e
        else:
            return []
    shared = _shared_complement(text, groups)
    conjuncts, groups = (groups[shared:], groups[:shared] + [[groups[shared][0], groups[-1][1]]]) \
        if shared is not None else ([], groups)
    out: list[Party] = []
    for s, e in groups:
        party = party_from(text[s:e], start + s, case)
        if party is None:
            continue
        if conjuncts and s == conjuncts[0][0]:  # each noun of «предприятиям, учреждениям и организациям города» declines
            ends = [cs for cs, _ in conjuncts[1:]] + [conjuncts[-1][1]]  # each noun with the words after it
            party.name = "".join(nominative(text[cs:ce], case) + text[ce:end]
                                 for (cs, ce), end in zip(conjuncts, ends, strict=True))
        extras = _more_officials(text[s:e], start + s, party)
        if out and out[-1].person and out[-1].span and \
                out[-1].as_written == text[out[-1].span[0] - start:out[-1].span[1] - start] \
                and out[-1].name == out[-1].person and party.person is None:
            # «Тимофеевой А.В., главному специалисту отдела ...»: the post in apposition is the
            # addressee and the person named first its official (contract: the official with the post)
            if opens_with_head(party.as_written, case):
                party.person = out[-1].person
                party.span = (out[-1].span[0], party.span[1]) if party.span else out[-1].span
                out[-1] = party
            continue
        if case == "nomn" and out and out[-1].person is None and party.person and party.as_written == party.person \
                and not extras:
            out[-1].person = party.person  # «Ответственный: отдел ЖКХ, Сидоров С.С.»: the body, then its official
            continue
        out.append(party)
        out.extend(extras)
    return out


def _apposition(piece: str) -> bool:
    """Does the piece open with an adjective or a participle governing a preposition («ответственному
    за пожарную безопасность»)? After a comma it describes the addressee before it, not a new one."""
    found = WORD.findall(piece)[:2]
    return (len(found) == 2 and found[0].islower() and nlp.first_pos(found[0]) in ("ADJF", "PRTF")
            and nlp.first_pos(found[1]) == "PREP")


def coexecutors(text: str, start: int = 0) -> list[Party]:
    """Co-executors named after «совместно с» (instrumental)."""
    m = re.search(r"совместно\s+с(?:о)?\s+", text, re.IGNORECASE)
    if not m:
        return []
    rest = text[m.end():]
    return parties(rest, start + m.end(), case="ablt")
