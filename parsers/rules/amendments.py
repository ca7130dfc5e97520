"""Amendments: which acts this act amends («О внесении изменений в постановление ... от ...
№ 66») and which it cancels («Признать утратившим силу ...»)."""
from __future__ import annotations

import re

from parsers.model import ActRef
from parsers.rules import words
from parsers.rules.deadlines import find_dates
from parsers.rules.text import mask_quoted, squash

_REF = re.compile(
    r"(?P<kind>постановлени[еяюи]|распоряжени[еяюи]|приказ[аыу]?|решени[еяюи]|указ[аыу]?|закон[аыу]?|протокол[аыу]?)"
    r"(?P<who>[^«\"№\n]{0,200}?)\s+от\s+(?P<date>«?\s*\d{1,2}\s*»?\s*[а-яё]+\s+\d{4}\s*(?:года|г\.?)?|\d{1,2}\.\d{1,2}\.\d{2,4})"
    r"\s*(?:г\.?|года)?\s*(?:№|N)\s*(?P<number>[\w/-]+)",
    re.IGNORECASE)
_AMENDS = re.compile(r"(?:внесении\s+изменени\w*|вносимые|внести(?:\s+в)?|изменени[ея]\s+в)\s+(?:в\s+)?", re.IGNORECASE)
_CANCELS = re.compile(r"(?:признать|считать)\s+утратившими?\s+силу\b|отменить\b", re.IGNORECASE)


def _kind(word: str) -> str | None:
    stem = word.lower()[:6]
    for kind in words.act_kind_forms().values():
        if kind.startswith(stem[:5]):
            return kind
    return "закон" if stem.startswith("закон") else None


def parse_ref(fragment: str) -> ActRef | None:
    m = _REF.search(fragment)
    if not m:
        return None
    dates = find_dates(m.group("date"))
    return ActRef(kind=_kind(m.group("kind")), number=m.group("number").rstrip(".,"),
                  date=dates[0].value if dates else None, text=squash(m.group(0)))


def find_amends(title: str | None, text: str) -> list[ActRef]:
    """Acts amended by this one: from its title, else from «Внести в ...» items."""
    out: list[ActRef] = []
    for source in (mask_quoted(title or ""), mask_quoted(text[:4000])):
        for m in _AMENDS.finditer(source):
            ref = parse_ref(source[m.end(): m.end() + 400])
            if ref and ref.text and source[m.end(): m.end() + 400].lstrip().lower().startswith(ref.text[:6].lower()):
                if not any(r.number == ref.number and r.date == ref.date for r in out):
                    out.append(ref)
        if out:
            break
    return out


def find_cancels(text: str) -> list[ActRef]:
    """Acts this one declares void («Признать утратившим силу постановление ... от ... № ...»)."""
    out: list[ActRef] = []
    text = mask_quoted(text)  # an act named inside another act's quoted title is not cancelled
    for m in _CANCELS.finditer(text):
        chunk = text[m.end(): m.end() + 1200]
        stop = re.search(r"\n\s*\d+\.", chunk)
        chunk = chunk[: stop.start()] if stop else chunk
        for ref_match in _REF.finditer(chunk):
            ref = parse_ref(ref_match.group(0))
            if ref and not any(r.number == ref.number and r.date == ref.date for r in out):
                out.append(ref)
    return out
