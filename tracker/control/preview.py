"""What an import shows before anything is stored: the files it takes, and a parser's ParseResult
as an ImportPreview the clerk can review."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from parsers.model import is_sure
from russian_errors import os_problem
from tracker.amendments import AmendedAct, repealed
from tracker.control.api import DraftOrder, ImportPreview
from tracker.control.records import act_label, span

if TYPE_CHECKING:
    from parsers.model import ExtractedOrder, ParseResult

ACT_FILE_SUFFIXES = (".docx", ".pdf", ".txt", ".rtf", ".odt", ".doc", ".jpg", ".jpeg", ".png", ".tif", ".tiff")


def preview_from_parse(result: ParseResult, sha256: str = "") -> ImportPreview:
    """A parsers.ParseResult as an ImportPreview the clerk can review (nothing stored).
    From a scan, the orders, executors and deadlines read from poorly recognised lines are marked."""
    from parsers.read_confidence import POORLY_READ, read_confidence_of

    doc = result.document
    read_lines = list(result.read_lines)
    poorly_read = [line for line in read_lines if line[2] < POORLY_READ]
    orders: list[DraftOrder] = []
    for item in result.orders:
        deadline = item.deadline
        orders.append(DraftOrder(
            number=item.number, text=item.text, parent=item.parent,
            span=span(item.span),
            responsible=[p.as_written for p in item.responsible],
            responsible_names=[p.name or p.as_written for p in item.responsible],
            persons=[p.person for p in item.responsible],
            coexecutors=[p.name or p.as_written for p in item.coexecutors],
            coexecutor_persons=[p.person for p in item.coexecutors],
            deadline_text=deadline.text if deadline else None,
            due=deadline.date if deadline else None,
            recurrence=deadline.recurrence if deadline else None,
            relative=deadline.relative if deadline else None,
            confidence=float(item.confidence or 0.0),
            read_confidence=read_confidence_of(item.span, read_lines),
            poorly_read=read_confidence_of(item.span, poorly_read) is not None,
            unsure=_unsure_of_order(item, [name for name, spans in (
                ("responsible", [p.span for p in item.responsible]), ("deadline", [deadline.span if deadline else None]))
                if any(read_confidence_of(span, poorly_read) is not None for span in spans)]),
            quoted=bool(getattr(item, "in_quoted_amendment", False)),
        ))
    unsure = [name for name in ("kind", "number", "date", "issuer", "title")
              if getattr(doc, name) and not is_sure(doc.confidence.get(name))]
    return ImportPreview(
        source=result.source, error=result.error, kind=doc.kind, number=doc.number, date=doc.date,
        issuer=doc.issuer, title=doc.title, text=result.text or "", orders=orders,
        warnings=list(result.warnings), sha256=sha256, poorly_read=poorly_read, unsure=unsure,
        **_act_extras(result),
    )


def _unsure_of_order(item: ExtractedOrder, poorly_read: list[str]) -> list[str]:
    """The fields of an extracted order to check: those the rules marked unsure (parsers.model.is_sure)
    and those read from poorly recognised lines of a scan."""
    out = list(poorly_read)
    if "responsible" not in out and any(not is_sure(p.confidence) for p in item.responsible + item.coexecutors):
        out.append("responsible")
    if "deadline" not in out and item.deadline is not None and not is_sure(item.deadline.confidence):
        out.append("deadline")
    return out


def _act_extras(result: ParseResult) -> dict:
    """Format, controller, signatory and amended acts as short Russian strings."""
    doc = result.document
    controller = None
    if doc.controller is not None:
        controller = doc.controller.name or doc.controller.as_written
        if doc.controller.person and doc.controller.person not in (controller or ""):
            controller = f"{controller} ({doc.controller.person})"
    signatory = None
    if doc.signatory is not None and (doc.signatory.position or doc.signatory.person):
        signatory = " ".join(x for x in (doc.signatory.position, doc.signatory.person) if x)
    amends = [ref.text or act_label(ref.kind, ref.number, ref.date) for ref in doc.amends]
    amended = [AmendedAct(ref.kind, ref.number, ref.date) for ref in doc.amends]
    return {"format": result.format, "controller": controller, "signatory": signatory, "amends": amends,
            "amended_acts": amended, "repealed": repealed(result.text or "") if amended else []}


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given; directories expanded to the act files in them (recursively, sorted)."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ACT_FILE_SUFFIXES))
        else:
            files.append(path)
    return files


def file_sha256(path: Path) -> str | ImportPreview:
    """The file's SHA-256 (what recognises a file imported before), or the preview of the error."""
    if path.exists() and not path.is_file() and not path.is_dir():  # a named pipe would wait forever
        return error_preview(str(path), f"{path}: это не файл, а именованный канал или устройство. "
                                        "Укажите файл акта.")
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError as error:
        return error_preview(str(path), f"{path}: файл не открывается ({os_problem(error)}). "
                              "Проверьте путь и права доступа.")


def error_preview(source: str, message: str) -> ImportPreview:
    return ImportPreview(source=source, error=message, kind=None, number=None, date=None, issuer=None,
                         title=None, text="", orders=[], warnings=[])
