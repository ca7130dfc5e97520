"""Hostile files: peak memory and time of refusing the falsified-size zip bomb of issue 13.

Run: .venv/bin/python -m bench.bench_hostile

The bomb is built here (bench.hostile_files): a .docx of about 3.8 MB whose word/document.xml
inflates to 3.9 GB while both zip headers claim 5,000 bytes. Each reader runs in a fresh
process; the figure is that process's peak resident memory (ru_maxrss). Target: < 300 MB.
"""
from __future__ import annotations

import resource
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
}
CODE = """
import resource, sys, time
{reader}
started = time.perf_counter()
try:
    read(sys.argv[1])
except Exception as error:
    print(type(error).__name__, str(error)[:160].replace(chr(10), ' '))
print(f"{{time.perf_counter() - started:.2f}}", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
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
        command = [str(Path(sys.executable).parent / "tracker"), "parse", str(bombs["docx"])]
        started = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        usage = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
        print(f"tracker parse: exit {done.returncode} in {time.perf_counter() - started:.2f} s, "
              f"peak of child processes {usage} MB")
        worst = max(worst, usage)
    print(f"peak memory on the falsified-size bomb: {worst} MB (target < {TARGET_MB} MB): "
          + ("OK" if worst < TARGET_MB else "OVER"))


if __name__ == "__main__":
    main()
