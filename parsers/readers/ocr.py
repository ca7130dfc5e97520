"""Optical character recognition of page pictures with Tesseract (Russian data).

A scanned page becomes the same `Line`s the PDF reader makes from a text layer, in PDF points,
each with the mean confidence of its words, so the PDF reader's paragraph joining and
running-header removal apply to scans unchanged (ocr_lines.py turns Tesseract's words into
those lines and drops what is not the act's text). A page upside down or sideways is turned
upright, a skewed one straightened, and read again.

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
from parsers.readers.ocr_lines import Word, page_lines, parse_tsv
from parsers.readers.pdf import Line

LANGUAGE = "rus"
INSTALL = "Установите пакеты tesseract-ocr и tesseract-ocr-rus: sudo apt-get install tesseract-ocr tesseract-ocr-rus"
POLL_SECONDS = 0.1
SKEW_LIMIT = 1.0  # degrees: Tesseract's line finder copes with less


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
        stdout, stderr = process.communicate(buffer.getbuffer())  # type: ignore[arg-type]  # no copy of the page
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
