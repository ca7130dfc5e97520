"""Put the texts of a new batch of the real corpus into its halves, by source site (issue 9).

    python scripts/assign_halves.py corpus/real/incoming BATCH [--apply]

A text's site is the host of its `.source` address without «www.» (the garant.ru hosts are one
site, the kremlin.ru hosts are one site, a GitHub file's site is its repository). A site already
in a half (`corpus/real/sites-*.tsv`) stays there; a new site goes where its hash says:
`measured` when the first byte of sha256(site) is even, else `rules`. The rule is fixed before any
text of the batch is parsed, so that no one chooses which texts measure the rules. Without
--apply it prints the split; with it, it moves each text, its .source and its gold into its half
and writes the half of each site in `sites-BATCH.tsv`.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import shutil
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

REAL = Path(__file__).resolve().parents[1] / "corpus" / "real"
ONE_SITE = {"garant.ru": "garant.ru", "base.garant.ru": "garant.ru", "kremlin.ru": "kremlin.ru",
            "special.kremlin.ru": "kremlin.ru"}


def site_of(address: str) -> str:
    parsed = urlparse(address.strip())
    host = (parsed.hostname or "").lower().removeprefix("www.")
    if host == "github.com":
        parts = [p for p in parsed.path.split("/") if p]
        if parts[:2] == ["vlsergey", "kremlin2wikisource"]:
            return "kremlin.ru"  # kremlin.ru texts kept as a converter's test data
        return "github.com/" + "/".join(parts[:2])
    if host in ("raw.githubusercontent.com",):
        parts = [p for p in parsed.path.split("/") if p]
        if parts[:2] == ["vlsergey", "kremlin2wikisource"]:
            return "kremlin.ru"
        return "github.com/" + "/".join(parts[:2])
    return ONE_SITE.get(host, host)


def known_halves() -> dict[str, str]:
    halves: dict[str, str] = {}
    for tsv in sorted(REAL.glob("sites-*.tsv")):
        with tsv.open(encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if row["half"] in ("rules", "measured"):
                    site = site_of("http://" + row["site"]) if "/" not in row["site"] else row["site"]
                    halves[site] = row["half"]
    return halves


def half_by_hash(site: str) -> str:
    return "measured" if hashlib.sha256(site.encode()).digest()[0] % 2 == 0 else "rules"


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("incoming", type=Path)
    args.add_argument("batch")
    args.add_argument("--apply", action="store_true")
    opts = args.parse_args()
    known = known_halves()
    plan: list[tuple[Path, str, str]] = []
    for source in sorted((opts.incoming / "docs").glob(f"{opts.batch}[0-9]*.source")):
        address = source.read_text(encoding="utf-8").split("|", 1)[0]
        site = site_of(address)
        plan.append((source, site, known.get(site) or half_by_hash(site)))
    for source, site, half in plan:
        print(f"{source.stem}\t{site}\t{half}")
    if not opts.apply:
        return 0
    counts: Counter[tuple[str, str]] = Counter()
    for source, site, half in plan:
        stem = source.stem
        for kind, name in (("docs", f"{stem}.txt"), ("docs", f"{stem}.source"), ("gold", f"{stem}.json")):
            src = opts.incoming / kind / name
            if not src.exists():
                print(f"нет файла {src}", file=sys.stderr)
                return 1
            dest = REAL / half / kind / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(src), dest)
        counts[(site, half)] += 1
    with (REAL / f"sites-{opts.batch}.tsv").open("w", encoding="utf-8") as f:
        f.write("site\thalf\tcount\n")
        for (site, half), n in sorted(counts.items()):
            f.write(f"{site}\t{half}\t{n}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
