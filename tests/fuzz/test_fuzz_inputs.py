"""Damaged real files fed to every reader and importer: one clear Russian message or a result,
never a traceback (issue 13). Deterministic (derandomize, no example database) and bounded:
about 7,800 inputs per run, printed at the end of the session by conftest.py. Damaged scans
(.jpg, .png, .tif, an image-only .pdf) go through the whole OCR path with the real Tesseract:
fewer of them (each costs a Tesseract run), and Tesseract's own output damaged, many.
"""
from __future__ import annotations

import re
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from fuzz_seeds import build_seeds, scan_seeds
from fuzz_stats import STATS
from hypothesis import HealthCheck, given, settings
from mutations import damaged_bytes, damaged_scan, mutated

from db import MemoryStore
from parsers.errors import ParserError
from parsers.readers import read_document
from tracker.errors import TrackerError
from tracker.registry.service import RegistryService

SEEDS = build_seeds()
SCANS = scan_seeds()
WORK = Path(tempfile.mkdtemp(prefix="tracker-fuzz-"))
CYRILLIC = re.compile("[а-яА-ЯёЁ]")
# inputs per target: together 7,800 (≥ 5,000 asked) in about two minutes on two cores
READER_EXAMPLES = {"docx": 2000, "odt": 1500, "rtf": 1000, "pdf": 500, "txt": 500}
REGISTRY_EXAMPLES = {"csv": 1000, "xlsx": 1000}
ACT_IMPORT_EXAMPLES = 300
# scans through Tesseract: about 0.3 s each on two cores, a minute in all
SCAN_EXAMPLES = {"jpg": 50, "png": 50, "tif": 50, "pdf": 40}
TSV_EXAMPLES = 1000


def fuzz_settings(examples: int):  # noqa: ANN201
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck), print_blob=True)


def write(fmt: str, data: bytes) -> Path:
    path = WORK / f"input.{fmt}"
    path.write_bytes(data)
    return path


def clear_message(error: Exception) -> bool:
    """One line, in Russian, naming something."""
    message = str(error)
    assert message.strip() and CYRILLIC.search(message), f"{type(error).__name__} without a Russian message"
    assert "Traceback" not in message
    return True


def read_or_refuse(target: str, fmt: str, data: bytes) -> None:
    path = write(fmt, data)
    try:
        read_document(path)
    except ParserError as error:
        STATS.count(target, refused=clear_message(error))
    else:
        STATS.count(target, refused=False)


@pytest.mark.parametrize("fmt", list(READER_EXAMPLES))
def test_readers_give_a_result_or_one_clear_message(fmt):
    @fuzz_settings(READER_EXAMPLES[fmt])
    @given(data=mutated(SEEDS[fmt]))
    def run(data: bytes) -> None:
        read_or_refuse(f"read .{fmt}", fmt, data)

    run()


@pytest.mark.parametrize("fmt", list(REGISTRY_EXAMPLES))
def test_registry_import_preview_gives_a_preview_or_one_clear_message(fmt):
    service = RegistryService(MemoryStore(), who="fuzz")

    @fuzz_settings(REGISTRY_EXAMPLES[fmt])
    @given(data=mutated(SEEDS[fmt]))
    def run(data: bytes) -> None:
        path = write(fmt, data)
        try:
            service.preview_import(path)
        except TrackerError as error:
            STATS.count(f"registry .{fmt}", refused=clear_message(error))
        else:
            STATS.count(f"registry .{fmt}", refused=False)

    run()


def test_act_import_preview_gives_a_preview_or_one_clear_message():
    """The whole import path (reader, extraction, classification) on damaged acts of every format,
    a scan among them."""
    from tracker.root import assemble

    service = assemble(MemoryStore(), user="fuzz", clock=lambda: datetime(2026, 3, 1, 9, 0)).control
    every = [(fmt, seed) for fmt in READER_EXAMPLES for seed in SEEDS[fmt]] + [("jpg", SCANS["jpg"][0])]

    @fuzz_settings(ACT_IMPORT_EXAMPLES)
    @given(choice=mutated([bytes([n]) + seed for n, (_fmt, seed) in enumerate(every)]))
    def run(choice: bytes) -> None:
        # the first byte picks the format; damage to it falls back to the first format
        fmt = every[choice[0]][0] if choice and choice[0] < len(every) else "docx"
        preview = service.preview_file(write(fmt, choice[1:]))
        if preview.error:
            assert CYRILLIC.search(preview.error), preview.error
        STATS.count("act import", refused=bool(preview.error))

    run()


@pytest.mark.parametrize("fmt", list(SCAN_EXAMPLES))
def test_damaged_scans_through_ocr_give_a_result_or_one_clear_message(fmt):
    @fuzz_settings(SCAN_EXAMPLES[fmt])
    @given(data=damaged_scan(SCANS[fmt]))
    def run(data: bytes) -> None:
        read_or_refuse(f"scan .{fmt}", fmt, data)

    run()


def test_damaged_tesseract_output_becomes_lines_or_nothing():
    """What Tesseract prints (TSV of words with boxes and confidences), damaged: missing and extra
    columns, text for numbers, negative and enormous boxes, «nan» confidences. The lines, the
    paragraphs and the item numbers are built from it without an exception."""
    from fuzz_seeds import scan_picture

    from parsers.readers.item_numbers import fill_item_numbers
    from parsers.readers.ocr import PagePicture
    from parsers.readers.ocr_lines import page_lines, parse_tsv
    from parsers.readers.pdf import paragraphs

    picture = PagePicture(1, scan_picture(), 150.0)
    seed = _tesseract_tsv(picture)
    assert "Управлению" in seed.decode("utf-8"), "the seed is the strip as Tesseract read it"

    @fuzz_settings(TSV_EXAMPLES)
    @given(data=damaged_bytes(seed))
    def run(data: bytes) -> None:
        words = parse_tsv(data.decode("utf-8", "replace"))
        found = fill_item_numbers(paragraphs(page_lines(words, picture), page_width=600.0))
        assert all(isinstance(text, str) for text, _ in found)
        STATS.count("tesseract output", refused=False)

    run()


def _tesseract_tsv(picture) -> bytes:  # noqa: ANN001 - a PagePicture
    """Tesseract's TSV of the picture, run as the OCR reader runs it."""
    import io
    import os
    import subprocess

    from parsers.readers.ocr import LANGUAGE, tesseract_binary

    buffer = io.BytesIO()
    picture.image.save(buffer, "PPM")
    done = subprocess.run([tesseract_binary("seed"), "stdin", "stdout", "-l", LANGUAGE, "--psm", "3", "tsv"],
                          input=buffer.getvalue(), capture_output=True, check=True,
                          env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    return done.stdout
