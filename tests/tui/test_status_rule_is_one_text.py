"""Issue 10: the status rule of an order with co-executors says the same in `done --help`,
`report --help`, the desk's F1 help and the README (one text, tracker.rules.STATUS_RULE)."""
from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from cli.main import build_app
from tracker.rules import STATUS_RULE

README = Path(__file__).resolve().parents[2] / "README.md"


def flat(text: str) -> str:
    """Words only, one space apart: line wrapping, table borders and quote marks of markdown dropped."""
    text = re.sub(r"^\s*>\s?", "", text, flags=re.MULTILINE)
    return " ".join(text.replace("│", " ").split())


RULE = flat(STATUS_RULE)


def test_the_rule_names_each_point_a_clerk_acts_on():
    for words in ("каждого его исполнителя", "соисполнителя", "снятая с контроля, не учитывается",
                  "принимается всегда", "`--point`", "самый ранний, не принятый у него",
                  "когда её приняли у всех", "остаётся просроченным, даже если следующие приняты"):
        assert words in RULE, words


def test_done_and_report_help_quote_the_rule():
    runner = CliRunner()
    for command in ("done", "report"):
        result = runner.invoke(build_app(), [command, "--help"], env={"COLUMNS": "100"})
        assert result.exit_code == 0
        assert RULE in flat(result.output), command


def test_the_readme_quotes_the_rule():
    assert RULE in flat(README.read_text(encoding="utf-8"))


async def test_the_desks_f1_help_shows_the_rule(fake_app):
    async with fake_app.run_test(size=(140, 60)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        shown = str(fake_app.screen.query_one("#help-status-rule").render())
        assert flat(shown) == RULE
