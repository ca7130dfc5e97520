"""Run the benchmarks: `python -m bench` runs all, `python -m bench store parse` some.

Options after the names go to the benches named (`python -m bench import --runs 5`).

Each bench/bench_<name>.py has a main() that prints its numbers and the machine.
"""
from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def available() -> list[str]:
    here = Path(__file__).parent
    return sorted(m.name[len("bench_"):] for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))


def main(argv: list[str]) -> int:
    """`python -m bench server --orders 1000`: names first, then options for each bench named."""
    first_option = next((at for at, arg in enumerate(argv) if arg.startswith("-")), len(argv))
    argv, options = argv[:first_option], argv[first_option:]
    names = argv or available()
    unknown = [n for n in names if n not in available()]
    if unknown:
        print(f"Нет такого замера: {', '.join(unknown)}. Есть: {', '.join(available())}", file=sys.stderr)
        return 2
    sys.argv = sys.argv[:1] + options  # each bench reads its own options from argv
    for name in names:
        print(f"=== bench {name}", flush=True)
        importlib.import_module(f"bench.bench_{name}").main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
