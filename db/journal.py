"""The append-only journal of committed transactions: one checksummed line each.

Line format: 8 hex digits of the CRC-32 of the payload, a space, the JSON payload, "\\n".
The first line is the header {"journal": 1, "base_seq": S}: the journal continues the
snapshot whose last transaction is S. Every other line is {"seq": n, "ops": [...]}.
A line is complete only with its newline; a writer appends it in one write, so a reader
that sees a line without a newline is looking at a write in progress (or a crashed one).
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import Any

import orjson

JOURNAL_FORMAT = 1


def encode_line(payload: bytes) -> bytes:
    return b"%08x " % (zlib.crc32(payload) & 0xFFFFFFFF) + payload + b"\n"


def header_line(base_seq: int) -> bytes:
    return encode_line(orjson.dumps({"journal": JOURNAL_FORMAT, "base_seq": base_seq}))


def entry_line(seq: int, op_payloads: list[bytes]) -> bytes:
    """A transaction line from ops already serialized (each a JSON array)."""
    payload = b'{"seq":%d,"ops":[' % seq + b",".join(op_payloads) + b"]}"
    return encode_line(payload)


def decode_line(line: bytes) -> dict[str, Any] | None:
    """The payload of one line (without its newline), or None if it is damaged."""
    if len(line) < 10 or line[8:9] != b" ":
        return None
    payload = line[9:]
    try:
        crc = int(line[:8], 16)
    except ValueError:
        return None
    if zlib.crc32(payload) & 0xFFFFFFFF != crc:
        return None
    try:
        value = orjson.loads(payload)
    except orjson.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


@dataclass
class Scan:
    """What a pass over journal bytes found."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    end: int = 0  # offset just past the last good complete line
    damaged_at: int | None = None  # offset of a damaged complete line (torn tail or corruption)
    damaged_then_good: bool = False  # a good line follows a damaged one: real corruption


def scan(data: bytes, start: int) -> Scan:
    """Parse the complete lines of `data` (which begins at file offset `start`).

    Stops at the first damaged line; reports whether good lines follow it, which tells a
    torn tail (a crash while appending: dropped) from damage in the middle (an error).
    """
    result = Scan(end=start)
    pos = 0
    while True:
        newline = data.find(b"\n", pos)
        if newline < 0:
            return result
        entry = decode_line(data[pos:newline])
        if entry is None:
            result.damaged_at = start + pos
            rest = data[newline + 1:]
            result.damaged_then_good = any(decode_line(line) is not None for line in rest.split(b"\n"))
            return result
        result.entries.append(entry)
        pos = newline + 1
        result.end = start + pos
