"""Reading generated .docx files back the way a reviewer looks at them."""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml.ns import qn


def body_text(path: Path) -> str:
    """Paragraphs and table cells in document order, one per line."""
    document = Document(str(path))
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            lines.append("".join(t.text or "" for t in block.iter(qn("w:t"))))
        elif block.tag == qn("w:tbl"):
            for cell in block.iter(qn("w:tc")):
                lines.append(" ".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in cell.iter(qn("w:p"))))
    return "\n".join(lines)


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def table_rows(path: Path, index: int) -> list[list[str]]:
    table = Document(str(path)).tables[index]
    return [[cell.text for cell in row.cells] for row in table.rows]
