"""Records <-> store dicts (dates as ISO strings), and ParseResult -> ImportPreview.

The one place that knows both the domain's dataclasses and the shapes stored in db/ and
produced by parsers/. Stored dicts are plain JSON: dates "YYYY-MM-DD", datetimes ISO.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from tracker.models import (
    Act,
    ActVersion,
    Assignment,
    ClosedPoint,
    Deadline,
    DeadlineKind,
    Executor,
    ExecutorRole,
    Extension,
    HistoryEntry,
    Order,
    Recurrence,
    Status,
)
from tracker.services.api import DraftOrder, ImportPreview


def d2s(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def s2d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def s2dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _span(value: Any) -> tuple[int, int] | None:
    return (int(value[0]), int(value[1])) if value else None


# -- deadline -------------------------------------------------------------------------------
def deadline_to_dict(d: Deadline) -> dict:
    return {
        "kind": str(d.kind), "text": d.text, "due": d2s(d.due),
        "recurrence": str(d.recurrence) if d.recurrence else None,
        "relative": d.relative, "relative_days": d.relative_days, "relative_working": d.relative_working,
        "anchor": d2s(d.anchor), "review_every_days": d.review_every_days,
        "start": d2s(d.start), "point_day": d.point_day, "covered_until": d2s(d.covered_until),
    }


def deadline_from_dict(raw: dict | None) -> Deadline:
    raw = raw or {}
    return Deadline(
        kind=DeadlineKind(raw.get("kind") or "none"), text=raw.get("text"), due=s2d(raw.get("due")),
        recurrence=Recurrence(raw["recurrence"]) if raw.get("recurrence") else None,
        relative=raw.get("relative"), relative_days=raw.get("relative_days"),
        relative_working=bool(raw.get("relative_working")), anchor=s2d(raw.get("anchor")),
        review_every_days=raw.get("review_every_days"), start=s2d(raw.get("start")),
        point_day=raw.get("point_day"), covered_until=s2d(raw.get("covered_until")),
    )


# -- order --------------------------------------------------------------------------------
def assignment_to_dict(a: Assignment) -> dict:
    return {
        "executor_id": a.executor_id, "as_written": a.as_written, "role": str(a.role), "person": a.person,
        "status": str(a.status), "reported_at": d2s(a.reported_at), "done_at": d2s(a.done_at),
        "report": a.report,
    }


def assignment_from_dict(raw: dict) -> Assignment:
    return Assignment(
        executor_id=raw["executor_id"], as_written=raw.get("as_written", ""),
        role=ExecutorRole(raw.get("role") or "responsible"), person=raw.get("person"),
        status=Status(raw.get("status") or Status.ON_CONTROL), reported_at=s2d(raw.get("reported_at")),
        done_at=s2d(raw.get("done_at")), report=raw.get("report"),
    )


def extension_to_dict(e: Extension) -> dict:
    return {"old": d2s(e.old), "new": d2s(e.new), "reason": e.reason, "basis": e.basis,
            "at": e.at.isoformat(timespec="seconds"), "who": e.who}


def extension_from_dict(raw: dict) -> Extension:
    return Extension(old=s2d(raw.get("old")), new=s2d(raw["new"]), reason=raw.get("reason", ""),
                     basis=raw.get("basis"), at=s2dt(raw.get("at")) or datetime.min, who=raw.get("who", ""))


def order_to_record(o: Order) -> dict:
    """The stored order (history lives in its own table, appended only)."""
    return {
        "id": o.id, "act_id": o.act_id, "number": o.number, "text": o.text, "parent": o.parent,
        "span": list(o.span) if o.span else None, "deadline": deadline_to_dict(o.deadline),
        "assignments": [assignment_to_dict(a) for a in o.assignments], "status": str(o.status),
        "done_at": d2s(o.done_at), "withdrawn_reason": o.withdrawn_reason,
        "extensions": [extension_to_dict(e) for e in o.extensions], "confidence": o.confidence,
        "closed_points": [{"due": d2s(p.due), "done_at": d2s(p.done_at)} for p in o.closed_points],
        "created": d2s(o.created),
    }


def order_from_record(raw: dict) -> Order:
    return Order(
        id=raw["id"], act_id=raw.get("act_id") or "", number=raw.get("number") or "",
        text=raw.get("text") or "", parent=raw.get("parent"), span=_span(raw.get("span")),
        deadline=deadline_from_dict(raw.get("deadline")),
        assignments=[assignment_from_dict(a) for a in raw.get("assignments") or []],
        status=Status(raw.get("status") or Status.ON_CONTROL), done_at=s2d(raw.get("done_at")),
        withdrawn_reason=raw.get("withdrawn_reason"),
        extensions=[extension_from_dict(e) for e in raw.get("extensions") or []],
        confidence=float(raw.get("confidence") or 0.0),
        closed_points=[ClosedPoint(due=s2d(p["due"]), done_at=s2d(p["done_at"]))
                       for p in raw.get("closed_points") or []],
        created=s2d(raw.get("created")), rev=raw.get("_rev"),
    )


def history_to_record(order_id: str, h: HistoryEntry) -> dict:
    return {"order_id": order_id, "at": h.at.isoformat(timespec="seconds"), "who": h.who,
            "action": h.action, "what": h.what, "why": h.why, "data": h.data}


def history_from_record(raw: dict) -> HistoryEntry:
    return HistoryEntry(at=s2dt(raw.get("at")) or datetime.min, who=raw.get("who", ""),
                        action=raw.get("action", ""), what=raw.get("what", ""), why=raw.get("why"),
                        data=raw.get("data") or {})


# -- act ------------------------------------------------------------------------------------
def act_to_record(a: Act, key: str | None = None) -> dict:
    return {
        "id": a.id, "kind": a.kind, "number": a.number, "date": d2s(a.date), "issuer": a.issuer,
        "title": a.title, "text": a.text, "format": a.format, "controller": a.controller,
        "signatory": a.signatory, "amends": list(a.amends), "key": key,
        "versions": [
            {"version": v.version, "source": v.source, "sha256": v.sha256,
             "imported_at": v.imported_at.isoformat(timespec="seconds"), "who": v.who, "changes": list(v.changes)}
            for v in a.versions
        ],
    }


def act_from_record(raw: dict) -> Act:
    return Act(
        id=raw["id"], kind=raw.get("kind"), number=raw.get("number"), date=s2d(raw.get("date")),
        issuer=raw.get("issuer"), title=raw.get("title"), text=raw.get("text") or "",
        format=raw.get("format"), controller=raw.get("controller"), signatory=raw.get("signatory"),
        amends=list(raw.get("amends") or []),
        versions=[
            ActVersion(version=v["version"], source=v.get("source", ""), sha256=v.get("sha256", ""),
                       imported_at=s2dt(v.get("imported_at")) or datetime.min, who=v.get("who", ""),
                       changes=list(v.get("changes") or []))
            for v in raw.get("versions") or []
        ],
        rev=raw.get("_rev"),
    )


def act_label(kind: str | None, number: str | None, when: date | None) -> str:
    """«Постановление № 1611-п от 30.06.2023» (whatever of it is known)."""
    parts = [(kind or "акт").capitalize()]
    if number:
        parts.append(f"№ {number}")
    if when:
        parts.append(f"от {when:%d.%m.%Y}")
    return " ".join(parts)


def act_key(kind: str | None, number: str | None, when: date | None, issuer: str | None,
            title: str | None = None) -> str | None:
    """Identity of an act across versions and formats: same kind, number, date and issuer.

    An act printed without a number (a перечень поручений) is known by its date and title
    instead; with neither number nor date nor title it has no identity (only its file hash).
    """
    norm_issuer = _fold_words(issuer)
    if number and when:
        return f"{(kind or '').lower()}|{number.lower().replace(' ', '')}|{when.isoformat()}|{norm_issuer}"
    norm_title = _fold_words(title)
    if when or norm_title:
        return f"{(kind or '').lower()}|-|{when.isoformat() if when else '-'}|{norm_issuer}|{norm_title}"
    return None


def _fold_words(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower().replace("ё", "е")))


# -- executors --------------------------------------------------------------------------------
def executor_to_record(e: Executor) -> dict:
    return {"id": e.id, "name": e.name, "aliases": list(e.aliases), "person": e.person, "kind": e.kind}


def executor_from_record(raw: dict) -> Executor:
    return Executor(id=raw["id"], name=raw.get("name", ""), aliases=list(raw.get("aliases") or []),
                    person=raw.get("person"), kind=raw.get("kind"))


# -- parser output -> preview ------------------------------------------------------------------
def preview_from_parse(result: Any, sha256: str = "") -> ImportPreview:
    """A parsers.ParseResult as an ImportPreview the clerk can review (nothing stored)."""
    doc = result.document
    orders: list[DraftOrder] = []
    for item in result.orders:
        deadline = item.deadline
        orders.append(DraftOrder(
            number=item.number, text=item.text, parent=item.parent,
            span=_span(item.span),
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
        ))
    return ImportPreview(
        source=result.source, error=result.error, kind=doc.kind, number=doc.number, date=doc.date,
        issuer=doc.issuer, title=doc.title, text=result.text or "", orders=orders,
        warnings=list(result.warnings), sha256=sha256, **_act_extras(result),
    )


def _act_extras(result: Any) -> dict:
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
