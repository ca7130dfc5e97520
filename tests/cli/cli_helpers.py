"""Helpers for the CLI specs: run `tracker` in-process on a temporary database."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from cli.main import build_app
from parsers.model import Deadline, DocumentInfo, ExtractedOrder, ParseResult, Party

MINOBR_DAT = "Министерству образования Иркутской области"
MINOBR = "Министерство образования Иркутской области"
MINZDRAV_DAT = "Министерству здравоохранения Иркутской области"
MINZDRAV = "Министерство здравоохранения Иркутской области"


def parsed_act(source: str, number: str = "1611-п", first_due: date = date(2024, 2, 1),
               first_text: str = "Обеспечить размещение сведений") -> ParseResult:
    """What the parser would return for a small постановление with three orders."""
    orders = [
        ExtractedOrder("1", None, first_text, (0, 10), [Party(MINOBR_DAT, MINOBR, "Е.А. Терпугова")],
                       deadline=Deadline(text=f"до {first_due:%d.%m.%Y}", date=first_due), confidence=0.9),
        ExtractedOrder("2", None, "Провести совещание", (11, 20),
                       [Party(MINOBR_DAT, MINOBR), Party(MINZDRAV_DAT, MINZDRAV)],
                       deadline=Deadline(text="до 1 апреля 2024 года", date=date(2024, 4, 1)), confidence=0.9),
        ExtractedOrder("3", None, "Ежеквартально представлять отчёт", (21, 40), [Party(MINZDRAV_DAT, MINZDRAV)],
                       deadline=Deadline(text="ежеквартально", recurrence="ежеквартально"), confidence=0.8),
    ]
    return ParseResult(source=source, format="txt", text="текст акта " * 5,
                       document=DocumentInfo(kind="постановление", number=number, date=date(2024, 1, 15),
                                             issuer="Правительство Иркутской области", title="О мерах"),
                       orders=orders)


class Cli:
    """`tracker` with --db on a temp database, today fixed, the parser replaced by prepared results."""

    def __init__(self, db: Path, today: str = "01.03.2024") -> None:
        self.db = db
        self.env = {"TRACKER_DB": str(db), "TRACKER_TODAY": today}
        self.runner = CliRunner()
        self.app = build_app()

    def __call__(self, *args: str, input: str | None = None):
        return self.runner.invoke(self.app, list(args), env=self.env, input=input, catch_exceptions=False)
