"""How well the act's text was read, carried into what was extracted from it.

A reader that recognises a scan gives each block the mean confidence of its words; typed
text has none. After extraction, every extracted object that says where it came from (a
`span`) and how sure the rules are (a `confidence`) — orders, parties, deadlines, document
fields, whatever the rules grow — is capped by the worst-read block its span covers: the
rules cannot be surer of a field than the OCR was of its letters. The walk is generic so a
new field with a span and a confidence is covered without a change here.
"""
from __future__ import annotations

import dataclasses

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
