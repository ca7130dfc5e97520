"""Which format a file really is: magic bytes first, the suffix only to break ties.

A .docx renamed from a .doc, or a PDF saved as .txt, is read by what it is.
"""
from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

SUFFIXES = {
    ".txt": "txt", ".text": "txt",
    ".docx": "docx", ".docm": "docx", ".dotx": "docx",
    ".pdf": "pdf",
    ".rtf": "rtf",
    ".odt": "odt",
    ".doc": "doc",
    ".jpg": "image", ".jpeg": "image", ".png": "image", ".tif": "image", ".tiff": "image",
}
# Pictures read through OCR (magic bytes): a scanned act from a copier or a phone.
SCAN_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What a non-document file is, for the message: magic bytes -> Russian description.
FOREIGN_MAGIC = (
    (b"\x89PNG", "изображение PNG"),
    (b"\xff\xd8\xff", "изображение JPEG"),
    (b"GIF8", "изображение GIF"),
    (b"II*\x00", "изображение TIFF"),
    (b"MM\x00*", "изображение TIFF"),
    (b"BM", "изображение BMP"),
    (b"MZ", "программа Windows"),
    (b"\x7fELF", "программа"),
    (b"Rar!", "архив RAR"),
    (b"7z\xbc\xaf", "архив 7-Zip"),
    (b"\x1f\x8b", "архив gzip"),
)


def describe_foreign(head: bytes) -> str | None:
    """«изображение PNG» etc. when the bytes are a known non-document format."""
    for magic, description in FOREIGN_MAGIC:
        if head.startswith(magic):
            return description
    return None


def format_by_suffix(path: Path) -> str | None:
    return SUFFIXES.get(path.suffix.lower())


def sniff_format(path: Path, head: bytes) -> str | None:
    """The format the content says, or None when the content says nothing definite."""
    stripped = head.lstrip()
    if stripped.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(OLE_MAGIC):
        return "doc"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if head.startswith(SCAN_MAGIC):
        return "image"
    return None


def _zip_kind(path: Path) -> str | None:
    """docx / odt by the members a zip holds; 'zip' for another archive, 'broken-zip' if unreadable."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names:
                with archive.open("mimetype") as member:  # never the whole member: it may be a bomb
                    mimetype = member.read(100)
                if b"opendocument.text" in mimetype:
                    return "odt"
            if "content.xml" in names:
                return "odt"
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, NotImplementedError, EOFError, ValueError,
            zlib.error):
        return "broken-zip"
    return "zip"


def looks_like_markup(head: bytes) -> bool:
    """HTML or Word 2003 XML, which Word and many sites save under a .doc name."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1024].lower()
    return start.startswith((b"<html", b"<!doctype html", b"<?xml", b"mime-version")) or b"<html" in start
