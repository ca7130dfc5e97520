"""Dated versions of registry records in the store, and the registry rebuilt as of any date.

registry_records holds the current state of each institution (valid_from, why, who, what
changed); when it changes, the state it replaces moves to registry_versions with its
valid_to. A state holds on days valid_from <= d < valid_to, so editing twice on one day
leaves a zero-length version that no date sees. A first import writes each record once.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from db.api import Store
from tracker.errors import ValidationError
from tracker.registry.models import FieldChange, RecordVersion, compared_fields, from_dict

RECORDS = "registry_records"
VERSIONS = "registry_versions"


@dataclass(slots=True)
class Write:
    """One record's new state."""

    old: dict[str, Any] | None
    data: dict[str, Any]  # flat fields (models.to_dict without bookkeeping)
    changes: list[FieldChange]
    expected_rev: int | None = None  # the _rev the editor saw: a stale edit is a ConflictError


def version_id(rid: str, number: int) -> str:
    return f"{rid}:{number}"


def write_versions(store: Store, writes: Iterable[Write], when: date, reason: str, who: str,
                   at: str) -> None:
    """Store new states; move each replaced state to the versions table. Call inside a transaction."""
    records = store.table(RECORDS)
    versions = store.table(VERSIONS)
    day = when.isoformat()
    fresh: list[dict[str, Any]] = []
    closed: list[dict[str, Any]] = []
    for write in writes:
        old = write.old
        rid = write.data.get("id") or old["id"]  # type: ignore[index]
        if old is not None and old.get("valid_from") and old["valid_from"] > day:
            raise ValidationError(
                f"Изменение записи «{old.get('organisation')}» датировано {when:%d.%m.%Y}, а последнее "
                f"изменение — {date.fromisoformat(old['valid_from']):%d.%m.%Y}. Укажите дату не раньше неё."
            )
        record = {**compared_fields(write.data), "id": rid, "valid_from": day,
                  "version": (old.get("version", 1) + 1) if old else 1,
                  "executor_key": write.data.get("executor_key") or (old or {}).get("executor_key", ""),
                  "reason": reason, "who": who, "at": at,
                  "changes": [[c.field, c.old, c.new] for c in write.changes] if old else []}
        if old is None:
            fresh.append(record)
            continue
        closed.append({"id": version_id(rid, old.get("version", 1)), "record_id": rid,
                       "n": old.get("version", 1), "valid_from": old.get("valid_from"), "valid_to": day,
                       "data": compared_fields(old), "changes": old.get("changes", []),
                       "reason": old.get("reason", ""), "who": old.get("who", ""), "at": old.get("at", "")})
        records.replace(record, expected_rev=write.expected_rev)
    if fresh:
        records.insert_many(fresh)
    if closed:
        versions.insert_many(closed)


def record_versions(store: Store, current: dict[str, Any]) -> list[RecordVersion]:
    """Every dated state of one record, oldest first (the current one last)."""
    table = store.table(VERSIONS)
    table.ensure_index("record_id")
    rows = sorted(table.find_by("record_id", current["id"]), key=lambda v: v["n"])
    rows.append({"record_id": current["id"], "n": current.get("version", 1),
                 "valid_from": current["valid_from"], "valid_to": None, "data": compared_fields(current),
                 **{k: current.get(k) for k in ("changes", "reason", "who", "at")}})
    return [_version(row) for row in rows]


def _version(row: dict[str, Any]) -> RecordVersion:
    data = {**row["data"], "id": row["record_id"], "valid_from": row["valid_from"]}
    return RecordVersion(
        record_id=row["record_id"], number=row["n"], valid_from=date.fromisoformat(row["valid_from"]),
        valid_to=date.fromisoformat(row["valid_to"]) if row.get("valid_to") else None,
        record=from_dict(data), changes=tuple(FieldChange(*c) for c in row.get("changes") or []),
        reason=row.get("reason") or "", who=row.get("who") or "", at=row.get("at") or "",
    )


def as_of(store: Store, day: date) -> list[dict[str, Any]]:
    """The registry's records (flat dicts with id) as they stood on `day`, removed ones left out."""
    iso = day.isoformat()
    out = [{**compared_fields(r), "id": r["id"], "valid_from": r["valid_from"]}
           for r in store.table(RECORDS).filter(lambda r: r["valid_from"] <= iso and not r.get("removed"))]

    def held(row: dict[str, Any]) -> bool:
        return row["valid_from"] <= iso < row["valid_to"] and not row["data"].get("removed")

    out += [{**row["data"], "id": row["record_id"], "valid_from": row["valid_from"]}
            for row in store.table(VERSIONS).filter(held)]
    return out
