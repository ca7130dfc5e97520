"""Lazy NLP: pymorphy3's readings of words, and the acts tokenizer (parsers.tokenizer).

Nothing here is imported until a file is parsed: `tracker --help` must not pay for pymorphy3.
pymorphy3's first parse ignores context, so a word keeps every case it can have («области» is
Gen, Dat and Loc at once) and the rules test for any of them.
"""
from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from parsers.tokenizer import Token


@cache
def analyzer() -> Any:
    """The pymorphy3 analyzer, built once (80 ms)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=100_000)
def parses(word: str) -> tuple[Any, ...]:
    """Every pymorphy3 parse of a word (lower-cased), cached: acts repeat their words."""
    return tuple(analyzer().parse(word.lower()))


def first_reading(word: str) -> Any | None:
    """pymorphy3's likeliest parse of a word (it ranks them by frequency), or None for no parse."""
    found = parses(word)
    return found[0] if found else None


def first_pos(word: str) -> str | None:
    """The part of speech of the word's likeliest reading («NOUN», «INFN», «PRTF», …), or None."""
    found = first_reading(word)
    return found.tag.POS if found is not None else None


@lru_cache(maxsize=100_000)
def cases(word: str) -> frozenset[str]:
    """Every pymorphy3 case the word can be in («области» -> gent, datv, loct, ...)."""
    return frozenset(p.tag.case for p in parses(word) if p.tag.case)


@lru_cache(maxsize=100_000)
def lemmas(word: str) -> frozenset[str]:
    return frozenset(p.normal_form for p in parses(word))


@lru_cache(maxsize=100_000)
def has_verb(phrase: str) -> bool:
    """Does the phrase hold a verb by its likeliest reading (a finite verb or an infinitive), in a
    word of three letters or more? A duty holds one; a cell, a heading or a signature does not."""
    import re

    return any(first_pos(word.lower()) in ("VERB", "INFN")
               for word in re.findall(r"[А-Яа-яЁё]{3,}(?:-[А-Яа-яЁё]+)*", phrase))


def is_infinitive(word: str) -> bool:
    return any(p.tag.POS == "INFN" for p in parses(word))


def tokens(text: str) -> list[Token]:
    """Tokenize a short passage (an item's lead, never the whole act) as spaCy's Russian does."""
    from parsers.tokenizer import acts_tokenizer

    return acts_tokenizer()(text)


def verb_matches(found: list[Token]) -> list[tuple[str, int]]:
    """(label, token index) of the tokens that may be the directive verb, in token order:
    INFINITIVE for a word that can be an infinitive, then ADDRESSING for a verb that puts the
    executor after it («поручить», «рекомендовать»); a token can be both, in that order."""
    from parsers.rules import words

    addressing = words.addressing_verbs()
    out = []
    for index, token in enumerate(found):
        lower = token.text.lower()
        if token.text.isalpha() and is_infinitive(lower):
            out.append(("INFINITIVE", index))
        if lower in addressing:
            out.append(("ADDRESSING", index))
    return out


@lru_cache(maxsize=100_000)
def is_known(word: str) -> bool:
    """Is the word in the dictionary (not a guess from its ending)?"""
    return analyzer().word_is_known(word.lower())
