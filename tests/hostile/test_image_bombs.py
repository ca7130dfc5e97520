"""Scans that are bombs: pictures declaring more pixels than any page of an act, a TIFF of
thousands of pages or with no end, a PDF page the size of a wall, a PDF picture of 3.6 billion
pixels. Each is refused (or read within bounds) with one Russian line that names the file and
says what to do, and a fresh process reading them all stays under 300 MB.

The files are built here (bench.hostile_files): a few bytes to a few megabytes on disk each.
"""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bench.hostile_files import jpeg_bomb, pdf_picture_bomb, png_bomb, tiff_pages
from parsers.errors import ReadError
from parsers.pipeline import parse_file
from parsers.readers import read_document
from parsers.readers.ocr import OcrControl

ROOT = Path(__file__).resolve().parents[2]
MEMORY_LIMIT_MB = 300
TOO_LARGE = "слишком велико для скана страницы акта"
RESCAN = "отсканируйте акт заново с разрешением 200–300 dpi"


@pytest.fixture(scope="module")
def bombs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("picture-bombs")
    return {
        "png 30000 × 30000": png_bomb(folder / "скан.png", 30000, 30000),  # Pillow's own guard
        "png 8000 × 8000": png_bomb(folder / "скан-8000.png", 8000, 8000),  # past our 40 Mpx, under Pillow's
        "jpeg header 65000 × 65000": jpeg_bomb(folder / "скан.jpg"),
        "tiff 60000 × 60000": tiff_pages(folder / "скан.tif", 1, 60000, 60000),
        "tiff 5000 pages": tiff_pages(folder / "страницы.tiff", 5000),
        "tiff with no end": tiff_pages(folder / "петля.tif", 3, loop=True),
        "pdf page 5 × 5 m": pdf_picture_bomb(folder / "лист.pdf", 2000, 2000, page=(14400.0, 14400.0)),
    }


def one_clear_line(error: ReadError, path: Path) -> str:
    message = str(error)
    assert path.name in message and "\n" not in message and "Traceback" not in message
    return message


@pytest.mark.parametrize("kind", ["png 30000 × 30000", "png 8000 × 8000", "jpeg header 65000 × 65000",
                                  "tiff 60000 × 60000"])
def test_a_picture_past_40_million_pixels_is_refused_before_it_is_decoded(bombs, kind):
    with pytest.raises(ReadError) as caught:
        read_document(bombs[kind])
    message = one_clear_line(caught.value, bombs[kind])
    assert TOO_LARGE in message and "не больше 40 млн" in message and RESCAN in message


def test_the_size_is_named_where_the_file_gives_it(bombs):
    with pytest.raises(ReadError, match="8000 × 8000 точек, 64 млн точек"):
        read_document(bombs["png 8000 × 8000"])


def test_a_tiff_of_too_many_pages_is_refused_counting_no_further_than_the_limit(bombs, tmp_path):
    with pytest.raises(ReadError) as caught:
        read_document(bombs["tiff 5000 pages"])
    message = one_clear_line(caught.value, bombs["tiff 5000 pages"])
    assert "в файле больше 500 страниц" in message and "разделите на части" in message
    just_over = tiff_pages(tmp_path / "501.tif", 501)
    with pytest.raises(ReadError, match="больше 500 страниц"):
        read_document(just_over)


def test_a_tiff_whose_pages_loop_is_read_once_round(bombs):
    """The last page points back at the first: each of its three (blank) pages is read once."""
    seen = []
    with pytest.raises(ReadError) as caught:
        read_document(bombs["tiff with no end"], OcrControl(progress=seen.append))
    assert "не нашло на скане ни строки" in one_clear_line(caught.value, bombs["tiff with no end"])
    assert seen[-1].total == 3


def test_a_pdf_page_larger_than_a0_is_refused_by_its_size(bombs):
    with pytest.raises(ReadError) as caught:
        read_document(bombs["pdf page 5 × 5 m"])
    message = one_clear_line(caught.value, bombs["pdf page 5 × 5 m"])
    assert "страница 1 PDF — лист 508 × 508 см, больше листа A0" in message and "на листах A4" in message


def test_a_later_page_too_large_is_named_by_its_number(tmp_path):
    """Pages are checked one by one as they are reached: the first here is a small blank one."""
    path = tiff_pages(tmp_path / "скан.tif", 3, sizes={2: (9000, 9000)})
    with pytest.raises(ReadError) as caught:
        read_document(path)
    message = one_clear_line(caught.value, path)
    assert "страница 2 скана слишком велика для скана страницы акта: 9000 × 9000 точек, 81 млн точек" in message


def test_a_600_dpi_photograph_is_read_at_300_dpi(tmp_path):
    """A large picture finer than Tesseract needs (a phone's photo, a 600 dpi scan) is decoded
    small (JPEG) or shrunk, and still read: the act's orders come out as from a 200 dpi scan."""
    sys.path.insert(0, str(ROOT / "tests" / "parsers"))
    from scans import Print, typeset

    stem = "02-postanovlenie-zarechnyj-okrug"
    text = (ROOT / "tracker" / "samples" / "acts" / f"{stem}.txt").read_text(encoding="utf-8")
    path = tmp_path / "фото.jpg"
    typeset(text, Print(dpi=600))[0].convert("RGB").save(path, quality=90)  # 35 Mpx, no dpi stated
    gold = json.loads((ROOT / "tests" / "golden" / "acts" / f"{stem}.json").read_text(encoding="utf-8"))
    result = parse_file(path)
    assert result.error is None
    assert [order.number for order in result.orders][:3] == [order["number"] for order in gold["orders"]][:3]


# The peak is VmHWM of the child's own memory map (ru_maxrss would carry over pytest's).
MEASURE = textwrap.dedent("""
    import re, sys
    from parsers.readers import read_document
    from parsers.errors import ParserError
    for name in sys.argv[1:]:
        try:
            read_document(name)
            print("read")
        except ParserError as error:
            print(type(error).__name__)
    status = open("/proc/self/status").read()
    print(int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1)) // 1024)
""")


def test_memory_stays_under_300_mb_on_every_picture_bomb(bombs, tmp_path):
    """A fresh process reads every bomb, and a PDF whose one picture is 60,000 × 60,000 pixels
    (3.6 GB decoded, 3.5 MB on disk): PDFium draws it at the page's resolution without decoding
    it whole, and the OCR finds the black page empty."""
    picture = pdf_picture_bomb(tmp_path / "картинка.pdf", 60000, 60000)
    done = subprocess.run([sys.executable, "-c", MEASURE, *map(str, bombs.values()), str(picture)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600, check=True)
    lines = done.stdout.split()
    assert lines[:-1] == ["ReadError"] * (len(bombs) + 1)
    assert int(lines[-1]) < MEMORY_LIMIT_MB


def test_tracker_parse_says_one_line_and_no_traceback(bombs):
    done = subprocess.run([sys.executable, "-m", "cli.main", "parse", str(bombs["jpeg header 65000 × 65000"]),
                           str(bombs["tiff 5000 pages"])], cwd=ROOT, capture_output=True, text=True, timeout=300)
    output = done.stdout + done.stderr
    assert done.returncode != 0 and "Traceback" not in output
    assert TOO_LARGE in output and "больше 500 страниц" in output
