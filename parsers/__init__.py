"""Parsers: act files -> ParseResult. Knows nothing of storage or of the domain.

Public entry points:
    read_document(path) -> ReadDocument     (a reader per format; no NLP)
    extract(document, source=...) -> ParseResult   (rules; loads pymorphy3 lazily)
    parse_file(path) -> ParseResult          (both; errors become ParseResult.error)
"""
from parsers.errors import ParserError, ReadError
from parsers.model import (
    ActRef,
    Block,
    Deadline,
    DocumentInfo,
    ExtractedOrder,
    ParseResult,
    Party,
    ReadDocument,
    Signatory,
)

__all__ = [
    "ActRef", "Block", "Deadline", "DocumentInfo", "ExtractedOrder", "ParseResult", "Party",
    "ReadDocument", "Signatory", "ParserError", "ReadError", "parse_file", "read_document", "extract",
]


def read_document(path):  # noqa: ANN001 - thin lazy wrapper
    from parsers.readers import read_document as _read

    return _read(path)


def extract(document, source: str | None = None):  # noqa: ANN001
    from parsers.extract import extract as _extract

    return _extract(document, source=source)


def parse_file(path, source: str | None = None, ocr=None):  # noqa: ANN001
    """Read and extract one file; a read failure is returned as ParseResult.error, never raised.
    `ocr` (parsers.readers.ocr.OcrControl): progress of a scan's pages, and a cancel flag."""
    from parsers.pipeline import parse_file as _parse

    return _parse(path, source=source, ocr=ocr)
