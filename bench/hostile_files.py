"""Zip bombs and picture bombs built on the spot, for bench_hostile and the hostile-file tests
(never stored in git). Picture bombs: `png_bomb`, `jpeg_bomb` (a header claiming 65,000 × 65,000),
`tiff_pages` (thousands of pages, a page too large, pages that loop), `pdf_picture_bomb` (a page
of any size covered by a picture of any size, honestly compressed).

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


# -- picture bombs: scans that declare more pixels than any page of an act has ---------------------


def _deflated_zeros(total: int) -> list[bytes]:
    """A zlib stream of `total` zero bytes as pieces: one compressed 1 MB unit repeated (raw deflate
    with full flushes, so every unit compresses alike), between a zlib header and the adler32 of it all."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    zeros = bytes(len(UNIT))
    units, rest = divmod(total, len(zeros))
    pieces = [b"\x78\xda"]
    adler = 1
    if units:
        first = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
        repeated = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH) if units > 1 else b""
        pieces += [first] + [repeated] * (units - 1)
        for _ in range(units):  # adler32 of zeros: cheap enough, a few seconds for gigabytes
            adler = zlib.adler32(zeros, adler)
    pieces.append(compressor.compress(bytes(rest)) + compressor.flush())
    pieces.append(struct.pack(">I", zlib.adler32(bytes(rest), adler)))
    return pieces


def png_bomb(path: Path, width: int, height: int) -> Path:
    """A grey PNG of width × height pixels, all black, honestly compressed (about 1 KB per MB of pixels)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    pieces = _deflated_zeros((width + 1) * height)  # a filter byte (0) before every row
    body = b"".join(pieces)
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)))
        out.write(chunk(b"IDAT", body) + chunk(b"IEND", b""))
    return Path(path)


def jpeg_bomb(path: Path, width: int = 65000, height: int = 65000) -> Path:
    """A small JPEG whose frame header (SOF0) claims width × height pixels (at most 65,535 each)."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (16, 16), 128).save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    at = data.index(b"\xff\xc0")  # SOF0: length, precision, height, width
    data[at + 5:at + 9] = struct.pack(">HH", height, width)
    Path(path).write_bytes(bytes(data))
    return Path(path)


def tiff_pages(path: Path, pages: int, width: int = 8, height: int = 8, loop: bool = False,
               sizes: dict[int, tuple[int, int]] | None = None) -> Path:
    """A grey, uncompressed multi-page TIFF: `pages` pages of width × height pixels (`sizes`: other
    sizes for some pages, by number from 1) that all point at one strip of 64 bytes, so the declared
    pixels cost nothing on disk. loop=True: the last page's «next page» points back at the first,
    a TIFF with no end."""
    strip = bytes(64)
    size = 2 + 12 * 9 + 4
    first = 8 + len(strip)
    with open(path, "wb") as out:
        out.write(b"II*\x00" + struct.pack("<I", first) + strip)
        for page in range(pages):
            across, down = (sizes or {}).get(page + 1, (width, height))
            entries = [(256, 4, across), (257, 4, down), (258, 3, 8), (259, 3, 1), (262, 3, 1), (273, 4, 8),
                       (277, 3, 1), (278, 4, down), (279, 4, len(strip))]
            following = first + (page + 1) * size if page + 1 < pages else (first if loop else 0)
            ifd = struct.pack("<H", len(entries))
            for tag, kind, value in entries:
                ifd += struct.pack("<HHI", tag, kind, 1) + (struct.pack("<HH", value, 0) if kind == 3
                                                            else struct.pack("<I", value))
            out.write(ifd + struct.pack("<I", following))
    return Path(path)


def _pdf(path: Path, objects: list[bytes | list[bytes]]) -> Path:
    """A PDF from its objects (1-based; object 1 the catalog); a list of bytes is written piece by piece."""
    offsets = []
    with open(path, "wb") as out:
        out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        for number, body in enumerate(objects, 1):
            offsets.append(out.tell())
            out.write(f"{number} 0 obj\n".encode())
            for piece in (body if isinstance(body, list) else [body]):
                out.write(piece)
            out.write(b"\nendobj\n")
        start = out.tell()
        out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
        for offset in offsets:
            out.write(f"{offset:010d} 00000 n \n".encode())
        out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{start}\n%%EOF\n".encode())
    return Path(path)


def pdf_picture_bomb(path: Path, width: int, height: int, page: tuple[float, float] = (595.0, 842.0)) -> Path:
    """An image-only PDF page (page size in points) covered by one grey picture of width × height
    pixels, black, honestly Flate-compressed: 60,000 × 60,000 pixels is 3.6 GB inflated, 3.5 MB on disk."""
    pieces = _deflated_zeros(width * height)
    length = sum(len(piece) for piece in pieces)
    draw = f"q {page[0]} 0 0 {page[1]} 0 0 cm /Im0 Do Q".encode()
    return _pdf(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page[0]} {page[1]}] "
         "/Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>").encode(),
        f"<< /Length {len(draw)} >>\nstream\n".encode() + draw + b"\nendstream",
        [f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray "
         f"/BitsPerComponent 8 /Filter /FlateDecode /Length {length} >>\nstream\n".encode(), *pieces,
         b"\nendstream"],
    ])
