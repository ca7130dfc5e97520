"""Parse benchmark: `tracker parse --json` against reading the same files' text alone.

Run: .venv/bin/python -m bench.bench_parse [CORPUS_DIR]   (default: ../shared/corpus)

Over CORPUS_DIR/dev-docx/docs and CORPUS_DIR/dev-pdf/docs, each measured in fresh
subprocesses (imports, and spaCy's load for parsing, included), median of several runs:
  reading  python -c "read_document(f) for every file"
  parsing  tracker parse --json FILES
The target is parsing ≤ 2 × reading. Also times `tracker --help` (which loads no heavy library).
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.machine import describe

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5
READ_CODE = (
    "import sys\n"
    "from parsers.readers import read_document\n"
    "for name in sys.argv[1:]:\n"
    "    read_document(name)\n"
)


def tracker_command() -> list[str]:
    script = Path(sys.executable).parent / "tracker"
    return [str(script)] if script.exists() else [sys.executable, "-m", "cli.main"]


def timed(command: list[str], runs: int = RUNS) -> float:
    """Median wall time of `runs` fresh runs (one warm-up run first fills the OS file cache)."""
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def machine() -> str:
    return describe()


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    corpus = Path(argv[0]) if argv else (ROOT.parent / "shared" / "corpus")
    sets = {name: sorted(p for p in (corpus / name / "docs").glob("*") if p.suffix in (".docx", ".pdf"))
            for name in ("dev-docx", "dev-pdf")}
    sets["both"] = sets["dev-docx"] + sets["dev-pdf"]
    if not sets["both"]:
        print(f"Нет файлов в {corpus}/dev-docx/docs и {corpus}/dev-pdf/docs", file=sys.stderr)
        return
    print(f"machine: {machine()}")
    print(f"corpus: {corpus} (median of {RUNS} fresh processes each)")
    print(f"{'set':10} {'files':>5} {'reading, s':>11} {'parse, s':>9} {'ratio':>6}  target ≤ 2.0")
    for name, files in sets.items():
        names = [str(f) for f in files]
        reading = timed([sys.executable, "-c", READ_CODE, *names])
        parsing = timed([*tracker_command(), "parse", "--json", *names])
        print(f"{name:10} {len(files):5d} {reading:11.2f} {parsing:9.2f} {parsing / reading:6.2f}")
    help_time = timed([*tracker_command(), "--help"])
    print(f"tracker --help: {help_time:.2f} s")


if __name__ == "__main__":
    main()
