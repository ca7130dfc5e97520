"""The real files the fuzzing starts from: the bundled sample acts and registry, turned into every
format the readers take. Built once per session, nothing downloaded; .pdf through the PDF builder
the reader tests use (tests/parsers/builders.py), .odt with odfpy, .docx with python-docx."""
from __future__ import annotations

import csv
import importlib.util
import io
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ACTS = ROOT / "tracker" / "samples" / "acts"
REGISTRY = ROOT / "tracker" / "samples" / "registry" / "registry-sample.csv"
ACT_NAMES = ("02-postanovlenie-zarechnyj-okrug.txt", "03-rasporyazhenie-podpunkty.txt",
             "05-protokol-soveshchaniya.txt")


def act_lines(name: str) -> list[str]:
    return [line for line in (ACTS / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def docx_seed(lines: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for number, line in enumerate(lines):
        if number == len(lines) // 2:
            table = document.add_table(rows=1, cols=2)
            table.cell(0, 0).text, table.cell(0, 1).text = line[:40], line[40:]
        elif line[:2].rstrip(".").isdigit():
            document.add_paragraph(line, style="List Number")
        else:
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_seed(lines: list[str]) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, List, ListItem, P

    document = OpenDocumentText()
    items = List()
    for number, line in enumerate(lines):
        if number == 1:
            document.text.addElement(H(outlinelevel=1, text=line))
        elif line[:2].rstrip(".").isdigit():
            item = ListItem()
            item.addElement(P(text=line))
            items.addElement(item)
        else:
            document.text.addElement(P(text=line))
    document.text.addElement(items)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def rtf_seed(lines: list[str]) -> bytes:
    def escape(text: str) -> str:
        out = []
        for char in text:
            if char in "\\{}":
                out.append("\\" + char)
            elif ord(char) < 128:
                out.append(char)
            else:
                try:
                    out.append("".join(f"\\'{byte:02x}" for byte in char.encode("cp1251")))
                except UnicodeEncodeError:
                    out.append(f"\\u{ord(char)}?")
        return "".join(out)

    body = "".join(f"{{\\pard {escape(line)}\\par}}\n" for line in lines)
    return ("{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n" + body + "}").encode("ascii")


def pdf_seed(lines: list[str]) -> bytes:
    spec = importlib.util.spec_from_file_location("pdf_builders", ROOT / "tests" / "parsers" / "builders.py")
    builders = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("pdf_builders", builders)  # dataclasses look their module up
    spec.loader.exec_module(builders)
    page = [builders.PdfLine(70, 60 + 16 * row, line[:80]) for row, line in enumerate(lines[:40])]
    return builders.pdf_bytes([page, page[:5]])


def registry_rows(count: int = 25) -> list[list[str]]:
    with open(REGISTRY, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))[: count + 1]


def csv_seed() -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(registry_rows())
    return buffer.getvalue().encode("utf-8")


def xlsx_seed() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Реестр"
    for row in registry_rows():
        sheet.append([int(cell) if cell.isdigit() and len(cell) < 6 else cell for cell in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


_TIMESTAMP = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z?")


def frozen_zip(data: bytes) -> bytes:
    """The same zip with fixed member dates and fixed dates inside (core.xml, meta.xml), so the seeds
    and hence every mutated input are the same bytes on every run (derandomize needs that)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [(info.filename, info.compress_type, archive.read(info)) for info in archive.infolist()]
    return rezip([(name, kind, _TIMESTAMP.sub(b"2026-01-01T00:00:00Z", content)) for name, kind, content in members])


def rezip(members: list[tuple[str, int, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, kind, content in members:
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), content, compress_type=kind)
    return buffer.getvalue()


def build_seeds() -> dict[str, list[bytes]]:
    """format -> seed files (suffix without the dot), the same bytes on every run."""
    acts = [act_lines(name) for name in ACT_NAMES]
    return {
        "docx": [frozen_zip(docx_seed(lines)) for lines in acts],
        "odt": [frozen_zip(odt_seed(lines)) for lines in acts],
        "rtf": [rtf_seed(lines) for lines in acts],
        "pdf": [pdf_seed(lines) for lines in acts[:2]],
        "txt": [(ACTS / name).read_bytes() for name in ACT_NAMES],
        "csv": [csv_seed()],
        "xlsx": [frozen_zip(xlsx_seed())],
    }


SCAN_TEXT = """РАСПОРЯЖЕНИЕ
от 2 февраля 2026 г. № 57-р
1. Управлению ЖКХ обеспечить готовность насосов до 1 марта 2026 года.
2. Отделу ГО и ЧС провести учения до 15 марта 2026 года."""
SCAN_DPI = 150


def scan_picture():  # noqa: ANN201 - a PIL image
    """A strip of a scanned act (grey, noisy, slightly skewed) at 150 dpi: small, so that each
    mutated copy costs Tesseract a fraction of a second, and yet real text with item numbers."""
    sys.path.insert(0, str(ROOT / "tests" / "parsers"))
    from scans import Print, age, typeset

    style = Print(dpi=SCAN_DPI, seed=7)
    page = typeset(SCAN_TEXT, style)[0]
    return age(page.crop((0, 0, page.width, page.info["text_bottom"] + 20)), style)


def scan_seeds() -> dict[str, list[bytes]]:
    """The strip as .jpg, .png, .tif (LZW, and a two-page uncompressed one) and an image-only .pdf."""
    import time

    picture = scan_picture()

    def saved(fmt: str, **options: object) -> bytes:
        buffer = io.BytesIO()
        picture.save(buffer, fmt, **options)
        return buffer.getvalue()

    fixed = time.gmtime(1767225600)  # 2026-01-01: the PDF's dates, so the seed is the same bytes every run
    return {
        "jpg": [saved("JPEG", quality=80, dpi=(SCAN_DPI, SCAN_DPI))],
        "png": [saved("PNG", dpi=(SCAN_DPI, SCAN_DPI))],
        "tif": [saved("TIFF", compression="tiff_lzw", dpi=(SCAN_DPI, SCAN_DPI)),
                saved("TIFF", save_all=True, append_images=[picture.rotate(180)], dpi=(SCAN_DPI, SCAN_DPI))],
        "pdf": [saved("PDF", resolution=float(SCAN_DPI), quality=80, creationDate=fixed, modDate=fixed)],
    }
