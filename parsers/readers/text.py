"""Plain-text acts: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1251 or KOI8-R, detected."""
from __future__ import annotations

import codecs
from pathlib import Path

from parsers.errors import ReadError
from parsers.model import Block, ReadDocument

LEGACY_CODECS = ("cp1251", "koi8_r")
# In Russian text these 15 letters are about 80 % of all letters; the wrong one of cp1251 / KOI8-R
# maps the bytes to other letters (and swaps the case), where they are about half.
_FREQUENT = frozenset("оеаинтсрвлкмдпуОЕАИНТСРВЛКМДПУ")
_CYRILLIC = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
MIN_FREQUENT_SHARE = 0.65


class UndecodableText(ValueError):
    """Neither UTF-8 nor a Russian legacy encoding: where the first wrong byte is."""

    def __init__(self, offset: int, byte: int) -> None:
        self.offset = offset
        self.byte = byte
        super().__init__(f"неверный байт 0x{byte:02X} в позиции {offset}")


def legacy_codec(data: bytes) -> str | None:
    """cp1251 or KOI8-R when the bytes clearly are Russian text in it, else None."""
    high = sum(1 for byte in data if byte >= 0x80)
    best, best_share = None, MIN_FREQUENT_SHARE
    for codec in LEGACY_CODECS:
        text = data.decode(codec, errors="replace")
        letters = sum(ch in _CYRILLIC for ch in text)
        if not high or letters / high < 0.8:  # the high bytes are not letters in this codec
            continue
        share = sum(ch in _FREQUENT for ch in text) / letters
        if share > best_share:
            best, best_share = codec, share
    return best


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name): BOMs first, then strict UTF-8, then cp1251 or KOI8-R when
    the letters say so. UTF-8 cut in the middle of its last character (a truncated download)
    is read with the tail replaced; anything else raises UndecodableText, never mojibake."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16", errors="replace"), "utf-16"
    body, name = (data[len(codecs.BOM_UTF8):], "utf-8-sig") if data.startswith(codecs.BOM_UTF8) else (data, "utf-8")
    try:
        return body.decode("utf-8"), name
    except UnicodeDecodeError as error:
        broken = error
    if broken.reason == "unexpected end of data" and broken.start >= len(body) - 3:
        return body.decode("utf-8", errors="replace"), name
    codec = None if name == "utf-8-sig" else legacy_codec(body)
    if codec:
        return body.decode(codec), codec
    offset = broken.start + (len(data) - len(body))
    raise UndecodableText(offset, data[offset])


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
    try:
        text, encoding = decode_text(data)
    except UndecodableText as error:
        raise ReadError(str(path), f"текст не в кодировке UTF-8 и не в Windows-1251/KOI8-R ({error})",
                        "Откройте файл в редакторе, сохраните его в UTF-8 и загрузите снова") from None
    warnings = []
    if "\ufffd" in text:
        warnings.append(f"в тексте есть нераспознанные символы (кодировка {encoding})")
    blocks = blocks_from_lines(text)
    if not blocks:
        raise ReadError(str(path), "в файле нет текста (только пробелы и пустые строки)",
                        "Проверьте, что выбран нужный файл")
    return ReadDocument.build("txt", blocks, warnings)
