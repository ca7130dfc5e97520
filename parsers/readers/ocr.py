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
import os
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
    """Tesseract's words on one page (its TSV output, what pytesseract's image_to_data parses)."""
    buffer = io.BytesIO()
    picture.image.save(buffer, "PPM")  # uncompressed: no time spent packing what Tesseract unpacks
    command = [binary, "stdin", "stdout", "-l", LANGUAGE, "--psm", "3", "--dpi", str(round(picture.dpi)), "tsv"]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with lock:
        if cancel.is_set():
            return []
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env=env)
        running.add(process)
    try:
        stdout, stderr = process.communicate(buffer.getvalue())
    finally:
        with lock:
            running.discard(process)
    if cancel.is_set():
        return []
    if process.returncode != 0:
        detail = " ".join(stderr.decode("utf-8", "replace").split())[:200]
        raise ReadError(source, f"Tesseract не смог распознать страницу {picture.number} ({detail})",
                        "Проверьте, что файл открывается в программе просмотра; " + INSTALL)
    return parse_tsv(stdout.decode("utf-8", "replace"))


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
        if word.confidence >= MIN_WORD_CONFIDENCE or _plausible(word.text):
            grouped.setdefault(word.line, []).append(word)
    lines: list[Line] = []
    for line_words in grouped.values():
        line_words.sort(key=lambda w: w.x0)
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


def _plausible(text: str) -> bool:
    """A doubted word kept anyway: a number or a word of Cyrillic letters with its punctuation."""
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
