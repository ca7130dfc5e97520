"""Fixtures for the CLI specs: a temp database and a parser that returns prepared acts."""
from __future__ import annotations

from pathlib import Path

import pytest
from cli_helpers import Cli, parsed_act

# Import the real packages now, at collection: once tests/ is on sys.path (test_architecture.py
# puts it there), the folders tests/db and tests/parsers would shadow them as namespace packages.
import db  # noqa: F401
import parsers


@pytest.fixture
def acts(monkeypatch):
    """File name -> ParseResult; files not listed are parsed by the real parsers."""
    prepared: dict = {}
    real = parsers.parse_file

    def fake(path, source=None):
        name = Path(path).name
        if name in prepared:
            result = prepared[name]
            result.source = source or str(path)
            return result
        return real(path, source=source)

    def fake_many(paths, sources=None):  # the folder path of an import (parsers.pipeline.parse_files)
        for index, path in enumerate(paths):
            yield fake(path, None if sources is None else sources[index])

    from parsers import pipeline

    monkeypatch.setattr(parsers, "parse_file", fake)
    monkeypatch.setattr(pipeline, "parse_files", fake_many)
    return prepared


@pytest.fixture
def cli(tmp_path) -> Cli:
    return Cli(tmp_path / "base" / "tracker.db")


@pytest.fixture
def act_file(tmp_path, acts) -> Path:
    path = tmp_path / "p1611.txt"
    path.write_text("ПОСТАНОВЛЕНИЕ № 1611-п", encoding="utf-8")
    acts[path.name] = parsed_act(str(path))
    return path
