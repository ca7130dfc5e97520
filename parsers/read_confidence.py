"""How well the act's text was read, carried into what was extracted from it.

A reader that recognises a scan gives each block the mean confidence of its words; typed
text has none. After extraction, every extracted object that says where it came from (a
`span`) and how sure the rules are (a `confidence`) — orders, parties, deadlines, document
fields, whatever the rules grow — is capped by the worst-read block its span covers: the
rules cannot be surer of a field than the OCR was of its letters. The walk is generic so a
new field with a span and a confidence is covered without a change here.

The act's details (kind, number, date, issuer, title) keep no span: each is found again in the
text (the number after its «№», the date among the dates, the words of the kind, issuer and
title), and its confidence in `document.confidence` is capped by the lines it stands on; a
detail that cannot be found again is as sure as the worst-read line of the header.
"""
from __future__ import annotations

import dataclasses
import re

from parsers.model import ParseResult, ReadDocument

POORLY_READ = 0.80  # a line Tesseract is less sure of than this is shown to the clerk as unsure
LISTED_LINES = 5
QUOTED_CHARS = 60


def apply_read_confidence(result: ParseResult, document: ReadDocument) -> None:
    """Cap confidences by the blocks' read confidence; record and warn about poorly read lines."""
    read = [(block.start, block.start + len(block.text), block.confidence)
            for block in document.blocks if block.confidence is not None]
    if not read:
        return
    result.read_lines = [(start, end, round(confidence, 3)) for start, end, confidence in read]
    _cap(result.document, read, set())
    for order in result.orders:
        _cap(order, read, set())
    _cap_details(result, read)
    poor = [(start, end, confidence) for start, end, confidence in read if confidence < POORLY_READ]
    if poor:
        quoted = "; ".join(f"«{_quote(result.text[start:end])}» ({confidence:.0%})"
                           for start, end, confidence in sorted(poor, key=lambda item: item[2])[:LISTED_LINES])
        more = f" и ещё {len(poor) - LISTED_LINES}" if len(poor) > LISTED_LINES else ""
        result.warnings.append(f"Плохо распознаны строки скана, сверьте их с оригиналом: {quoted}{more}.")


def read_confidence_of(span: tuple[int, int] | None, read: list[tuple[int, int, float]]) -> float | None:
    """The lowest read confidence of the blocks that `span` overlaps; None if none was OCR'd."""
    if not span:
        return None
    covered = [confidence for start, end, confidence in read if start < span[1] and span[0] < end]
    return min(covered) if covered else None


def _cap(value: object, read: list[tuple[int, int, float]], seen: set[int]) -> None:
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, list | tuple):
        for item in value:
            _cap(item, read, seen)
        return
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return
    if hasattr(value, "span") and hasattr(value, "confidence"):
        ocr = read_confidence_of(value.span, read)
        if ocr is not None:
            current = value.confidence
            value.confidence = round(ocr if current is None else min(float(current), ocr), 2)
    for item in dataclasses.fields(value):
        if item.name not in ("span", "confidence"):
            _cap(getattr(value, item.name), read, seen)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTED_CHARS else text[:QUOTED_CHARS - 1] + "…"


DETAILS = {"kind": "вид акта", "number": "номер", "date": "дата", "issuer": "кто издал", "title": "заголовок"}


def _cap_details(result: ParseResult, read: list[tuple[int, int, float]]) -> None:
    """Cap each act detail's confidence by the read confidence of the line(s) it was found on,
    and name the poorly read ones with their line for the clerk."""
    doc = result.document
    head_end = min((order.span[0] for order in result.orders), default=len(result.text))
    head = [line for line in read if line[0] < head_end]
    worst_head = min((confidence for _, _, confidence in head), default=None)
    poor: dict[tuple[int, int], list[str]] = {}
    for name in DETAILS:
        value = getattr(doc, name)
        if not value or name not in doc.confidence:
            continue
        where = detail_span(result.text, name, value)
        ocr = read_confidence_of(where, read) if where else worst_head
        if ocr is None:
            continue
        doc.confidence[name] = round(min(doc.confidence[name], ocr), 2)
        if ocr < POORLY_READ and where:
            line = next((start, end) for start, end, confidence in read if start < where[1] and where[0] < end
                        and confidence == ocr)
            poor.setdefault(line, []).append(DETAILS[name])
    if poor:
        listed = "; ".join(f"{', '.join(names)} — «{_quote(result.text[start:end])}»"
                           for (start, end), names in poor.items())
        result.warnings.insert(0, f"Реквизиты акта взяты из плохо распознанных строк скана, сверьте их с "
                                  f"оригиналом: {listed}.")


def detail_span(text: str, name: str, value: object) -> tuple[int, int] | None:
    """Where in the act's text a detail the rules found stands (its first mention), or None."""
    if name == "date":
        from parsers.rules.deadlines import find_dates

        day = next((match for match in find_dates(text) if match.value == value), None)
        return (day.start, day.end) if day else None
    if name == "number":
        found = re.search(r"(?:№|N)\s*" + re.escape(str(value)), text) or re.search(re.escape(str(value)), text)
        return found.span() if found else None
    words = str(value).split()
    for count in (len(words), 3, 1):  # the words as found; a recased or declined issuer by its first words
        if count > len(words) or (count == 1 and len(words[0]) < 5):
            continue
        pattern = r"\s+".join(re.escape(word) for word in words[:count])
        if count == 1:
            pattern = re.escape(words[0][:-2])  # a kind or a body in another case: «постановлени», «Администраци»
        found = re.search(pattern, text, re.IGNORECASE)
        if found:
            return found.span()
    return None
