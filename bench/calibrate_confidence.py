"""Does «sure» mean right? Of the fields the rules mark sure, the share the gold confirms.

    .venv/bin/python -m bench.calibrate_confidence corpus/real/measured [more corpora ...]

Every extracted field with a confidence is checked against the corpus gold the way the corpus
scorer (`../shared/tools/score_extraction.py`, imported so both count alike) matches facts:
the act's kind, number and date; each order's existence; each responsible body (fuzzy
spelling); each official (initials and surname stem); each deadline (date, recurrence or a
relative term as one fact). A field in an order the gold does not have is wrong. Fields at or
above `parsers.model.SURE` are «sure»; the figure is the share of them that is right
(issue 9 asks ≥ 98 % on the measured half). Fields the rules did not find are not counted
here: recall is the scorer's job.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

from parsers.model import SURE
from parsers.pipeline import parse_file

SCORER = Path("../shared/tools/score_extraction.py")  # beside the project, where the Makefile finds it


def _scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def fields(gold: dict, pred: dict, sc) -> list[tuple[str, float, bool]]:
    """(field kind, confidence, right?) for every field of one act's parse."""
    out: list[tuple[str, float, bool]] = []
    gdoc, pdoc = gold.get("doc", {}), pred["document"]
    for gname, pname in (("type", "kind"), ("number", "number"), ("date", "date")):
        if pdoc.get(pname) is None:
            continue
        right = gdoc.get(gname) is not None and sc.norm(str(gdoc[gname])) == sc.norm(str(pdoc[pname]))
        out.append((f"doc.{pname}", pdoc.get("confidence", {}).get(pname, 0.0), right))
    gorders = {sc.order_number(o["number"]): o for o in gold.get("orders", [])}
    for order in pred["orders"]:
        g = gorders.get(sc.order_number(order["number"]))
        out.append(("order", order.get("confidence", 0.0), g is not None))
        bodies = list(g.get("responsible", [])) if g else []
        persons = Counter(sc.person_key(p) for p in (g.get("persons", []) if g else []))
        for party in order["responsible"]:
            if sc.pred_bodies([party]):
                hit = next((b for b in bodies if sc.similar(b, party["as_written"])), None)
                if hit is not None:
                    bodies.remove(hit)
                out.append(("responsible", party.get("confidence", 0.0), hit is not None))
            if party.get("person"):
                key = sc.person_key(party["person"])
                out.append(("person", party.get("confidence", 0.0), persons[key] > 0))
                persons[key] -= 1
        deadline = order.get("deadline") or {}
        if any(deadline.get(k) for k in ("date", "recurrence", "relative")):
            gd = sc.deadline_fact({"date": g.get("deadline"), "recurrence": g.get("recurrence"),
                                   "relative": g.get("relative")}) if g else "none"
            out.append(("deadline", deadline.get("confidence", 0.0), gd == sc.deadline_fact(deadline)))
    return out


def measure(corpora: list[Path], sc) -> tuple[Counter, Counter, list[str]]:
    sure, right, wrong_sure = Counter(), Counter(), []
    for corpus in corpora:
        for gold_file in sorted((corpus / "gold").glob("*.json")):
            docs = [d for d in (corpus / "docs").glob(gold_file.stem + ".*") if d.suffix != ".source"]
            if not docs:
                continue
            pred = parse_file(docs[0]).to_json()
            for kind, confidence, ok in fields(json.loads(gold_file.read_text(encoding="utf-8")), pred, sc):
                if confidence >= SURE:
                    sure[kind] += 1
                    right[kind] += int(ok)
                    if not ok:
                        wrong_sure.append(f"{docs[0].name}: {kind} ({confidence})")
    return sure, right, wrong_sure


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", nargs="+", type=Path)
    parser.add_argument("--scorer", type=Path, default=SCORER)
    parser.add_argument("--list", action="store_true", help="name every sure field that is wrong")
    args = parser.parse_args(argv)
    sure, right, wrong = measure(args.corpora, _scorer(args.scorer))
    for kind in sorted(sure):
        print(f"{kind:12} sure={sure[kind]:4d} right={right[kind]:4d} share={right[kind] / sure[kind]:.3f}")
    total, ok = sum(sure.values()), sum(right.values())
    print(f"sure fields (confidence >= {SURE}): {total}, right: {ok}, share={ok / max(1, total):.3f}")
    if args.list:
        print("\n".join(wrong))
    return 0


if __name__ == "__main__":
    sys.exit(main())
