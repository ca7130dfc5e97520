"""The extraction score of ../shared/tools/score_extraction.py, over the project's golden JSON.

The shared tool scores `tracker parse --json` against hand annotations of its corpus; the
OCR tests score parses of scanned sample acts against the samples' golden files
(tests/golden/acts), which hold the same JSON as `parse --json`. This module turns a golden
file into the tool's annotation shape and counts the same facts the same way: each order
under its number, each responsible body (fuzzy, 0.85), each person (initials and surname
stem), each deadline, and the act's kind, number and date. Headline: micro F1.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter

FUZZY = 0.85


def norm(text: str | None) -> str:
    text = (text or "").lower().replace("ё", "е")
    text = re.sub(r"[«»\"'“”„()\[\],.;:]", " ", text)
    text = re.sub(r"[‐-―−-]+", "-", text)
    return re.sub(r"\s+", " ", text).strip(" -")


def similar(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    return bool(a) and bool(b) and difflib.SequenceMatcher(None, a, b).ratio() >= FUZZY


def person_key(name: str | None) -> str:
    words = re.sub(r"[^а-яa-z]", " ", norm(name)).split()
    if not words:
        return ""
    return "".join(w for w in words if len(w) == 1) + ":" + max(words, key=len)[:5]


def order_number(text: str | None) -> str:
    return re.sub(r"[\s.)]+$", "", (text or "").strip()).replace(" ", "")


def deadline_fact(d: dict | None) -> str:
    d = d or {}
    if d.get("date"):
        return "date:" + d["date"]
    if d.get("recurrence"):
        return "every:" + norm(d["recurrence"])
    return "relative" if d.get("relative") else "none"


def bodies(items: list) -> list[str]:
    """The bodies named, as written; an executor who is a person alone is no body."""
    out = []
    for item in items or []:
        written = item.get("as_written") or item.get("name") or ""
        if item.get("person") and person_key(written) == person_key(item["person"]):
            continue
        if written:
            out.append(written)
    return out


def persons(order: dict) -> list[str]:
    return [item["person"] for item in order.get("responsible") or [] if item.get("person")]


def as_annotation(golden: dict) -> dict:
    """A golden `parse --json` object in the annotation shape score_extraction.py reads."""
    doc = golden.get("document") or {}
    return {
        "doc": {"type": doc.get("kind"), "number": doc.get("number"), "date": doc.get("date")},
        "orders": [{"number": o["number"], "responsible": bodies(o.get("responsible")), "persons": persons(o),
                    "deadline": (o.get("deadline") or {}).get("date"),
                    "recurrence": (o.get("deadline") or {}).get("recurrence"),
                    "relative": (o.get("deadline") or {}).get("relative")} for o in golden.get("orders", [])],
    }


class Tally:
    def __init__(self) -> None:
        self.tp, self.fp, self.fn = Counter(), Counter(), Counter()
        self.log: list[str] = []

    def add(self, kind: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp[kind] += tp
        self.fp[kind] += fp
        self.fn[kind] += fn

    def f1(self) -> float:
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


def _match(gold: list[str], pred: list[str]) -> tuple[int, int, int]:
    pred = list(pred)
    tp = 0
    for g in gold:
        hit = next((p for p in pred if similar(g, p)), None)
        if hit is not None:
            pred.remove(hit)
            tp += 1
    return tp, len(pred), len(gold) - tp


def score(gold: dict, pred: dict | None, tally: Tally, name: str = "") -> None:
    """Add one document's facts to the tally (gold: as_annotation(...), pred: parse --json)."""
    pred = pred or {"document": {}, "orders": []}
    gdoc, pdoc = gold.get("doc", {}), pred.get("document") or {}
    for field, pfield in (("type", "kind"), ("number", "number"), ("date", "date")):
        g, p = gdoc.get(field), pdoc.get(pfield)
        if g is None and p is None:
            continue
        ok = g is not None and p is not None and norm(str(g)) == norm(str(p))
        tally.add("doc", tp=int(ok), fp=int(not ok and p is not None), fn=int(not ok and g is not None))
        if not ok:
            tally.log.append(f"{name} doc.{pfield}: gold={g!r} got={p!r}")
    porders: dict[str, dict] = {}
    for o in pred.get("orders") or []:
        porders.setdefault(order_number(o.get("number")), o)
    gorders = {order_number(o["number"]): o for o in gold.get("orders", [])}
    missing = [n for n in gorders if n not in porders]
    extra = [n for n in porders if n not in gorders]
    tally.add("order", tp=len(gorders) - len(missing), fp=len(extra), fn=len(missing))
    if missing or extra:
        tally.log.append(f"{name} orders missing {missing}, not in gold {extra}")
    for number, g in gorders.items():
        p = porders.get(number)
        if p is None:
            tally.add("responsible", fn=len(g.get("responsible", [])))
            tally.add("person", fn=len(g.get("persons", [])))
            tally.add("deadline", fn=1)
            continue
        got = bodies(p.get("responsible"))
        tp, fp, fn = _match(g.get("responsible", []), got)
        tally.add("responsible", tp, fp, fn)
        if fp or fn:
            tally.log.append(f"{name} {number} responsible: gold={g.get('responsible')} got={got}")
        gp = Counter(person_key(x) for x in g.get("persons", []))
        pp = Counter(person_key(x) for x in persons(p))
        tp = sum((gp & pp).values())
        tally.add("person", tp, sum(pp.values()) - tp, sum(gp.values()) - tp)
        gd = deadline_fact({"date": g.get("deadline"), "recurrence": g.get("recurrence"), "relative": g.get("relative")})
        pd = deadline_fact(p.get("deadline"))
        tally.add("deadline", tp=int(gd == pd), fp=int(gd != pd), fn=int(gd != pd))
        if gd != pd:
            tally.log.append(f"{name} {number} deadline: gold={gd} got={pd}")
