"""Acts written here: rule tests in the styles of real acts, annotated by the extraction contract.

The 44 texts in `written/` were WRITTEN ON THIS PROJECT, in six batches, beside the rules
(site chrome, one-line acts, hard wraps, annexes after the signature, protocols, перечни
поручений imitated, not copied). They are good tests of the rules, and a score on them proves
nothing about acts nobody here wrote: generalisation is measured on `corpus/real/measured`
only (see corpus/real/README.md). `written/README.md` says the same.

Each `written/NAME.txt` has its annotation `NAME.json` in the scorer's format. A file with
«| a | b |» lines is a .docx whose table rows those are: it is built and read through the .docx
reader, so table cells arrive as blocks the way real Word files deliver them. The facts are
scored as the corpus scorer does (orders by number, bodies by fuzzy spelling, persons by
initials and surname stem, deadline as one fact), and the micro F1 must hold the bar set when
the rules were tuned.

Decisions the annotations take where the contract is silent: a quarter or a half-year is
its last day (like a month alone); «ежегодно до 1 февраля» (a day without a year under a
recurrence word) is the recurrence; «в двухмесячный срок», «не позднее N дней со дня ...»
are relative terms, and so is a time window («в период паводка»), as the contract says;
«до N-го числа месяца, следующего за отчетным» is monthly (…отчетным кварталом: quarterly);
a participial qualifier of the addressee («..., ответственным за ...») is part of it as
written; «Ответственность за исполнение постановления возлагается на ...» is the control
clause, not an order.

The first batch scored F1 0.884 before the rules were tuned to it; the later batches, added
untuned, scored 0.987, 0.998, 1.000, 0.995 and 0.997 — on texts written by the same hands as
the rules, which is why those figures are no evidence.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from builders import DocxBuilder
from extraction_score import bodies as _bodies
from extraction_score import deadline_fact
from extraction_score import norm as _norm
from extraction_score import order_number as _number
from extraction_score import person_key as _person_key
from extraction_score import similar as _similar

from parsers.pipeline import parse_file

WRITTEN = Path(__file__).parent / "written"
BAR = 0.98


def _score(gold: dict, pred: dict, log: list[str]) -> Counter:
    """True/false positives and misses of one act, as the corpus scorer counts them."""
    tally: Counter = Counter()
    gdoc, pdoc = gold["doc"], pred["document"] or {}
    for field, pfield in (("type", "kind"), ("number", "number"), ("date", "date")):
        g, p = gdoc.get(field), pdoc.get(pfield)
        if g is None and p is None:
            continue
        ok = g is not None and p is not None and _norm(str(g)) == _norm(str(p))
        tally.update(tp=int(ok), fp=int(not ok and p is not None), fn=int(not ok and g is not None))
        if not ok:
            log.append(f"doc.{pfield}: ожидалось {g!r}, получено {p!r}")
    porders: dict[str, dict] = {}
    for order in pred["orders"]:
        porders.setdefault(_number(order["number"]), order)
    gorders = {_number(o["number"]): o for o in gold["orders"]}
    extra = [n for n in porders if n not in gorders]
    tally.update(fp=len(extra))
    if extra:
        log.append(f"лишние пункты: {extra}")
    for number, g in gorders.items():
        p = porders.get(number)
        if p is None:
            tally.update(fn=1 + len(g["responsible"]) + len(g["persons"]) + 1)
            log.append(f"пропущен пункт {number}")
            continue
        tally.update(tp=1)
        pred_bodies = _bodies(p["responsible"])
        left = list(pred_bodies)
        for body in g["responsible"]:
            hit = next((x for x in left if _similar(body, x)), None)
            if hit is None:
                tally.update(fn=1)
            else:
                left.remove(hit)
                tally.update(tp=1)
        tally.update(fp=len(left))
        if left or len(pred_bodies) - len(left) != len(g["responsible"]):
            log.append(f"{number} исполнители: ожидалось {g['responsible']}, получено {pred_bodies}")
        gp = Counter(_person_key(x) for x in g["persons"])
        pp = Counter(_person_key(x["person"]) for x in p["responsible"] if x.get("person"))
        hits = sum((gp & pp).values())
        tally.update(tp=hits, fp=sum(pp.values()) - hits, fn=sum(gp.values()) - hits)
        if gp != pp:
            log.append(f"{number} лица: ожидалось {g['persons']}, получено {[x['person'] for x in p['responsible']]}")
        gd = deadline_fact({"date": g["deadline"], "recurrence": g["recurrence"], "relative": g["relative"]})
        d = p.get("deadline") or {}
        pd = deadline_fact(d)
        tally.update(tp=int(gd == pd), fp=int(gd != pd), fn=int(gd != pd))
        if gd != pd:
            log.append(f"{number} срок: ожидалось {gd}, получено {pd}")
    return tally


def _as_docx(text: str, path: Path) -> Path:
    """Lines «| a | b |» become rows of one table; other lines, paragraphs."""
    builder = DocxBuilder()
    rows: list[list[str]] = []
    for line in text.splitlines():
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
            continue
        if rows:
            builder.table(rows)
            rows = []
        builder.paragraph(line)
    if rows:
        builder.table(rows)
    return builder.save(path)


def _parse(source: Path, tmp_path: Path) -> dict:
    text = source.read_text(encoding="utf-8")
    path = _as_docx(text, tmp_path / f"{source.stem}.docx") if re.search(r"(?m)^\|", text) else source
    return parse_file(path).to_json()


@pytest.fixture(scope="module")
def scored(tmp_path_factory) -> tuple[Counter, dict[str, list[str]]]:
    tmp = tmp_path_factory.mktemp("written")
    total: Counter = Counter()
    logs: dict[str, list[str]] = {}
    for source in sorted(WRITTEN.glob("*.txt")):
        gold = json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))
        log: list[str] = []
        total += _score(gold, _parse(source, tmp), log)
        if log:
            logs[source.stem] = log
    return total, logs


def test_every_written_act_has_its_annotation():
    acts = sorted(WRITTEN.glob("*.txt"))
    assert len(acts) >= 20
    assert all(act.with_suffix(".json").exists() for act in acts)


def test_extraction_holds_on_acts_written_here(scored):
    tally, logs = scored
    precision = tally["tp"] / max(1, tally["tp"] + tally["fp"])
    recall = tally["tp"] / max(1, tally["tp"] + tally["fn"])
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    for name, log in logs.items():
        print(name, *log, sep="\n  ")
    print(f"written here: F1={f1:.3f} P={precision:.3f} R={recall:.3f}")
    assert f1 >= BAR
