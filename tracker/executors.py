"""The executor directory: one body however the acts spell it.

«Министерству образования Иркутской области», «Министерство образования Иркутской обл.»
and «Минобразования» resolve to one executor. A spelling is reduced to a key: lower case,
ё → е, no punctuation or parenthesised officials, abbreviations expanded (обл. → область),
short names expanded (Минобразования → министерство образования), and each word cut to a
light stem so a dative and a nominative compare equal. The parser already gives nominative
names, so no morphology library is needed here. Aliases the clerk confirms are learned.
"""
from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tracker.models import Executor

_WORDS_FILE = Path(__file__).parent / "data" / "executor_words.json"

# inflectional endings, longest first; a stem keeps at least 3 letters
_ENDINGS = sorted(
    """ыми ими ами ями ому ему ого его ией ией ию ия ие ии ью ей ой ою ая яя ое ее ый ий ую юю
    ым им ых их ам ям ах ях ов ев ом ем а я о е ы и у ю ь й""".split(),
    key=len, reverse=True,
)
_TOKEN = re.compile(r"[а-яa-z0-9]+(?:-[а-яa-z0-9]+)*")


@lru_cache(maxsize=1)
def _words() -> tuple[dict[str, str], dict[str, str]]:
    data = json.loads(_WORDS_FILE.read_text(encoding="utf-8"))
    return data["abbreviations"], data["short_names"]


def stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _expand(tokens: list[str]) -> list[str]:
    abbreviations, short_names = _words()
    result: list[str] = []
    for token in tokens:
        if token in short_names:
            result.extend(short_names[token].split())
        elif token in abbreviations:
            result.extend(abbreviations[token].split())
        else:
            result.append(token)
    return result


def normalize(text: str) -> str:
    """The comparison key of a spelling ('' for nothing usable)."""
    low = (text or "").lower().replace("ё", "е")
    low = re.sub(r"\([^)]*\)", " ", low)  # «(О.Г. Константинова)»
    low = re.sub(r"[«»\"'“”„]", " ", low)
    tokens = _TOKEN.findall(low)
    return " ".join(stem(t) for t in _expand(tokens))


@dataclass(slots=True)
class Resolution:
    executor: Executor
    created: bool = False
    learned: bool = False  # a new alias was added


class Directory:
    """Executors with an index of keys; the service persists what changes."""

    def __init__(self, executors: list[Executor] | None = None) -> None:
        self._by_id: dict[str, Executor] = {}
        self._by_key: dict[str, str] = {}
        for executor in executors or []:
            self.add(executor)

    def __len__(self) -> int:
        return len(self._by_id)

    def all(self) -> list[Executor]:
        return sorted(self._by_id.values(), key=lambda e: e.name.lower())

    def get(self, executor_id: str) -> Executor | None:
        return self._by_id.get(executor_id)

    def add(self, executor: Executor) -> None:
        self._by_id[executor.id] = executor
        for spelling in [executor.name, *executor.aliases]:
            key = normalize(spelling)
            if key:
                self._by_key.setdefault(key, executor.id)

    def find(self, *spellings: str | None) -> Executor | None:
        """The executor one of these spellings names (exact key first, then a unique longer name)."""
        keys = [normalize(s) for s in spellings if s]
        keys = [k for k in keys if k]
        for key in keys:
            if key in self._by_key:
                return self._by_id[self._by_key[key]]
        for key in keys:
            if len(key.split()) < 2:
                continue
            candidates = {eid for k, eid in self._by_key.items() if k.startswith(key + " ")}
            if len(candidates) == 1:
                return self._by_id[candidates.pop()]
        return None

    def find_text(self, text: str) -> list[Executor]:
        """Executors whose id starts with, or whose name or alias contains, `text` (for filters)."""
        low = text.lower().replace("ё", "е").strip()
        if not low:
            return []
        if low in self._by_id:
            return [self._by_id[low]]
        exact = self.find(text)
        if exact is not None:
            return [exact]
        return [
            e for e in self._by_id.values()
            if e.id.startswith(low)
            or any(low in s.lower().replace("ё", "е") for s in [e.name, *e.aliases])
        ]

    def learn(self, executor: Executor, spelling: str | None) -> bool:
        """Make `spelling` an alias of `executor`; True if it was new."""
        if not spelling or not spelling.strip():
            return False
        key = normalize(spelling)
        if not key:
            return False
        known = self._by_key.get(key)
        if known == executor.id and (spelling == executor.name or spelling in executor.aliases):
            return False
        if spelling != executor.name and spelling not in executor.aliases:
            executor.aliases.append(spelling.strip())
        self._by_key[key] = executor.id  # the clerk's word wins over an older guess
        return True

    def resolve(self, as_written: str, name: str | None = None, person: str | None = None) -> Resolution:
        """The executor for an extracted party, created if new; learns the spelling as an alias."""
        found = self.find(name, as_written)
        if found is None:
            canonical = (name or as_written).strip()
            found = Executor(id=uuid.uuid4().hex[:8], name=canonical, aliases=[], person=person)
            self.add(found)
            learned = self.learn(found, as_written) if as_written.strip() != canonical else False
            return Resolution(found, created=True, learned=learned)
        learned = self.learn(found, as_written)
        if name:
            learned = self.learn(found, name) or learned
        if person and not found.person:
            found.person = person
            learned = True
        return Resolution(found, learned=learned)

    def rename(self, executor: Executor, name: str, alias: str | None = None) -> None:
        """A clerk's correction: the new canonical name; the old one stays an alias."""
        old = executor.name
        executor.name = name.strip()
        self.learn(executor, old)
        self.learn(executor, name)
        if alias:
            self.learn(executor, alias)
