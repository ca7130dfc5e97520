"""Plain-text acts: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1251, detected."""
from __future__ import annotations

import codecs
from pathlib import Path

from parsers.errors import ReadError
from parsers.model import Block, ReadDocument

_CP1251_LETTERS = frozenset(range(0xC0, 0x100)) | {0xA8, 0xB8}  # А..я, Ё, ё


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). BOMs first, then strict UTF-8, then cp1251."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    high = [byte for byte in data if byte >= 0x80]
    if high and sum(byte in _CP1251_LETTERS for byte in high) / len(high) > 0.6:
        return data.decode("cp1251", errors="replace"), "cp1251"
    # Mostly UTF-8 with a few broken bytes (a truncated download) beats mojibake.
    return data.decode("utf-8", errors="replace"), "utf-8"


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: not a text file (UTF-16 is handled before)."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for byte in sample if byte < 0x20 and byte not in b"\t\n\r\f\v")
    return control > len(sample) * 0.05


def blocks_from_lines(text: str) -> list[Block]:
    """One block per non-empty line, surrounding spaces dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    return [Block(text=line.strip()) for line in text.split("\n") if line.strip()]


def read_text(path: Path) -> ReadDocument:
    data = path.read_bytes()
    has_bom = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not has_bom and looks_binary(data):
        raise ReadError(str(path), "это не текстовый файл (внутри двоичные данные)",
                        "Проверьте расширение файла; акт сохраните как .txt, .docx или .pdf")
    text, encoding = decode_text(data)
    warnings = []
    if "\ufffd" in text:
        warnings.append(f"в тексте есть нераспознанные символы (кодировка {encoding})")
    blocks = blocks_from_lines(text)
    if not blocks:
        raise ReadError(str(path), "в файле нет текста (только пробелы и пустые строки)",
                        "Проверьте, что выбран нужный файл")
    return ReadDocument.build("txt", blocks, warnings)
