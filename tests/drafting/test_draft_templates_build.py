"""The committed templates are what templates/build_templates.py builds (reproducible)."""
from __future__ import annotations

import importlib.util
import zipfile

from tracker.drafting.engine import TEMPLATES_DIR

PARTS = ("word/document.xml", "word/styles.xml", "word/header1.xml", "word/header2.xml")


def load_builder():
    spec = importlib.util.spec_from_file_location("build_templates", TEMPLATES_DIR / "build_templates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rebuilt_templates_match_the_committed_ones(tmp_path):
    written = load_builder().build_all(tmp_path)
    assert sorted(p.name for p in written) == ["quarterly.docx", "reminders.docx", "report.docx"]
    for path in written:
        with zipfile.ZipFile(path) as fresh, zipfile.ZipFile(TEMPLATES_DIR / path.name) as committed:
            for part in PARTS:
                if part in committed.namelist():
                    assert fresh.read(part) == committed.read(part), f"{path.name}:{part} differs: rebuild templates"
