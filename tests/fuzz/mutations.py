"""Hypothesis strategies that damage real files the way disks, downloads, editors and attackers do.

Byte level (every format): truncate, flip bytes, insert or delete a run, duplicate a run, splice in
a token that means something to one of the formats. Zip level (.docx, .odt, .xlsx): swap two
members' contents, drop or rename a member, add a second member of the same name, or corrupt the
XML inside one member with the byte-level damage, then re-zip. Scans (.png): damage inside the
chunks with the checksums made right, so it reaches the decoder (another size in the header too).
"""
from __future__ import annotations

import io
import warnings
import zipfile

from hypothesis import strategies as st

TOKENS = [
    b"<", b">", b"&", b"&#0;", b"]]>", b"<!--", b'"', b"'", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\r",
    b"\n\n\n", b";", b",", b"\t", b"=1+2", b"{", b"}", b"\\", b"\\'ff", b"\\u-1?", b"\\bin999999 ",
    b"{\\*\\x", b"%PDF-1.4", b"endobj", b"stream", b"xref", b"trailer", b"/Length 999999999", b"PK\x03\x04",
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>', b"&b;",
    b"<w:p><w:r><w:t>", b"</w:t>", b"<w:numPr><w:ilvl w:val=\"99\"/><w:numId w:val=\"-1\"/></w:numPr>",
    b'<text:list-item text:start-value="-5">', b'<c r="XFD1048576" t="s"><v>99999</v></c>',
    b"\xff\xc0\x00\x0b\x08\xff\xff\xff\xff\x01\x01\x11\x00", b"\xff\xd9", b"\xff\xda", b"II*\x00", b"MM\x00*",
    b"\x00\x01\x04\x00\x01\x00\x00\x00\xff\xff\xff\x7f", b"/Width 65535 /Height 65535", b"/DCTDecode", b"/Im0 Do",
    "ПОСТАНОВЛЕНИЕ № 1".encode(), "до 31.02.2026".encode(), "\u202e".encode(),
]


def _position(draw, data: bytes) -> int:
    return draw(st.integers(0, max(0, len(data))))


@st.composite
def damaged_bytes(draw, data: bytes) -> bytes:
    """One to three byte-level mutations of `data`."""
    for _ in range(draw(st.integers(1, 3))):
        operation = draw(st.sampled_from(["truncate", "flip", "insert", "delete", "duplicate", "token"]))
        if not data:
            data = draw(st.binary(max_size=16))
            continue
        at = draw(st.integers(0, len(data) - 1))
        if operation == "truncate":
            data = data[:at]
        elif operation == "flip":
            flips = draw(st.lists(st.tuples(st.integers(0, len(data) - 1), st.integers(1, 255)), min_size=1, max_size=8))
            mutable = bytearray(data)
            for where, mask in flips:
                mutable[where] ^= mask
            data = bytes(mutable)
        elif operation == "insert":
            data = data[:at] + draw(st.binary(min_size=1, max_size=32)) + data[at:]
        elif operation == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 256)):]
        elif operation == "duplicate":
            run = data[at:at + draw(st.integers(1, 512))]
            data = data[:at] + run * draw(st.integers(2, 4)) + data[at:]
        else:
            data = data[:at] + draw(st.sampled_from(TOKENS)) + data[at:]
    return data


def _members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # «Duplicate name» is the point of one mutation
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in members:  # fixed dates: the same input bytes on every run
                archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), content,
                                 compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


@st.composite
def damaged_zip(draw, data: bytes) -> bytes:
    """A zip-level mutation of a .docx/.odt/.xlsx, re-zipped."""
    members = _members(data)
    operation = draw(st.sampled_from(["swap", "drop", "rename", "twin", "xml", "xml", "xml"]))
    first = draw(st.integers(0, len(members) - 1))
    name, content = members[first]
    if operation == "swap" and len(members) > 1:
        second = draw(st.integers(0, len(members) - 1))
        members[first], members[second] = (name, members[second][1]), (members[second][0], content)
    elif operation == "drop":
        del members[first]
    elif operation == "rename":
        members[first] = (draw(st.sampled_from(["word/document.xml", "content.xml", "mimetype", "xl/workbook.xml",
                                                 "xl/worksheets/sheet1.xml", name + "x", "../" + name])), content)
    elif operation == "twin":
        members.append((name, draw(damaged_bytes(content))))
    else:
        members[first] = (name, draw(damaged_bytes(content)))
    return _zip(members)


def is_zip(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04")


@st.composite
def mutated(draw, seeds: list[bytes]) -> bytes:
    """A damaged copy of one of the seeds: zip-level, byte-level, or both."""
    data = draw(st.sampled_from(seeds))
    if is_zip(data) and draw(st.integers(0, 2)) > 0:
        data = draw(damaged_zip(data))
        if draw(st.integers(0, 4)) == 0:
            data = draw(damaged_bytes(data))
        return data
    return draw(damaged_bytes(data))


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes]] | None:
    """(type, data) of each chunk of a PNG, or None when it does not parse."""
    import struct

    if not data.startswith(PNG_SIGNATURE):
        return None
    chunks, at = [], len(PNG_SIGNATURE)
    while at + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        chunks.append((kind, data[at + 8:at + 8 + length]))
        at += 12 + length
    return chunks


def _png(chunks: list[tuple[bytes, bytes]]) -> bytes:
    import struct
    import zlib

    return PNG_SIGNATURE + b"".join(struct.pack(">I", len(body)) + kind + body
                                    + struct.pack(">I", zlib.crc32(kind + body)) for kind, body in chunks)


@st.composite
def damaged_png(draw, data: bytes) -> bytes:
    """A PNG damaged inside its chunks with the checksums made right again, so the damage reaches the
    decoder (a plain flip is caught by the CRC): another size in IHDR, a chunk's data damaged, a
    chunk dropped or repeated."""
    import struct

    chunks = _png_chunks(data)
    if not chunks:
        return draw(damaged_bytes(data))
    operation = draw(st.sampled_from(["size", "data", "drop", "twin"]))
    index = draw(st.integers(0, len(chunks) - 1))
    kind, body = chunks[index]
    if operation == "size" and chunks[0][0] == b"IHDR" and len(chunks[0][1]) >= 8:
        width, height = draw(st.integers(0, 2**31 - 1)), draw(st.integers(0, 2**31 - 1))
        chunks[0] = (b"IHDR", struct.pack(">II", width, height) + chunks[0][1][8:])
    elif operation == "data":
        chunks[index] = (kind, draw(damaged_bytes(body)))
    elif operation == "drop":
        del chunks[index]
    else:
        chunks.insert(index, (kind, body))
    return _png(chunks)


@st.composite
def damaged_scan(draw, seeds: list[bytes]) -> bytes:
    """A damaged copy of a scan: PNGs inside their chunks or byte by byte, the rest byte by byte
    (JPEG and TIFF carry no checksums: a flip reaches their decoders as it is)."""
    data = draw(st.sampled_from(seeds))
    if data.startswith(PNG_SIGNATURE) and draw(st.booleans()):
        return draw(damaged_png(data))
    return draw(damaged_bytes(data))
