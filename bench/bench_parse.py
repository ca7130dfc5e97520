"""Parse benchmark: `tracker parse --json` against reading the same files' text alone.

Run: .venv/bin/python -m bench.bench_parse [CORPUS_DIR]   (default: ../shared/corpus)

Over CORPUS_DIR/dev-docx/docs and CORPUS_DIR/dev-pdf/docs, each measured in fresh
subprocesses (imports, and spaCy's load for parsing, included), median of several runs:
  reading  python -c "read_document(f) for every file"
  parsing  tracker parse --json FILES
The target (issue 9) is parsing ≤ 1.5 × reading in wall time over both sets; the line says
whether it is met. The CPU seconds of each command's processes are shown beside the wall
times: on a machine shared with other work the wall times swing, the CPU seconds much less.
The runs of reading and parsing are interleaved, so a burst of load hits both. Also times
`tracker --help` (which loads no heavy library).
"""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.machine import describe

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5
TARGET = 1.5  # issue 9: «the parse/read ratio of `bench parse` stays ≤ 1.5»
READ_CODE = (
    "import sys\n"
    "from parsers.readers import read_document\n"
    "for name in sys.argv[1:]:\n"
    "    read_document(name)\n"
)


def tracker_command() -> list[str]:
    script = Path(sys.executable).parent / "tracker"
    return [str(script)] if script.exists() else [sys.executable, "-m", "cli.main"]


def _run(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system of every process of the command) of one fresh run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def timed(*commands: list[str], runs: int = RUNS) -> list[tuple[float, float]]:
    """Median wall and CPU seconds of each command over `runs` fresh runs, the commands' runs
    interleaved (one warm-up run of each first fills the OS file cache)."""
    for command in commands:
        _run(command)
    samples: list[list[tuple[float, float]]] = [[] for _ in commands]
    for _ in range(runs):
        for taken, command in zip(samples, commands, strict=True):
            taken.append(_run(command))
    return [(statistics.median(w for w, _ in taken), statistics.median(c for _, c in taken)) for taken in samples]


def load() -> str:
    return "/".join(f"{value:.1f}" for value in os.getloadavg())


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
    print(f"corpus: {corpus} (median of {RUNS} fresh processes each, reading and parsing interleaved)")
    print(f"{'set':10} {'files':>5} {'reading, s':>11} {'parse, s':>9} {'ratio':>6}  "
          f"{'CPU: reading, s':>15} {'parse, s':>9} {'ratio':>6}  load average 1/5/15 min")
    headline = 0.0
    for name, files in sets.items():
        names = [str(f) for f in files]
        load_before = load()
        (reading, reading_cpu), (parsing, parsing_cpu) = timed([sys.executable, "-c", READ_CODE, *names],
                                                               [*tracker_command(), "parse", "--json", *names])
        print(f"{name:10} {len(files):5d} {reading:11.2f} {parsing:9.2f} {parsing / reading:6.2f}  "
              f"{reading_cpu:15.2f} {parsing_cpu:9.2f} {parsing_cpu / reading_cpu:6.2f}  {load_before} → {load()}")
        if name == "both":
            headline = parsing / reading
    verdict = "met" if headline <= TARGET else "NOT met"
    print(f"target: parse/read ≤ {TARGET} in wall time over both sets (issue 9): {headline:.2f}, {verdict}")
    help_time, _ = timed([*tracker_command(), "--help"])[0]
    print(f"tracker --help: {help_time:.2f} s")


if __name__ == "__main__":
    main()
