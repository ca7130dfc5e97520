"""The .rtf, .odt and .doc readers, and choosing a reader by content rather than by name."""
import shutil
import subprocess

import pytest
from builders import DocxBuilder, multilevel, num, numbering_xml

from parsers.errors import ReadError
from parsers.readers import read_document

# -- rtf ------------------------------------------------------------------------------------------


def rtf_escape(text: str) -> str:
    return "".join(f"\\'{byte:02x}" if byte > 127 else chr(byte) for byte in text.encode("cp1251"))


def write_rtf(path, body: str, codepage: str = "\\ansicpg1251"):
    path.write_bytes(("{\\rtf1\\ansi" + codepage + "\\deff0{\\fonttbl{\\f0\\fcharset204 Times New Roman;}}"
                      + body + "}").encode("ascii"))
    return path


def test_rtf_in_windows_1251_with_a_letterhead_table(tmp_path):
    body = (
        "\\pard " + rtf_escape("ПОСТАНОВЛЕНИЕ") + "\\par "
        "\\trowd\\cellx4000\\cellx8000 \\intbl " + rtf_escape("30.06.2023") + "\\cell "
        + rtf_escape("№ 1611-п") + "\\cell \\row "
        "\\pard " + rtf_escape("1. Управлению образования обеспечить исполнение.") + "\\par "
        "\\pard\\par "
    )
    document = read_document(write_rtf(tmp_path / "act.rtf", body))
    assert document.format == "rtf"
    assert [b.text for b in document.blocks] == [
        "ПОСТАНОВЛЕНИЕ", "30.06.2023 № 1611-п", "1. Управлению образования обеспечить исполнение.",
    ]
    assert document.blocks[1].in_table


def test_rtf_without_a_code_page_is_taken_as_windows_1251(tmp_path):
    document = read_document(write_rtf(tmp_path / "act.rtf", rtf_escape("Распоряжение") + "\\par ", codepage=""))
    assert [b.text for b in document.blocks] == ["Распоряжение"]


def test_rtf_unicode_escapes(tmp_path):
    body = "".join(f"\\u{ord(ch)}?" for ch in "Приказ") + "\\par "
    assert read_document(write_rtf(tmp_path / "act.rtf", body)).blocks[0].text == "Приказ"


# -- odt ------------------------------------------------------------------------------------------


def write_odt(path):
    from odf.opendocument import OpenDocumentText
    from odf.style import ListLevelProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, List, ListItem, ListLevelStyleNumber, ListStyle, P

    document = OpenDocumentText()
    numbering = ListStyle(name="Items")
    numbering.addElement(ListLevelStyleNumber(level=1, numformat="1", numsuffix="."))
    sub = ListLevelStyleNumber(level=2, numformat="1", numsuffix=".", displaylevels=2)
    sub.addElement(ListLevelProperties())
    numbering.addElement(sub)
    numbering.addElement(ListLevelStyleNumber(level=3, numformat="а, б, ..", numsuffix=")"))
    document.automaticstyles.addElement(numbering)

    document.text.addElement(H(outlinelevel=1, text="ПОСТАНОВЛЕНИЕ"))
    table = Table(name="Head")
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    row = TableRow()
    for text in ("30.06.2023", "№ 1611-п"):
        cell = TableCell()
        cell.addElement(P(text=text))
        row.addElement(cell)
    table.addElement(row)
    document.text.addElement(table)

    items = List(stylename="Items")
    first = ListItem()
    first.addElement(P(text="Утвердить положение."))
    items.addElement(first)
    second = ListItem()
    second.addElement(P(text="Управлению образования:"))
    nested = List()
    for text in ("обеспечить размещение;", "представить отчёт."):
        item = ListItem()
        item.addElement(P(text=text))
        nested.addElement(item)
    deeper = List()
    letter = ListItem()
    letter.addElement(P(text="по школам;"))
    deeper.addElement(letter)
    nested.lastChild.addElement(deeper)
    second.addElement(nested)
    items.addElement(second)
    document.text.addElement(items)
    document.text.addElement(P(text="Глава города   Т.Н. Леонова"))
    document.save(str(path))
    return path


def test_odt_lists_are_numbered_as_shown_and_tables_read_in_order(tmp_path):
    document = read_document(write_odt(tmp_path / "act.odt"))
    assert document.format == "odt"
    assert [b.text for b in document.blocks] == [
        "ПОСТАНОВЛЕНИЕ",
        "30.06.2023 № 1611-п",
        "1. Утвердить положение.",
        "2. Управлению образования:",
        "2.1. обеспечить размещение;",
        "2.2. представить отчёт.",
        "а) по школам;",
        "Глава города Т.Н. Леонова",
    ]
    assert document.blocks[4].label == "2.1."


# -- doc ------------------------------------------------------------------------------------------


def make_doc(tmp_path):
    """A real Word 97 .doc, converted by LibreOffice from a .docx with automatic numbering."""
    builder = DocxBuilder(numbering=numbering_xml(multilevel(1), num(1, 1)))
    builder.paragraph("ПОСТАНОВЛЕНИЕ").paragraph("Управлению образования:", num_id=1, ilvl=0)
    builder.paragraph("обеспечить размещение.", num_id=1, ilvl=1)
    source = builder.save(tmp_path / "act.docx")
    out = tmp_path / "out"
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is installed by `make test` (scripts/system-deps.sh)"
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(out), str(source)],
                   capture_output=True, timeout=180, check=True)
    return out / "act.doc"


def test_doc_is_converted_by_libreoffice_and_read_with_its_numbering(tmp_path):
    document = read_document(make_doc(tmp_path))
    assert document.format == "doc"
    assert [b.text for b in document.blocks] == ["ПОСТАНОВЛЕНИЕ", "1. Управлению образования:",
                                                 "1.1. обеспечить размещение."]


def test_doc_without_libreoffice_says_what_to_do(tmp_path, monkeypatch):
    from parsers.readers import doc

    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le") + b"\x00" * 1024)
    monkeypatch.setattr(doc, "find_soffice", lambda: None)
    with pytest.raises(ReadError) as error:
        read_document(path)
    assert "LibreOffice" in str(error.value) and ".docx" in str(error.value)


def test_a_damaged_doc_is_reported_not_crashed_on(tmp_path):
    path = tmp_path / "broken.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x07" * 2048)
    with pytest.raises(ReadError, match="повреждён|нет текста"):
        read_document(path)


# -- content over name ----------------------------------------------------------------------------


def test_the_reader_is_chosen_by_content_not_by_suffix(tmp_path):
    builder = DocxBuilder().paragraph("Приказ о назначении")
    misnamed = tmp_path / "act.txt"
    misnamed.write_bytes(builder.save(tmp_path / "real.docx").read_bytes())
    document = read_document(misnamed)
    assert document.format == "docx"
    assert document.blocks[0].text == "Приказ о назначении"


def test_a_web_page_saved_as_doc_is_converted_too(tmp_path):
    path = tmp_path / "act.doc"
    path.write_text('<html><head><meta charset="utf-8"></head><body><p>ПОСТАНОВЛЕНИЕ</p>'
                    "<p>1. Обеспечить исполнение.</p></body></html>", encoding="utf-8")
    document = read_document(path)
    assert [b.text for b in document.blocks] == ["ПОСТАНОВЛЕНИЕ", "1. Обеспечить исполнение."]
