"""Item numbers Tesseract's Russian model misreads, put back from the items around them.

A lone «1.» before a tab comes out as «Е» or «Ч», a «3.» as «В,», «З.» or «8.», a «б)» as
«6)». The number decides where an order belongs, so it is restored — only where the
sequence of the items read leaves no doubt; elsewhere the words stay as read.
"""
from __future__ import annotations

import re

from parsers.readers.ocr_lines import UNREAD_NUMBER


def fill_item_numbers(paragraphs: list[tuple[str, float | None]]) -> list[tuple[str, float | None]]:
    """Paragraphs with unread item numbers put back from their neighbours: k unread ones after
    item b are b+1..b+k when the next item read is b+k+1, or a sub-item b+k.1 of the last of
    them («1.» before «1.1.»); where the neighbours do not tell, the words stay as read."""
    paragraphs = [(_misread_number(text), confidence) for text, confidence in paragraphs]
    numbers: list[tuple[int, bool] | None] = [_item_number(text) for text, _ in paragraphs]
    unread = [i for i, (text, _) in enumerate(paragraphs) if text.startswith(UNREAD_NUMBER)]
    guesses: dict[int, int] = {}
    run: list[int] = []
    for position, index in enumerate(unread):
        run.append(index)
        following = unread[position + 1] if position + 1 < len(unread) else len(paragraphs)
        if any(numbers[i] is not None for i in range(index + 1, following)) or following == len(paragraphs):
            guesses.update(_guess_run(run, numbers, paragraphs))
            run = []
    for index, number in guesses.items():
        numbers[index] = (number, False)
    guesses.update(_confused_digits(numbers))
    paragraphs = _lettered_items(paragraphs)
    out = []
    for index, (text, confidence) in enumerate(paragraphs):
        if index in guesses:
            rest = text[1:].partition(" ")[2] if text.startswith(UNREAD_NUMBER) else _ITEM.sub("", text, count=1)
            text = f"{guesses[index]}. {rest}"
        out.append((text.replace(UNREAD_NUMBER, ""), confidence))
    return out


# Digits Tesseract's Russian model takes for one another in a lone item number.
CONFUSED = {"8": "3", "3": "8", "6": "5", "5": "6", "7": "1", "1": "7", "9": "4", "4": "9"}
_ITEM = re.compile(r"^(\d{1,3})((?:\.\d{1,3})*)[.)]\s*(?=[^\d\s])")  # not a date «30.06.2023»
_LETTERED = re.compile(r"^([ЗзО0-9]{1,2})[.,]\s*(?=[А-ЯЁ«])")


LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
LOOKALIKE_LETTERS = {"6": "б", "3": "з", "0": "о", "4": "ч"}  # «б)» read as «6)»


def _lettered_items(paragraphs: list[tuple[str, float | None]]) -> list[tuple[str, float | None]]:
    """«6)» after «а)» is «б)»: a digit that looks like the next letter of a lettered list."""
    out = []
    previous: str | None = None
    for text, confidence in paragraphs:
        match = re.match(r"^([а-я0-9])\)\s", text)
        if match:
            mark = match.group(1)
            expected = LETTERS[LETTERS.index(previous) + 1] if previous and previous in LETTERS[:-1] else None
            if mark.isdigit() and expected is not None and LOOKALIKE_LETTERS.get(mark) == expected:
                text, mark = expected + text[1:], expected
            previous = mark if mark.isalpha() else None
        out.append((text, confidence))
    return out


def _misread_number(text: str) -> str:
    """«2, Настоящее» is item 2; «З.Рекомендовать» (a letter Ze for a 3) is marked as an unread number."""
    text = re.sub(r"^(\d{1,3}),\s", r"\1. ", text)
    lettered = _LETTERED.match(text)
    if lettered and not lettered.group(1).isdigit() and not re.match(r"^\S{1,2}\.[А-ЯЁ]\.", text):
        return UNREAD_NUMBER + lettered.group(1) + " " + text[lettered.end():]
    return text


def _confused_digits(numbers: list[tuple[int, bool] | None]) -> dict[int, int]:
    """Top-level numbers out of sequence that a confused digit explains («2.», «8.», «4.»: 3)."""
    fixed: dict[int, int] = {}
    previous = 0
    for index, number in enumerate(numbers):
        if number is None:
            continue
        value, sub = number
        if not sub and value != previous + 1 and CONFUSED.get(str(value)) == str(previous + 1):
            following = next((n for n in numbers[index + 1:] if n is not None), None)
            if following is None or following == (previous + 1, True) or following[0] == previous + 2:
                fixed[index] = value = previous + 1
        previous = value
    return fixed


def _guess_run(run: list[int], numbers: list[tuple[int, bool] | None],
               paragraphs: list[tuple[str, float | None]]) -> dict[int, int]:
    """Numbers for a run of unread item numbers with no item read between them."""
    before = next((number for number in reversed(numbers[:run[0]]) if number is not None), None)
    after = next((number for number in numbers[run[-1] + 1:] if number is not None), None)
    start = before[0] if before else 0
    if after is not None:
        last = after[0] if after[1] else after[0] - 1  # «3.1.» follows item 3 itself; «4.» follows 3
        if start + len(run) != last:
            return {}
    elif len(run) != 1 or not any(ch.isdigit() for ch in paragraphs[run[0]][0].split(" ", 1)[0]):
        return {}
    return {index: start + offset for offset, index in enumerate(run, 1)}


def _item_number(text: str) -> tuple[int, bool] | None:
    """(top-level number, whether it is a sub-item) of an item paragraph: «3.» (3, False), «3.2.» (3, True)."""
    match = _ITEM.match(text)
    return (int(match.group(1)), bool(match.group(2))) if match else None
