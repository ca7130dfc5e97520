"""Rejoining a word hyphenated across two lines, while keeping real hyphenated compounds.

«инфор-» + «мации» is one word; «пресс-» + «службы» and «социально-» + «экономического»
keep the hyphen; «фото-» + «и видео...» keeps the hyphen and the space; « -» after a space is
a dash. Cyrillic pairs are checked against pymorphy3's dictionary (loaded lazily, ~50 ms).
"""
from __future__ import annotations

import re
from functools import lru_cache

HYPHENS = "-‐‑"
SOFT_HYPHEN = "\u00ad"
CONJUNCTIONS = {"и", "или", "либо", "а", "да", "но"}
_LEFT = re.compile(r"([A-Za-zА-Яа-яЁё]+)[" + HYPHENS + r"]$")
_RIGHT = re.compile(r"^([A-Za-zА-Яа-яЁё]+)")
_CYRILLIC = re.compile(r"^[А-Яа-яЁё]+$")


def join_hyphenated(left: str, right: str) -> str:
    """Join two wrapped lines of one paragraph, resolving a hyphen at the end of `left`."""
    left = left.rstrip()
    right = right.lstrip()
    if left.endswith(SOFT_HYPHEN):
        return left[:-1] + right
    if not left or left[-1] not in HYPHENS:
        return f"{left} {right}"
    if len(left) >= 2 and left[-2] == " ":
        return f"{left} {right}"  # « -» is a dash
    first_word = right.split(" ", 1)[0].rstrip(",.;:")
    if first_word.lower() in CONJUNCTIONS:
        return f"{left} {right}"  # «фото- и видеоматериалов»
    head, tail = _LEFT.search(left), _RIGHT.match(right)
    if not head or not tail:
        return left + right  # «COVID-» + «19»: a hyphen inside a token
    first, second = head.group(1), tail.group(1)
    if not (_CYRILLIC.match(first) and _CYRILLIC.match(second)) or second[0].isupper():
        return left + right  # Latin tokens («openxmlformats-officedocument»), «Северо-Западный»
    return left[:-1] + right if is_word_break(first, second) else left + right


def is_word_break(first: str, second: str) -> bool:
    """True when «first-» + «second» is one word split by hyphenation, not a compound."""
    known = _known_words()
    if known is None:
        return not first.lower().endswith(("о", "е"))  # no dictionary: compounds mostly end so
    joined, compound = (first + second).lower(), f"{first}-{second}".lower()
    if known(compound) and not known(joined):
        return False
    if known(joined):
        return True
    # Neither form is in the dictionary: a compound's first part is usually a word itself
    # («военно-», «пресс-»), a hyphenation fragment («инфор-») is not.
    return not known(first.lower())


@lru_cache(maxsize=1)
def _known_words():  # noqa: ANN202
    try:
        import pymorphy3
    except ImportError:  # pragma: no cover - a dependency of the project
        return None
    return pymorphy3.MorphAnalyzer().word_is_known
