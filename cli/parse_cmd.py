"""`tracker parse FILE... [--json]`: read act files and show what was extracted.

Every file gets its result, in the order given; a file that cannot be read is reported in
one Russian line and the next file goes on. Exit status 1 if any file failed. With --json
stdout holds exactly one JSON line per file (shared/docs/extraction-contract.md), and
everything else goes to stderr. The parsers (pymorphy3, pdfplumber...) load inside the command.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cli.common import friendly_errors, page_read, work_is_done

if TYPE_CHECKING:
    from parsers.model import ExtractedOrder, ParseResult

PREVIEW_WORDS = 14
UNSURE = " (?)"  # after a field the rules are not sure of, or read from a poorly recognised line of a scan


def register(app: typer.Typer) -> None:
    """Add `parse` to the app."""

    @app.command("parse")
    @friendly_errors
    def parse(
        files: Annotated[list[Path], typer.Argument(help="Файлы актов: .docx, .pdf, .txt, .rtf, .odt, .doc; сканы .jpg, .png, .tif.",
                                                    show_default=False)],
        as_json: Annotated[bool, typer.Option("--json", help="Вывести JSON Lines: одна строка на файл.")] = False,
    ) -> None:
        """Разобрать акты: реквизиты, поручения, исполнители и сроки."""
        failed = parse_files([str(file) for file in files], as_json)
        work_is_done()
        if failed:
            raise typer.Exit(1)


def parse_files(sources: list[str], as_json: bool) -> int:
    """Parse each file and print its result as soon as it is ready; return how many failed."""
    from parsers.pipeline import parse_files as parse_all
    from parsers.readers.ocr import OcrControl

    failed = 0
    show_progress = as_json and len(sources) > 1 and sys.stderr.isatty()
    for index, result in enumerate(parse_all(sources, ocr=OcrControl(progress=lambda p: page_read(p.source, p.done, p.total))), 1):
        if show_progress:
            print(f"[{index}/{len(sources)}] {result.source}", file=sys.stderr)
        if result.error:
            failed += 1
            print(f"Ошибка: {result.error}", file=sys.stderr)
        if as_json:
            sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
            for warning in result.warnings:
                print(f"{result.source}: предупреждение: {warning}", file=sys.stderr)
        elif not result.error:
            print(summary(result), flush=True)
    return failed


def summary(result: ParseResult) -> str:
    """A readable Russian summary of one act; «(?)» marks what the rules doubt or a poorly read scan line gave."""
    doc = result.document

    def mark(name: str) -> str:  # a detail read from a poorly recognised line is capped below sure too
        return _mark(doc.confidence.get(name)) if getattr(doc, name) else ""

    lines = [f"Файл: {result.source} ({result.format or '?'})"]
    lines.append(f"  Вид акта:   {doc.kind or 'не определён'}{mark('kind')}")
    lines.append(f"  Номер:      {doc.number or '—'}{mark('number')}")
    lines.append(f"  Дата:       {doc.date.strftime('%d.%m.%Y') if doc.date else '—'}{mark('date')}")
    lines.append(f"  Издал:      {doc.issuer or '—'}{mark('issuer')}")
    lines.append(f"  Заголовок:  {doc.title or '—'}{mark('title')}")
    if doc.controller:
        lines.append(f"  Контроль:   {_party(doc.controller)}")
    if doc.signatory and (doc.signatory.position or doc.signatory.person):
        lines.append(f"  Подписал:   {' '.join(p for p in (doc.signatory.position, doc.signatory.person) if p)}")
    for ref in doc.amends:
        lines.append(f"  Изменяет:   {ref.text or ref.number}")
    for ref in doc.cancels:
        lines.append(f"  Отменяет:   {ref.text or ref.number}")
    if result.orders:
        lines.append(f"  Поручений: {len(result.orders)}")
        lines.extend(_order_lines(order, result) for order in result.orders)
    else:
        lines.append("  Поручений не найдено")
    lines.extend(f"  Предупреждение: {warning}" for warning in result.warnings)
    if UNSURE in "\n".join(lines):
        lines.append(f"  {UNSURE.strip()} — правило не уверено или строка скана прочитана плохо: сверьте это поле с текстом акта.")
    return "\n".join(lines) + "\n"


def _mark(confidence: float | None) -> str:
    from parsers.model import is_sure

    return "" if is_sure(confidence) else UNSURE


def _party(party, marked: bool = False) -> str:  # noqa: ANN001 - parsers.model.Party
    name = party.name or party.as_written
    shown = f"{name} ({party.person})" if party.person and party.person != name else name
    return shown + _mark(party.confidence) if marked else shown


def _unsure(result: ParseResult, span: tuple[int, int] | None) -> str:
    from parsers.read_confidence import POORLY_READ, read_confidence_of

    confidence = read_confidence_of(span, result.read_lines)
    return UNSURE if confidence is not None and confidence < POORLY_READ else ""


def _order_lines(order: ExtractedOrder, result: ParseResult) -> str:
    words = order.text.split()
    preview = " ".join(words[:PREVIEW_WORDS]) + (" …" if len(words) > PREVIEW_WORDS else "")
    executors = "; ".join(_party(p) + (_mark(p.confidence) or _unsure(result, p.span or order.span))
                          for p in order.responsible) or "не указан"
    parts = [f"  {order.number}. {preview}{_unsure(result, order.span)}", f"      Исполнитель: {executors}"]
    if order.coexecutors:
        parts.append(f"      Совместно с: {'; '.join(_party(p, marked=True) for p in order.coexecutors)}")
    deadline = order.deadline
    if deadline and (deadline.date or deadline.recurrence or deadline.relative or deadline.text):
        when = deadline.date.strftime("%d.%m.%Y") if deadline.date else (deadline.recurrence or deadline.relative
                                                                          or deadline.text or "")
        if deadline.date and deadline.recurrence:  # «Срок – 1 марта 2025 г., далее – один раз в полгода»
            when += f", далее {deadline.recurrence}"
        parts.append(f"      Срок: {when}{_mark(deadline.confidence) or _unsure(result, deadline.span or order.span)}")
    else:
        parts.append("      Срок: не указан")
    return "\n".join(parts)
