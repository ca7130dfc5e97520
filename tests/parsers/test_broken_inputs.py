"""Broken inputs: each gets one clear Russian line and exit status 1; the files beside them are parsed."""
import json

import pytest
from builders import DocxBuilder, PdfLine, pdf_bytes, zip_bomb_docx
from typer.testing import CliRunner

from cli.main import build_app
from parsers.errors import ReadError
from parsers.readers import read_document

MB = 1024 * 1024
GOOD_ACT = "ПОСТАНОВЛЕНИЕ\n30.06.2023 № 1611-п\n1. Управлению образования обеспечить исполнение до 1 марта 2024 года.\n"


def good_docx(tmp_path):
    return DocxBuilder().paragraph("ПОСТАНОВЛЕНИЕ").paragraph("Обеспечить исполнение.").save(tmp_path / "good.docx")


def make_broken_set(tmp_path):
    """name -> (path, words the message must contain)."""
    files = {}
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    files["empty"] = (empty, "пуст")

    whole = good_docx(tmp_path).read_bytes()
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(whole[: len(whole) // 2])
    files["truncated"] = (truncated, "повреждён или обрезан")

    renamed = tmp_path / "renamed.docx"
    renamed.write_bytes(bytes(range(256)) * 64)
    files["renamed"] = (renamed, "не документ Word")

    encrypted = tmp_path / "encrypted.pdf"
    encrypted.write_bytes(pdf_bytes([[PdfLine(85, 80, "Текст под паролем")]], encrypt=True))
    files["encrypted"] = (encrypted, "паролем")

    scan = tmp_path / "scan.pdf"
    scan.write_bytes(pdf_bytes([[]], image_pages={1}))
    files["scan"] = (scan, "распознавание текста")

    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        line = "1. Обеспечить исполнение настоящего постановления.\n".encode()
        handle.write(line * (50 * MB // len(line) + 1))
    files["huge"] = (huge, "слишком большой")

    files["bomb"] = (zip_bomb_docx(tmp_path / "bomb.docx"), "zip-бомб")
    return files


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    return make_broken_set(tmp_path_factory.mktemp("broken"))


@pytest.mark.parametrize("name", ["empty", "truncated", "renamed", "encrypted", "scan", "huge", "bomb"])
def test_each_broken_file_raises_one_clear_russian_line(broken, name):
    path, words = broken[name]
    with pytest.raises(ReadError) as error:
        read_document(path)
    message = str(error.value)
    assert words in message
    assert str(path) in message  # which file
    assert "\n" not in message
    assert message.count(". ") >= 1  # what is wrong, then what to do


def test_cli_reports_every_broken_file_and_still_parses_the_good_ones(broken, tmp_path):
    good_txt = tmp_path / "good.txt"
    good_txt.write_text(GOOD_ACT, encoding="utf-8")
    docx_path = good_docx(tmp_path)
    names = ["empty", "truncated", "renamed", "encrypted", "scan", "huge", "bomb"]
    args = [str(broken["empty"][0]), str(good_txt), *[str(broken[n][0]) for n in names[1:]], str(docx_path)]

    result = CliRunner().invoke(build_app(), ["parse", "--json", *args])

    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == len(args)  # exactly one JSON line per file, nothing else on stdout
    records = [json.loads(line) for line in lines]
    assert [r["source"] for r in records] == args  # in the order given
    by_source = {r["source"]: r for r in records}
    for name in names:
        path, words = broken[name]
        record = by_source[str(path)]
        assert words in record["error"] and "\n" not in record["error"]
        assert record["orders"] == [] and record["document"]["kind"] is None
    for good in (good_txt, docx_path):
        assert by_source[str(good)]["error"] is None
    assert by_source[str(good_txt)]["format"] == "txt"
    assert by_source[str(docx_path)]["format"] == "docx"
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("Ошибка:")]
    assert len(error_lines) == len(names)
    for name in names:
        assert sum(str(broken[name][0]) in line for line in error_lines) == 1
    assert "Traceback" not in result.output


def test_cli_summary_mode_gives_the_same_one_line_messages(broken, tmp_path):
    good_txt = tmp_path / "good.txt"
    good_txt.write_text(GOOD_ACT, encoding="utf-8")
    result = CliRunner().invoke(build_app(), ["parse", str(broken["scan"][0]), str(good_txt)])
    assert result.exit_code == 1
    assert result.stderr.count("Ошибка:") == 1 and "распознавание текста" in result.stderr
    assert f"Файл: {good_txt}" in result.stdout
    assert str(broken["scan"][0]) not in result.stdout


def test_a_missing_file_and_a_folder_are_reported_too(tmp_path):
    result = CliRunner().invoke(build_app(), ["parse", "--json", str(tmp_path / "нет.docx"), str(tmp_path)])
    assert result.exit_code == 1
    errors = [json.loads(line)["error"] for line in result.stdout.splitlines()]
    assert "не найден" in errors[0] and "папка" in errors[1]


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_truncation_anywhere_gives_a_read_error_or_a_document_never_a_crash(tmp_path, kind):
    if kind == "docx":
        data = good_docx(tmp_path).read_bytes()
    else:
        data = pdf_bytes([[PdfLine(85, 80, "Обеспечить исполнение постановления.")]])
    for share in (0.05, 0.3, 0.6, 0.9, 0.99):
        path = tmp_path / f"cut-{share}.{kind}"
        path.write_bytes(data[: int(len(data) * share)])
        try:
            document = read_document(path)
        except ReadError as error:
            assert str(path) in str(error)
        else:
            assert document.blocks
