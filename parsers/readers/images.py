"""Scans: picture files (.jpg, .png, .tif/.tiff, every page of a multi-page TIFF) and the
picture-only pages of a PDF, read through OCR (parsers/readers/ocr.py) into blocks.

The recognised lines go through the PDF reader's own steps (running headers and page numbers
dropped, wrapped lines joined into paragraphs), so the rules see a scan as they see a PDF.
Each block carries the mean word confidence of its lines.

A picture is a cheap bomb (a few bytes declaring 65,000 × 65,000 pixels, a TIFF of a million
pages, a PDF page the size of a wall): every page's declared size is checked before it is
decoded (MAX_PAGE_PIXELS), pages are decoded one at a time as the OCR workers free up, a TIFF's
pages are counted only up to the limit, and a PDF page is rendered at a resolution that fits.
"""
from __future__ import annotations

import math
import re
import struct
import warnings
from collections.abc import Iterator
from pathlib import Path

from parsers.errors import ReadError
from parsers.model import Block, ReadDocument
from parsers.readers.item_numbers import fill_item_numbers
from parsers.readers.limits import MAX_PAGE_PIXELS, MAX_PDF_PAGES
from parsers.readers.ocr import OcrControl, PagePicture, recognise
from parsers.readers.pdf import Line, drop_running_lines, paragraphs

A4_WIDTH_INCHES = 210 / 25.4
MIN_DPI, MAX_DPI, DEFAULT_DPI = 150.0, 300.0, 300.0
# A picture larger than this (A4 at 300 dpi is 8.7 million pixels) and finer than MAX_DPI is read
# at MAX_DPI: Tesseract reads 300 dpi as well as more, and the page costs a fraction of the memory.
LARGE_PICTURE = 12_000_000
A0_CM = (84, 119)
EXIF_ORIENTATION = 0x0112
# EXIF orientation -> the PIL.Image.Transpose that stands the picture as shot (ImageOps.exif_transpose's table)
TURNS = {2: "FLIP_LEFT_RIGHT", 3: "ROTATE_180", 4: "FLIP_TOP_BOTTOM", 5: "TRANSPOSE", 6: "ROTATE_270",
         7: "TRANSVERSE", 8: "ROTATE_90"}
PAGE_ADVICE = "Проверьте, что это нужный акт; большой документ разделите на части"


def read_image(path: Path, ocr: OcrControl | None = None) -> ReadDocument:
    """A scanned act saved as pictures: one page per frame, each decoded when the OCR asks for it."""
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PAGE_PIXELS  # Pillow's own guard: it refuses twice this at open
    sizes: list[tuple[float, float]] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a damaged tag, a large picture: Pillow's notes to developers
            image = Image.open(path)
    except Image.DecompressionBombError as error:
        raise too_large(path, _declared_pixels(str(error))) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, struct.error):
        raise _damaged(path) from None
    with image:
        total = _page_count(path, image)
        pages = recognise(str(path), _pages(path, image, total, sizes), total, ocr)
    return _document("image", pages, [width for width, _ in sizes], [height for _, height in sizes], path)


def too_large(path: Path, pixels: int, width: int = 0, height: int = 0, page: int = 0) -> ReadError:
    """The one message for a picture with more pixels than a scanned page has."""
    where = f"страница {page} скана слишком велика" if page > 1 else "изображение слишком велико"
    size = f"{width} × {height} точек, " if width and height else ""
    return ReadError(str(path), f"{where} для скана страницы акта: {size}"
                                f"{_millions(pixels)} млн точек, а допускается не больше "
                                f"{_millions(MAX_PAGE_PIXELS)} млн (лист A4 в 600 dpi — 35 млн)",
                     "Это не скан акта или испорченный файл: отсканируйте акт заново с разрешением 200–300 dpi")


def _millions(pixels: int) -> str:
    return f"{pixels / 1e6:,.0f}".replace(",", "\u00a0")


def _declared_pixels(pillow_message: str) -> int:
    """The pixel count Pillow's DecompressionBombError names («Image size (900000000 pixels) exceeds …»)."""
    found = re.search(r"\((\d+) pixels\)", pillow_message)
    return int(found.group(1)) if found else 2 * MAX_PAGE_PIXELS


def _damaged(path: Path, page: int = 0) -> ReadError:
    where = f"страница {page} изображения повреждена или обрезана" if page > 1 else "изображение повреждено или обрезано"
    return ReadError(str(path), f"{where} и не открывается",
                     "Откройте его в программе просмотра и сохраните заново, или отсканируйте акт ещё раз")


def _page_count(path: Path, image) -> int:  # noqa: ANN001 - a PIL image
    """The number of pages, refused past MAX_PDF_PAGES. A TIFF states no count: its pages are a
    chain, walked only as far as the limit (a chain of a million pages, or one that loops)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if image.format == "TIFF":
                frames = 1
                while frames <= MAX_PDF_PAGES:
                    try:
                        image.seek(frames)
                    except EOFError:
                        break
                    frames += 1
                image.seek(0)
            else:
                frames = int(getattr(image, "n_frames", 1))
    except ReadError:
        raise
    except (OSError, ValueError, SyntaxError, TypeError, struct.error):
        raise _damaged(path) from None
    if frames > MAX_PDF_PAGES:
        raise ReadError(str(path), f"в файле больше {MAX_PDF_PAGES} страниц", PAGE_ADVICE)
    return max(frames, 1)


def _pages(path: Path, image, total: int, sizes: list[tuple[float, float]]) -> Iterator[PagePicture]:  # noqa: ANN001
    """Each page decoded when asked for, so a long TIFF never sits in memory whole; its size in
    points goes to `sizes`. ReadError for a page too large or damaged."""
    from PIL import Image, UnidentifiedImageError

    for number in range(1, total + 1):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                image.seek(number - 1)
                width, height = image.size
                if width * height > MAX_PAGE_PIXELS:
                    raise too_large(path, width * height, width, height, number)
                picture = _page_picture(image, number)
        except ReadError:
            raise
        except Image.DecompressionBombError as error:
            raise too_large(path, _declared_pixels(str(error)), page=number) from None
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, TypeError, struct.error,
                MemoryError):
            raise _damaged(path, number) from None
        shown = picture.image
        sizes.append((_points(shown.width, picture), _points(shown.height, picture)))  # type: ignore[attr-defined]
        yield picture


def _page_picture(frame, number: int) -> PagePicture:  # noqa: ANN001 - a PIL image at the page to read
    """The page upright (a phone's photo as shot), in grey; a large, fine picture brought to MAX_DPI."""
    from PIL import Image

    width, height = frame.size
    dpi = _image_dpi(frame)
    large = width * height > LARGE_PICTURE
    if large and frame.format == "JPEG":  # libjpeg decodes straight to grey, at 1/2, 1/4 or 1/8 of the size
        shrink = min(1.0, MAX_DPI / dpi)
        frame.draft("L", (int(width * shrink), int(height * shrink)))
    turn = TURNS.get(frame.getexif().get(EXIF_ORIENTATION, 1))
    picture = frame.convert("L")  # grey first: ImageOps.exif_transpose would copy the colour picture
    if turn is not None:
        picture = picture.transpose(Image.Transpose[turn])
    dpi *= max(picture.size) / max(width, height)  # what the draft took off
    if large and dpi > MAX_DPI:
        scale = MAX_DPI / dpi
        picture = picture.resize((max(1, round(picture.width * scale)), max(1, round(picture.height * scale))),
                                 Image.Resampling.LANCZOS, reducing_gap=2.0)
        dpi = MAX_DPI
    return PagePicture(number, picture, dpi)


def recognise_pdf_pages(path: Path, numbers: list[int], ocr: OcrControl | None = None) -> dict[int, list[Line]]:
    """The lines of the given PDF pages (picture-only ones), rendered at the scan's own resolution,
    lowered where the page would take more than MAX_PAGE_PIXELS; a page larger than A0 is refused."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError:
        raise ReadError(str(path), "PDF повреждён: страницы-сканы не отрисовываются",
                        "Откройте его в программе просмотра PDF и сохраните заново") from None

    def pictures() -> Iterator[PagePicture]:  # rendered one by one, as the OCR workers free up
        for number in numbers:
            try:
                page = document[number - 1]
                dpi = min(_scan_dpi(page), _fitting_dpi(path, page, number))
                bitmap = page.render(scale=dpi / 72.0, grayscale=True)
            except pypdfium2.PdfiumError:
                raise ReadError(str(path), f"страница {number} PDF повреждена и не отрисовывается",
                                "Откройте файл в программе просмотра PDF и сохраните заново") from None
            yield PagePicture(number, bitmap.to_pil().convert("L"), dpi)
            page.close()

    try:
        return recognise(str(path), pictures(), len(numbers), ocr)
    finally:
        document.close()


def _fitting_dpi(path: Path, page, number: int) -> float:  # noqa: ANN001 - a pypdfium2 page
    """The highest resolution at which the page takes at most MAX_PAGE_PIXELS; ReadError for a
    page so large (past A0) that even MIN_DPI would not fit."""
    width, height = (float(side) for side in page.get_size())
    fitting = 72.0 * math.sqrt(MAX_PAGE_PIXELS / max(width * height, 1.0))
    if fitting < MIN_DPI:
        size = f"{width / 72 * 2.54:.0f} × {height / 72 * 2.54:.0f} см"
        raise ReadError(str(path), f"страница {number} PDF — лист {size}, больше листа A0 "
                                   f"({A0_CM[0]} × {A0_CM[1]} см): это не скан страницы акта",
                        "Отсканируйте акт заново на листах A4 (200–300 dpi) или возьмите исходный файл акта")
    return fitting


def _image_dpi(frame) -> float:  # noqa: ANN001
    """The resolution the file states, else the one that makes the picture as wide as A4."""
    stated = frame.info.get("dpi")
    try:
        dpi = float(stated[0]) if stated else 0.0
    except (TypeError, ValueError, IndexError):
        dpi = 0.0
    if dpi < 50 or dpi > 1200 or math.isnan(dpi):
        dpi = frame.width / A4_WIDTH_INCHES
    return dpi


def _points(pixels: int, picture: PagePicture) -> float:
    return pixels * 72.0 / picture.dpi


def _scan_dpi(page) -> float:  # noqa: ANN001 - a pypdfium2 page
    """The resolution of the page's largest picture, kept within what Tesseract reads well."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    width_inches = page.get_width() / 72.0 or A4_WIDTH_INCHES
    best = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        try:
            pixels, _ = obj.get_px_size()
            left, _, right, _ = obj.get_bounds()
        except pypdfium2.PdfiumError:  # a damaged picture: the default resolution will do
            continue
        shown = (right - left) / 72.0
        if shown > 0.5 * width_inches:
            best = max(best, pixels / shown)
    return min(max(best, MIN_DPI), MAX_DPI) if best else DEFAULT_DPI


def _document(format: str, pages: dict[int, list[Line]], widths: list[float], heights: list[float],
              path: Path) -> ReadDocument:
    ordered = [pages[number] for number in sorted(pages)]
    if sum(ch.isalnum() for page in ordered for line in page for ch in line.text) < 20:
        raise ReadError(str(path), "распознавание текста (OCR) не нашло на скане ни строки",
                        "Проверьте, что это нужный файл; плохой скан отсканируйте заново (300 dpi, без наклона)")
    body = drop_running_lines(ordered, heights)
    found = fill_item_numbers(paragraphs(body, page_width=max(widths, default=0.0)))
    blocks = [Block(text=text, confidence=confidence) for text, confidence in found if text]
    return ReadDocument.build(format, blocks, ["текст акта распознан со скана (OCR): сверьте поручения с оригиналом"])
