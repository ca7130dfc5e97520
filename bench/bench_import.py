"""Benchmark of importing a folder of 60 acts into a fresh database, the way `tracker import` does.

The acts are copied from the shared corpus (../shared/corpus/dev, dev-docx, dev-pdf) and the
held-out texts beside the parser tests into a temporary folder, then `tracker import --yes`
runs on it in a child process (the console script of this virtual environment), so the figure
includes everything a clerk waits for: start-up, model load, reading, extraction, storing.
Run: .venv/bin/python bench/bench_import.py [--count 60] [--repeat 1]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the project root on the path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.machine import describe  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SOURCES = (
    SHARED / "corpus" / "dev" / "docs",
    SHARED / "corpus" / "dev-docx" / "docs",
    SHARED / "corpus" / "dev-pdf" / "docs",
    ROOT / "tests" / "parsers" / "heldout",
)
SUFFIXES = (".txt", ".docx", ".pdf", ".rtf", ".odt", ".doc")


def gather(folder: Path, count: int) -> int:
    """Copy act files into `folder` (round robin over the sources) until there are `count`."""
    lists = [sorted(p for p in src.glob("*") if p.suffix.lower() in SUFFIXES) for src in SOURCES if src.is_dir()]
    copied = 0
    index = 0
    while copied < count and any(index < len(files) for files in lists):
        for number, files in enumerate(lists):
            if index < len(files) and copied < count:
                source = files[index]
                shutil.copyfile(source, folder / f"{copied:03}-{number}-{source.name}")
                copied += 1
        index += 1
    return copied


def tracker_command() -> list[str]:
    script = Path(sys.executable).parent / "tracker"
    return [str(script)] if script.exists() else [sys.executable, "-m", "cli.main"]


def run_once(count: int) -> tuple[float, int, str]:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        acts = Path(tmp) / "acts"
        acts.mkdir()
        files = gather(acts, count)
        env = dict(os.environ, TRACKER_TODAY="20.11.2026")
        started = time.perf_counter()
        done = subprocess.run([*tracker_command(), "import", "--yes", "--db", str(Path(tmp) / "bench.db"),
                               str(acts)], env=env, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - started
        summary = next((line for line in reversed(done.stdout.splitlines()) if line.startswith("Итого")),
                       f"код возврата {done.returncode}: {done.stderr.strip()[-300:]}")
        return elapsed, files, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    print(describe())
    times = []
    for _ in range(args.repeat):
        elapsed, files, summary = run_once(args.count)
        times.append(elapsed)
        print(f"import of {files} acts into a fresh database: {elapsed:.2f} s  ({summary})", flush=True)
    if len(times) > 1:
        print(f"best of {len(times)}: {min(times):.2f} s")


if __name__ == "__main__":
    main()
