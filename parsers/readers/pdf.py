"""PDF acts (pdfplumber): text lines back into the paragraphs they were typed as.

A PDF holds positioned lines, not paragraphs. This reader drops running page numbers,
headers and footers (bare numbers, and lines repeated at the top or bottom of pages),
then joins wrapped lines: a line continues the previous one unless it starts an item
(«1.», «1.1.», «2-1.», «а)», a dash), is set apart by a larger vertical gap or a first-line
indent, or its first word would have fitted on the previous line (so that line was ended
by hand). Words hyphenated across lines are rejoined; real compounds keep their hyphen.
Pages without a text layer (scans) are recognised by OCR (parsers/readers/ocr.py) into the
same lines, page by page, so a PDF with typed pages and scanned ones reads as one act.
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from parsers.errors import ReadError
from parsers.model import Block, ReadDocument
from parsers.readers.hyphens import join_hyphenated
from parsers.readers.limits import MAX_PDF_PAGES

if TYPE_CHECKING:
    from parsers.readers.ocr import OcrControl

ITEM_START = re.compile(
    r'^[«"]?(?:\d{1,3}(?:[.\-]\d{1,3})*[.)]|[а-яёa-z][)]|[IVXLC]{1,6}\.|[•·▪●]|§\s*\d)\s'
)
DASH_START = re.compile(r"^[-–—]\s")
PAGE_NUMBER = re.compile(
    r"^[-–—\s]*(?:(?:стр\.?|страница|лист)\s*)?\d{1,4}(?:\s*(?:из|/)\s*\d{1,4})?[-–—\s]*$", re.IGNORECASE
)
EDGE_ZONE = 0.14  # share of the page height where running headers and footers live
EDGE_LINES = 2  # how many lines at each edge of a page may be running ones
COLUMN_GAP = 2.5  # a gap wider than this many font sizes separates table cells
MIN_TEXT_CHARS = 20  # fewer letters than this in the whole file: no text layer
SCAN_PAGE_LETTERS = 150  # a page of an act holds thousands of letters; a stamp over a scan, a few


@dataclass(slots=True)
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    size: float
    first_word_width: float
    # Parts of the line set far apart (cells of a borderless table row): (x0, x1, text).
    segments: list[tuple[float, float, str]] = field(default_factory=list)
    confidence: float | None = None  # mean word confidence, 0..1, for a line read by OCR


def read_pdf(path: Path, ocr: OcrControl | None = None) -> ReadDocument:
    pages, heights, widths, images_only = _extract_lines(path)
    if images_only:
        from parsers.readers.images import recognise_pdf_pages

        for number, lines in recognise_pdf_pages(path, images_only, ocr).items():
            pages[number - 1] = lines
    lines = [line for page in pages for line in page]
    letters = sum(ch.isalnum() for line in lines for ch in line.text)
    unmapped = sum(line.text.count("(cid:") for line in lines)
    if unmapped * 4 > max(letters, 1) and letters >= MIN_TEXT_CHARS:
        raise ReadError(str(path), "текст в PDF записан шрифтами без таблицы символов и не извлекается",
                        "Нужно распознавание текста (OCR) или исходный файл акта (.docx)")
    if letters < MIN_TEXT_CHARS:
        scanned = "распознавание текста (OCR) не нашло на скане ни строки" if images_only else "в PDF нет текста"
        raise ReadError(str(path), scanned,
                        "Проверьте, что это нужный файл; плохой скан отсканируйте заново (300 dpi, без наклона)")
    warnings = []
    if is_mojibake(lines):
        for line in lines:
            line.text = from_misread_cp1251(line.text)
            line.segments = [(x0, x1, from_misread_cp1251(text)) for x0, x1, text in line.segments]
        warnings.append("русский текст в PDF был записан в неверной кодировке и перекодирован из Windows-1251")
    if images_only:
        listed = ", ".join(str(n) for n in images_only[:10])
        warnings.append(f"страницы {listed} — сканы: их текст распознан (OCR), сверьте поручения с оригиналом")
    body = drop_running_lines(pages, heights)
    found = paragraphs(body, page_width=max(widths, default=0.0))
    if images_only:
        from parsers.readers.item_numbers import fill_item_numbers

        found = fill_item_numbers(found)
    blocks = [Block(text=text, confidence=confidence) for text, confidence in found if text]
    return ReadDocument.build("pdf", blocks, warnings)


def _is_scanned_page(page, lines: list[Line]) -> bool:  # noqa: ANN001
    """A page that is a picture: images cover most of it and it holds almost no text
    (a stamp or a «подписано ЭП» line over a scan). A scan with an OCR text layer is text."""
    letters = sum(ch.isalnum() for line in lines for ch in line.text)
    if letters >= SCAN_PAGE_LETTERS or not page.images:
        return False
    area = float(page.width * page.height) or 1.0
    covered = sum(max(0.0, float(image["x1"] - image["x0"])) * max(0.0, float(image["bottom"] - image["top"]))
                  for image in page.images)
    return covered / area > 0.4 or not lines


def is_mojibake(lines: list[Line]) -> bool:
    """Windows-1251 bytes shown as Latin-1 («Ïîñòàíîâëåíèå»): many À..ÿ letters, no Cyrillic."""
    latin1 = cyrillic = 0
    for line in lines:
        for ch in line.text:
            if "\u00c0" <= ch <= "\u00ff":
                latin1 += 1
            elif "\u0400" <= ch <= "\u04ff":
                cyrillic += 1
    return latin1 >= MIN_TEXT_CHARS and cyrillic * 10 < latin1


def from_misread_cp1251(text: str) -> str:
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1252").decode("cp1251"))
        except (UnicodeEncodeError, UnicodeDecodeError):
            out.append(ch)
    return "".join(out)


def _extract_lines(path: Path) -> tuple[list[list[Line]], list[float], list[float], list[int]]:
    """Lines per page, page heights and widths, and the numbers of pages with images but no text."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    from parsers.readers.pdf_chars import fast_chars

    pages: list[list[Line]] = []
    heights: list[float] = []
    widths: list[float] = []
    images_only: list[int] = []
    try:
        with pdfplumber.open(path) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise ReadError(str(path), f"в PDF {len(pdf.pages)} страниц (допускается не больше {MAX_PDF_PAGES})",
                                "Проверьте, что это нужный акт; большой документ разделите на части")
            for number, page in enumerate(pdf.pages, 1):
                lines = _page_lines(_without_overprinted_chars(fast_chars(page)), number)
                if _is_scanned_page(page, lines):
                    images_only.append(number)
                pages.append(lines)
                heights.append(float(page.height))
                widths.append(float(page.width))
                page.close()
    except ReadError:
        raise
    except Exception as error:  # pdfminer wraps its own errors; damaged files raise many kinds
        if _is_password_error(error, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ReadError(str(path), "PDF защищён паролем (зашифрован)",
                            "Снимите защиту (откройте с паролем и сохраните копию без пароля) "
                            "или запросите незащищённый файл") from None
        damaged = (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError,
                   AssertionError, IndexError, OSError, RecursionError, ZeroDivisionError)
        if isinstance(error, damaged) or type(error).__module__.startswith(("pdfminer", "pdfplumber")):
            raise ReadError(str(path), "PDF повреждён или обрезан и не читается",
                            "Откройте его в программе просмотра PDF и сохраните заново, "
                            "или возьмите исходный файл ещё раз") from None
        raise
    return pages, heights, widths, images_only


def _without_overprinted_chars(page):  # noqa: ANN001, ANN202
    """The page without chars drawn twice at (almost) one spot, as «fake bold» does.

    pdfplumber's own dedupe_chars costs a third of the reading time; a hash of the rounded
    position does the same job for what acts contain.
    """
    seen: set[tuple] = set()
    duplicates: set[int] = set()
    for char in page.chars:
        key = (char["text"], round(char["x0"]), round(char["top"]))
        if key in seen:
            duplicates.add(id(char))
        seen.add(key)
    if not duplicates:
        return page
    return page.filter(lambda obj: id(obj) not in duplicates)


def _is_password_error(error: BaseException, kinds: tuple[type, ...]) -> bool:
    """pdfplumber wraps pdfminer's PDFPasswordIncorrect in PdfminerException: look inside."""
    seen: set[int] = set()
    pending: list[object] = [error]
    while pending:
        current = pending.pop()
        if not isinstance(current, BaseException) or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, kinds) or "password" in type(current).__name__.lower():
            return True
        pending.extend([*current.args, current.__cause__, current.__context__])
    return False


def _page_lines(page, number: int) -> list[Line]:  # noqa: ANN001
    lines: list[Line] = []
    for raw in page.extract_text_lines(strip=True, return_chars=True):
        text = re.sub(r"\s+", " ", raw["text"]).strip()
        if "\u00ad" in text[:-1]:  # soft hyphens inside a line are invisible
            text = text[:-1].replace("\u00ad", "") + text[-1]
        if not text:
            continue
        chars = [ch for ch in raw.get("chars", []) if not ch["text"].isspace()]
        sizes = [float(ch.get("size") or 0) for ch in chars] or [10.0]
        size = statistics.median(sizes)
        words = _word_boxes(text, chars)
        if words:
            width = words[0][1] - words[0][0]
        else:
            width = len(text.split(" ", 1)[0]) * size * 0.5
        lines.append(Line(text=text, x0=float(raw["x0"]), x1=float(raw["x1"]), top=float(raw["top"]),
                          bottom=float(raw["bottom"]), page=number, size=size, first_word_width=float(width),
                          segments=_segments(words, size)))
    lines.sort(key=lambda line: (round(line.top), line.x0))
    return lines


def _word_boxes(text: str, chars: list[dict]) -> list[tuple[float, float, str]]:
    """(x0, x1, word) for each word of the line; [] when text and chars do not line up."""
    words = text.split(" ")
    if sum(len(word) for word in words) != len(chars):
        return []
    boxes, index = [], 0
    for word in words:
        part = chars[index:index + len(word)]
        index += len(word)
        boxes.append((float(part[0]["x0"]), float(part[-1]["x1"]), word))
    return boxes


def _segments(words: list[tuple[float, float, str]], size: float) -> list[tuple[float, float, str]]:
    """Split a line at column gaps (cells of a borderless table row); [] if it is one run of text.

    A column gap is wide (COLUMN_GAP font sizes) and, where the line has other gaps to compare
    with, several times its narrowest one: a justified line spreads all its gaps evenly.
    """
    gaps = [b[0] - a[1] for a, b in zip(words, words[1:], strict=False)]
    if not gaps:
        return []
    narrowest = min(gaps)
    groups: list[list[tuple[float, float, str]]] = [[words[0]]]
    for gap, word in zip(gaps, words[1:], strict=False):
        if gap > COLUMN_GAP * size and (len(gaps) == 1 or gap > 3 * max(narrowest, 0.1 * size)):
            groups.append([word])
        else:
            groups[-1].append(word)
    if len(groups) < 2:
        return []
    return [(group[0][0], group[-1][1], " ".join(word[2] for word in group)) for group in groups]


# -- running headers, footers and page numbers ------------------------------------------------


def _shape(text: str) -> str:
    """A line's text with numbers blanked, so «Страница 2» and «Страница 3» compare equal."""
    return re.sub(r"\d+", "#", text.lower()).strip()


def _is_running(line: Line, repeated: set[str]) -> bool:
    return bool(PAGE_NUMBER.match(line.text)) or _shape(line.text) in repeated


def _edge_candidates(page: list[Line], height: float) -> list[Line]:
    """Up to EDGE_LINES lines at the top and at the bottom of a page, inside the margins."""
    top = [line for line in page[:EDGE_LINES] if line.bottom <= height * EDGE_ZONE]
    bottom = [line for line in page[-EDGE_LINES:] if line.top >= height * (1 - EDGE_ZONE)]
    return top + [line for line in bottom if line not in top]


def drop_running_lines(pages: list[list[Line]], heights: list[float]) -> list[Line]:
    """All lines in reading order without page numbers and lines repeated at page edges.

    Lines are peeled from each edge inwards: the second line from the top is a running one
    only if the first was too, so a bare number in the body is never taken for a page number.
    """
    shapes = Counter(shape for page, height in zip(pages, heights, strict=False)
                     for shape in {_shape(line.text) for line in _edge_candidates(page, height)})
    pages_with_text = sum(1 for page in pages if page)
    repeated = {shape for shape, count in shapes.items()
                if pages_with_text >= 2 and count >= 2 and count >= pages_with_text / 2}
    body: list[Line] = []
    for page, height in zip(pages, heights, strict=False):
        first, last = 0, len(page)
        while first < min(EDGE_LINES, last) and page[first].bottom <= height * EDGE_ZONE \
                and _is_running(page[first], repeated):
            first += 1
        while last > first and len(page) - last < EDGE_LINES and page[last - 1].top >= height * (1 - EDGE_ZONE) \
                and _is_running(page[last - 1], repeated):
            last -= 1
        body.extend(page[first:last])
    return body


# -- joining wrapped lines ----------------------------------------------------------------------


def _line_pitch(lines: list[Line]) -> float:
    """The usual step between wrapped lines: a low percentile, as many steps are paragraph gaps."""
    steps = sorted(b.top - a.top for a, b in zip(lines, lines[1:], strict=False)
                   if a.page == b.page and 0.9 * max(a.size, 1) < b.top - a.top < 4 * max(a.size, 1))
    return steps[int(0.2 * (len(steps) - 1))] if steps else 14.0


def _right_edge(lines: list[Line], left: float, page_width: float) -> float:
    """The right edge of the text block: the widest line that is not a table row, and at least
    the mirror of the left margin (a short act may have no line that reaches the edge)."""
    ends = [line.x1 for line in lines if not line.segments] or [line.x1 for line in lines]
    widest = max(ends) if ends else 0.0
    return max(widest, page_width - left) if page_width > 2 * left else widest


def _left_edge(lines: list[Line]) -> float:
    starts = Counter(round(line.x0) for line in lines)
    return float(min(starts.most_common(3))[0]) if starts else 0.0


def starts_paragraph(previous: Line, line: Line, pitch: float, right: float, left: float,
                     previous_text: str) -> bool:
    """Whether `line` begins a new paragraph rather than continuing `previous`."""
    if ITEM_START.match(line.text):
        return True
    if DASH_START.match(line.text) and previous_text.rstrip().endswith((";", ":", ".", "!", "?")):
        return True  # a dash item after the end of a clause, not a dash wrapped to a new line
    if previous.page == line.page and line.top - previous.top > 1.3 * pitch:
        return True
    space = 0.28 * max(line.size, 1)
    if previous.x1 + space + line.first_word_width < right - 1:
        return True  # the word would have fitted: the previous line was ended by hand
    indent = 0.8 * max(line.size, 1)
    centred = abs((line.x0 - left) - (right - line.x1)) < 2 * max(line.size, 1)
    if line.x0 > previous.x0 + indent and abs(previous.x0 - left) < indent and not centred:
        return True  # first-line indent after a full-width line (a centred title's last line is none)
    return False


def _cell_of(row: Line, line: Line, pitch: float) -> int | None:
    """Index of the cell of table row `row` that `line` continues (a wrapped cell), or None."""
    if not row.segments or row.page != line.page or line.top - row.top > 1.3 * pitch * 4:
        return None
    if ITEM_START.match(line.text):
        return None
    starts = [segment[0] for segment in row.segments]
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else float("inf")
        low = start - 3 * max(line.size, 1) if index else float("-inf")
        if low <= line.x0 and line.x1 < end:
            return index
    return None


def join_lines(lines: list[Line], page_width: float = 0.0) -> list[str]:
    """Paragraph texts from lines in reading order."""
    return [text for text, _ in paragraphs(lines, page_width)]


def paragraphs(lines: list[Line], page_width: float = 0.0) -> list[tuple[str, float | None]]:
    """Paragraph texts from lines in reading order, each with the mean confidence of the OCR'd
    lines it joins (None where no line came from OCR)."""
    if not lines:
        return []
    left = _left_edge(lines)
    pitch, right = _line_pitch(lines), _right_edge(lines, left, page_width)
    paragraphs: list[str] = [lines[0].text]
    members: list[list[Line]] = [[lines[0]]]
    row: Line | None = lines[0] if lines[0].segments else None
    cells: list[str] = [segment[2] for segment in lines[0].segments]
    previous = lines[0]
    for line in lines[1:]:
        cell = _cell_of(row, line, pitch) if row is not None and line.top - previous.top <= 1.3 * pitch else None
        if row is not None and cell is not None:
            cells[cell] = join_hyphenated(cells[cell], line.text)
            paragraphs[-1] = " ".join(cells)
            members[-1].append(line)
            previous = line
            continue
        row = None
        if starts_paragraph(previous, line, pitch, right, left, paragraphs[-1]):
            paragraphs.append(line.text)
            members.append([line])
            if line.segments:
                row, cells = line, [segment[2] for segment in line.segments]
        else:
            paragraphs[-1] = join_hyphenated(paragraphs[-1], line.text)
            members[-1].append(line)
        previous = line
    return [(re.sub(r"\s+", " ", text).strip(), _mean_confidence(group))
            for text, group in zip(paragraphs, members, strict=True)]


def _mean_confidence(lines: list[Line]) -> float | None:
    read = [line.confidence for line in lines if line.confidence is not None]
    return sum(read) / len(read) if read else None
