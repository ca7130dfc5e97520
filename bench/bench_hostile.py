"""Hostile files: peak memory and time of refusing the falsified-size zip bomb of issue 13.

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

from bench.hostile_files import zip_bomb
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


if __name__ == "__main__":
    main()
