"""Scans of the project's own sample acts, made the way a copier makes them.

The OCR tests and `bench ocr` need scanned acts, and no binary is committed: each act's text
(tracker/samples/acts/*.txt) is typeset on A4 with Pillow (a serif font, first-line indents,
wrapped lines), then printed badly — a grey background, paper noise, a slight skew — and saved
as an image-only PDF and as JPEG pages. Everything is seeded, so a test sees the same pixels
on every run. `stamp_and_scribble` adds what a signed act carries besides its text.
"""
from __future__ import annotations

import math
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "tracker" / "samples" / "acts"
FONT_DIRS = (Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/liberation"),
             Path("/usr/share/fonts/truetype/paratype"))
FONT_NAMES = ("LiberationSerif-Regular.ttf", "PTF55F.ttf")


@dataclass(frozen=True)
class Print:
    """How the act is printed and scanned."""

    dpi: int = 200
    font_pt: float = 13.0
    skew_degrees: float = 0.6
    background: int = 218  # grey paper
    ink: int = 35
    noise: float = 14.0  # standard deviation of the paper noise, in grey levels
    seed: int = 1


def font_path() -> Path:
    for folder in FONT_DIRS:
        for name in FONT_NAMES:
            if (folder / name).exists():
                return folder / name
    raise FileNotFoundError("нет шрифта Liberation Serif или PT Serif (пакеты fonts-liberation, fonts-paratype)")


def mm(value: float, dpi: int) -> int:
    return round(value / 25.4 * dpi)


def typeset(text: str, style: Print = Print()) -> list[Image.Image]:
    """Clean A4 pages (mode L) with the paragraphs of `text`, one paragraph per non-empty line."""
    dpi = style.dpi
    width, height = mm(210, dpi), mm(297, dpi)
    left, right, top, bottom = mm(30, dpi), mm(15, dpi), mm(20, dpi), mm(20, dpi)
    font = ImageFont.truetype(str(font_path()), size=round(style.font_pt / 72 * dpi))
    line_step = round(style.font_pt / 72 * dpi * 1.25)
    indent = mm(12.5, dpi)
    column = width - left - right
    pages: list[Image.Image] = []
    page, draw, y = None, None, top

    def new_page() -> None:
        nonlocal page, draw, y
        page = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(page)
        pages.append(page)
        y = top

    new_page()
    for paragraph in (line.strip() for line in text.splitlines()):
        if not paragraph:
            continue
        lines: list[str] = []
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}".strip()
            room = column - (indent if not lines else 0)
            if current and draw.textlength(candidate, font=font) > room:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
        for index, line in enumerate(lines):
            if y + line_step > height - bottom:
                new_page()
            draw.text((left + (indent if index == 0 else 0), y), line, font=font, fill=0)
            y += line_step
            page.info["text_bottom"] = y
        y += line_step // 2  # a paragraph gap, as Word's «after: 6 pt»
    return pages


def age(page: Image.Image, style: Print = Print(), page_index: int = 0) -> Image.Image:
    """A clean page as a copier returns it: grey, noisy, slightly skewed, a little blurred."""
    rng = np.random.default_rng(style.seed * 1000 + page_index)
    ink = np.asarray(page, dtype=np.float32) / 255.0  # 1 = paper, 0 = ink
    grey = style.ink + ink * (style.background - style.ink)
    grey += rng.normal(0.0, style.noise, grey.shape)
    image = Image.fromarray(np.clip(grey, 0, 255).astype(np.uint8), mode="L")
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    angle = style.skew_degrees * (1 if page_index % 2 == 0 else -1)
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=style.background)


def stamp_and_scribble(page: Image.Image, style: Print = Print()) -> Image.Image:
    """The page with a round seal with text, a signature scribble and a date written in the margin."""
    dpi = style.dpi
    page = page.copy()
    draw = ImageDraw.Draw(page)
    width, height = page.size
    # the seal: two circles and words along the ring, over the signature at the foot of the text
    bottom = page.info.get("text_bottom", height - mm(60, dpi))
    cx, cy, radius = width - mm(50, dpi), bottom - mm(4, dpi), mm(20, dpi)
    for r in (radius, radius - mm(4, dpi)):
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=60, width=max(2, dpi // 60))
    small = ImageFont.truetype(str(font_path()), size=mm(2.6, dpi))
    ring = "АДМИНИСТРАЦИЯ ОКРУГА * ДЛЯ ДОКУМЕНТОВ * "
    for index, letter in enumerate(ring):
        angle = 2 * math.pi * index / len(ring)
        x = cx + (radius - mm(2.4, dpi)) * math.sin(angle)
        y = cy - (radius - mm(2.4, dpi)) * math.cos(angle)
        glyph = Image.new("L", (mm(4, dpi), mm(4, dpi)), 0)
        ImageDraw.Draw(glyph).text((mm(1, dpi), 0), letter, font=small, fill=255)
        glyph = glyph.rotate(-math.degrees(angle), resample=Image.Resampling.BICUBIC)
        page.paste(60, (round(x) - glyph.width // 2, round(y) - glyph.height // 2), glyph)
    draw.text((cx - mm(9, dpi), cy - mm(2, dpi)), "ПЕЧАТЬ", font=small, fill=60)
    # the signature: a seeded scribble across the seal
    rng = random.Random(style.seed)
    x, y = cx - mm(55, dpi), cy
    points = []
    for _ in range(40):
        x += rng.uniform(0, mm(1.8, dpi))
        y += rng.uniform(-mm(4, dpi), mm(4, dpi))
        y = min(max(y, cy - mm(8, dpi)), cy + mm(8, dpi))
        points.append((x, y))
    draw.line(points, fill=20, width=max(2, dpi // 70), joint="curve")
    # a date written by hand in the left margin, sideways
    hand = Image.new("L", (mm(30, dpi), mm(7, dpi)), 0)
    ImageDraw.Draw(hand).text((0, 0), "вх. 14.03", font=ImageFont.truetype(str(font_path()), size=mm(5, dpi)),
                              fill=255)
    hand = hand.rotate(80, expand=True, resample=Image.Resampling.BICUBIC)
    page.paste(30, (mm(6, dpi), mm(90, dpi)), hand)
    return page


def scanned_pages(text: str, style: Print = Print(), marks: bool = False) -> list[Image.Image]:
    pages = typeset(text, style)
    if marks:
        pages[-1] = stamp_and_scribble(pages[-1], style)
    return [age(page, style, index) for index, page in enumerate(pages)]


def save_pdf(pages: list[Image.Image], path: Path, dpi: int) -> Path:
    """An image-only PDF, one JPEG picture per page, as a scanner saves it."""
    pages[0].save(path, "PDF", resolution=float(dpi), save_all=True, append_images=pages[1:], quality=85)
    return path


def save_jpegs(pages: list[Image.Image], stem: Path, dpi: int = 200) -> list[Path]:
    """Each page as its own .jpg (a phone's photo of each sheet): stem.jpg, stem-2.jpg, ..."""
    paths = []
    for index, page in enumerate(pages, 1):
        path = stem.with_name(stem.name + ("" if index == 1 else f"-{index}") + ".jpg")
        page.save(path, "JPEG", quality=85, dpi=(dpi, dpi))
        paths.append(path)
    return paths
