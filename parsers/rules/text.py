"""Small text helpers shared by the rules: quote masking, clause ends, whitespace."""
from __future__ import annotations

import re
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
_LETTER_DIGIT = re.compile(r"(?<=[а-яё]{3})(?=\d)")
_SHORT_WORDS = "ивскоу"  # one-letter prepositions and conjunctions a lost space glues to the next word


def _whole_word(word: str) -> bool:
    """A dictionary word in an inflected form of a full part of speech, not a combining form
    («авто-», «корона-», «медиа-») or a name that only looks like two words."""
    from parsers import nlp

    if len(word) < 5 or not nlp.is_known(word):
        return False
    best = nlp.parses(word)[0]
    if any(g in best.tag for g in ("Name", "Surn", "Patr", "Abbr", "Fixd")):
        return False
    return best.tag.POS in ("NOUN", "ADJF", "PRTF", "INFN", "VERB", "NPRO", "NUMR") and (
        best.word != best.normal_form or len(word) >= 8 or best.tag.POS in ("INFN", "VERB"))


def _split_point(word: str) -> int | None:
    """Where a word glued from two («Министерствуобразования», «ипроведение») splits, or None.
    Only a word the dictionary does not know splits, and only into two whole words it knows."""
    from parsers import nlp

    if nlp.is_known(word) or word.isupper():
        return None
    if word[0] in _SHORT_WORDS and nlp.is_known(word[1:]) and len(word) > 8:
        return 1
    best = None
    for i in range(5, len(word) - 4):
        left, right = word[:i], word[i:]
        if left[0].isupper() and len(left) < 8:
            continue
        if _whole_word(left) and _whole_word(right):
            if best is None or abs(i - len(word) / 2) < abs(best - len(word) / 2):
                best = i
    return best


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


def deglue(text: str) -> Deglued:
    """Put back the spaces a web page lost at line ends («Министерствуобразования»,
    «Провести24.06.2017»): a word the dictionary does not know that splits into two it knows."""
    cuts: list[int] = []
    for m in _LONG_WORD.finditer(text):
        at = _split_point(m.group(0))
        if at is not None:
            cuts.append(m.start() + at)
    cuts.extend(m.start() for m in _LETTER_DIGIT.finditer(text))
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
