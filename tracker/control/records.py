"""The one codec of stored control records: domain dataclasses <-> store dicts.

The one place that knows both the domain's dataclasses and the shapes stored in db/:
orders, acts, executors, history entries, and the light in-memory row the query index keeps
of an order (decoded straight from the stored dict, the hot path of opening 100,000 orders).
Stored dicts are plain JSON: dates "YYYY-MM-DD", datetimes ISO.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from tracker.calendar import ProductionCalendar
from tracker.control.api import DraftOrder
from tracker.deadlines import current_due, describe
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

ORDERS, ACTS, EXECUTORS, HISTORY = "orders", "acts", "executors", "history"


def d2s(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def s2d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def s2dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def fold(text: str) -> str:
    """Lower case, «ё» as «е»: how texts are compared and searched."""
    return (text or "").lower().replace("ё", "е")


def span(value: Any) -> tuple[int, int] | None:
    return (int(value[0]), int(value[1])) if value else None


# -- deadline -------------------------------------------------------------------------------
def deadline_to_dict(d: Deadline) -> dict:
    return {
        "kind": str(d.kind), "text": d.text, "due": d2s(d.due),
        "recurrence": str(d.recurrence) if d.recurrence else None,
        "relative": d.relative, "relative_days": d.relative_days, "relative_working": d.relative_working,
        "anchor": d2s(d.anchor), "review_every_days": d.review_every_days,
        "start": d2s(d.start), "point_day": d.point_day, "covered_until": d2s(d.covered_until),
        "point_offset": d.point_offset, "norm": d.norm, "relative_months": d.relative_months,
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
        point_offset=raw.get("point_offset"), norm=bool(raw.get("norm")),
        relative_months=raw.get("relative_months"),
    )


# -- order --------------------------------------------------------------------------------
def points_to_list(points: list[ClosedPoint]) -> list[dict]:
    return [{"due": d2s(p.due), "done_at": d2s(p.done_at), "report": p.report} for p in points]


def points_from_list(raw: list[dict] | None) -> list[ClosedPoint]:
    return [ClosedPoint(due=date.fromisoformat(p["due"]), done_at=date.fromisoformat(p["done_at"]),
                        report=p.get("report"))
            for p in raw or []]


def assignment_to_dict(a: Assignment) -> dict:
    stored: dict[str, Any] = {
        "executor_id": a.executor_id, "as_written": a.as_written, "role": str(a.role), "person": a.person,
        "status": str(a.status), "reported_at": d2s(a.reported_at), "done_at": d2s(a.done_at),
        "report": a.report,
    }
    if a.closed_points:
        stored["closed_points"] = points_to_list(a.closed_points)
    return stored


def assignment_from_dict(raw: dict) -> Assignment:
    return Assignment(
        executor_id=raw["executor_id"], as_written=raw.get("as_written", ""),
        role=ExecutorRole(raw.get("role") or "responsible"), person=raw.get("person"),
        status=Status(raw.get("status") or Status.ON_CONTROL), reported_at=s2d(raw.get("reported_at")),
        done_at=s2d(raw.get("done_at")), report=raw.get("report"),
        closed_points=points_from_list(raw.get("closed_points")),
    )


def extension_to_dict(e: Extension) -> dict:
    return {"old": d2s(e.old), "new": d2s(e.new), "reason": e.reason, "basis": e.basis,
            "at": e.at.isoformat(timespec="seconds"), "who": e.who}


def extension_from_dict(raw: dict) -> Extension:
    return Extension(old=s2d(raw.get("old")), new=date.fromisoformat(raw["new"]), reason=raw.get("reason", ""),
                     basis=raw.get("basis"), at=s2dt(raw.get("at")) or datetime.min, who=raw.get("who", ""))


def order_to_record(o: Order) -> dict:
    """The stored order (history lives in its own table, appended only)."""
    return {
        "id": o.id, "act_id": o.act_id, "number": o.number, "text": o.text, "parent": o.parent,
        "span": list(o.span) if o.span else None, "deadline": deadline_to_dict(o.deadline),
        "assignments": [assignment_to_dict(a) for a in o.assignments], "status": str(o.status),
        "done_at": d2s(o.done_at), "withdrawn_reason": o.withdrawn_reason,
        "extensions": [extension_to_dict(e) for e in o.extensions], "confidence": o.confidence,
        "closed_points": points_to_list(o.closed_points),
        "created": d2s(o.created), **({"withdrawn_on": d2s(o.withdrawn_on)} if o.withdrawn_on else {}),
    }


def order_from_record(raw: dict) -> Order:
    return Order(
        id=raw["id"], act_id=raw.get("act_id") or "", number=raw.get("number") or "",
        text=raw.get("text") or "", parent=raw.get("parent"), span=span(raw.get("span")),
        deadline=deadline_from_dict(raw.get("deadline")),
        assignments=[assignment_from_dict(a) for a in raw.get("assignments") or []],
        status=Status(raw.get("status") or Status.ON_CONTROL), done_at=s2d(raw.get("done_at")),
        withdrawn_reason=raw.get("withdrawn_reason"), withdrawn_on=s2d(raw.get("withdrawn_on")),
        extensions=[extension_from_dict(e) for e in raw.get("extensions") or []],
        confidence=float(raw.get("confidence") or 0.0),
        closed_points=points_from_list(raw.get("closed_points")),
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


# -- the query index's row of an order --------------------------------------------------------
NO_DUE = date.max.toordinal() + 1  # the due ordinal of an order without a date: after every date
_STATUS = {str(status): status for status in Status}


@lru_cache(maxsize=8192)
def _iso_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@lru_cache(maxsize=8192)
def _ddmmyyyy(day: date) -> str:
    return f"{day:%d.%m.%Y}"


def _describe_stored(kind: str, due: date | None, stored: dict) -> str:
    """deadlines.describe() for a stored non-recurring deadline, without building a Deadline."""
    if kind == DeadlineKind.RELATIVE:
        words = stored.get("relative") or stored.get("text") or "относительный срок"
        return f"{_ddmmyyyy(due)} ({words})" if due else words
    if due is not None:
        return _ddmmyyyy(due)
    return stored.get("text") or "—"


@lru_cache(maxsize=4096)
def number_key(number: str) -> tuple:
    """«1.10» after «1.9»; letters after digits."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.findall(r"\d+|[^\W\d_]+", number or ""))


def number_sort_text(number: str) -> str:
    """number_key() as a string that sorts the same way byte by byte (SQL: COLLATE "C").

    Each part ends in \x01 (below every letter and digit), a number is its length in digits
    then its digits, a word is «1» and the word: so «1.9» < «1.10» < «1а» as in number_key."""
    out = []
    for _kind, value, word in number_key(number):
        if word:
            out.append("1" + word)
        else:
            digits = str(value)
            out.append(f"0{len(digits):03}{digits}")
    return "".join(part + "\x01" for part in out)


def _words(text: str) -> str:
    """The folded text's distinct words, each once: what a search for whitespace-free words needs.

    A word without spaces occurs in a text exactly when it occurs within one of its words, so
    dropping repeats changes no match and makes every keystroke's scan shorter."""
    return " ".join(dict.fromkeys(fold(text).split()))


@dataclass(slots=True, eq=False)
class IndexRow:
    """What lists, filters and figures need of one order, kept in memory by the query index.

    The server keeps the same rows in SQL (index_row_to_dict below): a change to them needs
    tracker.control.sql_queries.ROW_FORMAT bumped, so that stored rows are rebuilt."""

    id: str
    act_id: str
    number: str
    nkey: tuple
    # executor id, status, done_at, responsible, the periods its part was accepted for (point, on)
    parts: tuple[tuple[str, Status, date | None, bool, tuple[tuple[date, date], ...]], ...]
    due: date | None
    deadline_text: str
    status: Status
    done_at: date | None
    text: str
    haystack: str
    deadline: Deadline | None  # kept for recurring orders only (discipline counts their points)
    closed: tuple[tuple[date, date], ...]
    due_ord: int = 0  # due.toordinal(), or after every date: a cheap sort key
    needs_date: bool = False  # a relative term nobody has dated yet («нужна дата»)
    permanent: bool = False  # «постоянно»: never overdue, listed apart in periodic reports
    withdrawn_on: date | None = None  # the day the order was withdrawn (when the record says)
    # a recurring order's overdue points as of a day: (day's ordinal, late executors of each point);
    # a changed order gets a new row, so this never outlives the record it was counted from
    late_points: tuple[int, tuple[tuple[str, ...], ...]] | None = None


def order_row(raw: dict, act_label_of: dict[str, str], executor_name: Callable[[str], str],
              calendar: ProductionCalendar) -> IndexRow:
    """The in-memory row of one stored order (the hot path of opening 100,000 orders).

    `act_label_of` maps act ids to labels; `executor_name(id)` names an executor."""
    stored_deadline = raw.get("deadline") or {}
    kind = stored_deadline.get("kind") or "none"
    deadline = None
    due: date | None
    closed = tuple((d, done) for p in raw.get("closed_points") or []
                   if (d := _iso_date(p["due"])) is not None and (done := _iso_date(p["done_at"])) is not None)
    if kind == DeadlineKind.RECURRING:
        deadline = deadline_from_dict(stored_deadline)
        due = current_due(deadline, calendar, frozenset(d for d, _done in closed))
        deadline_text = describe(deadline)
    else:
        due = _iso_date(stored_deadline.get("due"))
        deadline_text = _describe_stored(kind, due, stored_deadline)
    assignments = raw.get("assignments") or []
    parts = tuple(
        (a["executor_id"], _STATUS[a.get("status") or "на исполнении"], _iso_date(a.get("done_at")),
         (a.get("role") or "responsible") == "responsible",
         tuple((d, done) for p in a.get("closed_points") or ()
               if (d := _iso_date(p["due"])) is not None and (done := _iso_date(p["done_at"])) is not None))
        for a in assignments
    )
    number = raw.get("number") or ""
    text = raw.get("text") or ""
    names = " ".join(executor_name(p[0]) for p in parts)
    writings = " ".join(a.get("as_written") or "" for a in assignments)
    haystack = _words(" ".join((text, act_label_of.get(raw.get("act_id") or "", ""), names, writings, number)))
    return IndexRow(
        id=raw["id"], act_id=raw.get("act_id") or "", number=number, nkey=number_key(number), parts=parts,
        due=due, deadline_text=deadline_text, status=_STATUS[raw.get("status") or "на исполнении"],
        done_at=_iso_date(raw.get("done_at")), text=text[:200], haystack=haystack,
        deadline=deadline, closed=closed, due_ord=due.toordinal() if due else NO_DUE,
        needs_date=kind == DeadlineKind.RELATIVE and due is None,
        permanent=kind == DeadlineKind.RECURRING and stored_deadline.get("recurrence") == "постоянно",
        withdrawn_on=_iso_date(raw.get("withdrawn_on")),
    )


# -- drafts kept on an amending act ----------------------------------------------------------
def draft_to_dict(d: DraftOrder) -> dict:
    """A reviewed draft as stored on an amending act (applied when the amended act arrives)."""
    return {
        "number": d.number, "text": d.text, "parent": d.parent, "span": list(d.span) if d.span else None,
        "responsible": list(d.responsible), "responsible_names": list(d.responsible_names),
        "persons": list(d.persons), "coexecutors": list(d.coexecutors), "deadline_text": d.deadline_text,
        "due": d2s(d.due), "recurrence": d.recurrence, "relative": d.relative, "confidence": d.confidence,
    }


def draft_from_dict(raw: dict) -> DraftOrder:
    return DraftOrder(
        number=raw.get("number") or "?", text=raw.get("text") or "", parent=raw.get("parent"),
        span=span(raw.get("span")), responsible=list(raw.get("responsible") or []),
        responsible_names=list(raw.get("responsible_names") or []), persons=list(raw.get("persons") or []),
        coexecutors=list(raw.get("coexecutors") or []), deadline_text=raw.get("deadline_text"),
        due=s2d(raw.get("due")), recurrence=raw.get("recurrence"), relative=raw.get("relative"),
        confidence=float(raw.get("confidence") or 0.0), quoted=True,
    )


# -- the same row as stored by the SQL read side (tracker.control.sql_queries) ------------------
def index_row_to_dict(row: IndexRow) -> dict:
    """An IndexRow as JSON (the haystack and the sort keys are columns of their own)."""
    return {
        "id": row.id, "act_id": row.act_id, "number": row.number,
        "parts": [[p[0], str(p[1]), d2s(p[2]), p[3], [[d2s(d), d2s(on)] for d, on in p[4]]] for p in row.parts],
        "due": d2s(row.due), "deadline_text": row.deadline_text, "status": str(row.status),
        "done_at": d2s(row.done_at), "text": row.text,
        "deadline": deadline_to_dict(row.deadline) if row.deadline is not None else None,
        "closed": [[d2s(d), d2s(done)] for d, done in row.closed],
        "needs_date": row.needs_date, "permanent": row.permanent, "withdrawn_on": d2s(row.withdrawn_on),
    }


def index_row_from_dict(raw: dict, haystack: str = "") -> IndexRow:
    due = _iso_date(raw.get("due"))
    return IndexRow(
        id=raw["id"], act_id=raw["act_id"], number=raw["number"], nkey=number_key(raw["number"]),
        parts=tuple((p[0], _STATUS[p[1]], _iso_date(p[2]), bool(p[3]),
                     tuple((date.fromisoformat(d), date.fromisoformat(on)) for d, on in p[4]))
                    for p in raw["parts"]),
        due=due, deadline_text=raw["deadline_text"], status=_STATUS[raw["status"]],
        done_at=_iso_date(raw.get("done_at")), text=raw["text"], haystack=haystack,
        deadline=deadline_from_dict(raw["deadline"]) if raw.get("deadline") else None,
        closed=tuple((date.fromisoformat(d), date.fromisoformat(done)) for d, done in raw["closed"]),
        due_ord=due.toordinal() if due else NO_DUE, needs_date=bool(raw["needs_date"]),
        permanent=bool(raw["permanent"]), withdrawn_on=_iso_date(raw.get("withdrawn_on")),
    )
