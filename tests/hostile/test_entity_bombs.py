"""XML entity expansion («billion laughs») inside a .docx, .odt or .xlsx: refused at once, never
expanded (python-docx resolves no entities, expat and lxml stop the expansion)."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from parsers.errors import ReadError
from parsers.readers import read_document
from tracker.errors import ImportFailure
from tracker.registry.reading import read_rows

# ten levels of ten: 10^10 «a» if anything expanded it
LAUGHS = (b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
          + b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + level]), (b"&" + bytes([97 + level]) + b";") * 10)
                     for level in range(9))
          + b"]>")


def with_laughs(path: Path, member: str) -> Path:
    """The file with the entity bomb declared in `member` and used in its first text run."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as archive, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as poisoned:
        for info in archive.infolist():
            content = archive.read(info)
            if info.filename == member:
                content = (content.replace(b"?>", b"?>" + LAUGHS, 1) if content.startswith(b"<?xml")
                           else LAUGHS + content)
                content = re.sub(rb"(<text:p[^>/]*>|<w:t[^>/]*>|<t[^>/]*>)", rb"\1&j;", content, count=1)
                assert LAUGHS in content and b"&j;" in content
            poisoned.writestr(info, content)
    path.write_bytes(out.getvalue())
    return path


def docx_file(folder: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("ПОСТАНОВЛЕНИЕ № 1")
    document.save(folder / "акт.docx")
    return folder / "акт.docx"


def odt_file(folder: Path) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    document.text.addElement(P(text="ПОСТАНОВЛЕНИЕ № 1"))
    document.save(str(folder / "акт.odt"))
    return folder / "акт.odt"


def xlsx_file(folder: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Муниципальное образование", "Наименование учреждения"])
    book.save(folder / "реестр.xlsx")
    return folder / "реестр.xlsx"


@pytest.mark.parametrize(("build", "member"), [(docx_file, "word/document.xml"), (odt_file, "content.xml")])
def test_act_readers_refuse_an_entity_bomb(tmp_path, build, member):
    path = with_laughs(build(tmp_path), member)
    with pytest.raises(ReadError, match="повреждён"):
        read_document(path)


def test_registry_import_refuses_an_entity_bomb(tmp_path):
    path = with_laughs(xlsx_file(tmp_path), "xl/worksheets/sheet1.xml")
    with pytest.raises(ImportFailure, match="не открывается как таблица Excel"):
        read_rows(path)
