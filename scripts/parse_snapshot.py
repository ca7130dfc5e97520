"""Snapshot of `tracker parse --json` over the corpora, to prove a speed change extracts the same.

    .venv/bin/python scripts/parse_snapshot.py save BEFORE_DIR     # on the old code
    .venv/bin/python scripts/parse_snapshot.py compare BEFORE_DIR  # on the new code: exit 1 on any difference

Each set is parsed by one `tracker parse --json` over all its files (the parallel path an
import takes) and, with --single, file by file as well (the one-file path). stdout (one JSON
line per file) and stderr (warnings and errors) are kept byte for byte; the comparison names
every set and line that differs.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
SETS = {
    "dev": SHARED / "dev" / "docs",
    "dev-docx": SHARED / "dev-docx" / "docs",
    "dev-pdf": SHARED / "dev-pdf" / "docs",
    "real-measured": ROOT / "corpus" / "real" / "measured" / "docs",
    "real-rules": ROOT / "corpus" / "real" / "rules" / "docs",
    "written": ROOT / "tests" / "parsers" / "written",
    "samples": ROOT / "tracker" / "samples" / "acts",
}
SUFFIXES = {".txt", ".docx", ".pdf", ".rtf", ".odt", ".doc"}


def tracker() -> list[str]:
    script = Path(sys.executable).parent / "tracker"
    return [str(script)] if script.exists() else [sys.executable, "-m", "cli.main"]


def files_of(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*") if p.suffix.lower() in SUFFIXES)


def parse(files: list[Path]) -> tuple[bytes, bytes]:
    done = subprocess.run([*tracker(), "parse", "--json", *map(str, files)], cwd=ROOT,
                          capture_output=True, check=False, env=None)
    return done.stdout, done.stderr


def snapshot(single: bool) -> dict[str, bytes]:
    taken: dict[str, bytes] = {}
    for name, folder in SETS.items():
        files = files_of(folder)
        if not files:
            print(f"{name}: no files in {folder}", file=sys.stderr)
            continue
        taken[f"{name}.jsonl"], taken[f"{name}.stderr"] = parse(files)
        if single:
            out, err = b"", b""
            for file in files:
                one_out, one_err = parse([file])
                out, err = out + one_out, err + one_err
            taken[f"{name}.single.jsonl"], taken[f"{name}.single.stderr"] = out, err
        print(f"{name}: {len(files)} files", file=sys.stderr)
    return taken


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["save", "compare"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--single", action="store_true", help="also parse every file alone")
    args = parser.parse_args()
    taken = snapshot(args.single)
    if args.mode == "save":
        args.folder.mkdir(parents=True, exist_ok=True)
        for name, data in taken.items():
            (args.folder / name).write_bytes(data)
        print(f"saved {len(taken)} outputs in {args.folder}")
        return 0
    differing = 0
    for name, data in taken.items():
        before = (args.folder / name).read_bytes() if (args.folder / name).exists() else None
        if before == data:
            continue
        differing += 1
        if before is None:
            print(f"{name}: not in the saved snapshot")
            continue
        old, new = before.decode().splitlines(), data.decode().splitlines()
        for number, (a, b) in enumerate(zip(old, new, strict=False), 1):
            if a != b:
                print(f"{name}: line {number} differs\n  before: {a[:300]}\n  after:  {b[:300]}")
                break
        else:
            print(f"{name}: {len(old)} lines before, {len(new)} after")
    print("identical" if not differing else f"{differing} outputs differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
