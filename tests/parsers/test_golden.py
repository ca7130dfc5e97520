"""Golden files: extraction over every bundled sample act equals its hand-reviewed annotation.

The samples (tracker/samples/acts/*.txt) are also the demo data. Each golden file
tests/golden/acts/<name>.json is the expected `ParseResult.to_json()` without the fields
that say nothing to a clerk (source path, character spans, confidence, warnings).

Regenerate after a deliberate change of the rules, then REVIEW EVERY DIFF BY HAND before
accepting it (a golden file is what a careful clerk would annotate, not what the code prints):

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/parsers/test_golden.py
    git diff tests/golden/acts
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from parsers.model import Block, ReadDocument

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "tracker" / "samples" / "acts"
GOLDEN = ROOT / "tests" / "golden" / "acts"
VOLATILE = {"source", "span", "confidence", "warnings"}


def stable(value):
    """The result without volatile fields, recursively."""
    if isinstance(value, dict):
        return {k: stable(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [stable(v) for v in value]
    return value


def extracted(path: Path) -> dict:
    from parsers.extract import extract

    lines = path.read_text(encoding="utf-8").splitlines()
    document = ReadDocument.build("txt", [Block(text=line) for line in lines if line.strip()])
    return stable(extract(document, source=path.name).to_json())


SAMPLE_ACTS = sorted(SAMPLES.glob("*.txt"))


def test_there_are_sample_acts_of_every_kind():
    assert len(SAMPLE_ACTS) >= 8
    kinds = {json.loads((GOLDEN / f"{p.stem}.json").read_text(encoding="utf-8"))["document"]["kind"]
             for p in SAMPLE_ACTS}
    assert {"постановление", "распоряжение", "перечень поручений", "протокол", None} <= kinds


@pytest.mark.parametrize("act", SAMPLE_ACTS, ids=lambda p: p.stem)
def test_extraction_matches_the_golden_file(act: Path):
    golden = GOLDEN / f"{act.stem}.json"
    got = extracted(act)
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert golden.exists(), f"нет эталона {golden.name}: запустите с UPDATE_GOLDEN=1 и проверьте его вручную"
    assert got == json.loads(golden.read_text(encoding="utf-8"))
