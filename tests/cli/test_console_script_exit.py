"""The console script (cli.main:main) ends an import or a parse at once once the work is done:
the output is all there, the exit status is the command's, and what was imported is stored."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from test_import_real_parser import ACT

ROOT = Path(__file__).resolve().parents[2]


def tracker(*args: str) -> subprocess.CompletedProcess[str]:
    """`tracker ARGS` as the console script runs it, in a process of its own, output piped."""
    return subprocess.run([sys.executable, "-c", "from cli.main import main; main()", *args], cwd=ROOT,
                          env=dict(os.environ, TRACKER_TODAY="20.11.2026"), capture_output=True, text=True,
                          check=False)


def test_an_import_with_a_bad_file_says_everything_stores_the_rest_and_exits_1(tmp_path):
    acts = tmp_path / "acts"
    acts.mkdir()
    (acts / "12-пп.txt").write_text(ACT, encoding="cp1251")
    (acts / "13-пп.txt").write_text(ACT.replace("№ 12-пп", "№ 13-пп"), encoding="cp1251")
    (acts / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    db = tmp_path / "t.db"
    done = tracker("import", "--yes", "--db", str(db), str(acts))
    assert done.returncode == 1, done.stderr
    assert done.stdout.rstrip().splitlines()[-1].startswith("Итого: файлов 3; актов добавлено 2")
    assert "ошибок: 1" in done.stdout
    listed = tracker("orders", "--json", "--db", str(db))
    assert listed.returncode == 0, listed.stderr
    assert {json.loads(line)["act"] for line in listed.stdout.splitlines()} == {
        "Постановление № 12-пп от 15.01.2024", "Постановление № 13-пп от 15.01.2024"}


def test_a_parse_prints_one_json_line_per_file_and_exits_0(tmp_path):
    act = tmp_path / "12-пп.txt"
    act.write_text(ACT, encoding="cp1251")
    done = tracker("parse", "--json", str(act), str(act))
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["document"]["number"] for line in lines] == ["12-пп", "12-пп"]
