"""Issue 13.4: the import summary counts real duplicates, OS errors are Russian, undecodable text
is refused instead of stored as mojibake, and the overdue list ends its last line."""
from __future__ import annotations

import errno
import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parsers.errors import ReadError
from parsers.model import Deadline, DocumentInfo, ExtractedOrder, ParseResult, Party
from parsers.readers import read_document
from parsers.readers.text import UndecodableText, decode_text
from russian_errors import os_problem

ACT_TEXT = ("ПОСТАНОВЛЕНИЕ\nот 15 января 2024 г. N 17-п\nО мерах\n"
            "1. Министерству образования обеспечить размещение сведений до 1 февраля 2024 года.\n")


def fake_act(path: Path) -> ParseResult:
    """What the parser would find in the small acts these specs write: the number is the file's first line."""
    number = Path(path).read_text(encoding="utf-8").splitlines()[0]
    order = ExtractedOrder("1", None, "Обеспечить размещение сведений", (0, 10),
                           [Party("Министерству образования", "Министерство образования")],
                           deadline=Deadline(text="до 01.02.2024", date=date(2024, 2, 1)), confidence=0.9)
    return ParseResult(source=str(path), format="txt", text="текст акта " * 5,
                       document=DocumentInfo(kind="постановление", number=number, date=date(2024, 1, 15),
                                             issuer="Правительство", title="О мерах"), orders=[order])


@pytest.fixture
def cli(tmp_path, monkeypatch):
    import parsers
    from cli.main import build_app
    from parsers import pipeline

    monkeypatch.setattr(parsers, "parse_file", lambda path, source=None, ocr=None: fake_act(path))
    monkeypatch.setattr(pipeline, "parse_files", lambda paths, sources=None, ocr=None: (fake_act(path) for path in paths))
    runner, app = CliRunner(), build_app()
    env = {"TRACKER_DB": str(tmp_path / "base" / "tracker.db"), "TRACKER_TODAY": "01.03.2024"}
    return lambda *args: runner.invoke(app, list(args), env=env, catch_exceptions=False)


# -- duplicates within one batch ------------------------------------------------------------------
def test_the_same_file_under_two_names_is_one_duplicate_in_the_summary(cli, tmp_path):
    folder = tmp_path / "акты"
    folder.mkdir()
    for number in ("1-п", "2-п", "3-п"):
        (folder / f"акт {number}.txt").write_text(f"{number}\nтекст", encoding="utf-8")
    shutil.copy(folder / "акт 1-п.txt", folder / "копия акта 1-п.txt")

    first = cli("import", "--yes", str(folder)).output
    assert "актов добавлено 3" in first and "уже загружено 1," in first  # the copy, once

    again = cli("import", "--yes", str(folder)).output
    assert "Загружать нечего: файлов 4, уже загружено 4," in again  # every file of the folder, each once

    (folder / "акт 4-п.txt").write_text("4-п\nтекст", encoding="utf-8")
    shutil.copy(folder / "акт 4-п.txt", folder / "ещё копия.txt")
    third = cli("import", "--yes", str(folder)).output
    assert "актов добавлено 1" in third and "уже загружено 5," in third


# -- OS errors in Russian -------------------------------------------------------------------------
@pytest.mark.parametrize(("code", "russian"), [
    (errno.ENOENT, "не найдены"), (errno.EACCES, "нет прав"), (errno.ENOSPC, "нет места"),
    (errno.EROFS, "только для чтения"), (errno.EISDIR, "папка"), (errno.EBUSY, "занят"),
])
def test_os_errors_are_told_in_russian(code, russian):
    assert russian in os_problem(OSError(code, "English text"))


def test_an_unknown_os_error_keeps_its_number_but_no_english():
    assert os_problem(OSError(9999, "Something odd")) == "системная ошибка № 9999"


def test_export_into_a_folder_that_does_not_exist_says_so_in_russian(cli, tmp_path):
    result = cli("export", "--csv", str(tmp_path / "нет такой папки" / "out.csv"))
    assert result.exit_code == 1
    assert "файл или папка не найдены" in result.output and "No such file" not in result.output


def test_export_onto_a_folder_says_so_in_russian(cli, tmp_path):
    result = cli("export", "--xlsx", str(tmp_path))
    assert result.exit_code == 1
    assert "Is a directory" not in result.output and "папка" in result.output


def test_any_os_error_a_command_meets_is_one_russian_line(cli, tmp_path):
    blocker = tmp_path / "файл.txt"
    blocker.write_text("не папка", encoding="utf-8")
    result = cli("registry", "export", "--out", str(blocker / "реестр.xlsx"))
    assert result.exit_code == 1
    assert "файл.txt: файл уже существует" in result.output and "File exists" not in result.output


# -- text that is not UTF-8 -------------------------------------------------------------------------
def test_invalid_utf8_is_refused_with_the_file_and_the_byte_offset(tmp_path):
    path = tmp_path / "акт.txt"
    head = "ПОСТАНОВЛЕНИЕ № 5\nОбеспечить ".encode()
    path.write_bytes(head + b"\xff\xfe\x80 garbage" + "исполнение".encode())
    with pytest.raises(ReadError) as caught:
        read_document(path)
    message = str(caught.value)
    assert path.name in message and "0xFF" in message and f"в позиции {len(head)}" in message and "UTF-8" in message


def test_import_yes_stores_nothing_from_an_undecodable_file(tmp_path):
    """The real parser this time: the refusal comes from the reader, before any edition is made."""
    from cli.main import build_app

    path = tmp_path / "акт.txt"
    path.write_bytes(ACT_TEXT.encode() + bytes(range(0x80, 0xA0)) * 3 + ACT_TEXT.encode())
    env = {"TRACKER_DB": str(tmp_path / "tracker.db"), "TRACKER_TODAY": "01.03.2024"}
    runner, app = CliRunner(), build_app()
    result = runner.invoke(app, ["import", "--yes", str(path)], env=env, catch_exceptions=False)
    assert result.exit_code == 1 and "не в кодировке UTF-8" in result.output and "в позиции" in result.output
    listed = runner.invoke(app, ["orders"], env=env, catch_exceptions=False)
    assert "Поручений по этому отбору нет" in listed.output


@pytest.mark.parametrize("codec", ["cp1251", "koi8_r"])
def test_russian_legacy_encodings_are_read_as_what_they_are(tmp_path, codec):
    path = tmp_path / f"{codec}.txt"
    path.write_bytes(ACT_TEXT.encode(codec))
    document = read_document(path)
    assert "Министерству образования обеспечить размещение" in document.text and not document.warnings


@pytest.mark.parametrize("text", ["ПОСТАНОВЛЕНИЕ ПРАВИТЕЛЬСТВА", "Распоряжение губернатора", "Щука"])
def test_cp1251_and_koi8_r_are_told_apart_even_in_capitals(text):
    assert decode_text(text.encode("cp1251")) == (text, "cp1251")
    assert decode_text(text.encode("koi8_r")) == (text, "koi8_r")


@pytest.mark.parametrize("raw", [b"plain ascii \x99 one", "Привет".encode() + b"\xff" + "мир".encode(),
                                 b"\xef\xbb\xbf" + "С BOM".encode() + b"\xc0\xff" + "и мусор".encode()])
def test_neither_utf8_nor_russian_legacy_is_undecodable(raw):
    with pytest.raises(UndecodableText):
        decode_text(raw)


def test_a_registry_csv_in_koi8_r_is_read_and_garbage_is_refused(tmp_path):
    from tracker.errors import ImportFailure
    from tracker.registry.reading import read_rows

    path = tmp_path / "реестр.csv"
    path.write_bytes("Муниципальное образование;Наименование учреждения\nГород;Школа N 1\n".encode("koi8_r"))
    sheet = read_rows(path)
    assert sheet.encoding == "koi8-r" and sheet.rows[1][1] == ["Город", "Школа N 1"]
    path.write_bytes(b"a;b\n\x81\x82\x83;\x99\x98\n")
    with pytest.raises(ImportFailure, match="реестр.csv: текст не в кодировке UTF-8"):
        read_rows(path)


# -- tracker orders --overdue -----------------------------------------------------------------------
def test_orders_overdue_ends_its_count_line_with_a_newline(cli, tmp_path):
    folder = tmp_path / "акты"
    folder.mkdir()
    (folder / "акт.txt").write_text("9-п\nтекст", encoding="utf-8")
    cli("import", "--yes", str(folder))
    listed = cli("orders", "--overdue").output
    assert "Всего: 1" in listed and listed.endswith("Всего: 1\n")
    limited = cli("orders", "--overdue", "--limit", "0").output
    assert limited.endswith("\n")
