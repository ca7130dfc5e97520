"""The PDF reader's own char builder gives exactly pdfplumber's objects: keys, order and values.

parsers/readers/pdf_chars.py replaces pdfplumber's slow general walk for plain chars; every
object of every page must come out as pdfplumber makes it, or the reader's lines could move.
"""
from pathlib import Path

import pdfplumber
from builders import PdfLine, Typesetter, pdf_bytes

from parsers.readers.pdf import read_pdf
from parsers.readers.pdf_chars import fast_chars

SHARED_PDFS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev-pdf" / "docs"
PARAGRAPHS = [
    "ПОСТАНОВЛЕНИЕ",
    "от 12.03.2024 № 145-п",
    "1. Министерству образования Иркутской области обеспечить размещение сведений на "
    "официальных страницах в срок до 1 апреля 2024 года.",
    "2. Контроль за исполнением настоящего постановления возложить на заместителя Губернатора.",
]

ANNEX = ["Приложение к постановлению от 12.03.2024 № 145-п",  # with an image under it: not a scan
         "Перечень мероприятий по размещению сведений на официальных страницах органов власти",
         "1. Обеспечить размещение сведений о деятельности органов власти в срок до 1 апреля.",
         "2. Представить отчёт об исполнении в управление делами до 15 апреля 2024 года."]


def objects_both_ways(path: Path) -> tuple[list, list]:
    """Every page's objects as pdfplumber makes them, and as the fast builder makes them."""
    plain, fast = [], []
    with pdfplumber.open(path) as ours, pdfplumber.open(path) as theirs:
        for mine, reference in zip(ours.pages, theirs.pages, strict=True):
            fast.append(fast_chars(mine).objects)
            plain.append(reference.objects)
    return plain, fast


def assert_same_objects(path: Path) -> int:
    plain, fast = objects_both_ways(path)
    assert [page["char"] for page in fast if "char" in page] == [page["char"] for page in plain if "char" in page]
    # every object, its keys in order (a stream read from each opened file compares by its text)
    assert repr(fast) == repr(plain)
    return sum(len(objs) for page in plain for objs in page.values())


def sample_pdfs(tmp_path: Path) -> list[Path]:
    typeset = Typesetter().save(tmp_path / "typeset.pdf", PARAGRAPHS)
    with_image = tmp_path / "image.pdf"
    with_image.write_bytes(pdf_bytes([[PdfLine(85, 80, "ПОСТАНОВЛЕНИЕ"), PdfLine(85, 110, "Обеспечить исполнение.")],
                                      [PdfLine(85, 80 + 20 * n, line) for n, line in enumerate(ANNEX)]],
                                     image_pages={2}))
    mojibake = tmp_path / "mojibake.pdf"
    mojibake.write_bytes(pdf_bytes([[PdfLine(85, 80 + 20 * n, line) for n, line in enumerate(ANNEX)]],
                                   cyrillic_font=False))
    return [typeset, with_image, mojibake, *sorted(SHARED_PDFS.glob("*.pdf"))]


def test_the_fast_builder_gives_pdfplumbers_objects_on_every_page(tmp_path):
    counted = sum(assert_same_objects(path) for path in sample_pdfs(tmp_path))
    assert counted > 100


def test_an_image_beside_the_text_still_goes_through_pdfplumber(tmp_path):
    path = sample_pdfs(tmp_path)[1]
    plain, fast = objects_both_ways(path)
    assert repr(fast[1]["image"]) == repr(plain[1]["image"])
    assert fast[1]["image"][0]["object_type"] == "image"


def test_reading_with_the_fast_builder_gives_the_lines_pdfplumber_gives(tmp_path, monkeypatch):
    import parsers.readers.pdf_chars as chars

    for path in sample_pdfs(tmp_path):
        fast = read_pdf(path)
        monkeypatch.setattr(chars, "fast_chars", lambda page: page)
        plain = read_pdf(path)
        monkeypatch.undo()
        assert [b.text for b in fast.blocks] == [b.text for b in plain.blocks]
        assert fast.warnings == plain.warnings
