"""Telling a damaged file from a bug: did a parsing library choke on the bytes, or did our code fail?

python-docx, odfpy, openpyxl, pdfminer and striprtf raise almost anything on a damaged file
(AttributeError from an unexpected root element, IndexError from a short table, TypeError ...).
Those mean «the file is broken» and get the reader's Russian message. An exception raised in
the project's own code is a bug and must stay visible (the fuzzing suite finds them).
"""
from __future__ import annotations

from pathlib import Path

_PROJECT = Path(__file__).resolve().parents[2]
_OWN = tuple(str(_PROJECT / package) for package in ("parsers", "tracker", "db", "tui"))


def raised_by_library(error: BaseException) -> bool:
    """True when the innermost Python frame of the traceback is outside the project's packages."""
    if isinstance(error, RecursionError | MemoryError):
        return True  # a nesting or size bomb, wherever it surfaced
    frame = error.__traceback__
    if frame is None:
        return False
    while frame.tb_next is not None:
        frame = frame.tb_next
    return not str(Path(frame.tb_frame.f_code.co_filename).resolve()).startswith(_OWN)
