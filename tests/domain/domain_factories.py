"""Builders for the domain specs: acts as ParseResults (so these tests do not depend on the
parsers' rules), a fake parser, a fixed clock."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from parsers.model import Deadline, DocumentInfo, ExtractedOrder, ParseResult, Party

NOW = datetime(2024, 3, 1, 10, 0)
TODAY = NOW.date()

MINOBR_DAT = "Министерству образования Иркутской области"
MINOBR = "Министерство образования Иркутской области"
MINZDRAV_DAT = "Министерству здравоохранения Иркутской области"
MINZDRAV = "Министерство здравоохранения Иркутской области"


def party(as_written: str, name: str | None = None, person: str | None = None) -> Party:
    return Party(as_written=as_written, name=name, person=person)


def order(number: str, text: str, *responsible: Party, due: date | None = None, recurrence: str | None = None,
          relative: str | None = None, deadline_text: str | None = None) -> ExtractedOrder:
    deadline = None
    if due or recurrence or relative or deadline_text:
        deadline = Deadline(text=deadline_text or (f"{due:%d.%m.%Y}" if due else recurrence or relative),
                            date=due, recurrence=recurrence, relative=relative)
    return ExtractedOrder(number=number, parent=None, text=text, span=(0, len(text)),
                          responsible=list(responsible), deadline=deadline, confidence=0.9)


def act(source: str, *orders: ExtractedOrder, number: str = "100-п", when: date = date(2024, 1, 15),
        title: str = "Об организации работы") -> ParseResult:
    text = "\n".join(o.text for o in orders)
    return ParseResult(
        source=source, format="txt", text=text,
        document=DocumentInfo(kind="постановление", number=number, date=when,
                              issuer="Правительство Иркутской области", title=title),
        orders=list(orders),
    )


class FakeParser:
    """Maps file names to prepared ParseResults: the service parses through it."""

    def __init__(self) -> None:
        self.results: dict[str, ParseResult] = {}

    def __call__(self, path: Path) -> ParseResult:
        return self.results[Path(path).name]


class Clock:
    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def import_act(service, parser: FakeParser, tmp_path: Path, name: str, result: ParseResult,
               content: str | None = None):
    """Write a file (its bytes decide the sha256), register its parse, preview and commit."""
    path = tmp_path / name
    path.write_text(content if content is not None else result.text + name, encoding="utf-8")
    parser.results[name] = result
    preview = service.preview_file(path)
    return preview, service.commit_import(preview)
