"""Small text helpers shared by the rules: quote masking, clause ends, whitespace, and the spaces
a web page lost («Министерствуобразования», «Провести24.06.2017») put back (deglue), and signs a
page mis-decoded («в„–» for «№») read as written (repair_signs)."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

OPEN_QUOTES = "«“„"
_QUOTED_DAY = re.compile(r"[«\"]\s*\d{1,2}\s*[»\"]")
CLOSE_QUOTES = "»”"


def mask_quoted(text: str, also_parens: bool = False) -> str:
    """The text with everything inside quotes (and parentheses) blanked, offsets kept.

    Dates and verbs inside «...» belong to titles of other acts, not to the order.
    """
    out = list(text)
    depth = 0
    paren = 0
    straight_open = False
    day_marks = {i for m in _QUOTED_DAY.finditer(text) for i in (m.start(), m.end() - 1)}
    for i, ch in enumerate(text):
        if i in day_marks:  # «от « 31 » марта»: quotes around a day are part of the date
            continue
        inside = depth > 0 or straight_open or (also_parens and paren > 0)
        if ch in OPEN_QUOTES:
            depth += 1
        elif ch in CLOSE_QUOTES and depth:
            depth -= 1
        elif ch == '"':
            # a straight quote opens after a space/bracket and closes otherwise
            prev = text[i - 1] if i else " "
            if straight_open:
                straight_open = False
            elif prev.isspace() or prev in "(-–—:,":
                straight_open = True
        elif also_parens and ch == "(":
            paren += 1
        elif also_parens and ch == ")" and paren:
            paren -= 1
        if inside and ch != "\n":
            out[i] = " "
    return "".join(out)


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space (for fields shown to a clerk)."""
    return re.sub(r"\s+", " ", text).strip()


def strip_markup(line: str) -> str:
    """A line without markdown bold markers and edge whitespace."""
    return line.replace("**", "").replace("__", "").strip()


def despace_letters(text: str) -> str:
    """«п о с т а н о в л я е т» -> «постановляет» (letter-spaced enacting formulas)."""
    return re.sub(r"(?<!\w)((?:[А-Яа-яЁё] ){3,}[А-Яа-яЁё])(?!\w)", lambda m: m.group(1).replace(" ", ""), text)


_LONG_WORD = re.compile(r"[А-Яа-яЁё]{8,}")
_GLUED = re.compile(  # where a lost space shows by itself: a letter against a digit, a bracket, an initial
    r"(?<=[а-яё]{3})(?=\d)|(?<=(?<![А-Яа-яЁё])(?:до|от|по|на))(?=\d)|(?<=(?<![А-Яа-яЁё])[вкс])(?=\d)"
    r"|(?<=\d)(?=[а-яё]{3})|(?<=[)»;])(?=[А-ЯЁа-яё])|(?<=[а-яё],)(?=[А-ЯЁа-яё])|(?<=\),)(?=[А-ЯЁа-яё])|(?<=[а-яё][»\"],)(?=[А-ЯЁа-яё])|(?<=[а-яё][»\"])(?=\([А-ЯЁ])|(?<=[а-яё]{3})(?=\([А-ЯЁ])"
    r"|(?<=[а-яё][»\"])(?=[а-яё]{2})"  # «области"организовать»: a closing quote glued to the next word
    r"|(?<=[а-яё]{2})(?=[А-ЯЁ]\.)|(?<=(?<![А-Яа-яЁё])[А-ЯЁ]\.)(?=[а-яё]{3})|(?<=[А-ЯЁа-яё])(?=[«\"][А-ЯЁ])|(?<=[а-яё]{2})(?=[А-ЯЁ][а-яё]{2})"
    r"|(?<=[а-яё]{2})(?=[А-ЯЁ]{4,})")  # «ЗадонскПОСТАНОВЛЯЕТ:»: no word turns to capitals inside


def _whole_word(word: str, first: bool) -> bool:
    """A dictionary word of a full part of speech, not a name that only looks like two words;
    the `first` of two also not a combining form («авто-», «корона-», «медиа-»): it must be
    inflected, long, or a verb."""
    from parsers import nlp

    if len(word) < (5 if first else 3) or not nlp.is_known(word):
        return False
    best = nlp.parses(word)[0]
    if any(g in best.tag for g in ("Name", "Surn", "Patr", "Abbr", "Fixd")):
        return False
    if not first and best.tag.POS == "ADVB" and len(word) >= 6:
        return True  # «выделитьдополнительно»: an adverb after a verb
    return best.tag.POS in ("NOUN", "ADJF", "PRTF", "INFN", "VERB", "NPRO", "NUMR") and (
        not first or best.word != best.normal_form or len(word) >= 8 or best.tag.POS in ("INFN", "VERB"))


def _function_word(word: str, conjunction: bool = True) -> bool:
    """«для», «при», «в», «и»: a preposition (or conjunction) a lost space glues to its neighbour."""
    from parsers import nlp

    kinds = ("PREP", "CONJ") if conjunction else ("PREP",)
    return len(word) <= 4 and nlp.is_known(word) and nlp.first_pos(word) in kinds


def _split(word: str, depth: int = 0) -> list[int] | None:
    """Where a word glued from two or three («Министерствуобразования», «выделитьвноябре»,
    «дляприобретения») splits, as offsets, or None. Only a word the dictionary does not know
    splits, and only into words it knows: whole words, or a preposition or conjunction."""
    from parsers import nlp

    if word.isupper() or nlp.is_known(word):
        return None
    best: tuple[tuple[int, int, float], list[int]] | None = None
    found: dict[int, tuple[tuple[int, int, float], list[int]]] = {}
    for i in range(1, len(word)):
        left, right = word[:i], word[i:]
        capital = left[0].isupper()
        # «Кузьминуразобраться», «города Канашпринять»: a name glued to the infinitive of the task
        named = capital and len(left) >= 4 and len(right) >= 5 and nlp.is_known(right) and nlp.is_infinitive(right)
        if capital and len(left) < 8 and not named and not (len(left) >= 2 and _function_word(left.lower())):
            continue  # «Коростелеву», «Аманская»: a name is no «Ко» + «ростелеву»
        # «срокобеспечить», «девятыйисключить»: a short noun or adjective glued to the infinitive that follows it
        whole = named or _whole_word(left, True) or (
            len(left) >= 3 and not capital and nlp.is_known(left) and nlp.first_pos(left) in ("NOUN", "ADJF")
            and nlp.is_infinitive(right))
        if not (whole or _function_word(left.lower(), conjunction=depth == 0)):
            continue
        if _whole_word(right, False) or (whole and right not in "аоуыэюяие" and _function_word(right, False)):
            cuts = [i]
        elif depth == 0 and (whole or not capital) and (rest := _split(right, 1)):
            cuts = [i] + [i + c for c in rest]
        else:
            continue
        # two whole words split near the middle beat a split at a preposition
        rank = (0 if whole else 1, len(cuts), abs(i - len(word) / 2))
        found[i] = (rank, cuts)
        if best is None or rank < best[0]:
            best = (rank, cuts)
    if best is None:
        return None
    # «управляющемуделами»: where the letter at the seam may close the first word or open the second
    # («управляющем уделами»), it is the first word's ending: glued words are inflected ones
    seam = best[1][0]
    if (later := found.get(seam + 1)) is not None and later[0][:2] == best[0][:2] and nlp.is_known(word[:seam + 1]):
        return later[1]
    return best[1]


@dataclass(slots=True)
class Deglued:
    """A text with the spaces a web page lost put back, and the way back to the original's offsets."""

    text: str
    cuts: list[int]  # offsets in the original before which a space was put

    def new(self, old: int) -> int:
        return old + bisect_right(self.cuts, old) if self.cuts else old

    def old(self, new: int) -> int:
        if not self.cuts:
            return new
        # the space put before the k-th cut (0-based) sits at new offset cuts[k] + k
        return new - bisect_left([c + i for i, c in enumerate(self.cuts)], new)


# «идо 1 ноября 2024 г.»: a conjunction glued to the preposition of a term before its date (too
# short for the dictionary test: «идо» is no word, but three letters are no evidence either)
_DATE_AHEAD = r"(?=\s+\d{1,2}(?:\s+[а-яё]+|\.\d{2}\.))"  # a day and its month, in words or figures
_GLUED_TERM = re.compile(rf"(?<![А-ЯЁа-яё])[иа](до|не\s+позднее|с|по|к){_DATE_AHEAD}")


# «в срокдо 30 марта 2016 года»: a word glued to the «до» of a term before its date
_GLUED_BEFORE_DATE = re.compile(rf"(?<![А-Яа-яЁё])([а-яё]{{3,}})(до){_DATE_AHEAD}")
# «Пермского краяв срок до …», «края всрок до …»: the «в» of a term glued to the word before or after
_GLUED_BEFORE_TERM = re.compile(r"(?<![А-Яа-яЁё])([а-яё]{3,})(в)(?=\s+(?:срок|течение)(?![а-яё]))")
_GLUED_TERM_WORD = re.compile(r"(?<![А-Яа-яЁё])[вВ](?=(?:срок|течение)(?![а-яё]))")
# «хозяйствующим субъектами владельцам»: «субъектам и» glued into a word in another case
# … or the first of a list after a comma («(Дубровину П.С.), организациями учреждениям всех форм»)
_PLURAL_AND = re.compile(r"(?:(?<![А-Яа-яЁё])([а-яё]{4,})|(?<=,))\s+([а-яё]{3,}[ая]м)(и)\s+([а-яё]{4,})(?![А-Яа-яЁё])")


# «во времяпроведения», «в течениемесяца», «в целяхобеспечения»: a compound preposition glued to the
# word it governs (its noun is a whole word, so the dictionary test alone would take it for a prefix)
_GLUED_PREPOSITION = re.compile(
    r"(?<![А-Яа-яЁё])((?:во\s+время|в\s+течение|в\s+ходе|в\s+целях|в\s+связи|по\s+мере|в\s+период|в\s+случае"
    r"|в\s+рамках|в\s+результате|в\s+соответствии|по\s+окончании|по\s+завершении))([а-яё]{3,})", re.IGNORECASE)


def _glued(whole: str, part: str) -> bool:
    """A word the dictionary does not know, one of whose two parts it does: a lost space."""
    from parsers import nlp

    return not nlp.is_known(whole) and nlp.is_known(part)


def _and_cut(m: re.Match[str]) -> int | None:
    """The cut before «и» when the words on both sides are in the dative plural and the glued word
    cannot agree with the one before it (an adjective in the dative plural has no instrumental
    plural reading: «хозяйствующим», not «хозяйствующими»)."""
    from parsers import nlp

    def dative_plural(word: str) -> bool:
        return any(p.tag.case == "datv" and p.tag.number == "plur" for p in nlp.parses(word))

    before, noun, after = m.group(1), m.group(2), m.group(4)
    if not (nlp.is_known(noun) and nlp.is_known(after) and dative_plural(noun) and dative_plural(after)
            and (before is None or dative_plural(before))):
        return None
    if before is not None and any(p.tag.case == "ablt" and p.tag.number == "plur" for p in nlp.parses(before)):
        return None  # «хозяйствующими субъектами»: the instrumental agrees, nothing is glued
    return m.start(3)


def deglue(text: str) -> Deglued:
    """Put back the spaces a web page lost at line ends («Министерствуобразования»,
    «Провести24.06.2017»): a word the dictionary does not know that splits into two it knows."""
    cuts: list[int] = []
    for m in _LONG_WORD.finditer(text):
        cuts.extend(m.start() + at for at in _split(m.group(0)) or ())
    cuts.extend(m.start() for m in _GLUED.finditer(text))
    cuts.extend(m.start(1) for m in _GLUED_TERM.finditer(text))
    cuts.extend(m.start(2) for m in _GLUED_BEFORE_DATE.finditer(text) if _glued(m.group(1) + m.group(2), m.group(1)))
    cuts.extend(m.start(2) for m in _GLUED_BEFORE_TERM.finditer(text) if _glued(m.group(1) + m.group(2), m.group(1)))
    cuts.extend(m.end() for m in _GLUED_TERM_WORD.finditer(text))
    cuts.extend(at for m in _PLURAL_AND.finditer(text) if (at := _and_cut(m)) is not None)
    cuts.extend(m.end(1) for m in _GLUED_PREPOSITION.finditer(text)
                if _glued(m.group(1).split()[-1] + m.group(2), m.group(2)))
    if not cuts:
        return Deglued(text, [])
    cuts.sort()
    parts, last = [], 0
    for cut in cuts:
        parts.append(text[last:cut])
        parts.append(" ")
        last = cut
    parts.append(text[last:])
    return Deglued("".join(parts), cuts)


# a three-byte UTF-8 sign (U+2000-U+2FFF: «№», «–», «—», «“», «…») shown as Windows-1251 reads as
# «в» and two characters of that code page's upper half that are no Russian letters («в„–»)
_MISDECODED = re.compile("в[\u0080-\u00bf\u0401-\u040f\u0451-\u045f\u0490\u0491\u2010-\u203a\u20ac\u2116\u2122]{2}")


def repair_signs(text: str) -> str:
    """«от 18 мая 2023 г. в„– 351» -> «от 18 мая 2023 г. №   351»: a sign the page mis-decoded
    (its UTF-8 bytes read as Windows-1251) read as the sign, padded with spaces so that every
    offset stays where it was. Russian words never put two such characters after «в»."""
    def sign(m: re.Match[str]) -> str:
        try:
            char = m.group(0).encode("cp1251").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return m.group(0)
        if len(char) != 1 or unicodedata.category(char)[0] not in "PS":
            return m.group(0)
        return char + " " * (len(m.group(0)) - 1)
    return _MISDECODED.sub(sign, text) if "в" in text else text


# Editorial notes that legal reference systems put into an act's text as it stands now: GARANT's
# «Информация об изменениях: / Подпункт "г" изменен с 13 июня 2024 г. - Указ … N 500 / См.
# предыдущую редакцию» before the changed item, and its page footers («21.11.2024 / Система
# ГАРАНТ / 2» and the running title). They split items and addressees from their tasks.
_NOT_AN_ITEM = r"(?!\s*(?:\d{1,3}(?:\.\d{1,3})*[.)]\s+[А-ЯЁа-яё]|[а-яё]\d?\)\s))"
# «Информация об изменениях: Подпункт "г" изменен с 13 июня 2024 г. - Указ Президента России от 13
# июня 2024 г. N 500 См. предыдущую редакцию»: on its lines or run into one line, never over an item
_CHANGE_NOTE = re.compile(
    r"Информация\s+об\s+изменениях:"
    rf"(?:{_NOT_AN_ITEM}[\s\S]){{1,200}}?(?:изменен|дополнен|утратил|исключен|введен|признан)"
    rf"(?:{_NOT_AN_ITEM}[\s\S]){{0,200}}?(?:N|№)\s*\d+[\w-]*"
    r"(?:\s+См\.\s+предыдущую\s+редакцию)?")
# «21.11.2024 / Система ГАРАНТ / 2», on its lines or in one line
_FOOTER = re.compile(r"\d{2}\.\d{2}\.\d{4}\s+Система\s+ГАРАНТ(?:\s+\d{1,4}(?!\d))?[ \t]*\n?")


def blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


# «(В редакции Распоряжения Президента … от 15.11.2013 г. N 421-рп)», «(пп. "а" введен Указом …
# от 13.06.2024 N 500)» after an item: the date and number are the amending act's, no term
_EDITION_NOTE = re.compile(
    r"\((?:[^()]{0,40}?\s)?(?:[Вв]\s*ред(?:акции|\.)|введен[аоы]?|утратил[аио]?\s+силу|исключен[аоы]?)\s"
    r"[^()]*?(?:от\s+\d|N\s*\d|№\s*\d)[^()]*(?:\([^()]*\)[^()]*)*\)")


# a stop that abbreviates («г. Северск», «в парке п.», «им. А.С. Пучкова», «ул. Ленина») ends no sentence
ABBREVIATED_END = re.compile(r"(?<![А-Яа-яЁё])(?:п|г|с|д|ул|пос|пгт|р|им|пр|пер|мкр|обл|р-н|ст)\.[ \t]*$")


# «См. Постановление Правительства … от 25 июня 2019 г. N 224 "Об утверждении …"»: a reference
# system's pointer to another act, on a line of its own; an act's own sentence never opens so
_SEE_ALSO = re.compile(r"(?m)^[ \t]*См\.[ \t]+[А-ЯЁа-яё][^\n]*(?:от\s+\d|N\s*\d|№\s*\d|редакци|комментари|справк)[^\n]*$")


# a legal portal's note on a typo inside the text: «По-видимому, в тексте предыдущего абзаца допущена
# опечатка. Дату … следует читать "от 11.01.2012"»
_TYPO_NOTE = re.compile(r"По-видимому,\s+в\s+тексте[\s\S]{0,400}?следует\s+читать\s*(?:\"[^\"]{0,80}\"|«[^»]{0,80}»)")


def blank_editorial_notes(text: str) -> str:
    """The text with reference systems' editorial notes and page footers blanked (spaces, the
    line breaks kept), so that every offset stays where it was."""
    if "(" in text and _EDITION_NOTE.search(text):
        text = _EDITION_NOTE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    if "См." in text:
        text = _SEE_ALSO.sub(lambda m: " " * len(m.group(0)), text)
    if "По-видимому" in text:
        text = _TYPO_NOTE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    if "Информация об изменениях" not in text and "Система ГАРАНТ" not in text:
        return text
    chars = list(text)
    for m in _CHANGE_NOTE.finditer(text):
        blank(chars, m.start(), m.end())
    first = text.lstrip()
    title = first[: min(60, first.find("\n") if "\n" in first else len(first))].strip()
    for m in _FOOTER.finditer(text):
        end = m.end()
        rest = text[end:]
        lead = len(rest) - len(rest.lstrip())
        if title and rest.lstrip().startswith(title):  # the running title that opens each page
            line_end = rest.find("\n", lead)
            end += (line_end if line_end >= 0 and "\n" in first[:200] else lead + len(title))
        blank(chars, m.start(), end)
    return "".join(chars)

