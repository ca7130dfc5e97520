"""The same act in another layout gives the same orders, executors and deadlines (issue 9).

Every real act — `corpus/real/*/docs` (in the repository) and `../shared/corpus/dev/docs`
(beside it, when present) — is parsed as published and again after each transformation in
`reflow.py`: one line per sentence, the whole act on one line, hard-wrapped at 60 columns,
words glued at the line ends, top-level numbering «1)» for «1.» (and back), Word's automatic
numbering, and a two-column table «№ | Поручение». What must not change: each order's number,
its executors (spelling up to spaces and punctuation), its officials, and its deadline (date,
recurrence or a relative term, as the scorer counts it).

What a transformation legitimately cannot keep, and so is not compared:
- the act's number, date and kind: a table or a Word file moves no header line, but the
  relation is about orders; the header is tested by its own rule table;
- spans and the text of each order: the layout changes the characters;
- `renumbered` skips an act whose sub-items are already «1)»: with its top level «N)» too,
  «3)» after «2) … 1) 2)» is the third sub-item as much as the third item, for a reader too;
- `renumbered` and `word_numbered` skip an act holding items an amendment inserted («а1)», item
  2¹ printed «21.» after «2.»): neither «N)» nor Word's list can show them as printed;
- `renumbered` and `one_line` skip an act whose page broke Word's numbering into lists restarting
  at 1 between the items that kept their numbers: the kept numbers that place the others stand
  bare at line starts («7 Контроль …»), and neither «N)» nor one line keeps them;
- `one_line` skips an act laid out by its lines: a plan flattened from a table (its columns'
  titles «Срок исполнения», «Ответственный исполнитель» above rows whose cells are lines),
  sections headed «I.», «II.» at line starts, or items whose numbers the page lost, one
  paragraph each (on one line nothing tells the paragraphs apart); `orders_table` skips such a plan, whose term and
  executor cells cannot go into one «Поручение» cell.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import reflow

from parsers.pipeline import parse_file

ROOT = Path(__file__).resolve().parents[2]
REAL = sorted(ROOT.glob("corpus/real/*/docs/*.txt"))
SHARED = sorted((ROOT.parent / "shared" / "corpus" / "dev" / "docs").glob("*.txt"))
ACTS = REAL + SHARED


def _facts_of(path: Path) -> Counter:
    return reflow.facts(parse_file(path).to_json())


@pytest.fixture(scope="module")
def published() -> dict[Path, Counter]:
    return {act: _facts_of(act) for act in ACTS}


def _lines_of(act: Path) -> str:
    """The act's text with its lines as the reader takes them: a Unicode line separator (U+2028,
    which some datasets use instead of a line feed) is a line break."""
    return act.read_text(encoding="utf-8").replace("\u2028", "\n").replace("\u2029", "\n")


def _as_text(make):
    def variant(act: Path, tmp: Path) -> Path | None:
        text = make(_lines_of(act))
        if text is None:
            return None
        path = tmp / act.name
        path.write_text(text, encoding="utf-8")
        return path
    return variant


def _as_docx(make):
    def variant(act: Path, tmp: Path) -> Path | None:
        return make(_lines_of(act), tmp / f"{act.stem}.docx")
    return variant


VARIANTS = {
    "одна строка на предложение": _as_text(reflow.one_line_per_sentence),
    "весь акт одной строкой": _as_text(reflow.one_line),
    "перенос по 60 знаков": _as_text(reflow.hard_wrapped),
    "слова склеены на концах строк": _as_text(reflow.glued_at_line_ends),
    "нумерация «1)» вместо «1.»": _as_text(reflow.renumbered),
    "автонумерация Word": _as_docx(reflow.word_numbered),
    "таблица «№ | Поручение»": _as_docx(reflow.orders_table),
}


def test_the_real_acts_are_there():
    assert len(REAL) >= 60, "corpus/real: the real acts of issue 9 are missing"


@pytest.mark.parametrize("name", list(VARIANTS))
def test_another_layout_gives_the_same_orders_executors_and_deadlines(name, published, tmp_path):
    variant = VARIANTS[name]
    differ = {}
    compared = 0
    for act in ACTS:
        path = variant(act, tmp_path)
        if path is None:
            continue  # see the module docstring: no such variant of this act
        compared += 1
        got = _facts_of(path)
        if got != published[act]:
            lost, extra = published[act] - got, got - published[act]
            differ[act.name] = {"пропало": sorted(map(list, lost)), "лишнее": sorted(map(list, extra))}
    assert compared >= len(ACTS) * 0.8
    assert not differ, f"{name}: " + json.dumps(differ, ensure_ascii=False, indent=1)


def test_the_orders_table_builds_a_row_for_each_item(tmp_path):
    """The table variant is what it says: the items become rows of one table."""
    from parsers.readers import read_document

    act = next(a for a in REAL if a.name.startswith("a001"))
    document = read_document(reflow.orders_table(act.read_text(encoding="utf-8"), tmp_path / "t.docx"))
    rows = [block.text for block in document.blocks if block.in_table]
    assert rows[0].startswith("№ п/п") and any(row.startswith("2") for row in rows[1:])
