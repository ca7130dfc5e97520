"""Zip bombs built on the spot, for bench_hostile and the hostile-file tests (never stored in git).

`zip_bomb(path, inflated_bytes, declared=...)` writes a .docx (or .odt / .xlsx) whose main
part inflates to `inflated_bytes` of spaces. With `declared=None` the headers are honest; with
`declared=5000` the local header and the central directory both claim 5,000 bytes (the
«falsified-size» bomb of issue 13). The deflate stream is assembled from one compressed 1 MB
unit repeated (a full flush resets the compressor, so every later unit compresses to the same
bytes): a 3.9 GB bomb is written in seconds with a few megabytes of memory.
"""
from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from pathlib import Path

UNIT = b" " * (1024 * 1024)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

DOCX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.document.main+xml"/></Types>'),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>'),
}
DOCX_MAIN = ("word/document.xml",
             f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}">'
             "<w:body><w:p><w:r><w:t>",
             "</w:t></w:r></w:p></w:body></w:document>")
ODT_PARTS = {"mimetype": "application/vnd.oasis.opendocument.text"}
ODT_MAIN = ("content.xml",
            '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>',
            "</text:p></office:text></office:body></office:document-content>")
XLSX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Реестр" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
}
XLSX_MAIN = ("xl/worksheets/sheet1.xml",
             '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>',
             "</t></is></c></row></sheetData></worksheet>")
KINDS = {"docx": (DOCX_PARTS, DOCX_MAIN), "odt": (ODT_PARTS, ODT_MAIN), "xlsx": (XLSX_PARTS, XLSX_MAIN)}


class Member:
    """One deflated zip member: the compressed pieces, CRC and real size."""

    def __init__(self, name: str, head: bytes, units: int = 0, tail: bytes = b"") -> None:
        self.name = name
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        self.pieces: list[bytes] = [compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)]
        crc = zlib.crc32(head)
        if units:
            first = compressor.compress(UNIT) + compressor.flush(zlib.Z_FULL_FLUSH)
            repeated = compressor.compress(UNIT) + compressor.flush(zlib.Z_FULL_FLUSH) if units > 1 else b""
            self.pieces += [first] + [repeated] * (units - 1)
            for _ in range(units):
                crc = zlib.crc32(UNIT, crc)
        self.pieces.append(compressor.compress(tail) + compressor.flush())
        self.crc = zlib.crc32(tail, crc)
        self.size = len(head) + units * len(UNIT) + len(tail)
        self.compressed = sum(len(piece) for piece in self.pieces)


def write_zip(path: Path, members: Iterable[Member], declared: dict[str, int] | None = None) -> Path:
    """A plain zip (deflate, no zip64); `declared` overrides the size both headers state."""
    declared = declared or {}
    directory = b""
    count = 0
    with open(path, "wb") as out:
        for member in members:
            name = member.name.encode()
            size = declared.get(member.name, member.size)
            offset = out.tell()
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0x21, member.crc,
                                  member.compressed, size, len(name), 0) + name)
            for piece in member.pieces:
                out.write(piece)
            directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, 0x21, member.crc,
                                      member.compressed, size, len(name), 0, 0, 0, 0, 0, offset) + name
            count += 1
        start = out.tell()
        out.write(directory)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), start, 0))
    return path


def zip_bomb(path: Path, inflated_mb: int, declared: int | None = 5000, kind: str = "docx") -> Path:
    """A .docx/.odt/.xlsx whose main part inflates to about `inflated_mb` MB.

    declared=None: honest headers; an int: both headers claim that many bytes for the main part.
    """
    parts, (main_name, head, tail) = KINDS[kind]
    members = [Member(name, text.encode()) for name, text in parts.items()]
    members.append(Member(main_name, head.encode(), inflated_mb, tail.encode()))
    return write_zip(Path(path), members, {main_name: declared} if declared is not None else None)
