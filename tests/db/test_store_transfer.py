"""Moving a clerk's file database onto a server: nothing lost, counted and checksummed."""
from __future__ import annotations

import pytest
from storeproc import FILE_OPTIONS

from db import MemoryStore, StoreError, open_store
from db.postgres import open_pg_store
from db.transfer import census, copy_store

RECORDS = {
    "acts": [{"id": "a1", "kind": "постановление", "number": "1611-п", "date": "2023-06-30", "key": "k1"}],
    "orders": [{"id": "o1", "act_id": "a1", "number": "2.5", "status": "на исполнении",
                "deadline": {"kind": "date", "due": "2023-09-30"},
                "assignments": [{"executor_id": "e1", "role": "responsible", "status": "на исполнении"}]}],
    "executors": [{"id": "e1", "name": "Управление делами", "aliases": []}],
    "history": [{"id": "o1.0", "order_id": "o1", "n": 0, "at": "2023-07-01T10:00:00", "who": "иванова",
                 "action": "create", "what": "Поставлено на контроль", "why": None, "data": {}}],
    "registry_records": [{"id": f"r{n}", "name": f"МБОУ СОШ № {n}", "district": "Обнинск"} for n in range(700)],
    "notes_of_a_later_version": [{"id": "x", "text": "таблица, которой нет в схеме сервера"}],
}


def fill(store) -> None:
    with store.transaction():
        for name, records in RECORDS.items():
            store.table(name).insert_many([dict(r) for r in records])
        store.table("orders").update("o1", {"status": "исполнено"})


def test_a_file_database_moves_to_the_server_with_the_same_counts_and_checksum(tmp_path, pg_url):
    source = open_store(tmp_path / "clerk.db", schema_version=1, **FILE_OPTIONS)
    fill(source)
    target = open_pg_store(pg_url, schema_version=1)
    before, after = copy_store(source, target)
    assert before == after
    assert after.counts["registry_records"] == 700 and after.total == 705
    assert target.table("orders").get("o1")["status"] == "исполнено"
    source.close()
    target.close()


def test_the_checksum_sees_a_changed_record():
    left, right = MemoryStore(), MemoryStore()
    fill(left)
    fill(right)
    assert census(left) == census(right)
    right.table("executors").update("e1", {"name": "Управление делами Администрации"})
    assert census(left).checksum != census(right).checksum
    assert census(left).counts == census(right).counts


def test_moving_into_a_database_that_holds_data_is_refused_and_changes_nothing(pg_url):
    source, target = MemoryStore(), open_pg_store(pg_url, schema_version=1)
    fill(source)
    target.table("acts").insert({"id": "already", "kind": "распоряжение"})
    with pytest.raises(StoreError, match="не пуста"):
        copy_store(source, target)
    assert [r["id"] for r in target.table("acts").all()] == ["already"]
    target.close()
