"""Moving a whole database from one store to another (a clerk's file onto the region's server).

Nothing is lost or changed on the way: every table is copied record for record in one
transaction of the target, and both sides are then counted and checksummed. The checksum
covers each record's content (not its revision, which the target numbers anew).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

import orjson

from db.api import Store
from db.errors import StoreError

BATCH = 500


@dataclass(frozen=True, slots=True)
class Census:
    """What a store holds: records per table, and one checksum over all of them."""

    counts: dict[str, int]
    checksum: str

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def census(store: Store) -> Census:
    """Count and checksum every table (records in id order, `_rev` left out)."""
    digest = hashlib.sha256()
    counts: dict[str, int] = {}
    for name in store.table_names():
        records = sorted(store.table(name).all(), key=lambda r: r["id"])
        if not records:
            continue
        counts[name] = len(records)
        for record in records:
            content = {k: v for k, v in record.items() if k != "_rev"}
            digest.update(orjson.dumps([name, content], option=orjson.OPT_SORT_KEYS))
            digest.update(b"\n")
    return Census(counts, digest.hexdigest())


def copy_store(source: Store, target: Store) -> tuple[Census, Census]:
    """Copy everything from `source` into the empty `target`; return both censuses (they must agree)."""
    before = census(source)
    occupied = [name for name in target.table_names() if len(target.table(name))]
    if occupied:
        raise StoreError(
            f"База назначения {target.path} не пуста (таблицы: {', '.join(occupied)}). "
            "Перенос делается в новую пустую базу; ничего не изменено."
        )
    with target.transaction():
        for name in before.counts:
            records = [{k: v for k, v in r.items() if k != "_rev"} for r in source.table(name).all()]
            table = target.table(name)
            for start in range(0, len(records), BATCH):
                table.insert_many(records[start:start + BATCH])
    after = census(target)
    if after != before:
        raise StoreError(
            f"После переноса в {target.path} данные не сходятся с исходными "
            f"({before.total} записей, контрольная сумма {before.checksum[:12]} — а там {after.total}, "
            f"{after.checksum[:12]}). Не работайте с новой базой; исходная не тронута."
        )
    return before, after
