"""RTF acts (striprtf): Windows-1251 unless the file names its code page (\\ansicpgNNNN).

striprtf writes a table cell's end as «|»; a short row becomes one block, as the docx reader
does, and a long one a block per cell. List numbers that Word stores as \\listtext stay in
the text, which is where a reader sees them.
"""
from __future__ import annotations

import re
from pathlib import Path

from parsers.errors import ReadError
from parsers.model import Block, ReadDocument

ROW_LINE_CHARS = 160
_SPACES = re.compile(r"[ \t\u00a0]+")


def read_rtf(path: Path) -> ReadDocument:
    from striprtf.striprtf import rtf_to_text

    raw = path.read_bytes().decode("latin-1")  # RTF is 7-bit; 8-bit bytes are decoded by striprtf
    if not raw.lstrip().startswith("{\\rtf"):
        raise ReadError(str(path), "файл назван .rtf, но внутри не RTF", "Сохраните акт заново как .rtf или .docx")
    try:
        text = rtf_to_text(raw, encoding="cp1251", errors="replace")
    except (ValueError, LookupError, IndexError, RecursionError):
        raise ReadError(str(path), "файл RTF повреждён и не читается",
                        "Откройте его в Word или LibreOffice и сохраните как .docx") from None
    blocks = rtf_blocks(text)
    if not blocks:
        raise ReadError(str(path), "в файле RTF нет текста", "Проверьте, что выбран нужный файл")
    return ReadDocument.build("rtf", blocks)


def rtf_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if "|" in line and line.rstrip().endswith("|"):
            cells = [_clean(cell) for cell in line.split("|")]
            cells = [cell for cell in cells if cell]
            if sum(len(cell) for cell in cells) <= ROW_LINE_CHARS:
                if cells:
                    blocks.append(Block(text=" ".join(cells), in_table=True))
            else:
                blocks.extend(Block(text=cell, in_table=True) for cell in cells)
            continue
        cleaned = _clean(line)
        if cleaned:
            blocks.append(Block(text=cleaned))
    return blocks


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
