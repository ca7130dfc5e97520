"""Scans: picture files (.jpg, .png, .tif/.tiff, every page of a multi-page TIFF) and the
picture-only pages of a PDF, read through OCR (parsers/readers/ocr.py) into blocks.

The recognised lines go through the PDF reader's own steps (running headers and page numbers
dropped, wrapped lines joined into paragraphs), so the rules see a scan as they see a PDF.
Each block carries the mean word confidence of its lines.
"""
from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

from parsers.errors import ReadError
from parsers.model import Block, ReadDocument
from parsers.readers.item_numbers import fill_item_numbers
from parsers.readers.limits import MAX_PDF_PAGES
from parsers.readers.ocr import OcrControl, PagePicture, recognise
from parsers.readers.pdf import Line, drop_running_lines, paragraphs

A4_WIDTH_INCHES = 210 / 25.4
MIN_DPI, MAX_DPI, DEFAULT_DPI = 150.0, 300.0, 300.0
MAX_PIXELS = 120_000_000  # a page at 600 dpi is 35 million; more is no scan of an act


def read_image(path: Path, ocr: OcrControl | None = None) -> ReadDocument:
    """A scanned act saved as pictures: one page per frame."""
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a damaged tag is Pillow's note to developers, not the clerk's
            with Image.open(path) as image:
                frames = getattr(image, "n_frames", 1)
                if frames > MAX_PDF_PAGES:
                    raise ReadError(str(path), f"в файле {frames} страниц (допускается не больше {MAX_PDF_PAGES})",
                                    "Проверьте, что это нужный акт; большой документ разделите на части")
                pictures = list(_frames(image))
    except ReadError:
        raise
    except Image.DecompressionBombError:
        raise ReadError(str(path), "изображение слишком большое для скана страницы",
                        "Отсканируйте акт заново с разрешением 200–300 dpi") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        raise ReadError(str(path), "изображение повреждено или обрезано и не открывается",
                        "Откройте его в программе просмотра и сохраните заново, или отсканируйте акт ещё раз") from None
    pages = recognise(str(path), pictures, len(pictures), ocr)
    return _document("image", pages, [_points(p.image.width, p) for p in pictures],  # type: ignore[attr-defined]
                     [_points(p.image.height, p) for p in pictures], path)  # type: ignore[attr-defined]


def recognise_pdf_pages(path: Path, numbers: list[int], ocr: OcrControl | None = None) -> dict[int, list[Line]]:
    """The lines of the given PDF pages (picture-only ones), rendered at the scan's own resolution."""
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
                dpi = _scan_dpi(page)
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


def _frames(image) -> Iterator[PagePicture]:  # noqa: ANN001 - a PIL image
    from PIL import ImageOps, ImageSequence

    for number, frame in enumerate(ImageSequence.Iterator(image), 1):
        picture = ImageOps.exif_transpose(frame).convert("L")  # a phone's photo stands as shot
        yield PagePicture(number, picture, _image_dpi(frame))


def _image_dpi(frame) -> float:  # noqa: ANN001
    """The resolution the file states, else the one that makes the picture as wide as A4."""
    stated = frame.info.get("dpi")
    try:
        dpi = float(stated[0]) if stated else 0.0
    except (TypeError, ValueError, IndexError):
        dpi = 0.0
    if dpi < 50 or dpi > 1200:
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
