"""A parser's ParseResult as an ImportPreview the clerk can review (nothing stored)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.control.api import DraftOrder, ImportPreview
from tracker.control.records import act_label, span

if TYPE_CHECKING:
    from parsers.model import ParseResult


def preview_from_parse(result: ParseResult, sha256: str = "") -> ImportPreview:
    """A parsers.ParseResult as an ImportPreview the clerk can review (nothing stored)."""
    doc = result.document
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
            deadline_text=deadline.text if deadline else None,
            due=deadline.date if deadline else None,
            recurrence=deadline.recurrence if deadline else None,
            relative=deadline.relative if deadline else None,
            confidence=float(item.confidence or 0.0),
        ))
    return ImportPreview(
        source=result.source, error=result.error, kind=doc.kind, number=doc.number, date=doc.date,
        issuer=doc.issuer, title=doc.title, text=result.text or "", orders=orders,
        warnings=list(result.warnings), sha256=sha256, **_act_extras(result),
    )


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
    return {"format": result.format, "controller": controller, "signatory": signatory, "amends": amends}
