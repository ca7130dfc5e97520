"""Putting names of bodies, posts and people into the case a document needs (pymorphy3 for words).

    inflect_head("Заместитель главы администрации города", "datv") -> "Заместителю главы администрации города"
    inflect_head("Администрация города Обнинска", "gent")         -> "Администрации города Обнинска"
    person_dative("М.А. Парфенов")                                 -> "Парфенову М.А."
    person_dative("Ю.С. Медведева")                                -> "Медведевой Ю.С."

Only the head of a name changes: the leading adjectives and the first noun («Главное управление»,
«областное государственное автономное учреждение»); what follows is already in its own case
(«… образования Иркутской области», «… по работе со СМИ») and words in quotes are a name.
Surnames follow the rules of Russian grammar rather than a dictionary (pymorphy3 knows few
surnames): -ов/-ин/-ский decline, -о/-е/-и/-у/-ых/-их never do, a feminine surname on a
consonant stays as it is.
"""
from __future__ import annotations

import re

_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_INITIALS = r"[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.)?"
_SHORT_FIRST = re.compile(rf"^\s*({_INITIALS})\s*([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s*$")  # «М.А. Парфенов»
_SHORT_LAST = re.compile(rf"^\s*([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s+({_INITIALS})\s*$")  # «Парфенов М.А.»
_FULL = re.compile(r"^\s*([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s+([А-ЯЁ][а-яё]+)\s+([А-ЯЁ][а-яё]+)\s*$")
_SURNAME = re.compile(r"^\s*([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)\s*$")
_MODIFIERS = {"ADJF", "PRTF", "NUMR"}


def _parses(word: str) -> tuple:
    from parsers.nlp import parses

    return parses(word)


def _same_shape(original: str, new: str) -> str:
    if original.isupper() and len(original) > 1:
        return new.upper()
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def _inflect_word(word: str, case: str, want_noun: bool) -> tuple[str, bool] | None:
    """(the word in `case`, whether it was the head noun); None when it is not a nominative
    modifier or noun (then the head is over)."""
    candidates = [p for p in _parses(word) if p.tag.case == "nomn"]
    nouns = [p for p in candidates if p.tag.POS == "NOUN"]
    modifiers = [p for p in candidates if p.tag.POS in _MODIFIERS]
    # «Главное» can only be an adjective; «глава» only a noun; prefer a modifier while the head may follow
    chosen = (modifiers or nouns) if want_noun else nouns
    if not chosen:
        return None
    parse = chosen[0]
    inflected = parse.inflect({case})
    if inflected is None:
        return None
    return _same_shape(word, inflected.word), parse.tag.POS == "NOUN"


def inflect_head(phrase: str, case: str) -> str:
    """`phrase` (nominative) with its head put into `case` («datv», «gent», ...)."""
    out: list[str] = []
    at = 0
    for match in _WORD.finditer(phrase):
        between = phrase[at:match.start()]
        if any(mark in between for mark in "«\"(") or (out and between.strip()):
            break  # a quoted name, a bracket, a comma: the head is over
        result = _inflect_word(match.group(), case, want_noun=True)
        if result is None:
            break
        word, is_noun = result
        out.append(between + word)
        at = match.end()
        if is_noun:
            return "".join(out) + phrase[at:]
    return phrase  # no noun found at the head: leave the phrase as written


def head_lemma(phrase: str) -> str:
    """The dictionary form of the first noun at the head («Главное управление …» -> «управление»)."""
    words = [m.group() for m in _WORD.finditer(phrase)]
    for at, word in enumerate(words):
        candidates = [p for p in _parses(word) if p.tag.case == "nomn"]
        nouns = [p for p in candidates if p.tag.POS == "NOUN"]
        if any(p.tag.POS in _MODIFIERS for p in candidates) and at + 1 < len(words):
            continue  # «Главное», «Первый»: the noun follows
        return nouns[0].normal_form if nouns else word.lower()
    return ""


# -- people ----------------------------------------------------------------------------------------

def _initials(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ending -> (dative, accusative); the longest ending that fits wins
_MASCULINE = (("ский", "скому", "ского"), ("цкий", "цкому", "цкого"), ("ый", "ому", "ого"), ("ой", "ому", "ого"),
              ("ий", "ему", "его"), ("ь", "ю", "я"), ("й", "ю", "я"), ("а", "е", "у"), ("я", "е", "ю"))
_FEMININE = (("ская", "ской", "скую"), ("цкая", "цкой", "цкую"), ("ова", "овой", "ову"), ("ева", "евой", "еву"),
             ("ёва", "ёвой", "ёву"), ("ина", "иной", "ину"), ("ына", "ыной", "ыну"), ("ая", "ой", "ую"),
             ("яя", "ей", "юю"), ("а", "е", "у"), ("я", "е", "ю"))


def surname_case(surname: str, case: str, feminine: bool | None = None) -> str:
    """A surname in the dative («datv») or accusative («accs»): «Парфенов» -> «Парфенову» / «Парфенова»,
    «Медведева» -> «Медведевой» / «Медведеву», «Кравченко» -> «Кравченко».

    `feminine` None: told by the ending (-ова, -ина, -ская are women's); a surname on a
    consonant is then taken as a man's (initials do not tell)."""
    if "-" in surname:
        return "-".join(surname_case(part, case, feminine) for part in surname.split("-"))
    low = surname.lower()
    if feminine is None:
        feminine = bool(re.search(r"(ова|ева|ёва|ина|ына|ская|цкая|ая|яя)$", low))
    if re.search(r"(ых|их|о|е|и|у|ю|ы|э)$", low):
        return surname  # Кравченко, Дурново, Черных, Гёте: never declined
    column = 1 if case == "datv" else 2
    for row in _FEMININE if feminine else _MASCULINE:
        if low.endswith(row[0]):
            return surname[: -len(row[0])] + row[column]
    if feminine:
        return surname  # a woman's surname on a consonant: Шевчук, Лебедь
    return surname + ("у" if case == "datv" else "а")  # Парфенов, Зимин, Шевчук


def surname_dative(surname: str, feminine: bool | None = None) -> str:
    return surname_case(surname, "datv", feminine)


def person_case(person: str, case: str = "datv", surname_first: bool = True) -> str:
    """An official's name in `case`: «М.А. Парфенов» -> «Парфенову М.А.» (an addressee: surname first),
    or «Г.Е. Ананьева» with surname_first=False (in a text: «возложить на … Г.Е. Ананьева»).

    A full name gives initials, its patronymic tells a woman («Ивановна»); a lone surname is
    declined alone; anything else is left as written."""
    text = " ".join((person or "").split())
    if not text:
        return ""
    feminine = None
    if match := _SHORT_FIRST.match(text):
        surname, initials = match[2], _initials(match[1])
    elif match := _SHORT_LAST.match(text):
        surname, initials = match[1], _initials(match[2])
    elif match := _FULL.match(text):
        feminine = match[3].lower().endswith(("вна", "чна", "кызы"))
        surname, initials = match[1], f"{match[2][0]}.{match[3][0]}."
    elif match := _SURNAME.match(text):
        return surname_case(match[1], case)
    else:
        return text
    declined = surname_case(surname, case, feminine)
    return f"{declined} {initials}" if surname_first else f"{initials} {declined}"


def person_dative(person: str) -> str:
    """An addressee's name: «М.А. Парфенов» -> «Парфенову М.А.» (ГОСТ Р 7.0.97: surname, then initials)."""
    return person_case(person, "datv", surname_first=True)
