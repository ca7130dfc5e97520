"""Word lists of the rules, read once from parsers/data/*.txt."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def _lines(name: str) -> list[str]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return out


@cache
def word_set(name: str) -> frozenset[str]:
    """A file of one word (or phrase) a line, lower-cased."""
    return frozenset(line.lower() for line in _lines(name))


@cache
def mapping(name: str) -> dict[str, str]:
    """A file of `key = value` lines."""
    out: dict[str, str] = {}
    for line in _lines(name):
        key, _, value = line.partition("=")
        out[key.strip().lower()] = value.strip()
    return out


@cache
def patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """A file of regular expressions, compiled case-insensitively."""
    return tuple(re.compile(line, re.IGNORECASE) for line in (DATA_DIR / name).read_text(
        encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))


@cache
def act_kind_forms() -> dict[str, str]:
    """Every form of an act kind -> the canonical kind."""
    out = {}
    for kind, forms in mapping("act_kinds.txt").items():
        for form in forms.split(","):
            out[form.strip().lower()] = kind
    return out


@cache
def month_forms() -> dict[str, int]:
    """Genitive, nominative and prepositional month names -> month number."""
    out = {}
    for number, forms in mapping("months.txt").items():
        for form in forms.split(","):
            out[form.strip().lower()] = int(number)
    return out


def nonorder_verbs() -> frozenset[str]:
    return word_set("nonorder_verbs.txt")


def addressing_verbs() -> frozenset[str]:
    return word_set("directive_verbs.txt")


def body_heads() -> frozenset[str]:
    return word_set("body_heads.txt")
