"""Small text helpers shared by the rules: quote masking, clause ends, whitespace."""
from __future__ import annotations

import re

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
