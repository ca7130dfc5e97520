"""`tracker draft ...` gets its services from tracker.root.compose: $TRACKER_TODAY is its «today»."""
from __future__ import annotations

from datetime import date

from typer.testing import CliRunner

from cli.main import build_app
from tracker.root import compose


def test_tracker_today_is_the_day_of_a_draft_made_without_today(tmp_path, monkeypatch):
    db = tmp_path / "t.db"
    opened = compose(db, user="тест")
    opened.control.create_order(None, "1", "Представить отчёт о публикациях", ["Комитет ЖКХ"],
                                due=date(2026, 11, 6))
    opened.close()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(build_app(), ["draft", "reminders", "--db", str(db)],
                                env={"TRACKER_TODAY": "05.11.2026"})
    assert result.exit_code == 0, result.output
    assert (tmp_path / "напоминания-2026-11-05.docx").exists(), result.output
