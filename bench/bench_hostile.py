"""Hostile files: peak memory and time of refusing the falsified-size zip bomb of issue 13 and
the picture bombs (scans declaring billions of pixels, a TIFF of thousands of pages, a PDF page
the size of a wall, a PDF picture of 3.6 billion pixels).

Run: .venv/bin/python -m bench.bench_hostile

The bomb is built here (bench.hostile_files): a .docx of about 3.8 MB whose word/document.xml
inflates to 3.9 GB while both zip headers claim 5,000 bytes. Each reader runs in a fresh
process; the figure is that process's peak resident memory (VmHWM: ru_maxrss would include the
parent's, which Linux carries across exec). Target: < 300 MB.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.hostile_files import jpeg_bomb, pdf_picture_bomb, png_bomb, tiff_pages, zip_bomb
from bench.machine import describe

ROOT = Path(__file__).resolve().parent.parent
INFLATED_MB = 3720  # 3.9 GB (10^9 bytes)
TARGET_MB = 300
READERS = {
    "read_document (акт .docx)": "from parsers.readers import read_document as read",
    "registry read_rows (.xlsx)": "from tracker.registry.reading import read_rows as read",
    "tracker parse (the whole command)": (
        "from cli.main import run\n"
        "def read(path):\n"
        "    sys.argv = ['tracker', 'parse', path]\n"
        "    try:\n"
        "        run()\n"
        "    except SystemExit as done:\n"
        "        print('exit', done.code)"),
}
CODE = """
import re, sys, time
{reader}
started = time.perf_counter()
try:
    read(sys.argv[1])
except Exception as error:
    print(type(error).__name__, str(error)[:160].replace(chr(10), ' '))
peak = int(re.search(r"VmHWM:\\s+(\\d+) kB", open("/proc/self/status").read()).group(1)) // 1024
print(f"{{time.perf_counter() - started:.2f}}", peak)
"""


def measure(reader: str, path: Path) -> tuple[str, float, int]:
    done = subprocess.run([sys.executable, "-c", CODE.format(reader=reader), str(path)], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    *said, figures = done.stdout.strip().splitlines()
    seconds, peak = figures.split()
    return " ".join(said), float(seconds), int(peak)


def main() -> None:
    print(describe())
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        bombs = {"docx": zip_bomb(Path(folder) / "bomb.docx", INFLATED_MB),
                 "xlsx": zip_bomb(Path(folder) / "bomb.xlsx", INFLATED_MB, kind="xlsx")}
        print(f"bomb: {bombs['docx'].stat().st_size / 1e6:.1f} MB on disk, inflates to "
              f"{INFLATED_MB * 1024 * 1024 / 1e9:.1f} GB, headers claim 5000 bytes "
              f"(built in {time.perf_counter() - started:.1f} s)")
        worst = 0
        for label, reader in READERS.items():
            path = bombs["xlsx" if ".xlsx" in label else "docx"]
            said, seconds, peak = measure(reader, path)
            worst = max(worst, peak)
            print(f"{label}: peak {peak} MB, refused in {seconds:.2f} s — {said}")
        print(f"peak memory on the falsified-size bomb: {worst} MB (target < {TARGET_MB} MB): "
              + ("OK" if worst < TARGET_MB else "OVER"))
        worst_picture = pictures(Path(folder))
    print(f"peak memory on the picture bombs: {worst_picture} MB (target < {TARGET_MB} MB): "
          + ("OK" if worst_picture < TARGET_MB else "OVER"))


def pictures(folder: Path) -> int:
    """Each picture bomb read by read_document in a fresh process; the worst peak in MB."""
    bombs = {
        "png 30,000 × 30,000 (0.9 MB)": lambda path: png_bomb(path.with_suffix(".png"), 30000, 30000),
        "png 8,000 × 8,000 (64 Mpx)": lambda path: png_bomb(path.with_suffix(".png"), 8000, 8000),
        "jpeg header 65,000 × 65,000": lambda path: jpeg_bomb(path.with_suffix(".jpg")),
        "tiff 60,000 × 60,000": lambda path: tiff_pages(path.with_suffix(".tif"), 1, 60000, 60000),
        "tiff 100,000 pages": lambda path: tiff_pages(path.with_suffix(".tif"), 100_000),
        "pdf page 5 × 5 m": lambda path: pdf_picture_bomb(path.with_suffix(".pdf"), 2000, 2000, (14400.0, 14400.0)),
        "pdf picture 60,000 × 60,000 (3.6 GB)": lambda path: pdf_picture_bomb(path.with_suffix(".pdf"), 60000, 60000),
    }
    worst = 0
    for number, (label, build) in enumerate(bombs.items()):
        path = build(folder / f"picture-{number}")
        said, seconds, peak = measure(READERS["read_document (акт .docx)"], path)
        worst = max(worst, peak)
        print(f"{label}: {path.stat().st_size / 1e6:.1f} MB on disk, peak {peak} MB in {seconds:.2f} s — {said}")
    return worst


if __name__ == "__main__":
    main()
