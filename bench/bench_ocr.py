"""OCR benchmark: seconds per scanned page through tracker's readers against bare Tesseract.

Run: .venv/bin/python -m bench ocr    (or python -m bench.bench_ocr [PAGES])

The pages are the sample acts scanned as the OCR tests scan them (tests/parsers/scans.py:
200 dpi, grey, noisy, skewed, with a seal). Measured on the same pages, best of RUNS:
  bare       `tesseract page.png - -l rus`, page after page, as a clerk would run it
  bare, 1 thread   the same with OMP_THREAD_LIMIT=1 (how tracker runs each page)
  tracker    read_document() of the image-only PDF (rendering, OCR of the pages in parallel,
             lines joined into blocks), and of the same pages as .jpg files
Target: tracker ≤ 1.2 × bare per page.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.machine import describe

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "parsers"))
ACTS = ["01-perechen-poruchenij-tomsk", "02-postanovlenie-zarechnyj-okrug", "03-rasporyazhenie-podpunkty",
        "05-protokol-soveshchaniya", "07-sroki-otnositelnye-i-periodicheskie", "10-rasporyazhenie-poruchit"]
RUNS = 3


def make_pages(folder: Path, count: int) -> tuple[list[Path], Path, list[Path]]:
    """PNG pages for bare Tesseract, the same pages as one image-only PDF and as .jpg files."""
    from scans import Print, save_pdf, scanned_pages

    pictures = []
    for seed, stem in enumerate(ACTS * (count // len(ACTS) + 1), 1):
        if len(pictures) >= count:
            break
        text = (ROOT / "tracker" / "samples" / "acts" / f"{stem}.txt").read_text(encoding="utf-8")
        pictures.extend(scanned_pages(text, Print(seed=seed), marks=True))
    pictures = pictures[:count]
    pngs, jpegs = [], []
    for index, picture in enumerate(pictures, 1):
        pngs.append(folder / f"page-{index}.png")
        picture.save(pngs[-1], dpi=(200, 200))
        jpegs.append(folder / f"page-{index}.jpg")
        picture.save(jpegs[-1], "JPEG", quality=85, dpi=(200, 200))
    return pngs, save_pdf(pictures, folder / "scan.pdf", 200), jpegs


def best_of(runs: dict[str, object]) -> dict[str, float]:
    """The best wall time of each, over RUNS rounds that take turns: the machine is shared, so
    a burst of other work hits every contender alike rather than one of them."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(RUNS):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    return {name: min(values) for name, values in times.items()}


def bare(pages: list[Path], one_thread: bool) -> None:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"} if one_thread else None
    for page in pages:
        subprocess.run(["tesseract", str(page), "-", "-l", "rus"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True, env=env)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    count = int(argv[0]) if argv else 6
    from parsers.readers import read_document

    print(f"machine: {describe()}")
    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as tmp:
        pngs, pdf, jpegs = make_pages(Path(tmp), count)
        read_document(pdf)  # warm: Tesseract's data and the libraries in the OS cache
        figures = best_of({
            "bare tesseract": lambda: bare(pngs, one_thread=False),
            "bare tesseract, 1 thread": lambda: bare(pngs, one_thread=True),
            "tracker, image-only PDF": lambda: read_document(pdf),
            "tracker, .jpg files": lambda: [read_document(page) for page in jpegs],
        })
    base = figures["bare tesseract"] / count
    print(f"{count} pages, 200 dpi A4, best of {RUNS} runs; seconds per page:")
    for name, seconds in figures.items():
        print(f"  {name:26} {seconds / count:6.2f} s/page  ({seconds / count / base:.2f} × bare)")
    print("target: tracker ≤ 1.2 × bare tesseract per page")


if __name__ == "__main__":
    main()
