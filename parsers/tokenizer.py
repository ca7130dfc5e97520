"""The acts tokenizer: spaCy's blank Russian tokenizer, cut for cut, in plain Python.

The rules need tokens only to find an item's directive verb outside quotes and parentheses
(parsers.rules.orders): importing spaCy and building its pipeline for that cost about 0.5 s
of every `tracker parse`. This module follows spaCy's Tokenizer (spacy/tokenizer.pyx, 3.8):
split on whitespace, peel prefixes and suffixes, keep special cases and web addresses whole,
split infixes, then merge the special cases that span several pieces. Its rules (spaCy's
expressions and special cases plus the acts' glued-stop infix) are in
parsers/data/tokenizer_ru.json, written from spaCy by scripts/tokenizer_rules.py;
tests/parsers/test_nlp_tokenizer.py checks both tokenizers cut the corpora alike.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

RULES = Path(__file__).resolve().parent / "data" / "tokenizer_ru.json"
_LATIN_OR_SLASH = re.compile(r"[A-Za-z/]")


@dataclass(frozen=True, slots=True)
class Token:
    """A piece of text and where it starts; `text` is never empty."""

    text: str
    idx: int

    @property
    def is_alpha(self) -> bool:
        return self.text.isalpha()

    @property
    def lower_(self) -> str:
        return self.text.lower()


class Tokenizer:
    """Cuts a text into tokens exactly as spaCy's Tokenizer with the same rules does."""

    def __init__(self, prefix: re.Pattern[str], suffix: re.Pattern[str], infix: re.Pattern[str],
                 url: re.Pattern[str], special: dict[str, list[str]]) -> None:
        self._prefix = prefix.search
        self._suffix = suffix.search
        self._infix = infix.finditer
        self._url = url.match
        self._special = {chunk: tuple(pieces) for chunk, pieces in special.items()}
        # special cases that affix splitting would cut into several pieces, by their first piece:
        # spaCy finds them in a second pass over the tokens (its faster_heuristics)
        self._spanning: dict[str, list[tuple[str, ...]]] = {}
        for chunk in sorted(self._special):
            if self._find_prefix(chunk) or self._find_infixes(chunk) or self._find_suffix(chunk) or " " in chunk:
                pieces = tuple(t.text for t in self._cut(chunk, with_special=False))
                self._spanning.setdefault(pieces[0], []).append(pieces)
        self._chunk_cache: Callable[[str], tuple[str, ...]] = lru_cache(maxsize=10_000)(self._chunk)

    def __call__(self, text: str) -> list[Token]:
        tokens = self._cut(text, with_special=True)
        return self._merge_spanning(text, tokens)

    # ---- the first pass: whitespace, then each chunk (spaCy's _tokenize_affixes)

    def _cut(self, text: str, with_special: bool) -> list[Token]:
        """Chunks between whitespace, each cut alone; a single space between chunks is no token,
        any other run of whitespace is one."""
        out: list[Token] = []
        if not text:
            return out
        chunk = self._chunk_cache if with_special else self._chunk_plain
        start = 0
        in_space = text[0].isspace()
        for i, char in enumerate(text):
            if char.isspace() != in_space:
                if start < i:
                    self._append(out, chunk(text[start:i]), start)
                start = i + 1 if char == " " else i
                in_space = not in_space
        if start < len(text):
            self._append(out, chunk(text[start:]), start)
        return out

    @staticmethod
    def _append(out: list[Token], pieces: tuple[str, ...], at: int) -> None:
        for piece in pieces:
            out.append(Token(piece, at))
            at += len(piece)

    def _chunk(self, chunk: str) -> tuple[str, ...]:
        return self._special.get(chunk) or self._split(chunk, with_special=True)

    def _chunk_plain(self, chunk: str) -> tuple[str, ...]:
        return self._split(chunk, with_special=False)

    def _split(self, text: str, with_special: bool) -> tuple[str, ...]:
        """spaCy's _split_affixes then _attach_tokens: prefixes and suffixes peeled while they
        change the text, stopping at a special case; then the core whole or cut at its infixes."""
        special = self._special if with_special else {}
        prefixes: list[str] = []
        suffixes: list[str] = []
        last_size = 0
        while text and len(text) != last_size:
            if text in special:
                break
            last_size = len(text)
            pre_len = self._find_prefix(text)
            if pre_len:
                prefix, minus_pre = text[:pre_len], text[pre_len:]
                if minus_pre and minus_pre in special:
                    text = minus_pre
                    prefixes.append(prefix)
                    break
            suf_len = self._find_suffix(text[pre_len:])
            if suf_len:
                suffix, minus_suf = text[-suf_len:], text[:-suf_len]
                if minus_suf and minus_suf in special:
                    text = minus_suf
                    suffixes.append(suffix)
                    break
            if pre_len and suf_len and pre_len + suf_len <= len(text):
                text = text[pre_len:-suf_len]
                prefixes.append(prefix)
                suffixes.append(suffix)
            elif pre_len:
                text = minus_pre
                prefixes.append(prefix)
            elif suf_len:
                text = minus_suf
                suffixes.append(suffix)
        pieces = prefixes
        if text:
            if text in special:
                pieces.extend(special[text])
            elif self.is_url(text):
                pieces.append(text)
            else:
                pieces.extend(self._infixed(text))
        pieces.extend(reversed(suffixes))
        return tuple(pieces)

    def _infixed(self, text: str) -> list[str]:
        """The text cut at its infixes (hyphens between letters, «г.разработать»); an infix at
        the very start is not cut off (spaCy's rule)."""
        matches = self._find_infixes(text)
        if not matches:
            return [text]
        out = []
        start = 0
        for match in matches:
            infix_start, infix_end = match.span()
            if infix_start == 0:
                continue
            if infix_start != start:
                out.append(text[start:infix_start])
            if infix_start != infix_end:
                out.append(text[infix_start:infix_end])
            start = infix_end
        if text[start:]:
            out.append(text[start:])
        return out

    def is_url(self, text: str) -> bool:
        """A web address stays one token; a text with no Latin letter or slash is none
        (spaCy would take «2023г.разработать» for one)."""
        return bool(_LATIN_OR_SLASH.search(text)) and self._url(text) is not None

    def _find_prefix(self, text: str) -> int:
        match = self._prefix(text)
        return match.end() - match.start() if match is not None else 0

    def _find_suffix(self, text: str) -> int:
        match = self._suffix(text)
        return match.end() - match.start() if match is not None else 0

    def _find_infixes(self, text: str) -> list[re.Match[str]]:
        return list(self._infix(text))

    # ---- the second pass: special cases over several pieces (spaCy's _apply_special_cases)

    def _merge_spanning(self, text: str, tokens: list[Token]) -> list[Token]:
        """Runs of tokens that spell a special case cut by affixes («в т.ч.», «°C.») become its
        pieces: longest first, then leftmost; a run whose text differs only by spaces stays."""
        found = []
        for start, token in enumerate(tokens):
            for pieces in self._spanning.get(token.text, ()):
                end = start + len(pieces)
                if end <= len(tokens) and all(tokens[start + k].text == piece for k, piece in enumerate(pieces)):
                    found.append((start, end))
        if not found:
            return tokens
        found.sort(key=lambda span: (span[1] - span[0], -span[0]))
        seen: set[int] = set()
        kept = []
        for start, end in reversed(found):
            if start not in seen and end - 1 not in seen:
                kept.append((start, end))
            seen.update(range(start, end))
        out: list[Token] = []
        at = 0
        for start, end in sorted(kept):
            out.extend(tokens[at:start])
            first, last = tokens[start], tokens[end - 1]
            written = text[first.idx:last.idx + len(last.text)]
            if written in self._special:
                self._append(out, self._special[written], first.idx)
            else:
                out.extend(tokens[start:end])
            at = end
        out.extend(tokens[at:])
        return out


@cache
def acts_tokenizer() -> Tokenizer:
    """The tokenizer with the rules of parsers/data/tokenizer_ru.json, built once."""
    rules = json.loads(RULES.read_text(encoding="utf-8"))

    def compiled(name: str) -> re.Pattern[str]:
        return re.compile(rules[name]["pattern"], rules[name]["flags"])

    return Tokenizer(compiled("prefix"), compiled("suffix"), compiled("infix"), compiled("url"), rules["special"])
