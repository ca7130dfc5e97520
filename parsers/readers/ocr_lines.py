"""Tesseract's words -> the PDF reader's `Line`s, without what is not the act's text.

Words Tesseract itself doubts are dropped (a seal's letters, a scribble), then lines outside
the text column (a date written in the margin, a registration stamp) and short lines that
are mostly noise (a seal's ring, a signature). A word standing where an item's number does
(first on its line, a tab after it) but read as letters is marked with UNREAD_NUMBER, for
item_numbers.py to put the number back once the lines are paragraphs.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import TYPE_CHECKING

from parsers.readers.pdf import Line, _segments

if TYPE_CHECKING:
    from parsers.readers.ocr import PagePicture

MIN_WORD_CONFIDENCE = 0.30  # Tesseract's own doubt below this: a seal's letters, a scribble
NOISY_LINE_CONFIDENCE = 0.75  # a short line read this poorly is a mark on the page, not text
SHORT_LINE_LETTERS = 12
ITEM_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*[.)]$")
UNREAD_NUMBER = "\u2047"


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float  # 0..1
    line: tuple[str, str, str] = ("", "", "")  # Tesseract's block, paragraph and line numbers


def parse_tsv(tsv: str) -> list[Word]:
    """Words with their boxes (pixels) and confidences, grouped later by Tesseract's line ids."""
    words: list[Word] = []
    rows = tsv.splitlines()
    for row in rows[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5":
            continue
        text = cells[11].strip()
        try:
            left, top, width, height = (int(cells[i]) for i in (6, 7, 8, 9))
            confidence = float(cells[10])
        except ValueError:
            continue
        if not text or confidence < 0:
            continue
        words.append(Word(text, left, top, left + width, top + height, confidence / 100.0,
                          (cells[2], cells[3], cells[4])))
    return words


def page_lines(words: list[Word], picture: PagePicture) -> list[Line]:
    """The page's text lines in points, without marks that are not text."""
    scale = 72.0 / picture.dpi
    grouped: dict[tuple, list[Word]] = {}
    for word in words:
        grouped.setdefault(word.line, []).append(word)
    lines: list[Line] = []
    for line_words in grouped.values():
        line_words.sort(key=lambda w: w.x0)
        if _unread_number(line_words):  # doubted or not, the word marks the place of a number
            line_words[0].text = UNREAD_NUMBER + line_words[0].text
            line_words[0].confidence = max(line_words[0].confidence, MIN_WORD_CONFIDENCE)
        line_words = [w for w in line_words if w.confidence >= MIN_WORD_CONFIDENCE or _plausible(w.text)]
        if not line_words:
            continue
        text = " ".join(w.text for w in line_words)
        heights = [w.bottom - w.top for w in line_words]
        size = statistics.median(heights) * scale
        boxes = [(w.x0 * scale, w.x1 * scale, w.text) for w in line_words]
        line = Line(text=text, x0=line_words[0].x0 * scale, x1=line_words[-1].x1 * scale,
                    top=min(w.top for w in line_words) * scale, bottom=max(w.bottom for w in line_words) * scale,
                    page=picture.number, size=size, first_word_width=boxes[0][1] - boxes[0][0],
                    segments=_segments(boxes, size),
                    confidence=statistics.fmean(w.confidence for w in line_words))
        lines.append(line)
    lines = [line for line in lines if not _is_noise(line)]
    lines = _in_text_column(lines)
    lines.sort(key=lambda line: (round(line.top), line.x0))
    return lines


def _unread_number(line: list[Word]) -> bool:
    """Tesseract's Russian model reads a lone «1.» or «3.» before a tab as «Е», «Ч», «В,», «8»."""
    if len(line) < 2:
        return False
    first, second = line[0], line[1]
    return (len(first.text) <= 3 and not ITEM_NUMBER.match(first.text) and not first.text[:1].islower()
            and second.x0 - first.x1 > 1.5 * (first.bottom - first.top))


def _plausible(text: str) -> bool:
    """A doubted word kept anyway: an item number, a number or a word of Cyrillic letters."""
    if ITEM_NUMBER.match(text):
        return True
    core = text.strip("«»\"'().,;:!?-–—")
    return len(core) >= 3 and (core.isdigit() or (core.isalpha() and all("а" <= c.lower() <= "я" or c in "ёЁ"
                                                                            for c in core)))


def _letters(text: str) -> int:
    return sum(ch.isalnum() for ch in text)


def _is_noise(line: Line) -> bool:
    """A seal's ring, a signature, specks: few letters, read poorly or mostly not letters."""
    letters = _letters(line.text)
    visible = sum(not ch.isspace() for ch in line.text) or 1
    if letters == 0 or letters / visible < 0.5:
        return True
    if letters <= 2 and not any(ch.isdigit() for ch in line.text):
        return True  # a lone letter or two: a speck, a seal's fragment (an item number has digits)
    confidence = line.confidence if line.confidence is not None else 1.0
    return letters < SHORT_LINE_LETTERS and confidence < NOISY_LINE_CONFIDENCE


def _in_text_column(lines: list[Line]) -> list[Line]:
    """Lines that overlap the text column: what lies wholly in a margin was written on the page later."""
    long_lines = [line for line in lines if _letters(line.text) >= 25] or lines
    if len(long_lines) < 3:
        return lines
    starts = sorted(line.x0 for line in long_lines)
    ends = sorted(line.x1 for line in long_lines)
    left = starts[len(starts) // 10]
    right = ends[-1 - len(ends) // 10]
    slack = 0.03 * (right - left)
    return [line for line in lines if line.x1 > left + slack and line.x0 < right - slack]
