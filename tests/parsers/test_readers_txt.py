"""The .txt reader: encodings detected, one block per non-empty line, offsets into the text."""
import codecs

import pytest

from parsers.errors import ReadError
from parsers.readers import read_document
from parsers.readers.text import decode_text

ACT = "ПОСТАНОВЛЕНИЕ\r\n\r\n  30.06.2023 № 1611-п  \r\n1. Управлению образования обеспечить исполнение.\r\n\r\n"
EXPECTED = ["ПОСТАНОВЛЕНИЕ", "30.06.2023 № 1611-п", "1. Управлению образования обеспечить исполнение."]


@pytest.mark.parametrize(
    "encoded",
    [
        ACT.encode("utf-8"),
        codecs.BOM_UTF8 + ACT.encode("utf-8"),
        ACT.encode("utf-16"),  # with BOM
        codecs.BOM_UTF16_BE + ACT.encode("utf-16-be"),
        ACT.encode("cp1251"),
    ],
    ids=["utf-8", "utf-8 with BOM", "utf-16 LE BOM", "utf-16 BE BOM", "cp1251"],
)
def test_every_supported_encoding_reads_to_the_same_blocks(tmp_path, encoded):
    path = tmp_path / "act.txt"
    path.write_bytes(encoded)
    document = read_document(path)
    assert document.format == "txt"
    assert [block.text for block in document.blocks] == EXPECTED
    assert document.warnings == []


def test_blocks_know_their_offsets_in_the_joined_text(tmp_path):
    path = tmp_path / "act.txt"
    path.write_text(ACT, encoding="utf-8")
    document = read_document(path)
    assert document.text == "\n".join(EXPECTED)
    for block in document.blocks:
        assert document.text[block.start:block.start + len(block.text)] == block.text


def test_cp1251_is_told_apart_from_broken_utf8():
    text, encoding = decode_text("Распоряжение губернатора".encode("cp1251"))
    assert (text, encoding) == ("Распоряжение губернатора", "cp1251")


def test_utf8_with_a_broken_tail_is_read_with_a_warning(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes("Обеспечить исполнение".encode() + "ё".encode()[:1])
    document = read_document(path)
    assert document.blocks[0].text.startswith("Обеспечить исполнение")
    assert any("нераспознанные символы" in warning for warning in document.warnings)


def test_a_text_file_of_only_blank_lines_is_refused(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("\n \n\t\n", encoding="utf-8")
    with pytest.raises(ReadError, match="нет текста"):
        read_document(path)


def test_binary_data_named_txt_is_refused(tmp_path):
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(ReadError, match="не текстовый файл"):
        read_document(path)


def test_unknown_extension_is_unsupported_with_the_list_of_formats(tmp_path):
    path = tmp_path / "table.xlsb"
    path.write_bytes(b"\x01\x02\x03 binary")
    with pytest.raises(ReadError) as error:
        read_document(path)
    assert "не поддерживается" in str(error.value)
    assert ".docx" in str(error.value) and ".pdf" in str(error.value)
