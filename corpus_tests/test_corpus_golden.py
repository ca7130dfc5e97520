"""Golden JSON over the annotated corpora beside the project (../shared/corpus: dev, dev-docx,
dev-pdf): what `tracker parse --json` gives for every document, read by the real readers, is
pinned here, so any change in what is extracted shows up as a diff to review.

Run by `make corpus-check` (CI), not by `make test`: a fresh clone has no corpus beside it.
Without the corpus these tests fail, never skip. Regenerate after a deliberate change of the
rules, then review the diff and the scorer's figures before accepting it:

    UPDATE_GOLDEN=1 TRACKER_CORPUS=../shared/corpus .venv/bin/python -m pytest corpus_tests
    git diff corpus_tests/golden
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
CORPORA = ("dev", "dev-docx", "dev-pdf")
VOLATILE = {"source", "span", "confidence", "warnings"}
CORPUS = Path(os.environ.get("TRACKER_CORPUS", HERE.parent.parent / "shared" / "corpus"))


def stable(value):
    if isinstance(value, dict):
        return {k: stable(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [stable(v) for v in value]
    return value


def documents() -> list[tuple[str, str]]:
    """(corpus, file name) for every annotated document, from the golden folder (so a missing
    corpus fails loudly instead of collecting nothing)."""
    pinned = sorted((p.parent.name, p.stem) for p in GOLDEN.glob("*/*.json"))
    return pinned or [(name, "") for name in CORPORA]


def test_every_corpus_is_there_and_pinned():
    for name in CORPORA:
        docs = CORPUS / name / "docs"
        assert docs.is_dir(), f"нет корпуса {docs}: задайте TRACKER_CORPUS=путь/к/shared/corpus"
        annotated = {p.stem for p in (CORPUS / name / "gold").glob("*.json")}
        pinned = {p.stem for p in (GOLDEN / name).glob("*.json")}
        assert annotated <= pinned or os.environ.get("UPDATE_GOLDEN"), f"{name}: нет эталонов для {annotated - pinned}"


@pytest.mark.parametrize("corpus, stem", documents(), ids=lambda v: v)
def test_extraction_matches_the_pinned_output(corpus: str, stem: str):
    from parsers.pipeline import parse_file

    matches = [p for p in (CORPUS / corpus / "docs").glob(f"{stem}.*") if p.suffix != ".source"] if stem else []
    assert matches, f"нет документа {stem} в {CORPUS / corpus / 'docs'}"
    got = stable(parse_file(matches[0], source=matches[0].name).to_json())
    golden = GOLDEN / corpus / f"{stem}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(golden.read_text(encoding="utf-8"))
