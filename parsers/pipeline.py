"""Read then extract act files; bad input becomes ParseResult.error, never an exception.

`parse_files` is what `tracker parse` and the import of several files (the CLI's
`tracker import` and the desk's import screen, through tracker.control.importer) use: it reads
the files in a forked helper process while this process loads the rules (pymorphy3, the tokenizer)
and then extracts each file as soon as it is read; the files still to extract when the reading
is done are extracted on both cores: this process takes files from the front, a helper forked
with the rules loaded and the files read takes them from the back, until they meet
(parsers.sharing).
Each file is read once. Where fork is unavailable (Windows, macOS spawn), with one core, or
beside other threads (the desk's workers), everything runs in-process, with the same results.
A single file goes through `parse_file`.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parsers.errors import ParserError
from parsers.model import Block, ParseResult, ReadDocument

if TYPE_CHECKING:
    from parsers.readers.ocr import OcrControl

# A read is ("document", ReadDocument) or ("error", message). Exceptions are not sent between
# processes: ReadError's constructor does not survive pickling.
ReadOutcome = tuple[str, object]


def parse_file(path: str | Path, source: str | None = None, ocr: OcrControl | None = None) -> ParseResult:
    """The whole parse of one act file. `source` is how the caller names the file (default: path);
    `ocr` hears the progress of a scan's pages and can cancel their recognition."""
    source = str(path) if source is None else source
    return _finish(source, read_outcome(path, ocr))


def parse_files(paths: Sequence[str | Path], sources: Sequence[str] | None = None,
                ocr: OcrControl | None = None) -> Iterator[ParseResult]:
    """Parse files in the given order, yielding each result as soon as it is ready.

    One file's failure, even a bug in the rules, becomes that file's error; the rest go on.
    A forked reader reports scanned pages through `ocr.progress` from its own process (the
    callback is inherited, not pickled); it is stopped by Ctrl+C, which reaches it too.
    """
    sources = [str(p) for p in paths] if sources is None else list(sources)
    if not paths:
        return
    reading = _read_in_background(paths, ocr) if _can_fork() else None
    if reading is None:
        for source, path in zip(sources, paths, strict=True):
            yield _finish_safely(source, read_outcome(path, ocr))
        return
    warm_up()  # while the helper reads
    outcomes = iter(reading)
    done = 0
    while done < len(paths) and not reading.all_read():  # extract each file read while the helper reads on
        yield _finish_safely(sources[done], next(outcomes))
        done += 1
    rest = list(outcomes)  # the helper is done and gone: this process has one thread again
    yield from _finish_on_two_cores(sources[done:], rest)


def _finish_on_two_cores(sources: list[str], outcomes: list[ReadOutcome]) -> Iterator[ParseResult]:
    """Extract on both cores, in order: this process takes files from the front, a helper forked
    now (with the rules loaded and every file read) from the back, until they meet.

    Forked after warm_up() and after the reading helper has gone, so the child inherits the
    loaded models and the documents, and no other thread's locks. Without a helper every file is
    extracted here."""
    if len(outcomes) < 2 or not _can_fork():
        for source, outcome in zip(sources, outcomes, strict=True):
            yield _finish_safely(source, outcome)
        return
    from parsers.sharing import in_order

    yield from in_order(len(outcomes), lambda index: _finish_safely(sources[index], outcomes[index]))


def read_outcome(path: str | Path, ocr: OcrControl | None = None) -> ReadOutcome:
    from parsers.readers import read_document

    try:
        return "document", read_document(path, ocr if ocr is not None else _inherited_ocr)
    except ParserError as error:
        return "error", str(error)


# The OcrControl of the parse_files call that forked the reading helper: a fork inherits it.
_inherited_ocr: OcrControl | None = None


def warm_up() -> None:
    """Load what extraction needs (pymorphy3, the tokenizer, word lists) by extracting a tiny act."""
    from parsers.extract import extract

    sample = ReadDocument.build("txt", [Block(text="ПОСТАНОВЛЕНИЕ"),
                                        Block(text="1. Управлению образования обеспечить исполнение до 1 марта 2024 года.")])
    try:
        extract(sample, source=None)
    except Exception:  # noqa: BLE001 - a rules bug shows up on the real files, with their names
        return


def _finish(source: str, outcome: ReadOutcome) -> ParseResult:
    from parsers.extract import extract
    from parsers.read_confidence import apply_read_confidence

    kind, value = outcome
    if kind == "error":
        return ParseResult(source=source, error=str(value))
    document: ReadDocument = value  # type: ignore[assignment]
    result = extract(document, source=source)
    apply_read_confidence(result, document)
    if result.format is None:
        result.format = document.format
    for warning in document.warnings:
        if warning not in result.warnings:
            result.warnings.append(warning)
    return result


def _finish_safely(source: str, outcome: ReadOutcome) -> ParseResult:
    try:
        return _finish(source, outcome)
    except Exception as error:  # noqa: BLE001 - one file's rules bug must not lose the other files
        detail = " ".join(str(error).split())[:200]
        return ParseResult(source=source, error=f"{source}: не удалось разобрать файл из-за внутренней ошибки "
                           f"({type(error).__name__}: {detail}). Сообщите разработчикам и приложите файл")


def _can_fork() -> bool:
    """Fork only a single-threaded process on Linux with a spare core: forking beside other
    threads (a UI's workers) can leave the child waiting forever on a lock one of them held."""
    import multiprocessing
    import threading

    return (sys.platform.startswith("linux") and (os.cpu_count() or 1) > 1
            and threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods())


class _BackgroundReads:
    """The outcomes of a forked helper's reading, in order; `all_read()` tells whether it is done."""

    def __init__(self, outcomes: Iterator[ReadOutcome], futures: list[Any]) -> None:
        self._outcomes = outcomes
        self._futures = futures

    def __iter__(self) -> Iterator[ReadOutcome]:
        return self._outcomes

    def all_read(self) -> bool:
        return all(future.done() for future in self._futures)


def _read_in_background(paths: Sequence[str | Path], ocr: OcrControl | None = None) -> _BackgroundReads | None:
    """Outcomes of reading `paths` in a forked helper, in order; None if no helper could start."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from parsers.readers.ocr import OcrControl

    context = multiprocessing.get_context("fork")
    stop = context.Event()  # shared with the helper: set when the reading is abandoned (Ctrl+C)
    global _inherited_ocr
    _inherited_ocr = OcrControl(progress=ocr.progress if ocr else None, cancel=stop)  # type: ignore[arg-type]
    try:
        pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
        futures = [pool.submit(read_outcome, path) for path in paths]  # the helper forks here, keeping it
    except (OSError, RuntimeError):
        return None

    def results() -> Iterator[ReadOutcome]:
        finished = False
        try:
            for path, future in zip(paths, futures, strict=True):
                try:
                    yield future.result()
                except BrokenProcessPool:  # the helper died (killed, out of memory): read here
                    yield read_outcome(path, ocr)
            finished = True
        finally:
            global _inherited_ocr
            _inherited_ocr = None
            if not finished:
                stop.set()  # the helper's OCR stops at once instead of finishing the file it reads
            pool.shutdown(wait=True, cancel_futures=True)

    return _BackgroundReads(results(), futures)
