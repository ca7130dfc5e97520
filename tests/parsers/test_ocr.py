"""Scanned acts are read through OCR (Tesseract, Russian) into the same blocks as typed ones.

The scans are made here from the bundled sample acts (tests/parsers/scans.py: typeset, grey,
noisy, skewed) once per test module; the extraction from them is scored against the acts'
golden files with the shared scoring tool's logic, beside the extraction from the same acts
as text.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pypdfium2
import pytest
from builders import PdfLine, pdf_bytes
from extraction_score import Tally, as_annotation, score
from scans import Print, age, save_jpegs, save_pdf, scanned_pages, stamp_and_scribble, typeset

from parsers.errors import ReadError
from parsers.model import Block, DocumentInfo, ExtractedOrder, ParseResult, Party, ReadDocument
from parsers.pipeline import parse_file, parse_files
from parsers.read_confidence import apply_read_confidence
from parsers.readers import read_document
from parsers.readers.item_numbers import fill_item_numbers
from parsers.readers.ocr import OcrCancelled, OcrControl
from parsers.readers.ocr_lines import UNREAD_NUMBER

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "tracker" / "samples" / "acts"
GOLDEN = ROOT / "tests" / "golden" / "acts"
# Five acts of different kinds; the first two are also photographed as .jpg, and the
# fourth is set large so that it runs onto a second page.
AS_PDF = ["01-perechen-poruchenij-tomsk", "02-postanovlenie-zarechnyj-okrug", "03-rasporyazhenie-podpunkty",
          "05-protokol-soveshchaniya", "07-sroki-otnositelnye-i-periodicheskie"]
AS_JPEG = AS_PDF[:2]
LARGE = "05-protokol-soveshchaniya"
# scanned at 150 to 300 dpi, as copiers and phones do
DPI = dict(zip(AS_PDF, [150, 300, 200, 200, 250], strict=True))
MAX_F1_LOSS = 0.05


def act_text(stem: str) -> str:
    return (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")


def golden(stem: str) -> dict:
    return as_annotation(json.loads((GOLDEN / f"{stem}.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, list[Path]]:
    """stem -> the scanned files of that act: an image-only PDF (and a .jpg for some)."""
    folder = tmp_path_factory.mktemp("scans")
    files: dict[str, list[Path]] = {}
    for seed, stem in enumerate(AS_PDF, 1):
        style = Print(seed=seed, dpi=DPI[stem], font_pt=19.0 if stem == LARGE else 13.0)
        pages = scanned_pages(act_text(stem), style, marks=True)
        files[stem] = [save_pdf(pages, folder / f"{stem}.pdf", style.dpi)]
        if stem in AS_JPEG:
            files[stem] += save_jpegs(pages, folder / stem, style.dpi)
    return files


@pytest.fixture(scope="module")
def parsed(corpus) -> dict[Path, dict]:
    paths = [path for group in corpus.values() for path in group]
    return {path: result.to_json() for path, result in zip(paths, parse_files(paths), strict=True)}


def test_the_corpus_has_image_only_pdfs_jpegs_and_a_two_page_act(corpus):
    large = pypdfium2.PdfDocument(str(corpus[LARGE][0]))
    assert len(large) == 2
    assert min(DPI.values()) == 150 and max(DPI.values()) == 300
    assert pypdfium2.PdfDocument(str(corpus[AS_PDF[0]][0]))[0].get_textpage().get_text_range().strip() == ""
    assert sum(path.suffix == ".jpg" for group in corpus.values() for path in group) == len(AS_JPEG)


def test_scans_extract_within_005_f1_of_the_same_acts_as_text(corpus, parsed):
    from parsers.extract import extract

    as_text, as_scan = Tally(), Tally()
    for stem, paths in corpus.items():
        lines = [line for line in act_text(stem).splitlines() if line.strip()]
        document = ReadDocument.build("txt", [Block(text=line) for line in lines])
        for _ in paths:  # each scanned copy against one text copy, so both weigh the same
            score(golden(stem), extract(document, source=stem).to_json(), as_text, stem)
        for path in paths:
            score(golden(stem), parsed[path], as_scan, path.name)
    print(f"\nF1 as text {as_text.f1():.3f}, as scans {as_scan.f1():.3f}", *as_scan.log, sep="\n")  # README
    assert as_text.f1() - as_scan.f1() <= MAX_F1_LOSS, "\n".join(as_scan.log)


def test_a_scan_reads_as_the_same_kind_of_blocks_with_confidence(corpus):
    document = read_document(corpus[AS_PDF[1]][0])
    texts = [block.text for block in document.blocks]
    assert "ПОСТАНОВЛЕНИЕ" in texts
    assert any(text.startswith("2.1. Организовать проверку готовности") and text.endswith("2026 года.")
               for text in texts), "wrapped lines are joined into one paragraph"
    assert all(block.confidence is not None and 0.0 <= block.confidence <= 1.0 for block in document.blocks)
    assert any("распознан" in warning for warning in document.warnings)


def test_the_seal_the_signature_and_the_margin_note_become_nothing(corpus, parsed):
    for stem in AS_PDF:
        result = parsed[corpus[stem][0]]
        extracted = json.dumps({"document": result["document"], "orders": result["orders"]}, ensure_ascii=False)
        for mark in ("ПЕЧАТЬ", "ДОКУМЕНТОВ", "вх.", "14.03"):
            assert mark not in extracted, (stem, mark)
        assert not {o["number"] for o in result["orders"]} - {o["number"] for o in golden(stem)["orders"]}, stem


def test_a_sheet_with_only_a_seal_a_signature_and_a_margin_note_is_no_act(tmp_path):
    page = age(stamp_and_scribble(typeset("", Print())[0], Print()), Print())
    path = tmp_path / "seal.png"
    page.save(path)
    result = parse_file(path)
    assert result.orders == [] and "не нашло на скане ни строки" in result.error


def test_a_pdf_with_a_typed_page_and_a_scanned_page_is_read_page_by_page(tmp_path):
    typed = tmp_path / "typed.pdf"
    typed.write_bytes(pdf_bytes([[PdfLine(85, 80, "ПОСТАНОВЛЕНИЕ"), PdfLine(85, 110, "от 12.03.2026 № 418-п")]]))
    scan = save_pdf(scanned_pages("1. Управлению образования организовать проверку до 14 августа 2026 года."),
                    tmp_path / "scan.pdf", 200)
    mixed = pypdfium2.PdfDocument.new()
    for part in (typed, scan):
        mixed.import_pages(pypdfium2.PdfDocument(str(part)))
    path = tmp_path / "mixed.pdf"
    mixed.save(str(path))
    document = read_document(path)
    assert [block.text for block in document.blocks][:2] == ["ПОСТАНОВЛЕНИЕ", "от 12.03.2026 № 418-п"]
    assert [block.confidence for block in document.blocks][:2] == [None, None]
    assert document.blocks[-1].text.startswith("1. Управлению образования организовать проверку")
    assert document.blocks[-1].confidence is not None
    assert any("страницы 2" in warning for warning in document.warnings)


def test_progress_is_reported_per_page_and_cancel_stops_the_pool(corpus):
    seen = []
    read_document(corpus[LARGE][0], OcrControl(progress=seen.append))
    assert [(p.done, p.total) for p in seen] == [(0, 2), (1, 2), (2, 2)]

    control = OcrControl()
    control.progress = lambda progress: control.cancel.set()  # cancelled as soon as it starts
    with pytest.raises(OcrCancelled, match="прервано"):
        read_document(corpus[LARGE][0], control)
    threads = [t.name for t in threading.enumerate() if t.name.startswith("ocr")]
    assert threads == []


def test_a_missing_tesseract_names_the_debian_packages(corpus, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    result = parse_file(corpus[AS_PDF[0]][0])
    assert "sudo apt-get install tesseract-ocr tesseract-ocr-rus" in result.error
    typed = tmp_path / "act.txt"
    typed.write_text("РАСПОРЯЖЕНИЕ\n1. Отделу культуры провести смотр до 1 марта 2026 года.\n", encoding="utf-8")
    assert parse_file(typed).error is None  # other formats do not need it


def test_missing_russian_data_names_its_package(corpus, monkeypatch, tmp_path):
    fake = tmp_path / "tesseract"
    fake.write_text("#!/bin/sh\necho 'List of available languages (1):'\necho eng\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ReadError, match="tesseract-ocr-rus"):
        read_document(corpus[AS_JPEG[0]][1])


def _damaged(kind: str) -> bytes:
    from io import BytesIO

    from PIL import Image

    picture = BytesIO()
    Image.new("L", (300, 400), 200).save(picture, {"png": "PNG", "jpg": "JPEG", "tif": "TIFF"}[kind[:3]])
    data = picture.getvalue()
    return data[: len(data) // 2] if kind.endswith("cut") else data[:16] + bytes(range(256)) * 2


@pytest.mark.parametrize("kind", ["png-cut", "jpg-cut", "tif-cut", "png-garbage", "jpg-garbage", "tif-garbage"])
def test_a_damaged_picture_is_one_clear_russian_message(tmp_path, kind):
    path = tmp_path / f"скан.{kind[:3]}"
    path.write_bytes(_damaged(kind))
    with pytest.raises(ReadError, match="скан.*(изображение повреждено|не нашло на скане)"):
        read_document(path)


# -- confidence flows from the blocks into what was extracted ---------------------------------

@dataclass(slots=True)
class ScoredParty(Party):
    """A party as the rules give it once they score each field: any span+confidence is capped."""

    confidence: float | None = None


def test_extracted_objects_are_capped_by_the_confidence_of_the_lines_they_come_from():
    good, poor = "ПОСТАНОВЛЕНИЕ", "1. Отделу культуры провести смотр."
    document = ReadDocument.build("image", [Block(text=good, confidence=0.95), Block(text=poor, confidence=0.55)])
    start = document.blocks[1].start
    party = ScoredParty(as_written="Отделу культуры", span=(start + 3, start + 18), confidence=0.9)
    order = ExtractedOrder(number="1", parent=None, text=poor, span=(start, start + len(poor)), confidence=0.85,
                           responsible=[party])
    result = ParseResult(source="scan.jpg", text=document.text, document=DocumentInfo(kind="постановление"),
                         orders=[order])
    apply_read_confidence(result, document)
    assert order.confidence == 0.55
    assert party.confidence == 0.55
    assert result.read_lines == [(0, len(good), 0.95), (start, start + len(poor), 0.55)]
    assert any("Плохо распознаны" in warning and "Отделу культуры" in warning for warning in result.warnings)


def test_typed_text_keeps_the_rules_confidence():
    document = ReadDocument.build("txt", [Block(text="1. Отделу культуры провести смотр.")])
    order = ExtractedOrder(number="1", parent=None, text=document.text, span=(0, len(document.text)), confidence=0.85)
    result = ParseResult(source="act.txt", text=document.text, orders=[order])
    apply_read_confidence(result, document)
    assert order.confidence == 0.85 and result.read_lines == [] and result.warnings == []


def _tesseract_children() -> list[int]:
    """Our own child processes running tesseract (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name, rest = stat[stat.index("(") + 1:stat.rindex(")")], stat[stat.rindex(")") + 2:].split()
        if name == "tesseract" and int(rest[1]) == os.getpid() and rest[0] != "Z":
            found.append(int(entry.name))
    return found


def test_ctrl_c_kills_the_tesseract_processes(corpus):
    def interrupt(progress):
        if progress.done == 0:
            time.sleep(0.5)  # let the pool start its processes
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        read_document(corpus[LARGE][0], OcrControl(progress=interrupt))
    assert _tesseract_children() == []


def test_parse_marks_fields_from_poorly_read_lines():
    from cli.parse_cmd import summary

    poor = "1. Отделу культуры провести смотр до 1 марта 2026 года."
    document = ReadDocument.build("image", [Block(text="РАСПОРЯЖЕНИЕ", confidence=0.96),
                                            Block(text="от 12.03.2026 № 5-р", confidence=0.95),
                                            Block(text=poor, confidence=0.52)])
    result = parse_file_from(document)
    text = summary(result)
    assert "Номер:      5-р\n" in text
    assert "Отдел культуры (?)" in text and "Срок: 01.03.2026 (?)" in text


def parse_file_from(document: ReadDocument) -> ParseResult:
    from parsers.extract import extract

    result = extract(document, source="scan.png")
    apply_read_confidence(result, document)
    return result


# -- item numbers Tesseract's Russian model misreads, put back from the sequence ----------------

U = UNREAD_NUMBER


@pytest.mark.parametrize(("read", "restored"), [
    # a lone «1.» before a tab read as a letter: the next item read is 2 (or its sub-item 1.1)
    (["ПОСТАНОВЛЯЮ:", U + "Ч Утвердить список.", "2. Отделу культуры"], ["ПОСТАНОВЛЯЮ:", "1. Утвердить список.", "2. Отделу культуры"]),
    (["1 августа 2023 года", U + "Е Управлению:", "1.1. Совместно"], ["1 августа 2023 года", "1. Управлению:", "1.1. Совместно"]),
    # two unread in a row, then a sub-item of the second
    ([U + "Ч Утвердить.", U + "Ра. Заместителям:", "2.1. довести"], ["1. Утвердить.", "2. Заместителям:", "2.1. довести"]),
    # between items 2 and 4, whatever the letters
    (["2. Зам", U + "В, Министерству", "4. Мин"], ["2. Зам", "3. Министерству", "4. Мин"]),
    # a Ze for a 3, a comma for a point, an 8 for a 3
    (["2.Областной", "З.Рекомендовать", "4.Управлению"], ["2.Областной", "3. Рекомендовать", "4.Управлению"]),
    (["1. Внести", "1.5.3. Пункт", "2, Настоящее", "8. Контроль за"], ["1. Внести", "1.5.3. Пункт", "2. Настоящее", "3. Контроль за"]),
    # where the neighbours say nothing, the words stay as read; initials and dates are no numbers
    (["Текст", U + "В соответствии", "Другое"], ["Текст", "В соответствии", "Другое"]),
    (["З.И. Петрова", "30.06.2023 № 1611-п", U + "Е Управлению", "2. Зам"], ["З.И. Петрова", "30.06.2023 № 1611-п", "1. Управлению", "2. Зам"]),
])
def test_misread_item_numbers_are_restored_from_their_neighbours(read, restored):
    assert [text for text, _ in fill_item_numbers([(text, 0.9) for text in read])] == restored


def test_a_lettered_item_read_as_a_digit_is_a_letter_again():
    read = ["2. Комитету:", "а) провести обследование;", "6) обеспечить запас;", "в) организовать дежурство.",
            "1) предусмотреть резерв;", "2) информировать."]
    restored = [text for text, _ in fill_item_numbers([(text, 0.9) for text in read])]
    assert restored == ["2. Комитету:", "а) провести обследование;", "б) обеспечить запас;",
                        "в) организовать дежурство.", "1) предусмотреть резерв;", "2) информировать."]


def test_ctrl_c_in_tracker_parse_stops_the_forked_reader_and_its_tesseracts(corpus, tmp_path):
    tracker = Path(sys.executable).parent / "tracker"
    scans = [str(corpus[LARGE][0]), str(corpus[AS_PDF[0]][0]), str(corpus[AS_PDF[1]][0])]
    process = subprocess.Popen([str(tracker), "parse", *scans], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               start_new_session=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    first = process.stderr.readline().decode()  # the first page is recognised: OCR is under way
    assert "распознано страниц 1 из 2" in first
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 130 and "прервано" in err.decode()
    assert scans[-1] not in out.decode()  # the files after it were not read
    left = subprocess.run(["pgrep", "-g", str(process.pid)], capture_output=True, text=True).stdout.split()
    assert left == []


@pytest.mark.parametrize(("skew", "turn"), [(3.5, 0), (0.6, 180), (0.6, 90)],
                         ids=["skewed 3.5 degrees", "upside down", "sideways"])
def test_a_skewed_or_turned_page_is_straightened_before_it_is_read(tmp_path, skew, turn):
    stem = AS_PDF[1]
    page = scanned_pages(act_text(stem), Print(skew_degrees=skew))[0].rotate(turn, expand=True)
    path = tmp_path / "page.png"
    page.save(path)
    result = parse_file(path)
    assert [o.number for o in result.orders] == [o["number"] for o in golden(stem)["orders"]]
    assert result.document.number == golden(stem)["doc"]["number"]


def test_a_multipage_tiff_is_read_page_after_page(tmp_path):
    pages = scanned_pages(act_text(LARGE), Print(font_pt=19.0))
    path = tmp_path / "скан.tiff"
    pages[0].save(path, save_all=True, append_images=pages[1:], compression="tiff_lzw", dpi=(200, 200))
    seen = []
    document = read_document(path, OcrControl(progress=seen.append))
    assert seen[-1].total == 2 and document.format == "image"
    assert document.blocks[-1].text.endswith("Е.Н. Кравцов")


def test_the_import_preview_names_the_fields_from_poorly_read_lines():
    from tracker.control.preview import preview_from_parse

    poor = "1. Отделу культуры провести смотр до 1 марта 2026 года."
    result = parse_file_from(ReadDocument.build("image", [
        Block(text="РАСПОРЯЖЕНИЕ", confidence=0.96), Block(text="от 12.03.2026 № 5-р", confidence=0.95),
        Block(text=poor, confidence=0.52), Block(text="2. Отделу спорта провести турнир до 1 мая 2026 года.",
                                                 confidence=0.97)]))
    preview = preview_from_parse(result)
    first, second = preview.orders
    assert first.poorly_read and first.unsure == ["responsible", "deadline"] and first.read_confidence == 0.52
    assert not second.poorly_read and second.unsure == [] and second.read_confidence == 0.97
    start = result.text.index(poor)
    assert preview.poorly_read == [(start, start + len(poor), 0.52)]


# -- the act's details (kind, number, date, issuer) carry the read confidence of their lines ------

def poorly_read_header(number_line: float = 0.95, issuer_line: float = 0.95) -> ParseResult:
    return parse_file_from(ReadDocument.build("image", [
        Block(text="АДМИНИСТРАЦИЯ ГОРОДА СЕВЕРОГОРСКА", confidence=issuer_line),
        Block(text="РАСПОРЯЖЕНИЕ", confidence=0.96),
        Block(text="от 12.03.2026 № 5-р", confidence=number_line),
        Block(text="1. Отделу культуры провести смотр до 1 апреля 2026 года.", confidence=0.97)]))


def test_a_poorly_read_number_line_makes_the_number_and_the_date_unsure_and_nothing_else():
    result = poorly_read_header(number_line=0.52)
    doc = result.document
    assert (doc.number, doc.date) == ("5-р", date(2026, 3, 12))
    assert doc.confidence["number"] == doc.confidence["date"] == 0.52
    assert doc.confidence["kind"] >= 0.8 and doc.confidence["issuer"] >= 0.8
    assert result.to_json()["document"]["confidence"]["number"] == 0.52
    assert any("Реквизиты акта взяты из плохо распознанных строк" in warning
               and "номер, дата — «от 12.03.2026 № 5-р»" in warning for warning in result.warnings)


def test_a_poorly_read_letterhead_makes_the_issuer_unsure():
    doc = poorly_read_header(issuer_line=0.6).document
    assert doc.issuer and doc.confidence["issuer"] == 0.6
    assert doc.confidence["number"] >= 0.8 and doc.confidence["kind"] >= 0.8


def test_tracker_parse_marks_the_details_of_a_poorly_read_header_line():
    from cli.parse_cmd import summary

    text = summary(poorly_read_header(number_line=0.52))
    assert "Номер:      5-р (?)\n" in text and "Дата:       12.03.2026 (?)\n" in text
    assert "Вид акта:   распоряжение\n" in text
    assert "Отдел культуры (?)" not in text  # the order's line was read well
    well_read = summary(poorly_read_header())
    assert "Номер:      5-р\n" in well_read and "(?)" not in well_read


def test_the_review_lists_the_details_of_a_poorly_read_header_line():
    from tracker.control.preview import preview_from_parse

    preview = preview_from_parse(poorly_read_header(number_line=0.52))
    assert preview.unsure == ["number", "date"]
    assert not preview.orders[0].poorly_read
    assert "«от 12.03.2026 № 5-р»" in preview.warnings[0]


def test_a_smudged_number_line_of_a_real_scan_is_marked_unsure(tmp_path):
    """A scan whose number line is smudged (a thick noisy blot over it): Tesseract reads it with
    low confidence, and the number and date it gives are marked for checking."""
    import numpy as np
    from PIL import Image

    style = Print(seed=5)
    text = "РАСПОРЯЖЕНИЕ\nот 12.03.2026 № 5-р\n1. Отделу культуры провести смотр до 1 марта 2026 года.\n"
    page = typeset(text, style)[0]
    line_step = round(style.font_pt / 72 * style.dpi * 1.25)
    top = round(20 / 25.4 * style.dpi) + line_step + line_step // 2  # the second paragraph's line
    pixels = np.asarray(page, dtype=np.float32)
    rng = np.random.default_rng(5)
    band = pixels[top:top + line_step]
    pixels[top:top + line_step] = np.clip(band * 0.6 + rng.normal(80, 40, band.shape), 0, 255)
    path = tmp_path / "скан.png"
    age(Image.fromarray(pixels.astype(np.uint8), mode="L"), style).save(path, dpi=(200, 200))
    result = parse_file(path)
    assert result.error is None
    assert (result.document.number, result.document.date) == ("5-р", date(2026, 3, 12))
    number_line = next(line for line in result.read_lines if "№ 5-р" in result.text[line[0]:line[1]])
    assert number_line[2] < 0.8
    sure = result.document.confidence
    assert sure["number"] == sure["date"] == round(number_line[2], 2) and sure["kind"] >= 0.8
