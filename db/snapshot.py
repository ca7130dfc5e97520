"""The snapshot file: the whole database as of one transaction, checksummed.

Layout: a header line (JSON: format, schema version, the last transaction `seq` it holds,
size and CRC-32 of the body), then the body (JSON: {"tables": {name: [records]}, "meta": {}}).
Written only whole, through fileio.atomic_write; Cyrillic is stored as UTF-8, unescaped.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from db.fileio import atomic_write

FORMAT_NAME = "tracker-store"
FORMAT_VERSION = 1


class DamagedFile(Exception):
    """A snapshot or journal that cannot be trusted; `detail` says why, in Russian."""

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(detail)


@dataclass
class Snapshot:
    schema_version: int | None
    seq: int
    tables: dict[str, list[dict[str, Any]]]
    meta: dict[str, Any]
    size: int


def encode_body(tables: dict[str, list[dict[str, Any]]], meta: dict[str, Any]) -> bytes:
    return orjson.dumps({"tables": tables, "meta": meta})


def encode_header(body: bytes, schema_version: int | None, seq: int) -> bytes:
    header = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "schema_version": schema_version,
        "seq": seq,
        "body_size": len(body),
        "body_crc32": zlib.crc32(body) & 0xFFFFFFFF,
        "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    return orjson.dumps(header) + b"\n"


def write_snapshot(
    path: Path, tables: dict[str, list[dict[str, Any]]], meta: dict[str, Any],
    schema_version: int | None, seq: int,
) -> int:
    """Atomically (re)write the snapshot at `path`; return its size in bytes."""
    body = encode_body(tables, meta)
    return atomic_write(path, [encode_header(body, schema_version, seq), body])


def write_snapshot_body(path: Path, body: bytes, schema_version: int | None, seq: int) -> int:
    """Write an already encoded body under a fresh header (restore renumbers a backup)."""
    return atomic_write(path, [encode_header(body, schema_version, seq), body])


def split(data: bytes) -> tuple[dict[str, Any], bytes]:
    """Header and verified body bytes of a snapshot file's content."""
    newline = data.find(b"\n")
    if newline < 0:
        raise DamagedFile("нет заголовка")
    try:
        header = orjson.loads(data[:newline])
    except orjson.JSONDecodeError:
        raise DamagedFile("заголовок не читается") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT_NAME:
        raise DamagedFile("это не файл базы tracker")
    if header.get("format_version", 0) > FORMAT_VERSION:
        raise DamagedFile(f"формат файла {header.get('format_version')} новее программы")
    body = data[newline + 1:]
    if len(body) != header.get("body_size"):
        raise DamagedFile(f"файл обрезан: {len(body)} байт из {header.get('body_size')}")
    if zlib.crc32(body) & 0xFFFFFFFF != header.get("body_crc32"):
        raise DamagedFile("контрольная сумма не сходится")
    return header, body


def read_snapshot(path: Path) -> Snapshot:
    """Read and verify the snapshot; DamagedFile if it cannot be trusted."""
    data = Path(path).read_bytes()
    header, body = split(data)
    try:
        content = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise DamagedFile("данные не читаются (ошибка JSON)") from None
    tables, meta = content.get("tables"), content.get("meta")
    if not isinstance(tables, dict) or not isinstance(meta, dict):
        raise DamagedFile("нет таблиц или служебных данных")
    return Snapshot(
        schema_version=header.get("schema_version"), seq=int(header.get("seq", 0)),
        tables=tables, meta=meta, size=len(data),
    )


def read_header(path: Path) -> dict[str, Any] | None:
    """Only the header line (cheap), or None if it is unreadable."""
    try:
        with open(path, "rb") as handle:
            line = handle.readline(1 << 16)
        header = orjson.loads(line)
    except (OSError, orjson.JSONDecodeError):
        return None
    return header if isinstance(header, dict) and header.get("format") == FORMAT_NAME else None
