"""Optical character recognition of page pictures with Tesseract (Russian data).

A scanned page becomes the same `Line`s the PDF reader makes from a text layer, in PDF points,
each with the mean confidence of its words, so the PDF reader's paragraph joining and
running-header removal apply to scans unchanged. What is not the act's text is dropped here:
words Tesseract itself doubts, lines outside the text column (a date written in the margin,
a registration stamp), and short lines that are mostly noise (a seal's ring, a signature).

Pages are recognised in parallel: one `tesseract` process per page, at most os.cpu_count() at
a time, each held to one thread (Tesseract's own OpenMP threads only fight each other when
pages already run side by side). The caller's `OcrControl` hears of every finished page and
can cancel: the running processes are killed and `OcrCancelled` is raised.
"""
from __future__ import annotations

import functools
import io
import math
import os
import re
import shutil
import statistics
import subprocess
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from parsers.errors import ParserError, ReadError
from parsers.readers.pdf import Line, _segments

LANGUAGE = "rus"
INSTALL = "Установите пакеты tesseract-ocr и tesseract-ocr-rus: sudo apt-get install tesseract-ocr tesseract-ocr-rus"
MIN_WORD_CONFIDENCE = 0.30  # Tesseract's own doubt below this: a seal's letters, a scribble
NOISY_LINE_CONFIDENCE = 0.75  # a short line read this poorly is a mark on the page, not text
SHORT_LINE_LETTERS = 12
POLL_SECONDS = 0.1
SKEW_LIMIT = 1.0  # degrees: Tesseract's line finder copes with less
ITEM_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*[.)]$")
# Put for a word that stands where an item's number does (first on its line, a tab after it)
# but was read as letters: fill_item_numbers puts the number back from its neighbours.
UNREAD_NUMBER = "\u2047"


class OcrCancelled(ParserError):
    """The clerk stopped the import (the desk's cancel, Ctrl+C) while pages were being read."""

    def __init__(self, source: str) -> None:
        super().__init__(f"{source}: распознавание скана прервано")


@dataclass(frozen=True, slots=True)
class OcrProgress:
    """`done` of `total` pages of `source` are recognised."""

    source: str
    done: int
    total: int


@dataclass(slots=True)
class OcrControl:
    """What the caller of a read hands down to the OCR: where progress goes, and a cancel flag."""

    progress: Callable[[OcrProgress], None] | None = None
    cancel: threading.Event = field(default_factory=threading.Event)

    def report(self, source: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(OcrProgress(source, done, total))


@dataclass(frozen=True, slots=True)
class PagePicture:
    """One page to recognise: its picture (mode L) and its resolution, for sizes in points."""

    number: int
    image: object  # PIL.Image.Image; typed loosely so this module imports Pillow lazily
    dpi: float


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float  # 0..1
    line: tuple[str, str, str] = ("", "", "")  # Tesseract's block, paragraph and line numbers


def tesseract_binary(source: str) -> str:
    """The path of `tesseract` with Russian data; ReadError naming the Debian packages if not."""
    binary = shutil.which("tesseract")
    if binary is None:
        raise ReadError(source, "это скан, а программа распознавания текста Tesseract не установлена", INSTALL)
    if LANGUAGE not in _languages(binary):
        raise ReadError(source, "это скан, а русских данных распознавания для Tesseract нет",
                        "Установите пакет tesseract-ocr-rus: sudo apt-get install tesseract-ocr-rus")
    return binary


@functools.lru_cache(maxsize=4)
def _languages(binary: str) -> frozenset[str]:
    try:
        done = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in (done.stdout + done.stderr).splitlines()[1:])


def recognise(source: str, pictures: Iterable[PagePicture], total: int,
              control: OcrControl | None = None) -> dict[int, list[Line]]:
    """Lines of each of `total` pages, keyed by page number, read in parallel. Pictures are
    taken from the iterable only as workers free up, so a long scan never sits in memory whole.
    ReadError if Tesseract is missing or fails, OcrCancelled if the control's cancel is set."""
    control = control or OcrControl()
    binary = tesseract_binary(source)
    running: set[subprocess.Popen] = set()
    lock = threading.Lock()
    stop = threading.Event()  # this file's pages only: a failed page must not cancel the next file
    result: dict[int, list[Line]] = {}
    workers = max(1, min(os.cpu_count() or 1, total))
    queue = iter(pictures)
    control.report(source, 0, total)
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr") as pool:
        pending: dict[Future, PagePicture] = {}
        try:
            while True:
                if control.cancel.is_set():
                    raise OcrCancelled(source)
                while len(pending) < workers + 1:  # one picture ready beside each busy worker
                    picture = next(queue, None)
                    if picture is None:
                        break
                    pending[pool.submit(_read_page, source, binary, picture, stop, running, lock)] = picture
                if not pending:
                    break
                finished, _ = wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
                for future in finished:
                    picture = pending.pop(future)
                    result[picture.number] = page_lines(future.result(), picture)
                    control.report(source, len(result), total)
        except BaseException:  # cancelled, Ctrl+C, a failed page: stop every other page now
            stop.set()
            for future in pending:
                future.cancel()
            with lock:
                for process in running:
                    process.kill()
            raise
    return result


def _read_page(source: str, binary: str, picture: PagePicture, cancel: threading.Event,
               running: set[subprocess.Popen], lock: threading.Lock) -> list[Word]:
    """Tesseract's words on one page (its TSV output, what pytesseract's image_to_data parses).

    A page that reads poorly is asked for its orientation (a sheet scanned upside down or
    sideways) and read again turned upright; a page whose lines slope by more than SKEW_LIMIT
    degrees is straightened and read again. A straight, upright page is read once.
    """

    def tesseract(image, *args: str) -> str:  # noqa: ANN001 - a PIL image
        return _run(source, binary, image, [*args, "--dpi", str(round(picture.dpi))], cancel, running, lock,
                    picture.number)

    image = picture.image
    words = parse_tsv(tesseract(image, "-l", LANGUAGE, "--psm", "3", "tsv"))
    if _reads_poorly(words) and not cancel.is_set():
        turn = _orientation(tesseract(image, "-l", "osd", "--psm", "0"))
        if turn:
            image = image.rotate(-turn, expand=True)  # type: ignore[attr-defined]  # Tesseract's turn is clockwise
            words = parse_tsv(tesseract(image, "-l", LANGUAGE, "--psm", "3", "tsv"))
    angle = _skew(words)
    if abs(angle) >= SKEW_LIMIT and not cancel.is_set():
        image = image.rotate(angle, resample=3, fillcolor=_paper(image))  # type: ignore[attr-defined]  # 3: bicubic
        words = parse_tsv(tesseract(image, "-l", LANGUAGE, "--psm", "3", "tsv"))
    return words


def _run(source: str, binary: str, image, args: list[str], cancel: threading.Event,  # noqa: ANN001
         running: set[subprocess.Popen], lock: threading.Lock, number: int) -> str:
    """One Tesseract run over `image`, killable by the pool; "" once cancelled."""
    buffer = io.BytesIO()
    image.save(buffer, "PPM")  # uncompressed: no time spent packing what Tesseract unpacks
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with lock:
        if cancel.is_set():
            return ""
        process = subprocess.Popen([binary, "stdin", "stdout", *args], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        running.add(process)
    try:
        stdout, stderr = process.communicate(buffer.getvalue())
    finally:
        with lock:
            running.discard(process)
    if cancel.is_set():
        return ""
    if process.returncode != 0:
        if "--psm" in args and args[args.index("--psm") + 1] == "0":
            return ""  # no orientation found (too little text): read the page as it is
        detail = " ".join(stderr.decode("utf-8", "replace").split())[:200]
        raise ReadError(source, f"Tesseract не смог распознать страницу {number} ({detail})",
                        "Проверьте, что файл открывается в программе просмотра; " + INSTALL)
    return stdout.decode("utf-8", "replace")


def _reads_poorly(words: list[Word]) -> bool:
    """Few words read with confidence: a page upside down or sideways reads as noise."""
    good = sum(1 for word in words if word.confidence >= 0.6 and sum(ch.isalpha() for ch in word.text) >= 3)
    return good < 20


def _orientation(osd: str) -> int:
    """Degrees to turn the page clockwise (Tesseract's «Rotate: 180»), 0 if upright or unsure."""
    turn = re.search(r"Rotate:\s*(\d+)", osd)
    sure = re.search(r"Orientation confidence:\s*([\d.]+)", osd)
    if not turn or not sure or float(sure.group(1)) < 2.0:
        return 0
    return int(turn.group(1)) % 360


def _skew(words: list[Word]) -> float:
    """The page's slope in degrees (counter-clockwise turns it straight), from its long lines."""
    lines: dict[tuple[str, str, str], list[Word]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    slopes = []
    for line in lines.values():
        if len(line) < 4:
            continue
        xs = [(w.x0 + w.x1) / 2 for w in line]
        ys = [w.bottom for w in line]  # baselines, lifted by descenders now and then: the median copes
        mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
        spread = sum((x - mean_x) ** 2 for x in xs)
        if spread > 0:
            slopes.append(sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread)
    if len(slopes) < 3:
        return 0.0
    return math.degrees(math.atan(statistics.median(slopes)))


def _paper(image) -> int:  # noqa: ANN001
    """The commonest grey of the page: the paper, to fill the corners a turn uncovers."""
    histogram = image.histogram()
    return max(range(256), key=histogram.__getitem__)


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
